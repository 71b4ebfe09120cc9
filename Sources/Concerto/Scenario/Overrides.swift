import Foundation

/// A `--set PATH=VALUE` override that cannot be applied; `message` says why in plain English.
public struct OverrideError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the path segment at fault.
    public var message: String
    /// Creates an error.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Splits a `--set` argument `PATH=VALUE` at the first `=` (the value may itself contain `=`).
///
/// Throws when there is no `=` or the path before it is empty (or only spaces).
public func parseSetArgument(_ s: String) throws(OverrideError) -> (path: String, value: String) {
    guard let eq = s.firstIndex(of: "=") else {
        throw OverrideError(message: "expected PATH=VALUE, e.g. instances.grande-table.schedule.meetingsPerYear=6")
    }
    let path = String(s[..<eq])
    if path.trimmingCharacters(in: .whitespaces).isEmpty {
        throw OverrideError(message: "the path before `=` is empty (expected PATH=VALUE)")
    }
    return (path, String(s[s.index(after: eq)...]))
}

/// Returns `root` with the value at a dotted path replaced.
///
/// - Parameters:
///   - path: dot-separated segments. An object member is named by its key; an array element by
///     the value of its string `id` (`instances.grande-table.meetingsPerYear`,
///     `partners.cisss-oc-sept-iles.capacityHoursPerMonth`) or by its 0-based index
///     (`instances.0.quorum`). An id match wins over an index. A key or id that itself contains
///     dots is found too (`a.b.c` tries the segment `b.c` when `b` does not exist).
///   - value: parsed as JSON when it is a valid JSON document (`6`, `0.5`, `true`, `null`,
///     `"x"`, `[1,2]`, `{"a":1}`) or a number with a decimal comma (`2,5` is 2.5,
///     ``DecimalComma``), otherwise taken as a plain string (`present` → `"present"`).
///   - allowNewKeys: when true, the last segment may name a key that does not exist yet on an
///     existing object; it is appended. Intermediate segments must always exist.
/// - Throws: ``OverrideError`` for an empty segment, an unknown key or id (the message names the
///   segment and the path so far, and suggests the closest existing key or id, or lists them),
///   an index out of range, or a segment below a value that is not an object or array.
public func applyOverride(_ root: JSONValue, path: String, value: String, allowNewKeys: Bool = false) throws(OverrideError) -> JSONValue {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if parts.contains(where: \.isEmpty) {
        throw OverrideError(message: "the path `\(path)` has an empty segment (two dots, or a dot at an end)")
    }
    let newValue: JSONValue
    let text = DecimalComma.normalized(value)  // `2,5` is 2.5 (docs/scenario-format.md)
    if let parsed = try? JSONValue.parse(Data(text.utf8)) { newValue = parsed } else { newValue = .string(value) }
    return try setValue(in: root, parts[...], to: newValue, done: [], allowNewKeys: allowNewKeys)
}

/// How a path so far is named in messages.
private func describeSoFar(_ done: [String]) -> String {
    done.isEmpty ? "the top level" : "`" + done.joined(separator: ".") + "`"
}

/// The list of names for a message, shortened when long.
private func listing(_ names: [String]) -> String {
    if names.isEmpty { return "nothing" }
    if names.count <= 25 { return names.joined(separator: ", ") }
    return names.prefix(25).joined(separator: ", ") + ", … (\(names.count) in all)"
}

private func setValue(in node: JSONValue, _ parts: ArraySlice<String>, to value: JSONValue,
                      done: [String], allowNewKeys: Bool) throws(OverrideError) -> JSONValue {
    guard let head = parts.first else { return value }
    switch node {
    case .object(var members):
        // The segment itself, else a key containing dots made of several segments.
        for n in 1...parts.count {
            let name = parts.prefix(n).joined(separator: ".")
            if let k = members.firstIndex(where: { $0.0 == name }) {
                members[k].1 = try setValue(in: members[k].1, parts.dropFirst(n), to: value,
                                            done: done + [name], allowNewKeys: allowNewKeys)
                return .object(members)
            }
        }
        if allowNewKeys && parts.count == 1 {
            members.append((head, value))
            return .object(members)
        }
        let keys = members.map(\.0)
        var message = "unknown key `\(head)` in \(describeSoFar(done))"
        if let near = closestKey(to: head, among: keys) {
            message += " (did you mean `\(near)`?)"
        } else {
            message += "; its keys are: \(listing(keys))."
            message += " A key left at its default is not in the file: add it to the scenario first."
        }
        throw OverrideError(message: message)

    case .array(var items):
        var index: Int?
        var used = 1
        for n in 1...parts.count {
            let name = parts.prefix(n).joined(separator: ".")
            if let k = items.firstIndex(where: { $0["id"]?.stringValue == name }) { index = k; used = n; break }
        }
        if index == nil, let i = Int(head), String(i) == head {
            guard i >= 0 && i < items.count else {
                let range = items.isEmpty ? "it is empty" : "it has \(items.count) element\(items.count == 1 ? "" : "s") (0–\(items.count - 1))"
                throw OverrideError(message: "index \(head) is out of range in \(describeSoFar(done)): \(range)")
            }
            index = i
        }
        guard let k = index else {
            let ids = items.compactMap { $0["id"]?.stringValue }
            var message = "no element with id `\(head)` in \(describeSoFar(done))"
            if let near = closestKey(to: head, among: ids) {
                message += " (did you mean `\(near)`?)"
            } else if items.isEmpty {
                message += "; the array is empty"
            } else if ids.isEmpty {
                message += "; its elements have no ids: use an index from 0 to \(items.count - 1)"
            } else {
                message += "; its ids are: \(listing(ids))"
            }
            throw OverrideError(message: message)
        }
        let name = parts.prefix(used).joined(separator: ".")
        items[k] = try setValue(in: items[k], parts.dropFirst(used), to: value, done: done + [name], allowNewKeys: allowNewKeys)
        return .array(items)

    default:
        let here = done.isEmpty ? "the document" : "`" + done.joined(separator: ".") + "`"
        throw OverrideError(message: "\(here) is \(node.typeDescription), so it has no `\(head)`")
    }
}

extension JSONValue {
    /// The value at a dotted override path (array elements by `id`, else by index), or nil.
    public func value(atPath path: String) -> JSONValue? {
        Self.lookup(self, path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...])
    }

    private static func lookup(_ node: JSONValue, _ parts: ArraySlice<String>) -> JSONValue? {
        guard !parts.isEmpty else { return node }
        switch node {
        case .object(let members):
            for n in 1...parts.count {
                let name = parts.prefix(n).joined(separator: ".")
                if let m = members.first(where: { $0.0 == name }), let v = lookup(m.1, parts.dropFirst(n)) { return v }
            }
            return nil
        case .array(let items):
            for n in 1...parts.count {
                let name = parts.prefix(n).joined(separator: ".")
                if let item = items.first(where: { $0["id"]?.stringValue == name }), let v = lookup(item, parts.dropFirst(n)) { return v }
            }
            if let i = Int(parts.first!), i >= 0, i < items.count { return lookup(items[i], parts.dropFirst()) }
            return nil
        default:
            return nil
        }
    }
}
