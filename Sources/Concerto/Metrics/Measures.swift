/// Every measure Concerto reports, declared once: family, name, unit, label, and how its value
/// comes from a replication's final snapshot. To add a measure, add a line here (and, if it
/// needs a new count, a recorder in `Tally` and a field in `ReplicationSnapshot`); tables, CSV,
/// JSON, Markdown, comparisons and sweeps pick it up (docs/extending.md).
public enum Measures {
    public static let structureMeasures: [MeasureDefinition] = hyperconcertation + latency + representativity

    static let hyperconcertation: [MeasureDefinition] = [
        .init(.hyperconcertation, "hoursPerPartnerYear", .hoursPerPartnerYear, "Meeting hours solicited per partner per year (organisations, not staff)", needs: [.partners]) { mean($0.organisationHours) },
        .init(.hyperconcertation, "hoursPerPartnerYearP90", .hoursPerPartnerYear, "90th percentile of partners' solicited hours per year", needs: [.partners]) { quantile($0.organisationHoursSorted, 0.9) },
        .init(.hyperconcertation, "hoursPerPartnerYearMax", .hoursPerPartnerYear, "Most solicited partner's hours per year", needs: [.partners]) { $0.organisationHoursSorted.last ?? .nan },
        .init(.hyperconcertation, "outsideHoursPerPartnerYear", .hoursPerPartnerYear, "Hours per partner per year at the territory's other tables and in background load", needs: [.partners]) { mean($0.organisationOutsideHours) },
        .init(.hyperconcertation, "totalHoursPerPartnerYear", .hoursPerPartnerYear, "All concertation hours per partner per year (the structure and outside it)", needs: [.partners]) { mean($0.organisationAllHours) },
        .init(.hyperconcertation, "loadRatioMean", .ratio, "Mean load ratio (all concertation hours / capacity)", needs: [.partners]) { mean($0.organisationLoadRatios) },
        .init(.hyperconcertation, "hypersollicitedShare", .share, "Share of partners solicited beyond their capacity (all concertation, load ratio > 1)", needs: [.partners]) { s in
            s.organisationLoadRatios.isEmpty ? .nan : Double(s.organisationLoadRatios.filter { $0 > 1 }.count) / Double(s.organisationLoadRatios.count)
        },
        .init(.hyperconcertation, "hoursBeyondCapacityShare", .share, "Share of all concertation hours spent beyond monthly capacity", needs: [.partners]) { s in
            s.organisationAllHoursSum > 0 ? s.organisationExcessHours / s.organisationAllHoursSum : 0
        },
        .init(.hyperconcertation, "instancesPerPartner", .instances, "Distinct instances per partner", needs: [.partners, .seats]) { mean($0.organisationInstances) },
        .init(.hyperconcertation, "instancesPerPartnerMax", .instances, "Most instances held by one partner", needs: [.partners, .seats]) { $0.organisationInstances.max() ?? .nan },
        .init(.hyperconcertation, "redundantHoursPerPartnerYear", .hoursPerPartnerYear, "Hours per partner per year on a theme it already covered that month in a body without a reporting link", needs: [.partners]) { mean($0.organisationRedundantHours) },
        .init(.hyperconcertation, "redundantHoursShare", .share, "Share of all concertation hours that are redundant", needs: [.partners]) { s in
            s.organisationAllHoursSum > 0 ? s.organisationRedundantHoursSum / s.organisationAllHoursSum : 0
        },
        .init(.hyperconcertation, "duplicationJaccard", .index, "Mean Jaccard overlap of members between sibling instances sharing a theme (no reporting link; descriptive)", needs: [.seats]) { s in
            s.themeOverlaps.isEmpty ? 0 : mean(s.themeOverlaps)
        },
        .init(.hyperconcertation, "duplicatedHoursShare", .share, "Share of partner-hours spent in instances sharing a theme with another", needs: [.partners]) { s in
            s.organisationTotalHours > 0 ? s.tally.duplicatedHours / s.organisationTotalHours : 0
        },
        .init(.hyperconcertation, "attendanceRate", .share, "Members present / members solicited, over all meetings") { ratio(Double($0.presentTotal), Double($0.solicitedTotal)) },
        .init(.hyperconcertation, "attritionShare", .share, "Share of partners who left open instances by the horizon", needs: [.partners, .seats]) { s in
            s.organisationLoadRatios.isEmpty ? .nan : Double(s.organisationsLeft) / Double(s.organisationLoadRatios.count)
        },
        .init(.hyperconcertation, "overloadedOrLeftShare", .share, "Share of partners beyond capacity or who left through overload", needs: [.partners, .seats]) { s in
            s.organisationLoadRatios.isEmpty ? .nan
                : Double(zip(s.organisationLoadRatios, s.organisationLeft).filter { $0.0 > 1 || $0.1 }.count) / Double(s.organisationLoadRatios.count)
        },
        .init(.hyperconcertation, "bodiesPerPartner", .instances, "Bodies per partner, the territory's other tables included", needs: [.partners, .seats]) { mean($0.organisationBodies) },
        .init(.hyperconcertation, "tablesPerPartner", .instances, "Tables per partner: bodies, the territory's other tables and those its background load stands for (CALIBRATION: 3–8)", needs: [.partners, .seats]) { mean($0.organisationTables) },
        .init(.hyperconcertation, "staffLoadRatio", .ratio, "Staff (coordinators) concertation hours / capacity", needs: [.partners]) { mean($0.staffLoadRatios) },
        .init(.hyperconcertation, "staffVacancyShare", .share, "Share of staff time with the post vacant (turnover)") { s in
            s.staffCount > 0 ? s.tally.staffVacantDays / (Double(s.staffCount) * s.years * 365) : .nan
        },
        .init(.hyperconcertation, "staffHoursPerYear", .hoursPerStaffYear, "Hours per staff member per year", needs: [.partners]) { mean($0.staffHours) },
        .init(.hyperconcertation, "meetingsPerYear", .meetingsPerYear, "Meetings held per year, all instances") { Double($0.meetingsTotal) / $0.years },
    ]

    static let latency: [MeasureDefinition] = [
        .init(.latency, "meanDaysDecided", .days, "Mean days from emergence to final decision (decided issues)", needs: [.latencyCounts]) { $0.latency.eventMean },
        .init(.latency, "medianDaysKM", .days, "Kaplan–Meier median days to decision if nothing were dropped (dropped and open issues censored)", needs: [.latencyCounts, .latencyTimes]) { finite($0.latencyEstimates.kaplanMeierMedian) },
        .init(.latency, "medianDaysCIF", .days, "Days until half of the issues are decided, a drop counting as never decided (cumulative incidence)", needs: [.latencyCounts, .latencyTimes]) { finite($0.latencyEstimates.incidenceMedian) },
        .init(.latency, "decidedWithin90Days", .share, "Share of issues decided within 90 days (cumulative incidence; drops compete, open issues censored)", needs: [.latencyCounts, .latencyTimes]) { $0.latencyEstimates.first?.decided ?? .nan },
        .init(.latency, "decidedWithin365Days", .share, "Share of issues decided within 365 days (cumulative incidence)", needs: [.latencyCounts, .latencyTimes]) { $0.latencyEstimates.second?.decided ?? .nan },
        .init(.latency, "droppedWithin365Days", .share, "Share of issues dropped within 365 days (cumulative incidence)", needs: [.latencyCounts, .latencyTimes]) { $0.latencyEstimates.second?.dropped ?? .nan },
        .init(.latency, "p90Days", .days, "90th percentile of days to decision (decided issues)", needs: [.latencyCounts, .latencyTimes]) { $0.latency.decidedQuantile(0.9) },
        .init(.latency, "undecidedShare", .share, "Share of issues still open at the horizon (in progress and stuck)") { s in
            s.emergedTotal > 0 ? Double(s.openTotal) / Double(s.emergedTotal) : .nan
        },
        .init(.latency, "inProgressShare", .share, "Share of issues open at the horizon and younger than their kind's stuckAfterDays") { s in
            s.emergedTotal > 0 ? Double(s.openTotal - s.stuckTotal) / Double(s.emergedTotal) : .nan
        },
        .init(.latency, "stuckShare", .share, "Share of issues open at the horizon after their kind's stuckAfterDays or longer") { s in
            s.emergedTotal > 0 ? Double(s.stuckTotal) / Double(s.emergedTotal) : .nan
        },
        .init(.latency, "decisionsPerYear", .decisionsPerYear, "Final decisions per year") { Double($0.decidedTotal) / $0.years },
        .init(.latency, "meetingsPerDecision", .meetings, "Meetings at which a decided issue was on the agenda") { ratio(Double($0.tally.meetingsOnDecided), Double($0.decidedTotal)) },
        .init(.latency, "consensusShare", .share, "Share of decisions reached by consensus") { $0.modeShare(.consensus) },
        .init(.latency, "voteShare", .share, "Share of decisions reached by vote") { $0.modeShare(.vote) },
        .init(.latency, "delegatedShare", .share, "Share of decisions taken by a delegate for an urgent issue") { $0.modeShare(.delegated) },
        .init(.latency, "surveyShare", .share, "Share of decisions taken by survey of the members") { $0.modeShare(.survey) },
        .init(.latency, "droppedShare", .share, "Share of issues dropped") { s in
            s.emergedTotal > 0 ? Double(s.droppedTotal) / Double(s.emergedTotal) : .nan
        },
        .init(.latency, "quorumFailuresPerYear", .meetingsPerYear, "Meetings without quorum per year") { Double(sum($0.tally.instanceQuorumFailures)) / $0.years },
        .init(.latency, "agendaOverflowsPerYear", .meetingsPerYear, "Meetings whose agenda could not take every waiting issue, per year") { Double(sum($0.tally.instanceOverflows)) / $0.years },
        .init(.latency, "organiserShortfallsPerYear", .meetingsPerYear, "Regular meetings postponed or cut short because their organisers were over capacity or their post vacant, per year") { Double(sum($0.tally.instanceShortfalls)) / $0.years },
        .init(.latency, "meetingsCancelledPerYear", .meetingsPerYear, "Regular meetings cancelled because their organisers stayed short until the body's next meeting, per year") { Double(sum($0.tally.instanceCancelled)) / $0.years },
        .init(.latency, "issuesPerYear", .issuesPerYear, "Issues needing a decision that emerged per year") { Double($0.emergedTotal) / $0.years },
        .init(.latency, "backlogMean", .issues, "Time-average number of issues waiting for a decision") { $0.tally.backlogArea / ($0.years * 365) },
    ]

    static let representativity: [MeasureDefinition] = [
        .init(.representativity, "sectorGallagher", .points, "Gallagher index, sectors present at decisions vs reference", needs: [.rooms]) { s in
            s.hasRooms ? Representativity.gallagher(shares: s.sectorShares, reference: s.sectorReference) : .nan
        },
        .init(.representativity, "sectorLoosemoreHanby", .points, "Loosemore–Hanby index, sectors present at decisions vs reference", needs: [.rooms]) { s in
            s.hasRooms ? Representativity.loosemoreHanby(shares: s.sectorShares, reference: s.sectorReference) : .nan
        },
        .init(.representativity, "territoryGallagher", .points, "Gallagher index, territories present at decisions", needs: [.rooms]) { s in
            s.hasRooms ? Representativity.gallagher(shares: s.territoryShares, reference: s.territoryReference) : .nan
        },
        .init(.representativity, "territoryLoosemoreHanby", .points, "Loosemore–Hanby index, territories present at decisions", needs: [.rooms]) { s in
            s.hasRooms ? Representativity.loosemoreHanby(shares: s.territoryShares, reference: s.territoryReference) : .nan
        },
        .init(.representativity, "ageGallagher", .points, "Gallagher index, age groups served by those present at decisions", needs: [.rooms]) { s in
            s.hasAgeRooms ? Representativity.gallagher(shares: s.ageShares, reference: s.ageReference) : .nan
        },
        .init(.representativity, "ageLoosemoreHanby", .points, "Loosemore–Hanby index, age groups present at decisions", needs: [.rooms]) { s in
            s.hasAgeRooms ? Representativity.loosemoreHanby(shares: s.ageShares, reference: s.ageReference) : .nan
        },
        .init(.representativity, "sectorCoverage", .share, "Share of sectors present at one decision at least", needs: [.rooms]) { s in
            s.hasRooms ? coverage(s.tally.sectorSeen, s.sectorReference) : .nan
        },
        .init(.representativity, "territoryCoverage", .share, "Share of territories present at one decision at least", needs: [.rooms]) { s in
            s.hasRooms ? coverage(s.tally.territorySeen, s.territoryReference) : .nan
        },
        .init(.representativity, "ageCoverage", .share, "Share of age groups present at one decision at least", needs: [.rooms]) { s in
            s.hasAgeRooms ? coverage(s.tally.ageSeen, s.ageReference) : .nan
        },
        .init(.representativity, "sectorCoverageMean", .share, "Mean share of sectors present at a decision", needs: [.rooms]) { s in
            s.hasRooms ? s.tally.sectorCoverageSum / Double(s.tally.decisionRooms) : .nan
        },
        .init(.representativity, "sectorBlau", .index, "Blau heterogeneity of sectors present at decisions", needs: [.rooms]) { s in
            s.hasRooms ? Representativity.blau(s.tally.sectorCountSum.array) : .nan
        },
        .init(.representativity, "vacantSeatShare", .share, "Share of the structure's seats reserved for a category and held by nobody", needs: [.seats]) { s in
            let vacant = s.vacantSeats.prefix(s.insideCount).reduce(0, +)
            return vacant + s.heldSeats > 0 ? Double(vacant) / Double(vacant + s.heldSeats) : .nan
        },
        .init(.representativity, "seatSectorGallagher", .points, "Gallagher index, sectors of seats (all instances, reserved vacant seats included) vs reference", needs: [.seats]) { s in
            Representativity.gallagher(shares: Representativity.shares(s.seatSectors), reference: s.sectorReference)
        },
        .init(.representativity, "seatTerritoryGallagher", .points, "Gallagher index, territories of seats", needs: [.seats]) { s in
            Representativity.gallagher(shares: Representativity.shares(s.seatTerritories), reference: s.territoryReference)
        },
        .init(.representativity, "seatAgeGallagher", .points, "Gallagher index, age groups of seats", needs: [.seats]) { s in
            sum(s.seatAges) > 0 ? Representativity.gallagher(shares: Representativity.shares(s.seatAges), reference: s.ageReference) : .nan
        },
    ]

    /// Per instance `i`.
    public static let instanceMeasures: [MeasureDefinition] = [
        .init(.instance, "meetingsPerYear", .meetingsPerYear, "Meetings held per year") { s, i in Double(s.tally.instanceMeetings[i]) / s.years },
        .init(.instance, "attendanceRate", .share, "Members present / solicited") { s, i in
            ratio(Double(s.tally.instancePresent[i]), Double(s.tally.instanceSolicited[i]))
        },
        .init(.instance, "membersMean", .members, "Active members solicited per meeting") { s, i in
            ratio(Double(s.tally.instanceSolicited[i]), Double(s.tally.instanceMeetings[i]))
        },
        .init(.instance, "presentMean", .members, "Members present per meeting") { s, i in
            ratio(Double(s.tally.instancePresent[i]), Double(s.tally.instanceMeetings[i]))
        },
        .init(.instance, "hoursPerYear", .hoursPerYear, "Partner-hours solicited per year (meeting, preparation, travel, organisation)") { s, i in s.tally.instanceHours[i] / s.years },
        .init(.instance, "quorumFailuresPerYear", .meetingsPerYear, "Meetings without quorum per year") { s, i in Double(s.tally.instanceQuorumFailures[i]) / s.years },
        .init(.instance, "decisionsPerYear", .decisionsPerYear, "Steps decided, recommended or ratified per year") { s, i in Double(s.tally.instanceDecisions[i]) / s.years },
        .init(.instance, "agendaOverflowsPerYear", .meetingsPerYear, "Meetings with agenda overflow per year") { s, i in Double(s.tally.instanceOverflows[i]) / s.years },
        .init(.instance, "organiserShortfallsPerYear", .meetingsPerYear, "Regular meetings postponed or cut short (organisers short) per year") { s, i in Double(s.tally.instanceShortfalls[i]) / s.years },
        .init(.instance, "meetingsCancelledPerYear", .meetingsPerYear, "Regular meetings cancelled (organisers short until the next one) per year") { s, i in Double(s.tally.instanceCancelled[i]) / s.years },
        .init(.instance, "joinsPerYear", .members, "Partners who joined during the run, per year") { s, i in Double(s.tally.instanceJoins[i]) / s.years },
        .init(.instance, "vacantSeats", .members, "Seats reserved for a category and held by nobody") { s, i in Double(s.vacantSeats[i]) },
        .init(.instance, "creationsPerYear", .creationsPerYear, "Times an on-demand instance was created for new work, per year") { s, i in Double(s.tally.instanceCreations[i]) / s.years },
    ]

    /// Per table `i` outside the structure.
    public static let outsideTableMeasures: [MeasureDefinition] = [
        .init(.outsideTable, "meetingsPerYear", .meetingsPerYear, "Meetings held per year") { s, i in Double(s.tally.instanceMeetings[i]) / s.years },
        .init(.outsideTable, "attendanceRate", .share, "Members present / solicited") { s, i in
            ratio(Double(s.tally.instancePresent[i]), Double(s.tally.instanceSolicited[i]))
        },
        .init(.outsideTable, "membersMean", .members, "Active members solicited per meeting") { s, i in
            ratio(Double(s.tally.instanceSolicited[i]), Double(s.tally.instanceMeetings[i]))
        },
        .init(.outsideTable, "hoursPerYear", .hoursPerYear, "Partner-hours solicited per year") { s, i in s.tally.instanceHours[i] / s.years },
    ]

    /// Per issue kind `k` needing a decision.
    public static let kindMeasures: [MeasureDefinition] = [
        .init(.issueKind, "issuesPerYear", .issuesPerYear, "Issues that emerged per year") { s, k in Double(s.tally.emerged[k]) / s.years },
        .init(.issueKind, "decisionsPerYear", .decisionsPerYear, "Final decisions per year") { s, k in Double(s.tally.decidedCount[k]) / s.years },
        .init(.issueKind, "meanDaysDecided", .days, "Mean days to final decision", needs: [.latencyCounts]) { s, k in s.latency(ofKind: k).eventMean },
        .init(.issueKind, "medianDaysKM", .days, "Kaplan–Meier median days to decision if nothing were dropped", needs: [.latencyCounts, .latencyTimes]) { s, k in finite(s.latencyEstimates(ofKind: k).kaplanMeierMedian) },
        .init(.issueKind, "medianDaysCIF", .days, "Days until half are decided, drops counting as never decided", needs: [.latencyCounts, .latencyTimes]) { s, k in finite(s.latencyEstimates(ofKind: k).incidenceMedian) },
        .init(.issueKind, "decidedWithin90Days", .share, "Share decided within 90 days (cumulative incidence)", needs: [.latencyCounts, .latencyTimes]) { s, k in s.latencyEstimates(ofKind: k).first?.decided ?? .nan },
        .init(.issueKind, "decidedWithin365Days", .share, "Share decided within 365 days (cumulative incidence)", needs: [.latencyCounts, .latencyTimes]) { s, k in s.latencyEstimates(ofKind: k).second?.decided ?? .nan },
        .init(.issueKind, "droppedWithin365Days", .share, "Share dropped within 365 days (cumulative incidence)", needs: [.latencyCounts, .latencyTimes]) { s, k in s.latencyEstimates(ofKind: k).second?.dropped ?? .nan },
        .init(.issueKind, "p90Days", .days, "90th percentile of days to decision", needs: [.latencyCounts, .latencyTimes]) { s, k in s.latency(ofKind: k).decidedQuantile(0.9) },
        .init(.issueKind, "undecidedShare", .share, "Share still open at the horizon (in progress and stuck)") { s, k in
            s.tally.emerged[k] > 0 ? Double(s.tally.openCount[k]) / Double(s.tally.emerged[k]) : .nan
        },
        .init(.issueKind, "inProgressShare", .share, "Share open at the horizon and younger than stuckAfterDays") { s, k in
            s.tally.emerged[k] > 0 ? Double(s.tally.openCount[k] - s.tally.stuckCount[k]) / Double(s.tally.emerged[k]) : .nan
        },
        .init(.issueKind, "stuckShare", .share, "Share open at the horizon after stuckAfterDays or longer") { s, k in
            s.tally.emerged[k] > 0 ? Double(s.tally.stuckCount[k]) / Double(s.tally.emerged[k]) : .nan
        },
        .init(.issueKind, "droppedShare", .share, "Share dropped") { s, k in
            s.tally.emerged[k] > 0 ? Double(s.tally.droppedCount[k]) / Double(s.tally.emerged[k]) : .nan
        },
    ]

    /// Every definition: the three families, then the breakdowns.
    /// Per year `y` of the run (warm-up included): the build-up.
    public static let yearMeasures: [MeasureDefinition] = [
        .init(.year, "totalHoursPerPartner", .hoursPerPartnerYear, "All concertation hours per partner that year (organisations, not staff)") { s, y in
            let t = s.tally, np = t.partnerRules.count
            var sum = 0.0, n = 0
            for p in 0..<np where !t.partnerRules[p].staff { sum += t.yearHours[y * np + p]; n += 1 }
            return n > 0 ? sum / Double(n) : .nan
        },
        .init(.year, "hypersollicitedShare", .share, "Share of partners whose hours that year exceeded 12 × capacity") { s, y in
            let t = s.tally, np = t.partnerRules.count
            var over = 0, n = 0
            for p in 0..<np where !t.partnerRules[p].staff {
                n += 1
                if t.yearHours[y * np + p] > 12 * t.partnerRules[p].capacity { over += 1 }
            }
            return n > 0 ? Double(over) / Double(n) : .nan
        },
        .init(.year, "leftShare", .share, "Share of partners who had left the open instances by the end of the year") { s, y in
            s.organisationCount > 0 ? Double(s.tally.yearLeft[y]) / Double(s.organisationCount) : .nan
        },
        .init(.year, "decisions", .decisionsPerYear, "Final decisions taken that year") { s, y in Double(s.tally.yearDecisions[y]) },
        .init(.year, "meanDaysDecided", .days, "Mean days from emergence of the decisions taken that year") { s, y in
            s.tally.yearDecisions[y] > 0 ? s.tally.yearDecisionDays[y] / Double(s.tally.yearDecisions[y]) : .nan
        },
        .init(.year, "staffVacancyShare", .share, "Share of staff time with the post vacant that year") { s, y in
            s.staffCount > 0 ? s.tally.yearVacantDays[y] / (Double(s.staffCount) * 365) : .nan
        },
    ]

    public static var all: [MeasureDefinition] { structureMeasures + instanceMeasures + outsideTableMeasures + kindMeasures + yearMeasures }

    // MARK: Helpers shared by the definitions

    static func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
    static func mean(_ a: [Double]) -> Double { a.isEmpty ? .nan : a.reduce(0, +) / Double(a.count) }
    static func sum(_ b: Buffer<Int>) -> Int { var s = 0; for k in 0..<b.count { s += b[k] }; return s }
    static func sum(_ a: [Double]) -> Double { a.reduce(0, +) }
    /// Linear interpolation between order statistics of sorted values (type 7).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double { SampleQuantile.type7(sorted, q) }
    /// The days at which the cumulative incidences are reported (`decidedWithin90Days`,
    /// `decidedWithin365Days`, `droppedWithin365Days`).
    static let incidenceDays = (first: 90.0, second: 365.0)
    /// A median as a measure: NaN when nothing was recorded or the estimate never reaches one
    /// half (+inf), so summaries count how many replications define it.
    static func finite(_ x: Double) -> Double { x.isFinite ? x : .nan }
    /// Share of categories with a positive reference that were present at one decision at least.
    static func coverage(_ seen: Buffer<Bool>, _ reference: [Double]) -> Double {
        var n = 0, c = 0
        for k in 0..<seen.count where reference[k] > 0 { n += 1; if seen[k] { c += 1 } }
        return n > 0 ? Double(c) / Double(n) : .nan
    }
}
