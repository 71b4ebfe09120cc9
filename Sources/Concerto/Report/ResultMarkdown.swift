/// A Markdown summary of a run or a comparison (`--format md`), for minutes and wikis: the three
/// families as tables, mean and 95% confidence interval per measure, in French or English
/// (`--lang`; measures named by their label, units as the terminal tables write them).
public enum ResultMarkdown {
    static func families(_ loc: Localization) -> [(MeasureFamily, String)] {
        loc.language == .fr
            ? [(.hyperconcertation, "Hyperconcertation — charge des partenaires"),
               (.latency, "Latence décisionnelle — de l'émergence à la décision finale"),
               (.representativity, "Représentativité — qui est présent quand on décide")]
            : [(.hyperconcertation, "Hyperconcertation — load on partners"),
               (.latency, "Decision latency — from emergence to final decision"),
               (.representativity, "Representativity — who is in the room when decisions are made")]
    }

    /// Escapes the characters that would break a Markdown table cell.
    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    static func value(_ s: Summary, unit: MeasureUnit, _ loc: Localization) -> String {
        let scale = unit == .share ? 100.0 : 1.0
        let d = unit == .share ? 1 : unit.digits
        return loc.number(s.mean * scale, digits: d) + " " + ResultTable.interval(s.ci95Low * scale, s.ci95High * scale, digits: d, loc)
    }

    static func years(_ y: Double, _ loc: Localization) -> String {
        loc.number(y, digits: y == y.rounded() ? 0 : 2) + (loc.language == .fr ? " an" : " year") + ((loc.language == .fr ? y >= 2 : y != 1) ? "s" : "")
    }

    /// One structure.
    public static func render(_ r: EnsembleResult, _ loc: Localization = Localization(.en)) -> String {
        let fr = loc.language == .fr
        var out = "# \(cell(r.scenarioName)) (`\(r.scenarioID)`)\n\n"
        out += fr ? "\(r.settings.replications) réplications × \(years(r.years, loc))\(ResultTable.warmUp(r.warmupYears, loc)), série aléatoire n° \(r.settings.seed). "
                  : "\(r.settings.replications) replications × \(years(r.years, loc))\(ResultTable.warmUp(r.warmupYears, loc)), seed \(r.settings.seed). "
        out += fr ? "Moyenne et intervalle de confiance à 95 % sur les réplications ; parts en %.\n"
                  : "Mean and 95% confidence interval over replications; shares in %.\n"
        for (family, title) in families(loc) where r.catalog.measures.contains(where: { $0.family == family }) {
            out += "\n## \(title)\n\n" + (fr ? "| Mesure | Unité | Moyenne [IC 95 %] | n |" : "| Measure | Unit | Mean [95% CI] | n |") + "\n|---|---|---:|---:|\n"
            for (k, m) in r.catalog.measures.enumerated() where m.family == family {
                out += "| \(cell(MeasureWording.label(m.definition, loc.language))) | \(cell(MeasureWording.unit(m.unit, loc.language))) | \(value(r.summaries[k], unit: m.unit, loc)) | \(r.summaries[k].n) |\n"
            }
        }
        return out
    }

    /// Structures side by side; `*` marks a difference to the first beyond noise.
    public static func comparison(_ c: ComparisonResult, _ loc: Localization = Localization(.en)) -> String {
        let fr = loc.language == .fr
        let first = c.results[0]
        var out = fr ? "# Comparaison de \(c.results.count) structures\n\n" : "# Comparison of \(c.results.count) structures\n\n"
        out += fr ? "\(first.settings.replications) réplications chacune\(ResultTable.warmUp(first.warmupYears, loc)), série aléatoire n° \(first.settings.seed), nombres aléatoires communs. "
                  : "\(first.settings.replications) replications each\(ResultTable.warmUp(first.warmupYears, loc)), seed \(first.settings.seed), common random numbers. "
        out += fr ? "Moyenne [IC 95 %] ; parts en % ; * = diffère de la première structure au-delà du bruit (l'IC 95 % apparié exclut zéro).\n\n"
                  : "Mean [95% CI]; shares in %; * = differs from the first structure beyond noise (paired 95% CI excludes zero).\n\n"
        for r in c.results { out += "- `\(r.scenarioID)`: \(cell(r.scenarioName)) (\(years(r.years, loc)))\n" }
        for (family, title) in families(loc) where first.catalog.measures.contains(where: { $0.family == family }) {
            out += "\n## \(title)\n\n" + (fr ? "| Mesure | Unité |" : "| Measure | Unit |") + c.results.map { " `\($0.scenarioID)` |" }.joined() + "\n"
            out += "|---|---|" + String(repeating: "---:|", count: c.results.count) + "\n"
            for m in 0..<c.familyCount where first.catalog.measures[m].family == family {
                let info = first.catalog.measures[m]
                out += "| \(cell(MeasureWording.label(info.definition, loc.language))) | \(cell(MeasureWording.unit(info.unit, loc.language))) |"
                for k in c.results.indices {
                    out += " " + value(c.results[k].summaries[m], unit: info.unit, loc) + (c.beyondNoise(structure: k, measure: m) ? " *" : "") + " |"
                }
                out += "\n"
            }
        }
        return out
    }
}
