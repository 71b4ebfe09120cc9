/// A measure Concerto reports: its family, name and unit.
public struct MeasureInfo: Sendable, Equatable {
    /// hyperconcertation | latency | representativity | instance | issueKind
    public let family: String
    /// For per-instance and per-issue-kind measures: the instance or kind id; else "".
    public let group: String
    public let name: String
    public let unit: String
    public let label: String
}

/// The ordered list of measures for a structure: the three families, then per-instance and
/// per-issue-kind breakdowns. Replication results are flat arrays in this order, so they can be
/// accumulated without allocation and merged in replication order.
public struct MeasureCatalog: Sendable {
    public let measures: [MeasureInfo]
    public let instanceIDs: [String]
    public let kindIDs: [String]

    public static let hyperconcertation: [(String, String, String)] = [
        ("hoursPerPartnerYear", "h/partner/year", "Meeting hours solicited per partner per year (organisations, not staff)"),
        ("hoursPerPartnerYearP90", "h/partner/year", "90th percentile of partners' solicited hours per year"),
        ("hoursPerPartnerYearMax", "h/partner/year", "Most solicited partner's hours per year"),
        ("loadRatioMean", "ratio", "Mean load ratio (solicited hours / capacity)"),
        ("hypersollicitedShare", "share", "Share of partners solicited beyond their capacity (load ratio > 1)"),
        ("hoursBeyondCapacityShare", "share", "Share of partner-hours spent beyond monthly capacity"),
        ("instancesPerPartner", "instances", "Distinct instances per partner"),
        ("instancesPerPartnerMax", "instances", "Most instances held by one partner"),
        ("duplicationJaccard", "index 0–1", "Mean Jaccard overlap of members between instances sharing a theme"),
        ("duplicatedHoursShare", "share", "Share of partner-hours spent in instances sharing a theme with another"),
        ("attendanceRate", "share", "Members present / members solicited, over all meetings"),
        ("attritionShare", "share", "Share of partners who left open instances by the horizon"),
        ("staffLoadRatio", "ratio", "Staff (coordinators) solicited hours / capacity"),
        ("staffHoursPerYear", "h/staff/year", "Hours per staff member per year"),
        ("meetingsPerYear", "meetings/year", "Meetings held per year, all instances"),
    ]
    public static let latency: [(String, String, String)] = [
        ("meanDaysDecided", "days", "Mean days from emergence to final decision (decided issues)"),
        ("medianDaysKM", "days", "Kaplan–Meier median days to decision (open and dropped issues censored)"),
        ("p90Days", "days", "90th percentile of days to decision (decided issues)"),
        ("undecidedShare", "share", "Share of issues still open at the horizon"),
        ("decisionsPerYear", "decisions/year", "Final decisions per year"),
        ("meetingsPerDecision", "meetings", "Meetings at which a decided issue was on the agenda"),
        ("consensusShare", "share", "Share of decisions reached by consensus"),
        ("voteShare", "share", "Share of decisions reached by vote"),
        ("delegatedShare", "share", "Share of decisions taken by a delegate for an urgent issue"),
        ("surveyShare", "share", "Share of decisions taken by survey of the members"),
        ("droppedShare", "share", "Share of issues dropped"),
        ("quorumFailuresPerYear", "meetings/year", "Meetings without quorum per year"),
        ("agendaOverflowsPerYear", "meetings/year", "Meetings whose agenda could not take every waiting issue, per year"),
        ("issuesPerYear", "issues/year", "Issues needing a decision that emerged per year"),
        ("backlogMean", "issues", "Time-average number of issues waiting for a decision"),
    ]
    public static let representativity: [(String, String, String)] = [
        ("sectorGallagher", "points", "Gallagher index, sectors present at decisions vs reference"),
        ("sectorLoosemoreHanby", "points", "Loosemore–Hanby index, sectors present at decisions vs reference"),
        ("territoryGallagher", "points", "Gallagher index, territories present at decisions"),
        ("territoryLoosemoreHanby", "points", "Loosemore–Hanby index, territories present at decisions"),
        ("ageGallagher", "points", "Gallagher index, age groups served by those present at decisions"),
        ("ageLoosemoreHanby", "points", "Loosemore–Hanby index, age groups present at decisions"),
        ("sectorCoverage", "share", "Share of sectors present at one decision at least"),
        ("territoryCoverage", "share", "Share of territories present at one decision at least"),
        ("ageCoverage", "share", "Share of age groups present at one decision at least"),
        ("sectorCoverageMean", "share", "Mean share of sectors present at a decision"),
        ("sectorBlau", "index 0–1", "Blau heterogeneity of sectors present at decisions"),
        ("seatSectorGallagher", "points", "Gallagher index, sectors of seats (all instances) vs reference"),
        ("seatTerritoryGallagher", "points", "Gallagher index, territories of seats"),
        ("seatAgeGallagher", "points", "Gallagher index, age groups of seats"),
    ]
    public static let perInstance: [(String, String, String)] = [
        ("meetingsPerYear", "meetings/year", "Meetings held per year"),
        ("attendanceRate", "share", "Members present / solicited"),
        ("membersMean", "members", "Active members solicited per meeting"),
        ("presentMean", "members", "Members present per meeting"),
        ("hoursPerYear", "h/year", "Partner-hours solicited per year (meeting, preparation, travel, organisation)"),
        ("quorumFailuresPerYear", "meetings/year", "Meetings without quorum per year"),
        ("decisionsPerYear", "decisions/year", "Steps decided, recommended or ratified per year"),
        ("agendaOverflowsPerYear", "meetings/year", "Meetings with agenda overflow per year"),
        ("creationsPerYear", "creations/year", "Times an on-demand instance was created for new work, per year"),
    ]
    public static let perKind: [(String, String, String)] = [
        ("issuesPerYear", "issues/year", "Issues that emerged per year"),
        ("decisionsPerYear", "decisions/year", "Final decisions per year"),
        ("meanDaysDecided", "days", "Mean days to final decision"),
        ("medianDaysKM", "days", "Kaplan–Meier median days to decision"),
        ("p90Days", "days", "90th percentile of days to decision"),
        ("undecidedShare", "share", "Share still open at the horizon"),
        ("droppedShare", "share", "Share dropped"),
    ]

    public init(structure: Structure) {
        var m: [MeasureInfo] = []
        for (n, u, l) in Self.hyperconcertation { m.append(MeasureInfo(family: "hyperconcertation", group: "", name: n, unit: u, label: l)) }
        for (n, u, l) in Self.latency { m.append(MeasureInfo(family: "latency", group: "", name: n, unit: u, label: l)) }
        for (n, u, l) in Self.representativity { m.append(MeasureInfo(family: "representativity", group: "", name: n, unit: u, label: l)) }
        for inst in structure.instances {
            for (n, u, l) in Self.perInstance { m.append(MeasureInfo(family: "instance", group: inst.id, name: n, unit: u, label: l)) }
        }
        let decisionKinds = structure.issueKinds.filter(\.isDecision)
        for k in decisionKinds {
            for (n, u, l) in Self.perKind { m.append(MeasureInfo(family: "issueKind", group: k.id, name: n, unit: u, label: l)) }
        }
        measures = m
        instanceIDs = structure.instances.map(\.id)
        kindIDs = decisionKinds.map(\.id)
    }

    public var count: Int { measures.count }

    /// Index of a measure, or nil.
    public func index(family: String, group: String = "", name: String) -> Int? {
        measures.firstIndex { $0.family == family && $0.group == group && $0.name == name }
    }
}
