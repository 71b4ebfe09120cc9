import Foundation

/// The sweep report: one self-contained HTML file (inline SVG and CSS, no script, no network)
/// showing a finished sweep's trade-off between decision latency and meeting hours (one point
/// per cell, coloured by representativity, Pareto-efficient cells ringed and listed), every
/// cell's headline numbers, and one line chart per varied parameter.
public struct SweepReport: Sendable {
    public let results: SweepResults

    public init(results: SweepResults) { self.results = results }

    /// Reads the sweep folder at `path` (see ``SweepResults/load(_:)``).
    public init(folder path: String) throws(SweepError) { results = try SweepResults.load(path) }

    /// The headline measures of the line charts: (family, name, title, unit, digits).
    static let headline: [(String, String, L10n, L10n, Int)] = [
        ("hyperconcertation", "hoursPerPartnerYear", .hoursPerPartner, .unitHoursPerPartnerYear, 0),
        ("latency", "medianDaysKM", .medianDays, .unitDays, 0),
        ("representativity", "sectorGallagher", .gallagher, .unitPoints, 1),
    ]

    static let css = HTMLReport.css + """

    table.cells { border-collapse: collapse; font-size: 16px; margin: 8px 0 20px; }
    table.cells th, table.cells td { border: 1px solid #bbb; padding: 4px 10px; text-align: right; }
    table.cells th { background: #f0f0f0; }
    table.cells td.params { text-align: left; }
    table.cells tr.pareto td { font-weight: bold; }
    code { font-size: 15px; }
    """

    /// Points of the line chart of axis `a`: per value of the axis (in the order of the grid),
    /// per headline measure, the mean over the cells sharing that value, and either the cell's
    /// 95% CI (one cell per value) or the min–max of those cells' means.
    func lineChart(axis a: Int, _ loc: Localization) -> (chart: LineChart, cellsPerValue: Int) {
        var order: [String] = []
        for c in results.cells where !order.contains(c.values[a]) { order.append(c.values[a]) }
        let groups = order.map { v in results.cells.filter { $0.values[a] == v } }
        let perValue = groups.map(\.count).max() ?? 1
        let panels = Self.headline.map { family, name, title, unit, digits -> LineChart.Panel in
            let points = groups.map { cells -> LineChart.Point in
                let means = cells.map { $0.mean(family, name) }.filter(\.isFinite)
                guard !means.isEmpty else { return LineChart.Point(mean: .nan, low: .nan, high: .nan) }
                let mean = means.reduce(0, +) / Double(means.count)
                if cells.count == 1, let e = cells[0].estimate(family, name) { return LineChart.Point(mean: mean, low: e.low, high: e.high) }
                return LineChart.Point(mean: mean, low: means.min()!, high: means.max()!)
            }
            return LineChart.Panel(title: loc(title), unit: loc(unit), digits: digits, points: points)
        }
        let numbers = order.map { Double($0) }
        let xValues: [Double]? = numbers.allSatisfy { $0 != nil && $0!.isFinite } ? numbers.map { $0! } : nil
        let short = SweepResults.shortName(results.paths[a])
        let chart = LineChart(title: loc.format(.parameterTitle, short), xTitle: results.paths[a],
                              xLabels: order.map { SweepResults.display($0, loc) }, xValues: xValues, panels: panels)
        return (chart, perValue)
    }

    public func render(_ loc: Localization) -> String {
        func e(_ s: String) -> String { SVG.escape(s) }
        let r = results
        let pareto = Set(r.paretoCells())
        let title = loc.format(.sweepTitle, r.scenario)
        var h = "<!DOCTYPE html>\n<html lang=\"\(loc.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>" + e(title) + "</title>\n<style>\n" + Self.css + "\n</style>\n</head>\n<body>\n<main>\n"
        h += "<h1>" + e(title) + "</h1>\n"
        let varied = r.paths.map { p -> String in
            let values = r.cells.map { $0.values[r.paths.firstIndex(of: p)!] }
            var distinct: [String] = []
            for v in values where !distinct.contains(v) { distinct.append(v) }
            return p + " (" + distinct.map { SweepResults.display($0, loc) }.joined(separator: " ; ") + ")"
        }.joined(separator: ", ")
        h += "<p class=\"note\">" + e(loc.format(.sweepNote, String(r.cells.count), String(r.replications), r.seed, varied)) + "</p>\n"

        // Trade-off chart.
        h += "<h2>" + e(loc(.tradeOffHeading)) + "</h2>\n<p class=\"note\">" + e(loc(.tradeOffNote)) + "</p>\n"
        let points = r.cells.indices.map { k -> ScatterChart.Point in
            let c = r.cells[k]
            return ScatterChart.Point(tag: String(c.index + 1), x: c.mean("latency", "medianDaysKM"), y: c.mean("hyperconcertation", "hoursPerPartnerYear"),
                                      colourValue: c.mean("representativity", "sectorGallagher"), highlighted: pareto.contains(k),
                                      label: r.label(ofCell: k, loc), shortLabel: r.shortLabel(ofCell: k, loc), id: c.index)
        }
        let scatter = ScatterChart(title: loc(.tradeOffTitle), xUnit: loc(.medianDays) + " (" + loc(.unitDays) + ")",
                                   yUnit: loc(.hoursPerPartner) + " (h)", colourTitle: loc(.colourLegend), points: points,
                                   labelKey: loc.format(.labelKey, r.shortLabel(paths: r.paths.map(SweepResults.shortName), loc)), id: "tradeoff")
        h += "<figure class=\"tradeoff\">" + scatter.render(loc) + "</figure>\n"
        let missing = points.filter { !($0.x.isFinite && $0.y.isFinite) }.map(\.tag)
        if !missing.isEmpty { h += "<p class=\"note\">" + e(loc.format(.notDrawn, missing.joined(separator: ", "))) + "</p>\n" }

        // Tables.
        func table(_ rows: [Int], cls: String) -> String {
            var t = "<table class=\"cells \(cls)\">\n<tr><th>" + e(loc(.cellColumn)) + "</th>"
            for p in r.paths { t += "<th title=\"" + e(p) + "\">" + e(SweepResults.shortName(p)) + "</th>" }
            t += "<th>" + e(loc(.medianDays)) + " (" + e(loc(.unitDays)) + ")</th><th>" + e(loc(.hoursPerPartner)) + " (h)</th><th>"
                + e(loc(.colourLegend)) + "</th><th>" + e(loc(.paretoColumn)) + "</th></tr>\n"
            for k in rows {
                let c = r.cells[k]
                t += "<tr" + (pareto.contains(k) ? " class=\"pareto\"" : "") + " data-cell=\"\(c.index)\"><td>\(c.index + 1)</td>"
                for v in c.values { t += "<td>" + e(SweepResults.display(v, loc)) + "</td>" }
                t += "<td>" + e(loc.number(c.mean("latency", "medianDaysKM"), digits: 1)) + "</td>"
                t += "<td>" + e(loc.number(c.mean("hyperconcertation", "hoursPerPartnerYear"), digits: 1)) + "</td>"
                t += "<td>" + e(loc.number(c.mean("representativity", "sectorGallagher"), digits: 1)) + "</td>"
                t += "<td>" + (pareto.contains(k) ? "✓" : "") + "</td></tr>\n"
            }
            return t + "</table>\n"
        }
        let paretoRows = r.cells.indices.filter { pareto.contains($0) }
            .sorted { r.cells[$0].mean("latency", "medianDaysKM") < r.cells[$1].mean("latency", "medianDaysKM") }
        h += "<h2>" + e(loc(.paretoHeading)) + "</h2>\n<p class=\"note\">" + e(loc(.paretoNote)) + "</p>\n" + table(paretoRows, cls: "pareto-table")

        // One line chart per varied parameter.
        h += "<h2>" + e(loc(.parametersHeading)) + "</h2>\n"
        for a in r.paths.indices {
            let (chart, perValue) = lineChart(axis: a, loc)
            let caption = perValue <= 1 ? loc(.parameterNoteCI) : loc.format(.parameterNoteRange, String(perValue))
            h += "<figure class=\"linechart\" data-parameter=\"" + e(r.paths[a]) + "\">" + chart.render(loc)
                + "<figcaption>" + e(caption) + "</figcaption></figure>\n"
        }
        h += "<h2>" + e(loc(.cellsHeading)) + "</h2>\n" + table(Array(r.cells.indices), cls: "all-cells")
        h += "<footer>" + e(loc(.footer)) + "</footer>\n</main>\n</body>\n</html>\n"
        return h
    }
}
