/// Aggregates one measure over replications: Welford mean and variance, exact median and p90
/// up to `exactQuantileLimit` values, P² estimates beyond.
///
/// Up to the limit (100,000 replications by default) the values are kept and sorted when the
/// summary is taken, so the median and p90 are the sample quantiles (type 7, `SampleQuantile`);
/// past it the kept values are fed, in order, to the P² estimators (Jain & Chlamtac 1985) and
/// released, and the estimators take every later value: the same estimates as streaming from
/// the first value, without their cost below the limit. Memory: at most 8 bytes × the limit.
/// Non-finite values (`NaN`, `±inf`) are skipped and counted in ``skipped``. Feeding the same
/// values in the same order always gives bit-identical results (no reordering, no parallel
/// reduction, no randomness); the quantiles do not even depend on the order up to the limit.
public struct SummaryAccumulator: Sendable {
    /// Up to this many values, median and p90 are exact.
    public static let defaultExactQuantileLimit = 100_000

    /// A share in [0, 1]: its confidence interval is `ShareConfidenceInterval.logitT`.
    public let isShare: Bool
    public let exactQuantileLimit: Int
    private var n: Int = 0
    private var skippedCount: Int = 0
    private var runningMean: Double = 0
    private var m2: Double = 0
    /// The values, while there are at most `exactQuantileLimit` of them (else empty).
    private var values: [Double] = []
    private var medianEstimator = PSquareQuantile(p: 0.5)
    private var p90Estimator = PSquareQuantile(p: 0.9)

    /// Creates an empty accumulator; `isShare`: the measure is a share (bounded interval);
    /// `expectedCount`: how many values will come, if known, so that room for the kept values
    /// is taken once (no growth, no slack).
    public init(isShare: Bool = false, exactQuantileLimit: Int = SummaryAccumulator.defaultExactQuantileLimit, expectedCount: Int = 0) {
        self.isShare = isShare
        self.exactQuantileLimit = Swift.max(0, exactQuantileLimit)
        if expectedCount > 0 { values.reserveCapacity(Swift.min(expectedCount, self.exactQuantileLimit)) }
    }

    /// Adds one value; non-finite values are only counted in ``skipped``.
    ///
    /// - Complexity: amortised O(1); the kept values grow geometrically (not per value) and are
    ///   released past the limit.
    public mutating func add(_ x: Double) {
        guard x.isFinite else {
            skippedCount += 1
            return
        }
        n += 1
        let delta = x - runningMean
        runningMean += delta / Double(n)
        m2 += delta * (x - runningMean)
        if n <= exactQuantileLimit {
            values.append(x)
            return
        }
        if n == exactQuantileLimit + 1 {
            for v in values { medianEstimator.add(v); p90Estimator.add(v) }
            values = []
        }
        medianEstimator.add(x)
        p90Estimator.add(x)
    }

    /// Number of finite values aggregated so far.
    public var count: Int { n }

    /// Number of non-finite values (`NaN`, `±inf`) that were skipped.
    public var skipped: Int { skippedCount }

    /// Values kept for exact quantiles (0 past the limit).
    var keptValues: Int { values.count }

    /// The current summary (mean, sample sd, 95% confidence interval, median, p90).
    ///
    /// - Complexity: O(n log n) up to the limit (sorting a copy of the values), O(1) beyond.
    public func summary() -> Summary {
        guard n > 0 else { return .empty }
        let mean = runningMean
        let median: Double, p90: Double
        if n <= exactQuantileLimit {
            let sorted = values.sorted()
            median = SampleQuantile.type7(sorted, 0.5)
            p90 = SampleQuantile.type7(sorted, 0.9)
        } else {
            median = medianEstimator.estimate
            p90 = p90Estimator.estimate
        }
        if n == 1 {
            return Summary(n: 1, mean: mean, sd: 0, ci95Low: mean, ci95High: mean, median: median, p90: p90)
        }
        let sd = (max(m2, 0) / Double(n - 1)).squareRoot()
        if isShare {
            let ci = ShareConfidenceInterval.logitT(mean: mean, sd: sd, n: n)
            return Summary(n: n, mean: mean, sd: sd, ci95Low: ci.low, ci95High: ci.high, median: median, p90: p90)
        }
        let half = StudentT.quantile975(df: n - 1) * sd / Double(n).squareRoot()
        return Summary(n: n, mean: mean, sd: sd, ci95Low: mean - half, ci95High: mean + half, median: median, p90: p90)
    }
}
