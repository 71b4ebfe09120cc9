/// Sobol's variance-based sensitivity indices of one output, from the runs of a
/// `SaltelliDesign`: how much of the output's variance each parameter explains alone
/// (first order) and with all its interactions (total).
///
/// The estimators are SALib's (`sobol.analyze(problem, Y, calc_second_order=False)`, SALib 1.6):
/// with f(A), f(B), f(AB_i) the outputs of the design's rows of each role, all outputs first
/// standardised as SALib does (centred on their overall mean and divided by their standard
/// deviation: the division cancels in the ratios, the centring does not),
///
///     V     = variance (divisor n) of f(A) and f(B) together
///     S1_i  = mean( f(B)·(f(AB_i) − f(A)) ) / V          (Saltelli et al. 2010)
///     ST_i  = ½·mean( (f(A) − f(AB_i))² ) / V            (Jansen 1999)
///
/// Their uncertainty comes from the bootstrap: base rows resampled with replacement
/// `resamples` times (each resample draws baseRows rows from a `RandomStream` seeded with
/// `seed`), the estimators recomputed on each. Like SALib, the interval reported is
/// value ± z·sd (z the normal quantile of the confidence level, 1.959964 at 95%; sd of the
/// bootstrap estimates with divisor B − 1); the percentile bounds of the bootstrap estimates
/// are given as well (they need not contain the value when the estimator is biased). SALib's
/// default is 100 resamples; Concerto's is 1000. With a Sobol base the bootstrap treats
/// quasi-random rows as independent, as SALib does: the intervals are then conservative.
///
/// A constant output gives indices and intervals of 0 (SALib does the same, with a warning).
public struct SobolIndices: Sendable, Hashable {
    /// One index with its bootstrap uncertainty.
    public struct Estimate: Sendable, Hashable {
        /// The index from all base rows.
        public let value: Double
        /// z·sd of the bootstrap estimates: SALib's `S1_conf` / `ST_conf`.
        public let halfWidth: Double
        /// Lower and upper percentile bounds of the bootstrap estimates at the confidence level.
        public let percentileLow: Double
        public let percentileHigh: Double
        /// value − halfWidth.
        public var low: Double { value - halfWidth }
        /// value + halfWidth.
        public var high: Double { value + halfWidth }
    }

    /// The indices from the first half of the base rows beside those from all of them: when
    /// they differ by more than the intervals' half-widths, the design is too small to trust.
    public struct Convergence: Sendable, Hashable {
        /// The number of base rows of the half sample, ⌊N/2⌋.
        public let baseRows: Int
        /// First-order and total indices from the half sample (one per parameter).
        public let firstOrder: [Double]
        public let total: [Double]
        /// The largest |full − half| over every first-order and total index.
        public let largestChange: Double
    }

    /// First-order indices S1, one per parameter in the problem's order.
    public let firstOrder: [Estimate]
    /// Total indices ST, one per parameter.
    public let total: [Estimate]
    /// The mean of all outputs of the design.
    public let mean: Double
    /// V, the variance of the outputs of A and B together (divisor n), in output units squared.
    public let variance: Double
    /// The half-sample check.
    public let convergence: Convergence
    /// The confidence level of the intervals (0.95 by default).
    public let confidence: Double
    /// The number of bootstrap resamples.
    public let resamples: Int
    /// The seed of the bootstrap resampling.
    public let seed: UInt64

    /// The indices of `outputs`, one per design row in the design's order.
    /// - Throws: `SensitivityError` when there is not one finite output per row.
    /// - Precondition: `resamples >= 2`, `0 < confidence < 1`.
    /// - Complexity: O(resamples × baseRows × parameters).
    public init(design: SaltelliDesign, outputs: [Double], resamples: Int = 1000,
                confidence: Double = 0.95, seed: UInt64 = 1) throws {
        precondition(resamples >= 2, "SobolIndices: at least 2 bootstrap resamples are needed")
        precondition(confidence > 0 && confidence < 1, "SobolIndices: confidence must lie in (0, 1)")
        try SensitivityError.check(outputs, rows: design.count)
        let k = design.parameterCount, n = design.baseRows
        let full = Roles(design: design, outputs: outputs, baseRows: n)
        let all = Array(0..<n)
        let point = full.indices(rows: all)

        let z = StandardNormal.quantile(0.5 + confidence / 2)
        var boot1 = [[Double]](repeating: [], count: k), bootT = [[Double]](repeating: [], count: k)
        Self.forEachBootstrapResample(baseRows: n, resamples: resamples, seed: seed) { rows in
            let s = full.indices(rows: rows)
            for i in 0..<k {
                boot1[i].append(s.firstOrder[i])
                bootT[i].append(s.total[i])
            }
        }
        let constant = point.variance == 0
        func estimate(_ value: Double, _ boot: [Double]) -> Estimate {
            let sorted = boot.sorted()
            return Estimate(value: value, halfWidth: constant ? 0 : z * Self.standardDeviation(boot),
                            percentileLow: SampleQuantile.type7(sorted, (1 - confidence) / 2),
                            percentileHigh: SampleQuantile.type7(sorted, (1 + confidence) / 2))
        }
        firstOrder = (0..<k).map { estimate(point.firstOrder[$0], boot1[$0]) }
        total = (0..<k).map { estimate(point.total[$0], bootT[$0]) }
        mean = full.center
        variance = point.variance * full.scale * full.scale

        // The half sample: its first ⌊N/2⌋ base rows, analysed as SALib would analyse them
        // alone (centred on their own mean).
        let halfRows = n / 2
        let half = Roles(design: design, outputs: outputs, baseRows: halfRows).indices(rows: Array(0..<halfRows))
        let changes = zip(point.firstOrder, half.firstOrder).map { Swift.abs($0 - $1) }
            + zip(point.total, half.total).map { Swift.abs($0 - $1) }
        convergence = Convergence(baseRows: halfRows, firstOrder: half.firstOrder, total: half.total,
                                  largestChange: changes.max() ?? 0)
        self.confidence = confidence
        self.resamples = resamples
        self.seed = seed
    }

    /// The indices of a model given as a function of the parameter values: each design point
    /// is mapped through the problem's distributions, then `model` is evaluated on it, in the
    /// design's order.
    /// - Throws: `SensitivityError.nonFiniteOutput` if the model returns a non-finite value.
    /// - Precondition: `design.parameterCount == problem.count`.
    public init(problem: SensitivityProblem, design: SaltelliDesign, resamples: Int = 1000,
                confidence: Double = 0.95, seed: UInt64 = 1, model: ([Double]) throws -> Double) throws {
        precondition(design.parameterCount == problem.count, "SobolIndices: the design and the problem differ in parameters")
        let outputs = try design.points.map { try model(problem.values(at: $0)) }
        try self.init(design: design, outputs: outputs, resamples: resamples, confidence: confidence, seed: seed)
    }

    /// Hands `body` the base rows of each bootstrap resample in turn: `resamples` lists of
    /// `baseRows` indices drawn uniformly with replacement, resample by resample, from
    /// `RandomStream(seed: seed)` (one list in memory at a time).
    static func forEachBootstrapResample(baseRows: Int, resamples: Int, seed: UInt64, _ body: ([Int]) -> Void) {
        var random = RandomStream(seed: seed)
        var rows = [Int](repeating: 0, count: baseRows)
        for _ in 0..<resamples {
            for i in 0..<baseRows { rows[i] = random.index(baseRows) }
            body(rows)
        }
    }

    /// All the bootstrap resamples at once (for the SALib cross-check).
    static func bootstrapRows(baseRows: Int, resamples: Int, seed: UInt64) -> [[Int]] {
        var all: [[Int]] = []
        forEachBootstrapResample(baseRows: baseRows, resamples: resamples, seed: seed) { all.append($0) }
        return all
    }

    /// Sample standard deviation (divisor n − 1), as NumPy's `std(ddof=1)`.
    static func standardDeviation(_ x: [Double]) -> Double {
        let m = x.reduce(0, +) / Double(x.count)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }

    /// The outputs of the first `baseRows` base rows split by role, standardised as SALib does:
    /// centred on their mean and divided by their standard deviation (divisor n), so that the
    /// "constant output" threshold (machine epsilon) does not depend on the output's unit.
    private struct Roles {
        let a: [Double], b: [Double], ab: [[Double]]
        let center: Double, scale: Double

        init(design: SaltelliDesign, outputs: [Double], baseRows n: Int) {
            let k = design.parameterCount, width = design.rowsPerBaseRow
            let used = outputs[0..<(n * width)]
            let c = used.reduce(0, +) / Double(used.count)
            let sd = (used.reduce(0) { $0 + ($1 - c) * ($1 - c) } / Double(used.count)).squareRoot()
            let s = sd > 0 ? sd : 1
            center = c
            scale = sd
            a = (0..<n).map { (outputs[$0 * width] - c) / s }
            b = (0..<n).map { (outputs[$0 * width + k + 1] - c) / s }
            ab = (0..<k).map { i in (0..<n).map { (outputs[$0 * width + 1 + i] - c) / s } }
        }

        /// S1 and ST over the base rows listed (with repetitions for a bootstrap resample), and
        /// V in standardised units (multiply by scale² for output units).
        func indices(rows: [Int]) -> (firstOrder: [Double], total: [Double], variance: Double) {
            let m = Double(rows.count)
            var sum = 0.0
            for j in rows { sum += a[j] + b[j] }
            let mean = sum / (2 * m)
            var squares = 0.0
            var lowest = Double.infinity, highest = -Double.infinity
            for j in rows {
                squares += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean)
                lowest = Swift.min(lowest, a[j], b[j])
                highest = Swift.max(highest, a[j], b[j])
            }
            let variance = squares / (2 * m)
            // SALib: a constant output (range within machine epsilon) gives indices of 0.
            guard highest - lowest > Double.ulpOfOne, variance > Double.ulpOfOne else {
                return ([Double](repeating: 0, count: ab.count), [Double](repeating: 0, count: ab.count), 0)
            }
            var s1 = [Double](), st = [Double]()
            for column in ab {
                var first = 0.0, jansen = 0.0
                for j in rows {
                    first += b[j] * (column[j] - a[j])
                    jansen += (a[j] - column[j]) * (a[j] - column[j])
                }
                s1.append(first / m / variance)
                st.append(0.5 * jansen / m / variance)
            }
            return (s1, st, variance)
        }
    }
}
