import XCTest
@testable import Concerto

final class KeyedRandomTests: XCTestCase {
    func testTheNumberDependsOnTheKeyNotOnWhatWasAskedBefore() {
        let g = KeyedRandom(masterSeed: 7, replication: 3, stream: 8)
        let first = g.uniform(5, 12)
        _ = (0..<100).map { g.uniform(UInt64($0), 1) }
        XCTAssertEqual(g.uniform(5, 12), first)
        XCTAssertEqual(KeyedRandom(masterSeed: 7, replication: 3, stream: 8).uniform(5, 12), first)
        XCTAssertNotEqual(KeyedRandom(masterSeed: 7, replication: 4, stream: 8).uniform(5, 12), first)
        XCTAssertNotEqual(g.uniform(12, 5), first, "the coordinates are not symmetric")
    }

    func testUniformOverAGridOfKeys() {
        // Chi-square over 20 bins of 200 × 500 numbers (partners × months): 19 degrees of
        // freedom, 99.9th percentile 43.8. Lag-1 correlation along months near 0.
        let g = KeyedRandom(masterSeed: 1, replication: 0, stream: 8)
        var bins = [Int](repeating: 0, count: 20)
        var sum = 0.0, lag = 0.0, n = 0.0
        for p in 0..<200 {
            var previous = g.uniform(UInt64(p), 0)
            for m in 0..<500 {
                let u = g.uniform(UInt64(p), UInt64(m))
                XCTAssertTrue(u >= 0 && u < 1)
                bins[Int(u * 20)] += 1
                sum += u
                if m > 0 { lag += (u - 0.5) * (previous - 0.5) }
                previous = u
                n += 1
            }
        }
        let expected = n / 20
        let chi2 = bins.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        XCTAssertLessThan(chi2, 43.8)
        XCTAssertEqual(sum / n, 0.5, accuracy: 0.005)
        XCTAssertEqual(lag / n / (1.0 / 12), 0, accuracy: 0.02)
    }
}
