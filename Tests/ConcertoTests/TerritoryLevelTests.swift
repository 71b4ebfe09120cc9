import XCTest
@testable import Concerto

/// Territory levels: region ⊃ MRC ⊃ town. A partner is in its territory and in those containing
/// it; routing by `instanceKind` falls back to the nearest enclosing territory.
final class TerritoryLevelTests: XCTestCase {
    func scenario(regionParent: String? = nil) -> [String: Any] {
        var region: [String: Any] = ["id": "region"]
        if let regionParent { region["parent"] = regionParent }
        let partner = { (id: String, t: String) -> [String: Any] in ["id": id, "sector": "s", "territory": t, "engagement": 1, "defaultInterest": 1] }
        return [
            "id": "levels", "years": 1, "sectors": [["id": "s"]],
            "territories": [region, ["id": "mrc-a", "parent": "region"], ["id": "mrc-b", "parent": "region"], ["id": "town-a1", "parent": "mrc-a"]],
            "partners": [partner("regional", "region"), partner("in-a", "mrc-a"), partner("in-a1", "town-a1"), partner("in-b", "mrc-b")],
            "instances": [
                ["id": "table-a", "kind": "local", "territory": "mrc-a", "schedule": ["meetingsPerYear": 6],
                 "membership": ["open": true, "territories": ["mrc-a"]], "powers": ["decide"]],
                ["id": "table-region", "kind": "local", "territory": "region", "schedule": ["meetingsPerYear": 6],
                 "membership": ["open": true], "powers": ["decide"]],
            ],
            "issueKinds": [["id": "local", "ratePerYear": 4, "perTerritory": true, "territories": ["town-a1", "mrc-b"],
                            "route": [["act": "decide", "instanceKind": "local"]]]],
        ]
    }

    func testMembershipByTerritoryTakesTheTerritoriesItContains() throws {
        let s = try TestScenarios.compile(scenario())
        var rep = Replication(structure: s, seed: 1, replication: 0)
        _ = rep.run()
        let a = s.instances.firstIndex { $0.id == "table-a" }!
        XCTAssertEqual(Set(rep.members(of: a).map { s.partners[$0].id }), ["in-a", "in-a1"], "not the regional partner, not MRC B's")
    }

    func testRoutingFallsBackToTheNearestEnclosingTerritory() throws {
        let s = try TestScenarios.compile(scenario())
        guard case .byTerritory(let table) = s.issueKinds[0].steps[0].target else { return XCTFail("a step by territory") }
        let t = { (id: String) in s.territoryIDs.firstIndex(of: id)! }, body = { (id: String) in s.instances.firstIndex { $0.id == id }! }
        XCTAssertEqual(table[t("town-a1")], body("table-a"), "a town's issue goes to its MRC's table")
        XCTAssertEqual(table[t("mrc-b")], body("table-region"), "MRC B has none: the region's")
    }

    func testACycleOfParentsIsAnError() {
        XCTAssertThrowsError(try TestScenarios.compile(scenario(regionParent: "town-a1"))) { e in
            XCTAssertTrue("\(e)".contains("territories[region].parent: the parent chain forms a cycle: region → town-a1 → mrc-a → region"), "\(e)")
        }
    }
}
