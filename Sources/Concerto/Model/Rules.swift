import Foundation

/// The compiled rules the simulation reads in its hot path: plain values only (`BitwiseCopyable`
/// is checked by the compiler), stored in `FlatTable`s of the `Structure`. Descriptions (ids,
/// names, kinds as text, themes) stay in `PartnerDef`, `InstanceDef` and `IssueKindDef`.

/// A partner's rules: who it is for representativity and how much time it has.
public struct PartnerRules: Sendable, Equatable, BitwiseCopyable {
    public var sector: Int32
    public var territory: Int32
    /// Organisation index (caps on seats per organisation).
    public var organisation: Int32
    /// Coordinators and other staff: organise meetings, never leave the open instances (their
    /// posts turn over instead: the holder leaves, the post stays vacant a while), reported apart.
    public var staff: Bool
    /// Hours a month it can give to concertation.
    public var capacity: Double
    /// Baseline engagement in [0,1].
    public var engagement: Double
    /// Its age groups with a positive weight, in age-group order (a range of `Structure.ageEntries`).
    public var ages: IndexRange
}

/// One age group a partner serves and its weight (the weights of a partner sum to 1).
public struct AgeWeight: Sendable, Equatable, BitwiseCopyable {
    public var group: Int32
    public var weight: Double
}

/// The months without meetings (summer, holidays), as a set of calendar months 1–12.
public struct MonthSet: Sendable, Equatable, BitwiseCopyable, ExpressibleByArrayLiteral {
    public var bits: UInt16
    public init(_ months: [Int]) {
        var b: UInt16 = 0
        for m in months where m >= 1 && m <= 12 { b |= 1 << UInt16(m - 1) }
        bits = b
    }
    public init(arrayLiteral months: Int...) { self.init(months) }
    @inlinable public var isEmpty: Bool { bits == 0 }
    @inlinable public func contains(_ month: Int) -> Bool { month >= 1 && month <= 12 && bits & (1 << UInt16(month - 1)) != 0 }
    public var months: [Int] { (1...12).filter { contains($0) } }
}

/// How a meeting takes waiting items when they do not all fit in its agenda time. Items are
/// ordered urgent first, then by emergence; the first item is always taken, even if longer
/// than the agenda.
public enum AgendaPolicy: String, Sendable, Equatable, BitwiseCopyable, CaseIterable {
    /// Strictly in order: at the first item that does not fit, the agenda closes.
    case inOrder
    /// An item that does not fit is passed over and shorter ones behind it are taken (long
    /// items can starve while shorter ones keep arriving).
    case skipLong
    /// As `skipLong`, but an item passed over once goes ahead of every item that has not been
    /// (after urgent ones) for as long as it waits at this body, and when it does not fit again
    /// the agenda closes: no younger item passes it twice, so nothing starves. The default.
    case priorityThenAge
}

/// The acts an instance may perform.
public struct ActSet: Sendable, Equatable, BitwiseCopyable {
    public var bits: UInt8
    public init(_ acts: [Act] = []) { bits = 0; for a in acts { insert(a) } }
    public mutating func insert(_ a: Act) { bits |= 1 << a.rawValue }
    public func contains(_ a: Act) -> Bool { bits & (1 << a.rawValue) != 0 }
    public var acts: [Act] { Act.allCases.filter { contains($0) } }
}

/// The quorum of an instance.
public enum QuorumRule: Sendable, Equatable, BitwiseCopyable {
    /// No quorum.
    case none
    /// At least this many voting members present.
    case count(Int)
    /// At least this share of the active voting members (rounded up).
    case share(Double)
    /// "Those present" (ORBITE): one voting member present is enough.
    case present
}

/// What a failed vote does.
public enum VoteFailure: Sendable, Equatable, BitwiseCopyable {
    /// The proposal comes back reworked at a later meeting.
    case carryOver
    /// The same act moves to another instance (nil: none could be found; it stays).
    case escalate(to: Int32?)
    /// The issue is dropped.
    case drop
}

/// Seats elected by another instance with sector/territory balance (Charlevoix strategic committee).
public struct ElectionRule: Sendable, Equatable, BitwiseCopyable {
    /// The electing instance.
    public var by: Int32
    public var seats: Int32
    public var bySector: Bool
    public var byTerritory: Bool
    /// Balance sectors before territories.
    public var sectorFirst: Bool
    public var termDays: Double
}

/// An instance's rules: schedule, costs, agenda, quorum and decision rule.
public struct InstanceRules: Sendable, Equatable, BitwiseCopyable {
    // Schedule.
    /// Days between regular meetings (nil: it meets only with the instance it is coupled to).
    public var periodDays: Double?
    public var jitterDays: Double
    public var breakMonths: MonthSet
    public var firstMeetingDay: Double?
    /// The instance whose meetings it follows (ORBITE satellites in the afternoon).
    public var coupledTo: Int32?
    public var coupledOffsetDays: Double
    /// Instances coupled to this one (a range of `Structure.coupledChildren`).
    public var coupledChildren: IndexRange
    /// Calendar priority of its meetings (`EventPriority.meeting` plus its coupling depth).
    public var meetingPriority: Int32
    // Costs.
    /// Territory where it meets (travel).
    public var venue: Int32
    public var meetingHours: Double
    public var preparationHours: Double
    public var organiserHours: Double
    /// Who organises its meetings (a range of `Structure.organisers`); nil: its staff members.
    public var organisers: IndexRange?
    // Agenda.
    /// Agenda hours available for issues (before the fixed part).
    public var agendaHours: Double
    /// Hours taken by reports and round tables at each meeting.
    public var fixedAgendaHours: Double
    public var maxItems: Int
    public var agendaPolicy: AgendaPolicy
    /// Its chairs (a range of `Structure.chairs`), and whether a regular meeting without any of
    /// them present is adjourned and reconvened.
    public var chairs: IndexRange
    public var chairAbsencePostpones: Bool
    // Decisions.
    public var quorum: QuorumRule
    public var powers: ActSet
    /// How it decides (consensus, votes, surveys, recusal).
    public var decision: DecisionRule
    /// The instance deciding urgent issues between its meetings (the comité de coordination).
    public var urgentDelegate: Int32?
    public var urgentMaxWaitDays: Double
    public var extraMeetings: Bool
    public var extraMeetingDelayDays: Double
    /// Exists only while it has work (ORBITE sub-satellites).
    public var onDemand: Bool
    public var dissolveAfterIdleDays: Double
    public var election: ElectionRule?
    /// When it exists: it does not meet before `startDay` nor from `endDay` on (days; 0 and +∞
    /// for the whole run); issues waiting when it ends go to `successor` (nil: dropped).
    public var startDay: Double
    public var endDay: Double
    public var successor: Int32?
    /// A body born from a decision ends this many days after its creation (nil: when idle).
    public var lifetimeDays: Double?
    /// Compiled from a template: only a decision creates it (issues routed to it wait).
    public var bornFromDecision: Bool
    /// Another instance shares one of its themes.
    public var sharesTheme: Bool
    /// Its themes (a range of `Structure.bodyThemes`).
    public var themes: IndexRange
    /// Organised by a member of a support team (an instance of kind `support`): its members
    /// attend more (`SupportRules.supportAttendanceFactor`).
    public var supported: Bool
    /// A concertation space outside the structure (`outsideTables`): it loads its members and
    /// takes no issue of the structure, but may be informed or consulted (arrimage).
    public var outside: Bool
    /// Its block of seats in a replication's flat seat table (start, capacity).
    public var seats: IndexRange
}

/// Where a route step goes.
public enum StepTarget: Sendable, Equatable, BitwiseCopyable {
    /// A named instance.
    case instance(Int32)
    /// The instance of a kind in the issue's territory: a range of `Structure.stepTargets`
    /// holding one instance per territory index (nil where the kind has no arrivals).
    case byTerritory(IndexRange)
    /// The instance of a kind holding the issue's theme: a range of `Structure.stepTargets`
    /// holding one instance per theme index (nil where the kind never has that theme).
    case byTheme(IndexRange)
}

/// A partner that may join a body during the run, with its probability of joining in a month
/// (1 − exp(−rate × interest / 12)).
public struct JoinCandidate: Sendable, Equatable, BitwiseCopyable {
    public var partner: Int32
    public var monthly: Double
}

/// One theme an issue kind may draw, with the cumulative share up to it.
public struct ThemeShare: Sendable, Equatable, BitwiseCopyable {
    public var theme: Int32
    public var cumulative: Double
}

/// One step of a route, compiled.
public struct StepRules: Sendable, Equatable, BitwiseCopyable {
    public var act: Act
    public var target: StepTarget
}

/// An issue kind's rules: arrivals, agenda time, route and deadline.
public struct IssueKindRules: Sendable, Equatable, BitwiseCopyable {
    public var ratePerYear: Double
    public var urgentShare: Double
    public var discussionHours: Double
    public var informHours: Double
    /// Its route (a range of `Structure.steps`).
    public var steps: IndexRange
    /// Index (within the route) of the last step needing a decision; nil for information items.
    public var lastDecisionStep: Int32?
    public var dropAfterDays: Double?
    /// An issue open at the horizon after this many days is stuck, not in progress (measures only).
    public var stuckAfterDays: Double
    /// Overrides every sector's position distribution.
    public var positions: PositionDistribution?
    /// Territories with their own arrival process (a range of `Structure.kindTerritories`; empty: one process, no territory).
    public var territories: IndexRange
    /// Its themes and their cumulative shares (a range of `Structure.kindThemes`; empty: no theme).
    public var themes: IndexRange
    /// Arrivals only in [startDay, endDay).
    public var startDay: Double
    public var endDay: Double
    /// The bodies its final decision creates, one per theme (a range of `Structure.stepTargets`
    /// indexed by theme; nil: it creates none).
    public var creates: IndexRange?

    @inlinable public var isDecision: Bool { lastDecisionStep != nil }
}

/// Who comes to meetings (compiled from `AttendanceSpec`).
public struct AttendanceRules: Sendable, Equatable, BitwiseCopyable {
    public enum Shape: Sendable, Equatable, BitwiseCopyable { case exponential, linear }
    public var interestFloor: Double
    public var mandateInterest: Double
    public var availabilityShape: Shape
    public var availabilitySteepness: Double
    public var absentCostFraction: Double
    public var surveyHours: Double

    /// Probability factor of attending at a load ratio (hours solicited / capacity): 1 up to 1,
    /// then falling linearly or exponentially with `availabilitySteepness` (MODEL.md, step 1).
    /// Shared by the simulation and the attendance forecast.
    @inlinable
    public func availability(_ ratio: Double) -> Double {
        if ratio <= 1 { return 1 }
        switch availabilityShape {
        case .linear: return Swift.max(0, 1 - availabilitySteepness * (ratio - 1))
        case .exponential: return Foundation.exp(-availabilitySteepness * (ratio - 1))
        }
    }
}

/// How rooms reach decisions (compiled from `DeliberationSpec`).
public struct DeliberationRules: Sendable, Equatable, BitwiseCopyable {
    public enum Model: Sendable, Equatable, BitwiseCopyable { case probabilistic, boundedConfidence }
    public var model: Model
    public var consensusProbability: Double
    public var heterogeneityPenalty: Double
    public var epsilon: Double
    public var mu: Double
    public var exchangesPerHour: Double
    public var consentThreshold: Double
    public var supportThreshold: Double
}

/// Monthly engagement dynamics (compiled from `EngagementSpec`).
public struct EngagementRules: Sendable, Equatable, BitwiseCopyable {
    public var overloadDecay: Double
    public var recoveryRate: Double
    public var decisionBoost: Double
    public var exitThreshold: Double
    public var burnoutWindowMonths: Int
    public var burnoutToleranceMonths: Int
    public var burnoutHazardPerMonth: Double
    /// Monthly probability that a staff member leaves: 1 − (1 − yearly rate)^(1/12).
    public var staffTurnoverPerMonth: Double
    public var staffVacancyDays: Double
}

/// What organisers' shortfalls do and what support teams do (compiled from `SupportSpec`).
public struct SupportRules: Sendable, Equatable, BitwiseCopyable {
    public enum Shortfall: Sendable, Equatable, BitwiseCopyable { case none, postpone, shortenAgenda }
    public var organiserShortfall: Shortfall
    public var postponeDays: Double
    public var shortenedAgendaShare: Double
    public var supportAttendanceFactor: Double
}

/// Two instances sharing a theme (for the Jaccard overlap of their members).
public struct InstancePair: Sendable, Equatable, BitwiseCopyable {
    public var a: Int32
    public var b: Int32
}

/// One partner's share of a background-load rule: hours a month drawn once per replication
/// from a normal(mean, sd) clipped to [0, 744].
public struct BackgroundDraw: Sendable, Equatable, BitwiseCopyable {
    public var partner: Int32
    public var mean: Double
    public var sd: Double
    /// The tables these hours stand for (descriptive: `tablesPerPartner`).
    public var tables: Double
}
