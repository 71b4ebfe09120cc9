import Foundation
import XCTest
@testable import Concerto


/// Sample quantile, R type 7, computed by sorting (the reference for P²).
private func exactQuantile(_ values: [Double], _ p: Double) -> Double {
    let s = values.sorted()
    let h = Double(s.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, s.count - 1)
    return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
}

final class SummaryTests: XCTestCase {
    // MARK: StudentT (reference: standard t tables, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2)

    func testStudentTAgainstTables() {
        let table: [(Int, Double)] = [(1, 12.706205), (2, 4.302653), (9, 2.262157), (10, 2.228139),
                                      (30, 2.042272), (100, 1.983972), (1000, 1.962339)]
        for (df, expected) in table {
            XCTAssertEqual(StudentT.quantile975(df: df), expected, accuracy: 1e-3, "df \(df)")
        }
        // Values from R qt(0.975, df) just past the table: the approximation is much better than 1e-3.
        XCTAssertEqual(StudentT.quantile975(df: 31), 2.039513446, accuracy: 1e-6)
        XCTAssertEqual(StudentT.quantile975(df: 40), 2.021075390, accuracy: 1e-6)
        XCTAssertEqual(StudentT.quantile975(df: 60), 2.000297822, accuracy: 1e-6)
    }

    func testStudentTDecreasesTowardNormalQuantile() {
        var previous = Double.infinity
        for df in 1...5000 {
            let t = StudentT.quantile975(df: df)
            XCTAssertLessThan(t, previous, "df \(df)")
            XCTAssertGreaterThan(t, 1.959963)
            previous = t
        }
        XCTAssertEqual(StudentT.quantile975(df: 1_000_000), 1.959964, accuracy: 1e-5)
    }

    // MARK: Summary of a known sample

    func testOneToTenAgainstHandValues() {
        var acc = SummaryAccumulator()
        for i in 1...10 { acc.add(Double(i)) }
        let s = acc.summary()
        XCTAssertEqual(s.n, 10)
        XCTAssertEqual(s.mean, 5.5, accuracy: 1e-12)
        XCTAssertEqual(s.sd, 3.0277, accuracy: 1e-4)           // sqrt(82.5 / 9)
        XCTAssertEqual(s.ci95Low, 3.3341, accuracy: 1e-4)      // 5.5 − 2.262157·3.02765/√10
        XCTAssertEqual(s.ci95High, 7.6659, accuracy: 1e-4)
        // Exact quantiles (R: quantile(1:10, c(.5, .9)) = 5.5, 9.1).
        XCTAssertEqual(s.median, 5.5, accuracy: 1e-12)
        XCTAssertEqual(s.p90, 9.1, accuracy: 1e-12)
    }

    func testEmptyAndSingleValue() {
        let empty = SummaryAccumulator().summary()
        XCTAssertEqual(empty.n, 0)
        for v in [empty.mean, empty.sd, empty.ci95Low, empty.ci95High, empty.median, empty.p90] {
            XCTAssertTrue(v.isNaN)
        }
        var acc = SummaryAccumulator()
        acc.add(4.25)
        let s = acc.summary()
        XCTAssertEqual(s, Summary(n: 1, mean: 4.25, sd: 0, ci95Low: 4.25, ci95High: 4.25, median: 4.25, p90: 4.25))
    }

    // MARK: Quantiles

    func testExactQuantilesWhileAtMostFiveValues() {
        // R: quantile(c(3, 1, 2), c(.5, .9)) = 2, 2.8; quantile(1:4, .9) = 3.7; quantile(c(5,1,4,2,3), .9) = 4.6
        var acc = SummaryAccumulator()
        for x in [3.0, 1, 2] { acc.add(x) }
        XCTAssertEqual(acc.summary().median, 2, accuracy: 1e-12)
        XCTAssertEqual(acc.summary().p90, 2.8, accuracy: 1e-12)

        var four = PSquareQuantile(p: 0.9)
        for x in [4.0, 2, 1, 3] { four.add(x) }
        XCTAssertEqual(four.estimate, 3.7, accuracy: 1e-12)
        var fourMedian = PSquareQuantile(p: 0.5)
        for x in [4.0, 2, 1, 3] { fourMedian.add(x) }
        XCTAssertEqual(fourMedian.estimate, 2.5, accuracy: 1e-12)

        var five = SummaryAccumulator()
        for x in [5.0, 1, 4, 2, 3] { five.add(x) }
        XCTAssertEqual(five.summary().median, 3, accuracy: 1e-12)
        XCTAssertEqual(five.summary().p90, 4.6, accuracy: 1e-12)

        XCTAssertTrue(PSquareQuantile(p: 0.5).estimate.isNaN)
    }

    func testPSquareWorkedExampleOfJainAndChlamtac() {
        // The 20-observation example of Jain & Chlamtac (1985). The paper's hand-rounded table
        // ends at 4.44 for p = 0.5; independent floating-point implementations (e.g. Oxide's
        // oximeter and other open-source P² crates) agree on 4.2462394088036435, and on
        // 17.765707208697677 (p = 0.75) and 0.3871122398589066 (p = 0.25).
        let data = [0.02, 0.5, 0.74, 3.39, 0.83, 22.37, 10.15, 15.43, 38.62, 15.92,
                    34.60, 10.28, 1.47, 0.40, 0.05, 11.39, 0.27, 0.42, 0.09, 11.37]
        for (p, expected) in [(0.5, 4.2462394088036435), (0.75, 17.765707208697677), (0.25, 0.3871122398589066)] {
            var q = PSquareQuantile(p: p)
            for x in data { q.add(x) }
            XCTAssertEqual(q.estimate, expected, accuracy: 1e-12, "p = \(p)")
        }
    }

    func testPSquareCloseToExactOnUniformDraws() {
        var rng = TestRNG(state: 20_240_601)
        let values = (0..<10_000).map { _ in rng.uniform() * 100 }
        var median = PSquareQuantile(p: 0.5), p90 = PSquareQuantile(p: 0.9)
        for v in values { median.add(v); p90.add(v) }
        XCTAssertEqual(median.estimate, exactQuantile(values, 0.5), accuracy: 0.01 * exactQuantile(values, 0.5))
        XCTAssertEqual(p90.estimate, exactQuantile(values, 0.9), accuracy: 0.01 * exactQuantile(values, 0.9))
    }

    func testPSquareCloseToExactOnNormalDraws() {
        var rng = TestRNG(state: 7)
        let values = (0..<10_000).map { _ in 50 + 10 * rng.normal() }
        var medianP2 = PSquareQuantile(p: 0.5), p90P2 = PSquareQuantile(p: 0.9)
        for v in values { medianP2.add(v); p90P2.add(v) }
        let median = exactQuantile(values, 0.5), p90 = exactQuantile(values, 0.9)
        XCTAssertEqual(medianP2.estimate, median, accuracy: 0.01 * median)
        XCTAssertEqual(p90P2.estimate, p90, accuracy: 0.01 * p90)
        var acc = SummaryAccumulator()
        for v in values { acc.add(v) }
        let s = acc.summary()
        // And the mean/sd match a two-pass computation.
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
        XCTAssertEqual(s.mean, mean, accuracy: 1e-9)
        XCTAssertEqual(s.sd, sd, accuracy: 1e-9)
    }

    func testPSquareOnSortedAndConstantStreams() {
        var ascending = PSquareQuantile(p: 0.9)
        for i in 1...1000 { ascending.add(Double(i)) }
        XCTAssertEqual(ascending.estimate, 900.1, accuracy: 9)
        var constant = PSquareQuantile(p: 0.5)
        for _ in 0..<1000 { constant.add(3) }
        XCTAssertEqual(constant.estimate, 3)
    }

    // MARK: Determinism, non-finite values, memory

    func testSameOrderGivesBitIdenticalSummaries() {
        func run() -> Summary {
            var rng = TestRNG(state: 99)
            var acc = SummaryAccumulator()
            for _ in 0..<5000 { acc.add(rng.normal() * 3 + 1) }
            return acc.summary()
        }
        let a = run(), b = run()
        let bits: (Summary) -> [UInt64] = { s in
            [s.mean, s.sd, s.ci95Low, s.ci95High, s.median, s.p90].map(\.bitPattern)
        }
        XCTAssertEqual(a.n, b.n)
        XCTAssertEqual(bits(a), bits(b))
    }

    func testNonFiniteValuesAreSkippedAndCounted() {
        var withJunk = SummaryAccumulator()
        var clean = SummaryAccumulator()
        for i in 1...10 {
            withJunk.add(Double(i))
            clean.add(Double(i))
            if i % 3 == 0 { withJunk.add(.nan) }
        }
        withJunk.add(.infinity)
        withJunk.add(-.infinity)
        XCTAssertEqual(withJunk.count, 10)
        XCTAssertEqual(withJunk.skipped, 5)
        XCTAssertEqual(clean.skipped, 0)
        XCTAssertEqual(withJunk.summary(), clean.summary())
    }

    func testQuantilesAreExactUpToTheLimitThenPSquare() {
        var rng = TestRNG(state: 11)
        let values = (0..<100_001).map { _ in rng.exponential(mean: 30) }
        var acc = SummaryAccumulator()
        var median = PSquareQuantile(p: 0.5), p90 = PSquareQuantile(p: 0.9)
        for v in values.prefix(100_000) { acc.add(v); median.add(v); p90.add(v) }
        XCTAssertEqual(SummaryAccumulator.defaultExactQuantileLimit, 100_000)
        XCTAssertEqual(acc.keptValues, 100_000)
        let exact = acc.summary()
        XCTAssertEqual(exact.median, exactQuantile(Array(values.prefix(100_000)), 0.5))
        XCTAssertEqual(exact.p90, exactQuantile(Array(values.prefix(100_000)), 0.9))
        XCTAssertNotEqual(exact.median, median.estimate, "P² is an approximation")
        // One more: the values are released and the P² estimators, fed from the start, answer.
        acc.add(values[100_000]); median.add(values[100_000]); p90.add(values[100_000])
        XCTAssertEqual(acc.keptValues, 0)
        XCTAssertEqual(acc.summary().median, median.estimate)
        XCTAssertEqual(acc.summary().p90, p90.estimate)
        XCTAssertEqual(acc.summary().n, 100_001)
    }

    func testExactQuantilesDoNotDependOnTheOrder() {
        var rng = TestRNG(state: 12)
        let values = (0..<501).map { _ in (rng.normal() * 10).rounded() }
        var forward = SummaryAccumulator(), backward = SummaryAccumulator()
        for v in values { forward.add(v) }
        for v in values.reversed() { backward.add(v) }
        XCTAssertEqual(forward.summary().median, backward.summary().median)
        XCTAssertEqual(forward.summary().p90, backward.summary().p90)
        XCTAssertEqual(forward.summary().median, exactQuantile(values, 0.5))
        // A smaller limit switches to P² after it.
        var small = SummaryAccumulator(exactQuantileLimit: 10)
        var p2 = PSquareQuantile(p: 0.5)
        for v in values { small.add(v); p2.add(v) }
        XCTAssertEqual(small.keptValues, 0)
        XCTAssertEqual(small.summary().median, p2.estimate)
    }

    func testSharesGetTheLogitIntervalOthersTheTInterval() {
        let values = [0.02, 0.05, 0.0, 0.1, 0.03]
        var share = SummaryAccumulator(isShare: true), plain = SummaryAccumulator()
        for v in values { share.add(v); plain.add(v) }
        // Plain t: 0.04 ± 2.776445·0.0380789/√5 → lower bound −0.0073 (a negative share).
        XCTAssertEqual(plain.summary().ci95Low, -0.007281156416830095, accuracy: 1e-12)
        let ci = ShareConfidenceInterval.logitT(mean: 0.04, sd: plain.summary().sd, n: 5)
        XCTAssertEqual(share.summary().ci95Low, ci.low, accuracy: 1e-15)
        XCTAssertEqual(share.summary().ci95High, ci.high, accuracy: 1e-15)
        XCTAssertEqual(share.summary().mean, plain.summary().mean)
        XCTAssertEqual(share.summary().median, plain.summary().median)
    }
}
