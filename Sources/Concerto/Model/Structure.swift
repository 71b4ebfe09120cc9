import Foundation

/// A scenario compiled for simulation: ids replaced by indices, defaults resolved, routes
/// resolved to instances. Immutable and shared by all replications.
public struct Structure: Sendable {
    /// The scenario it was compiled from.
    public let scenario: Scenario
    public let sectorIDs: [String]
    public let territoryIDs: [String]
    public let ageGroupIDs: [String]
    public let themeIDs: [String]
    public let partners: [PartnerDef]
    public let instances: [InstanceDef]
    public let issueKinds: [IssueKindDef]
    /// Instances in the order their membership can be built (dependencies first).
    public let buildOrder: [Int]
    /// Round-trip travel hours, territory × territory, row-major.
    public let travelHours: [Double]
    /// Reference shares for representativity (sum to 1).
    public let sectorReference: [Double]
    public let territoryReference: [Double]
    public let ageReference: [Double]
    /// Initial position distribution per sector.
    public let positionMean: [Double]
    public let positionSD: [Double]
    /// Index of non-staff partners (organisations).
    public var organisationCount: Int { partners.reduce(0) { $0 + ($1.staff ? 0 : 1) } }

    public var horizonDays: Double { (scenario.warmupYears + scenario.years) * 365 }
    public var warmupDays: Double { scenario.warmupYears * 365 }

    public func travel(from a: Int, to b: Int) -> Double { travelHours[a * territoryIDs.count + b] }
}

/// A partner, compiled.
public struct PartnerDef: Sendable {
    public let id: String
    public let name: String
    public let organisation: Int
    public let sector: Int
    public let territory: Int
    /// Weight of each age group (sums to 1, or all 0 when none is listed).
    public let ageWeights: [Double]
    public let role: String?
    public let staff: Bool
    public let capacity: Double
    public let engagement: Double
    /// Interest per theme index.
    public let interest: [Double]
}

/// An instance, compiled.
public struct InstanceDef: Sendable {
    public let id: String
    public let name: String
    public let kind: String
    public let themes: [Int]
    public let territory: Int?
    public let venue: Int
    public let parents: [Int]
    public let spec: InstanceSpec
    /// Partners eligible for open seats (after sector/territory/interest filters).
    public let openEligible: [Int]
    /// Mandatory partner indices.
    public let mandatory: [Int]
    public let named: [Int]
    public let observers: [Int]
    public let quotas: [(count: Int, candidates: [Int])]
    public let mandatoryFrom: [(instance: Int, count: Int)]
    public let election: (by: Int, seats: Int, bySector: Bool, byTerritory: Bool, sectorFirst: Bool, termDays: Double)?
    public let organisers: [Int]?
    /// Regular period in days (nil when only coupled).
    public let periodDays: Double?
    public let jitterDays: Double
    public let breakMonths: Set<Int>
    public let coupledTo: Int?
    public let coupledOffsetDays: Double
    public let firstMeetingDay: Double?
    /// Instances coupled to this one.
    public let coupledChildren: [Int]
    public let agendaHours: Double
    public let maxItems: Int
    public let quorumKind: QuorumKind
    public let quorumValue: Double
    public let powers: Set<Act>
    public let voteOnly: Bool
    public let voteAtAttempt: Int
    public let voteThreshold: Double
    public let onVoteFailure: VoteFailure
    public let escalateTo: Int?
    public let surveyShare: Double
    public let surveyDays: Double
    public let urgentDelegate: Int?
    /// Scheduling priority among same-time events (coupled instances meet after their parent).
    public let priority: Int32
    /// Whether another instance shares one of its themes (duplication).
    public let sharesTheme: Bool
    /// Upper bound on its membership size.
    public let maxMembers: Int
}

/// Quorum rule.
public enum QuorumKind: Sendable { case none, count, share, present }
/// What a failed vote does.
public enum VoteFailure: Sendable { case carryOver, escalate, drop }

/// An issue kind, compiled.
public struct IssueKindDef: Sendable {
    public let id: String
    public let name: String
    public let category: String
    public let theme: Int?
    public let ratePerYear: Double
    /// Territories with their own arrival process (empty: one process, no territory).
    public let territories: [Int]
    public let urgentShare: Double
    public let discussionHours: Double
    public let informHours: Double
    public let steps: [StepDef]
    /// Index of the last step needing a decision (-1: an information item).
    public let lastDecisionStep: Int
    public let dropAfterDays: Double?
    public let positionOverride: PositionDistribution?
    public var isDecision: Bool { lastDecisionStep >= 0 }
}

/// A route step, compiled.
public struct StepDef: Sendable {
    public let act: Act
    /// The instance, or -1 when it depends on the issue's territory.
    public let instance: Int
    /// For territory-dependent steps: instance per territory index (-1 none).
    public let byTerritory: [Int]
    public func instance(forTerritory t: Int) -> Int { instance >= 0 ? instance : (t >= 0 ? byTerritory[t] : -1) }
}
