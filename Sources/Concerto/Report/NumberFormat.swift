import Foundation

/// Deterministic, locale-free number formatting.
public enum NumberFormat {
    /// Fixed decimals; "–" for NaN, "∞" for infinity.
    public static func fixed(_ x: Double, digits: Int) -> String {
        if x.isNaN { return "–" }
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        var s = String(format: "%.\(digits)f", x)
        if s.hasPrefix("-") && s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
        return s
    }

    /// JSON number text: "null" for NaN/inf, integral values without a fraction, others in
    /// shortest round-trip form.
    public static func json(_ x: Double) -> String {
        if !x.isFinite { return "null" }
        if x == x.rounded() && abs(x) < 9.007199254740992e15 { return String(Int64(x)) }
        return String(x)
    }
}
