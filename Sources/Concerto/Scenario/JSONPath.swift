import Foundation

/// A path into a JSON document, written for planners: `instances[grande-table].schedule.meetingsPerYear`
/// (array elements that have an `id` are named by it).
public struct JSONPath: Sendable, Equatable {
    public enum Component: Sendable, Equatable { case key(String), index(Int) }
    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// From a decoding error's coding path.
    public init(codingPath: [any CodingKey]) {
        components = codingPath.map { k in
            if let i = k.intValue, k.stringValue.hasPrefix("Index ") || String(i) == k.stringValue { return .index(i) }
            return .key(k.stringValue)
        }
    }

    /// Plain rendering with indices: `instances[2].schedule`.
    public var description: String { render(nil) }

    /// Rendering that names array elements by their `id` when the element has one.
    public func describe(in root: JSONValue) -> String { render(root) }

    private func render(_ root: JSONValue?) -> String {
        var out = ""
        var node = root
        for c in components {
            switch c {
            case .key(let k):
                out += out.isEmpty ? k : "." + k
                node = node?[k]
            case .index(let i):
                let element = node?[i]
                if let id = element?["id"]?.stringValue { out += "[\(id)]" } else { out += "[\(i)]" }
                node = element
            }
        }
        return out
    }
}

/// An error in a scenario file, written for a planner: the file, the JSON path, what was expected.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String
    public init(file: String, path: String, message: String) { self.file = file; self.path = path; self.message = message }
    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}

/// Turns a JSONDecoder error into a message naming the path (by ids) and what was expected.
public func scenarioError(from error: DecodingError, file: String, root: JSONValue) -> ScenarioError {
    func expected(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type: return "a whole number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }
    func found(_ path: [any CodingKey]) -> String {
        var node: JSONValue? = root
        for c in JSONPath(codingPath: path).components {
            switch c { case .key(let k): node = node?[k]; case .index(let i): node = node?[i] }
        }
        return node?.typeDescription ?? "nothing"
    }
    switch error {
    case let .typeMismatch(type, ctx):
        var msg = "expected \(expected(type)), found \(found(ctx.codingPath))"
        if case .number(let x)? = { () -> JSONValue? in
            var node: JSONValue? = root
            for c in JSONPath(codingPath: ctx.codingPath).components { switch c { case .key(let k): node = node?[k]; case .index(let i): node = node?[i] } }
            return node }(), type == Int.self, x != x.rounded() { msg = "expected a whole number, found \(NumberFormat.json(x))" }
        return ScenarioError(file: file, path: JSONPath(codingPath: ctx.codingPath).describe(in: root), message: msg)
    case let .valueNotFound(type, ctx):
        return ScenarioError(file: file, path: JSONPath(codingPath: ctx.codingPath).describe(in: root), message: "expected \(expected(type)), found null")
    case let .keyNotFound(key, ctx):
        let parent = JSONPath(codingPath: ctx.codingPath).describe(in: root)
        return ScenarioError(file: file, path: parent.isEmpty ? "(top level)" : parent, message: "missing required key `\(key.stringValue)`")
    case let .dataCorrupted(ctx):
        var msg = ctx.debugDescription
        if msg.contains("Parsed JSON number") || msg.contains("does not fit") { msg = "the number does not fit: " + msg }
        return ScenarioError(file: file, path: JSONPath(codingPath: ctx.codingPath).describe(in: root), message: msg)
    @unknown default:
        return ScenarioError(file: file, path: "", message: "\(error)")
    }
}

/// The candidate closest to `key` (case-insensitive match, or Damerau–Levenshtein distance ≤ 2
/// and less than half the key's length), for "did you mean" suggestions.
public func closestKey(to key: String, among candidates: [String]) -> String? {
    let lower = key.lowercased()
    if let exact = candidates.first(where: { $0.lowercased() == lower }) { return exact }
    var best: (String, Int)? = nil
    let a = Array(lower)
    for c in candidates {
        let b = Array(c.lowercased())
        let d = damerauLevenshtein(a, b)
        if d <= 2 && d * 2 < Swift.max(a.count, 2) && (best == nil || d < best!.1) { best = (c, d) }
    }
    return best?.0
}

func damerauLevenshtein(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[a.count][b.count]
}
