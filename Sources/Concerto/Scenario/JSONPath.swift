import Foundation

/// A path into a JSON document: object keys and array indices.
///
/// Rendered plainly as `instances[2].schedule.meetingsPerYear` (``description``), or, against
/// the document, with array elements named by their `id` so that messages use names planners
/// know: `instances[grande-table].schedule.meetingsPerYear` (``describe(in:)``).
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// A member of an object.
        case key(String)
        /// An element of an array (0-based).
        case index(Int)
    }

    /// The steps from the root.
    public var components: [Component]

    /// A path from its steps; the empty path is the root.
    public init(_ components: [Component] = []) { self.components = components }

    /// Converts a `DecodingError` coding path: integer keys of unkeyed containers (`Index 2`)
    /// become indices, other keys become object keys. A dictionary key that looks like an
    /// integer may become an index; ``describe(in:)`` and ``resolve(in:)`` treat an index applied
    /// to an object as the key with that name, so both readings work.
    public init(codingPath: [any CodingKey]) {
        components = codingPath.map { k in
            if let i = k.intValue, k.stringValue == "Index \(i)" || k.stringValue == String(i) { return .index(i) }
            return .key(k.stringValue)
        }
    }

    /// Whether this is the root.
    public var isEmpty: Bool { components.isEmpty }

    /// This path with one more step.
    public func appending(_ c: Component) -> JSONPath { JSONPath(components + [c]) }
    /// This path with one more key.
    public func appending(key: String) -> JSONPath { appending(.key(key)) }
    /// This path with one more index.
    public func appending(index: Int) -> JSONPath { appending(.index(index)) }

    /// The path without its last step (the root stays the root).
    public var parent: JSONPath { JSONPath(Array(components.dropLast())) }

    /// Plain rendering with indices: `instances[2].schedule`; the root renders as "".
    public var description: String { render(nil) }

    /// Rendering that names each array element that is an object with a string `id` by that id:
    /// `instances[grande-table].schedule.meetingsPerYear`. Elements without an id keep their
    /// index (`route[0]`). Steps that leave the document are rendered plainly.
    public func describe(in root: JSONValue) -> String { render(root) }

    /// The value at this path in `root`, or nil when the path leaves the document.
    public func resolve(in root: JSONValue) -> JSONValue? {
        var node: JSONValue? = root
        for c in components {
            node = JSONPath.step(node, c)
            if node == nil { return nil }
        }
        return node
    }

    private static func step(_ node: JSONValue?, _ c: Component) -> JSONValue? {
        switch c {
        case .key(let k): return node?[k]
        case .index(let i):
            if case .object? = node { return node?[String(i)] }
            return node?[i]
        }
    }

    /// Whether a key can be written bare after a dot.
    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && !key.contains(where: { $0 == "." || $0 == "[" || $0 == "]" || $0 == "\"" || $0.isWhitespace })
    }

    private func render(_ root: JSONValue?) -> String {
        var out = ""
        var node = root
        for c in components {
            switch c {
            case .key(let k):
                if JSONPath.isPlain(k) {
                    out += out.isEmpty ? k : "." + k
                } else {
                    var quoted = ""
                    JSONValue.escape(k, into: &quoted)
                    out += "[" + quoted + "]"
                }
                node = node?[k]
            case .index(let i):
                if case .object? = node {
                    // A dictionary key that looked like an integer.
                    let k = String(i)
                    out += out.isEmpty ? k : "." + k
                    node = node?[k]
                } else {
                    let element = node?[i]
                    if let id = element?["id"]?.stringValue, !id.isEmpty { out += "[\(id)]" } else { out += "[\(i)]" }
                    node = element
                }
            }
        }
        return out
    }
}
