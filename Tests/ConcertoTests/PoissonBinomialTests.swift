import XCTest
@testable import Concerto

/// The Poisson binomial distribution against hand computations and brute-force enumeration.
final class PoissonBinomialTests: XCTestCase {
    func testHandComputations() {
        // Two fair coins: 1/4, 1/2, 1/4.
        XCTAssertEqual(PoissonBinomial.distribution([0.5, 0.5]), [0.25, 0.5, 0.25])
        // 0.9, 0.6, 0.5: P(0) = 0.1·0.4·0.5 = 0.02; P(1) = 0.9·0.4·0.5 + 0.1·0.6·0.5 + 0.1·0.4·0.5 = 0.23;
        // P(3) = 0.9·0.6·0.5 = 0.27; P(2) = 1 − 0.02 − 0.23 − 0.27 = 0.48.
        let d = PoissonBinomial.distribution([0.9, 0.6, 0.5])
        for (got, want) in zip(d, [0.02, 0.23, 0.48, 0.27]) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(PoissonBinomial.below(2, [0.9, 0.6, 0.5]), 0.25, accuracy: 1e-12)
        XCTAssertEqual(PoissonBinomial.below(0, [0.9]), 0)
        XCTAssertEqual(PoissonBinomial.below(5, [0.9]), 1, accuracy: 1e-12, "more than the trials: always below")
        XCTAssertEqual(PoissonBinomial.distribution([]), [1])
        // Certain trials.
        XCTAssertEqual(PoissonBinomial.distribution([1, 0, 1]), [0, 0, 1, 0])
    }

    /// Every subset of up to 10 trials enumerated: the probability of each count.
    func testAgainstBruteForceEnumeration() {
        var rng = TestRNG(state: 7)
        for n in 1...10 {
            let p = (0..<n).map { _ in rng.uniform() }
            var brute = [Double](repeating: 0, count: n + 1)
            for mask in 0..<(1 << n) {
                var prob = 1.0, k = 0
                for j in 0..<n {
                    if mask & (1 << j) != 0 { prob *= p[j]; k += 1 } else { prob *= 1 - p[j] }
                }
                brute[k] += prob
            }
            let d = PoissonBinomial.distribution(p)
            for k in 0...n { XCTAssertEqual(d[k], brute[k], accuracy: 1e-12, "n \(n), k \(k)") }
            XCTAssertEqual(d.reduce(0, +), 1, accuracy: 1e-12)
        }
    }
}
