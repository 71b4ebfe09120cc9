import Foundation

/// The Wilson score interval (95%) of a proportion: `successes` of `n` (successes may be
/// fractional, as when tied structures share a point). Stays inside [0, 1], and is not empty at
/// 0 or n (0 of 512 gives [0, 0.0075]).
public enum WilsonInterval {
    public static func interval(successes: Double, n: Int, z: Double = 1.959963984540054) -> (low: Double, high: Double) {
        guard n > 0 else { return (.nan, .nan) }
        let nn = Double(n), p = successes / nn, z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z / (1 + z2 / nn) * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        // At 0 or n successes one end is exactly 0 or 1; rounding must not leave 3e-18.
        let low = successes <= 0 ? 0 : Swift.max(0, centre - half)
        let high = successes >= nn ? 1 : Swift.min(1, centre + half)
        return (low, high)
    }
}
