import XCTest
@testable import Concerto

/// Redundancy as planners mean it: hours on a theme a partner already covered that month in a
/// body with no reporting link to this one. Attendance is certain and meeting days fixed, so
/// each replication is compared with its counterpart, not only the means.
final class RedundancyTests: XCTestCase {
    func redundant(_ instances: [[String: Any]], outside: [[String: Any]] = []) throws -> [Double] {
        let s = try TestScenarios.compile(TestScenarios.territory(instances: instances, outsideTables: outside))
        let k = s.catalog.index(family: .hyperconcertation, name: "redundantHoursPerPartnerYear")!
        return (0..<5).map { Ensemble.replicate(s, seed: 5, replication: $0).values[k] }
    }

    let a = TestScenarios.body("a", themes: ["x"], firstDay: 1)
    let b = TestScenarios.body("b", themes: ["x"], firstDay: 8)
    let b2 = TestScenarios.body("b2", themes: ["x"], firstDay: 15)

    func testSiblingsOnOneThemeAreRedundantAndACommitteeWithItsParentIsNot() throws {
        // The second body on x each month: its 3 h per member are redundant, about 12 months a
        // year (30-day periods drift against calendar months).
        for v in try redundant([a, b]) { XCTAssertEqual(v, 12 * 3, accuracy: 4) }
        let committee = TestScenarios.body("c", themes: ["x"], firstDay: 8, parents: ["a"])
        XCTAssertEqual(try redundant([a, committee]), [Double](repeating: 0, count: 5), "a committee and its parent coordinate")
        let otherTheme = TestScenarios.body("d", themes: ["y"], firstDay: 8)
        XCTAssertEqual(try redundant([a, otherTheme]), [Double](repeating: 0, count: 5))
        // An outside table on the theme counts too.
        let ext: [String: Any] = ["id": "ext", "themes": ["x"], "schedule": ["periodDays": 30, "firstMeetingDay": 8],
                                  "membership": ["named": ["p0", "p1", "p2", "p3"]], "meetingHours": 2, "preparationHours": 1]
        for v in try redundant([a], outside: [ext]) { XCTAssertEqual(v, 12 * 3, accuracy: 4) }
    }

    func testRemovingADuplicatedBodyNeverRaisesRedundancyAndAddingOneNeverLowersIt() throws {
        let one = try redundant([a]), two = try redundant([a, b]), three = try redundant([a, b, b2])
        for r in 0..<5 {
            XCTAssertLessThanOrEqual(one[r], two[r], "replication \(r)")
            XCTAssertLessThanOrEqual(two[r], three[r], "replication \(r)")
        }
        XCTAssertLessThan(two[0], three[0])
        XCTAssertEqual(one, [Double](repeating: 0, count: 5))
    }

    func testDuplicationJaccardIsKeptForSiblingsOnly() throws {
        func jaccard(_ instances: [[String: Any]]) throws -> Double {
            let s = try TestScenarios.compile(TestScenarios.territory(instances: instances))
            return Ensemble.run(s, settings: RunSettings(replications: 2, seed: 1, threads: 1)).summary(.hyperconcertation, "duplicationJaccard")!.mean
        }
        XCTAssertEqual(try jaccard([a, b]), 1, accuracy: 1e-12, "same members, same theme, no link")
        XCTAssertEqual(try jaccard([a, TestScenarios.body("c", themes: ["x"], firstDay: 8, parents: ["a"])]), 0, "parent and committee are not siblings")
    }
}
