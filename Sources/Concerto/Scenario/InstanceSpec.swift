import Foundation

/// An instance (a body) of the structure as written in a scenario: the Grande Table, a comité de
/// coordination, a comité de travail, a chantier, a CLDS, a ratifying board...
public struct InstanceSpec: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// assembly, coordination, working, strategic, analysis, local, practiceCommunity,
    /// ratifyingBoard, satellite, sectoral, other.
    public var kind: String
    public var themes: [String]
    /// The territory it serves (local instances; used to route an issue to "the CLDS of its territory").
    public var territory: String?
    /// Territory where it meets, for travel time (default: `territory`, else the first territory).
    public var venue: String?
    /// Instances it reports to.
    public var parents: [String]
    public var membership: MembershipSpec
    public var schedule: ScheduleSpec
    /// Meeting length in hours (default 2).
    public var meetingHours: Double
    /// Preparation hours per member per meeting (default 1).
    public var preparationHours: Double
    /// Organisation hours per meeting for each organiser (default 3).
    public var organiserHours: Double
    /// Partner ids who organise meetings (default: its chairs, else the staff members of the instance).
    public var organisers: [String]?
    /// Its chair and co-chairs (mandatory or named members): they organise its meetings.
    public var chairs: [String]
    /// hold | postpone: without any chair present a regular meeting is held anyway, or adjourned
    /// and reconvened `support.postponeDays` later (default hold).
    public var chairAbsence: String
    /// Agenda time available for issues, in hours (default: the meeting length).
    public var agendaHours: Double?
    /// At most this many items per meeting (default: no limit).
    public var maxItems: Int?
    /// Fixed agenda hours taken by reports and round tables at each meeting (default 0).
    public var fixedAgendaHours: Double
    /// How waiting items are taken when they do not all fit: inOrder, skipLong or
    /// priorityThenAge (default: an item passed over once goes first next time).
    public var agendaPolicy: String
    public var quorum: QuorumSpec
    /// Acts the instance may perform: recommend, decide, ratify, inform (default: recommend, decide, inform).
    public var powers: [String]
    public var decisionRule: DecisionRuleSpec
    /// Instance that decides urgent issues for this one between its meetings
    /// (Sept-Rivières: the comité de coordination for the Grande Table).
    public var urgentDelegate: String?
    /// An urgent issue is delegated when this instance's next meeting is further away than this (default 14 days).
    public var urgentMaxWaitDays: Double
    /// Whether this instance may call an extra meeting for an urgent issue (default false).
    public var extraMeetings: Bool
    /// Days needed to convene an extra meeting (default 7).
    public var extraMeetingDelayDays: Double
    /// Exists only while it has work (ORBITE sub-satellites, ad hoc committees): created when an
    /// issue is routed to it, dissolved after `dissolveAfterIdleDays` without work (default false).
    public var onDemand: Bool
    /// Idle days after which an on-demand instance is dissolved (default 90).
    public var dissolveAfterIdleDays: Double
    /// When it exists (days from day 0, or `2y`, `18m`): before `start` and from `end` on it does
    /// not meet; issues waiting at it when it ends move to its successor (a `reform`) or are
    /// dropped (default: the whole run).
    public var start: Double?
    public var end: Double?
    /// A template for bodies born from decisions (`issueKinds[].creates`): compiled once per theme
    /// as `ID-THEME`, each created when a decision on that theme calls for it (default false).
    public var template: Bool
    /// The themes a template has bodies for (default: every theme of the scenario).
    public var templateThemes: [String]?
    /// A body compiled from a template (not in the file): it exists only once a decision creates it.
    public var bornFromDecision = false
    /// A created body ends this many days after its creation (default: when idle
    /// `dissolveAfterIdleDays`, as on-demand bodies).
    public var lifetimeDays: Double?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, kind, themes, territory, venue, parents, membership, schedule, meetingHours, preparationHours
        case organiserHours, organisers, chairs, chairAbsence, agendaHours, maxItems, fixedAgendaHours, agendaPolicy, quorum, powers, decisionRule
        case urgentDelegate, urgentMaxWaitDays, extraMeetings, extraMeetingDelayDays, onDemand, dissolveAfterIdleDays
        case start, end, template, templateThemes, lifetimeDays
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.value(.name, default: id)
        kind = try c.value(.kind, default: "other")
        themes = try c.value(.themes, default: [])
        territory = try c.decodeIfPresent(String.self, forKey: .territory)
        venue = try c.decodeIfPresent(String.self, forKey: .venue)
        parents = try c.value(.parents, default: [])
        membership = try c.value(.membership, default: MembershipSpec())
        schedule = try c.decode(ScheduleSpec.self, forKey: .schedule)
        meetingHours = try c.value(.meetingHours, default: 2)
        preparationHours = try c.value(.preparationHours, default: 1)
        organiserHours = try c.value(.organiserHours, default: 3)
        organisers = try c.decodeIfPresent([String].self, forKey: .organisers)
        agendaHours = try c.decodeIfPresent(Double.self, forKey: .agendaHours)
        maxItems = try c.wholeNumber(.maxItems)
        fixedAgendaHours = try c.value(.fixedAgendaHours, default: 0)
        agendaPolicy = try c.value(.agendaPolicy, default: "priorityThenAge")
        chairs = try c.value(.chairs, default: [])
        chairAbsence = try c.value(.chairAbsence, default: "hold")
        quorum = try c.value(.quorum, default: QuorumSpec())
        powers = try c.value(.powers, default: ["recommend", "decide", "inform"])
        decisionRule = try c.value(.decisionRule, default: DecisionRuleSpec())
        urgentDelegate = try c.decodeIfPresent(String.self, forKey: .urgentDelegate)
        urgentMaxWaitDays = try c.value(.urgentMaxWaitDays, default: 14)
        extraMeetings = try c.value(.extraMeetings, default: false)
        extraMeetingDelayDays = try c.value(.extraMeetingDelayDays, default: 7)
        onDemand = try c.value(.onDemand, default: false)
        dissolveAfterIdleDays = try c.value(.dissolveAfterIdleDays, default: 90)
        start = try c.days(.start)
        end = try c.days(.end)
        template = try c.value(.template, default: false)
        templateThemes = try c.decodeIfPresent([String].self, forKey: .templateThemes)
        lifetimeDays = try c.decodeIfPresent(Double.self, forKey: .lifetimeDays)
    }
}

extension InstanceSpec {
    /// An outside table as a body: it meets and loads its members like an instance, is informed
    /// or consulted on issues that touch its themes (arrimage), and decides nothing.
    init(outside t: OutsideTableSpec) {
        id = t.id; name = t.name; kind = "outside"; themes = t.themes; territory = t.territory; venue = t.venue
        parents = []; membership = t.membership; schedule = t.schedule
        meetingHours = t.meetingHours; preparationHours = t.preparationHours; organiserHours = t.organiserHours
        organisers = t.organisers; agendaHours = t.agendaHours; maxItems = t.maxItems; fixedAgendaHours = 0; agendaPolicy = "priorityThenAge"
        chairs = []; chairAbsence = "hold"
        quorum = QuorumSpec(); powers = ["inform", "consult"]; decisionRule = DecisionRuleSpec()
        urgentDelegate = nil; urgentMaxWaitDays = 14; extraMeetings = false; extraMeetingDelayDays = 7
        onDemand = false; dissolveAfterIdleDays = 90
        start = t.start; end = t.end; template = false; templateThemes = nil; lifetimeDays = nil
    }
}

/// Who sits on an instance. Rules combine: open seats, quotas, named and mandatory members,
/// one member drawn from another instance, elected seats, and a cap per organisation.
public struct MembershipSpec: Codable, Sendable, Equatable {
    /// Open to all partners (Grande Table, ORBITE, CLDS, chantiers), filtered below (default false).
    public var open: Bool
    /// Open seats only for partners whose interest in the instance's themes is at least this (default 0).
    public var minInterest: Double
    /// Open seats only for these sectors / territories (default: all).
    public var sectors: [String]?
    public var territories: [String]?
    /// Whether staff partners join open instances (default false: staff join where mandatory).
    public var includeStaff: Bool
    public var quotas: [QuotaSpec]
    /// Named members (Lanaudière CRS: MESS, FLAC, TPL...).
    public var named: [String]
    /// Mandatory members (the coordinator): attend unless overloaded, never leave.
    public var mandatory: [String]
    /// Non-voting members (observers): attend and carry load, but neither deliberate nor vote.
    public var observers: [String]
    /// Mandatory members drawn from another instance (one member of the comité de coordination).
    public var mandatoryFrom: [MandatoryFromSpec]
    /// Seats elected by a parent assembly.
    public var elected: ElectionSpec?
    /// At most this many seats per organisation (no over-representation; default: no cap).
    public var maxPerOrganisation: Int?
    /// The body's number of seats: open seats are drawn among the eligible partners until it is
    /// reached (default: no cap, every eligible partner sits).
    public var seats: Int?
    /// Seats reserved for a sector, a nation, a territory or a role and held by nobody (Gaspésie's
    /// seat for a First Nation): counted among the body's `seats` and in seat representativity,
    /// never solicited or present.
    public var vacant: [VacantSeatSpec]
    /// Partners passing the filters above (`sectors`, `territories`, `minInterest`, `includeStaff`)
    /// who do not sit on the body join it during the run at this rate a year, times their
    /// interest in its themes, while it has room (« un partenaire peut se joindre à tout
    /// moment »; default 0).
    public var joinRatePerYear: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
        case open, minInterest, sectors, territories, includeStaff, quotas, named, mandatory, observers, mandatoryFrom, elected, maxPerOrganisation
        case seats, vacant, joinRatePerYear
    }
    public init() {
        open = false; minInterest = 0; includeStaff = false; quotas = []; named = []; mandatory = []; observers = []; mandatoryFrom = []
        vacant = []; joinRatePerYear = 0
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        open = try c.value(.open, default: false)
        minInterest = try c.value(.minInterest, default: 0)
        sectors = try c.decodeIfPresent([String].self, forKey: .sectors)
        territories = try c.decodeIfPresent([String].self, forKey: .territories)
        includeStaff = try c.value(.includeStaff, default: false)
        quotas = try c.value(.quotas, default: [])
        named = try c.value(.named, default: [])
        mandatory = try c.value(.mandatory, default: [])
        observers = try c.value(.observers, default: [])
        mandatoryFrom = try c.value(.mandatoryFrom, default: [])
        elected = try c.decodeIfPresent(ElectionSpec.self, forKey: .elected)
        maxPerOrganisation = try c.wholeNumber(.maxPerOrganisation)
        seats = try c.wholeNumber(.seats)
        vacant = try c.value(.vacant, default: [])
        joinRatePerYear = try c.value(.joinRatePerYear, default: 0)
    }
}

/// `count` reserved seats held by nobody, for the category given (what it is reserved for).
public struct VacantSeatSpec: Codable, Sendable, Equatable {
    public var count: Int
    public var sector: String?
    public var territory: String?
    /// What the seat is for, in words (a nation, a role).
    public var label: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case count, sector, territory, label }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.value(.count, default: 1)
        sector = try c.decodeIfPresent(String.self, forKey: .sector)
        territory = try c.decodeIfPresent(String.self, forKey: .territory)
        label = try c.decodeIfPresent(String.self, forKey: .label)
    }
}

/// Seats by quota: `count` partners matching every given filter, drawn per replication.
public struct QuotaSpec: Codable, Sendable, Equatable {
    public var count: Int
    public var sector: String?
    public var territory: String?
    public var role: String?
    public var staff: Bool?
    /// Draw only among these partners.
    public var among: [String]?
    enum CodingKeys: String, CodingKey, CaseIterable { case count, sector, territory, role, staff, among }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.requiredWholeNumber(.count)
        sector = try c.decodeIfPresent(String.self, forKey: .sector)
        territory = try c.decodeIfPresent(String.self, forKey: .territory)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        staff = try c.decodeIfPresent(Bool.self, forKey: .staff)
        among = try c.decodeIfPresent([String].self, forKey: .among)
    }
}

/// `count` mandatory members drawn from the members of another instance.
public struct MandatoryFromSpec: Codable, Sendable, Equatable {
    public var instance: String
    /// How many delegates (default 1); `{"min": 1, "max": 2}` for « un ou deux » (drawn per
    /// replication, uniformly).
    public var count: Int
    public var countMax: Int
    /// Designated delegates, in order of preference (members of `instance`), before any draw.
    public var named: [String]
    /// Then members of `instance` with this role, before the others.
    public var role: String?
    /// Delegates attend unless overloaded, like mandatory members (default true); false: they
    /// attend like named members (engagement × availability × interest, at least `mandateInterest`).
    public var mandatory: Bool
    enum CodingKeys: String, CodingKey, CaseIterable { case instance, count, named, role, mandatory }
    enum RangeKeys: String, CodingKey, CaseIterable { case min, max }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        instance = try c.decode(String.self, forKey: .instance)
        if let range = try? c.nestedContainer(keyedBy: RangeKeys.self, forKey: .count) {
            try c.superDecoder(forKey: .count).rejectUnknownKeys(RangeKeys.self)
            count = try range.value(.min, default: 1)
            countMax = try range.value(.max, default: count)
        } else {
            count = try c.value(.count, default: 1)
            countMax = count
        }
        named = try c.value(.named, default: [])
        role = try c.decodeIfPresent(String.self, forKey: .role)
        mandatory = try c.value(.mandatory, default: true)
    }
}

/// Seats elected by a parent assembly with sector/territory balance (Charlevoix strategic committee).
public struct ElectionSpec: Codable, Sendable, Equatable {
    /// The electing instance (its members are the candidates).
    public var by: String
    public var seats: Int
    /// Balance criteria, in order: "sector", "territory".
    public var balance: [String]
    /// Mandate length; seats are re-elected at the end of each term (default 2 years).
    public var termYears: Double
    enum CodingKeys: String, CodingKey, CaseIterable { case by, seats, balance, termYears }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        by = try c.decode(String.self, forKey: .by)
        seats = try c.requiredWholeNumber(.seats)
        balance = try c.value(.balance, default: ["sector", "territory"])
        termYears = try c.value(.termYears, default: 2)
    }
}

/// When an instance meets.
public struct ScheduleSpec: Codable, Sendable, Equatable {
    /// Regular meetings per year (one of `meetingsPerYear`, `periodDays` or `coupledTo` is required).
    public var meetingsPerYear: Double?
    /// Days between meetings (alternative to `meetingsPerYear`).
    public var periodDays: Double?
    /// Each meeting moves by a uniform amount in ±jitterDays (default 0).
    public var jitterDays: Double
    /// Months (1–12) without meetings; a meeting falling there moves to the next open month (default none).
    public var breakMonths: [Int]
    /// Meets right after each meeting of that instance (ORBITE satellites in the afternoon).
    public var coupledTo: String?
    /// Days after the coupled meeting (default 0: the same day, after it).
    public var coupledOffsetDays: Double
    /// Day of the first meeting (default: a random phase within the first period).
    public var firstMeetingDay: Double?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case meetingsPerYear, periodDays, jitterDays, breakMonths, coupledTo, coupledOffsetDays, firstMeetingDay
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        meetingsPerYear = try c.decodeIfPresent(Double.self, forKey: .meetingsPerYear)
        periodDays = try c.decodeIfPresent(Double.self, forKey: .periodDays)
        jitterDays = try c.value(.jitterDays, default: 0)
        breakMonths = try c.value(.breakMonths, default: [])
        coupledTo = try c.decodeIfPresent(String.self, forKey: .coupledTo)
        coupledOffsetDays = try c.value(.coupledOffsetDays, default: 0)
        firstMeetingDay = try c.decodeIfPresent(Double.self, forKey: .firstMeetingDay)
    }
}

/// The quorum of an instance.
public struct QuorumSpec: Codable, Sendable, Equatable {
    /// none | count | share | present ("those present", ORBITE) (default none).
    public var kind: String
    /// The count (kind count) or the share of active members in (0,1] (kind share).
    public var value: Double
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, value }
    public init() { kind = "none"; value = 0 }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.value(.kind, default: "none")
        value = try c.value(.value, default: 0)
    }
}

/// How an instance decides: consensus first, vote at the k-th attempt, and what a failed vote does.
public struct DecisionRuleSpec: Codable, Sendable, Equatable {
    /// consensus (deliberate, vote as fallback) | vote (vote at once: ratifying boards) (default consensus).
    public var mode: String
    /// Vote at this attempt if there is no consensus (1: the same meeting; default 3).
    public var voteAtAttempt: Int
    /// Share of those present voting for that carries a vote (default 2/3).
    public var voteThreshold: Double
    /// carryOver | escalate | drop (default carryOver).
    public var onVoteFailure: String
    /// Instance that takes an escalated issue (default: the first parent).
    public var escalateTo: String?
    /// Share of decisions taken by individual survey of members in exceptional cases (default 0).
    public var surveyShare: Double
    /// Days a survey stays open (default 14).
    public var surveyDays: Double
    /// Members from the territory do not deliberate or vote on it: no member analyses
    /// its own project (Lanaudière analysis committee) (default false).
    public var recuseSameTerritory: Bool
    /// member | organisation: one vote per member present, or one per organisation present
    /// (its members' positions averaged; ORBITE: « chaque partenaire a un droit de vote égal »)
    /// (default member).
    public var voteBy: String
    enum CodingKeys: String, CodingKey, CaseIterable { case mode, voteAtAttempt, voteThreshold, onVoteFailure, escalateTo, surveyShare, surveyDays, recuseSameTerritory, voteBy }
    public init() {
        mode = "consensus"; voteAtAttempt = 3; voteThreshold = 2.0 / 3.0; onVoteFailure = "carryOver"; surveyShare = 0; surveyDays = 14
        recuseSameTerritory = false
        voteBy = "member"
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DecisionRuleSpec()
        mode = try c.value(.mode, default: d.mode)
        voteAtAttempt = try c.value(.voteAtAttempt, default: d.voteAtAttempt)
        voteThreshold = try c.value(.voteThreshold, default: d.voteThreshold)
        onVoteFailure = try c.value(.onVoteFailure, default: d.onVoteFailure)
        escalateTo = try c.decodeIfPresent(String.self, forKey: .escalateTo)
        surveyShare = try c.value(.surveyShare, default: d.surveyShare)
        surveyDays = try c.value(.surveyDays, default: d.surveyDays)
        recuseSameTerritory = try c.value(.recuseSameTerritory, default: false)
        voteBy = try c.value(.voteBy, default: d.voteBy)
    }
}
