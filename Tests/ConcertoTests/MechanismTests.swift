import XCTest
@testable import Concerto

/// Each mechanism of MODEL.md §2–3 does what it says, checked on small scenarios.
/// Small scenario builders shared by the mechanism tests.
struct MechanismFixtures {
    func partners(_ n: Int, staff: Bool = false, sectors: Int = 2, territory: String = "t", prefix: String = "p") -> [[String: Any]] {
        (0..<n).map { ["id": "\(prefix)\($0)", "sector": "s\($0 % sectors)", "territory": territory, "staff": staff,
                       "capacityHoursPerMonth": 744, "engagement": 1, "defaultInterest": 1] }
    }

    func base(_ instances: [[String: Any]], kinds: [[String: Any]], partners: [[String: Any]], years: Double = 4,
              deliberation: [String: Any] = ["model": "probabilistic", "consensusProbability": 1]) -> [String: Any] {
        ["id": "m", "years": years, "sectors": [["id": "s0"], ["id": "s1"], ["id": "s2"]], "territories": [["id": "t"], ["id": "u"]],
         "themes": [["id": "x"]], "partners": partners, "instances": instances, "issueKinds": kinds, "deliberation": deliberation,
         "engagement": ["decisionBoost": 0, "overloadDecay": 0], "attendance": ["interestFloor": 1]]
    }

    func run(_ obj: [String: Any], reps: Int = 10) throws -> EnsembleResult {
        Ensemble.run(try TestScenarios.compile(obj), settings: RunSettings(replications: reps, seed: 8, threads: 2))
    }

}

final class MechanismTests: XCTestCase {
    let m = MechanismFixtures()

    func testUrgentIssuesAreDelegatedBetweenMeetings() throws {
        let ps = m.partners(6)
        let obj = m.base([
            ["id": "table", "schedule": ["meetingsPerYear": 2], "membership": ["open": true], "powers": ["decide"],
             "urgentDelegate": "coco", "urgentMaxWaitDays": 14],
            ["id": "coco", "schedule": ["meetingsPerYear": 12], "membership": ["named": ["p0", "p1", "p2"]], "powers": ["decide"],
             "extraMeetings": true, "extraMeetingDelayDays": 3],
        ], kinds: [["id": "u", "ratePerYear": 6, "urgentShare": 1, "route": [["act": "decide", "instance": "table"]]]], partners: ps)
        let r = try m.run(obj)
        XCTAssertGreaterThan(r.summary(.latency, "delegatedShare")!.mean, 0.8)
        // Extra meetings of the comité make it meet more than its 12 regular meetings.
        XCTAssertGreaterThan(r.summary(.instance, "meetingsPerYear", group: "coco")!.mean, 12.5)
        // Delegation beats waiting half a year for the table.
        XCTAssertLessThan(r.summary(.latency, "meanDaysDecided")!.mean, 15)
    }

    func testSurveysDecideSomeIssues() throws {
        let obj = m.base([["id": "table", "schedule": ["meetingsPerYear": 4], "membership": ["open": true], "powers": ["decide"],
                         "decisionRule": ["surveyShare": 0.5, "surveyDays": 10, "voteThreshold": 0.5]]],
                       kinds: [["id": "k", "ratePerYear": 10, "route": [["act": "decide", "instance": "table"]]]], partners: m.partners(8),
                       deliberation: ["model": "probabilistic", "consensusProbability": 1, "positions": ["mean": 0.9, "sd": 0.05]])
        let share = try m.run(obj).summary(.latency, "surveyShare")!.mean
        XCTAssertEqual(share, 0.5, accuracy: 0.1)
    }

    func testVoteAtThirdAttemptAndDropOnFailure() throws {
        // Nobody ever consents and nobody supports: every issue is voted down at its 3rd meeting and dropped.
        let obj = m.base([["id": "wc", "schedule": ["periodDays": 30, "firstMeetingDay": 1], "membership": ["open": true], "powers": ["decide"],
                         "decisionRule": ["voteAtAttempt": 3, "onVoteFailure": "drop"]]],
                       kinds: [["id": "k", "ratePerYear": 4, "route": [["act": "decide", "instance": "wc"]]]], partners: m.partners(5),
                       deliberation: ["model": "boundedConfidence", "positions": ["mean": 0.1, "sd": 0.01]])
        let r = try m.run(obj)
        XCTAssertEqual(r.summary(.latency, "decisionsPerYear")!.mean, 0)
        XCTAssertGreaterThan(r.summary(.latency, "droppedShare")!.mean, 0.85)
    }

    func testEscalationMovesIssuesToTheParent() throws {
        let obj = m.base([
            ["id": "board", "schedule": ["periodDays": 60], "membership": ["named": ["p0", "p1", "p2"]], "powers": ["decide"],
             "decisionRule": ["mode": "vote", "voteThreshold": 0.01]],
            ["id": "wc", "parents": ["board"], "schedule": ["periodDays": 30], "membership": ["named": ["p3", "p4"]], "powers": ["decide"],
             "decisionRule": ["mode": "vote", "voteThreshold": 1, "onVoteFailure": "escalate"]],
        ], kinds: [["id": "k", "ratePerYear": 6, "route": [["act": "decide", "instance": "wc"]]]], partners: m.partners(5),
           deliberation: ["model": "probabilistic", "consensusProbability": 0, "positions": ["mean": 0.5, "sd": 0.3]])
        let r = try m.run(obj)
        XCTAssertGreaterThan(r.summary(.instance, "decisionsPerYear", group: "board")!.mean, 1, "the board decides escalated issues")
        XCTAssertEqual(r.summary(.latency, "undecidedShare")!.mean, 0, accuracy: 0.1)
    }

    func testCoupledInstanceMeetsTheSameDayAfterItsParent() throws {
        let obj = m.base([
            ["id": "orbite", "schedule": ["meetingsPerYear": 4], "membership": ["open": true], "powers": ["decide"]],
            ["id": "satellite", "schedule": ["coupledTo": "orbite"], "membership": ["named": ["p0", "p1"]], "powers": ["recommend"]],
        ], kinds: [["id": "k", "ratePerYear": 8, "route": [["act": "recommend", "instance": "satellite"], ["act": "decide", "instance": "orbite"]]]],
           partners: m.partners(4))
        let r = try m.run(obj)
        XCTAssertEqual(r.summary(.instance, "meetingsPerYear", group: "satellite")!.mean, 4, accuracy: 0.3)
        // Recommended in the afternoon, decided at the next morning: a full period later on average + half a period.
        XCTAssertEqual(r.summary(.latency, "meanDaysDecided")!.mean, 365.0 / 4 * 1.5, accuracy: 10)
    }

    func testBreakMonthsHaveNoMeetings() throws {
        let s = try TestScenarios.compile(m.base([["id": "t", "schedule": ["periodDays": 7, "breakMonths": [7, 8]], "membership": ["open": true], "powers": ["decide"]]],
                                               kinds: [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "t"]]]], partners: m.partners(2)))
        // Weekly meetings minus two months, plus the one moved to the first day of September: about 52 − 8.7 + 1 a year.
        let r = Ensemble.run(s, settings: RunSettings(replications: 4, seed: 1, threads: 1))
        XCTAssertEqual(r.summary(.instance, "meetingsPerYear", group: "t")!.mean, 52.14 - 61.0 / 7 + 1, accuracy: 1.5)
        let m = CalendarMonths(startMonth: 9)
        XCTAssertEqual(m.calendarMonth(at: 0), 9)
        XCTAssertEqual(m.calendarMonth(at: 30), 10)
        XCTAssertEqual(m.firstOpenDay(from: 300, breaks: [7, 8]), 300) // June (July starts on day 303)
        XCTAssertEqual(m.firstOpenDay(from: 310, breaks: [7, 8]), 365) // July → the next September
    }

    func testAMonthlyBodyWithJulyOffMeetsElevenTimesAYear() throws {
        // Nominal meetings every 365/12 days from day 0.5 (1 September): the one of early July
        // moves to 1 August and replaces August's (less than half a period later), so the body
        // holds 11 meetings a year, none in July, one in August, never two within half a period.
        let period = 365.0 / 12
        let s = try TestScenarios.compile(m.base([["id": "t", "schedule": ["periodDays": period, "firstMeetingDay": 0.5, "breakMonths": [7]],
                                                   "membership": ["open": true], "powers": ["decide"]]],
                                                 kinds: [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "t"]]]], partners: m.partners(2)))
        var rep = Replication(structure: s, seed: 1, replication: 0, recordMinutes: true)
        _ = rep.run()
        let days = rep.minutes!.meetings.map(\.day)
        let months = CalendarMonths(startMonth: 9)
        let years = Int(s.horizonDays / 365)
        for y in 0..<years {
            let inYear = days.filter { $0 >= Double(y) * 365 && $0 < Double(y + 1) * 365 }
            XCTAssertEqual(inYear.count, 11, "year \(y + 1)")
            XCTAssertFalse(inYear.contains { months.calendarMonth(at: $0) == 7 }, "no meeting in July")
            XCTAssertEqual(inYear.filter { months.calendarMonth(at: $0) == 8 }.count, 1, "one in August")
        }
        for (a, b) in zip(days, days.dropFirst()) { XCTAssertGreaterThanOrEqual(b - a, period / 2, "at \(a) and \(b)") }
        // A quarterly body keeps its four meetings when one falls in the break.
        let q = try TestScenarios.compile(m.base([["id": "t", "schedule": ["periodDays": 365.0 / 4, "firstMeetingDay": 35, "breakMonths": [7]],
                                                   "membership": ["open": true], "powers": ["decide"]]],
                                                 kinds: [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "t"]]]], partners: m.partners(2)))
        var rq = Replication(structure: q, seed: 1, replication: 0, recordMinutes: true)
        _ = rq.run()
        XCTAssertEqual(rq.minutes!.meetings.filter { $0.day < 365 }.count, 4)
    }

    func testElectionsBalanceSectors() throws {
        // 9 candidates: 6 of sector s0, 3 of s1 (and s2 none). Three seats balanced by sector take s0, s1, s2? no s2: s0, s1, then s0 or s1.
        var ps = m.partners(9, sectors: 1)
        for k in 6..<9 { ps[k]["sector"] = "s1" }
        let s = try TestScenarios.compile(m.base([
            ["id": "assembly", "schedule": ["meetingsPerYear": 2], "membership": ["open": true], "powers": ["decide"]],
            ["id": "strategic", "schedule": ["meetingsPerYear": 4], "membership": ["elected": ["by": "assembly", "seats": 2, "balance": ["sector"], "termYears": 1]], "powers": ["decide"]],
        ], kinds: [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "strategic"]]]], partners: ps))
        for rep in 0..<10 {
            var r = Replication(structure: s, seed: 3, replication: rep)
            r.buildMemberships()
            let sectors = Set(r.members(of: 1).map { s.partners[$0].sector })
            XCTAssertEqual(sectors.count, 2, "one seat per sector")
        }
    }

    func testHeterogeneityPenaltyLowersConsensus() throws {
        func consensus(_ penalty: Double) throws -> Double {
            let obj = m.base([["id": "t", "schedule": ["periodDays": 30], "membership": ["open": true], "powers": ["decide"],
                             "decisionRule": ["voteAtAttempt": 99]]],
                           kinds: [["id": "k", "ratePerYear": 12, "route": [["act": "decide", "instance": "t"]]]], partners: m.partners(9, sectors: 3),
                           deliberation: ["model": "probabilistic", "consensusProbability": 0.8, "heterogeneityPenalty": penalty])
            return try m.run(obj).summary(.latency, "meetingsPerDecision")!.mean
        }
        // Blau of three equal sectors is 2/3: p = 0.8 × (1 − 0.9 × 2/3) = 0.32, so about 1/0.32 meetings per decision instead of 1/0.8.
        let none = try consensus(0), strong = try consensus(0.9)
        XCTAssertEqual(none, 1 / 0.8, accuracy: 0.1)
        XCTAssertEqual(strong, 1 / 0.32, accuracy: 0.35)
    }

    func testOverloadLowersAttendanceAndCausesAttrition() throws {
        var ps = m.partners(10)
        for k in ps.indices { ps[k]["capacityHoursPerMonth"] = 2; ps[k]["engagement"] = 0.9 }
        var obj = m.base([["id": "t", "schedule": ["periodDays": 7], "membership": ["open": true], "powers": ["decide"]]],
                       kinds: [["id": "k", "ratePerYear": 4, "route": [["act": "decide", "instance": "t"]]]], partners: ps)
        obj["engagement"] = ["overloadDecay": 0.1, "exitThreshold": 0.3]
        let r = try m.run(obj)
        XCTAssertLessThan(r.summary(.hyperconcertation, "attendanceRate")!.mean, 0.6)
        XCTAssertGreaterThan(r.summary(.hyperconcertation, "attritionShare")!.mean, 0.5)
        XCTAssertGreaterThan(r.summary(.hyperconcertation, "hoursBeyondCapacityShare")!.mean, 0.2)
    }
}

/// Observers, recusal and on-demand instances (needed by Lanaudière and ORBITE).
final class MembershipMechanismTests: XCTestCase {
    let m = MechanismFixtures()

    func testObserversCarryLoadButDoNotVote() throws {
        var ps = m.partners(6)
        for k in 0..<3 { ps[k]["sector"] = "s2" }
        // p0–p2 (sector s2) observe; representativity at decisions then never shows s2.
        let obj = m.base([["id": "t", "schedule": ["periodDays": 30], "powers": ["decide"],
                           "membership": ["observers": ["p0", "p1", "p2"], "named": ["p3", "p4", "p5"]]]],
                         kinds: [["id": "k", "ratePerYear": 6, "route": [["act": "decide", "instance": "t"]]]], partners: ps)
        let s = try TestScenarios.compile(obj)
        let r = Ensemble.replicate(s, seed: 1, replication: 0)
        XCTAssertGreaterThan(r.diagnostics.decided, 0)
        var rep = Replication(structure: s, seed: 1, replication: 0, recordMinutes: true)
        _ = rep.run()
        XCTAssertEqual(rep.sectorShareSums[2], 0, "observers are never counted at decisions")
        let minutes = rep.minutes!
        XCTAssertTrue(minutes.items.allSatisfy { Set($0.room).isDisjoint(with: [0, 1, 2]) }, "observers are never in a decision room")
        XCTAssertTrue(minutes.meetings.contains { !$0.observers.isEmpty }, "observers attend")
        let perPartner = rep.partnerHours
        XCTAssertGreaterThan(perPartner[0], 0, "observers carry load")
        XCTAssertEqual(perPartner[0], MinutesRecount.hoursByPartner(minutes, structure: s)[0], accuracy: 1e-9, "as much as the minutes say")
    }

    func testObserversAreNotSurveyed() throws {
        var ps = m.partners(6)
        for k in 0..<3 { ps[k]["sector"] = "s2" }
        let obj = m.base([["id": "t", "schedule": ["periodDays": 30], "powers": ["decide"],
                           "membership": ["observers": ["p0", "p1", "p2"], "named": ["p3", "p4", "p5"]],
                           "decisionRule": ["surveyShare": 1, "surveyDays": 5]]],
                         kinds: [["id": "k", "ratePerYear": 12, "route": [["act": "decide", "instance": "t"]]]], partners: ps)
        let s = try TestScenarios.compile(obj)
        var rep = Replication(structure: s, seed: 4, replication: 0, recordMinutes: true)
        let r = rep.run()
        let surveys = rep.minutes!.surveys
        XCTAssertGreaterThan(surveys.count, 5)
        XCTAssertTrue(surveys.allSatisfy { Set($0.respondents).isDisjoint(with: [0, 1, 2]) }, "observers do not vote, so they are not surveyed")
        XCTAssertGreaterThan(r.diagnostics.decisionsByMode[DecisionMode.survey.rawValue], 0)
        XCTAssertEqual(rep.sectorShareSums[2], 0, "nor counted in the room that decides")
    }

    func testRecusalKeepsMembersOutOfTheirOwnTerritoryProjects() throws {
        var ps = m.partners(4)
        ps[0]["territory"] = "u"
        let obj = m.base([["id": "analyse", "kind": "analysis", "schedule": ["periodDays": 30], "powers": ["recommend", "decide"],
                           "membership": ["named": ["p0", "p1", "p2", "p3"]], "decisionRule": ["recuseSameTerritory": true]]],
                         kinds: [["id": "projet", "ratePerYear": 12, "perTerritory": true, "territories": ["u"],
                                  "route": [["act": "decide", "instance": "analyse"]]]], partners: ps)
        var rep = Replication(structure: try TestScenarios.compile(obj), seed: 2, replication: 0)
        let r = rep.run()
        XCTAssertGreaterThan(r.diagnostics.decided, 10)
        // Every decided project of territory u was decided without the member from u.
        XCTAssertEqual(rep.territoryShareSums[1], 0, "the member from territory u never sits on u's projects")
    }

    func testOnDemandInstancesAreCreatedAndDissolved() throws {
        let obj = m.base([
            ["id": "orbite", "schedule": ["meetingsPerYear": 4], "membership": ["open": true], "powers": ["decide"]],
            ["id": "sous-satellite", "kind": "subSatellite", "schedule": ["periodDays": 14], "membership": ["named": ["p0", "p1"]],
             "powers": ["decide"], "onDemand": true, "dissolveAfterIdleDays": 60],
        ], kinds: [["id": "tache", "ratePerYear": 1.5, "route": [["act": "decide", "instance": "sous-satellite"]]]], partners: m.partners(4), years: 10)
        let r = try m.run(obj)
        let created = r.summary(.instance, "creationsPerYear", group: "sous-satellite")!.mean
        let meetings = r.summary(.instance, "meetingsPerYear", group: "sous-satellite")!.mean
        XCTAssertGreaterThan(created, 0.5, "created for new work")
        XCTAssertLessThan(meetings, 365.0 / 14 * 0.6, "it does not meet while dissolved")
        XCTAssertGreaterThan(meetings, 1)
        XCTAssertEqual(r.summary(.instance, "creationsPerYear", group: "orbite")!.mean, 0)
    }
}
