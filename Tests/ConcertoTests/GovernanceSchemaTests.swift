import XCTest
@testable import Concerto

final class GovernanceSchemaTests: XCTestCase {
    let names = ["sept-rivieres", "lanaudiere", "orbite", "mirabel-before-orbite", "charlevoix"]

    func testDOTTextAndSVGContainEveryInstance() throws {
        for name in names {
            let s = try TestScenarios.loadShipped(name)
            let schema = GovernanceSchema(structure: s)
            let dot = schema.dot(Localization(.fr)), text = schema.text(Localization(.en))
            let svg = schema.svg(Localization(.fr), standalone: true)
            XCTAssertTrue(dot.hasPrefix("digraph \"\(name)\" {"))
            XCTAssertNil(ReportCheck.parse(svg).error, name)
            for inst in s.instances {
                XCTAssertTrue(dot.contains("\"\(inst.id)\" ["), "\(name): \(inst.id) missing in DOT")
                XCTAssertTrue(text.contains("[\(inst.id)]"), "\(name): \(inst.id) missing in text")
                XCTAssertTrue(svg.contains(inst.id), "\(name): \(inst.id) missing in SVG")
                for p in inst.parents { XCTAssertTrue(dot.contains("\"\(inst.id)\" -> \"\(s.instances[p].id)\"")) }
            }
            XCTAssertFalse(dot.contains("\n\n  \""), "no raw newline inside a DOT label")
        }
    }

    func testParentsSitAboveChildrenAndRolesComeFromRoutes() throws {
        let s = try TestScenarios.loadShipped("orbite")
        let schema = GovernanceSchema(structure: s)
        let level = Dictionary(uniqueKeysWithValues: schema.boxes.map { ($0.id, $0.level) })
        for b in schema.boxes { for p in b.parents { XCTAssertLessThan(level[p]!, b.level) } }
        let orbite = schema.boxes.first { $0.id == "orbite" }!
        XCTAssertEqual(orbite.level, 0)
        XCTAssertFalse(orbite.ratifies.isEmpty, "ORBITE ratifies the satellites' envelopes")
        let satellite = schema.boxes.first { $0.id == "satellite-humains" }!
        XCTAssertFalse(satellite.recommends.isEmpty)
        XCTAssertTrue(schema.text(Localization(.fr)).contains("Entérine : "))
        XCTAssertTrue(schema.text(Localization(.en)).contains("Ratifies: "))
    }
}
