import Foundation
import XCTest
@testable import Concerto

/// The exploration report, on an exploration whose answers are known (built from a synthetic
/// manifest and cells) and on a tiny exploration run through the library.
final class ExploreReportTests: XCTestCase {
    static let capacity = "partnerDefaults.capacityHoursPerMonth", epsilon = "deliberation.epsilon"

    /// Two structures over two uncertainties on 120 LHS points: Alpha's hours are capacity − 5
    /// (10 to 20), Bêta's are 13 whatever the point; threshold hours ≤ 15. So Alpha is best
    /// where capacity < 18 (about 30% of the space), Bêta elsewhere; Alpha misses the threshold
    /// where capacity > 20; Bêta's hours are constant (no sensitivity to report).
    static func synthetic() throws -> ExploreAnalysis {
        let n = 120
        let unit = LatinHypercube(count: n, dimensions: 2, seed: 3).points
        func alpha(_ u: [Double]) -> Double { (15 + 10 * u[0]) - 5 }
        let manifest: [String: Any] = [
            "kind": "explore", "fingerprint": "f",
            "structures": [["id": "alpha", "name": "Table Alpha", "shortName": "Alpha"], ["id": "beta", "name": "Table Bêta", "shortName": "Bêta"]],
            "uncertainties": [["path": capacity, "distribution": [15, 25], "whole": false, "nominal": 20, "declaredIn": "a.json", "reason": "a guess"],
                              ["path": epsilon, "distribution": [0.2, 0.4], "whole": false, "nominal": 0.3, "declaredIn": "a.json"]],
            "design": ["name": "lhs", "spec": "lhs(120)", "points": n],
            "points": unit, "seed": "1", "replications": 2,
            "outcomes": ["hoursPerPartnerYear"],
            "thresholds": [["measure": "hoursPerPartnerYear", "max": 15]],
            "cells": 2 * n,
        ]
        var cells: [JSONValue] = []
        for p in 0..<n {
            for (id, v) in [("alpha", alpha(unit[p])), ("beta", 13.0)] {
                let cell: [String: Any] = ["fingerprint": "f", "point": p, "structure": id,
                                           "measures": ["hoursPerPartnerYear": ["mean": v, "ci95": [v - 0.1, v + 0.1], "n": 2, "values": [v - 0.01, v + 0.01]]]]
                cells.append(try JSONValue.parse(JSONSerialization.data(withJSONObject: cell)))
            }
        }
        return try ExploreAnalysis(manifest: JSONValue.parse(JSONSerialization.data(withJSONObject: manifest)), cells: cells)
    }

    func count(_ needle: String, _ s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    /// The markup of the P(best) cell of `structure` in the row of `measure`.
    func pbestCell(_ html: String, measure: String, structure: String) -> String? {
        guard let table = html.range(of: "<table class=\"data pbest\">"),
              let row = html.range(of: "<tr data-measure=\"\(measure)\">", range: table.upperBound..<html.endIndex),
              let rowEnd = html.range(of: "</tr>", range: row.upperBound..<html.endIndex) else { return nil }
        let r = String(html[row.upperBound..<rowEnd.lowerBound])
        guard let c = r.range(of: "data-structure=\"\(structure)\">"), let end = r.range(of: "</td>", range: c.upperBound..<r.endIndex) else { return nil }
        return String(r[c.upperBound..<end.lowerBound])
    }

    /// Checks shared by every report: well-formed, self-contained, no undefined number.
    func checkPage(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(ReportCheck.parse(html).error, "well-formed", file: file, line: line)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), file: file, line: line)
        XCTAssertFalse(html.contains("http"), "no external reference", file: file, line: line)
        XCTAssertFalse(html.contains("<script"), file: file, line: line)
        XCTAssertFalse(html.contains("src="), file: file, line: line)
        let nan = try! NSRegularExpression(pattern: "(?i)\\bnan\\b|\\binf(inity)?\\b")
        let hits = nan.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { (html as NSString).substring(with: NSRange(location: Swift.max(0, $0.range.location - 40), length: 80)) }
        XCTAssertEqual(hits, [], "no NaN or infinity in the page", file: file, line: line)
    }

    /// The P(best) of every row is shown, formatted, in its cell, with its interval and the share beyond noise.
    func checkProbabilities(_ report: ExploreReport, _ html: String, _ loc: Localization, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(report.robustness.rows.isEmpty, file: file, line: line)
        for r in report.robustness.rows {
            guard let cell = pbestCell(html, measure: r.measure, structure: r.structure) else {
                XCTFail("no P(best) cell for \(r.measure) / \(r.structure)", file: file, line: line); continue
            }
            XCTAssertTrue(cell.contains(">" + loc.percent(r.probabilityBest) + "<"), "\(r.measure) \(r.structure): \(cell)", file: file, line: line)
            XCTAssertTrue(cell.contains(loc.format(.ci95Range, loc.number(r.ciLow * 100, digits: 0), loc.percent(r.ciHigh))), cell, file: file, line: line)
            XCTAssertTrue(cell.contains(loc.format(.beyondNoise, loc.percent(r.bestBeyondNoise))), cell, file: file, line: line)
        }
    }

    func testSyntheticExplorationInFrench() throws {
        let report = ExploreReport(analysis: try Self.synthetic())
        let loc = Localization(.fr)
        let html = report.render(loc)
        checkPage(html)
        XCTAssertTrue(html.contains("lang=\"fr\""))
        for name in ["Alpha", "Bêta", "Table Alpha", "Table Bêta"] { XCTAssertTrue(html.contains(name), name) }
        // What was explored, in French: decimal comma, the range's reason, the design.
        XCTAssertTrue(html.contains("0,2 – 0,4"), "epsilon's range with a decimal comma")
        XCTAssertFalse(html.contains("0.2 – 0.4"))
        XCTAssertTrue(html.contains("15 – 25\u{00A0}h/mois"))
        XCTAssertTrue(html.contains("a guess"))
        XCTAssertTrue(html.contains("hypercube latin"))
        // Probability of best: Bêta is best where capacity ≥ 18, formatted as the robustness table says.
        checkProbabilities(report, html, loc)
        let beta = try XCTUnwrap(report.robustness.rows.first { $0.structure == "beta" })
        XCTAssertGreaterThan(beta.probabilityBest, 0.6)
        XCTAssertLessThan(beta.probabilityBest, 0.8)
        XCTAssertTrue(html.contains("Bêta est la meilleure dans " + loc.percent(beta.probabilityBest) + " des mondes explorés ("
                                    + loc.format(.ci95Range, loc.number(beta.ciLow * 100, digits: 0), loc.percent(beta.ciHigh)) + ")"))
        XCTAssertTrue(html.contains("plus bas = mieux"))
        // Thresholds: each structure's share, Bêta always meets hours ≤ 15.
        XCTAssertEqual(report.robustness.thresholdRows.count, 2)
        XCTAssertTrue(html.contains("<table class=\"data thresholds\">"))
        XCTAssertTrue(html.contains(loc.percent(1)))
        // Regret: one chart per ranked measure, one bar per structure, each with its 90th-percentile diamond.
        XCTAssertEqual(count("<figure class=\"regret\"", html), 1)
        XCTAssertEqual(count("class=\"regret-bar\"", html), 2)
        XCTAssertEqual(count("<polygon class=\"p90\"", html), 2 + 1, "one per bar and one in the legend")
        // Sensitivity: one panel per measure, one chart per structure and per difference;
        // Bêta is constant; Alpha and the difference depend on capacity only (ρ = ±1).
        XCTAssertEqual(count("<section class=\"tornado-panel\"", html), 1)
        XCTAssertEqual(count("<figure class=\"tornado\"", html), 2, "Alpha and the difference drawn")
        XCTAssertTrue(html.contains("<figure class=\"tornado\" data-subject=\"beta - alpha\">"))
        XCTAssertTrue(html.contains(loc.format(.subjectDifference, "Bêta", "Alpha")))
        XCTAssertTrue(html.contains("<li class=\"tornado-note\" data-subject=\"beta\">Bêta : " + loc(.noteConstant) + "</li>"), "Bêta is constant")
        XCTAssertTrue(html.contains(">+1,00<"), "Alpha rises with capacity")
        XCTAssertTrue(html.contains(">−1,00<"), "the difference Bêta − Alpha falls with it")
        XCTAssertEqual(count("class=\"tornado-bar\"", html), 4, "two parameters for Alpha and two for the difference")
        // Discovery: one box per case found, each with its sentence, coverage and density, and
        // its scatter with the box drawn; the report's cases inside the box are PRIM's.
        let boxes = report.discovery.cases.enumerated().filter { $0.element.result?.box != nil }
        XCTAssertGreaterThanOrEqual(boxes.count, 2, "Alpha beats Bêta at low capacity; Alpha misses the threshold at high capacity")
        XCTAssertEqual(count("<figure class=\"box-scatter\"", html), boxes.filter { !$0.element.result!.box!.restrictions.isEmpty }.count)
        XCTAssertEqual(count("class=\"prim-box\"", html), boxes.filter { !$0.element.result!.box!.restrictions.isEmpty }.count)
        for (k, c) in boxes {
            let b = c.result!.box!
            XCTAssertTrue(html.contains("<strong>(\(k + 1))</strong> " + SVG.escape(c.sentenceFr) + "."), c.sentenceFr)
            XCTAssertTrue(html.contains(loc.format(.boxStats, loc.percent(b.coverage), loc.percent(b.density), String(b.cases), String(c.result!.cases), String(b.points))))
            let outcome = try XCTUnwrap(report.caseOutcome(c))
            XCTAssertEqual(outcome.filter { $0 }.count, c.result!.cases, "same cases as PRIM")
            let a = report.analysis
            let inside = (0..<a.pointCount).filter { p in
                (0..<a.uncertainties.count).allSatisfy { j in a.values[p][j] >= b.lower[j] && a.values[p][j] <= b.upper[j] }
            }
            XCTAssertEqual(inside.count, b.points)
            XCTAssertEqual(inside.filter { outcome[$0] }.count, b.cases)
            // One restriction (capacity): the other axis is epsilon.
            let axes = try XCTUnwrap(report.scatterAxes(b, outcome: outcome))
            XCTAssertEqual(a.uncertainties[axes.x].path, Self.capacity)
            XCTAssertEqual(axes.y.map { a.uncertainties[$0].path }, Self.epsilon)
        }
        // One mark per point in each scatter: cases as discs, others as crosses.
        let marks = count("<circle class=\"case\"", html) + count("<path class=\"other\"", html)
        XCTAssertEqual(marks, 120 * count("<figure class=\"box-scatter\"", html))
        // Cases without a box, with their reason.
        XCTAssertTrue(html.contains(SVG.escape(loc(.noBoxHeading))))
        XCTAssertTrue(html.contains(SVG.escape(loc(.reasonNever))), "Bêta never misses the threshold")
    }

    func testSyntheticExplorationInEnglish() throws {
        let report = ExploreReport(analysis: try Self.synthetic())
        let loc = Localization(.en)
        let html = report.render(loc)
        checkPage(html)
        XCTAssertTrue(html.contains("lang=\"en\""))
        XCTAssertTrue(html.contains("0.2 – 0.4"))
        XCTAssertTrue(html.contains("Exploring uncertainty: Alpha, Bêta"))
        XCTAssertTrue(html.contains("lower is better"))
        XCTAssertTrue(html.contains("Bêta is the best in"))
        checkProbabilities(report, html, loc)
        for c in report.discovery.cases where c.result?.box != nil { XCTAssertTrue(html.contains(SVG.escape(c.sentenceEn)), c.sentenceEn) }
        XCTAssertFalse(html.contains("mondes explorés"))
    }

    /// A tiny exploration (two shipped structures, one year, 8 points, 2 replications) run
    /// through the library into a folder, then reported from the folder.
    func testReportOfATinyExploration() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("concerto-explore-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var settings = ExploreSetup.Settings()
        settings.points = 8; settings.replications = 2; settings.years = 1
        let plan = try ExploreSetup.plan(files: [TestScenarios.shipped("sept-rivieres").path, TestScenarios.shipped("orbite").path], experiment: nil, settings: settings)
        let folder = SweepFolder(dir.path)
        try folder.prepare(plan, version: "test", resume: false)
        XCTAssertFalse(ExploreReport.isExploreFolder(dir.appendingPathComponent("nothing").path))
        XCTAssertTrue(ExploreReport.isExploreFolder(dir.path))
        // Unfinished: refused with a clear message.
        XCTAssertEqual(try ExploreRunner.run(plan, cells: [0, 1, 2], folder: folder, threads: 1), 3)
        XCTAssertThrowsError(try ExploreReport(folder: dir.path)) { error in
            XCTAssertTrue("\(error)".contains("the exploration is not finished: 3 of \(plan.cellCount) cells"), "\(error)")
        }
        _ = try ExploreRunner.run(plan, cells: Array(3..<plan.cellCount), folder: folder, threads: 1)
        XCTAssertTrue(try folder.writeResultsIfComplete(plan))

        let report = try ExploreReport(folder: dir.path)
        XCTAssertEqual(report.analysis.pointCount, 8)
        for lang in ReportLanguage.allCases {
            let loc = Localization(lang)
            let html = report.render(loc)
            checkPage(html)
            for m in plan.members { XCTAssertTrue(html.contains(SVG.escape(m.shortName)), m.shortName) }
            for u in plan.uncertainties { XCTAssertTrue(html.contains("<tr data-path=\"" + u.path + "\">"), u.path) }
            checkProbabilities(report, html, loc)
            XCTAssertEqual(count("<section class=\"tornado-panel\"", html), plan.outcomes.count, "one tornado panel per measure")
            // Per panel: each structure and the difference to the first.
            XCTAssertEqual(count("<figure class=\"tornado\"", html) + count("<li class=\"tornado-note\"", html), plan.outcomes.count * 3)
            let drawn = report.discovery.cases.filter { !($0.result?.box?.restrictions.isEmpty ?? true) }.count
            XCTAssertEqual(count("<figure class=\"box-scatter\"", html), drawn)
            XCTAssertEqual(count("class=\"prim-box\"", html), drawn)
            XCTAssertEqual(count("<li data-case=", html), report.discovery.cases.filter { $0.result?.box == nil }.count)
            XCTAssertEqual(count("<figure class=\"regret\"", html), Set(report.robustness.rows.map(\.measure)).count)
        }
        let fr = report.render(Localization(.fr))
        XCTAssertTrue(fr.contains("Exploration de l&#39;incertitude : Sept-Rivières, ORBITE"))
        XCTAssertTrue(fr.contains("0,2 – 0,4"), "a range with a decimal comma")
        XCTAssertTrue(fr.contains("des mondes explorés"))
        // A sweep folder is not an exploration.
        XCTAssertThrowsError(try ExploreReport.load(FileManager.default.temporaryDirectory.path))
    }

    func testParameterLabelsAndNotes() {
        let fr = Localization(.fr), en = Localization(.en)
        XCTAssertEqual(ExploreReport.parameterLabel(ExploreWording.parameter("partnerDefaults.capacityHoursPerMonth", whole: false), fr), "Capacité des partenaires")
        XCTAssertEqual(ExploreReport.parameterLabel(ExploreWording.parameter("partnerDefaults.capacityHoursPerMonth", whole: false), en), "Partners' capacity")
        XCTAssertEqual(ExploreReport.parameterLabel(ExploreWording.parameter("instances.orbite.meetingHours", whole: false), fr), "Durée des rencontres (orbite)")
        XCTAssertEqual(ExploreReport.parameterLabel(ExploreWording.parameter("attendance.interestFloor", whole: false), fr), "Plancher d'intérêt pour assister")
        XCTAssertEqual(ExploreReport.noteText("undefined at 3 of 128 points", fr), "indéfinie à 3 points sur 128 : pas d'analyse")
        XCTAssertEqual(ExploreReport.noteText("constant over the points", en), "constant over the points: nothing to explain")
        XCTAssertEqual(ExploreReport.measure("hypersollicitedShare", fr).scale, 100)
        XCTAssertEqual(ExploreReport.measure("medianDaysKM", en).unit, "days")
    }
}
