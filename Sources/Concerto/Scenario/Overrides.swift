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
///     dots is found too (`a.b.c` tries the segment `b.c` when `b` does not exist). `*` stands
///     for every element of an array (and every entry of a table): `partners.*.engagement`.
///   - value: parsed as JSON when it is a valid JSON document (`6`, `0.5`, `true`, `null`,
///     `"x"`, `[1,2]`, `{"a":1}`), or a number with a decimal comma where a
///     number may go (`2,5` is 2.5, ``DecimalComma``), otherwise taken as a plain string (`present` → `"present"`);
///     where `format` says the value is text, it stays text (`name=2026` → `"2026"`).
///   - allowNewKeys: without a `format`, when true, the last segment may name a key that does
///     not exist yet on an existing object; it is appended. Intermediate segments must exist.
///   - format: the document's format (``ScenarioFormat/root`` for a scenario). Any key it knows
///     may be written, at any depth: a key left at its default is created with the value (and
///     the objects above it, `{}`, when they are left out too); a key it does not know is an
///     error naming the closest valid path. New list elements are never created.
/// - Throws: ``OverrideError`` for an empty segment, an unknown key or id (the message names the
///   segment and the path so far, and suggests the closest key or id, or lists them), an index
///   out of range, `*` on an empty list, or a segment below a value that is not an object or array.
public func applyOverride(_ root: JSONValue, path: String, value: String, allowNewKeys: Bool = false,
                          format: FormatType? = nil) throws(OverrideError) -> JSONValue {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if parts.contains(where: \.isEmpty) {
        throw OverrideError(message: "the path `\(path)` has an empty segment (two dots, or a dot at an end)")
    }
    let edit = OverrideEdit(text: value, allowNewKeys: allowNewKeys)
    return try edit.set(in: root, parts[...], done: [], format: format)
}

/// `applyOverride` for a scenario: any path of ``ScenarioFormat``, defaults included.
///
/// `partners.*.KEY` means every partner, those expanded from `partnerGroups` included: when the
/// scenario has groups and KEY is a key groups have (`capacityHoursPerMonth`, `engagement`,
/// `interests.ID`, …), the value is also set on every group and on every set and its groups.
public func applyScenarioOverride(_ root: JSONValue, path: String, value: String) throws(OverrideError) -> JSONValue {
    let everyPartner = "partners.*."
    guard path.hasPrefix(everyPartner), case .array(let groups)? = root.objectValue?.first(where: { $0.0 == "partnerGroups" })?.1, !groups.isEmpty else {
        return try applyOverride(root, path: path, value: value, format: ScenarioFormat.root)
    }
    let rest = String(path.dropFirst(everyPartner.count))
    let key = String(rest.split(separator: ".", maxSplits: 1).first ?? "")
    var tree = root
    let partners = root.objectValue?.first(where: { $0.0 == "partners" })?.1
    if case .array(let list)? = partners, !list.isEmpty {
        tree = try applyOverride(tree, path: path, value: value, format: ScenarioFormat.root)
    } else if ScenarioFormat.partnerGroupKeys[key] == nil {
        // Not a key groups have, and no named partner: the path names nothing.
        return try applyOverride(root, path: path, value: value, format: ScenarioFormat.root)
    }
    guard ScenarioFormat.partnerGroupKeys[key] != nil else { return tree }
    tree = try applyOverride(tree, path: "partnerGroups.*." + rest, value: value, format: ScenarioFormat.root)
    for (i, g) in groups.enumerated() {
        if case .array(let members)? = g.objectValue?.first(where: { $0.0 == "groups" })?.1, !members.isEmpty {
            tree = try applyOverride(tree, path: "partnerGroups.\(i).groups.*." + rest, value: value, format: ScenarioFormat.root)
        }
    }
    return tree
}

/// The JSON value a `--set` text stands for, given the type the format expects there (nil: unknown).
public func overrideValue(_ text: String, as type: FormatType?) -> JSONValue {
    // `2,5` is 2.5 where the format does not expect text (docs/scenario-format.md).
    let normalized = type?.isText == true ? text : DecimalComma.normalized(text)
    let parsed = (try? JSONValue.parse(Data(normalized.utf8))) ?? .string(text)
    if type?.isText == true {
        switch parsed {
        case .number, .bool: return .string(text)
        default: break
        }
    }
    return parsed
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

/// One override being applied: the value's text and the rules for new keys.
private struct OverrideEdit {
    let text: String
    let allowNewKeys: Bool

    func set(in node: JSONValue, _ parts: ArraySlice<String>, done: [String], format: FormatType?) throws(OverrideError) -> JSONValue {
        guard let head = parts.first else { return overrideValue(text, as: format) }
        switch node {
        case .object(var members):
            if head == "*" && (format == nil || format!.acceptsAnyKey) {
                for k in members.indices {
                    members[k].1 = try set(in: members[k].1, parts.dropFirst(), done: done + [members[k].0], format: format?.member(members[k].0))
                }
                return .object(members)
            }
            // The segment itself, else a key containing dots made of several segments.
            for n in 1...parts.count {
                let name = parts.prefix(n).joined(separator: ".")
                if let k = members.firstIndex(where: { $0.0 == name }) {
                    // A key the format does not know but the file has is followed leniently
                    // (decoding reports it if it is wrong).
                    let below = format.map { $0.member(name) ?? .any }
                    members[k].1 = try set(in: members[k].1, parts.dropFirst(n), done: done + [name], format: below)
                    return .object(members)
                }
            }
            if let format {
                if let t = format.member(head) {
                    // A key left at its default: created, with the objects above the value.
                    if parts.count == 1 {
                        members.append((head, overrideValue(text, as: t)))
                        return .object(members)
                    }
                    guard let empty = t.emptyContainer else {
                        throw OverrideError(message: "`\((done + [head]).joined(separator: "."))` is \(t.description), so it has no `\(parts[parts.startIndex + 1])`")
                    }
                    members.append((head, try set(in: empty, parts.dropFirst(), done: done + [head], format: t)))
                    return .object(members)
                }
                if head == "*" {
                    throw OverrideError(message: "`*` stands for every element of a list, but \(describeSoFar(done)) is an object")
                }
                let known = format.keys
                var message = "unknown key `\(head)` in \(describeSoFar(done))"
                if let near = closestKey(to: head, among: known + members.map(\.0)) {
                    message += " (did you mean `\((done + [near] + parts.dropFirst()).joined(separator: "."))`?)"
                } else {
                    message += "; the format's keys there are: \(listing(known))"
                }
                throw OverrideError(message: message)
            }
            if allowNewKeys && parts.count == 1 {
                members.append((head, overrideValue(text, as: nil)))
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
            let below = format.map { $0.element ?? .any }
            if head == "*" {
                if items.isEmpty { throw OverrideError(message: "`*` in \(describeSoFar(done)) stands for no element: the list is empty") }
                for k in items.indices {
                    let name = items[k]["id"]?.stringValue ?? String(k)
                    items[k] = try set(in: items[k], parts.dropFirst(), done: done + [name], format: below)
                }
                return .array(items)
            }
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
            items[k] = try set(in: items[k], parts.dropFirst(used), done: done + [name], format: below)
            return .array(items)

        default:
            let here = done.isEmpty ? "the document" : "`" + done.joined(separator: ".") + "`"
            throw OverrideError(message: "\(here) is \(node.typeDescription), so it has no `\(head)`")
        }
    }
}

extension JSONValue {
    /// The value at a dotted override path (array elements by `id`, else by index; `*`: the value
    /// every element has, nil when they differ), or nil.
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
            if parts.first == "*" {
                // Every element: their common value, nil when they differ or the list is empty.
                let values = items.map { lookup($0, parts.dropFirst()) }
                guard let first = values.first, let v = first, values.allSatisfy({ $0 == v }) else { return nil }
                return v
            }
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
