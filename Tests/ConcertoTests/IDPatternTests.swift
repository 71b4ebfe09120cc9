import Foundation
import XCTest
@testable import Concerto

/// Ids are checked against the documented kebab-case pattern (docs/scenario-format.md).
final class IDPatternTests: XCTestCase {
    func testPattern() {
        for id in ["grande-table", "cisss-oc-sept-iles", "0-5", "65+", "t1", "a"] { XCTAssertTrue(IDPattern.matches(id), id) }
        for id in ["GT Logement", "gt_logement", "Grande-Table", "comité", "a--b", "-a", "a-", "", "+", "65++", "a.b", "a+b"] {
            XCTAssertFalse(IDPattern.matches(id), id)
        }
        XCTAssertEqual(IDPattern.suggestion(for: "GT Logement"), "gt-logement")
        XCTAssertEqual(IDPattern.suggestion(for: "Comité  d'Éthique"), "comite-d-ethique")
        XCTAssertEqual(IDPattern.suggestion(for: "65 ans+"), "65-ans+")
        XCTAssertNil(IDPattern.suggestion(for: "!!"))
    }

    func testEveryDeclaredIdIsCheckedWithItsPath() throws {
        var s = TestScenarios.singleServer(periodDays: 30, ratePerYear: 2, members: 2)
        s["id"] = "Single Server"
        s["sectors"] = [["id": "s0"], ["id": "S1"]]
        s["themes"] = [["id": "Logement"]]
        s["ageGroups"] = [["id": "65 +"]]
        var partners = s["partners"] as! [[String: Any]]
        partners[1]["id"] = "p_1"
        s["partners"] = partners
        var inst = (s["instances"] as! [[String: Any]])[0]
        inst["membership"] = ["mandatory": ["p0", "p_1"]]
        s["instances"] = [inst, ["id": "GT Logement", "schedule": ["meetingsPerYear": 2], "membership": ["named": ["p0"]]]]
        s["issueKinds"] = [["id": "k.1", "ratePerYear": 1, "route": [["act": "decide", "instance": "table"]]]]
        do {
            _ = try TestScenarios.compile(s, file: "ids.json")
            XCTFail("ids that are not kebab-case were accepted")
        } catch let e as ScenarioErrors {
            let byPath = Dictionary(e.errors.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(byPath["instances[GT Logement].id"], "the id \"GT Logement\" is not \(IDPattern.description); for example `gt-logement`")
            XCTAssertEqual(byPath["id"], "the id \"Single Server\" is not \(IDPattern.description); for example `single-server`")
            XCTAssertNotNil(byPath["sectors[S1].id"])
            XCTAssertNotNil(byPath["themes[Logement].id"])
            XCTAssertNotNil(byPath["ageGroups[65 +].id"])
            XCTAssertNotNil(byPath["partners[p_1].id"])
            XCTAssertNotNil(byPath["issueKinds[k.1].id"])
            XCTAssertNil(byPath["sectors[s0].id"])
            XCTAssertTrue(e.errors.allSatisfy { $0.file == "ids.json" })
        }
    }

    func testAGroupsIdPatternIsNamedOnce() throws {
        let s: [String: Any] = [
            "id": "g", "sectors": [["id": "s"]], "territories": [["id": "t", "name": "Ville"]],
            "partnerGroups": [["idPattern": "Org {n}", "sector": "s", "territory": "t", "count": 3]],
            "instances": [["id": "table", "membership": ["open": true], "schedule": ["meetingsPerYear": 4], "powers": ["decide"]]],
            "issueKinds": [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "table"]]]],
        ]
        XCTAssertThrowsError(try TestScenarios.compile(s)) { error in
            let errors = (error as! ScenarioErrors).errors
            // Three members, three wrong ids, one message per member at the group's path.
            XCTAssertEqual(errors.map(\.path), Array(repeating: "partnerGroups[0].idPattern", count: 3))
            XCTAssertEqual(errors[0].message, "the id \"Org 1\" is not \(IDPattern.description); for example `org-1`")
        }
    }

    func testShippedScenariosPass() throws {
        let dir = TestScenarios.root.appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 10)
        for f in files {
            XCTAssertNoThrow(try ScenarioLoader.load(path: dir.appendingPathComponent(f).path), f)
        }
    }
}
