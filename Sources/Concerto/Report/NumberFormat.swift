import Foundation

/// Deterministic, locale-free number formatting: the same bytes on every machine and run.
public enum NumberFormat {
    /// `x` with exactly `digits` decimals (clamped to 0...40), rounded half-to-even on the binary
    /// value as C's `printf("%.*f")` does, with "." as the decimal separator and no grouping.
    /// Negative zero and negatives that round to zero print without a sign ("0.00"). NaN prints
    /// as "–" (en dash), infinities as "∞" and "-∞".
    public static func fixed(_ x: Double, digits: Int) -> String {
        if x.isNaN { return "–" }
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        let d = Swift.min(Swift.max(digits, 0), 40)
        var s = String(format: "%.*f", d, x)
        if s.hasPrefix("-") && s.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") }) {
            s.removeFirst()
        }
        return s
    }

    /// JSON number text: "null" for NaN and infinities (JSON has no such numbers); integral
    /// values with magnitude below 2^53 without a fraction ("6", "-0" prints "0"); other values
    /// in shortest round-trip form (`Double.description`, e.g. "0.1", "1e+21", "5e-324").
    public static func json(_ x: Double) -> String {
        if !x.isFinite { return "null" }
        if x == x.rounded(.towardZero) && Swift.abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return x.description
    }
}
