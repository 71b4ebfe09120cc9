import XCTest
@testable import Concerto

final class BinomialTailTests: XCTestCase {
    func testSmallCasesByHand() {
        // P(X ≥ 8), X ~ Binomial(10, 1/2) = (45 + 10 + 1) / 1024.
        XCTAssertEqual(BinomialTail.atLeast(8, trials: 10, probability: 0.5), 56.0 / 1024, accuracy: 1e-15)
        // P(X ≥ 1), X ~ Binomial(3, 0.2) = 1 − 0.8³ = 0.488.
        XCTAssertEqual(BinomialTail.atLeast(1, trials: 3, probability: 0.2), 0.488, accuracy: 1e-15)
        XCTAssertEqual(BinomialTail.atLeast(0, trials: 5, probability: 0.3), 1)
        XCTAssertEqual(BinomialTail.atLeast(6, trials: 5, probability: 0.3), 0)
        XCTAssertEqual(BinomialTail.atLeast(1, trials: 5, probability: 0), 0)
        XCTAssertEqual(BinomialTail.atLeast(5, trials: 5, probability: 1), 1)
    }

    func testAgreesWithTheDirectSum() {
        // n = 30, p = 0.3: every k against the sum of C(n, i) pⁱ (1 − p)ⁿ⁻ⁱ with exact binomials.
        let n = 30, p = 0.3
        var pmf: [Double] = []
        var c = 1.0
        for i in 0...n {
            pmf.append(c * pow(p, Double(i)) * pow(1 - p, Double(n - i)))
            c = c * Double(n - i) / Double(i + 1)
        }
        for k in 0...n {
            let direct = pmf[k...].reduce(0, +)
            XCTAssertEqual(BinomialTail.atLeast(k, trials: n, probability: p), direct, accuracy: 1e-14, "k = \(k)")
        }
    }

    func testLargeTrialsAndTinyTails() {
        // n = 2000, p = 1/2: P(X ≥ 1000) + P(X ≥ 1001) = 1 by symmetry.
        let a = BinomialTail.atLeast(1000, trials: 2000, probability: 0.5)
        let b = BinomialTail.atLeast(1001, trials: 2000, probability: 0.5)
        XCTAssertEqual(a + b, 1, accuracy: 1e-12)
        // P(X = 100), n = 100, p = 1/2: 2⁻¹⁰⁰, relative accuracy kept.
        XCTAssertEqual(BinomialTail.atLeast(100, trials: 100, probability: 0.5) / pow(2, -100), 1, accuracy: 1e-12)
    }
}
