import XCTest
@testable import Concerto

final class CumulativeIncidenceTests: XCTestCase {
    /// Ten issues, with ties between a drop and a censoring (day 3), between a decision and a
    /// drop (day 5), and censorings (open at the horizon) on days 3, 6 and 9. Worked by hand
    /// with the Aalen–Johansen recursion (n at risk, S(t−), d₁ decisions, d₂ drops):
    ///
    ///     day  n  d₁ d₂ c   F₁ (decided)           F₂ (dropped)            S (waiting)
    ///      2  10  2  0  0   2/10 = 1/5             0                       8/10
    ///      3   8  0  1  1   1/5                    0.8·1/8 = 1/10          0.8·7/8 = 7/10
    ///      5   6  1  1  0   1/5 + 0.7/6 = 19/60    1/10 + 0.7/6 = 13/60    0.7·4/6 = 7/15
    ///      6   4  0  0  1   19/60                  13/60                   7/15
    ///      8   3  1  0  0   19/60 + (7/15)/3 = 17/36   13/60               (7/15)·2/3 = 14/45
    ///      9   2  0  1  1   17/36                  13/60 + (14/45)/2 = 67/180   7/45
    ///
    /// Half of the issues are never decided in the data (F₁ ends at 17/36 < 1/2), while the
    /// Kaplan–Meier estimate, which censors the drops, falls to 4/9 at day 8: its median says 8 days.
    private let days: [Double] = [2, 2, 3, 3, 5, 5, 6, 8, 9, 9]
    private let outcomes: [LatencyOutcome] = [.decided, .decided, .dropped, .open, .decided, .dropped, .open, .decided, .dropped, .open]

    func testHandComputedExampleWithTiesCensoringAndBothOutcomes() {
        let w = WaitList(days: days.reversed(), outcomes: outcomes.reversed())   // any order
        let curve = w.cumulativeIncidenceCurve()
        let expected: [(Double, Double, Double, Double)] = [
            (2, 1.0 / 5, 0, 8.0 / 10), (3, 1.0 / 5, 1.0 / 10, 7.0 / 10), (5, 19.0 / 60, 13.0 / 60, 7.0 / 15),
            (8, 17.0 / 36, 13.0 / 60, 14.0 / 45), (9, 17.0 / 36, 67.0 / 180, 7.0 / 45),
        ]
        XCTAssertEqual(curve.map(\.days), expected.map(\.0), "one point per day with a decision or a drop")
        for (point, e) in zip(curve, expected) {
            XCTAssertEqual(point.incidence.decided, e.1, accuracy: 1e-15, "F₁(\(e.0))")
            XCTAssertEqual(point.incidence.dropped, e.2, accuracy: 1e-15, "F₂(\(e.0))")
            XCTAssertEqual(point.incidence.waiting, e.3, accuracy: 1e-15, "S(\(e.0))")
        }
        XCTAssertEqual(curve.last?.incidence.atRisk, 0)
        XCTAssertEqual(w.cumulativeIncidenceMedian(), .infinity, "never half decided")
        XCTAssertEqual(w.kaplanMeierMedian(), 8, "KM with drops censored reaches 4/9 at day 8")
        XCTAssertEqual(KaplanMeier.curve(times: days, observed: outcomes.map { $0 == .decided }).map(\.survival).last ?? .nan,
                       4.0 / 9, accuracy: 1e-15)
    }

    func testValueAtADayIsTheStepBeforeIt() throws {
        let w = WaitList(days: days, outcomes: outcomes)
        let beforeAny = try XCTUnwrap(w.cumulativeIncidence(atDays: 1))
        XCTAssertEqual(beforeAny.decided, 0); XCTAssertEqual(beforeAny.dropped, 0); XCTAssertEqual(beforeAny.waiting, 1)
        let day4 = try XCTUnwrap(w.cumulativeIncidence(atDays: 4))
        XCTAssertEqual(day4.decided, 1.0 / 5, accuracy: 1e-15)
        XCTAssertEqual(day4.dropped, 1.0 / 10, accuracy: 1e-15)
        let day5 = try XCTUnwrap(w.cumulativeIncidence(atDays: 5))       // outcomes at exactly 5 count
        XCTAssertEqual(day5.decided, 19.0 / 60, accuracy: 1e-15)
        let day9 = try XCTUnwrap(w.cumulativeIncidence(atDays: 9))       // the longest wait
        XCTAssertEqual(day9.dropped, 67.0 / 180, accuracy: 1e-15)
        // Beyond the longest wait, with an issue still open at the end: not identified.
        XCTAssertNil(w.cumulativeIncidence(atDays: 9.5))
        XCTAssertNil(WaitList(days: [], outcomes: []).cumulativeIncidence(atDays: 1))
        // Beyond the longest wait with nothing left waiting: identified, and final.
        let ended = WaitList(days: [1, 2, 4], outcomes: [.decided, .dropped, .decided])
        let late = try XCTUnwrap(ended.cumulativeIncidence(atDays: 400))
        XCTAssertEqual(late.decided, 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(late.dropped, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(late.waiting, 0)
    }

    func testMedianIsTheFirstDayHalfAreDecided() {
        // 4 issues decided on days 1..4, none dropped: F₁(2) = 1/2 exactly.
        XCTAssertEqual(WaitList(days: [4, 3, 2, 1], outcomes: [.decided, .decided, .decided, .decided]).cumulativeIncidenceMedian(), 2)
        // A drop on day 1 pushes it: F₁ = 1/4, 2/4 on day 3.
        XCTAssertEqual(WaitList(days: [1, 2, 3, 4], outcomes: [.dropped, .decided, .decided, .decided]).cumulativeIncidenceMedian(), 3)
        XCTAssertTrue(WaitList(days: [], outcomes: []).cumulativeIncidenceMedian().isNaN)
        XCTAssertEqual(WaitList(days: [1, 2], outcomes: [.open, .open]).cumulativeIncidenceMedian(), .infinity)
    }

    /// Random waits with both outcomes and censoring, ties on whole days.
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

    func testTheSharesAddUpToOneAtEveryDay() {
        for seed in 1...40 {
            let w = randomWaits(seed: UInt64(seed), n: 200, dropShare: 0.3)
            var lastDecided = 0.0, lastDropped = 0.0
            for p in w.cumulativeIncidenceCurve() {
                let f = p.incidence
                XCTAssertEqual(f.decided + f.dropped + f.waiting, 1, accuracy: 1e-12, "seed \(seed), day \(p.days)")
                XCTAssertGreaterThanOrEqual(f.decided, lastDecided)
                XCTAssertGreaterThanOrEqual(f.dropped, lastDropped)
                lastDecided = f.decided; lastDropped = f.dropped
            }
        }
    }

    func testWithoutDropsDecidedIsOneMinusKaplanMeier() {
        for seed in 1...40 {
            let w = randomWaits(seed: UInt64(100 + seed), n: 150, dropShare: 0)
            let km = w.kaplanMeierCurve()
            let cif = w.cumulativeIncidenceCurve()
            XCTAssertEqual(km.map(\.time), cif.map(\.days))
            for (s, f) in zip(km, cif) {
                XCTAssertEqual(f.incidence.waiting, s.survival, "the same product, bit for bit")
                XCTAssertEqual(f.incidence.decided, 1 - s.survival, accuracy: 1e-12)
                XCTAssertEqual(f.incidence.dropped, 0)
            }
            XCTAssertEqual(w.cumulativeIncidenceMedian(), w.kaplanMeierMedian(), "seed \(seed)")
        }
    }

    func testDropsLowerTheIncidenceOfDecisionButNotTheKaplanMeierMedian() {
        // The same waits, read once with the drops as drops and once as decisions.
        var rng = TestRNG(state: 5)
        var d: [Double] = [], o: [LatencyOutcome] = []
        for k in 0..<300 {
            d.append(Double(1 + k % 100))
            o.append(rng.uniform() < 0.4 ? .dropped : .decided)
        }
        let withDrops = WaitList(days: d, outcomes: o)
        let decidedInstead = WaitList(days: d, outcomes: o.map { _ in .decided })
        let a = withDrops.cumulativeIncidence(atDays: 50)!, b = decidedInstead.cumulativeIncidence(atDays: 50)!
        XCTAssertLessThan(a.decided, b.decided - 0.1)
        XCTAssertEqual(a.decided + a.dropped, b.decided, accuracy: 1e-12, "all ended by day 50 either way")
        // Nothing is censored, so F₁ is the empirical share decided: its median is the first day
        // by which 150 of the 300 issues are decided. Kaplan–Meier reads a drop as "still
        // waiting": with a share p decided, S(t) ≈ ((101 − t)/100)^p, one half well before.
        let km = withDrops.kaplanMeierMedian(), cif = withDrops.cumulativeIncidenceMedian()
        let decidedDays = zip(d, o).filter { $0.1 == .decided }.map(\.0).sorted()
        XCTAssertEqual(cif, decidedDays[149])
        let p = Double(decidedDays.count) / 300
        XCTAssertEqual(km, 101 - 100 * pow(0.5, 1 / p), accuracy: 3)
        XCTAssertLessThan(km, cif - 5, "KM: drops look harmless")
        XCTAssertEqual(km, WaitList(days: d, outcomes: o.map { $0 == .dropped ? .open : $0 }).kaplanMeierMedian(), "drops are censorings to KM")
    }
}
