import Foundation

/// The form of every id a scenario declares (the scenario, its sectors, territories, age groups,
/// themes, partners, instances, outside tables, issue kinds and reforms): kebab-case, that is
/// words of lowercase ASCII letters and digits joined by single hyphens, optionally ending with
/// `+` for an open-ended age group (`grande-table`, `cisss-oc-sept-iles`, `0-5`, `65+`).
/// Ids appear in `--set` paths, CSV headers and JSON keys, where spaces, dots, capitals and
/// accents are traps (`"GT Logement"` is refused).
public enum IDPattern {
    /// The pattern as written in the documentation and in messages.
    public static let description = "kebab-case: lowercase letters a–z and digits in words joined by single hyphens, optionally ending with + (e.g. grande-table, 0-5, 65+)"

    /// Whether `id` has the documented form.
    public static func matches(_ id: String) -> Bool {
        var bytes = Array(id.utf8)
        if bytes.last == UInt8(ascii: "+") { bytes.removeLast() }
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        var previousHyphen = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default: return false
            }
        }
        return true
    }

    /// A kebab-case suggestion for a wrong id: lowercase, accents dropped, other characters
    /// turned into single hyphens (`"GT Logement"` → `gt-logement`); nil when nothing is left.
    public static func suggestion(for id: String) -> String? {
        let folded = id.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var out = ""
        for ch in folded.unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) { out.unicodeScalars.append(ch) }
            else if !out.isEmpty && !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if id.hasSuffix("+") && !out.isEmpty { out += "+" }
        return out.isEmpty ? nil : out
    }

    /// The message for an id that does not match.
    public static func message(for id: String) -> String {
        var m = "the id \"\(id)\" is not \(description)"
        if let s = suggestion(for: id), s != id { m += "; for example `\(s)`" }
        return m
    }
}
