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
let annotationKeys: Set<String> = ["source", "sources", "note", "comment", "description"]

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
}
