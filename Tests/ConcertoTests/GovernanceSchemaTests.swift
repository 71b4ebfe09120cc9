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
            for inst in s.instances.prefix(s.insideCount) {
                XCTAssertTrue(dot.contains("\"\(inst.id)\" ["), "\(name): \(inst.id) missing in DOT")
                XCTAssertTrue(text.contains("[\(inst.id)]"), "\(name): \(inst.id) missing in text")
                XCTAssertTrue(svg.contains(inst.id), "\(name): \(inst.id) missing in SVG")
                for p in inst.parents { XCTAssertTrue(dot.contains("\"\(inst.id)\" -> \"\(s.instances[p].id)\"")) }
            }
            XCTAssertFalse(dot.contains("\n\n  \""), "no raw newline inside a DOT label")
            // The territory's other tables are listed apart, not drawn as the structure's bodies.
            for table in s.instances.dropFirst(s.insideCount) {
                XCTAssertFalse(dot.contains("\"\(table.id)\" ["), "\(name): \(table.id) drawn as a body")
                XCTAssertTrue(text.contains("[\(table.id)]"), "\(name): \(table.id) not listed")
            }
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

    /// Links are axis-aligned polylines that never run through a box (Lanaudière wraps levels
    /// onto several rows, where straight lines used to cross other boxes).
    func testLinksNeverCrossABox() throws {
        for name in names {
            let s = try TestScenarios.loadShipped(name)
            let svg = GovernanceSchema(structure: s).svg(Localization(.fr))
            func numbers(_ text: String) -> [Double] {
                text.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "-") }).compactMap { Double($0) }
            }
            var boxes: [(x: Double, y: Double, w: Double, h: Double)] = []
            var paths: [[(Double, Double)]] = []
            for line in svg.split(separator: "\n") {
                if line.hasPrefix("<rect") && line.contains("rx=\"8\"") {
                    func attr(_ n: String) -> Double { Double(line.components(separatedBy: " \(n)=\"")[1].prefix { $0 != "\"" })! }
                    boxes.append((attr("x"), attr("y"), attr("width"), attr("height")))
                }
                if line.hasPrefix("<path") && line.contains("marker-end") {
                    let d = line.components(separatedBy: "d=\"")[1].prefix { $0 != "\"" }
                    let v = numbers(String(d))
                    paths.append(stride(from: 0, to: v.count - 1, by: 2).map { (v[$0], v[$0 + 1]) })
                }
            }
            XCTAssertEqual(boxes.count, s.insideCount, name)
            XCTAssertEqual(paths.count, s.instances.prefix(s.insideCount).reduce(0) { $0 + $1.parents.count }, name)
            for path in paths {
                for (a, b) in zip(path, path.dropFirst()) {
                    XCTAssertTrue(a.0 == b.0 || a.1 == b.1, "\(name): segment not axis-aligned")
                    for r in boxes {
                        let (x0, x1) = (r.x + 2, r.x + r.w - 2), (y0, y1) = (r.y + 2, r.y + r.h - 2)
                        let crossesX = Swift.max(a.0, b.0) > x0 && Swift.min(a.0, b.0) < x1
                        let crossesY = Swift.max(a.1, b.1) > y0 && Swift.min(a.1, b.1) < y1
                        XCTAssertFalse(crossesX && crossesY, "\(name): link \(a)→\(b) runs through box at \(r)")
                    }
                }
            }
        }
    }
}
