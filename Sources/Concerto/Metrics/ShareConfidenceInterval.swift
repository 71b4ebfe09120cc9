import Foundation

/// The 95% confidence interval of the mean of a share over replications, bounded to [0, 1]:
/// the Student-t interval on the log-odds of the mean, transformed back (delta method):
///
///     logit(m) ± t(0.975, n−1) · (sd/√n) / (m(1 − m)),   then  x ↦ 1 / (1 + e^(−x))
///
/// This is the `xlogit` interval of R's `survey::svyciprop` (Lumley), and the one Stata's
/// `proportion` and `svy: tabulate` give (SUDAAN and SPSS Complex Samples do the same). Both
/// bounds lie strictly inside (0, 1) and the interval is asymmetric near 0 and 1, where the
/// plain t interval printed negative lower bounds ("0.2 [−0.1, 0.6] %"). Far from 0 and 1, and
/// for many replications, it is close to the t interval (same standard error).
public enum ShareConfidenceInterval {
    /// The interval for a mean share `mean` with sample standard deviation `sd` over `n`
    /// replications. `[mean, mean]` when `n == 1`, `sd == 0`, or the mean is 0 or 1 (every
    /// replication gave the same bound); `NaN`s when `n == 0`.
    /// - Complexity: O(1).
    public static func logitT(mean m: Double, sd: Double, n: Int) -> (low: Double, high: Double) {
        guard n > 0, m.isFinite else { return (.nan, .nan) }
        let point = Swift.min(Swift.max(m, 0), 1)
        guard n > 1, sd > 0, m > 0, m < 1 else { return (point, point) }
        let logit = Foundation.log(m / (1 - m))
        let half = StudentT.quantile975(df: n - 1) * sd / Double(n).squareRoot() / (m * (1 - m))
        return (expit(logit - half), expit(logit + half))
    }

    /// The inverse of the log-odds, 1 / (1 + e^(−x)).
    static func expit(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
}
