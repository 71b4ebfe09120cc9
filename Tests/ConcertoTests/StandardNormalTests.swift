import Foundation
import XCTest
@testable import Concerto

final class StandardNormalTests: XCTestCase {
    func testQuantilesAgainstPublishedValues() {
        // SciPy 1.17 `special.ndtri` (Cephes), printed to 16 significant digits.
        let published: [(p: Double, z: Double)] = [
            (0.5, 0), (0.975, 1.959963984540054), (0.95, 1.644853626951472),
            (0.99, 2.326347874040841), (0.999, 3.090232306167813), (0.8413447460685429, 1),
            (1e-10, -6.361340902404056), (1e-300, -37.0470962993612), (0.25, -0.6744897501960817),
        ]
        for (p, z) in published {
            XCTAssertEqual(StandardNormal.quantile(p), z, accuracy: 1e-14 * Swift.max(1, Swift.abs(z)), "Φ⁻¹(\(p))")
        }
        XCTAssertEqual(StandardNormal.quantile(0), -.infinity)
        XCTAssertEqual(StandardNormal.quantile(1), .infinity)
    }

    func testQuantileInvertsTheCumulativeProbabilityInAllThreeRanges() {
        // Central (|p − ½| ≤ 0.425), intermediate (r ≤ 5) and far-tail branches, both sides;
        // Φ here is erfc from the C library, not code of Concerto's. A relative error ε in z
        // moves the tail probability by about z²·ε relatively, hence the tolerance.
        var p = 1e-300
        while p < 0.5 {
            let z = StandardNormal.quantile(p)
            XCTAssertEqual(0.5 * erfc(-z / 2.0.squareRoot()), p, accuracy: 2e-15 * Swift.max(1, z * z) * p, "Φ(Φ⁻¹(\(p)))")
            let q = 1 - p, upper = StandardNormal.quantile(q)
            if q < 1 {
                XCTAssertEqual(0.5 * erfc(upper / 2.0.squareRoot()), 1 - q, accuracy: 2e-15 * Swift.max(1, upper * upper) * (1 - q), "1 − Φ(Φ⁻¹(\(q)))")
            }
            p *= 1.7
        }
    }

    func testSymmetry() {
        for p in stride(from: 0.001, to: 0.5, by: 0.0137) {
            XCTAssertEqual(StandardNormal.quantile(p), -StandardNormal.quantile(1 - p), accuracy: 1e-13)
        }
        XCTAssertEqual(StandardNormal.cumulativeProbability(1.959963984540054), 0.975, accuracy: 1e-15)
        XCTAssertEqual(StandardNormal.cumulativeProbability(-8), 6.22096057427174e-16, accuracy: 1e-27)
    }
}
