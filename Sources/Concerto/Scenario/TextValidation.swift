/// Refuses text a scenario must not contain, before it is decoded: characters that XML 1.0
/// cannot hold even escaped (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) in
/// any string or key, since names reach the SVG and HTML outputs; and any control character
/// (tabs and line breaks included, U+007F–U+009F too) in an `id`, a `name`, a `shortName` (any
/// key ending in `Name`) or a key, since ids
/// and names appear in tables, CSV files, diagrams and messages on one line.
///
/// Free text (`note`, `source`...) may hold tabs and line breaks.
public enum TextValidation {
    /// At most this many errors are reported for one file.
    static let maxErrors = 20

    /// Checks every string and key of `tree`.
    /// - Throws: ``ScenarioErrors`` naming the JSON path of each offending value.
    public static func check(_ tree: JSONValue, file: String) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        walk(tree, path: JSONPath(), root: tree, file: file, errors: &errors)
        if !errors.isEmpty { throw ScenarioErrors(errors) }
    }

    /// Whether XML 1.0 can hold the scalar.
    static func isXMLCharacter(_ v: UInt32) -> Bool {
        !(v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) && v != 0xFFFE && v != 0xFFFF
    }

    /// Whether the scalar is a control character (C0, DEL, C1).
    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) }

    /// The first character not allowed, described (`U+0000`), or nil.
    static func firstForbidden(_ s: String, strict: Bool) -> String? {
        // Fast path: no byte below 0x20, no 0xC2 (U+0080–U+00BF) and no 0xEF (U+F000–U+FFFF).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }) { return nil }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if !isXMLCharacter(v) || (strict && isControl(v)) {
                let hex = String(v, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return nil
    }

    private static func walk(_ node: JSONValue, path: JSONPath, root: JSONValue, file: String, errors: inout [ScenarioError]) {
        guard errors.count < maxErrors else { return }
        switch node {
        case .string(let s):
            let strict: Bool
            if case .key(let k)? = path.components.last { strict = k == "id" || k == "name" || k.hasSuffix("Name") } else { strict = false }
            if let c = firstForbidden(s, strict: strict) {
                let what = strict ? "ids and names cannot contain control characters (tabs and line breaks included)"
                                  : "text cannot contain control characters other than tabs and line breaks"
                errors.append(ScenarioError(file: file, path: path.describe(in: root), message: "the character \(c) is not allowed: \(what)"))
            }
        case .array(let items):
            for (k, item) in items.enumerated() { walk(item, path: path.appending(index: k), root: root, file: file, errors: &errors) }
        case .object(let members):
            for (key, value) in members {
                if let c = firstForbidden(key, strict: true) {
                    errors.append(ScenarioError(file: file, path: path.describe(in: root),
                                                message: "the key \"\(key)\" contains the character \(c): keys cannot contain control characters"))
                    continue
                }
                walk(value, path: path.appending(key: key), root: root, file: file, errors: &errors)
            }
        default:
            break
        }
    }
}
