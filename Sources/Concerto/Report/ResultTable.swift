/// What a planner reads in a terminal: the three families with units and 95% confidence
/// intervals, then the breakdowns, in French or English, fitted to `width` columns (100 by
/// default): measures are named by their label, not their id, and a label too long for its
/// column wraps onto continuation lines; column titles wrap at their spaces.
public enum ResultTable {
    /// Mean, 95% CI, median, p90 and n of a summary, in the table's language (shares in %).
    static func cells(_ s: Summary, unit: MeasureUnit, _ loc: Localization) -> [String] {
        let scale = unit == .share ? 100.0 : 1.0
        let d = unit == .share ? 1 : unit.digits
        func n(_ x: Double) -> String { loc.number(x * scale, digits: d) }
        let mean = n(s.mean) + (unit == .share ? (loc.language == .fr ? Localization.thinSpace + "%" : " %") : "")
        return [mean, interval(s.ci95Low * scale, s.ci95High * scale, digits: d, loc), n(s.median), n(s.p90), String(s.n)]
    }

    /// "[1.5, 2.5]" (en) or "[1,5 ; 2,5]" (fr: the semicolon separates numbers written with a
    /// decimal comma).
    static func interval(_ lo: Double, _ hi: Double, digits: Int, _ loc: Localization) -> String {
        "[" + loc.number(lo, digits: digits) + (loc.language == .fr ? " ; " : ", ") + loc.number(hi, digits: digits) + "]"
    }

    /// The header: structure, replications, horizon and warm-up, seed, and what the columns are.
    static func header(_ r: EnsembleResult, _ loc: Localization, width: Int) -> String {
        let fr = loc.language == .fr
        let years = loc.number(r.years, digits: r.years == r.years.rounded() ? 0 : 2)
        // French makes plural from 2 (« 1,5 an »), English from anything but 1 ("1.5 years").
        var s = fr ? "\(r.settings.replications) réplications × \(years) an\(r.years >= 2 ? "s" : "")" : "\(r.settings.replications) replications × \(years) year\(r.years != 1 ? "s" : "")"
        s += warmUp(r.warmupYears, loc)
        s += fr ? ", série aléatoire n° \(r.settings.seed). Moyenne, intervalle de confiance à 95 %, médiane et 90e centile sur les réplications."
                : ", seed \(r.settings.seed). Mean, 95% confidence interval, median and p90 over replications."
        return TextTable.wrap("\(r.scenarioName) (\(r.scenarioID))", width: width).joined(separator: "\n") + "\n"
            + TextTable.wrap(s, width: width).joined(separator: "\n") + "\n"
    }

    /// " after 1 warm-up year (not measured)" / " après 1 an de mise en route (non mesurée)"; "" without warm-up.
    public static func warmUp(_ warmupYears: Double, _ loc: Localization) -> String {
        guard warmupYears > 0 else { return "" }
        let w = loc.number(warmupYears, digits: warmupYears == warmupYears.rounded() ? 0 : 2)
        if loc.language == .fr { return " après \(w) an\(warmupYears >= 2 ? "s" : "") de mise en route (non mesurée)" }
        return " after \(w) warm-up year\(warmupYears != 1 ? "s" : "") (not measured)"
    }

    /// The families' titles at the terminal.
    static func familyTitle(_ f: MeasureFamily, _ loc: Localization) -> String {
        let fr = loc.language == .fr
        switch f {
        case .hyperconcertation: return fr ? "HYPERCONCERTATION — charge des partenaires" : "HYPERCONCERTATION — load on partners"
        case .latency: return fr ? "LATENCE DÉCISIONNELLE — de l'émergence à la décision finale" : "DECISION LATENCY — from emergence to final decision"
        case .representativity: return fr ? "REPRÉSENTATIVITÉ — qui est présent quand on décide" : "REPRESENTATIVITY — who is in the room when decisions are made"
        default: return f.rawValue
        }
    }

    public static func render(_ r: EnsembleResult, detail: Bool = true, _ loc: Localization = Localization(.en), width: Int = 100) -> String {
        let fr = loc.language == .fr
        let lang = loc.language
        var out = header(r, loc, width: width) + "\n"
        for family in MeasureFamily.structureFamilies where r.catalog.measures.contains(where: { $0.family == family }) {
            var t = TextTable(columns: fr ? [("mesure", .left), ("unité", .left), ("moyenne", .right), ("IC 95 %", .right), ("médiane", .right), ("p90", .right), ("n", .right)]
                                          : [("measure", .left), ("unit", .left), ("mean", .right), ("95% CI", .right), ("median", .right), ("p90", .right), ("n", .right)])
            for (k, m) in r.catalog.measures.enumerated() where m.family == family {
                t.addRow([MeasureWording.label(m.definition, lang), MeasureWording.unit(m.unit, lang)] + cells(r.summaries[k], unit: m.unit, loc))
            }
            out += familyTitle(family, loc) + "\n" + t.render(width: width) + "\n"
        }
        func pct(_ x: Double) -> String { loc.number(x * 100, digits: 0) + (fr ? Localization.thinSpace + "%" : " %") }
        func num(_ x: Double, _ d: Int) -> String { loc.number(x, digits: d) }
        if detail && r.catalog.measures.contains(where: { $0.family == .instance }) {
            var t = TextTable(columns: fr ? [("instance", .left), ("réunions par an", .right), ("membres", .right), ("présents", .right),
                                             ("présence", .right), ("heures par an", .right), ("sans quorum par an", .right), ("décisions par an", .right)]
                                          : [("body", .left), ("meetings per year", .right), ("members", .right), ("present", .right),
                                             ("attendance", .right), ("hours per year", .right), ("no quorum per year", .right), ("decisions per year", .right)])
            for id in r.catalog.instanceIDs {
                func v(_ n: String) -> Summary { r.summary(.instance, n, group: id) ?? .empty }
                t.addRow([r.bodyName(id), num(v("meetingsPerYear").mean, 1), num(v("membersMean").mean, 1),
                          num(v("presentMean").mean, 1), pct(v("attendanceRate").mean),
                          num(v("hoursPerYear").mean, 0), num(v("quorumFailuresPerYear").mean, 2),
                          num(v("decisionsPerYear").mean, 1)])
            }
            out += (fr ? "PAR INSTANCE (moyennes)" : "BY BODY (means)") + "\n" + t.render(width: width) + "\n"
        }
        if detail && !r.catalog.outsideTableIDs.isEmpty && r.catalog.measures.contains(where: { $0.family == .outsideTable }) {
            var t = TextTable(columns: fr ? [("autre table du territoire", .left), ("réunions par an", .right), ("membres", .right), ("présence", .right), ("heures par an", .right)]
                                          : [("territory's other table", .left), ("meetings per year", .right), ("members", .right), ("attendance", .right), ("hours per year", .right)])
            for id in r.catalog.outsideTableIDs {
                func v(_ n: String) -> Summary { r.summary(.outsideTable, n, group: id) ?? .empty }
                t.addRow([r.bodyName(id), num(v("meetingsPerYear").mean, 1), num(v("membersMean").mean, 1),
                          pct(v("attendanceRate").mean), num(v("hoursPerYear").mean, 0)])
            }
            out += (fr ? "HORS DE LA STRUCTURE (moyennes)" : "OUTSIDE THE STRUCTURE (means)") + "\n" + t.render(width: width) + "\n"
        }
        if detail && r.catalog.measures.contains(where: { $0.family == .issueKind }) {
            var k = TextTable(columns: fr ? [("type d'enjeu", .left), ("enjeux par an", .right), ("décidés par an", .right), ("jours moyens", .right),
                                             ("jours médians KM", .right), ("jours médians CIF", .right), ("jours p90", .right),
                                             ("en cours", .right), ("bloqués", .right), ("abandonnés", .right)]
                                          : [("issue kind", .left), ("issues per year", .right), ("decided per year", .right), ("mean days", .right),
                                             ("KM median days", .right), ("CIF median days", .right), ("p90 days", .right),
                                             ("in progress", .right), ("stuck", .right), ("dropped", .right)])
            for id in r.catalog.kindIDs {
                func v(_ n: String) -> Summary { r.summary(.issueKind, n, group: id) ?? .empty }
                k.addRow([r.kindName(id), num(v("issuesPerYear").mean, 1), num(v("decisionsPerYear").mean, 1),
                          num(v("meanDaysDecided").mean, 0), num(v("medianDaysKM").mean, 0),
                          num(v("medianDaysCIF").mean, 0), num(v("p90Days").mean, 0),
                          pct(v("inProgressShare").mean), pct(v("stuckShare").mean), pct(v("droppedShare").mean)])
            }
            out += (fr ? "PAR TYPE D'ENJEU (moyennes ; KM : Kaplan–Meier, CIF : incidence cumulée)" : "BY ISSUE KIND (means; KM: Kaplan–Meier, CIF: cumulative incidence)")
                + "\n" + k.render(width: width)
        }
        if detail && r.catalog.measures.contains(where: { $0.family == .year }) {
            var y = TextTable(columns: fr ? [("année", .right), ("heures par partenaire", .right), ("au-delà de la capacité", .right), ("partis", .right),
                                             ("décisions", .right), ("personnel vacant", .right)]
                                          : [("year", .right), ("hours per partner", .right), ("over capacity", .right), ("left", .right),
                                             ("decisions", .right), ("staff vacant", .right)])
            for id in r.catalog.yearIDs {
                func v(_ n: String) -> Summary { r.summary(.year, n, group: id) ?? .empty }
                y.addRow([id, num(v("totalHoursPerPartner").mean, 1), pct(v("hypersollicitedShare").mean), pct(v("leftShare").mean),
                          num(v("decisions").mean, 1), pct(v("staffVacancyShare").mean)])
            }
            let title = fr ? "PAR ANNÉE DE LA SIMULATION (moyennes ; l'année 1 commence au jour 0, mise en route comprise)"
                           : "BY YEAR OF THE RUN (means; year 1 starts at day 0, warm-up included)"
            out += "\n" + TextTable.wrap(title, width: width).joined(separator: "\n") + "\n" + y.render(width: width, wrap: 99)
        }
        return out
    }
}
