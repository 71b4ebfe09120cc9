import XCTest
@testable import Concerto

final class ShareConfidenceIntervalTests: XCTestCase {
    func testClosedFormOnBinaryValues() {
        // Replications giving 0, 0, 0, 1: mean 1/4, sd 1/2, n 4, t(0.975, 3) = 3.182446305.
        // logit(1/4) = ln(1/3) = −1.0986123; half-width 3.182446305 · (1/2)/√4 / (1/4 · 3/4)
        // = 4.2432617; expit(−1.0986123 ∓ 4.2432617) = 0.0047640864, 0.9586973768.
        // (The plain t interval is 0.25 ± 0.7956 = [−0.546, 1.046].)
        let ci = ShareConfidenceInterval.logitT(mean: 0.25, sd: 0.5, n: 4)
        XCTAssertEqual(ci.low, 0.0047640863627026265, accuracy: 1e-9)
        XCTAssertEqual(ci.high, 0.958697376845394, accuracy: 1e-9)
    }

    func testClosedFormOnASmallShare() {
        // 0.02, 0.05, 0, 0.1, 0.03: mean 0.04, sd 0.0380789, t(0.975, 4) = 2.776445105.
        let ci = ShareConfidenceInterval.logitT(mean: 0.04, sd: 0.03807886552931954, n: 5)
        XCTAssertEqual(ci.low, 0.012017109606163473, accuracy: 1e-9)
        XCTAssertEqual(ci.high, 0.12490557802233886, accuracy: 1e-9)
    }

    func testSymmetricAroundOneHalf() {
        let ci = ShareConfidenceInterval.logitT(mean: 0.5, sd: 0.3, n: 7)
        XCTAssertEqual(ci.low + ci.high, 1, accuracy: 1e-12)
        // At 1/2 the delta method's slope is 4: the half-width on the log-odds is 4 · t · se.
        let half = StudentT.quantile975(df: 6) * 0.3 / 7.0.squareRoot()
        XCTAssertEqual(ci.high, 1 / (1 + exp(-4 * half)), accuracy: 1e-12)
    }

    func testBoundsStayInsideZeroOneOnExtremeReplications() {
        var rng = TestRNG(state: 31)
        for trial in 0..<500 {
            let n = 2 + Int(rng.uniform() * 30)
            let p = [0.001, 0.01, 0.05, 0.5, 0.95, 0.99, 0.999][trial % 7]
            var acc = SummaryAccumulator(isShare: true)
            for _ in 0..<n { acc.add(rng.uniform() < p ? 1 : (rng.uniform() < 0.5 ? 0 : rng.uniform() * 0.1)) }
            let s = acc.summary()
            XCTAssertTrue(s.ci95Low >= 0 && s.ci95High <= 1, "trial \(trial): [\(s.ci95Low), \(s.ci95High)]")
            XCTAssertTrue(s.ci95Low <= s.mean + 1e-15 && s.mean <= s.ci95High + 1e-15, "trial \(trial): the mean is inside")
        }
    }

    func testDegenerateCases() {
        XCTAssertTrue(ShareConfidenceInterval.logitT(mean: .nan, sd: 0, n: 0).low.isNaN)
        XCTAssertTrue(ShareConfidenceInterval.logitT(mean: 0.3, sd: 0.1, n: 1) == (0.3, 0.3))
        XCTAssertTrue(ShareConfidenceInterval.logitT(mean: 0, sd: 0, n: 10) == (0, 0))
        XCTAssertTrue(ShareConfidenceInterval.logitT(mean: 1, sd: 0, n: 10) == (1, 1))
        XCTAssertTrue(ShareConfidenceInterval.logitT(mean: 0.4, sd: 0, n: 10) == (0.4, 0.4))
    }

    func testCloseToTheTIntervalAwayFromTheBoundsWithManyReplications() {
        let m = 0.4, sd = 0.05, n = 10_000
        let ci = ShareConfidenceInterval.logitT(mean: m, sd: sd, n: n)
        let half = StudentT.quantile975(df: n - 1) * sd / Double(n).squareRoot()
        XCTAssertEqual(ci.low, m - half, accuracy: 1e-5)
        XCTAssertEqual(ci.high, m + half, accuracy: 1e-5)
    }
}
