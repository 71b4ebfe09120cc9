/// Structures side by side: table, tidy CSV and JSON of a comparison.
public enum ComparisonReport {
    static let method = "paired differences on common random numbers: replication r of each structure uses the same seed and replication index as replication r of the first; a difference is beyond noise when the 95% confidence interval of the mean paired difference excludes zero"

    public static func table(_ c: ComparisonResult) -> String {
        let first = c.results[0]
        var out = "Comparison of \(c.results.count) structures — \(first.settings.replications) replications each, seed \(first.settings.seed).\n"
        out += "Mean [95% CI]. * = differs from the first structure beyond noise (\(method)).\n\n"
        for (k, r) in c.results.enumerated() { out += "  [\(k + 1)] \(r.scenarioID): \(r.scenarioName) (\(NumberFormat.fixed(r.years, digits: 0)) years)\n" }
        out += "\n"
        let titles: [(MeasureFamily, String)] = [(.hyperconcertation, "HYPERCONCERTATION"), (.latency, "DECISION LATENCY"), (.representativity, "REPRESENTATIVITY")]
        for (family, title) in titles where first.catalog.measures.contains(where: { $0.family == family }) {
            var columns: [(String, TextTable.Alignment)] = [("measure", .left), ("unit", .left)]
            for (k, r) in c.results.enumerated() { columns.append(("[\(k + 1)] \(r.scenarioID)", .right)) }
            var t = TextTable(columns: columns)
            for m in 0..<c.familyCount where first.catalog.measures[m].family == family {
                let info = first.catalog.measures[m]
                var row = [info.name, info.unit.display]
                for k in c.results.indices {
                    let s = c.results[k].summaries[m]
                    let scale = info.unit == .share ? 100.0 : 1.0
                    let d = info.unit == .share ? 1 : info.unit.digits
                    var cell = NumberFormat.fixed(s.mean * scale, digits: d) + " [" + NumberFormat.fixed(s.ci95Low * scale, digits: d) + ", " + NumberFormat.fixed(s.ci95High * scale, digits: d) + "]"
                    cell += c.beyondNoise(structure: k, measure: m) ? " *" : (k > 0 ? "  " : "")
                    row.append(cell)
                }
                t.addRow(row)
            }
            out += title + "\n" + t.render() + "\n"
        }
        return out
    }

    public static func csv(_ c: ComparisonResult) -> String {
        var w = CSVWriter(header: ["structure", "family", "measure", "unit", "statistic", "value"])
        for (k, r) in c.results.enumerated() {
            for m in 0..<c.familyCount {
                let info = r.catalog.measures[m]
                let s = r.summaries[m]
                var stats: [(String, Double)] = [("mean", s.mean), ("sd", s.sd), ("ci95_lo", s.ci95Low), ("ci95_hi", s.ci95High),
                                                 ("median", s.median), ("p90", s.p90), ("n", Double(s.n))]
                if k > 0 {
                    let d = c.differences[k - 1][m]
                    stats += [("diff_vs_first_mean", d.mean), ("diff_vs_first_ci95_lo", d.ci95Low), ("diff_vs_first_ci95_hi", d.ci95High),
                              ("beyond_noise", c.beyondNoise(structure: k, measure: m) ? 1 : 0)]
                }
                for (name, v) in stats { w.addRow([r.scenarioID, info.family.rawValue, info.name, info.unit.rawValue, name, NumberFormat.json(v)]) }
            }
        }
        return w.text
    }

    public static func json(_ c: ComparisonResult, provenance: Provenance? = nil) -> String {
        let first = c.results[0]
        var structures: [JSONValue] = []
        for (k, r) in c.results.enumerated() {
            var families: [(String, JSONValue)] = []
            for family in MeasureFamily.structureFamilies {
                var members: [(String, JSONValue)] = []
                for m in 0..<c.familyCount where r.catalog.measures[m].family == family {
                    var obj = ResultJSON.summary(r.summaries[m]).objectValue!
                    if k > 0 {
                        let d = c.differences[k - 1][m]
                        obj.append(("differenceToFirst", .object([("mean", ResultJSON.num(d.mean)), ("ci95", .array([ResultJSON.num(d.ci95Low), ResultJSON.num(d.ci95High)])),
                                                                   ("n", .number(Double(d.n))), ("beyondNoise", .bool(c.beyondNoise(structure: k, measure: m)))])))
                    }
                    members.append((r.catalog.measures[m].name, .object(obj)))
                }
                families.append((family.rawValue, .object(members)))
            }
            structures.append(.object([("scenario", .string(r.scenarioID)), ("name", .string(r.scenarioName)), ("years", .number(r.years)),
                                       ("warmupYears", .number(r.warmupYears)), ("measures", .object(families))]))
        }
        let v = JSONValue.object([("seed", .string(String(first.settings.seed))), ("replications", .number(Double(first.settings.replications))),
                                  ("method", .string(method)), ("structures", .array(structures))])
        return (provenance?.appended(to: v) ?? v).serialized(pretty: true) + "\n"
    }
}
