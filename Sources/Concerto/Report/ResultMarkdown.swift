/// A Markdown summary of a run or a comparison (`--format md`), for minutes and wikis: the three
/// families as tables, mean and 95% confidence interval per measure.
public enum ResultMarkdown {
    static let families: [(MeasureFamily, String)] = [(.hyperconcertation, "Hyperconcertation — load on partners"),
                           (.latency, "Decision latency — from emergence to final decision"),
                           (.representativity, "Representativity — who is in the room when decisions are made")]

    /// Escapes the characters that would break a Markdown table cell.
    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    static func value(_ s: Summary, unit: MeasureUnit) -> String {
        let scale = unit == .share ? 100.0 : 1.0
        let d = unit == .share ? 1 : unit.digits
        return NumberFormat.fixed(s.mean * scale, digits: d) + " [" + NumberFormat.fixed(s.ci95Low * scale, digits: d) + ", "
            + NumberFormat.fixed(s.ci95High * scale, digits: d) + "]"
    }

    /// One structure.
    public static func render(_ r: EnsembleResult) -> String {
        var out = "# \(cell(r.scenarioName)) (`\(r.scenarioID)`)\n\n"
        out += "\(r.settings.replications) replications × \(NumberFormat.fixed(r.years, digits: 0)) years\(ResultTable.warmUp(r.warmupYears, Localization(.en))), seed \(r.settings.seed). "
        out += "Mean and 95% confidence interval over replications; shares in %.\n"
        for (family, title) in families where r.catalog.measures.contains(where: { $0.family == family }) {
            out += "\n## \(title)\n\n| Measure | Unit | Mean [95% CI] | n |\n|---|---|---:|---:|\n"
            for (k, m) in r.catalog.measures.enumerated() where m.family == family {
                out += "| \(cell(m.label)) | \(cell(m.unit.display)) | \(value(r.summaries[k], unit: m.unit)) | \(r.summaries[k].n) |\n"
            }
        }
        return out
    }

    /// Structures side by side; `*` marks a difference to the first beyond noise.
    public static func comparison(_ c: ComparisonResult) -> String {
        let first = c.results[0]
        var out = "# Comparison of \(c.results.count) structures\n\n"
        out += "\(first.settings.replications) replications each\(ResultTable.warmUp(first.warmupYears, Localization(.en))), seed \(first.settings.seed), common random numbers. "
        out += "Mean [95% CI]; shares in %; * = differs from the first structure beyond noise (paired 95% CI excludes zero).\n\n"
        for r in c.results { out += "- `\(r.scenarioID)`: \(cell(r.scenarioName)) (\(NumberFormat.fixed(r.years, digits: 0)) years)\n" }
        for (family, title) in families where first.catalog.measures.contains(where: { $0.family == family }) {
            out += "\n## \(title)\n\n| Measure | Unit |" + c.results.map { " `\($0.scenarioID)` |" }.joined() + "\n"
            out += "|---|---|" + String(repeating: "---:|", count: c.results.count) + "\n"
            for m in 0..<c.familyCount where first.catalog.measures[m].family == family {
                let info = first.catalog.measures[m]
                out += "| \(cell(info.label)) | \(cell(info.unit.display)) |"
                for k in c.results.indices {
                    out += " " + value(c.results[k].summaries[m], unit: info.unit) + (c.beyondNoise(structure: k, measure: m) ? " *" : "") + " |"
                }
                out += "\n"
            }
        }
        return out
    }
}
