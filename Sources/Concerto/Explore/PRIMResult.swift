/// What PRIM found in a design: the whole peeling trajectory, the box the selection rule picked
/// from it, and the box reported — or why no box is reported.
public struct PRIMResult: Sendable, Equatable {
    /// Why no box is reported.
    public enum NoBox: Sendable, Equatable {
        /// No point is a case of interest: there is nothing to explain (two identical
        /// structures compared with common random numbers end here: neither ever beats the other).
        case noCaseOfInterest
        /// Every point is a case of interest: it happens everywhere, no box is needed.
        case everyPointIsACase
        /// No box on the trajectory reaches the density threshold and the base rate plus the
        /// minimum lift; `bestDensity` is the highest density the trajectory reached.
        case notDenseEnough(bestDensity: Double)
        /// The box is no denser than what peeling reaches, at the same mass, on the same design
        /// with the outcomes shuffled: `pValue` is the share of shuffles that did at least as well
        /// (counting the observed one), above the significance level.
        case notBetterThanChance(pValue: Double)
    }

    /// The design's parameters, in order (the columns of every box's limits).
    public let parameters: [PRIMParameter]
    /// Number of points in the design.
    public let count: Int
    /// Number of cases of interest in the design.
    public let cases: Int
    /// Cases of interest / points: the density of the whole space.
    public var baseRate: Double { Double(cases) / Double(count) }
    /// The peeling trajectory: step 0 is the whole space, each later step one peel. Coverage
    /// never increases and mass strictly decreases along it.
    public let trajectory: [PRIMBox]
    /// The step the selection rule picked (`nil` when no step qualifies or there is no case of
    /// interest, or every point is one). Set even when the chance check then rejects it.
    public let candidateStep: Int?
    /// The share of shuffled outcomes whose peeling did at least as well as the candidate
    /// (the chance check's p-value, `(1 + at least as dense) / (1 + shuffles)`); `nil` when the
    /// check did not run (no candidate, or zero shuffles asked).
    public let chanceP: Double?
    /// The box reported: the candidate step's box, pasted when `PRIM.pastes` is on and with the
    /// limits that do not matter lifted (`PRIM.restrictionSignificance`); `nil` when `noBox`
    /// says why.
    public let box: PRIMBox?
    /// Why no box is reported; `nil` when `box` is set.
    public let noBox: NoBox?

    public init(parameters: [PRIMParameter], count: Int, cases: Int, trajectory: [PRIMBox],
                candidateStep: Int?, chanceP: Double?, box: PRIMBox?, noBox: NoBox?) {
        self.parameters = parameters
        self.count = count
        self.cases = cases
        self.trajectory = trajectory
        self.candidateStep = candidateStep
        self.chanceP = chanceP
        self.box = box
        self.noBox = noBox
    }
}
