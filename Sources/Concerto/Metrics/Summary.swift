/// Summary of one measure over replications.
///
/// Produced by ``SummaryAccumulator/summary()``. All statistics are computed on the finite
/// values only; non-finite inputs are skipped by the accumulator.
///
/// `Equatable` is the synthesized field-wise `==`, so two summaries holding `NaN` fields
/// (e.g. when `n == 0`) compare unequal; compare `bitPattern`s when bit-identity matters.
public struct Summary: Sendable, Equatable {
    /// Number of finite values aggregated.
    public var n: Int
    /// Arithmetic mean; `NaN` if `n == 0`.
    public var mean: Double
    /// Sample standard deviation (denominator `n - 1`); `0` if `n == 1`; `NaN` if `n == 0`.
    public var sd: Double
    /// Lower bound of the two-sided 95% confidence interval of the mean: Student-t,
    /// `mean - t(0.975, n-1) * sd / sqrt(n)`, or for a share the t interval on the log-odds
    /// transformed back (`ShareConfidenceInterval`, inside [0, 1]); equal to `mean` if `n == 1`;
    /// `NaN` if `n == 0`.
    public var ci95Low: Double
    /// Upper bound of the two-sided 95% confidence interval of the mean (as ``ci95Low``).
    public var ci95High: Double
    /// Median: exact (type 7, `SampleQuantile`) up to `SummaryAccumulator.exactQuantileLimit`
    /// values (100,000), the P² estimate beyond; `NaN` if `n == 0`.
    public var median: Double
    /// 90th percentile, as ``median``.
    public var p90: Double

    /// Creates a summary from its fields (no validation is performed).
    public init(n: Int, mean: Double, sd: Double, ci95Low: Double, ci95High: Double,
                median: Double, p90: Double) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.ci95Low = ci95Low
        self.ci95High = ci95High
        self.median = median
        self.p90 = p90
    }

    /// The summary of zero values: `n == 0` and every statistic `NaN`.
    public static let empty = Summary(n: 0, mean: .nan, sd: .nan, ci95Low: .nan, ci95High: .nan,
                                      median: .nan, p90: .nan)
}
