import XCTest
@testable import Concerto

/// Warnings before surprises: each one triggered, and not triggered.
final class ScenarioWarningsTests: XCTestCase {
    func warnings(_ obj: [String: Any]) throws -> [String] {
        ScenarioWarnings.check(try TestScenarios.compile(obj), file: "w.json")
    }

    func testLowAttendance() throws {
        // Three members at engagement 0.35: 35% expected, under 40%; no quorum.
        let low = try warnings(AttendanceForecastTests.small(engagements: [0.35, 0.35, 0.35], quorum: 0))
        XCTAssertEqual(low.filter { $0.contains("expected attendance 35%") }.count, 1, "\(low)")
        XCTAssertTrue(low[0].hasPrefix("w.json: instances[a]: "), low[0])
        let fine = try warnings(AttendanceForecastTests.small(engagements: [0.45, 0.45, 0.45], quorum: 0))
        XCTAssertEqual(fine, [])
    }

    func testFrequentQuorumFailure() throws {
        // Quorum 2 of 0.9, 0.6, 0.5: fails at 25% of meetings.
        let often = try warnings(AttendanceForecastTests.small())
        XCTAssertEqual(often.count, 1, "\(often)")
        XCTAssertTrue(often[0].contains("quorum (2 of 3 voting seats) is expected to fail at 25% of meetings"), often[0])
        // Quorum 1: P(N < 1) = 0.02.
        XCTAssertEqual(try warnings(AttendanceForecastTests.small(quorum: 1)), [])
    }

    func testBodyThatNoIssueReaches() throws {
        var obj = AttendanceForecastTests.small(quorum: 1)
        var instances = obj["instances"] as! [[String: Any]]
        var idle = instances[0]
        idle["id"] = "idle"
        instances.append(idle)
        obj["instances"] = instances
        let w = try warnings(obj)
        XCTAssertEqual(w.count, 1, "\(w)")
        XCTAssertTrue(w[0].hasPrefix("w.json: instances[idle]: no issue ever reaches this body"), w[0])
        // Reached through a route step: no warning.
        obj["issueKinds"] = [["id": "k", "theme": "x", "ratePerYear": 2, "route": [["act": "decide", "instance": "idle"], ["act": "decide", "instance": "a"]]]]
        XCTAssertEqual(try warnings(obj), [])
        // Reached only by a kind that never arrives: the warning again.
        obj["issueKinds"] = [["id": "k", "theme": "x", "ratePerYear": 2, "route": [["act": "decide", "instance": "a"]]],
                             ["id": "never", "theme": "x", "ratePerYear": 0, "route": [["act": "decide", "instance": "idle"]]]]
        XCTAssertEqual(try warnings(obj).filter { $0.contains("instances[idle]: no issue ever reaches") }.count, 1)
        // Reached as the urgent delegate of a body issues reach: no warning.
        obj["issueKinds"] = [["id": "k", "theme": "x", "ratePerYear": 2, "route": [["act": "decide", "instance": "a"]]]]
        instances[0]["urgentDelegate"] = "idle"
        obj["instances"] = instances
        XCTAssertEqual(try warnings(obj), [])
    }

    func testRouteThatCanNeverComplete() throws {
        // The body ends on day 100; issues of the kind arrive from day 200.
        var obj = AttendanceForecastTests.small(quorum: 1)
        var instances = obj["instances"] as! [[String: Any]]
        instances[0]["end"] = 100
        obj["instances"] = instances
        obj["issueKinds"] = [["id": "late", "theme": "x", "ratePerYear": 2, "start": 200, "route": [["act": "decide", "instance": "a"]]],
                             ["id": "early", "theme": "x", "ratePerYear": 2, "end": 90, "route": [["act": "decide", "instance": "a"]]]]
        let w = try warnings(obj)
        XCTAssertEqual(w, ["w.json: issueKinds[late].route[0]: `a` ends before issues of this kind arrive, and no reform gives it a successor"])
        // A quorum never reached (all three members needed, one never comes: engagement 0).
        let never = try warnings(AttendanceForecastTests.small(engagements: [0.9, 0.9, 0], quorum: 3))
        XCTAssertTrue(never.contains("w.json: issueKinds[k].route[0]: `a` can never reach its quorum, so issues of this kind never get past this step"), "\(never)")
    }

    /// The shipped scenarios: which warn (docs/scenario-format.md records the finding).
    func testShippedScenarios() throws {
        var warned: [String: Int] = [:]
        for name in ["sept-rivieres", "orbite", "lanaudiere", "charlevoix", "laval", "mauricie", "bas-saint-laurent",
                     "mirabel-before-orbite", "mirabel-reform", "orbite-with-cdc-and-clinical-tables"] {
            let s = try TestScenarios.loadShipped(name)
            warned[name] = ScenarioWarnings.check(s, file: name).count
        }
        XCTAssertEqual(warned.values.reduce(0, +), 0, "\(warned)")
    }
}
