import XCTest
@testable import Concerto

final class ReportConclusionsTests: XCTestCase {
    static let hours = Conclusions.families[0].1[0]

    static func diff(mean: Double, low: Double, high: Double, n: Int = 50) -> Summary {
        Summary(n: n, mean: mean, sd: 1, ci95Low: low, ci95High: high, median: mean, p90: .nan)
    }

    /// Two structures whose difference (B − A) is `d`.
    static func statement(_ d: Summary, _ lang: ReportLanguage = .fr) -> Conclusions.Statement {
        Conclusions.statement(hours, ids: ["A", "B"], replications: 50, difference: { a, b in
            a == 0 && b == 1 ? d : a == 1 && b == 0 ? ComparisonResult.negated(d) : nil
        }, Localization(lang))
    }

    func testCIIncludingZeroIsNeverStatedAsADifference() {
        for d in [Self.diff(mean: 2.0, low: -0.4, high: 4.4), Self.diff(mean: -1.5, low: -3.0, high: 0.1), Self.diff(mean: 0, low: 0, high: 0)] {
            let fr = Self.statement(d, .fr), en = Self.statement(d, .en)
            XCTAssertEqual(fr.pairs, ["Entre A et B : aucune différence détectable avec 50 réplications."])
            XCTAssertEqual(en.pairs, ["Between A and B: no detectable difference with 50 replications."])
            XCTAssertFalse(fr.ranking.contains("le plus élevé"), fr.ranking)
            XCTAssertFalse(fr.ranking.contains("le plus bas"), fr.ranking)
            XCTAssertTrue(en.ranking.contains("no structure stands apart"), en.ranking)
        }
        // A single replication has no interval: nothing can be concluded either.
        XCTAssertTrue(Self.statement(Self.diff(mean: 9, low: 9, high: 9, n: 1)).pairs[0].contains("aucune différence détectable"))
    }

    func testCIExcludingZeroNamesTheDirectionAndTheSize() {
        // B − A = +4.2 [3.1, 5.3]: B asks more than A.
        let up = Self.statement(Self.diff(mean: 4.2, low: 3.1, high: 5.3))
        // « qu'A »: French elides « que » before a vowel (« qu'ORBITE »).
        XCTAssertEqual(up.pairs, ["B demande 4,2 h de plus par partenaire et par an qu'A (IC 95 % 3,1 à 5,3)."])
        XCTAssertTrue(up.ranking.hasSuffix("le plus élevé : B ; le plus bas : A"), up.ranking)
        // B − A = −4.2 [−5.3, −3.1]: A asks more than B, same size and interval.
        let down = Self.statement(Self.diff(mean: -4.2, low: -5.3, high: -3.1), .en)
        XCTAssertEqual(down.pairs, ["A asks 4.2 h more per partner per year than B (95% CI 3.1 to 5.3)."])
        XCTAssertTrue(down.ranking.hasSuffix("highest: A; lowest: B"), down.ranking)
    }

    func testHighestOnlyWhenBeyondNoiseAgainstEveryOther() {
        // C is above A beyond noise, but not above B: no "highest"; A is below both: "lowest".
        let d: [String: Summary] = ["01": Self.diff(mean: 5, low: 4, high: 6), "02": Self.diff(mean: 6, low: 5, high: 7), "12": Self.diff(mean: 1, low: -1, high: 3)]
        let st = Conclusions.statement(Self.hours, ids: ["A", "B", "C"], replications: 20, difference: { a, b in
            a < b ? d["\(a)\(b)"] : d["\(b)\(a)"].map(ComparisonResult.negated)
        }, Localization(.fr))
        XCTAssertFalse(st.ranking.contains("le plus élevé"), st.ranking)
        XCTAssertTrue(st.ranking.hasSuffix("le plus bas : A"), st.ranking)
        XCTAssertEqual(st.pairs.count, 3)
        XCTAssertEqual(st.pairs[2], "Entre B et C : aucune différence détectable avec 20 réplications.")
    }

    /// The ranking chain: « > » only between neighbours whose paired CI excludes zero, « ≈ »
    /// otherwise, in the order of the means, for random configurations of four structures.
    func testChainSaysBeyondNoiseOnlyWhereTheCIExcludesZero() {
        var rng = SplitMix(seed: 11)
        for _ in 0..<300 {
            let means = (0..<4).map { _ in Double(rng.next() % 1000) / 10 }
            let halfWidths = (0..<4).map { _ in Double(rng.next() % 400) / 10 }
            // Paired difference b − a: the difference of means, half-width from both.
            func diff(_ a: Int, _ b: Int) -> Summary? {
                guard a != b else { return nil }
                let m = means[b] - means[a], w = (halfWidths[a] + halfWidths[b]) / 2
                return Self.diff(mean: m, low: m - w, high: m + w)
            }
            let ids = ["A", "B", "C", "D"]
            let st = Conclusions.statement(Self.hours, ids: ids, replications: 30, means: means, difference: diff, Localization(.fr))
            let order = (0..<4).sorted { means[$0] != means[$1] ? means[$0] > means[$1] : $0 < $1 }
            var expected = ids[order[0]]
            for (a, b) in zip(order, order.dropFirst()) {
                let d = diff(a, b)!
                expected += (d.ci95Low > 0 || d.ci95High < 0 ? " > " : " ≈ ") + ids[b]
            }
            XCTAssertEqual(st.chain, expected)
            // Never a « > » between two neighbours whose interval contains zero.
            for (a, b) in zip(order, order.dropFirst()) where diff(a, b)!.ci95Low <= 0 && diff(a, b)!.ci95High >= 0 {
                XCTAssertFalse(st.chain.contains(ids[a] + " > " + ids[b]), st.chain)
            }
        }
        // Unknown means: no chain rather than a wrong one.
        XCTAssertEqual(Conclusions.statement(Self.hours, ids: ["A", "B"], replications: 5, means: [.nan, 1], difference: { _, _ in nil }, Localization(.fr)).chain, "")
    }

    /// A tiny deterministic generator for the test above.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    func testEveryPairIsThePairedDifference() throws {
        let structures = try ["sept-rivieres", "orbite", "charlevoix"].map { try TestScenarios.loadShipped($0) }
        let c = Comparison.run(structures, settings: RunSettings(replications: 6, seed: 3, threads: 2))
        let m = try XCTUnwrap(c.results[0].catalog.measures.firstIndex { $0.name == "hoursPerPartnerYear" })
        let d01 = try XCTUnwrap(c.difference(0, 1, measure: m)), d02 = try XCTUnwrap(c.difference(0, 2, measure: m))
        let d12 = try XCTUnwrap(c.difference(1, 2, measure: m)), d21 = try XCTUnwrap(c.difference(2, 1, measure: m))
        XCTAssertEqual(d12.mean, d02.mean - d01.mean, accuracy: 1e-9)
        XCTAssertEqual(d12.n, 6)
        XCTAssertEqual(d21.mean, -d12.mean)
        XCTAssertEqual(d21.ci95Low, -d12.ci95High)
        XCTAssertEqual(d01.mean, c.differences[0][m].mean)
        XCTAssertNil(c.difference(1, 1, measure: m))
    }

    func testReportOpensWithConclusionsAndOneMedian() throws {
        let structures = try ["sept-rivieres", "orbite"].map { try TestScenarios.loadShipped($0) }
        let c = Comparison.run(structures, settings: RunSettings(replications: 8, seed: 7, threads: 2, distributions: true))
        let report = HTMLReport(comparison: c, schemas: structures.map { GovernanceSchema(structure: $0) })
        for lang in ReportLanguage.allCases {
            let loc = Localization(lang)
            let html = report.render(loc)
            XCTAssertNil(ReportCheck.parse(html).error)
            let conclusions = try XCTUnwrap(html.range(of: "<section id=\"conclusions\">"))
            let legend = try XCTUnwrap(html.range(of: loc(.generatedFrom)))
            XCTAssertLessThan(conclusions.lowerBound, legend.lowerBound, "conclusions come first")
            XCTAssertTrue(html.contains(SVG.escape(loc(.medianEstimatorNote))))
            XCTAssertTrue(html.contains("docs/explore.md"))
            for r in c.results {
                // The card's median is where the drawn curve first falls to one half (within a day).
                let shown = ReportCheck.summaryNumbers(html, id: "summary-\(r.scenarioID)")
                let card = try XCTUnwrap(shown.compactMap { s -> Double? in
                    s.contains(lang == .fr ? "jours" : "days") ? ReportCheck.number(s.replacingOccurrences(of: lang == .fr ? " jours" : " days", with: ""), lang) : nil
                }.first, "\(shown)")
                let crossing = try XCTUnwrap(HTMLReport.survivalCurve(r).first { $0.survival <= 0.5 }?.time)
                XCTAssertEqual(card, crossing, accuracy: 1, "\(r.scenarioID)")
            }
        }
    }

    func testSingleStructureHasNoComparisonConclusions() throws {
        let (res, s) = try ReportCheck.ensemble("orbite", replications: 2)
        let html = HTMLReport(results: [res], schemas: [GovernanceSchema(structure: s)]).render(Localization(.fr))
        XCTAssertFalse(html.contains("comparées"))
        XCTAssertTrue(html.contains("<h1>" + SVG.escape(Localization(.fr)(.reportTitleSingle)) + "</h1>"))
        XCTAssertFalse(html.contains(SVG.escape(Localization(.fr)(.conclusionsHeading))))
        XCTAssertTrue(html.contains("docs/explore.md"))
    }
}
