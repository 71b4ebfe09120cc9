import XCTest
@testable import Concerto

final class IssueWaitsTests: XCTestCase {
    func testDurationsAreVisitedInOrderWithTiesTogether() {
        let w = WaitList(days: [3, 1, 3, .nan, -2, 1, 3], outcomes: [.open, .decided, .decided, .decided, .dropped, .decided, .dropped])
        XCTAssertEqual(w.count, 6, "NaN left out")
        XCTAssertEqual(w.decidedCount, 3)
        var seen: [[Double]] = []
        w.forEachDuration { d, a, b, c in seen.append([d, Double(a), Double(b), Double(c)]); return true }
        XCTAssertEqual(seen, [[0, 0, 1, 0], [1, 2, 0, 0], [3, 1, 1, 1]], "negative clamped to 0")
    }

    func testDecidedQuantileIsTypeSeven() {
        // R: quantile(c(1, 2, 3, 4), 0.9) = 3.7; quantile(c(1, 2, 3, 4), 0.5) = 2.5;
        // quantile(c(5, 5, 5, 9), 0.9) = 7.8; a single value is every quantile.
        func w(_ d: [Double], dropped: [Double] = []) -> WaitList {
            WaitList(days: d + dropped, outcomes: d.map { _ in .decided } + dropped.map { _ in .dropped })
        }
        XCTAssertEqual(w([4, 2, 3, 1], dropped: [2.5, 10]).decidedQuantile(0.9), 3.7, accuracy: 1e-12)
        XCTAssertEqual(w([4, 2, 3, 1]).decidedQuantile(0.5), 2.5, accuracy: 1e-12)
        XCTAssertEqual(w([5, 9, 5, 5]).decidedQuantile(0.9), 7.8, accuracy: 1e-12)
        XCTAssertEqual(w([5, 9, 5, 5]).decidedQuantile(0.5), 5)
        XCTAssertEqual(w([6]).decidedQuantile(0.9), 6)
        XCTAssertEqual(w([4, 2, 3, 1]).decidedQuantile(1), 4)
        XCTAssertEqual(w([4, 2, 3, 1]).decidedQuantile(0), 1)
        XCTAssertTrue(w([], dropped: [3]).decidedQuantile(0.5).isNaN)
        // Against sorting, on random data with ties.
        var rng = TestRNG(state: 3)
        for _ in 0..<50 {
            let d = (0..<Int(1 + rng.uniform() * 60)).map { _ in (rng.uniform() * 20).rounded() }
            for q in [0.1, 0.5, 0.9] { XCTAssertEqual(w(d).decidedQuantile(q), SampleQuantile.type7(d.sorted(), q)) }
        }
    }
}
