import Foundation
import XCTest
@testable import Concerto

final class UncertaintyDistributionTests: XCTestCase {
    let grid = stride(from: 0.0, to: 1.0, by: 1.0 / 64).map { $0 } + [1e-9, 0.999999]

    func testUniformIsLinear() {
        let d = UncertaintyDistribution.uniform(low: 6, high: 12)
        for u in grid { XCTAssertEqual(d.value(at: u), 6 + 6 * u, accuracy: 1e-12) }
        XCTAssertEqual(d.value(at: 1), 12)
    }

    func testTriangularAgainstItsClosedFormDistribution() {
        // F(x) = (x−a)²/((c−a)(b−a)) below the mode b, 1 − (c−x)²/((c−a)(c−b)) above.
        let (a, b, c) = (2.0, 5.0, 11.0)
        let d = UncertaintyDistribution.triangular(low: a, mode: b, high: c)
        for u in grid {
            let x = d.value(at: u)
            let f = x <= b ? (x - a) * (x - a) / ((c - a) * (b - a)) : 1 - (c - x) * (c - x) / ((c - a) * (c - b))
            XCTAssertEqual(f, u, accuracy: 1e-12, "F(Q(\(u)))")
        }
        XCTAssertEqual(d.value(at: (b - a) / (c - a)), b, accuracy: 1e-12, "the mode's probability")
        XCTAssertEqual(d.value(at: 0), a)
        XCTAssertEqual(d.value(at: 1), c)
        // Mean (a + b + c)/3 by the midpoint rule over 100,000 equal slices.
        let n = 100_000
        let mean = (0..<n).reduce(0.0) { $0 + d.value(at: (Double($1) + 0.5) / Double(n)) } / Double(n)
        XCTAssertEqual(mean, (a + b + c) / 3, accuracy: 1e-6)
        // Degenerate triangles at either end.
        XCTAssertEqual(UncertaintyDistribution.triangular(low: 0, mode: 0, high: 1).value(at: 0.75), 1 - 0.5, accuracy: 1e-12)
        XCTAssertEqual(UncertaintyDistribution.triangular(low: 0, mode: 1, high: 1).value(at: 0.25), 0.5, accuracy: 1e-12)
    }

    func testTruncatedNormalQuantilesAndMean() {
        // Half-normal: N(0, 1) on [0, ∞) has median Φ⁻¹(0.75) and mean √(2/π).
        let half = UncertaintyDistribution.truncatedNormal(mean: 0, sd: 1, low: 0, high: .infinity)
        XCTAssertEqual(half.value(at: 0.5), 0.6744897501960817, accuracy: 1e-13)
        XCTAssertEqual(half.value(at: 0), 0)
        // N(10, 2) on [8, 12] (±1 sd): Q(u) = 10 + 2·Φ⁻¹(Φ(−1) + u(Φ(1) − Φ(−1))), Φ(1) = 0.8413447460685429.
        let phi1 = 0.8413447460685429
        let mid = UncertaintyDistribution.truncatedNormal(mean: 10, sd: 2, low: 8, high: 12)
        XCTAssertEqual(mid.value(at: 0.5), 10, accuracy: 1e-12)
        XCTAssertEqual(mid.value(at: 0.9), 10 + 2 * StandardNormal.quantile(1 - phi1 + 0.9 * (2 * phi1 - 1)), accuracy: 1e-12)
        XCTAssertEqual(mid.value(at: 0), 8, accuracy: 1e-12)
        XCTAssertEqual(mid.value(at: 1), 12)
        // Mean μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)) for N(3, 1.5) on [2, 9], by the midpoint rule.
        let (mu, sigma, lo, hi) = (3.0, 1.5, 2.0, 9.0)
        let (alpha, beta) = ((lo - mu) / sigma, (hi - mu) / sigma)
        let density = { (z: Double) in exp(-z * z / 2) / (2 * Double.pi).squareRoot() }
        let cdf = { (z: Double) in 0.5 * erfc(-z / 2.0.squareRoot()) }
        let expected = mu + sigma * (density(alpha) - density(beta)) / (cdf(beta) - cdf(alpha))
        let d = UncertaintyDistribution.truncatedNormal(mean: mu, sd: sigma, low: lo, high: hi)
        let n = 100_000
        let mean = (0..<n).reduce(0.0) { $0 + d.value(at: (Double($1) + 0.5) / Double(n)) } / Double(n)
        XCTAssertEqual(mean, expected, accuracy: 1e-6)
        for u in grid { XCTAssertEqual(d.cumulativeProbability(d.value(at: u)), u, accuracy: 1e-12) }
    }

    func testTruncatedNormalFarInATailKeepsItsAccuracy() {
        // N(0, 1) on [9, 10]: Φ(9) rounds to 1 in double precision; the upper tail does not.
        // Q(½) solves Q(x) = (Q(9) + Q(10))/2 with Q the upper tail ½·erfc(x/√2).
        let d = UncertaintyDistribution.truncatedNormal(mean: 0, sd: 1, low: 9, high: 10)
        XCTAssertNil(d.problem)
        let x = d.value(at: 0.5)
        let upper = { (z: Double) in 0.5 * erfc(z / 2.0.squareRoot()) }
        XCTAssertEqual(upper(x), (upper(9) + upper(10)) / 2, accuracy: 1e-12 * upper(9))
        XCTAssertTrue(x > 9 && x < 9.1, "\(x)")
        let left = UncertaintyDistribution.truncatedNormal(mean: 0, sd: 1, low: -10, high: -9)
        XCTAssertEqual(left.value(at: 0.5), -x, accuracy: 1e-12)
        XCTAssertEqual(d.value(at: 0.25), -left.value(at: 0.75), accuracy: 1e-12)
    }

    func testDiscreteCutsTheUnitIntervalIntoEqualParts() {
        let d = UncertaintyDistribution.discrete([4, 6, 12])
        XCTAssertEqual([0, 0.33, 1.0 / 3, 0.5, 0.66, 2.0 / 3, 0.99, 1].map { d.value(at: $0) }, [4, 4, 6, 6, 6, 12, 12, 12])
        XCTAssertEqual(d.cumulativeProbability(6), 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(d.support, 4...12)
    }

    func testProblemsAreNamed() {
        XCTAssertNil(UncertaintyDistribution.uniform(low: 1, high: 1).problem)
        XCTAssertNotNil(UncertaintyDistribution.uniform(low: 2, high: 1).problem)
        XCTAssertNotNil(UncertaintyDistribution.triangular(low: 0, mode: 3, high: 2).problem)
        XCTAssertNotNil(UncertaintyDistribution.truncatedNormal(mean: 0, sd: 0, low: -1, high: 1).problem)
        XCTAssertNotNil(UncertaintyDistribution.truncatedNormal(mean: 0, sd: 1, low: 1, high: 1).problem)
        XCTAssertNotNil(UncertaintyDistribution.truncatedNormal(mean: 0, sd: 1, low: 60, high: 70).problem, "no probability there")
        XCTAssertNotNil(UncertaintyDistribution.discrete([]).problem)
        XCTAssertNotNil(UncertaintyDistribution.discrete([1, .nan]).problem)
    }
}
