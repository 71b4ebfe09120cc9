import XCTest
@testable import Concerto

final class LatencyEstimatesTests: XCTestCase {
    /// Random waits with drops and censoring, ties on whole days.
    private func randomWaits(seed: UInt64, n: Int, dropShare: Double) -> WaitList {
        var rng = TestRNG(state: seed)
        var d: [Double] = [], o: [LatencyOutcome] = []
        for _ in 0..<n {
            let t = (rng.exponential(mean: 60)).rounded(.up)
            let censor = (rng.exponential(mean: 200)).rounded(.up)
            d.append(Swift.min(t, censor))
            o.append(censor < t ? .open : (rng.uniform() < dropShare ? .dropped : .decided))
        }
        return WaitList(days: d, outcomes: o)
    }

    func testOneWalkGivesEveryEstimate() {
        // The measures read both days and both medians from one walk that stops once all are
        // found; asking for them one at a time, or the days in the other order, gives the same.
        for seed in 1...30 {
            let w = randomWaits(seed: UInt64(300 + seed), n: 120, dropShare: 0.25)
            let e = LatencyEstimates(w, atDays: 90, 365), reversed = LatencyEstimates(w, atDays: 365, 90)
            XCTAssertEqual(e.first, w.cumulativeIncidence(atDays: 90))
            XCTAssertEqual(e.second, w.cumulativeIncidence(atDays: 365))
            XCTAssertEqual(reversed.first, e.second)
            XCTAssertEqual(reversed.second, e.first)
            XCTAssertEqual(e.kaplanMeierMedian, w.kaplanMeierMedian())
            XCTAssertEqual(e.incidenceMedian, w.cumulativeIncidenceMedian())
            // The medians against the curves, walked to the end.
            let km = w.kaplanMeierCurve().first { $0.survival <= 0.5 * (1 + 1e-10) }?.time ?? .infinity
            let cif = w.cumulativeIncidenceCurve().first { $0.incidence.decided >= 0.5 * (1 - 1e-10) }?.days ?? .infinity
            XCTAssertEqual(e.kaplanMeierMedian, km, "seed \(seed)")
            XCTAssertEqual(e.incidenceMedian, cif, "seed \(seed)")
        }
        let none = LatencyEstimates(WaitList(days: [], outcomes: []), atDays: 90, 365)
        XCTAssertTrue(none.kaplanMeierMedian.isNaN && none.incidenceMedian.isNaN && none.first == nil && none.second == nil)
        XCTAssertNil(LatencyEstimates(WaitList(days: [3], outcomes: [.decided]), atDays: .nan, 5).first)
    }

    func testHandComputedExample() throws {
        // The example of CumulativeIncidenceTests: F₁ never reaches 1/2, KM reaches 4/9 at day 8.
        let w = WaitList(days: [2, 2, 3, 3, 5, 5, 6, 8, 9, 9],
                         outcomes: [.decided, .decided, .dropped, .open, .decided, .dropped, .open, .decided, .dropped, .open])
        let e = LatencyEstimates(w, atDays: 4, 9)
        XCTAssertEqual(e.kaplanMeierMedian, 8)
        XCTAssertEqual(e.incidenceMedian, .infinity)
        XCTAssertEqual(try XCTUnwrap(e.first).decided, 1.0 / 5, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(e.second).dropped, 67.0 / 180, accuracy: 1e-15)
        XCTAssertNil(LatencyEstimates(w, atDays: 10, 9.5).first)
    }
}
