/// The measures of one replication, in `MeasureCatalog` order, plus the counts that invariants
/// are checked on.
public struct ReplicationResult: Sendable {
    /// One value per catalog measure (NaN where undefined, e.g. a KM median that S never reaches).
    public var values: [Double]
    /// Latency histogram of this replication (decided issues as events, open and dropped censored).
    public var latency: DurationHistogram
    /// Load ratio of each organisation (not staff), for distributions in reports.
    public var partnerLoadRatios: [Double]
    /// Share of each sector (scenario order) among those present at decisions, averaged over
    /// decision rooms; NaN for every sector when no decision was taken (for report charts).
    public var sectorSharesAtDecisions: [Double]
    public var diagnostics: Diagnostics
}

/// Raw counts of a replication, for invariant checks and tests.
public struct Diagnostics: Sendable, Equatable {
    /// Issues needing a decision that emerged in the measured window.
    public var emerged = 0
    public var decided = 0
    public var dropped = 0
    public var open = 0
    /// Information items that emerged.
    public var informationItems = 0
    /// Hours accrued by partners (measured window), by partner sum.
    public var partnerHours = 0.0
    /// Hours accrued by meetings (measured window), by instance sum, plus survey hours.
    public var meetingHours = 0.0
    public var surveyHours = 0.0
    public var meetings = 0
    /// Largest count present at a meeting minus its solicited members (must be ≤ 0).
    public var maxPresentOverMembers = Int.min
    /// Events handled by the engine.
    public var events: UInt64 = 0
    public var decisionsByMode = [0, 0, 0, 0]
}
