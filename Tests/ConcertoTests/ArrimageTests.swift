import XCTest
@testable import Concerto

/// Arrimage: an issue whose theme another body of the territory also holds goes there to be
/// informed or consulted before it is decided, so duplicated spaces cost time.
final class ArrimageTests: XCTestCase {
    let ext: [String: Any] = ["id": "ext", "themes": ["x"], "schedule": ["periodDays": 30, "firstMeetingDay": 20],
                              "membership": ["named": ["p0", "p1"]], "meetingHours": 2, "preparationHours": 1]

    func scenario(arrimage: Any?) throws -> Structure {
        var obj = TestScenarios.territory(instances: [TestScenarios.body("a", themes: ["x"], firstDay: 1)], outsideTables: [ext], years: 6)
        if let arrimage {
            var kinds = obj["issueKinds"] as! [[String: Any]]
            kinds[0]["arrimage"] = arrimage
            obj["issueKinds"] = kinds
        }
        return try TestScenarios.compile(obj)
    }

    func testConsultingTheOtherTableSlowsDecisions() throws {
        let settings = RunSettings(replications: 20, seed: 8, threads: 2)
        let none = Ensemble.run(try scenario(arrimage: nil), settings: settings)
        let consult = Ensemble.run(try scenario(arrimage: "consult"), settings: settings)
        let d0 = none.summary(.latency, "meanDaysDecided")!.mean, d1 = consult.summary(.latency, "meanDaysDecided")!.mean
        // Without arrimage the wait is for the next meeting of a (about 15 days); with it, for
        // the next meeting of ext, then the next of a after it (19 days later): about 15 + 11.
        XCTAssertEqual(d0, 15, accuracy: 2)
        XCTAssertGreaterThan(d1, d0 + 8, "arrimage \(d0) → \(d1) days")
        XCTAssertGreaterThan(consult.summary(.outsideTable, "hoursPerYear", group: "ext")!.mean, 0)
    }

    func testTheConsultationComesBeforeTheDecisionInTheMinutes() throws {
        let s = try scenario(arrimage: "consult")
        var rep = Replication(structure: s, seed: 3, replication: 0, recordMinutes: true)
        _ = rep.run()
        let m = rep.minutes!
        let ext = s.instances.firstIndex { $0.id == "ext" }!, a = s.instances.firstIndex { $0.id == "a" }!
        var checked = 0
        for issue in m.issues where issue.decided != nil {
            let items = m.items.filter { $0.issue == issue.id }
            guard let decision = items.firstIndex(where: { m.meetings[$0.meeting].instance == a && $0.outcome == .consensus }) else { continue }
            XCTAssertTrue(items[..<decision].contains { m.meetings[$0.meeting].instance == ext && $0.outcome == .consulted }, "issue \(issue.id) decided without consulting ext")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
        // An inform step is heard, not discussed.
        var inform = Replication(structure: try scenario(arrimage: "inform"), seed: 3, replication: 0, recordMinutes: true)
        _ = inform.run()
        let im = inform.minutes!
        XCTAssertTrue(im.items.contains { im.meetings[$0.meeting].instance == ext && $0.outcome == .informed })
        XCTAssertFalse(im.items.contains { im.meetings[$0.meeting].instance == ext && $0.outcome == .consulted })
    }
}
