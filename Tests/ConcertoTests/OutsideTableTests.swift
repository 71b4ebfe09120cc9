import XCTest
@testable import Concerto

/// The territory's other tables and background load: they load partners like the structure's
/// bodies, take no issue, and are reported apart.
final class OutsideTableTests: XCTestCase {
    let settings = RunSettings(replications: 6, seed: 11, threads: 2)

    func testAnOutsideTableLoadsItsMembersAndTakesNoIssue() throws {
        let ext: [String: Any] = ["id": "ext", "themes": ["y"], "schedule": ["periodDays": 30, "firstMeetingDay": 3],
                                  "membership": ["named": ["p0", "p1"]], "meetingHours": 2, "preparationHours": 1]
        let s = try TestScenarios.compile(TestScenarios.territory(instances: [TestScenarios.body("a", themes: ["x"], firstDay: 1)], outsideTables: [ext]))
        let r = Ensemble.run(s, settings: settings)
        XCTAssertEqual(r.catalog.instanceIDs, ["a"], "an outside table is not one of the structure's instances")
        XCTAssertEqual(r.catalog.outsideTableIDs, ["ext"])
        let meetings = r.summary(.outsideTable, "meetingsPerYear", group: "ext")!.mean
        XCTAssertGreaterThan(meetings, 11)
        // Two members, always present, 2 h meeting + 1 h preparation each, no travel.
        XCTAssertEqual(r.summary(.outsideTable, "hoursPerYear", group: "ext")!.mean, meetings * 2 * 3, accuracy: 1e-9)
        // Four organisations share those hours; the structure's hours are apart.
        let outside = r.summary(.hyperconcertation, "outsideHoursPerPartnerYear")!.mean
        XCTAssertEqual(outside, meetings * 2 * 3 / 4, accuracy: 1e-9)
        let inside = r.summary(.hyperconcertation, "hoursPerPartnerYear")!.mean
        XCTAssertEqual(r.summary(.hyperconcertation, "totalHoursPerPartnerYear")!.mean, inside + outside, accuracy: 1e-9)
        XCTAssertEqual(inside, r.summary(.instance, "hoursPerYear", group: "a")!.mean / 4, accuracy: 1e-9)
        // Every decision is taken by the structure's body.
        XCTAssertEqual(r.summary(.instance, "decisionsPerYear", group: "a")!.mean, r.summary(.latency, "decisionsPerYear")!.mean, accuracy: 1e-9)
        XCTAssertGreaterThan(r.summary(.latency, "decisionsPerYear")!.mean, 0)
        // p0 and p1 sit on two bodies, p2 and p3 on one.
        XCTAssertEqual(r.summary(.hyperconcertation, "bodiesPerPartner")!.mean, 1.5, accuracy: 1e-9)
        XCTAssertEqual(r.summary(.hyperconcertation, "instancesPerPartner")!.mean, 1, accuracy: 1e-9)
    }

    func testBackgroundLoadOpensEveryMonth() throws {
        var obj = TestScenarios.territory(instances: [TestScenarios.body("a", themes: ["x"], firstDay: 1)], years: 2)
        obj["backgroundLoad"] = [["sector": "s0", "hoursPerMonth": 5, "tables": 2]]
        let r = Ensemble.run(try TestScenarios.compile(obj), settings: settings)
        // Two of four organisations carry 5 h a month, 24 months over 2 years.
        XCTAssertEqual(r.summary(.hyperconcertation, "outsideHoursPerPartnerYear")!.mean, 2.0 / 4 * 60, accuracy: 1e-9)
        XCTAssertEqual(r.summary(.hyperconcertation, "tablesPerPartner")!.mean, 1 + 2.0 / 4 * 2, accuracy: 1e-9)
    }

    func testBackgroundLoadBeyondCapacityLowersAttendanceAndCountsAsOverload() throws {
        func run(background: Double) throws -> EnsembleResult {
            var obj = TestScenarios.territory(capacity: 20, instances: [TestScenarios.body("a", themes: ["x"], firstDay: 1, extra: ["membership": ["open": true]])])
            obj["backgroundLoad"] = [["hoursPerMonth": background]]
            obj["engagement"] = ["decisionBoost": 0, "overloadDecay": 0, "burnoutHazardPerMonth": 0]
            return Ensemble.run(try TestScenarios.compile(obj), settings: settings)
        }
        let light = try run(background: 5), heavy = try run(background: 30)
        XCTAssertEqual(light.summary(.hyperconcertation, "hypersollicitedShare")!.mean, 0)
        XCTAssertEqual(heavy.summary(.hyperconcertation, "hypersollicitedShare")!.mean, 1)
        let al = light.summary(.hyperconcertation, "attendanceRate")!.mean, ah = heavy.summary(.hyperconcertation, "attendanceRate")!.mean
        XCTAssertGreaterThan(al, 0.99)
        XCTAssertLessThan(ah, 0.7 * al, "availability falls beyond capacity: \(al) → \(ah)")
        // Overloaded or left is at least each of its parts.
        let both = heavy.summary(.hyperconcertation, "overloadedOrLeftShare")!.mean
        XCTAssertGreaterThanOrEqual(both, heavy.summary(.hyperconcertation, "hypersollicitedShare")!.mean)
        XCTAssertGreaterThanOrEqual(both, heavy.summary(.hyperconcertation, "attritionShare")!.mean)
    }
}
