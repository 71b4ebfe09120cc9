import Foundation

/// An error in a scenario file, written for a planner: the file, the JSON path, what was expected.
///
/// `description` is `<file>: <path>: <message>`, or `<file>: <message>` when the path is empty.
/// Syntax errors put their position in `path` (`line 3, column 7`).
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario file as the user named it.
    public var file: String
    /// Where in the file: a JSON path described by ids (`instances[grande-table].quorum`), a
    /// position (`line 3, column 7`), or "" for the whole file.
    public var path: String
    /// What is wrong, in plain English.
    public var message: String

    /// Creates an error.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `<file>: <path>: <message>`, the path omitted when empty.
    /// Control characters are escaped and long values shortened (``MessageText``).
    public var description: String { MessageText.clean(path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)") }
}

/// Turns a `JSONDecoder` `DecodingError` into a ``ScenarioError`` whose path is described against
/// the raw tree (array elements named by their `id`), with the decoder's wording made plain:
///
/// - `typeMismatch` → `expected a number, found a string ("six")` (a whole number for integer
///   fields, `true or false` for booleans, an array, an object, a string);
/// - `valueNotFound` → `expected a number, found null`;
/// - `keyNotFound` → the parent's path and `missing required key `id``, with a hint when the
///   object has a key spelled almost the same;
/// - `dataCorrupted` → its debug description, with the decoder's own phrases rewritten
///   (invalid enumeration values, numbers that do not fit an integer field).
///
/// - Parameters:
///   - error: the error thrown by `JSONDecoder().decode(_:from: root.data())`.
///   - file: the file name to report.
///   - root: the tree that was decoded, used to name ids and quote the offending value.
public func scenarioError(from error: DecodingError, file: String, root: JSONValue) -> ScenarioError {
    switch error {
    case let .typeMismatch(type, ctx):
        let path = JSONPath(codingPath: ctx.codingPath)
        let expected = expectedDescription(type)
        let message: String
        switch path.resolve(in: root) {
        case .number(let x)? where expected == "a whole number":
            message = "expected a whole number, found \(NumberFormat.json(x))"
        case let found?:
            message = "expected \(expected), found \(found.typeDescription)"
        case nil:
            message = "expected \(expected)"
        }
        return ScenarioError(file: file, path: path.describe(in: root), message: message)

    case let .valueNotFound(type, ctx):
        let path = JSONPath(codingPath: ctx.codingPath)
        let atEnd = ctx.debugDescription.lowercased().contains("at end")
        return ScenarioError(file: file, path: path.describe(in: root),
                             message: "expected \(expectedDescription(type)), found \(atEnd ? "the end of the array" : "null")")

    case let .keyNotFound(key, ctx):
        let parent = JSONPath(codingPath: ctx.codingPath)
        var message = "missing required key `\(key.stringValue)`"
        if parent.isEmpty { message += " at the top level of the file" }
        if let keys = parent.resolve(in: root)?.objectValue?.map(\.0),
           let near = closestKey(to: key.stringValue, among: keys), near != key.stringValue {
            message += " (the object has `\(near)`: is it misspelled?)"
        }
        return ScenarioError(file: file, path: parent.describe(in: root), message: message)

    case let .dataCorrupted(ctx):
        let path = JSONPath(codingPath: ctx.codingPath)
        return ScenarioError(file: file, path: path.describe(in: root),
                             message: plainDataCorruptedMessage(ctx.debugDescription, found: path.resolve(in: root), atRoot: path.isEmpty))

    @unknown default:
        return ScenarioError(file: file, path: "", message: "\(error)")
    }
}

/// How a Swift type is named to a planner: "a number", "a whole number", "a string"...
func expectedDescription(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Float.Type: return "a number"
    case is Int.Type, is Int8.Type, is Int16.Type, is Int32.Type, is Int64.Type,
         is UInt.Type, is UInt8.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type:
        return "a whole number"
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    default:
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "an array" }
        return "an object"
    }
}

/// Rewrites the decoder's `dataCorrupted` descriptions that speak Swift into plain English;
/// messages written by the scenario code itself pass through unchanged.
func plainDataCorruptedMessage(_ text: String, found: JSONValue?, atRoot: Bool) -> String {
    // "Cannot initialize Kind from invalid String value zz"
    if text.hasPrefix("Cannot initialize "), text.contains(" from invalid ") {
        if let found {
            return "\(found.typeDescription) is not one of the accepted values here"
        }
        if let r = text.range(of: " value ", options: .backwards) {
            return "`\(text[r.upperBound...])` is not one of the accepted values here"
        }
    }
    // JSONDecoder reports an integer field given 2.5 or 1e30 as invalid JSON, with no path.
    if text.hasPrefix("The given data was not valid JSON") {
        return "a number does not fit its field (for example 2.5 or a huge number where a whole number is expected)"
    }
    if text.contains("does not fit in") || text.hasPrefix("Parsed JSON number") {
        if case .number(let x)? = found { return "the number \(NumberFormat.json(x)) does not fit here: expected a whole number in range" }
        return "a number does not fit here: expected a whole number in range"
    }
    return text
}

/// The candidate closest to `key`, for "did you mean `meetingsPerYear`?" suggestions: a
/// case-insensitive exact match if any, else the candidate at the smallest Damerau–Levenshtein
/// distance (adjacent transpositions count as one edit) provided that distance is at most 2
/// (at most 1 for keys of 3 characters or fewer) and smaller than the key's length. Ties go to
/// the earlier candidate. Comparison ignores case. Returns nil when nothing is close.
public func closestKey(to key: String, among candidates: [String]) -> String? {
    let lower = key.lowercased()
    if let same = candidates.first(where: { $0.lowercased() == lower }) { return same }
    let a = Array(lower)
    let limit = a.count <= 3 ? 1 : 2
    var best: (candidate: String, distance: Int)?
    for c in candidates {
        let b = Array(c.lowercased())
        if abs(a.count - b.count) > limit { continue }
        let d = damerauLevenshtein(a, b)
        if d <= limit && d < a.count && (best == nil || d < best!.distance) { best = (c, d) }
    }
    return best?.candidate
}

/// Optimal-string-alignment Damerau–Levenshtein distance: insertions, deletions, substitutions
/// and transpositions of adjacent characters each cost 1.
func damerauLevenshtein<C: Equatable>(_ a: [C], _ b: [C]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev2 = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d = min(d, prev2[j - 2] + 1) }
            cur[j] = d
        }
        swap(&prev2, &prev)
        swap(&prev, &cur)
    }
    return prev[b.count]
}
