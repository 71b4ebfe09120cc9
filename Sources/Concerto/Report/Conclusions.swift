/// The report's conclusions (« ce que la simulation permet de conclure »): for each headline
/// measure, which structure is highest or lowest and by how much, stated only where the paired
/// difference on common random numbers has a 95% confidence interval that excludes zero;
/// otherwise « aucune différence détectable avec N réplications ».
public enum Conclusions {
    /// A measure the conclusions speak of: its catalog name, its label, the sentence saying
    /// "{0} is higher than {2} by {1} (95% CI {3}–{4})", and the scale of its differences.
    public struct Measure: Sendable {
        public var name: String
        public var label: L10n
        public var higher: L10n
        public var scale: Double
        public var digits: Int
    }

    /// By family: hyperconcertation, latency (per-replication Kaplan–Meier median), representativity.
    public static let families: [(L10n, [Measure])] = [
        (.hyperconcertationFamily, [Measure(name: "hoursPerPartnerYear", label: .hoursPerPartner, higher: .conclHoursHigher, scale: 1, digits: 1),
                                    Measure(name: "totalHoursPerPartnerYear", label: .totalHoursPerPartner, higher: .conclTotalHoursHigher, scale: 1, digits: 1),
                                    Measure(name: "hypersollicitedShare", label: .hypersollicited, higher: .conclHypersollicitedHigher, scale: 100, digits: 1)]),
        (.latencyFamily, [Measure(name: "medianDaysKM", label: .medianDays, higher: .conclLatencyHigher, scale: 1, digits: 1)]),
        (.representativityFamily, [Measure(name: "sectorGallagher", label: .gallagher, higher: .conclGallagherHigher, scale: 1, digits: 1)]),
    ]

    /// What is said about one measure: the ranking line, the order of all structures from
    /// highest to lowest with « > » between neighbours beyond noise and « ≈ » between neighbours
    /// without a detectable difference (empty when the means are unknown), then one sentence
    /// per pair of structures.
    public struct Statement: Sendable, Equatable {
        public var ranking: String
        public var chain: String
        public var pairs: [String]
    }

    /// The statement for one measure among `ids.count` structures; `difference(a, b)` is the
    /// paired summary of (structure b − structure a), nil when unknown.
    /// `means[i]` orders the chain (with common random numbers, the mean paired difference of
    /// two structures is the difference of their means, so the order agrees with the signs).
    public static func statement(_ measure: Measure, ids: [String], replications: Int, means: [Double] = [],
                                 difference: (Int, Int) -> Summary?, _ loc: Localization) -> Statement {
        let k = ids.count
        func significant(_ a: Int, _ b: Int) -> Summary? {
            guard let d = difference(a, b), ComparisonResult.excludesZero(d) else { return nil }
            return d
        }
        // Highest: above every other beyond noise; lowest: below every other beyond noise.
        let highest = (0..<k).first { i in (0..<k).allSatisfy { j in j == i || (significant(j, i)?.mean ?? 0) > 0 } }
        let lowest = (0..<k).first { i in (0..<k).allSatisfy { j in j == i || (significant(j, i)?.mean ?? 0) < 0 } }
        var parts: [String] = []
        if let h = highest { parts.append(loc.format(.conclHighest, ids[h])) }
        if let l = lowest { parts.append(loc.format(.conclLowest, ids[l])) }
        let ranking = loc(measure.label) + " — " + (parts.isEmpty ? loc(.conclNoRanking) : parts.joined(separator: loc.language == .fr ? " ; " : "; "))
        var pairs: [String] = []
        for a in 0..<k {
            for b in (a + 1)..<Swift.max(a + 1, k) {
                if let d = significant(a, b) {
                    let (hi, lo, m, l, u) = d.mean > 0 ? (b, a, d.mean, d.ci95Low, d.ci95High) : (a, b, -d.mean, -d.ci95High, -d.ci95Low)
                    func n(_ x: Double) -> String { loc.number(x * measure.scale, digits: measure.digits) }
                    pairs.append(elided(loc.format(measure.higher, ids[hi], n(m), ids[lo], n(l), n(u)), loc))
                } else {
                    pairs.append(elided(loc.format(.conclNoDifference, ids[a], ids[b], String(replications)), loc))
                }
            }
        }
        var chain = ""
        if means.count == k, means.allSatisfy(\.isFinite), k > 1 {
            let order = (0..<k).sorted { means[$0] != means[$1] ? means[$0] > means[$1] : $0 < $1 }
            chain = ids[order[0]]
            for (a, b) in zip(order, order.dropFirst()) {
                chain += (significant(a, b) != nil ? " > " : " ≈ ") + ids[b]
            }
        }
        return Statement(ranking: ranking, chain: chain, pairs: pairs)
    }

    /// The statements of a comparison, by family (empty for a single structure).
    public static func statements(_ c: ComparisonResult, _ loc: Localization) -> [(L10n, [Statement])] {
        guard c.results.count > 1 else { return [] }
        let catalog = c.results[0].catalog
        let ids = c.results.map { $0.scenarioShortName.isEmpty ? $0.scenarioName : $0.scenarioShortName }
        return families.compactMap { family, measures in
            let said = measures.compactMap { measure -> Statement? in
                guard let m = catalog.measures.indices.first(where: { $0 < c.familyCount && catalog.measures[$0].name == measure.name }) else { return nil }
                return statement(measure, ids: ids, replications: c.results[0].settings.replications,
                                 means: c.results.map { $0.summaries[m].mean },
                                 difference: { a, b in c.difference(a, b, measure: m) }, loc)
            }
            return said.isEmpty ? nil : (family, said)
        }
    }

    /// The conclusions section (XHTML): statements, then the main assumptions and where to test them.
    public static func html(_ c: ComparisonResult?, _ loc: Localization) -> String {
        guard let c, c.results.count > 1 else {
            return "<section id=\"conclusions\">\n<h2>" + SVG.escape(loc(.assumptionsHeading)) + "</h2>\n<p>" + SVG.escape(loc(.assumptionsText)) + "</p>\n</section>\n"
        }
        var h = "<section id=\"conclusions\">\n<h2>" + SVG.escape(loc(.conclusionsHeading)) + "</h2>\n"
        do {
            h += "<p class=\"note\">" + SVG.escape(loc.format(.conclusionsMethod, String(c.results[0].settings.replications))) + "</p>\n"
            let k = c.results.count
            if k > 2 { h += "<p class=\"note\">" + SVG.escape(loc(.conclChainNote)) + "</p>\n" }
            for (family, statements) in statements(c, loc) {
                h += "<h3>" + SVG.escape(loc(family)) + "</h3>\n<ul class=\"conclusions\">\n"
                for s in statements {
                    h += "<li><strong>" + SVG.escape(s.ranking) + "</strong>"
                    if k > 2 && !s.chain.isEmpty {
                        h += "<br/><span class=\"chain\">" + SVG.escape(loc(.conclChainLabel)) + (loc.language == .fr ? " : " : ": ") + SVG.escape(s.chain) + "</span>"
                    }
                    h += "\n"
                    // Every pair with the size of its difference; folded away beyond three structures
                    // (the ranking above already says what holds), open for two or three.
                    if k > 3 { h += "<details class=\"pairs\"><summary>" + SVG.escape(loc.format(.conclPairsSummary, String(s.pairs.count))) + "</summary>\n" }
                    h += "<ul>\n"
                    for p in s.pairs { h += "<li>" + SVG.escape(p) + "</li>\n" }
                    h += "</ul>" + (k > 3 ? "</details>" : "") + "</li>\n"
                }
                h += "</ul>\n"
            }
        }
        h += "<p><strong>" + SVG.escape(loc(.assumptionsHeading)) + ".</strong> " + SVG.escape(loc(.assumptionsText)) + "</p>\n</section>\n"
        return h
    }

    /// French elision before a name starting with a vowel: « que ORBITE » → « qu'ORBITE ».
    static func elided(_ s: String, _ loc: Localization) -> String {
        guard loc.language == .fr else { return s }
        let vowels = Set("AEIOUYÀÂÉÈÊËÎÏÔÛÙaeiouyàâéèêëîïôûù")
        var out = "", rest = Substring(s)
        while let r = rest.range(of: "que ") {
            let before = rest[..<r.lowerBound]
            let boundary = before.isEmpty ? (out.isEmpty || out.last == " ") : before.last == " "
            if boundary, let next = rest[r.upperBound...].first, vowels.contains(next) {
                out += before + "qu'"
            } else {
                out += rest[..<r.upperBound]
            }
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
