import Foundation
import XCTest
@testable import Concerto

/// Partner groups: expansion order, ids, counts, defaults from sets, mixing with named partners,
/// and errors naming the group's JSON path (docs/scenario-format.md, `partnerGroups`).
final class PartnerGroupSpecTests: XCTestCase {
    /// A scenario with two towns and the given partners and groups.
    func scenario(partners: [[String: Any]] = [], groups: [[String: Any]]) -> [String: Any] {
        var s: [String: Any] = [
            "id": "groups", "years": 1,
            "sectors": [["id": "municipal", "name": "Municipal"], ["id": "communautaire", "name": "Communautaire"]],
            "territories": [["id": "nord", "name": "Ville du Nord", "shortName": "Nord"], ["id": "sud", "name": "Ville du Sud"]],
            "themes": [["id": "logement"], ["id": "alimentation"]],
            "partnerGroups": groups,
            "instances": [["id": "table", "kind": "assembly", "membership": ["open": true], "schedule": ["meetingsPerYear": 4], "powers": ["decide"]]],
            "issueKinds": [["id": "k", "ratePerYear": 2, "route": [["act": "decide", "instance": "table"]]]],
        ]
        if !partners.isEmpty { s["partners"] = partners }
        return s
    }

    /// Loads through the same path as the command line (file, `--set`, decoding, compiling).
    func load(_ object: [String: Any], set: [(String, String)] = []) throws(ScenarioErrors) -> Structure {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("groups-\(UUID().uuidString).json")
        try! JSONSerialization.data(withJSONObject: object).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try ScenarioLoader.load(path: url.path, overrides: set.map { (path: $0.0, value: $0.1) }).structure
    }

    func errors(_ object: [String: Any]) -> [String] {
        do { _ = try load(object); return [] } catch { return error.errors.map { "\($0.path): \($0.message)" } }
    }

    func testGroupGivesCountMembersPerTerritoryAfterTheNamedPartners() throws {
        let s = try load(scenario(
            partners: [["id": "coordination", "sector": "communautaire", "territory": "nord", "staff": true]],
            groups: [["idPattern": "cdc-{territory}-{n}", "namePattern": "CDC {n} ({territoryName})", "sector": "communautaire",
                      "territories": ["sud", "nord"], "count": 2, "capacityHoursPerMonth": 12, "interests": ["logement": 0.9]]]))
        // 1 named + 2 territories × 2 = 5 partners; group members territory by territory in the
        // group's order (sud first), numbered from 1 in each.
        XCTAssertEqual(s.partners.map(\.id), ["coordination", "cdc-sud-1", "cdc-sud-2", "cdc-nord-1", "cdc-nord-2"])
        XCTAssertEqual(s.partners[1].name, "CDC 1 (Ville du Sud)")
        XCTAssertEqual(s.partners[4].name, "CDC 2 (Ville du Nord)")
        XCTAssertEqual(s.partners[1].territory, 1)   // sud is the second territory
        XCTAssertEqual(s.partners[3].territory, 0)
        XCTAssertEqual(s.partners[1].sector, 1)
        XCTAssertEqual(s.partners[2].capacity, 12)
        XCTAssertEqual(s.partners[2].interest[0], 0.9)   // logement
        XCTAssertEqual(s.partners[2].interest[1], 0.3)   // alimentation: partnerDefaults.defaultInterest
        // Each member is its own organisation (the default organisation is the id).
        XCTAssertEqual(Set(s.partners.map(\.organisation)).count, 5)
    }

    func testDefaultPatternsAndPaddedNumbers() throws {
        let s = try load(scenario(groups: [
            ["sector": "municipal", "territory": "nord", "count": 2],
            ["idPattern": "es-{nn}", "namePattern": "Entreprise {n} — {territoryShortName}", "sector": "communautaire", "territory": "nord", "count": 10],
        ]))
        XCTAssertEqual(s.partners.count, 12)
        XCTAssertEqual(s.partners[0].id, "municipal-nord-1")
        XCTAssertEqual(s.partners[1].name, "Municipal (Ville du Nord) 2")
        XCTAssertEqual(s.partners[2].id, "es-01")
        XCTAssertEqual(s.partners[11].id, "es-10")
        XCTAssertEqual(s.partners[11].name, "Entreprise 10 — Nord")
    }

    func testSetWithTerritoriesGoesTerritoryByTerritoryAndGivesDefaults() throws {
        let s = try load(scenario(groups: [[
            "territories": ["nord", "sud"], "sector": "communautaire", "interests": ["alimentation": 1], "organisation": "reseau",
            "groups": [
                ["idPattern": "ville-{territory}", "sector": "municipal", "interests": ["logement": 1]],
                ["idPattern": "comptoir-{territory}", "territories": ["sud"]],
                ["idPattern": "cuisine-{territory}"],
            ],
        ]]))
        // nord: ville, cuisine (the comptoir is only in sud); then sud: ville, comptoir, cuisine.
        XCTAssertEqual(s.partners.map(\.id), ["ville-nord", "cuisine-nord", "ville-sud", "comptoir-sud", "cuisine-sud"])
        XCTAssertEqual(s.partners[0].sector, 0)                        // the group's own sector wins
        XCTAssertEqual(s.partners[1].sector, 1)                        // the set's
        XCTAssertEqual(s.partners[0].interest, [1, 0.3])               // its own interests replace the set's
        XCTAssertEqual(s.partners[1].interest, [0.3, 1])
        XCTAssertEqual(Set(s.partners.map(\.organisation)).count, 1)  // the set's organisation
    }

    func testSetWithoutTerritoriesGoesGroupByGroup() throws {
        let s = try load(scenario(groups: [[
            "sector": "communautaire",
            "groups": [["idPattern": "a-{territory}", "territories": ["nord", "sud"]], ["idPattern": "b", "territory": "nord"]],
        ]]))
        XCTAssertEqual(s.partners.map(\.id), ["a-nord", "a-sud", "b"])
    }

    func testMembersAreReferencedByTheirIds() throws {
        var sc = scenario(groups: [["idPattern": "oc-{territory}", "sector": "municipal", "territories": ["nord", "sud"], "role": "oc"]])
        sc["instances"] = [["id": "table", "kind": "assembly", "membership": ["mandatory": ["oc-sud"]], "schedule": ["meetingsPerYear": 4], "powers": ["decide"]]]
        let s = try load(sc)
        XCTAssertEqual(s.partners[1].id, "oc-sud")
        XCTAssertEqual(s.partners[1].role, "oc")
        // `--set` reaches a group by its index.
        let changed = try load(scenario(groups: [["sector": "municipal", "territory": "nord", "count": 1]]), set: [("partnerGroups.0.count", "3")])
        XCTAssertEqual(changed.partners.count, 3)
    }

    func testBadGroupsNameTheirPath() {
        let base: [String: Any] = ["sector": "municipal", "territory": "nord"]
        func with(_ extra: [String: Any]) -> [[String: Any]] { [base, base.merging(extra) { $1 }] }
        XCTAssertEqual(errors(scenario(groups: with(["count": 0, "idPattern": "x-{n}"]))),
                       ["partnerGroups[1].count: expected a number of partners between 1 and 20000 per territory, found 0"])
        XCTAssertEqual(errors(scenario(groups: with(["count": 2.5]))), ["partnerGroups[1].count: expected a whole number, found 2.5"])
        XCTAssertEqual(errors(scenario(groups: with(["territory": "nrod"]))),
                       ["partnerGroups[1].territory: unknown territory `nrod` (did you mean `nord`?)"])
        XCTAssertEqual(errors(scenario(groups: [base, ["sector": "municipal", "territories": ["nord", "ouest"]]])),
                       ["partnerGroups[1].territories[1]: unknown territory `ouest`"])
        XCTAssertEqual(errors(scenario(groups: with(["sector": "municipale"]))),
                       ["partnerGroups[1].sector: unknown sector `municipale` (did you mean `municipal`?)"])
        XCTAssertEqual(errors(scenario(groups: with(["count": 3, "idPattern": "org"]))),
                       ["partnerGroups[1].idPattern: \"org\" gives the same id to the 3 members of a territory: add {n} (or {nn})"])
        XCTAssertEqual(errors(scenario(groups: with(["idPattern": "x-{ville}"]))),
                       ["partnerGroups[1].idPattern: unknown placeholder `{ville}` in \"x-{ville}\"; expected one of {n}, {nn}, {territory}, {territoryName}, {territoryShortName}, {sector}, {sectorName}"])
        XCTAssertEqual(errors(scenario(groups: [["territory": "nord"]])), ["partnerGroups[0]: missing required key `sector`"])
        XCTAssertEqual(errors(scenario(groups: [["sector": "municipal"]])), ["partnerGroups[0]: missing required key `territory`"])
        XCTAssertEqual(errors(scenario(groups: with(["cout": 2]))), ["partnerGroups[1].cout: unknown key `cout` (did you mean `count`?)"])
        // Two groups giving the same id: the second is named.
        XCTAssertEqual(errors(scenario(groups: [base, base])),
                       ["partnerGroups[1].idPattern: duplicate id `municipal-nord-1`: ids must be unique"])
        // A value checked after expansion is reported once, at the group, not once per member.
        XCTAssertEqual(errors(scenario(groups: with(["count": 5, "idPattern": "x-{n}", "interests": ["logement": 1.5]]))),
                       ["partnerGroups[1].interests.logement: expected an interest between 0 and 1, found 1.5"])
        XCTAssertEqual(errors(scenario(groups: [["territories": ["nord"], "groups": [["sector": "municipal", "territories": ["sud"]]]]])),
                       ["partnerGroups[0].groups[0].territories[0]: `sud` is not one of the set's territories (nord)"])
    }

    func testPartnersMayBeLeftOutOnlyWhenGroupsGiveThem() {
        var s = scenario(groups: [])
        s.removeValue(forKey: "partnerGroups")
        XCTAssertEqual(errors(s), [": missing required key `partners` at the top level of the file"])
    }
}
