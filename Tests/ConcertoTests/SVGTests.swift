import XCTest
@testable import Concerto

final class SVGTests: XCTestCase {
    func testEscapingAndNumbers() {
        XCTAssertEqual(SVG.escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        XCTAssertEqual(SVG.num(1.0), "1")
        XCTAssertEqual(SVG.num(2.345), "2.35")
        XCTAssertEqual(SVG.num(-0.001), "0")
        XCTAssertEqual(SVG.num(.nan), "0")
        XCTAssertEqual(SVG.num(1234.5), "1234.5")
    }

    func testDocumentIsWellFormedAndNamespacedOnlyWhenStandalone() {
        var d = SVGDocument(width: 100, height: 50, title: "R&D <test>")
        d.add(SVG.text("Tom & Jerry", x: 1, y: 2))
        d.add(SVG.rect(x: 0, y: 0, width: -5, height: 3, fill: "#000"))
        XCTAssertNil(ReportCheck.parse(d.render()).error)
        XCTAssertFalse(d.render().contains("http"))
        XCTAssertTrue(d.render(standalone: true).contains("xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(d.render().contains("width=\"0\""), "negative widths are clamped")
    }

    func testTheParserCatchesMalformedMarkup() {
        XCTAssertNotNil(ReportCheck.parse("<svg><g></svg>").error)
        XCTAssertNotNil(ReportCheck.parse("<p>a & b</p>").error)
        XCTAssertNotNil(ReportCheck.parse("<svg><g>").error)
        XCTAssertNotNil(ReportCheck.parse("<a><b></a></b>").error)
        XCTAssertNil(ReportCheck.parse("<p>a &amp; b</p>").error)
    }

    func testNiceAxisStartsAtZeroAndCoversTheMaximum() {
        for m in [0.3, 1, 7, 42, 99.9, 100, 1234] {
            let a = ChartStyle.niceAxis(m)
            XCTAssertGreaterThanOrEqual(a.max, m)
            XCTAssertLessThanOrEqual(a.max / a.step, 11)
        }
    }

    func testChartsAreWellFormedWithUnitsAndNoExternalReference() {
        let loc = Localization(.fr)
        let bar = BarChart(title: "Heures", unit: "heures par partenaire par an",
                           bars: [.init(label: "a & b", mean: 1234.5, low: 1000, high: 1500, series: 0),
                                  .init(label: "c", mean: .nan, low: .nan, high: .nan, series: 1)], digits: 1, id: "b")
        let hist = HistogramChart(title: "Charge", bins: (0..<51).map { $0 % 7 }, series: 2, id: "h")
        let surv = SurvivalChart(title: "Survie", series: [.init(label: "x", points: [(10, 0.8), (50, 0.4)], series: 0)], maxDays: 1095)
        let share = ShareChart(title: "Secteurs", groups: [.init(label: "communautaire", present: Summary(n: 3, mean: 0.3, sd: 0.01, ci95Low: 0.28, ci95High: 0.32, median: 0.3, p90: 0.31), reference: 0.25)], series: 1, id: "s")
        for svg in [bar.render(loc), hist.render(loc), surv.render(loc), share.render(loc)] {
            XCTAssertNil(ReportCheck.parse(svg).error, svg)
            XCTAssertFalse(svg.contains("http"))
            XCTAssertFalse(svg.contains("href"))
        }
        XCTAssertTrue(bar.render(loc).contains("1\u{202F}234,5"), "French decimal comma and thin space in bar values")
        XCTAssertTrue(bar.render(loc).contains("heures par partenaire par an"))
        XCTAssertTrue(bar.render(loc).contains("aucune donnée"))
        XCTAssertTrue(hist.render(loc).contains("capacité = 1"))
        XCTAssertTrue(hist.render(Localization(.en)).contains("capacity = 1"))
        XCTAssertTrue(surv.render(loc).contains("Jours depuis"))
        XCTAssertTrue(share.render(loc).contains("30\u{202F}%"))
    }

    func testHistogramGathersTheTailInTheLastDisplayedBin() {
        var bins = [Int](repeating: 0, count: 51)
        bins[5] = 3; bins[12] = 2; bins[50] = 1
        let h = HistogramChart(title: "", bins: bins, series: 0, id: "h")
        XCTAssertEqual(h.displayed.maxRatio, 5)
        XCTAssertEqual(h.displayed.counts.reduce(0, +), 6)
        bins[50] = 0
        let h2 = HistogramChart(title: "", bins: bins, series: 0, id: "h")
        XCTAssertEqual(h2.displayed.maxRatio, 2)
        XCTAssertEqual(h2.displayed.counts.count, 20)
        XCTAssertEqual(h2.displayed.counts.reduce(0, +), 5)
    }
}
