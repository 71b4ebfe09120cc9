import XCTest
@testable import Concerto

/// Structures that change: bodies with a start and an end, reforms that replace bodies, issue
/// kinds that arrive only for a while, and bodies born from decisions.
final class PhaseTests: XCTestCase {
    func base(instances: [[String: Any]], kinds: [[String: Any]], years: Double = 4, themes: [String] = ["x", "y"]) -> [String: Any] {
        let partners: [[String: Any]] = (0..<4).map { ["id": "p\($0)", "sector": "s", "territory": "t", "capacityHoursPerMonth": 744, "engagement": 1, "defaultInterest": 1] }
        return ["id": "phases", "years": years, "sectors": [["id": "s"]], "territories": [["id": "t"]], "themes": themes.map { ["id": $0] },
                "partners": partners, "instances": instances, "issueKinds": kinds,
                "attendance": ["interestFloor": 1], "deliberation": ["model": "probabilistic", "consensusProbability": 0.5],
                "engagement": ["decisionBoost": 0, "overloadDecay": 0]]
    }
    func body(_ id: String, _ extra: [String: Any] = [:]) -> [String: Any] {
        var b: [String: Any] = ["id": id, "schedule": ["periodDays": 30], "membership": ["named": ["p0", "p1", "p2", "p3"]], "powers": ["decide"]]
        for (k, v) in extra { b[k] = v }
        return b
    }
    func run(_ s: Structure, replication: Int = 0) -> Minutes {
        var r = Replication(structure: s, seed: 3, replication: replication, recordMinutes: true)
        _ = r.run()
        return r.minutes!
    }

    func testABodyMeetsOnlyBetweenItsStartAndEnd() throws {
        let s = try TestScenarios.compile(base(instances: [body("a"), body("b", ["start": "1y", "end": 1095])],
                                               kinds: [["id": "k", "ratePerYear": 6, "route": [["act": "decide", "instance": "a"]]]]))
        let b = s.instances.firstIndex { $0.id == "b" }!
        let days = run(s).meetings.filter { $0.instance == b }.map(\.day)
        XCTAssertFalse(days.isEmpty)
        XCTAssertTrue(days.allSatisfy { $0 >= 365 && $0 < 1095 }, "\(days.min()!) … \(days.max()!)")
        XCTAssertEqual(Double(days.count), 730 / 30, accuracy: 1.5)
    }

    func testAReformMovesTheWaitingIssuesAndTheRoutes() throws {
        let obj = base(instances: [body("old"), body("new", ["schedule": ["periodDays": 30, "firstMeetingDay": 10]])],
                       kinds: [["id": "k", "ratePerYear": 12, "route": [["act": "decide", "instance": "old"]]]])
        var moved = obj
        moved["reforms"] = [["at": "2y", "replaces": ["old"], "by": ["new"]]]
        let s = try TestScenarios.compile(moved)
        let m = run(s)
        let old = s.instances.firstIndex { $0.id == "old" }!, new = s.instances.firstIndex { $0.id == "new" }!
        XCTAssertTrue(m.meetings.filter { $0.instance == old }.allSatisfy { $0.day < 730 })
        XCTAssertTrue(m.meetings.filter { $0.instance == new }.allSatisfy { $0.day >= 730 })
        // Every item after the reform is at the new body, and nothing is dropped.
        for item in m.items where m.meetings[item.meeting].day >= 730 { XCTAssertEqual(m.meetings[item.meeting].instance, new) }
        XCTAssertTrue(m.issues.allSatisfy { $0.dropped == nil })
        XCTAssertTrue(m.issues.contains { $0.emergence < 730 && ($0.decided?.day ?? 0) > 730 }, "an issue waiting at the reform is decided by the new body")
        // Dropping the issues that wait at the reform instead.
        var dropping = obj
        dropping["reforms"] = [["at": "2y", "replaces": ["old"], "by": ["new"], "otherIssues": "drop"]]
        let d = run(try TestScenarios.compile(dropping))
        let dropped = d.issues.filter { $0.dropped?.reason == .bodyEnded }
        XCTAssertFalse(dropped.isEmpty)
        XCTAssertTrue(dropped.allSatisfy { $0.dropped!.day >= 730 - 1e-9 }, "dropped when the old body ends, or after")
        // The per-year breakdown shows the transition: decisions every year.
        let r = Ensemble.run(s, settings: RunSettings(replications: 4, seed: 1, threads: 1))
        for y in ["1", "2", "3", "4"] { XCTAssertGreaterThan(r.summary(.year, "decisions", group: y)!.mean, 5, "year \(y)") }
    }

    func testIssueKindsArriveOnlyInTheirWindow() throws {
        let s = try TestScenarios.compile(base(instances: [body("a")],
                                               kinds: [["id": "early", "ratePerYear": 12, "end": "1y", "route": [["act": "decide", "instance": "a"]]],
                                                       ["id": "late", "ratePerYear": 12, "start": "3y", "route": [["act": "decide", "instance": "a"]]]]))
        let m = run(s)
        XCTAssertTrue(m.issues.filter { $0.kind == 0 }.allSatisfy { $0.emergence < 365 })
        XCTAssertTrue(m.issues.filter { $0.kind == 1 }.allSatisfy { $0.emergence >= 3 * 365 })
        XCTAssertGreaterThan(m.issues.filter { $0.kind == 1 }.count, 4)
    }

    func testAPriorityAdoptedCreatesTheCommitteeOfItsTheme() throws {
        // « un comité de travail pour chaque enjeu priorisé »: priorities on themes x and y are
        // decided at the table; each creates the working committee of its theme, which then
        // takes that theme's actions. The committee lives a year.
        let s = try TestScenarios.compile(base(
            instances: [body("table"), body("comite", ["kind": "working", "template": true, "lifetimeDays": 365, "schedule": ["periodDays": 30, "firstMeetingDay": 5]])],
            kinds: [["id": "priorite", "themeShares": ["x": 0.5, "y": 0.5], "ratePerYear": 2, "creates": "comite", "route": [["act": "decide", "instance": "table"]]]]))
        XCTAssertEqual(s.instances.map(\.id), ["table", "comite-x", "comite-y"])
        let m = run(s)
        for theme in ["x", "y"] {
            let c = s.instances.firstIndex { $0.id == "comite-\(theme)" }!
            let t = s.themeIDs.firstIndex(of: theme)!
            let decided = m.issues.compactMap { $0.theme == t ? $0.decided?.day : nil }.sorted()
            let meetings = m.meetings.filter { $0.instance == c }.map(\.day)
            guard let first = decided.first else { XCTAssertTrue(meetings.isEmpty); continue }
            XCTAssertTrue(meetings.allSatisfy { $0 >= first }, "comite-\(theme) meets only once created")
            XCTAssertFalse(meetings.isEmpty)
            // It lives a year after each creation (not dissolved when idle), then stops until a
            // new priority creates it.
            for d in meetings { XCTAssertTrue(decided.contains { $0 <= d && d < $0 + 365 + 31 }, "comite-\(theme) meets at \(d) outside its lifetime") }
            XCTAssertGreaterThan(meetings.filter { $0 < first + 365 }.count, 9, "comite-\(theme) meets all year")
        }
        let r = Ensemble.run(s, settings: RunSettings(replications: 6, seed: 1, threads: 1))
        XCTAssertGreaterThan(r.summary(.instance, "creationsPerYear", group: "comite-x")!.mean, 0)
    }

    func testPhaseErrorsNameThePath() {
        XCTAssertThrowsError(try TestScenarios.compile(base(instances: [body("a", ["start": 400, "end": 300])],
                                                            kinds: [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "a"]]]]))) { e in
            XCTAssertTrue("\(e)".contains("instances[a].end: expected an end after the start (day 400), found day 300"), "\(e)")
        }
        var obj = base(instances: [body("a")], kinds: [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "a"]]]])
        obj["reforms"] = [["at": "1y", "replaces": ["a"], "by": ["orbit"]]]
        XCTAssertThrowsError(try TestScenarios.compile(obj)) { e in
            XCTAssertTrue("\(e)".contains("reforms[0].by[0]: unknown instance or outside table `orbit`"), "\(e)")
        }
    }
}
