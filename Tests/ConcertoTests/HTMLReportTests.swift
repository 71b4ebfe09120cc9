import XCTest
@testable import Concerto

final class HTMLReportTests: XCTestCase {
    func report(_ names: [String], replications: Int = 4) throws -> (HTMLReport, [EnsembleResult]) {
        let structures = try names.map { try TestScenarios.loadShipped($0) }
        let c = Comparison.run(structures, settings: RunSettings(replications: replications, seed: 7, threads: 4))
        return (HTMLReport(results: c.results, schemas: structures.map { GovernanceSchema(structure: $0) }), c.results)
    }

    func testWellFormedSelfContainedXHTML() throws {
        let (r, _) = try report(["sept-rivieres", "orbite"])
        for lang in ReportLanguage.allCases {
            let html = r.render(Localization(lang))
            let parsed = ReportCheck.parse(html)
            XCTAssertNil(parsed.error, "\(lang): \(parsed.error ?? "")")
            XCTAssertFalse(html.contains("http"), "no external reference, not even a namespace")
            XCTAssertFalse(html.contains("src="))
            // One inline script, no source: the only thing it drives (the structure toggles) is
            // hidden unless it runs, so the page reads completely with scripting off.
            XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1)
            XCTAssertTrue(html.contains("<div id=\"toggles\" hidden=\"hidden\">"))
            XCTAssertFalse(html.contains("<link"))
            XCTAssertFalse(html.contains("url(http"))
            XCTAssertTrue(parsed.elements.contains("svg"))
            // Only XML's predefined entities (libxml2 may let HTML's &nbsp; through).
            for piece in html.components(separatedBy: "&").dropFirst() {
                XCTAssertTrue(["amp;", "lt;", "gt;", "quot;", "#39;"].contains { piece.hasPrefix($0) }, String(piece.prefix(12)))
            }
            XCTAssertEqual(parsed.elements.filter { $0 == "figure" }.count, 1 + 8 + 2 + 1 + 2, "at a glance, 8 bars, 2 histograms, 1 survival chart, 2 share charts")
            // Every chart has its numbers in a folded table beside it.
            XCTAssertEqual(html.components(separatedBy: "<details class=\"data\">").count - 1, 1 + 8 + 2 + 1 + 2)
            // The territory's other tables are named under the structure's diagram.
            let sept = try TestScenarios.loadShipped("sept-rivieres")
            for table in sept.instances.dropFirst(sept.insideCount) { XCTAssertTrue(html.contains(SVG.escape(table.name)), "\(lang): \(table.id)") }
            // Every url(#id) refers to a pattern or marker defined in the page.
            var cursor = html.startIndex
            while let a = html.range(of: "url(#", range: cursor..<html.endIndex) {
                let b = html.range(of: ")", range: a.upperBound..<html.endIndex)!
                let id = String(html[a.upperBound..<b.lowerBound])
                XCTAssertTrue(html.contains("id=\"\(id)\""), "undefined reference #\(id)")
                cursor = b.upperBound
            }
        }
    }

    func testSummaryNumbersComeFromTheResults() throws {
        let (r, results) = try report(["sept-rivieres", "orbite", "lanaudiere"])
        for lang in ReportLanguage.allCases {
            let loc = Localization(lang)
            let html = r.render(loc)
            for res in results {
                let shown = ReportCheck.summaryNumbers(html, id: "summary-\(res.scenarioID)")
                // Recomputed here from the ensemble, independently of PlainSummary.
                let hours = res.summary(.hyperconcertation, "hoursPerPartnerYear")!.mean
                let over = res.summary(.hyperconcertation, "hypersollicitedShare")!.mean
                // The page's one median: the pooled Kaplan–Meier median (where the drawn curve crosses 1/2).
                let median = res.pooledLatency.kaplanMeierMedian()
                let community = res.sectorIDs.indices.filter { res.sectorIDs[$0].hasPrefix("communautaire") }
                let present = community.reduce(0.0) { $0 + res.sectorShares[$1].mean }
                let partners = Double(community.count) > 0 ? community.reduce(0.0) { $0 + res.sectorPartnerShares[$1] } : .nan
                func pct(_ x: Double) -> String { loc.percent(x, digits: x < 0.1 ? 1 : 0) }
                var expected = [loc.number(hours, digits: 0) + " h", pct(over)]
                if median.isFinite { expected.append(loc.format(.unitDaysShort, loc.number(median, digits: 0))) }
                if !community.isEmpty { expected += [pct(present), pct(partners)] }
                let staff = res.summary(.hyperconcertation, "staffHoursPerYear")!.mean
                let meetings = Double(res.totals.meetings) / Double(res.settings.replications) / res.years
                if staff.isFinite { expected.append(loc.number(staff, digits: 0) + " h") }
                expected.append(loc.number(res.summary(.hyperconcertation, "meetingsPerYear")!.mean, digits: 0))
                XCTAssertEqual(ReportCheck.number(expected.last!, lang)!, meetings, accuracy: 0.5 + meetings * 0.02, "meetings a year agree with the run's totals")
                XCTAssertEqual(shown, expected, "\(res.scenarioID) \(lang)")
                // And they read back to the results within rounding.
                XCTAssertEqual(ReportCheck.number(shown[0], lang)!, hours, accuracy: 0.5)
                XCTAssertEqual(ReportCheck.number(shown[1], lang)!, over * 100, accuracy: 0.5)
                if !community.isEmpty {
                    XCTAssertEqual(ReportCheck.number(shown[4], lang)!, partners * 100, accuracy: 0.5)
                    let partnerCount = res.sectorPartnerShares.count
                    XCTAssertEqual(partnerCount, res.sectorIDs.count)
                }
            }
        }
    }

    func testNoCommunitySectorIsSaid() throws {
        let s = try TestScenarios.compile(TestScenarios.singleServer(periodDays: 30, ratePerYear: 10, years: 1))
        let res = Ensemble.run(s, settings: RunSettings(replications: 2, seed: 1, threads: 1))
        let html = HTMLReport(results: [res], schemas: [GovernanceSchema(structure: s)]).render(Localization(.fr))
        XCTAssertTrue(html.contains("aucun secteur communautaire"))
        XCTAssertNil(PlainSummary(res).communityPresentShare)
        XCTAssertNil(ReportCheck.parse(html).error)
    }

    func testFrenchAndEnglishLabels() throws {
        let (r, _) = try report(["orbite"], replications: 3)
        let fr = r.render(Localization(.fr)), en = r.render(Localization(.en))
        XCTAssertTrue(fr.contains("<html lang=\"fr\">"))
        XCTAssertTrue(en.contains("<html lang=\"en\">"))
        for s in ["Schéma de gouvernance", "Délai médian de décision", "Jours depuis", "% des partenaires", "capacité = 1"] { XCTAssertTrue(fr.contains(s), s) }
        for s in ["Governance diagram", "Median time to decision", "Days since", "% of partners", "capacity = 1"] { XCTAssertTrue(en.contains(s), s) }
        XCTAssertFalse(en.contains("Délai médian"))
        XCTAssertFalse(fr.contains("Median time"))
        XCTAssertTrue(fr.contains("\u{202F}%"), "French puts a thin space before %")
        // Numbers in the summary: decimal comma in French never a point.
        let numsFr = ReportCheck.summaryNumbers(fr, id: "summary-orbite")
        XCTAssertFalse(numsFr.contains { $0.contains(".") })
    }

    func testSectorSharesAreStreamedAndSumToOne() throws {
        let (res, s) = try ReportCheck.ensemble("lanaudiere", replications: 5)
        XCTAssertEqual(res.sectorShares.count, s.sectorIDs.count)
        XCTAssertEqual(res.sectorShares.map(\.mean).reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertEqual(res.sectorPartnerShares.reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertEqual(res.sectorShares[0].n, 5)
        // Same results whatever the thread count (streamed in replication order).
        let again = Ensemble.run(s, settings: RunSettings(replications: 5, seed: 7, threads: 1))
        XCTAssertEqual(again.sectorShares.map(\.mean), res.sectorShares.map(\.mean))
    }
    /// Chart text stays at least 12 px on a 1024 px wide screen: each chart is drawn at its own
    /// width and scaled down to the width its figure gets (the page's padding and grid gap come
    /// from the style sheet's own constants); diagrams are not scaled (they scroll sideways).
    func testChartTextIsAtLeast12pxAt1024() throws {
        let (r, _) = try report(["sept-rivieres", "mirabel-before-orbite", "lanaudiere"])
        let viewport = 1024.0
        let full = viewport - 2 * HTMLReport.pagePadding, half = (full - HTMLReport.gridGap) / 2
        for lang in ReportLanguage.allCases {
            let html = r.render(Localization(lang))
            var checked = 0
            for figure in html.components(separatedBy: "<figure class=\"").dropFirst() {
                let room = figure.hasPrefix("half") ? half : full
                guard let svgStart = figure.range(of: "<svg"), let svgEnd = figure.range(of: "</svg>") else { return XCTFail("a chart in every figure") }
                let svg = String(figure[svgStart.lowerBound..<svgEnd.upperBound])
                let width = try XCTUnwrap(Self.attribute("width", in: svg))
                let scale = Swift.min(1, room / width)
                let sizes = svg.components(separatedBy: "<text").dropFirst().compactMap { Self.attribute("font-size", in: String($0)) }
                XCTAssertFalse(sizes.isEmpty)
                XCTAssertGreaterThanOrEqual(sizes.min()! * scale, 12, "\(lang): a chart \(width) px wide in \(room) px has \(sizes.min()!) px text")
                checked += 1
            }
            XCTAssertEqual(checked, 1 + 8 + 3 + 1 + 3)
            // The diagrams are shown at their own size (they scroll): their smallest text is their own.
            let schemaSizes = html.components(separatedBy: "<div class=\"schema\">").dropFirst().flatMap { part in
                part.components(separatedBy: "</svg>")[0].components(separatedBy: "<text").dropFirst().compactMap { Self.attribute("font-size", in: String($0)) }
            }
            XCTAssertGreaterThanOrEqual(schemaSizes.min() ?? 0, 12)
            XCTAssertTrue(HTMLReport.css.contains(".schema svg { max-width: none; }"))
        }
    }

    /// Charts name structures by name (short name, accents kept), never by file id.
    func testChartsShowNamesNotIDs() throws {
        let (r, results) = try report(["sept-rivieres", "mirabel-before-orbite"])
        for lang in ReportLanguage.allCases {
            let html = r.render(Localization(lang))
            let charts = html.components(separatedBy: "<figure class=\"").dropFirst().map { $0.components(separatedBy: "</figure>")[0] }
            XCTAssertEqual(charts.count, 1 + 8 + 2 + 1 + 2)
            for chart in charts {
                let texts = chart.components(separatedBy: "<text").dropFirst().map { piece -> String in
                    String(piece.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
                }
                for res in results { XCTAssertFalse(texts.contains { $0.contains(res.scenarioID) }, "\(lang): id \(res.scenarioID) shown in a chart") }
            }
            for res in results { XCTAssertTrue(html.contains(">" + SVG.escape(HTMLReport.displayName(res)) + "<"), HTMLReport.displayName(res)) }
            XCTAssertTrue(html.contains("Sept-Rivières"))
        }
    }

    /// The print style sheet exists, keeps cards, figures and list items whole, opens on the
    /// conclusions, and hides the folded tables and the toggles; the phone layout has one column.
    func testPrintAndPhoneStyleSheets() {
        let css = HTMLReport.css
        let print = css.components(separatedBy: "@media print")[1]
        XCTAssertTrue(css.contains("@page { margin: 12mm; }"), "margins that fit both Letter and A4")
        XCTAssertTrue(print.contains(".card, figure, .glance, li, tr, .schema, .legend, svg { break-inside: avoid; }"))
        XCTAssertTrue(print.contains("#conclusions h2 { break-before: avoid; }"))
        XCTAssertTrue(print.contains("#toggles, details.data, details.pairs { display: none; }"))
        let phone = css.components(separatedBy: "@media screen and (max-width: 760px)")[1].components(separatedBy: "@media print")[0]
        XCTAssertTrue(phone.contains(".grid2 { grid-template-columns: minmax(0, 1fr); }"))
        XCTAssertTrue(css.contains("minmax(min(400px, 100%), 1fr)"), "cards never wider than a phone")
    }

    /// The downloads are the compare outputs, inside the page.
    func testDownloadsAreTheResultsAsDataURIs() throws {
        let structures = try ["sept-rivieres", "orbite"].map { try TestScenarios.loadShipped($0) }
        let c = Comparison.run(structures, settings: RunSettings(replications: 3, seed: 7, threads: 2))
        let r = HTMLReport(comparison: c, schemas: structures.map { GovernanceSchema(structure: $0) })
        let html = r.render(Localization(.fr))
        var found: [String] = []
        for piece in html.components(separatedBy: "href=\"data:").dropFirst() {
            let uri = String(piece.prefix { $0 != "\"" })
            let b64 = try XCTUnwrap(uri.components(separatedBy: "base64,").last)
            found.append(String(decoding: try XCTUnwrap(Data(base64Encoded: b64)), as: UTF8.self))
        }
        XCTAssertEqual(found, [ComparisonReport.csv(c), ComparisonReport.json(c)])
        XCTAssertTrue(found[0].hasPrefix("structure,family,measure"))
        XCTAssertTrue(found[1].contains("\"structures\""))
    }

    static func attribute(_ name: String, in s: String) -> Double? {
        guard let r = s.range(of: " " + name + "=\"") else { return nil }
        return Double(s[r.upperBound...].prefix { $0 != "\"" })
    }
}
