import Foundation

/// Numbers as a French-speaking planner types them on the command line: `2,5` for two and a
/// half (« virgule décimale »), as well as `2.5`.
///
/// Rules (docs/scenario-format.md, "Numbers on the command line"):
/// - a value made of digits, one comma and digits (`2,5`, `-0,75`) is a decimal number;
/// - in a `--vary` list, values are separated by `;` when the list contains one (commas are then
///   decimal: `--vary x=2,5;3;3,5`), else by `,` (`--vary x=3,6` is two values, 3 and 6);
/// - `LO:HI:STEP` ranges accept decimal commas in each part (`--vary x=0,5:1,5:0,25`).
public enum DecimalComma {
    /// Whether `s` is a number written with a decimal comma: an optional sign, digits, one comma,
    /// digits (`2,5`, `-0,75`, `+3,0`). `3,` and `,5` are not.
    public static func isDecimalComma(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The number written `s` (`2,5`, `2.5`, `-3`, `1e3`), or nil when it is not a number.
    public static func number(_ s: String) -> Double? {
        if isDecimalComma(s) { return Double(s.replacingOccurrences(of: ",", with: ".")) }
        return Double(s)
    }

    /// A command-line value ready to be read as JSON: a decimal comma becomes a point (`2,5` →
    /// `2.5`); anything else is returned unchanged.
    public static func normalized(_ value: String) -> String {
        let t = value.trimmingCharacters(in: .whitespaces)
        return isDecimalComma(t) ? t.replacingOccurrences(of: ",", with: ".") : value
    }

    /// The items of a `--vary` list: split on `;` when the list contains one (each item then
    /// normalized, so `2,5` is 2.5), else on `,`.
    public static func listItems(_ list: String) -> [String] {
        if list.contains(";") {
            return list.split(separator: ";", omittingEmptySubsequences: false).map { normalized(String($0)) }
        }
        return list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}
