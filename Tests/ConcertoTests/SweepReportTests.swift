import Foundation
import XCTest
@testable import Concerto

/// The sweep report from a tiny sweep built through the library (2×2 grid, few replications, 1 year).
final class SweepReportTests: XCTestCase {
    static let paths = ["instances.grande-table.schedule.meetingsPerYear", "partnerDefaults.capacityHoursPerMonth"]

    /// Runs a 2×2 sweep of Sept-Rivières into a fresh folder; returns the folder and the plan.
    func tinySweep() throws -> (URL, SweepPlan) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("concerto-sweep-report-\(UUID().uuidString)")
        var tree = try JSONValue.parse(Data(contentsOf: TestScenarios.shipped("sept-rivieres")))
        tree = try applyOverride(tree, path: "years", value: "1", allowNewKeys: true)
        let plan = SweepPlan(scenarioFile: "sept-rivieres.json", baseTree: tree,
                             axes: [try SweepAxis.parse(Self.paths[0] + "=2,8"), try SweepAxis.parse(Self.paths[1] + "=15,25")],
                             replications: 4, seed: 5)
        let folder = SweepFolder(dir.path)
        try folder.prepare(plan, version: "test", resume: false)
        for k in 0..<plan.cellCount {
            let r = Ensemble.run(try plan.structure(ofCell: k), settings: RunSettings(replications: plan.replications, seed: plan.seed, threads: 2))
            try folder.write(cell: k, plan.cellRecord(k, result: r))
        }
        XCTAssertTrue(try folder.writeResultsIfComplete(plan))
        return (dir, plan)
    }

    /// (days, hours) per cell, read from results.csv independently of the report's reader.
    /// Per cell, (mean, low, high) of medianDaysKM and of hoursPerPartnerYear, read from results.csv.
    func tradeOff(_ dir: URL) throws -> [(days: (Double, Double, Double), hours: (Double, Double, Double))] {
        let lines = try String(contentsOf: dir.appendingPathComponent("results.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let (cm, cmean) = (header.firstIndex(of: "measure")!, header.firstIndex(of: "mean")!)
        let (clo, chi) = (header.firstIndex(of: "ci95_lo")!, header.firstIndex(of: "ci95_hi")!)
        let none = (Double.nan, Double.nan, Double.nan)
        var byCell: [String: ((Double, Double, Double), (Double, Double, Double))] = [:], order: [String] = []
        for row in lines.dropFirst() {
            let key = row[0] + "|" + row[1]
            if byCell[key] == nil { byCell[key] = (none, none); order.append(key) }
            let v = (Double(row[cmean]) ?? .nan, Double(row[clo]) ?? .nan, Double(row[chi]) ?? .nan)
            if row[cm] == "medianDaysKM" { byCell[key]!.0 = v }
            if row[cm] == "hoursPerPartnerYear" { byCell[key]!.1 = v }
        }
        return order.map { (days: byCell[$0]!.0, hours: byCell[$0]!.1) }
    }

    func occurrences(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    /// `data-cell` values of the elements whose markup starts with `prefix`.
    func cells(_ prefix: String, in html: String) -> Set<Int> {
        var out = Set<Int>()
        for part in html.components(separatedBy: prefix).dropFirst() {
            let digits = part.drop { !$0.isNumber }.prefix { $0.isNumber }
            out.insert(Int(digits)!)
        }
        return out
    }

    func testReportOfATinySweep() throws {
        let (dir, plan) = try tinySweep()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = try SweepReport(folder: dir.path).render(Localization(.fr))
        let check = ReportCheck.parse(html)
        XCTAssertNil(check.error, "well-formed")
        XCTAssertFalse(html.contains("http"), "no external reference")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("src="))
        // One point per cell.
        XCTAssertEqual(occurrences("<g class=\"cell", in: html), plan.cellCount)
        XCTAssertEqual(cells("<g class=\"cell", in: html), Set(0..<plan.cellCount))
        // Pareto cells computed here, from results.csv.
        let pts = try tradeOff(dir)
        XCTAssertEqual(pts.count, 4)
        // q beats p: means at least as good on both, intervals separate on one.
        let expected = Set(pts.indices.filter { p in
            !pts.indices.contains { q in
                q != p && pts[q].days.0 <= pts[p].days.0 && pts[q].hours.0 <= pts[p].hours.0
                    && (pts[q].days.2 < pts[p].days.1 || pts[q].hours.2 < pts[p].hours.1)
            }
        })
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(cells("<g class=\"cell pareto\" data-cell=", in: html), expected, "ringed points")
        XCTAssertEqual(occurrences("class=\"pareto-ring\"", in: html), expected.count)
        let paretoTable = String(html[html.range(of: "pareto-table")!.lowerBound...].prefix { _ in true })
        let tableEnd = paretoTable.range(of: "</table>")!.lowerBound
        XCTAssertEqual(cells("<tr class=\"pareto\" data-cell=", in: String(paretoTable[..<tableEnd])), expected, "listed in the Pareto table")
        // Each Pareto label names its parameter values.
        for k in expected {
            let v = plan.values(ofCell: k).map { Int($0.doubleValue!) }
            XCTAssertTrue(html.contains("meetingsPerYear = \(v[0]), capacityHoursPerMonth = \(v[1])"), "label of cell \(k)")
        }
        // One line chart per varied parameter, with the range caption (two cells per value).
        XCTAssertEqual(occurrences("<figure class=\"linechart\"", in: html), 2)
        for p in Self.paths { XCTAssertTrue(html.contains("data-parameter=\"\(p)\""), p) }
        XCTAssertTrue(html.contains("plage (minimum–maximum)"))
        XCTAssertTrue(html.contains("Rapport des variantes"))
        // English, decimal points.
        let en = try SweepReport(folder: dir.path).render(Localization(.en))
        XCTAssertNil(ReportCheck.parse(en).error)
        XCTAssertTrue(en.contains("Sweep report"))
        XCTAssertTrue(en.contains("range (minimum–maximum)"))
    }

    func testOneParameterShowsConfidenceIntervals() throws {
        typealias E = SweepResults.Estimate
        func cell(_ k: Int, _ x: Double) -> SweepResults.Cell {
            let m: [String: E] = ["latency.medianDaysKM": E(mean: 10 * x, low: 9 * x, high: 11 * x),
                                  "hyperconcertation.hoursPerPartnerYear": E(mean: 50 / x, low: 40 / x, high: 60 / x),
                                  "representativity.sectorGallagher": E(mean: 1.5, low: 1, high: 2)]
            return SweepResults.Cell(index: k, values: [String(Int(x))], measures: m)
        }
        let cells = [cell(0, 2), cell(1, 6)]
        let r = SweepResults(scenario: "s", seed: "1", replications: 3, paths: ["a.b"], cells: cells)
        XCTAssertEqual(r.paretoCells(), [0, 1], "faster vs fewer hours: both efficient")
        let (chart, perValue) = SweepReport(results: r).lineChart(axis: 0, Localization(.en))
        XCTAssertEqual(perValue, 1)
        XCTAssertEqual(chart.panels[1].points[1].low, 54, "a single cell per value: its CI")
        XCTAssertTrue(SweepReport(results: r).render(Localization(.en)).contains("95% confidence interval of its mean"))
        // A dominated cell is not efficient.
        var dominated = r
        let worse: [String: E] = ["latency.medianDaysKM": E(mean: 70, low: 60, high: 80),
                                  "hyperconcertation.hoursPerPartnerYear": E(mean: 30, low: 20, high: 40)]
        dominated.cells.append(SweepResults.Cell(index: 2, values: ["9"], measures: worse))
        XCTAssertEqual(dominated.paretoCells(), [0, 1])
        // Worse than cell 0 on both means, but within the noise on both (intervals overlap):
        // the simulation cannot tell them apart, so it stays without a better compromise.
        var close = r
        let near: [String: E] = ["latency.medianDaysKM": E(mean: 21, low: 17, high: 25),
                                 "hyperconcertation.hoursPerPartnerYear": E(mean: 26, low: 21, high: 31)]
        close.cells.append(SweepResults.Cell(index: 2, values: ["3"], measures: near))
        XCTAssertEqual(close.paretoCells(), [0, 1, 2])
        // The same means with tight intervals: beaten beyond noise on time, so not listed.
        close.cells[2].measures["latency.medianDaysKM"] = E(mean: 21, low: 20.9, high: 21.1)
        close.cells[0].measures["latency.medianDaysKM"] = E(mean: 20, low: 19.9, high: 20.1)
        XCTAssertEqual(close.paretoCells(), [0, 1])
    }

    func testFrenchNumbersUseDecimalCommas() {
        XCTAssertEqual(SweepResults.display("2.5", Localization(.fr)), "2,5")
        XCTAssertEqual(SweepResults.display("2.5", Localization(.en)), "2.5")
        XCTAssertEqual(SweepResults.display("probabilistic", Localization(.fr)), "probabilistic")
    }

    func testUnfinishedSweepIsRefused() throws {
        let (dir, _) = try tinySweep()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("results.csv"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("cells/" + SweepPlan.cellFileName(2)))
        XCTAssertThrowsError(try SweepReport(folder: dir.path)) { e in
            XCTAssertTrue("\(e)".contains("the sweep is not finished: 3 of 4 cells"), "\(e)")
        }
        XCTAssertThrowsError(try SweepReport(folder: dir.appendingPathComponent("cells").path)) { e in
            XCTAssertTrue("\(e)".contains("not a sweep folder"), "\(e)")
        }
    }

    func testCSVReaderHandlesQuotes() {
        XCTAssertEqual(SweepResults.parseCSV("a,\"b,c\",\"d\"\"e\"\n1,,2\n"), [["a", "b,c", "d\"e"], ["1", "", "2"]])
    }
}
