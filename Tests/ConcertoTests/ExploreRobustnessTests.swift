import XCTest
@testable import Concerto

/// Probability of best, regret and thresholds, on explorations whose values are known.
final class ExploreRobustnessTests: XCTestCase {
    func row(_ r: ExploreRobustness, _ measure: String, _ structure: String) -> ExploreRobustness.Row {
        r.rows.first { $0.measure == measure && $0.structure == structure }!
    }

    func testBestAndRegretFollowTheValues() throws {
        let points = SyntheticExplore.lhs(100, 1)
        // Lower is better: A (10·x) beats B (5) below x = 0.5.
        let a = try SyntheticExplore.analysis(unitPoints: points, structures: ["a", "b"], outcomes: ["hoursPerPartnerYear"]) { _, s, x, _ in
            s == 0 ? 10 * x[0] : 5
        }
        let r = ExploreRobustness(a)
        let aWins = points.filter { 10 * $0[0] < 5 }.count
        XCTAssertEqual(aWins, 50, "one LHS stratum per hundredth")
        XCTAssertEqual(row(r, "hoursPerPartnerYear", "a").probabilityBest, 0.5)
        XCTAssertEqual(row(r, "hoursPerPartnerYear", "b").probabilityBest, 0.5)
        // Regret of a: max(0, 10x − 5); of b: max(0, 5 − 10x).
        let regretA = points.map { Swift.max(0, 10 * $0[0] - 5) }
        XCTAssertEqual(row(r, "hoursPerPartnerYear", "a").meanRegret, regretA.reduce(0, +) / 100, accuracy: 1e-12)
        let sorted = regretA.sorted()
        // Type-7 quantile at 0.9 of 100 values: sorted[89] + 0.1 × (sorted[90] − sorted[89]).
        XCTAssertEqual(row(r, "hoursPerPartnerYear", "a").p90Regret, sorted[89] + 0.1 * (sorted[90] - sorted[89]), accuracy: 1e-12)
        let ci = (row(r, "hoursPerPartnerYear", "a").ciLow, row(r, "hoursPerPartnerYear", "a").ciHigh)
        XCTAssertLessThan(ci.0, 0.5); XCTAssertGreaterThan(ci.1, 0.5)
        let z = 1.959963984540054
        XCTAssertEqual(ci.1 - ci.0, 2 * z / (1 + z * z / 100) * (0.25 / 100 + z * z / 40_000).squareRoot(), accuracy: 1e-12)
    }

    func testHigherIsBetterReversesTheRanking() throws {
        let a = try SyntheticExplore.analysis(unitPoints: SyntheticExplore.lhs(20, 1), structures: ["a", "b"], outcomes: ["decisionsPerYear"]) { _, s, _, _ in
            s == 0 ? 10 : 12
        }
        let r = ExploreRobustness(a)
        XCTAssertEqual(row(r, "decisionsPerYear", "b").probabilityBest, 1)
        XCTAssertEqual(row(r, "decisionsPerYear", "a").meanRegret, 2)
        XCTAssertEqual(row(r, "decisionsPerYear", "b").meanRegret, 0)
    }

    func testTiesAreSharedExactly() throws {
        let a = try SyntheticExplore.analysis(unitPoints: SyntheticExplore.lhs(30, 2), structures: ["a", "b", "c"], outcomes: ["medianDaysKM"]) { _, _, x, r in
            50 + 10 * x[0] + Double(r)
        }
        let r = ExploreRobustness(a)
        let shares = ["a", "b", "c"].map { row(r, "medianDaysKM", $0).probabilityBest }
        XCTAssertEqual(shares, [1.0 / 3, 1.0 / 3, 1.0 / 3])
        for s in ["a", "b", "c"] {
            XCTAssertEqual(row(r, "medianDaysKM", s).meanRegret, 0)
            XCTAssertEqual(row(r, "medianDaysKM", s).bestBeyondNoise, 0, "a tie is never beyond noise")
        }
    }

    func testBeyondNoiseNeedsThePairedDifferenceToExcludeZero() throws {
        let points = SyntheticExplore.lhs(10, 1)
        // Common noise (the same in both structures at a replication): the paired difference is exactly −1.
        let paired = try SyntheticExplore.analysis(unitPoints: points, structures: ["a", "b"], outcomes: ["medianDaysKM"], replications: 10) { _, s, _, r in
            let noise = Double((r * 37) % 11) * 5
            return s == 0 ? 49 + noise : 50 + noise
        }
        XCTAssertEqual(row(ExploreRobustness(paired), "medianDaysKM", "a").bestBeyondNoise, 1)
        // Independent noise, large against the gap: best on average, not beyond noise.
        let noisy = try SyntheticExplore.analysis(unitPoints: points, structures: ["a", "b"], outcomes: ["medianDaysKM"], replications: 10) { _, s, _, r in
            let even = r % 2 == 0
            return s == 0 ? 49 + (even ? 0 : 20) : 50 + (even ? 20 : 0)
        }
        let rn = row(ExploreRobustness(noisy), "medianDaysKM", "a")
        XCTAssertEqual(rn.probabilityBest, 1)
        XCTAssertEqual(rn.bestBeyondNoise, 0)
    }

    func testThresholdShare() throws {
        let points = SyntheticExplore.lhs(40, 1)
        let t = [Threshold(measure: "medianDaysKM", max: 90), Threshold(measure: "decisionsPerYear", min: 10)]
        let a = try SyntheticExplore.analysis(unitPoints: points, structures: ["a", "b"], outcomes: ["medianDaysKM", "decisionsPerYear"], thresholds: t) { o, s, x, _ in
            o == "medianDaysKM" ? (s == 0 ? 60 + 60 * x[0] : 80) : (s == 0 ? 12 : 9)
        }
        let r = ExploreRobustness(a)
        let expectedA = Double(points.filter { 60 + 60 * $0[0] <= 90 }.count) / 40
        XCTAssertEqual(r.thresholdRows.first { $0.structure == "a" }!.share, expectedA)
        XCTAssertEqual(r.thresholdRows.first { $0.structure == "b" }!.share, 0, "b takes too few decisions everywhere")
        XCTAssertTrue(r.csv().contains("all thresholds,meets,a,0.5,"))
    }

    func testUndefinedPointsDoNotCount() throws {
        let a = try SyntheticExplore.analysis(unitPoints: SyntheticExplore.lhs(10, 1), structures: ["a", "b"], outcomes: ["medianDaysKM"]) { _, s, x, _ in
            s == 0 && x[0] < 0.3 ? .nan : Double(s)
        }
        let r = row(ExploreRobustness(a), "medianDaysKM", "a")
        XCTAssertEqual(r.points, 7)
        XCTAssertEqual(r.probabilityBest, 1)
    }
}
