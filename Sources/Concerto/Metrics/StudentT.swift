/// Critical values of Student's t distribution.
public enum StudentT {
    /// t_{0.975, df} for df = 1...30 (standard table values, 9 decimals).
    private static let table975: [Double] = [
        12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836,
        2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852,
        2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546,
        2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447,
        2.079613845, 2.073873068, 2.068657610, 2.063898562, 2.059538553,
        2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
    ]

    /// z_{0.975}, the standard normal 97.5% quantile (limit as df → ∞).
    private static let z975 = 1.959963984540054

    /// Two-sided 95% critical value t_{0.975, df} of Student's t distribution.
    ///
    /// Exact table values (to 1e-9) for df 1...30; for df > 30 the Cornish–Fisher
    /// expansion of the t quantile in powers of 1/df (Abramowitz & Stegun 26.7.5, four
    /// terms), whose error is below 1e-7 there and which converges to 1.959964 as df → ∞.
    ///
    /// - Precondition: `df >= 1`.
    /// - Complexity: O(1).
    public static func quantile975(df: Int) -> Double {
        precondition(df >= 1, "StudentT.quantile975: df must be >= 1")
        if df <= table975.count { return table975[df - 1] }
        let z = z975
        let z2 = z * z
        let z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2
        let g1 = (z3 + z) / 4
        let g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
        let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
        let g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160
        let v = 1 / Double(df)
        return z + v * (g1 + v * (g2 + v * (g3 + v * g4)))
    }
}
