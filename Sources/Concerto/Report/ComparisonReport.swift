/// Structures side by side: table, tidy CSV and JSON of a comparison.
public enum ComparisonReport {
    static let method = "paired differences on common random numbers: replication r of each structure uses the same seed and replication index as replication r of the first; a difference is beyond noise when the 95% confidence interval of the mean paired difference excludes zero"

    static let methodFrench = "différences appariées sur nombres aléatoires communs : la réplication r de chaque structure utilise la même série aléatoire et le même indice de réplication que la réplication r de la première ; une différence dépasse le bruit quand l'intervalle de confiance à 95 % de la différence appariée moyenne exclut zéro"

    /// The structures side by side at the terminal, in French or English, fitted to `width`
    /// columns: structures are numbered [1], [2]… with a legend (id and name) above the tables,
    /// measures named by their label (wrapped when long), and as many structures per table as
    /// fit beside a label column of 22 characters; the others follow in further tables with
    /// the same rows.
    public static func table(_ c: ComparisonResult, _ loc: Localization = Localization(.en), width: Int = 100) -> String {
        let fr = loc.language == .fr
        let first = c.results[0]
        func wrapped(_ s: String, indent: String = "") -> String {
            TextTable.wrap(s, width: width - indent.count).map { indent + $0 }.joined(separator: "\n") + "\n"
        }
        let warm = ResultTable.warmUp(first.warmupYears, loc)
        var out = wrapped(fr ? "Comparaison de \(c.results.count) structures — \(first.settings.replications) réplications chacune\(warm), série aléatoire n° \(first.settings.seed)."
                             : "Comparison of \(c.results.count) structures — \(first.settings.replications) replications each\(warm), seed \(first.settings.seed).")
        out += wrapped(fr ? "Moyenne [IC 95 %]. * = diffère de la première structure au-delà du bruit (\(methodFrench))."
                          : "Mean [95% CI]. * = differs from the first structure beyond noise (\(method)).") + "\n"
        for (k, r) in c.results.enumerated() {
            let years = loc.number(r.years, digits: r.years == r.years.rounded() ? 0 : 2)
            out += wrapped("[\(k + 1)] \(r.scenarioID): \(r.scenarioName) (\(years) \(fr ? "an" : "year")\((fr ? r.years >= 2 : r.years != 1) ? "s" : ""))", indent: "  ")
        }
        out += "\n"
        // The cells, then how many structures fit beside a label column of at least 28 characters.
        var cells: [[String]] = Array(repeating: [], count: c.familyCount)
        for m in 0..<c.familyCount where MeasureFamily.structureFamilies.contains(first.catalog.measures[m].family) {
            let info = first.catalog.measures[m]
            let scale = info.unit == .share ? 100.0 : 1.0
            let d = info.unit == .share ? 1 : info.unit.digits
            for k in c.results.indices {
                let s = c.results[k].summaries[m]
                var cell = loc.number(s.mean * scale, digits: d) + " " + ResultTable.interval(s.ci95Low * scale, s.ci95High * scale, digits: d, loc)
                cell += c.beyondNoise(structure: k, measure: m) ? " *" : (k > 0 ? "  " : "")
                cells[m].append(cell)
            }
        }
        // Structures go into a table while a label column of 22 characters still fits beside them.
        let unitWidth = first.catalog.measures.prefix(c.familyCount).map { MeasureWording.unit($0.unit, loc.language).count }.max() ?? 4
        var blocks: [Range<Int>] = []
        var start = 0, used = 22 + 2 + unitWidth
        for k in c.results.indices {
            let w = 2 + max("[\(k + 1)]".count, cells.map { k < $0.count ? $0[k].count : 0 }.max() ?? 0)
            if k > start && used + w > width { blocks.append(start..<k); start = k; used = 22 + 2 + unitWidth }
            used += w
        }
        blocks.append(start..<c.results.count)
        for family in MeasureFamily.structureFamilies where first.catalog.measures.contains(where: { $0.family == family }) {
            out += ResultTable.familyTitle(family, loc) + "\n"
            for (b, block) in blocks.enumerated() {
                var columns: [(String, TextTable.Alignment)] = [(fr ? "mesure" : "measure", .left), (fr ? "unité" : "unit", .left)]
                for k in block { columns.append(("[\(k + 1)]", .right)) }
                var t = TextTable(columns: columns)
                for m in 0..<c.familyCount where first.catalog.measures[m].family == family {
                    let info = first.catalog.measures[m]
                    t.addRow([MeasureWording.label(info.definition, loc.language), MeasureWording.unit(info.unit, loc.language)] + block.map { cells[m][$0] })
                }
                if b > 0 { out += "\n" }
                out += t.render(width: width)
            }
            out += "\n"
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
