import XCTest
@testable import Concerto

final class LatinHypercubeTests: XCTestCase {
    func testEverySliceOfEveryCoordinateHoldsExactlyOnePoint() {
        for (n, k) in [(1, 1), (7, 3), (100, 5), (1000, 2)] {
            let lhs = LatinHypercube(count: n, dimensions: k, seed: 42)
            XCTAssertEqual(lhs.count, n)
            for d in 0..<k {
                var seen = [Int](repeating: 0, count: n)
                for p in lhs.points {
                    XCTAssertEqual(p.count, k)
                    XCTAssertTrue(p[d] >= 0 && p[d] < 1)
                    seen[Int(p[d] * Double(n))] += 1
                }
                XCTAssertEqual(seen, [Int](repeating: 1, count: n), "n = \(n), coordinate \(d)")
            }
        }
    }

    func testSameSeedSamePointsOtherSeedOtherPoints() {
        XCTAssertEqual(LatinHypercube(count: 50, dimensions: 4, seed: 9), LatinHypercube(count: 50, dimensions: 4, seed: 9))
        XCTAssertNotEqual(LatinHypercube(count: 50, dimensions: 4, seed: 9).points,
                          LatinHypercube(count: 50, dimensions: 4, seed: 10).points)
    }

    func testCoordinatesArePairedAtRandom() {
        // Independent permutations: the correlation between two coordinates is near 0
        // (sd 1/√n = 0.016 for n = 4000), and within a slice the position is not fixed.
        let n = 4000
        let lhs = LatinHypercube(count: n, dimensions: 2, seed: 3)
        let c = lhs.points.reduce(0.0) { $0 + ($1[0] - 0.5) * ($1[1] - 0.5) } / Double(n) * 12
        XCTAssertEqual(c, 0, accuracy: 0.07)
        let within = lhs.points.map { $0[0] * Double(n) - ($0[0] * Double(n)).rounded(.down) }
        XCTAssertEqual(within.reduce(0, +) / Double(n), 0.5, accuracy: 0.03)
        XCTAssertGreaterThan(within.max()! - within.min()!, 0.9)
    }

    func testMeansOfASmoothFunctionBeatIndependentDraws() {
        // For an additive function, Latin hypercube means vary far less than independent
        // draws' over seeds (McKay et al. 1979): here by more than 10× in standard deviation.
        let f = { (p: [Double]) in p[0] + 2 * p[1] * p[1] + 0.5 * p[2] }
        func spread(_ means: [Double]) -> Double {
            let m = means.reduce(0, +) / Double(means.count)
            return (means.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(means.count - 1)).squareRoot()
        }
        let n = 200
        let lhsMeans = (0..<30).map { s in LatinHypercube(count: n, dimensions: 3, seed: UInt64(s)).points.map(f).reduce(0, +) / Double(n) }
        let iidMeans = (0..<30).map { s -> Double in
            var r = RandomStream(seed: UInt64(1000 + s))
            return (0..<n).map { _ in f([r.uniform(), r.uniform(), r.uniform()]) }.reduce(0, +) / Double(n)
        }
        XCTAssertLessThan(spread(lhsMeans) * 10, spread(iidMeans))
        XCTAssertEqual(lhsMeans.reduce(0, +) / 30, 0.5 + 2.0 / 3 + 0.25, accuracy: 1e-3)
    }
}
