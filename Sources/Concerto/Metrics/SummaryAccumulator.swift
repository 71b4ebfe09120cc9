/// Streaming accumulator: Welford mean/variance + P² quantile estimators for 0.5 and 0.9.
///
/// Memory is O(1) regardless of how many values are added: the struct is a fixed-size,
/// trivially copyable value with no arrays or references. Non-finite values (`NaN`, `±inf`)
/// are skipped and counted in ``skipped``. Feeding the same values in the same order always
/// gives bit-identical results (no reordering, no parallel reduction, no randomness).
public struct SummaryAccumulator: Sendable {
    private var n: Int = 0
    private var skippedCount: Int = 0
    private var runningMean: Double = 0
    private var m2: Double = 0
    private var medianEstimator = PSquareQuantile(p: 0.5)
    private var p90Estimator = PSquareQuantile(p: 0.9)

    /// Creates an empty accumulator.
    public init() {}

    /// Adds one value; non-finite values are only counted in ``skipped``.
    ///
    /// - Complexity: O(1), no allocation.
    public mutating func add(_ x: Double) {
        guard x.isFinite else {
            skippedCount += 1
            return
        }
        n += 1
        let delta = x - runningMean
        runningMean += delta / Double(n)
        m2 += delta * (x - runningMean)
        medianEstimator.add(x)
        p90Estimator.add(x)
    }

    /// Number of finite values aggregated so far.
    public var count: Int { n }

    /// Number of non-finite values (`NaN`, `±inf`) that were skipped.
    public var skipped: Int { skippedCount }

    /// The current summary (mean, sample sd, 95% t confidence interval, median, p90).
    ///
    /// - Complexity: O(1).
    public func summary() -> Summary {
        guard n > 0 else { return .empty }
        let mean = runningMean
        if n == 1 {
            return Summary(n: 1, mean: mean, sd: 0, ci95Low: mean, ci95High: mean,
                           median: medianEstimator.estimate, p90: p90Estimator.estimate)
        }
        let sd = (max(m2, 0) / Double(n - 1)).squareRoot()
        let half = StudentT.quantile975(df: n - 1) * sd / Double(n).squareRoot()
        return Summary(n: n, mean: mean, sd: sd, ci95Low: mean - half, ci95High: mean + half,
                       median: medianEstimator.estimate, p90: p90Estimator.estimate)
    }
}
