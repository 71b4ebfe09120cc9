import Foundation

/// A governance structure written down by a planner: the territory's partners, the instances
/// (Grande Table, comité de coordination, comités de travail, chantiers...), the kinds of issues
/// that arrive and the routes they follow, and the behavioural parameters of the model.
///
/// Every field has a documented default (docs/scenario-format.md). Objects may carry `source`
/// and `sources` notes tracing numbers to the seed documents.
public struct Scenario: Codable, Sendable, Equatable {
    /// Kebab-case identifier, e.g. `sept-rivieres`.
    public var id: String
    /// Human-readable name.
    public var name: String
    /// Short name for tables and sentences (« ORBITE », « Sept-Rivières »); nil: the name.
    public var shortName: String?
    /// Simulated years measured after the warm-up (default 3).
    public var years: Double
    /// Years simulated before measuring (default 0).
    public var warmupYears: Double
    /// Calendar month (1–12) of day 0 (default 9: the community sector's year starts in September).
    public var startMonth: Int
    /// Sectors partners belong to (municipal, santé et services sociaux, éducation, communautaire-famille...).
    public var sectors: [Category]
    /// Territories (towns, MRC) partners come from.
    public var territories: [Territory]
    /// Age groups partners serve.
    public var ageGroups: [Category]
    /// Themes of instances and issues (enjeux).
    public var themes: [Category]
    /// Defaults applied to partners that leave a field out.
    public var partnerDefaults: PartnerDefaults
    /// The organisations (and staff) of the territory: the named partners, then the members
    /// of `partnerGroups` in their documented order.
    public var partners: [PartnerSpec]
    /// Partners written as groups (docs/scenario-format.md, `partnerGroups`), already expanded
    /// into `partners`; kept as written.
    public var partnerGroups: [PartnerGroupSpec]
    /// The bodies of the structure.
    public var instances: [InstanceSpec]
    /// The territory's other concertation spaces that solicit the same partners (default none).
    public var outsideTables: [OutsideTableSpec]
    /// Hours a month partners give to concertation not modelled body by body (default none).
    public var backgroundLoad: [BackgroundLoadSpec]
    /// Kinds of issues (dossiers) that arrive, with their routes.
    public var issueKinds: [IssueKindSpec]
    /// Who comes to meetings.
    public var attendance: AttendanceSpec
    /// How rooms reach decisions.
    public var deliberation: DeliberationSpec
    /// Monthly engagement dynamics and attrition.
    public var engagement: EngagementSpec
    /// What happens when organisers are short, and what support teams do.
    public var support: SupportSpec
    /// Reforms: at a date, one set of bodies replaces another.
    public var reforms: [ReformSpec]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, shortName, years, warmupYears, startMonth, sectors, territories, ageGroups, themes
        case partnerDefaults, partners, partnerGroups, instances, outsideTables, backgroundLoad, issueKinds, attendance, deliberation, engagement, support
        case reforms
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.value(.name, default: id)
        shortName = try c.decodeIfPresent(String.self, forKey: .shortName)
        years = try c.value(.years, default: 3)
        warmupYears = try c.value(.warmupYears, default: 0)
        startMonth = try c.value(.startMonth, default: 9)
        sectors = try c.decode([Category].self, forKey: .sectors)
        territories = try c.decode([Territory].self, forKey: .territories)
        ageGroups = try c.value(.ageGroups, default: [])
        themes = try c.value(.themes, default: [])
        partnerDefaults = try c.value(.partnerDefaults, default: PartnerDefaults())
        partnerGroups = try c.value(.partnerGroups, default: [])
        // `partners` may be left out when groups give them.
        partners = partnerGroups.isEmpty ? try c.decode([PartnerSpec].self, forKey: .partners) : try c.value(.partners, default: [])
        partners += try PartnerGroupExpansion(territories: territories, sectors: sectors)
            .expand(partnerGroups, codingPath: c.codingPath + [CodingKeys.partnerGroups])
        instances = try c.decode([InstanceSpec].self, forKey: .instances)
        outsideTables = try c.value(.outsideTables, default: [])
        backgroundLoad = try c.value(.backgroundLoad, default: [])
        issueKinds = try c.decode([IssueKindSpec].self, forKey: .issueKinds)
        attendance = try c.value(.attendance, default: AttendanceSpec())
        deliberation = try c.value(.deliberation, default: DeliberationSpec())
        engagement = try c.value(.engagement, default: EngagementSpec())
        support = try c.value(.support, default: SupportSpec())
        reforms = try c.value(.reforms, default: [])
    }
}

/// A category of representativity (a sector, an age group) or a theme.
public struct Category: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// Target share in [0,1] used as the reference for representativity instead of the
    /// partner population's share (all categories of a list must give one, or none).
    public var referenceShare: Double?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, referenceShare }
    public init(id: String, name: String? = nil, referenceShare: Double? = nil) {
        self.id = id; self.name = name ?? id; self.referenceShare = referenceShare
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.value(.name, default: id)
        referenceShare = try c.decodeIfPresent(Double.self, forKey: .referenceShare)
    }
}

/// A territory (town, MRC, sector of a city) with travel times to the others.
public struct Territory: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// The name in partner names and sentences (« La Matapédia » for « MRC de La Matapédia »):
    /// the `{territoryShortName}` of partner groups; nil: the name. The model never reads it.
    public var shortName: String?
    public var referenceShare: Double?
    /// Round-trip travel hours from this territory to a meeting held in another one
    /// (by territory id). Missing pairs are 0 within a territory and `defaultTravelHours` between.
    public var travelHours: [String: Double]
    /// Round-trip hours to any other territory not listed in `travelHours` (default 0).
    public var defaultTravelHours: Double
    /// The territory containing this one (region ⊃ MRC ⊃ town); nil: a top level.
    public var parent: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, shortName, referenceShare, travelHours, defaultTravelHours, parent }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.value(.name, default: id)
        shortName = try c.decodeIfPresent(String.self, forKey: .shortName)
        referenceShare = try c.decodeIfPresent(Double.self, forKey: .referenceShare)
        travelHours = try c.value(.travelHours, default: [:])
        defaultTravelHours = try c.value(.defaultTravelHours, default: 0)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
    }
}

/// A reform: at `at`, the bodies of `replaces` end and those of `by` start (Mirabel: the sectoral
/// tables give way to ORBITE). Issues waiting at a body that ends move to the body `moveIssues`
/// names for it; the others move to the first body of `by` (`otherIssues: "moveToFirst"`, the
/// default) or are dropped (`"drop"`). An issue whose route later reaches an ended body goes to
/// its successor the same way.
public struct ReformSpec: Codable, Sendable, Equatable {
    public var id: String
    public var at: Double
    public var replaces: [String]
    public var by: [String]
    public var moveIssues: [String: String]
    public var otherIssues: String
    enum CodingKeys: String, CodingKey, CaseIterable { case id, at, replaces, by, moveIssues, otherIssues }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.value(.id, default: "reform")
        guard let at = try c.days(.at) else {
            throw DecodingError.keyNotFound(CodingKeys.at, .init(codingPath: c.codingPath, debugDescription: "missing at"))
        }
        self.at = at
        replaces = try c.value(.replaces, default: [])
        by = try c.value(.by, default: [])
        moveIssues = try c.value(.moveIssues, default: [:])
        otherIssues = try c.value(.otherIssues, default: "moveToFirst")
    }
}

/// Defaults for partners that leave a field out.
public struct PartnerDefaults: Codable, Sendable, Equatable {
    /// Hours per month an organisation can give to all concertation: the structure, the
    /// territory's other tables and its background load (default 20: CALIBRATION 15–25 h).
    public var capacityHoursPerMonth: Double = 20
    /// Hours per month for staff (coordinators; default 140).
    public var staffCapacityHoursPerMonth: Double = 140
    /// Baseline engagement in [0,1] (default 0.8).
    public var engagement: Double = 0.8
    /// Interest in themes the partner does not list (default 0.3).
    public var defaultInterest: Double = 0.3
    enum CodingKeys: String, CodingKey, CaseIterable { case capacityHoursPerMonth, staffCapacityHoursPerMonth, engagement, defaultInterest }
    public init() {}
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PartnerDefaults()
        capacityHoursPerMonth = try c.value(.capacityHoursPerMonth, default: d.capacityHoursPerMonth)
        staffCapacityHoursPerMonth = try c.value(.staffCapacityHoursPerMonth, default: d.staffCapacityHoursPerMonth)
        engagement = try c.value(.engagement, default: d.engagement)
        defaultInterest = try c.value(.defaultInterest, default: d.defaultInterest)
    }
}

/// A partner: an organisation of the territory (or a staff member: coordinator, agent, ADOC).
public struct PartnerSpec: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// The organisation it belongs to, for caps on seats per organisation (default: its id).
    public var organisation: String
    public var sector: String
    public var territory: String
    /// Age groups the organisation serves (shares are split evenly among them).
    public var ageGroups: [String]
    /// A role for quotas (e.g. `organisateur-communautaire`, `agent-local`).
    public var role: String?
    /// Staff (coordination) role: high capacity, organises meetings.
    public var staff: Bool
    public var capacityHoursPerMonth: Double?
    public var engagement: Double?
    /// Interest in [0,1] per theme id.
    public var interests: [String: Double]
    public var defaultInterest: Double?
    /// Sectoral tables this partner also represents (informational).
    public var represents: [String]
    /// Where the partner is written when it is not in `partners`: the group that gave it
    /// (`partnerGroups[2]`), for messages; nil for a named partner.
    public var origin: String? = nil

    /// A partner from its fields (the members of a partner group).
    public init(id: String, name: String, organisation: String, sector: String, territory: String, ageGroups: [String],
                role: String?, staff: Bool, capacityHoursPerMonth: Double?, engagement: Double?, interests: [String: Double],
                defaultInterest: Double?, represents: [String], origin: String?) {
        self.id = id; self.name = name; self.organisation = organisation; self.sector = sector; self.territory = territory
        self.ageGroups = ageGroups; self.role = role; self.staff = staff; self.capacityHoursPerMonth = capacityHoursPerMonth
        self.engagement = engagement; self.interests = interests; self.defaultInterest = defaultInterest
        self.represents = represents; self.origin = origin
    }
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, organisation, sector, territory, ageGroups, role, staff, capacityHoursPerMonth, engagement, interests, defaultInterest, represents
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.value(.name, default: id)
        organisation = try c.value(.organisation, default: id)
        sector = try c.decode(String.self, forKey: .sector)
        territory = try c.decode(String.self, forKey: .territory)
        ageGroups = try c.value(.ageGroups, default: [])
        role = try c.decodeIfPresent(String.self, forKey: .role)
        staff = try c.value(.staff, default: false)
        capacityHoursPerMonth = try c.decodeIfPresent(Double.self, forKey: .capacityHoursPerMonth)
        engagement = try c.decodeIfPresent(Double.self, forKey: .engagement)
        interests = try c.value(.interests, default: [:])
        defaultInterest = try c.decodeIfPresent(Double.self, forKey: .defaultInterest)
        represents = try c.value(.represents, default: [])
    }
}
