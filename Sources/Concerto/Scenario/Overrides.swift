import Foundation

/// A `--set` that cannot be applied.
public struct OverrideError: Error, Sendable, Equatable { public var message: String }

/// Splits `PATH=VALUE` at the first `=`.
public func parseSetArgument(_ s: String) throws(OverrideError) -> (path: String, value: String) {
    guard let eq = s.firstIndex(of: "=") else { throw OverrideError(message: "expected PATH=VALUE, e.g. instances.grande-table.schedule.meetingsPerYear=6") }
    let path = String(s[..<eq])
    if path.isEmpty { throw OverrideError(message: "the path before `=` is empty") }
    return (path, String(s[s.index(after: eq)...]))
}

/// Sets the value at a dotted path (array elements addressed by `id` or by index). The value is
/// parsed as JSON when it parses (6, 0.5, true, "x", [1,2]), else taken as a plain string.
/// An unknown key or id is an error naming what exists, unless `allowNewKeys`.
public func applyOverride(_ root: JSONValue, path: String, value: String, allowNewKeys: Bool = false) throws(OverrideError) -> JSONValue {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if parts.contains(where: \.isEmpty) { throw OverrideError(message: "the path `\(path)` has an empty segment") }
    let newValue: JSONValue = (try? JSONValue.parse(Data(value.utf8))) ?? .string(value)
    return try set(root, parts[...], newValue, done: [], allowNewKeys: allowNewKeys)
}

private func set(_ node: JSONValue, _ parts: ArraySlice<String>, _ value: JSONValue, done: [String], allowNewKeys: Bool) throws(OverrideError) -> JSONValue {
    guard let head = parts.first else { return value }
    let here = done.isEmpty ? "the top level" : "`" + done.joined(separator: ".") + "`"
    switch node {
    case .object(var members):
        if let k = members.firstIndex(where: { $0.0 == head }) {
            members[k].1 = try set(members[k].1, parts.dropFirst(), value, done: done + [head], allowNewKeys: allowNewKeys)
            return .object(members)
        }
        if allowNewKeys && parts.count == 1 {
            members.append((head, value))
            return .object(members)
        }
        let keys = members.map(\.0)
        var msg = "unknown key `\(head)` at \(here)"
        if let near = closestKey(to: head, among: keys) { msg += " (did you mean `\(near)`?)" }
        else { msg += "; it has: " + keys.joined(separator: ", ") }
        msg += ". Keys left at their default are not in the file: write them in the scenario first."
        throw OverrideError(message: msg)
    case .array(var items):
        var index: Int? = items.firstIndex { $0["id"]?.stringValue == head }
        if index == nil, let i = Int(head), i >= 0, i < items.count { index = i }
        guard let k = index else {
            let ids = items.compactMap { $0["id"]?.stringValue }
            var msg = "no element with id `\(head)` in \(here)"
            if let near = closestKey(to: head, among: ids) { msg += " (did you mean `\(near)`?)" }
            else if !ids.isEmpty { msg += "; ids: " + ids.prefix(20).joined(separator: ", ") }
            throw OverrideError(message: msg)
        }
        items[k] = try set(items[k], parts.dropFirst(), value, done: done + [head], allowNewKeys: allowNewKeys)
        return .array(items)
    default:
        throw OverrideError(message: "\(here) is \(node.typeDescription), it has no `\(head)`")
    }
}
