/// The three families of measures a planner compares, and the breakdowns.
public enum MeasureFamily: String, Sendable, CaseIterable {
    /// Load on partners (*hyperconcertation*, *hypersollicitation*).
    case hyperconcertation
    /// Time from emergence to final decision (*délai de décision*).
    case latency
    /// Who is in the room when decisions are made (*représentativité*).
    case representativity
    /// Per instance (one group per Grande Table, comité, chantier...).
    case instance
    /// Per issue kind needing a decision.
    case issueKind
    /// Per table of the territory outside the structure.
    case outsideTable
    /// Per year of the run, warm-up included (the build-up of overload, attrition and turnover).
    case year

    /// The three families reported for the whole structure, in report order.
    public static let structureFamilies: [MeasureFamily] = [.hyperconcertation, .latency, .representativity]
}

/// The unit of a measure: how it is written in outputs and how many digits tables show.
public enum MeasureUnit: String, Sendable, CaseIterable {
    case hoursPerPartnerYear = "h/partner/year"
    case hoursPerStaffYear = "h/staff/year"
    case hoursPerYear = "h/year"
    case ratio
    /// A share in [0, 1] (tables show it in %).
    case share
    case index = "index 0–1"
    case instances
    case meetingsPerYear = "meetings/year"
    case days
    case decisionsPerYear = "decisions/year"
    case meetings
    case issuesPerYear = "issues/year"
    case issues
    /// Percentage points (Gallagher, Loosemore–Hanby).
    case points
    case members
    case creationsPerYear = "creations/year"

    /// Digits after the decimal point in tables (shares: of the percentage).
    public var digits: Int {
        switch self {
        case .share, .ratio, .index: return 3
        case .points, .days, .hoursPerPartnerYear, .hoursPerStaffYear, .hoursPerYear: return 1
        default: return 2
        }
    }

    /// How a table heads the unit ("%" for shares).
    public var display: String { self == .share ? "%" : rawValue }
}

/// What a measure needs from a replication's snapshot beyond the tally's counters; the
/// snapshot prepares only what the measures being computed need.
public struct SnapshotParts: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Hours, load ratios and excess hours of organisations and staff.
    public static let partners = SnapshotParts(rawValue: 1)
    /// Who still sits where at the horizon (instances per partner, seats, overlaps, attrition).
    public static let seats = SnapshotParts(rawValue: 2)
    /// Latency counts and sums (means, counts of open and dropped issues).
    public static let latencyCounts = SnapshotParts(rawValue: 4)
    /// Latencies sorted by exact duration, overall and by kind (Kaplan–Meier medians,
    /// cumulative incidences, quantiles of days to decision).
    public static let latencyTimes = SnapshotParts(rawValue: 8)
    /// Shares of categories among those present at decisions.
    public static let rooms = SnapshotParts(rawValue: 16)
}

/// One measure, declared once: its family, name, unit, label and how its value is computed
/// from the final snapshot of a replication. The catalog, results, tables, CSV, JSON and
/// Markdown all come from these definitions (`Measures.all`).
public struct MeasureDefinition: Sendable {
    public let family: MeasureFamily
    /// Name in outputs (JSON keys, CSV rows): camelCase, stable.
    public let name: String
    public let unit: MeasureUnit
    /// English label; `labelKey` names it for translations.
    public let label: String
    /// The snapshot parts its value is computed from.
    public let needs: SnapshotParts
    let value: MeasureValue

    /// The key of the label in translations: `family.name`.
    public var labelKey: String { family.rawValue + "." + name }

    /// A measure of the whole structure (family hyperconcertation, latency or representativity).
    init(_ family: MeasureFamily, _ name: String, _ unit: MeasureUnit, _ label: String, needs: SnapshotParts = [],
         _ f: @escaping @Sendable (ReplicationSnapshot) -> Double) {
        precondition(MeasureFamily.structureFamilies.contains(family))
        self.family = family; self.name = name; self.unit = unit; self.label = label; self.needs = needs; value = .structure(f)
    }

    /// A measure per instance (`i`) or per decision kind (`k`).
    init(_ family: MeasureFamily, _ name: String, _ unit: MeasureUnit, _ label: String, needs: SnapshotParts = [],
         group f: @escaping @Sendable (ReplicationSnapshot, Int) -> Double) {
        precondition(family == .instance || family == .issueKind || family == .outsideTable || family == .year)
        self.family = family; self.name = name; self.unit = unit; self.label = label; self.needs = needs; value = .group(f)
    }
}

/// How a measure's value is computed from a snapshot.
enum MeasureValue: Sendable {
    case structure(@Sendable (ReplicationSnapshot) -> Double)
    /// For one group: an instance index or an issue-kind index.
    case group(@Sendable (ReplicationSnapshot, Int) -> Double)
}
