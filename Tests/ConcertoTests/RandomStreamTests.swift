import XCTest
@testable import Concerto

final class RandomStreamTests: XCTestCase {
    func testSameSeedSameSequence() {
        var a = RandomStream(masterSeed: 42, replication: 3, stream: 1)
        var b = RandomStream(masterSeed: 42, replication: 3, stream: 1)
        for _ in 0..<1000 { XCTAssertEqual(a.next(), b.next()) }
    }

    func testXoshiroReferenceOutput() {
        // xoshiro256** reference (Vigna): state {1, 2, 3, 4} gives 11520, 0, 1509978240, 1215971899390074240.
        var r = RandomStream(seed: 0)
        r.s0 = 1; r.s1 = 2; r.s2 = 3; r.s3 = 4
        XCTAssertEqual([r.next(), r.next(), r.next(), r.next()], [11520, 0, 1509978240, 1215971899390074240])
    }

    func testSplitMixReferenceOutput() {
        // SplitMix64 with seed 1234567 (Vigna's reference implementation).
        var s = SplitMix64(seed: 1234567)
        XCTAssertEqual(s.next(), 6457827717110365317)
        XCTAssertEqual(s.next(), 3203168211198807973)
    }

    func testStreamsAreIndependent() {
        // Correlation between streams of different replications and purposes is near zero,
        // and they never produce the same sequence.
        let n = 20_000
        let pairs: [((UInt64, UInt64), (UInt64, UInt64))] = [((0, 1), (1, 1)), ((0, 1), (0, 2)), ((5, 3), (6, 3))]
        for ((ra, sa), (rb, sb)) in pairs {
            var a = RandomStream(masterSeed: 9, replication: ra, stream: sa)
            var b = RandomStream(masterSeed: 9, replication: rb, stream: sb)
            var sx = 0.0, sy = 0.0, sxy = 0.0, sxx = 0.0, syy = 0.0
            var equal = 0
            for _ in 0..<n {
                let x = a.uniform(), y = b.uniform()
                if x == y { equal += 1 }
                sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y
            }
            let nn = Double(n)
            let cov = sxy / nn - sx / nn * sy / nn
            let corr = cov / ((sxx / nn - sx * sx / nn / nn).squareRoot() * (syy / nn - sy * sy / nn / nn).squareRoot())
            XCTAssertLessThan(abs(corr), 4 / nn.squareRoot(), "streams \(ra)/\(sa) and \(rb)/\(sb) correlate: \(corr)")
            XCTAssertLessThan(equal, 3)
        }
    }

    func testUniformMeanAndExponentialMean() {
        var r = RandomStream(seed: 11)
        let n = 100_000
        var su = 0.0, se = 0.0
        for _ in 0..<n { su += r.uniform(); se += r.exponential(rate: 2) }
        XCTAssertEqual(su / Double(n), 0.5, accuracy: 0.005)
        XCTAssertEqual(se / Double(n), 0.5, accuracy: 0.01)
    }

    func testIndexIsUnbiased() {
        var r = RandomStream(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[r.index(7)] += 1 }
        // Chi-square with 6 df: 99.9% quantile is 22.46.
        let chi = counts.reduce(0.0) { $0 + pow(Double($1) - 10_000, 2) / 10_000 }
        XCTAssertLessThan(chi, 22.46)
    }
}
