import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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

    /// Every shipped scenario, in both languages: the diagram cannot draw a reporting line that
    /// does not exist. Parsed as XML: links (one `path.link` per relation, with data-from and
    /// data-to) and boxes (`rect.box` with data-id).
    func testDiagramDrawsExactlyTheReportingLinesOfEveryShippedScenario() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestScenarios.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 10)
        for name in files {
            let schema = GovernanceSchema(structure: try TestScenarios.loadShipped(name))
            for language in ReportLanguage.allCases {
                let problems = Self.diagramProblems(schema, Localization(language))
                XCTAssertEqual(problems, [], "\(name) (\(language))")
            }
        }
    }

    /// The geometric check, apart so that it can be shown to fail on a diagram that lies.
    func testDiagramCheckCatchesLinksThatRunIntoEachOther() {
        let box = #"<rect class="box" data-id="B" x="400" y="0" width="100" height="50"/>"#
        let a = #"<path class="link" data-from="a" data-to="p" d="M0 100 L0 80 L200 80 L200 50"/>"#
        let b = #"<path class="link" data-from="b" data-to="q" d="M100 100 L100 80 L300 80 L300 50"/>"#
        let c = #"<path class="link" data-from="c" data-to="r" d="M350 25 L600 25"/>"#
        let svg = "<svg>" + box + a + b + c + "<text>ratifyingBoard</text></svg>"
        let d = Self.Diagram.parse(svg)
        XCTAssertEqual(d.links.count, 3)
        let overlaps = Self.overlaps(d)
        XCTAssertEqual(overlaps.count, 1, "\(overlaps)")
        XCTAssertEqual(Self.boxCrossings(d).count, 1)
        XCTAssertEqual(d.texts, ["ratifyingBoard"])
    }

    // MARK: Geometry of the SVG

    struct Diagram {
        struct Link { let from: String; let to: String; let points: [(Double, Double)] }
        var links: [Link] = []
        var boxes: [String: (x: Double, y: Double, w: Double, h: Double)] = [:]
        var texts: [String] = []
        var error: String?

        final class Collector: NSObject, XMLParserDelegate {
            var d = Diagram()
            var text: String?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
                let classes = (a["class"] ?? "").split(separator: " ")
                if (name == "path" || name == "polyline") && classes.contains("link") {
                    let raw = a["d"] ?? a["points"] ?? ""
                    let v = raw.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "-") }).compactMap { Double($0) }
                    d.links.append(Link(from: a["data-from"] ?? "", to: a["data-to"] ?? "",
                                        points: stride(from: 0, to: v.count - 1, by: 2).map { (v[$0], v[$0 + 1]) }))
                }
                if name == "rect" && classes.contains("box") {
                    func n(_ k: String) -> Double { Double(a[k] ?? "") ?? .nan }
                    d.boxes[a["data-id"] ?? "?"] = (n("x"), n("y"), n("width"), n("height"))
                }
                if name == "text" { text = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "text", let t = text { d.texts.append(t); text = nil }
            }
        }

        static func parse(_ svg: String) -> Diagram {
            let p = XMLParser(data: Data(svg.utf8))
            let c = Collector()
            p.delegate = c
            if !p.parse() { c.d.error = "\(p.parserError.map { "\($0)" } ?? "unknown")" }
            return c.d
        }
    }

    typealias Segment = (a: (Double, Double), b: (Double, Double))
    static func segments(_ l: Diagram.Link) -> [Segment] { zip(l.points, l.points.dropFirst()).map { ($0, $1) } }

    /// Length over which two segments are collinear and overlap (0 if they are not).
    static func overlap(_ s: Segment, _ t: Segment) -> Double {
        let dx = s.b.0 - s.a.0, dy = s.b.1 - s.a.1
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 1e-9 else { return 0 }
        func cross(_ p: (Double, Double)) -> Double { (dx * (p.1 - s.a.1) - dy * (p.0 - s.a.0)) / len }
        guard abs(cross(t.a)) < 0.5, abs(cross(t.b)) < 0.5 else { return 0 }
        func along(_ p: (Double, Double)) -> Double { (dx * (p.0 - s.a.0) + dy * (p.1 - s.a.1)) / len }
        let (t0, t1) = (Swift.min(along(t.a), along(t.b)), Swift.max(along(t.a), along(t.b)))
        return Swift.max(0, Swift.min(len, t1) - Swift.max(0, t0))
    }

    /// Pairs of links that share a stretch of line without sharing their source or their target.
    static func overlaps(_ d: Diagram) -> [String] {
        var out: [String] = []
        for i in d.links.indices {
            for j in d.links.indices where j > i {
                let (p, q) = (d.links[i], d.links[j])
                if p.from == q.from || p.to == q.to { continue }
                for s in segments(p) {
                    for t in segments(q) where overlap(s, t) > 0.5 {
                        out.append("\(p.from)→\(p.to) and \(q.from)→\(q.to) share \(s)")
                    }
                }
            }
        }
        return out
    }

    /// Link segments that pass through the inside of a box other than their own two ends'.
    static func boxCrossings(_ d: Diagram) -> [String] {
        var out: [String] = []
        for l in d.links {
            for s in segments(l) {
                for (id, r) in d.boxes where id != l.from && id != l.to {
                    // Clip the segment to the box's interior (shrunk by half a pixel): Liang–Barsky.
                    let (x0, x1, y0, y1) = (r.x + 0.5, r.x + r.w - 0.5, r.y + 0.5, r.y + r.h - 0.5)
                    let dx = s.b.0 - s.a.0, dy = s.b.1 - s.a.1
                    var lo = 0.0, hi = 1.0
                    var inside = true
                    for (p, q) in [(-dx, s.a.0 - x0), (dx, x1 - s.a.0), (-dy, s.a.1 - y0), (dy, y1 - s.a.1)] {
                        if p == 0 { if q < 0 { inside = false } } else if p < 0 { lo = Swift.max(lo, q / p) } else { hi = Swift.min(hi, q / p) }
                    }
                    if inside && lo < hi { out.append("\(l.from)→\(l.to) runs through \(id) at \(s)") }
                }
            }
        }
        return out
    }

    static func diagramProblems(_ schema: GovernanceSchema, _ loc: Localization) -> [String] {
        let d = Diagram.parse(schema.svg(loc, standalone: true))
        if let e = d.error { return ["not XML: \(e)"] }
        var problems: [String] = []
        // (c) one link per reporting relation, with the right ends, and a box per body.
        let expected = schema.boxes.flatMap { b in b.parents.map { b.id + " → " + $0 } }.sorted()
        let drawn = d.links.map { $0.from + " → " + $0.to }.sorted()
        if drawn != expected { problems.append("links drawn \(drawn), relations \(expected)") }
        if Set(d.boxes.keys) != Set(schema.boxes.map(\.id)) { problems.append("boxes \(d.boxes.keys.sorted())") }
        // Each link starts on its body's box and ends on the box it reports to.
        for l in d.links {
            guard let f = d.boxes[l.from], let t = d.boxes[l.to], let first = l.points.first, let last = l.points.last else {
                problems.append("\(l.from)→\(l.to): no box or no point"); continue
            }
            func onEdge(_ p: (Double, Double), _ r: (x: Double, y: Double, w: Double, h: Double)) -> Bool {
                let inX = p.0 >= r.x - 0.5 && p.0 <= r.x + r.w + 0.5, inY = p.1 >= r.y - 0.5 && p.1 <= r.y + r.h + 0.5
                let edgeX = abs(p.0 - r.x) < 0.5 || abs(p.0 - r.x - r.w) < 0.5, edgeY = abs(p.1 - r.y) < 0.5 || abs(p.1 - r.y - r.h) < 0.5
                return inX && inY && (edgeX || edgeY)
            }
            if !onEdge(first, f) { problems.append("\(l.from)→\(l.to) does not start on \(l.from)") }
            if !onEdge(last, t) { problems.append("\(l.from)→\(l.to) does not end on \(l.to)") }
        }
        // (a) no shared stretch between links with no common end; (b) no link through a box.
        problems += overlaps(d)
        problems += boxCrossings(d)
        // (d) kinds in the report's language, never as scenario ids.
        let kindIDs = Set(schema.boxes.map(\.kind))
        for t in d.texts {
            let words = t.split(whereSeparator: { !$0.isLetter })
            for k in kindIDs where words.contains(where: { $0 == k }) && k != k.lowercased() || t == k || t.contains("(" + k + ")") {
                problems.append("raw kind id \(k) in text \"\(t)\"")
            }
        }
        for b in schema.boxes where !d.texts.contains(where: { $0.hasPrefix(loc.instanceKind(b.kind)) }) {
            problems.append("\(b.id): kind label \(loc.instanceKind(b.kind)) missing")
        }
        // Names whole, never clipped: the lines of text put together hold each full name.
        let all = d.texts.joined(separator: " ")
        for b in schema.boxes where !all.contains(b.name.split(separator: " ").joined(separator: " ")) {
            problems.append("\(b.id): name \"\(b.name)\" not drawn whole")
        }
        if all.contains("…") { problems.append("clipped text") }
        return problems
    }
}
