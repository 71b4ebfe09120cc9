/// What a planner reads in a terminal: the three families with units and 95% confidence intervals.
public enum ResultTable {
    static func cells(_ s: Summary, unit: MeasureUnit) -> [String] {
        let d = unit.digits
        if unit == .share {
            return [NumberFormat.fixed(s.mean * 100, digits: 1) + " %",
                    "[" + NumberFormat.fixed(s.ci95Low * 100, digits: 1) + ", " + NumberFormat.fixed(s.ci95High * 100, digits: 1) + "]",
                    NumberFormat.fixed(s.median * 100, digits: 1), NumberFormat.fixed(s.p90 * 100, digits: 1), String(s.n)]
        }
        return [NumberFormat.fixed(s.mean, digits: d),
                "[" + NumberFormat.fixed(s.ci95Low, digits: d) + ", " + NumberFormat.fixed(s.ci95High, digits: d) + "]",
                NumberFormat.fixed(s.median, digits: d), NumberFormat.fixed(s.p90, digits: d), String(s.n)]
    }

    public static func render(_ r: EnsembleResult, detail: Bool = true) -> String {
        var out = "\(r.scenarioName) (\(r.scenarioID))\n"
        out += "\(r.settings.replications) replications × \(NumberFormat.fixed(r.years, digits: 0)) years"
        if r.warmupYears > 0 { out += " after \(NumberFormat.fixed(r.warmupYears, digits: 0)) warm-up year(s)" }
        out += ", seed \(r.settings.seed). Mean, 95% confidence interval, median and p90 over replications.\n\n"
        let titles: [(MeasureFamily, String)] = [(.hyperconcertation, "HYPERCONCERTATION — load on partners"),
                      (.latency, "DECISION LATENCY — from emergence to final decision"),
                      (.representativity, "REPRESENTATIVITY — who is in the room when decisions are made")]
        for (family, title) in titles where r.catalog.measures.contains(where: { $0.family == family }) {
            var t = TextTable(columns: [("measure", .left), ("unit", .left), ("mean", .right), ("95% CI", .right), ("median", .right), ("p90", .right), ("n", .right)])
            for (k, m) in r.catalog.measures.enumerated() where m.family == family {
                let unit = m.unit.display
                t.addRow([m.label, unit] + cells(r.summaries[k], unit: m.unit))
            }
            out += title + "\n" + t.render() + "\n"
        }
        if detail && r.catalog.measures.contains(where: { $0.family == .instance }) {
            var t = TextTable(columns: [("instance", .left), ("meetings/yr", .right), ("members", .right), ("present", .right),
                                        ("attendance", .right), ("h/yr", .right), ("no quorum/yr", .right), ("decisions/yr", .right)])
            for id in r.catalog.instanceIDs {
                func v(_ n: String) -> Summary { r.summary(.instance, n, group: id) ?? .empty }
                t.addRow([id, NumberFormat.fixed(v("meetingsPerYear").mean, digits: 1), NumberFormat.fixed(v("membersMean").mean, digits: 1),
                          NumberFormat.fixed(v("presentMean").mean, digits: 1), NumberFormat.fixed(v("attendanceRate").mean * 100, digits: 0) + " %",
                          NumberFormat.fixed(v("hoursPerYear").mean, digits: 0), NumberFormat.fixed(v("quorumFailuresPerYear").mean, digits: 2),
                          NumberFormat.fixed(v("decisionsPerYear").mean, digits: 1)])
            }
            out += "BY INSTANCE (means)\n" + t.render() + "\n"
        }
        if detail && !r.catalog.outsideTableIDs.isEmpty && r.catalog.measures.contains(where: { $0.family == .outsideTable }) {
            var t = TextTable(columns: [("territory's other table", .left), ("meetings/yr", .right), ("members", .right),
                                        ("attendance", .right), ("h/yr", .right)])
            for id in r.catalog.outsideTableIDs {
                func v(_ n: String) -> Summary { r.summary(.outsideTable, n, group: id) ?? .empty }
                t.addRow([id, NumberFormat.fixed(v("meetingsPerYear").mean, digits: 1), NumberFormat.fixed(v("membersMean").mean, digits: 1),
                          NumberFormat.fixed(v("attendanceRate").mean * 100, digits: 0) + " %", NumberFormat.fixed(v("hoursPerYear").mean, digits: 0)])
            }
            out += "OUTSIDE THE STRUCTURE (means)\n" + t.render() + "\n"
        }
        if detail && r.catalog.measures.contains(where: { $0.family == .issueKind }) {
            var k = TextTable(columns: [("issue kind", .left), ("issues/yr", .right), ("decided/yr", .right), ("mean days", .right),
                                        ("KM median days", .right), ("CIF median days", .right), ("p90 days", .right),
                                        ("in progress", .right), ("stuck", .right), ("dropped", .right)])
            for id in r.catalog.kindIDs {
                func v(_ n: String) -> Summary { r.summary(.issueKind, n, group: id) ?? .empty }
                func pct(_ n: String) -> String { NumberFormat.fixed(v(n).mean * 100, digits: 0) + " %" }
                k.addRow([id, NumberFormat.fixed(v("issuesPerYear").mean, digits: 1), NumberFormat.fixed(v("decisionsPerYear").mean, digits: 1),
                          NumberFormat.fixed(v("meanDaysDecided").mean, digits: 0), NumberFormat.fixed(v("medianDaysKM").mean, digits: 0),
                          NumberFormat.fixed(v("medianDaysCIF").mean, digits: 0), NumberFormat.fixed(v("p90Days").mean, digits: 0),
                          pct("inProgressShare"), pct("stuckShare"), pct("droppedShare")])
            }
            out += "BY ISSUE KIND (means)\n" + k.render()
        }
        if detail && r.catalog.measures.contains(where: { $0.family == .year }) {
            var y = TextTable(columns: [("year", .right), ("h/partner", .right), ("over capacity", .right), ("left", .right),
                                        ("decisions", .right), ("staff vacant", .right)])
            for id in r.catalog.yearIDs {
                func v(_ n: String) -> Summary { r.summary(.year, n, group: id) ?? .empty }
                func pct(_ n: String) -> String { NumberFormat.fixed(v(n).mean * 100, digits: 0) + " %" }
                y.addRow([id, NumberFormat.fixed(v("totalHoursPerPartner").mean, digits: 1), pct("hypersollicitedShare"), pct("leftShare"),
                          NumberFormat.fixed(v("decisions").mean, digits: 1), pct("staffVacancyShare")])
            }
            out += "\nBY YEAR OF THE RUN (means; year 1 starts at day 0, warm-up included)\n" + y.render()
        }
        return out
    }
}
