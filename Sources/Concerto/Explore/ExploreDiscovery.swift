import Foundation

/// Scenario discovery: where in the uncertainty space a ranking flips or a structure misses a
/// planner's threshold, as PRIM boxes read in plain French and English.
///
/// The cases searched:
/// - for every outcome with a direction and every pair of structures, the points where the
///   structure that wins *less often* beats the other (strictly better mean): where the usual
///   ranking flips. When both win equally often the later structure is the subject. Two
///   structures that never differ (identical under common random numbers) give no case, hence
///   no box;
/// - for every structure and every threshold, the points where it misses it, and, with several
///   thresholds, where it misses at least one.
/// PRIM runs with its defaults (peel α 0.05, minimum mass 0.05, density at least 0.8 and 0.1
/// above the base rate, best F1 step, chance check by 99 shuffles seeded by the exploration's
/// seed, restrictions kept at quasi-p ≤ 0.05).
public struct ExploreDiscovery: Sendable {
    public struct Case: Sendable {
        /// `beats` or `misses`.
        public let kind: String
        public let measure: String
        public let subject: String
        /// The other structure (`beats`), or the threshold (`misses`).
        public let object: String
        public let sentenceFr: String
        public let sentenceEn: String
        public let result: PRIMResult?
        /// Why PRIM did not run (undefined values), or nil.
        public let skipped: String?
        /// Points searched.
        public let points: Int
    }

    public let cases: [Case]
    let parameterNames: [String]

    public init(_ a: ExploreAnalysis, prim: PRIM? = nil) {
        let prim = prim ?? PRIM(seed: a.seed)
        let params = a.uncertainties.map { u in
            PRIMParameter(name: u.path, lower: u.distribution.support.lowerBound, upper: u.distribution.support.upperBound,
                          isDiscrete: u.whole || { if case .discrete = u.distribution { return true }; return false }())
        }
        parameterNames = params.map(\.name)
        let design = try? PRIMDesign(parameters: params, points: a.values)
        let words = BoxDescription(wordings: Dictionary(uniqueKeysWithValues: a.uncertainties.map { ($0.path, ExploreWording.parameter($0.path, whole: $0.whole)) }))
        let names = a.structureShortNames
        let ns = names.count
        var cases: [Case] = []

        func search(kind: String, measure: String, subject: Int, object: String, fr: String, en: String, outcome: [Bool?]) {
            var skipped: String? = nil
            var result: PRIMResult? = nil
            let undefined = outcome.filter { $0 == nil }.count
            if undefined > 0 { skipped = "undefined at \(undefined) of \(outcome.count) points" }
            else if let design { result = try? prim.find(in: design, outcome: outcome.map { $0! }) }
            else { skipped = "the design could not be read" }
            var sFr = fr, sEn = en
            if let box = result?.box {
                sFr = words.sentence(subject: fr, box: box, language: .fr)
                sEn = words.sentence(subject: en, box: box, language: .en)
            }
            cases.append(Case(kind: kind, measure: measure, subject: a.structureIDs[subject], object: object,
                              sentenceFr: sFr, sentenceEn: sEn, result: result, skipped: skipped, points: outcome.count))
        }

        for (o, measure) in a.outcomes.enumerated() {
            guard let dir = MeasureDirection.of(measure) else { continue }
            for i in 0..<ns {
                for j in (i + 1)..<Swift.max(i + 1, ns) {
                    let iBeats: [Bool?] = (0..<a.pointCount).map { p in
                        let x = a.means[o][p][i], y = a.means[o][p][j]
                        return x.isFinite && y.isFinite ? dir.better(x, than: y) : nil
                    }
                    let jBeats: [Bool?] = (0..<a.pointCount).map { p in
                        let x = a.means[o][p][i], y = a.means[o][p][j]
                        return x.isFinite && y.isFinite ? dir.better(y, than: x) : nil
                    }
                    let wi = iBeats.filter { $0 == true }.count, wj = jBeats.filter { $0 == true }.count
                    let (s, t, outcome) = wi < wj ? (i, j, iBeats) : (j, i, jBeats)
                    search(kind: "beats", measure: measure, subject: s, object: a.structureIDs[t],
                           fr: ExploreWording.beats(names[s], names[t], measure: measure, language: .fr),
                           en: ExploreWording.beats(names[s], names[t], measure: measure, language: .en), outcome: outcome)
                }
            }
        }
        if !a.thresholds.isEmpty {
            let targets: [Threshold?] = a.thresholds.map { $0 } + (a.thresholds.count > 1 ? [nil] : [])
            for s in 0..<ns {
                for t in targets {
                    let misses: [Bool] = (0..<a.pointCount).map { p in
                        let list = t.map { [$0] } ?? a.thresholds
                        return !list.allSatisfy { th in
                            guard let o = a.outcomes.firstIndex(of: th.measure) else { return false }
                            return th.satisfied(by: a.means[o][p][s])
                        }
                    }
                    search(kind: "misses", measure: t?.measure ?? "all", subject: s, object: t?.description ?? "all thresholds",
                           fr: ExploreWording.misses(names[s], t, language: .fr), en: ExploreWording.misses(names[s], t, language: .en),
                           outcome: misses)
                }
            }
        }
        self.cases = cases
    }

    /// Why a case has no box, in words.
    public static func reason(_ c: Case) -> String {
        if let s = c.skipped { return s }
        guard let r = c.result else { return "" }
        switch r.noBox {
        case .noCaseOfInterest?: return "never happens"
        case .everyPointIsACase?: return "happens everywhere"
        case .notDenseEnough(let d)?: return "no box dense enough (best density \(NumberFormat.json((d * 1000).rounded() / 1000)))"
        case .notBetterThanChance(let p)?: return "no better than chance (p = \(NumberFormat.json(p)))"
        case nil: return ""
        }
    }

    /// `discovery.csv`: one row per case: how often it happens, the box (coverage, density,
    /// mass, chance p-value, each parameter's limits, empty when unrestricted) and its sentences,
    /// or why there is none.
    public func csv() -> String {
        let n = ExploreAnalysis.number
        var w = CSVWriter(header: ["case", "kind", "measure", "subject", "object", "points", "cases", "base_rate", "box", "coverage", "density", "mass",
                                   "chance_p", "restricted"] + parameterNames.flatMap { ["\($0)_lo", "\($0)_hi"] } + ["sentence_fr", "sentence_en", "no_box_reason"])
        for (k, c) in cases.enumerated() {
            let r = c.result
            var row = [String(k + 1), c.kind, c.measure, c.subject, c.object, String(c.points), r.map { String($0.cases) } ?? "",
                       r.map { n($0.baseRate) } ?? "", r?.box != nil ? "1" : "0"]
            if let b = r?.box {
                row += [n(b.coverage), n(b.density), n(b.mass), r?.chanceP.map(n) ?? "", b.restrictions.map(\.parameter.name).joined(separator: ";")]
                for name in parameterNames {
                    let x = b.restriction(name)
                    row += [x?.lower.map(n) ?? "", x?.upper.map(n) ?? ""]
                }
            } else {
                row += ["", "", "", "", ""] + parameterNames.flatMap { _ in ["", ""] }
            }
            row += [c.sentenceFr, c.sentenceEn, r?.box == nil ? Self.reason(c) : ""]
            w.addRow(row)
        }
        return w.text
    }

    /// `discovery-trajectories.csv`: every case's peeling trajectory (its number first).
    public func trajectoriesCSV() -> String {
        var header: [String]? = nil
        var rows: [[String]] = []
        for (k, c) in cases.enumerated() {
            guard let r = c.result else { continue }
            if header == nil { header = ["case"] + r.trajectoryHeader }
            for row in r.trajectoryRows() { rows.append([String(k + 1)] + row) }
        }
        var w = CSVWriter(header: header ?? ["case", "step", "coverage", "density", "mass", "points", "cases", "restricted", "dimensions", "candidate"])
        for row in rows { w.addRow(row) }
        return w.text
    }

    /// `discovery.md`: the boxes found, in French then English, and the cases without one.
    public func markdown() -> String {
        func pct(_ x: Double) -> String { String(Int((x * 100).rounded())) }
        var out = "# Découverte de scénarios / Scenario discovery\n\n"
        let found = cases.enumerated().filter { $0.element.result?.box != nil }
        out += "## Français\n\n"
        if found.isEmpty { out += "Aucune région de l'espace n'explique un renversement ni un seuil manqué.\n\n" }
        for (k, c) in found {
            let b = c.result!.box!
            out += "- (\(k + 1)) \(c.sentenceFr) : couverture \(pct(b.coverage)) %, densité \(pct(b.density)) % (\(b.cases) des \(c.result!.cases) cas, \(b.points) points).\n"
        }
        out += "\n## English\n\n"
        if found.isEmpty { out += "No region of the space explains a flip or a missed threshold.\n\n" }
        for (k, c) in found {
            let b = c.result!.box!
            out += "- (\(k + 1)) \(c.sentenceEn): coverage \(pct(b.coverage))%, density \(pct(b.density))% (\(b.cases) of \(c.result!.cases) cases, \(b.points) points).\n"
        }
        out += "\n## Sans boîte / No box\n\n"
        for (k, c) in cases.enumerated() where c.result?.box == nil {
            out += "- (\(k + 1)) \(c.sentenceEn): \(Self.reason(c))\n"
        }
        return out
    }
}
