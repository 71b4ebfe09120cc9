import XCTest
@testable import Concerto

/// One issue kind for every thematic committee: themes drawn from shares, a route step to "the
/// working committee holding the issue's theme".
final class RouteByThemeTests: XCTestCase {
    func scenario(shares: [String: Double] = ["habitation": 0.5, "alimentation": 0.3, "enfance": 0.2], committees: [String] = ["habitation", "alimentation", "enfance"]) -> [String: Any] {
        let partners: [[String: Any]] = (0..<6).map { ["id": "p\($0)", "sector": "s", "territory": "t", "capacityHoursPerMonth": 744, "engagement": 1, "defaultInterest": 1] }
        return [
            "id": "themes", "years": 20, "sectors": [["id": "s"]], "territories": [["id": "t"]],
            "themes": [["id": "habitation"], ["id": "alimentation"], ["id": "enfance"]], "partners": partners,
            "instances": committees.map { ["id": "comite-\($0)", "kind": "working", "themes": [$0], "schedule": ["meetingsPerYear": 8],
                                           "membership": ["mandatory": ["p0", "p1", "p2"]], "powers": ["decide"]] as [String: Any] },
            "issueKinds": [["id": "plan", "themeShares": shares, "ratePerYear": 30, "route": [["act": "decide", "instanceWithTheme": "working"]]]],
            "attendance": ["interestFloor": 1], "deliberation": ["model": "probabilistic", "consensusProbability": 1],
            "engagement": ["decisionBoost": 0, "overloadDecay": 0],
        ]
    }

    func testEachIssueGoesToTheCommitteeOfItsTheme() throws {
        let s = try TestScenarios.compile(scenario())
        var rep = Replication(structure: s, seed: 2, replication: 0, recordMinutes: true)
        _ = rep.run()
        let m = rep.minutes!
        var checked = 0
        for item in m.items {
            let committee = s.instances[m.meetings[item.meeting].instance]
            XCTAssertEqual(committee.themes, [m.issues[item.issue - 1].theme!], "issue \(item.issue) at \(committee.id)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 400)
        // The draw follows the shares: 30 issues a year, 50 / 30 / 20 %.
        let r = Ensemble.run(s, settings: RunSettings(replications: 8, seed: 3, threads: 2))
        for (id, share) in [("habitation", 0.5), ("alimentation", 0.3), ("enfance", 0.2)] {
            XCTAssertEqual(r.summary(.instance, "decisionsPerYear", group: "comite-\(id)")!.mean, 30 * share, accuracy: 0.6, id)
        }
    }

    func testSharesMustSumToOneAndEveryThemeNeedsItsCommittee() {
        XCTAssertThrowsError(try TestScenarios.compile(scenario(shares: ["habitation": 0.5, "alimentation": 0.3]))) { e in
            XCTAssertTrue("\(e)".contains("issueKinds[plan].themeShares: expected shares summing to 1, found 0.8"), "\(e)")
        }
        XCTAssertThrowsError(try TestScenarios.compile(scenario(committees: ["habitation", "alimentation"]))) { e in
            XCTAssertTrue("\(e)".contains("issueKinds[plan].route[0].instanceWithTheme: expected exactly one instance of kind `working` holding the theme `enfance`, found 0"), "\(e)")
        }
    }
}
