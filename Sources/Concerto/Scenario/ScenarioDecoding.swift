import Foundation

/// A coding key for any string: lets decoding list the keys a JSON object really has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

/// Keys allowed on every scenario object: notes for planners, never read by the model.
/// `source` documents the object; `sources` maps a key of the object to where its value comes
/// from (the seed's words, or "assumption: ..." with a reason).
let annotationKeys: Set<String> = ["source", "sources", "note", "comment", "description", "ranges"]

extension Decoder {
    /// Rejects keys that the type does not know (a misspelled key is otherwise silently
    /// ignored and its default used), suggesting the closest valid key.
    func rejectUnknownKeys<K: CodingKey & CaseIterable>(_ keys: K.Type) throws {
        guard let raw = try? container(keyedBy: AnyCodingKey.self) else { return }
        let known = K.allCases.map { $0.stringValue }
        let knownSet = Set(known)
        for key in raw.allKeys where !knownSet.contains(key.stringValue) && !annotationKeys.contains(key.stringValue) {
            var message = "unknown key `\(key.stringValue)`"
            if let near = closestKey(to: key.stringValue, among: known) {
                message += " (did you mean `\(near)`?)"
            } else {
                message += "; expected one of: " + known.joined(separator: ", ")
            }
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
        }
        // `ranges` (uncertainties for `concerto explore`) are checked by `UncertaintyCollector`;
        // here only that they name keys of this object.
        if raw.contains(AnyCodingKey(stringValue: "ranges")),
           let ranges = try? raw.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(stringValue: "ranges")) {
            for k in ranges.allKeys.map(\.stringValue).sorted() where !knownSet.contains(k) {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: codingPath + [AnyCodingKey(stringValue: "ranges"), AnyCodingKey(stringValue: k)],
                    debugDescription: "`ranges` names `\(k)`, which is not a key of this object"))
            }
        }
        if raw.contains(AnyCodingKey(stringValue: "sources")) {
            let sources = try raw.decode([String: String].self, forKey: AnyCodingKey(stringValue: "sources"))
            for k in sources.keys.sorted() where !knownSet.contains(k) {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: codingPath + [AnyCodingKey(stringValue: "sources"), AnyCodingKey(stringValue: k)],
                    debugDescription: "`sources` names `\(k)`, which is not a key of this object"))
            }
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes an optional value, falling back to a documented default.
    func value<T: Decodable>(_ key: Key, default value: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? value
    }

    /// A whole number, read as a number and checked, so that 2.5 or 1e30 is reported at its
    /// path ("expected a whole number") rather than as unreadable JSON.
    func wholeNumber(_ key: Key) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try Self.whole(try decode(Double.self, forKey: key), codingPath + [key])
    }

    static func whole(_ x: Double, _ path: [any CodingKey]) throws -> Int {
        guard x.isFinite, x == x.rounded(), abs(x) < 1e15 else {
            throw DecodingError.typeMismatch(Int.self, .init(codingPath: path, debugDescription: "expected a whole number, found \(x)"))
        }
        return Int(x)
    }

    func value(_ key: Key, default value: Int) throws -> Int { try wholeNumber(key) ?? value }

    func value(_ key: Key, default value: [Int]) throws -> [Int] {
        guard contains(key), try !decodeNil(forKey: key) else { return value }
        let xs = try decode([Double].self, forKey: key)
        return try xs.enumerated().map { try Self.whole($0.element, codingPath + [key, AnyCodingKey(intValue: $0.offset)]) }
    }

    /// A point in the run, in days from day 0: a number of days, or a duration written `2y`,
    /// `18m` or `45d` (a year is 365 days, a month 365/12).
    func days(_ key: Key) throws -> Double? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let d = try? decode(Double.self, forKey: key) { return d }
        let text = try decode(String.self, forKey: key).trimmingCharacters(in: .whitespaces)
        let units: [Character: Double] = ["y": 365, "m": 365.0 / 12, "d": 1]
        if let unit = text.last, let factor = units[unit], let n = Double(text.dropLast()), n.isFinite { return n * factor }
        throw DecodingError.typeMismatch(Double.self, .init(codingPath: codingPath + [key],
            debugDescription: "expected a number of days or a duration such as 2y, 18m or 45d, found \"\(text)\""))
    }

    /// A required whole number.
    func requiredWholeNumber(_ key: Key) throws -> Int {
        guard let v = try wholeNumber(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing \(key.stringValue)"))
        }
        return v
    }
}
