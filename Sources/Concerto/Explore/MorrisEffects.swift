/// Morris's elementary effects of one output, from the runs of a `MorrisDesign`, and their
/// summaries per parameter: a cheap screening of which parameters matter.
///
/// The elementary effect of parameter i on a trajectory is the change of the output over the
/// step that moves i, divided by the step in the unit cube (±Δ):
/// EE_i = (f(x + Δ·e_i) − f(x)) / Δ. Per parameter (SALib's `morris.analyze`):
///
/// - μ, the mean of its effects (their sign: does the output rise or fall with it);
/// - μ*, the mean of their absolute values (Campolongo et al. 2007): its importance, the
///   measure to rank parameters by;
/// - σ, their standard deviation (divisor r − 1): large beside μ* when the effect depends on
///   the other parameters (interactions) or is not linear;
/// - a bootstrap interval for μ*: trajectories resampled with replacement `resamples` times
///   (one draw of r trajectories per resample, shared by all parameters, from a
///   `RandomStream` seeded with `seed`); the half-width is z·sd of the resampled μ* as in
///   SALib's `mu_star_conf`, and the percentile bounds are given too.
public struct MorrisEffects: Sendable, Hashable {
    /// The summaries of one parameter's elementary effects.
    public struct Parameter: Sendable, Hashable {
        /// One elementary effect per trajectory, in trajectory order.
        public let effects: [Double]
        /// μ, the mean effect.
        public let mu: Double
        /// μ*, the mean absolute effect.
        public let muStar: Double
        /// σ, the standard deviation of the effects (divisor r − 1).
        public let sigma: Double
        /// z·sd of the bootstrap μ*: SALib's `mu_star_conf`.
        public let muStarHalfWidth: Double
        /// Percentile bounds of the bootstrap μ* at the confidence level.
        public let muStarPercentileLow: Double
        public let muStarPercentileHigh: Double
    }

    /// The summaries, one per parameter in the problem's order.
    public let parameters: [Parameter]
    /// The confidence level of the μ* intervals.
    public let confidence: Double
    /// The number of bootstrap resamples.
    public let resamples: Int
    /// The seed of the bootstrap resampling.
    public let seed: UInt64

    /// The effects of `outputs`, one per design row in the design's order.
    /// - Throws: `SensitivityError` when there is not one finite output per row.
    /// - Precondition: `resamples >= 2`, `0 < confidence < 1`.
    /// - Complexity: O(resamples × trajectories × parameters).
    public init(design: MorrisDesign, outputs: [Double], resamples: Int = 1000,
                confidence: Double = 0.95, seed: UInt64 = 1) throws {
        precondition(resamples >= 2, "MorrisEffects: at least 2 bootstrap resamples are needed")
        precondition(confidence > 0 && confidence < 1, "MorrisEffects: confidence must lie in (0, 1)")
        try SensitivityError.check(outputs, rows: design.count)
        let k = design.parameterCount, r = design.trajectories
        var effects = [[Double]](repeating: [Double](repeating: 0, count: r), count: k)
        for t in 0..<r {
            for (m, i) in design.steps[t].enumerated() {
                let before = design.row(trajectory: t, point: m), after = before + 1
                let step = design.points[after][i] - design.points[before][i]
                effects[i][t] = (outputs[after] - outputs[before]) / step
            }
        }
        let z = StandardNormal.quantile(0.5 + confidence / 2)
        var random = RandomStream(seed: seed)
        let draws = (0..<resamples).map { _ in (0..<r).map { _ in random.index(r) } }
        parameters = effects.map { ee in
            let mu = ee.reduce(0, +) / Double(r)
            let absolute = ee.map { Swift.abs($0) }
            let muStar = absolute.reduce(0, +) / Double(r)
            let boot = draws.map { d in d.reduce(0) { $0 + absolute[$1] } / Double(r) }
            let sorted = boot.sorted()
            return Parameter(effects: ee, mu: mu, muStar: muStar,
                             sigma: SobolIndices.standardDeviation(ee),
                             muStarHalfWidth: z * SobolIndices.standardDeviation(boot),
                             muStarPercentileLow: SampleQuantile.type7(sorted, (1 - confidence) / 2),
                             muStarPercentileHigh: SampleQuantile.type7(sorted, (1 + confidence) / 2))
        }
        self.confidence = confidence
        self.resamples = resamples
        self.seed = seed
    }

    /// The effects of a model given as a function of the parameter values: each design point is
    /// mapped through the problem's distributions, then `model` is evaluated on it.
    ///
    /// Effects stay in output units per unit-cube step: with distributions other than uniform,
    /// a step Δ in u is a step of varying length in the parameter, as in SALib.
    /// - Throws: `SensitivityError.nonFiniteOutput` if the model returns a non-finite value.
    /// - Precondition: `design.parameterCount == problem.count`.
    public init(problem: SensitivityProblem, design: MorrisDesign, resamples: Int = 1000,
                confidence: Double = 0.95, seed: UInt64 = 1, model: ([Double]) throws -> Double) throws {
        precondition(design.parameterCount == problem.count, "MorrisEffects: the design and the problem differ in parameters")
        let outputs = try design.points.map { try model(problem.values(at: $0)) }
        try self.init(design: design, outputs: outputs, resamples: resamples, confidence: confidence, seed: seed)
    }

    /// The parameters' indices from the most to the least important by μ* (ties by index).
    public var ranking: [Int] {
        parameters.indices.sorted { (parameters[$0].muStar, $1) > (parameters[$1].muStar, $0) }
    }
}
