import XCTest
@testable import Concerto

/// Support that pays off: meetings need their organisers (over capacity or vacant, the meeting
/// is put off or cut short), and a support team raises attendance.
final class SupportTests: XCTestCase {
    /// Body `a` meets every 10 days, one item a meeting, organised by staff `coord` (3 h each).
    func coordinated(capacity: Double, shortfall: String = "postpone", ratePerYear: Double = 20) throws -> Structure {
        var obj = TestScenarios.territory(instances: [TestScenarios.body("a", themes: ["x"], periodDays: 10, firstDay: 1,
                                                                         extra: ["organisers": ["coord"], "organiserHours": 3, "maxItems": 1])],
                                          ratePerYear: ratePerYear, years: 6)
        var partners = obj["partners"] as! [[String: Any]]
        partners.append(["id": "coord", "sector": "s0", "territory": "t", "staff": true, "capacityHoursPerMonth": capacity])
        obj["partners"] = partners
        obj["engagement"] = ["decisionBoost": 0, "overloadDecay": 0, "staffTurnoverPerYear": 0]
        obj["support"] = ["organiserShortfall": shortfall]
        return try TestScenarios.compile(obj)
    }

    func testRemovingTheCoordinatorsHoursRaisesLatency() throws {
        let settings = RunSettings(replications: 12, seed: 4, threads: 2)
        let full = Ensemble.run(try coordinated(capacity: 140), settings: settings)
        let cut = Ensemble.run(try coordinated(capacity: 4), settings: settings)
        XCTAssertEqual(full.summary(.latency, "organiserShortfallsPerYear")!.mean, 0)
        // At 4 h a month the coordinator organises two 3-h meetings a month, not three.
        XCTAssertGreaterThan(cut.summary(.latency, "meetingsCancelledPerYear")!.mean, 8)
        XCTAssertLessThan(cut.summary(.hyperconcertation, "meetingsPerYear")!.mean, 0.8 * full.summary(.hyperconcertation, "meetingsPerYear")!.mean)
        let d0 = full.summary(.latency, "meanDaysDecided")!.mean, d1 = cut.summary(.latency, "meanDaysDecided")!.mean
        XCTAssertGreaterThan(d1, 1.5 * d0, "latency \(d0) → \(d1) days")
        XCTAssertLessThan(cut.summary(.latency, "decisionsPerYear")!.mean, full.summary(.latency, "decisionsPerYear")!.mean)
        // Without the support rule the coordinator's hours do not matter (the old model).
        let ignored = Ensemble.run(try coordinated(capacity: 4, shortfall: "none"), settings: settings)
        XCTAssertEqual(ignored.summary(.latency, "meanDaysDecided")!.mean, d0, accuracy: 1e-9)
    }

    func testAShortCoordinatorCutsTheAgenda() throws {
        let settings = RunSettings(replications: 12, seed: 4, threads: 2)
        // Meetings every 10 days with a queue that never empties; two items at 0.5 h fit the
        // 1-h agenda, one when it is cut to half. At 1 h a month the coordinator is short at
        // every meeting but the first of the month (its hours are reset monthly).
        func run(_ capacity: Double) throws -> EnsembleResult {
            var obj = TestScenarios.territory(instances: [TestScenarios.body("a", themes: ["x"], periodDays: 10, firstDay: 1,
                                                                             extra: ["organisers": ["coord"], "organiserHours": 3, "agendaHours": 1])],
                                              ratePerYear: 100, years: 4)
            var partners = obj["partners"] as! [[String: Any]]
            partners.append(["id": "coord", "sector": "s0", "territory": "t", "staff": true, "capacityHoursPerMonth": capacity])
            obj["partners"] = partners
            var kinds = obj["issueKinds"] as! [[String: Any]]
            kinds[0]["discussionHours"] = 0.5
            obj["issueKinds"] = kinds
            obj["engagement"] = ["decisionBoost": 0, "overloadDecay": 0, "staffTurnoverPerYear": 0, "burnoutHazardPerMonth": 0]
            obj["support"] = ["organiserShortfall": "shortenAgenda", "shortenedAgendaShare": 0.5]
            return Ensemble.run(try TestScenarios.compile(obj), settings: settings)
        }
        let full = try run(140), cut = try run(1)
        let meetings = 36.5, firsts = 12.0
        XCTAssertEqual(full.summary(.latency, "decisionsPerYear")!.mean, 2 * meetings, accuracy: 1.5)
        XCTAssertEqual(cut.summary(.latency, "organiserShortfallsPerYear")!.mean, meetings - firsts, accuracy: 1)
        XCTAssertEqual(cut.summary(.latency, "decisionsPerYear")!.mean, 2 * firsts + (meetings - firsts), accuracy: 1.5)
    }

    func testASupportTeamRaisesAttendance() throws {
        func run(supported: Bool) throws -> EnsembleResult {
            var obj = TestScenarios.territory(members: 10, instances: [TestScenarios.body("a", themes: ["x"], firstDay: 1, members: 10,
                                                                                      extra: ["organisers": ["agent"], "membership": ["open": true]])])
            var partners = (obj["partners"] as! [[String: Any]]).map { p -> [String: Any] in var p = p; p["engagement"] = 0.5; return p }
            partners.append(["id": "agent", "sector": "s0", "territory": "t", "staff": true])
            obj["partners"] = partners
            var inst = obj["instances"] as! [[String: Any]]
            inst.append(["id": "team", "kind": supported ? "support" : "working", "schedule": ["periodDays": 30, "firstMeetingDay": 5],
                         "membership": ["mandatory": ["agent"]], "powers": ["inform"]])
            obj["instances"] = inst
            obj["engagement"] = ["decisionBoost": 0, "overloadDecay": 0, "staffTurnoverPerYear": 0]
            return Ensemble.run(try TestScenarios.compile(obj), settings: RunSettings(replications: 20, seed: 6, threads: 2))
        }
        let plain = try run(supported: false), supported = try run(supported: true)
        let a0 = plain.summary(.instance, "attendanceRate", group: "a")!.mean, a1 = supported.summary(.instance, "attendanceRate", group: "a")!.mean
        XCTAssertEqual(a0, 0.5, accuracy: 0.03)
        XCTAssertEqual(a1 / a0, 1.15, accuracy: 0.04, "attendance \(a0) → \(a1)")
    }
}
