/// The Patient Rule Induction Method (Friedman & Fisher 1999) for scenario discovery (Bryant &
/// Lempert 2010), after the EMA Workbench's `prim.py` (Kwakkel): which region of the explored
/// parameters — capacity below 6 h a month *and* more than 30 issues a year — holds most of the
/// points where the case of interest happens (structure A beats B on a measure, A misses a
/// threshold), in a box a planner can read.
///
/// **Peeling.** From the whole space, each step considers, for every parameter, a peel of its
/// lower side and one of its upper side, and keeps the one that leaves the densest box:
/// - a continuous parameter loses the points below its `peelAlpha` quantile (or above its
///   `1 − peelAlpha` quantile) among the box's points, the limit set halfway between the last
///   point peeled and the first kept (the quantile of the EMA Workbench and SDToolkit, which
///   moves past tied values);
/// - a discrete parameter loses whole values: its lowest (highest) value in the box, then the
///   next ones as long as the points peeled stay within `peelAlpha` of the box.
/// A peel is eligible when it removes at least one point, leaves a mass of at least
/// `minimumMass` and raises the density; among eligible peels the best `objective` wins, then
/// the one restricting fewer dimensions, then the first parameter, lower side first. Peeling
/// stops when no peel is eligible. Every box is recorded: the *trajectory*.
///
/// **Selection.** A step qualifies when its density is at least `densityThreshold` and at least
/// the base rate plus `minimumLift`. Of the qualifying steps, the candidate is by default the
/// one with the best balance of coverage and density — the highest F1 score, their harmonic
/// mean (`Selection.bestF1`); `Selection.highestCoverage` takes instead the widest box dense
/// enough, whose limits are looser (see `Selection`). Ties: the densest, then the later step.
/// No box is reported when the design has no case of interest, when every point is one, when no
/// step qualifies, or when the chance check fails.
///
/// **Chance check.** Peeling always finds some box denser than the base rate, noise included,
/// and more so with few points. The outcomes are shuffled `permutations` times (a seeded
/// stream, so the result is reproducible) and peeled again; the candidate is kept when the
/// share `(1 + k) / (1 + permutations)` is at most `significance`, `k` being the shuffles whose
/// trajectory reaches, at a mass at least the candidate's, a density at least the candidate's.
/// (A check against what peeling finds in noise, not an exact test: the candidate's mass is
/// itself chosen from the data.)
///
/// **Pasting** (optional, Friedman & Fisher's second phase). From the candidate, each
/// restricted side may take back the nearest `pasteAlpha` share of the box's points (whole
/// values for a discrete parameter, the rest of the slab when little is left); the paste that
/// raises the density most is kept (a paste that keeps it equal is kept too: the box gains
/// coverage for nothing), until every paste would lower it. The reported box is then larger
/// than the candidate and at least as dense; the trajectory is not changed. Pasting comes
/// before pruning.
///
/// **Pruning.** Peeling on noise sometimes restricts a parameter that does not matter (an early
/// peel of 5 % that happened to remove few cases). Each restricted side of the reported box has
/// a quasi-p-value (`PRIMBox.Restriction`); while one exceeds `restrictionSignificance`, the
/// least significant side whose lifting leaves the box qualifying is lifted, as an analyst does
/// with the EMA Workbench's `drop_restriction`. The reported box is then larger than the
/// candidate, and still qualifies.
///
/// Deterministic: the same design, outcome and options give the same result.
public struct PRIM: Sendable, Equatable {
    /// What a peel maximises.
    public enum Objective: String, Sendable, CaseIterable {
        /// The density of the box after the peel (Friedman & Fisher's original criterion).
        case density
        /// The gain in density divided by the number of points peeled (the EMA Workbench's
        /// default "lenient1"): favours small peels, useful when a discrete parameter's whole
        /// values make some peels much larger than others.
        case densityGainPerPoint
    }

    /// Which qualifying step of the trajectory becomes the candidate.
    public enum Selection: String, Sendable, CaseIterable {
        /// The highest F1 score, the harmonic mean 2·c·d / (c + d) of coverage `c` and density
        /// `d` (in classification terms, of recall and precision): the box that best balances
        /// missing cases against including non-cases.
        case bestF1
        /// The highest coverage: the first step that qualifies, the widest box dense enough.
        /// Its limits still hold up to `1 − densityThreshold` of non-cases, so they lie outside
        /// the region where the cases are (on the planted box of the tests, with 5 % noise
        /// outside it, one edge is 0.051 to 0.086 too wide in 15 of 30 seeds; 0.018 at most
        /// with `.bestF1`).
        case highestCoverage
    }

    /// Share of the box's points each peel removes (0 < α < 0.5). Default 0.05.
    public var peelAlpha: Double
    /// Share of the box's points each paste adds (0 < α < 0.5). Default 0.05.
    public var pasteAlpha: Double
    /// Whether the candidate is pasted before being reported. Default false.
    public var pastes: Bool
    /// Smallest share of all points a box may keep (0 < m ≤ 1). Default 0.05.
    public var minimumMass: Double
    /// Smallest density a box must reach to be reported (0...1). Default 0.8.
    public var densityThreshold: Double
    /// How far above the base rate a box's density must be (≥ 0). Default 0.1.
    public var minimumLift: Double
    /// What a peel maximises. Default `.density`.
    public var objective: Objective
    /// Which qualifying step becomes the candidate. Default `.bestF1`.
    public var selection: Selection
    /// Largest quasi-p-value a restricted side of the reported box may have (0 < q ≤ 1), or
    /// `nil` to keep every side peeling restricted. Default 0.05.
    public var restrictionSignificance: Double?
    /// Number of shuffles of the chance check (0: no check). Default 99.
    public var permutations: Int
    /// Largest chance p-value for which the box is kept (0 < s ≤ 1). Default 0.05.
    public var significance: Double
    /// Seed of the shuffles.
    public var seed: UInt64

    public init(peelAlpha: Double = 0.05, pasteAlpha: Double = 0.05, pastes: Bool = false,
                minimumMass: Double = 0.05, densityThreshold: Double = 0.8, minimumLift: Double = 0.1,
                objective: Objective = .density, selection: Selection = .bestF1,
                restrictionSignificance: Double? = 0.05, permutations: Int = 99, significance: Double = 0.05,
                seed: UInt64 = 0x5052_494D) {
        self.peelAlpha = peelAlpha
        self.pasteAlpha = pasteAlpha
        self.pastes = pastes
        self.minimumMass = minimumMass
        self.densityThreshold = densityThreshold
        self.minimumLift = minimumLift
        self.objective = objective
        self.selection = selection
        self.restrictionSignificance = restrictionSignificance
        self.permutations = permutations
        self.significance = significance
        self.seed = seed
    }

    /// Runs PRIM on `design` with `outcome[i]` true when point `i` is a case of interest.
    /// - Throws: `PRIMError` when `outcome` does not have one value per point or an option is
    ///   out of its range.
    /// - Complexity: O(k·n log n) to sort, then O(k·n) per peeling step, times
    ///   `1 + permutations`; O(s·k·n) for the quasi-p-values of the `s` steps.
    public func find(in design: PRIMDesign, outcome: [Bool]) throws -> PRIMResult {
        try validate(design: design, outcome: outcome)
        let search = PRIMSearch(design: design, prim: self)
        let n = design.count
        let cases = outcome.reduce(0) { $0 + ($1 ? 1 : 0) }
        let steps = search.peel(outcome)
        let trajectory = steps.map { search.box(lower: $0.lower, upper: $0.upper, outcome: outcome, totalCases: cases) }
        func result(_ candidate: Int?, _ p: Double?, _ box: PRIMBox?, _ why: PRIMResult.NoBox?) -> PRIMResult {
            PRIMResult(parameters: design.parameters, count: n, cases: cases, trajectory: trajectory,
                       candidateStep: candidate, chanceP: p, box: box, noBox: why)
        }
        if cases == 0 { return result(nil, nil, nil, .noCaseOfInterest) }
        if cases == n { return result(nil, nil, nil, .everyPointIsACase) }
        guard let c = selectStep(trajectory, baseRate: Double(cases) / Double(n)) else {
            let best = trajectory.map(\.density).max() ?? 0
            return result(nil, nil, nil, .notDenseEnough(bestDensity: best))
        }
        var p: Double? = nil
        if permutations > 0 {
            let chance = search.chanceP(outcome: outcome, mass: trajectory[c].mass, density: trajectory[c].density)
            p = chance
            if chance > significance { return result(c, chance, nil, .notBetterThanChance(pValue: chance)) }
        }
        var box = trajectory[c]
        if pastes {
            let pasted = search.paste(lower: box.lower, upper: box.upper, outcome: outcome)
            box = search.box(lower: pasted.lower, upper: pasted.upper, outcome: outcome, totalCases: cases)
        }
        if let level = restrictionSignificance {
            let baseRate = Double(cases) / Double(n)
            box = search.prune(box, level: level, outcome: outcome, totalCases: cases) { qualifies($0, baseRate: baseRate) }
        }
        return result(c, p, box, nil)
    }

    /// The selection rule: among the steps whose density is at least `densityThreshold` and
    /// `baseRate + minimumLift`, the highest F1 score (`.bestF1`) or coverage
    /// (`.highestCoverage`), then the highest density, then the later step; `nil` when none
    /// qualifies.
    /// - Complexity: O(steps).
    public func selectStep(_ trajectory: [PRIMBox], baseRate: Double) -> Int? {
        func key(_ b: PRIMBox) -> Double {
            switch selection {
            case .highestCoverage: return b.coverage
            case .bestF1: return b.coverage + b.density > 0 ? 2 * b.coverage * b.density / (b.coverage + b.density) : 0
            }
        }
        var best: Int? = nil
        for (s, b) in trajectory.enumerated() where qualifies(b, baseRate: baseRate) {
            guard let c = best else { best = s; continue }
            let o = trajectory[c]
            if key(b) > key(o) || (key(b) == key(o) && b.density >= o.density) { best = s }
        }
        return best
    }

    /// Whether a box is dense enough to be reported: density at least `densityThreshold` and
    /// at least `baseRate + minimumLift`.
    public func qualifies(_ box: PRIMBox, baseRate: Double) -> Bool {
        box.density >= densityThreshold && box.density >= baseRate + minimumLift
    }

    private func validate(design: PRIMDesign, outcome: [Bool]) throws {
        guard outcome.count == design.count else {
            throw PRIMError("the outcome has \(outcome.count) values for \(design.count) points")
        }
        func inside(_ x: Double, _ lo: Double, _ hi: Double, _ name: String, _ range: String) throws {
            guard x.isFinite, x > lo || (range.hasPrefix("[") && x == lo), x < hi || (range.hasSuffix("]") && x == hi) else {
                throw PRIMError("\(name) = \(x) is outside \(range)")
            }
        }
        try inside(peelAlpha, 0, 0.5, "peelAlpha", "(0, 0.5)")
        try inside(pasteAlpha, 0, 0.5, "pasteAlpha", "(0, 0.5)")
        try inside(minimumMass, 0, 1, "minimumMass", "(0, 1]")
        try inside(densityThreshold, 0, 1, "densityThreshold", "[0, 1]")
        try inside(minimumLift, 0, 1, "minimumLift", "[0, 1]")
        try inside(significance, 0, 1, "significance", "(0, 1]")
        if let q = restrictionSignificance { try inside(q, 0, 1, "restrictionSignificance", "(0, 1]") }
        guard permutations >= 0 else { throw PRIMError("permutations = \(permutations) is negative") }
    }
}
