/// The measures of one replication, in `MeasureCatalog` order, plus what reports and invariant
/// checks need beyond them.
public struct ReplicationResult: Sendable {
    /// One value per catalog measure (NaN where undefined, e.g. a KM median that S never reaches).
    public var values: [Double]
    /// Latencies of this replication (decided issues as events, open and dropped censored);
    /// nil when the distributions were not asked for (`RunSettings.distributions`).
    public var latency: LatencySample?
    /// Load ratio of each organisation (not staff), for distributions in reports (empty when
    /// the distributions were not asked for).
    public var partnerLoadRatios: [Double]
    /// Share of each sector (scenario order) among those present at decisions, averaged over
    /// decision rooms; NaN for every sector when no decision was taken (for report charts;
    /// empty when the distributions were not asked for).
    public var sectorSharesAtDecisions: [Double]
    public var diagnostics: Diagnostics
}

/// Raw counts of a replication, for invariant checks, tests and the totals of an output.
public struct Diagnostics: Sendable, Equatable {
    /// Issues needing a decision that emerged in the measured window.
    public var emerged = 0
    public var decided = 0
    public var dropped = 0
    public var open = 0
    /// Information items that emerged.
    public var informationItems = 0
    /// Hours accrued by partners (measured window), summed over partners.
    public var partnerHours = 0.0
    /// Hours accrued at meetings (measured window), summed over the structure's instances (not
    /// the territory's other tables), plus survey hours.
    public var meetingHours = 0.0
    public var surveyHours = 0.0
    public var meetings = 0
    /// Largest count present at a meeting minus its solicited members (must be ≤ 0).
    public var maxPresentOverMembers = Int.min
    /// Events handled by the engine.
    public var events: UInt64 = 0
    /// Final decisions by mode (`DecisionMode` raw value).
    public var decisionsByMode = [Int](repeating: 0, count: DecisionMode.allCases.count)

    public init() {}

    /// The counts of one replication (or of one history replayed from records) from its
    /// snapshot and tally; `events` is the engine's count (0 for records).
    init(snapshot: ReplicationSnapshot, tally: Tally, structure: Structure, events: UInt64) {
        emerged = snapshot.emergedTotal
        decided = snapshot.decidedTotal
        dropped = snapshot.droppedTotal
        open = snapshot.openTotal
        informationItems = tally.informationItems
        partnerHours = tally.partnerHours.array.reduce(0, +)
        // The structure's bodies only: the territory's other tables are outside hours.
        meetingHours = tally.instanceHours.array.prefix(structure.insideCount).reduce(0, +) + tally.surveyHours
        surveyHours = tally.surveyHours
        meetings = snapshot.meetingsTotal
        maxPresentOverMembers = tally.maxPresentOverMembers
        self.events = events
        decisionsByMode = tally.modes.array
    }

    /// Adds another replication's counts.
    public mutating func add(_ d: Diagnostics) {
        emerged += d.emerged; decided += d.decided; dropped += d.dropped; open += d.open
        informationItems += d.informationItems
        partnerHours += d.partnerHours; meetingHours += d.meetingHours; surveyHours += d.surveyHours
        meetings += d.meetings
        maxPresentOverMembers = Swift.max(maxPresentOverMembers, d.maxPresentOverMembers)
        events += d.events
        for m in DecisionMode.allCases { decisionsByMode[m.rawValue] += d.decisionsByMode[m.rawValue] }
    }
}
