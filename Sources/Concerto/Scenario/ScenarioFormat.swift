import Foundation

/// The scenario format as a tree: every key a scenario may hold, at every level, with the type
/// of its value (docs/scenario-format.md says what each one means and its default). `--set`,
/// `--vary` and explore paths are resolved against it, so a value left at its default can be
/// changed without editing the file, and a misspelled key gets the closest valid path.
/// `ScenarioFormatTests` checks that it names exactly the keys that decoding reads.
public enum ScenarioFormat {
    /// A partner's sector, territory, age groups, role, capacity, engagement and interests.
    static let partner: FormatType = .object([
        "id": .text, "name": .text, "organisation": .text, "sector": .text, "territory": .text,
        "ageGroups": .list(.text), "role": .text, "staff": .boolean, "capacityHoursPerMonth": .number,
        "engagement": .number, "interests": .table(.number), "defaultInterest": .number, "represents": .list(.text),
    ])

    static let category: FormatType = .object(["id": .text, "name": .text, "referenceShare": .number])

    /// The keys a partner group (`partnerGroups`) shares with a partner set, patterns included.
    static let partnerGroupKeys: [String: FormatType] = [
        "idPattern": .text, "namePattern": .text, "organisation": .text, "sector": .text, "territory": .text,
        "territories": .list(.text), "count": .wholeNumber, "ageGroups": .list(.text), "role": .text, "staff": .boolean,
        "capacityHoursPerMonth": .number, "engagement": .number, "interests": .table(.number), "defaultInterest": .number,
        "represents": .list(.text),
    ]

    /// An entry of `partnerGroups`: a group, or a set whose `groups` inherit its values.
    static let partnerGroup: FormatType = .object(partnerGroupKeys.merging(["groups": .list(.object(partnerGroupKeys))]) { a, _ in a })

    static let territory: FormatType = .object([
        "id": .text, "name": .text, "referenceShare": .number, "travelHours": .table(.number),
        "defaultTravelHours": .number, "parent": .text, "shortName": .text,
    ])

    static let schedule: FormatType = .object([
        "meetingsPerYear": .number, "periodDays": .number, "jitterDays": .number, "breakMonths": .list(.wholeNumber),
        "coupledTo": .text, "coupledOffsetDays": .number, "firstMeetingDay": .number,
    ])

    static let membership: FormatType = .object([
        "open": .boolean, "minInterest": .number, "sectors": .list(.text), "territories": .list(.text),
        "includeStaff": .boolean,
        "quotas": .list(.object(["count": .wholeNumber, "sector": .text, "territory": .text, "role": .text,
                                 "staff": .boolean, "among": .list(.text)])),
        "named": .list(.text), "mandatory": .list(.text), "observers": .list(.text),
        "mandatoryFrom": .list(.object([
            "instance": .text, "count": .either(.wholeNumber, .object(["min": .wholeNumber, "max": .wholeNumber])),
            "named": .list(.text), "role": .text, "mandatory": .boolean,
        ])),
        "elected": .object(["by": .text, "seats": .wholeNumber, "balance": .list(.text), "termYears": .number]),
        "maxPerOrganisation": .wholeNumber, "seats": .wholeNumber,
        "vacant": .list(.object(["count": .wholeNumber, "sector": .text, "territory": .text, "label": .text])),
        "joinRatePerYear": .number,
    ])

    static let positions: FormatType = .object(["mean": .number, "sd": .number])

    static let instance: FormatType = .object([
        "id": .text, "name": .text, "kind": .text, "themes": .list(.text), "territory": .text, "venue": .text,
        "parents": .list(.text), "membership": membership, "schedule": schedule, "meetingHours": .number,
        "preparationHours": .number, "organiserHours": .number, "organisers": .list(.text), "chairs": .list(.text),
        "chairAbsence": .text, "agendaHours": .number, "maxItems": .wholeNumber, "fixedAgendaHours": .number,
        "agendaPolicy": .text, "quorum": .object(["kind": .text, "value": .number]),
        "powers": .list(.text),
        "decisionRule": .object([
            "mode": .text, "voteAtAttempt": .wholeNumber, "voteThreshold": .number, "onVoteFailure": .text,
            "escalateTo": .text, "surveyShare": .number, "surveyDays": .number, "recuseSameTerritory": .boolean,
            "voteBy": .text,
        ]),
        "urgentDelegate": .text, "urgentMaxWaitDays": .number, "extraMeetings": .boolean,
        "extraMeetingDelayDays": .number, "onDemand": .boolean, "dissolveAfterIdleDays": .number,
        "start": .days, "end": .days, "template": .boolean, "templateThemes": .list(.text), "lifetimeDays": .number,
    ])

    static let outsideTable: FormatType = .object([
        "id": .text, "name": .text, "themes": .list(.text), "territory": .text, "venue": .text,
        "membership": membership, "schedule": schedule, "meetingHours": .number, "preparationHours": .number,
        "organiserHours": .number, "organisers": .list(.text), "agendaHours": .number, "maxItems": .wholeNumber,
        "start": .days, "end": .days,
    ])

    static let backgroundLoad: FormatType = .object([
        "sector": .text, "territory": .text, "role": .text, "staff": .boolean, "partners": .list(.text),
        "hoursPerMonth": .number, "sd": .number, "tables": .number,
    ])

    static let issueKind: FormatType = .object([
        "id": .text, "name": .text, "category": .text, "theme": .text, "themeShares": .table(.number),
        "ratePerYear": .number, "perTerritory": .boolean, "territories": .list(.text), "urgentShare": .number,
        "discussionHours": .number, "informHours": .number,
        "route": .list(.object(["instance": .text, "instanceKind": .text, "instanceWithTheme": .text, "act": .text])),
        "dropAfterDays": .number, "stuckAfterDays": .number, "positions": positions,
        "arrimage": .either(.text, .object(["act": .text, "with": .list(.text)])),
        "start": .days, "end": .days, "creates": .text,
    ])

    /// The whole format, from the top of a scenario file.
    public static let root: FormatType = .object([
        "id": .text, "name": .text, "shortName": .text, "years": .number, "warmupYears": .number,
        "startMonth": .wholeNumber, "sectors": .list(category), "territories": .list(territory),
        "ageGroups": .list(category), "themes": .list(category),
        "partnerDefaults": .object(["capacityHoursPerMonth": .number, "staffCapacityHoursPerMonth": .number,
                                    "engagement": .number, "defaultInterest": .number]),
        "partners": .list(partner), "partnerGroups": .list(partnerGroup), "instances": .list(instance), "outsideTables": .list(outsideTable),
        "backgroundLoad": .list(backgroundLoad), "issueKinds": .list(issueKind),
        "attendance": .object(["interestFloor": .number, "mandateInterest": .number, "availabilityShape": .text,
                               "availabilitySteepness": .number, "absentCostFraction": .number, "surveyHours": .number]),
        "deliberation": .object([
            "model": .text, "consensusProbability": .number, "heterogeneityPenalty": .number, "epsilon": .number,
            "mu": .number, "exchangesPerHour": .number, "consentThreshold": .number, "supportThreshold": .number,
            "positions": positions, "positionsBySector": .table(positions),
        ]),
        "engagement": .object([
            "overloadDecay": .number, "recoveryRate": .number, "decisionBoost": .number, "exitThreshold": .number,
            "burnoutWindowMonths": .wholeNumber, "burnoutToleranceMonths": .wholeNumber,
            "burnoutHazardPerMonth": .number, "staffTurnoverPerYear": .number, "staffVacancyDays": .number,
        ]),
        "support": .object(["organiserShortfall": .text, "postponeDays": .number, "shortenedAgendaShare": .number,
                            "supportAttendanceFactor": .number]),
        "reforms": .list(.object(["id": .text, "at": .days, "replaces": .list(.text), "by": .list(.text),
                                  "moveIssues": .table(.text), "otherIssues": .text])),
    ])

    /// The value a scenario uses at `path`: the one written in the file, else its default (what
    /// decoding gives when the key is left out), nil when the path names nothing, or names a
    /// value with no default that the file leaves out. `*` is accepted when every element gives
    /// the same value.
    ///
    /// - Complexity: decodes the scenario (a fraction of a millisecond per partner); call it
    ///   once per path, not per replication.
    public static func effectiveValue(in tree: JSONValue, atPath path: String) -> JSONValue? {
        if let v = tree.value(atPath: path) { return v }
        guard let scenario = try? JSONDecoder().decode(Scenario.self, from: tree.data()),
              let data = try? JSONEncoder().encode(scenario),
              let encoded = try? JSONValue.parse(data) else { return nil }
        return encoded.value(atPath: path)
    }
}
