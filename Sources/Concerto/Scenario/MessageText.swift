/// Makes text safe to show in an error message on a terminal: control characters are escaped
/// and very long values are shortened, so that a value copied from an input can neither move
/// the cursor, clear the screen or split one error over several lines, nor flood the terminal.
///
/// - `\n`, `\r`, `\t` become the two characters `\n`, `\r`, `\t`; every other control character
///   (U+0000–U+001F, U+007F–U+009F), the line and paragraph separators and the bidirectional
///   overrides (U+2028, U+2029, U+202A–U+202E, U+2066–U+2069) become `\u001b` and the like;
/// - a run of more than `maxRun` (200) characters without a space is cut to its first
///   `maxRun` characters followed by `… (N characters)`;
/// - the whole text is cut the same way past `maxTotal` (4,000) characters.
///
/// Text that needs none of this is returned unchanged.
public enum MessageText {
    /// The longest run of characters without a space kept whole.
    public static let maxRun = 200
    /// The longest message kept whole.
    public static let maxTotal = 4_000

    /// `text` with control characters escaped and long values shortened.
    public static func clean(_ text: String, maxRun: Int = MessageText.maxRun, maxTotal: Int = MessageText.maxTotal) -> String {
        let escaped = escapeControls(text)
        var out = escaped
        if escaped.utf8.count > maxRun {
            var parts: [String] = []
            var changed = false
            for part in escaped.split(separator: " ", omittingEmptySubsequences: false) {
                let n = part.count
                if n > maxRun {
                    parts.append(String(part.prefix(maxRun)) + "… (\(n) characters)")
                    changed = true
                } else {
                    parts.append(String(part))
                }
            }
            if changed { out = parts.joined(separator: " ") }
        }
        let total = out.count
        if total > maxTotal { out = String(out.prefix(maxTotal)) + "… (\(total) characters)" }
        return out
    }

    /// Whether the scalar must be escaped in a message.
    static func needsEscape(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` with control characters written as escapes (`\n`, `\u001b`).
    public static func escapeControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard needsEscape(s.value) else { out.append(s); continue }
            let escape: String
            switch s.value {
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            default:
                let hex = String(s.value, radix: 16)
                escape = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }
}
