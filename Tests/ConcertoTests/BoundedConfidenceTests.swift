import XCTest
@testable import Concerto

/// Known behaviour of the Deffuant model: with uniform initial opinions, a wide confidence bound
/// (ε = 0.5) leads to one central cluster — consensus —, a narrow one (ε = 0.1) to several.
final class BoundedConfidenceTests: XCTestCase {
    func room(epsilon: Double, seed: UInt64) -> (consensus: Bool, clusters: Int) {
        var rng = RandomStream(seed: seed)
        let n = 40
        var x = (0..<n).map { _ in rng.uniform() }
        let members = (0..<n).map { Int32($0) }
        BoundedConfidence.exchange(&x, members: members, count: 40_000, epsilon: epsilon, mu: 0.5, rng: &rng)
        return (BoundedConfidence.consensus(x, members: members, threshold: 0.3), BoundedConfidence.clusters(x, gap: 0.02))
    }

    func testWideBoundReachesConsensus() {
        for seed in 1...10 as ClosedRange<UInt64> {
            let r = room(epsilon: 0.5, seed: seed)
            XCTAssertTrue(r.consensus, "seed \(seed)")
            XCTAssertEqual(r.clusters, 1, "seed \(seed)")
        }
    }

    func testNarrowBoundDoesNot() {
        for seed in 1...10 as ClosedRange<UInt64> {
            let r = room(epsilon: 0.1, seed: seed)
            XCTAssertFalse(r.consensus, "seed \(seed)")
            XCTAssertGreaterThanOrEqual(r.clusters, 3, "seed \(seed)")
        }
    }

    func testExchangesKeepTheMean() {
        // Each exchange moves a pair symmetrically: the mean opinion is invariant.
        var rng = RandomStream(seed: 3)
        var x = (0..<30).map { _ in rng.uniform() }
        let before = x.reduce(0, +)
        BoundedConfidence.exchange(&x, members: (0..<30).map { Int32($0) }, count: 5000, epsilon: 0.3, mu: 0.3, rng: &rng)
        XCTAssertEqual(x.reduce(0, +), before, accuracy: 1e-9)
    }
}
