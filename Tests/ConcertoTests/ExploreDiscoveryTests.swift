import XCTest
@testable import Concerto

/// Scenario discovery on explorations with a planted region where the ranking flips.
final class ExploreDiscoveryTests: XCTestCase {
    /// Two significant digits, as a planner reads a limit (0.2049 → "0.2", 0.5123 → "0.51").
    func en(_ x: Double) -> String {
        var s = String(format: "%.2g", x)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }
    func fr(_ x: Double) -> String { en(x).replacingOccurrences(of: ".", with: ",") }

    func testPlantedFlipIsFoundAndWorded() throws {
        let points = SyntheticExplore.lhs(1000, 3, seed: 11)
        // Sept-Rivières decides in 50 days everywhere; ORBITE in 40 inside 0.2 < x1 < 0.5 and x3 > 0.7, 60 elsewhere.
        let a = try SyntheticExplore.analysis(unitPoints: points, structures: ["sept-rivieres", "orbite"], outcomes: ["medianDaysKM"], replications: 1,
                                              names: ["Sept-Rivières", "ORBITE"]) { _, s, x, _ in
            s == 0 ? 50 : (x[0] > 0.2 && x[0] < 0.5 && x[2] > 0.7 ? 40 : 60)
        }
        let d = ExploreDiscovery(a)
        XCTAssertEqual(d.cases.count, 1)
        let c = d.cases[0]
        XCTAssertEqual(c.subject, "orbite", "the structure that wins less often is the subject")
        let box = try XCTUnwrap(c.result?.box)
        XCTAssertEqual(box.restriction("x1")?.lower ?? -1, 0.2, accuracy: 0.05)
        XCTAssertEqual(box.restriction("x1")?.upper ?? -1, 0.5, accuracy: 0.05)
        XCTAssertEqual(box.restriction("x3")?.lower ?? -1, 0.7, accuracy: 0.05)
        XCTAssertNil(box.restriction("x2"), "x2 plays no part")
        let lo1 = box.restriction("x1")!.lower!, hi1 = box.restriction("x1")!.upper!, lo3 = box.restriction("x3")!.lower!
        XCTAssertEqual(c.sentenceFr, "ORBITE décide plus vite que Sept-Rivières (medianDaysKM) lorsque x1 est entre \(fr(lo1)) et \(fr(hi1)) et que x3 dépasse \(fr(lo3))")
        XCTAssertEqual(c.sentenceEn, "ORBITE decides faster than Sept-Rivières (medianDaysKM) when x1 is between \(en(lo1)) and \(en(hi1)) and x3 is above \(en(lo3))")
        XCTAssertTrue(d.markdown().contains(c.sentenceFr))
        let csv = d.csv().split(separator: "\n")
        XCTAssertEqual(csv.count, 2)
        XCTAssertTrue(csv[1].hasPrefix("1,beats,medianDaysKM,orbite,sept-rivieres,1000,"))
        let trajectory = d.trajectoriesCSV().split(separator: "\n")
        XCTAssertEqual(trajectory.count, 1 + c.result!.trajectory.count)
    }

    func testIdenticalStructuresGiveNoBox() throws {
        let a = try SyntheticExplore.analysis(unitPoints: SyntheticExplore.lhs(200, 2), structures: ["a", "b"], outcomes: ["medianDaysKM", "hoursPerPartnerYear"]) { _, _, x, r in
            40 + 30 * x[0] + Double(r)
        }
        let d = ExploreDiscovery(a)
        XCTAssertEqual(d.cases.count, 2)
        for c in d.cases {
            XCTAssertNil(c.result?.box)
            XCTAssertEqual(ExploreDiscovery.reason(c), "never happens")
        }
    }

    func testMissedThreshold() throws {
        let points = SyntheticExplore.lhs(500, 2, seed: 4)
        let a = try SyntheticExplore.analysis(unitPoints: points, structures: ["a"], outcomes: ["medianDaysKM"], replications: 1,
                                              thresholds: [Threshold(measure: "medianDaysKM", max: 90)], names: ["ORBITE"]) { _, _, x, _ in
            60 + 50 * x[1]
        }
        let d = ExploreDiscovery(a)
        let c = try XCTUnwrap(d.cases.first { $0.kind == "misses" })
        let box = try XCTUnwrap(c.result?.box)
        XCTAssertEqual(box.restriction("x2")?.lower ?? -1, 0.6, accuracy: 0.02)
        XCTAssertNil(box.restriction("x1"))
        XCTAssertEqual(c.sentenceFr, "ORBITE manque le seuil medianDaysKM ≤ 90 lorsque x2 dépasse \(fr(box.restriction("x2")!.lower!))")
    }

    func testFrenchElision() {
        XCTAssertEqual(ExploreWording.beats("Charlevoix", "ORBITE", measure: "hypersollicitedShare", language: .fr),
                       "Charlevoix surcharge moins de partenaires qu'ORBITE")
        XCTAssertEqual(ExploreWording.beats("Charlevoix", "ORBITE", measure: "hypersollicitedShare", language: .en),
                       "Charlevoix overloads fewer partners than ORBITE")
    }
}
