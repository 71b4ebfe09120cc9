import Foundation
import XCTest
@testable import Concerto


final class KaplanMeierTests: XCTestCase {
    // Freireich et al. (1963), 6-MP arm of the leukemia remission trial (weeks; false = censored).
    // Product-limit values as tabulated in Kleinbaum & Klein, "Survival Analysis", ch. 2.
    private let freireichTimes: [Double] = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]
    private let freireichObserved: [Bool] = [true, true, true, false, true, false, true, false, false, true, true,
                                             false, false, false, true, true, false, false, false, false, false]
    private let freireichSurvival: [(Double, Double)] = [(6, 0.857), (7, 0.807), (10, 0.753), (13, 0.690),
                                                         (16, 0.627), (22, 0.538), (23, 0.448)]

    func testFreireichProductLimit() {
        let curve = KaplanMeier.curve(times: freireichTimes, observed: freireichObserved)
        XCTAssertEqual(curve.count, freireichSurvival.count)
        for (point, expected) in zip(curve, freireichSurvival) {
            XCTAssertEqual(point.time, expected.0)
            XCTAssertEqual(point.survival, expected.1, accuracy: 0.0005, "t = \(expected.0)")
        }
        XCTAssertEqual(KaplanMeier.median(times: freireichTimes, observed: freireichObserved), 23)
    }

    func testFreireichIsOrderIndependent() {
        let permutation = Array(freireichTimes.indices.reversed())
        let t = permutation.map { freireichTimes[$0] }, o = permutation.map { freireichObserved[$0] }
        XCTAssertEqual(KaplanMeier.median(times: t, observed: o), 23)
    }

    func testHistogramReproducesFreireich() {
        // Integer weeks and unit bins: the bin convention equals the exact estimator.
        var h = DurationHistogram(binWidth: 1, maxDuration: 40)
        for (t, observed) in zip(freireichTimes, freireichObserved) {
            if observed { h.addEvent(t) } else { h.addCensored(t) }
        }
        XCTAssertEqual(h.events, 9)
        XCTAssertEqual(h.censored, 12)
        XCTAssertEqual(h.eventSum, 6 + 6 + 6 + 7 + 10 + 13 + 16 + 22 + 23)
        XCTAssertEqual(h.kaplanMeierMedian(), 23)
        let curve = h.kaplanMeierSurvival()
        XCTAssertEqual(curve.count, freireichSurvival.count)
        for (point, expected) in zip(curve, freireichSurvival) {
            XCTAssertEqual(point.time, expected.0)
            XCTAssertEqual(point.survival, expected.1, accuracy: 0.0005)
        }
    }

    func testEdgeCases() {
        XCTAssertTrue(KaplanMeier.median(times: [], observed: []).isNaN)
        XCTAssertEqual(KaplanMeier.curve(times: [], observed: []).count, 0)
        // Everything censored: S never reaches 0.5.
        XCTAssertEqual(KaplanMeier.median(times: [1, 2, 3], observed: [false, false, false]), .infinity)
        // Events 1..4, no censoring: S(2) = 0.5 exactly, so the median is 2.
        XCTAssertEqual(KaplanMeier.median(times: [4, 3, 2, 1], observed: [true, true, true, true]), 2)
        // Tie: the event at 2 is processed before the censoring at 2 (3 at risk → S = 2/3).
        let tie = KaplanMeier.curve(times: [2, 2, 5], observed: [false, true, true])
        XCTAssertEqual(tie.first?.survival ?? .nan, 2.0 / 3.0, accuracy: 1e-15)

        let empty = DurationHistogram(maxDuration: 10)
        XCTAssertTrue(empty.kaplanMeierMedian().isNaN)
        XCTAssertTrue(empty.eventQuantile(0.5).isNaN)
        XCTAssertTrue(empty.kaplanMeierSurvival().isEmpty)
        var censoredOnly = DurationHistogram(maxDuration: 10)
        censoredOnly.addCensored(3)
        XCTAssertEqual(censoredOnly.kaplanMeierMedian(), .infinity)
    }

    func testHistogramMedianWithinOneBinOfExactOnRandomCensoredData() {
        // 300 samples of 400 durations, exponential events (mean 20 d) and censorings (mean 50 d,
        // ~29% censored), bin widths 0.5, 1 and 2 d. Within one bin width in (nearly) every
        // sample; the uncorrected convention (censorings after the bin's events) fails this in
        // ~15% of the samples, so the 98% threshold also guards the within-bin correction.
        let widths = [0.5, 1.0, 2.0]
        var within = 0
        let trials = 300
        for trial in 0..<trials {
            var rng = TestRNG(state: UInt64(1000 + trial))
            let width = widths[trial % widths.count]
            var times: [Double] = [], observed: [Bool] = []
            var h = DurationHistogram(binWidth: width, maxDuration: 60)
            for _ in 0..<400 {
                let event = rng.exponential(mean: 20)
                let censor = rng.exponential(mean: 50)
                let t = min(event, censor)
                times.append(t)
                observed.append(event <= censor)
                if event <= censor { h.addEvent(t) } else { h.addCensored(t) }
            }
            let exact = KaplanMeier.median(times: times, observed: observed)
            let binned = h.kaplanMeierMedian()
            XCTAssertTrue(exact.isFinite && binned.isFinite)
            XCTAssertLessThanOrEqual(abs(binned - exact), 2 * width, "trial \(trial)")
            if abs(binned - exact) <= width { within += 1 }
        }
        XCTAssertGreaterThanOrEqual(Double(within) / Double(trials), 0.98, "\(within) of \(trials) within one bin")
    }

    func testHistogramEqualsExactOnIntegerData() {
        var rng = TestRNG(state: 42)
        var times: [Double] = [], observed: [Bool] = []
        var h = DurationHistogram(maxDuration: 30)
        for _ in 0..<300 {
            let t = Double(1 + Int(rng.uniform() * 40))      // some beyond 30 go to the overflow bin
            let isEvent = rng.uniform() < 0.7
            times.append(t)
            observed.append(isEvent)
            if isEvent { h.addEvent(t) } else { h.addCensored(t) }
        }
        let exactCurve = KaplanMeier.curve(times: times, observed: observed)
        let binnedCurve = h.kaplanMeierSurvival()
        // Below the overflow bin the two curves coincide bit for bit.
        let below = exactCurve.filter { $0.time <= 30 }
        XCTAssertEqual(below.map(\.time), Array(binnedCurve.prefix(below.count)).map(\.time))
        XCTAssertEqual(below.map(\.survival), Array(binnedCurve.prefix(below.count)).map(\.survival))
        XCTAssertEqual(h.kaplanMeierMedian(), KaplanMeier.median(times: times, observed: observed))
    }

    func testOverflowBinUsesLargestEvent() {
        var h = DurationHistogram(binWidth: 1, maxDuration: 5)
        XCTAssertEqual(h.binCount, 6)
        XCTAssertEqual(h.upperEdge(ofBin: 5), .infinity)
        for t in [1.0, 100, 200, 300] { h.addEvent(t) }
        XCTAssertEqual(h.kaplanMeierMedian(), 300)   // S = 0.75 after bin 1, then 0 in the overflow bin
        XCTAssertEqual(h.eventQuantile(1), 300)
        XCTAssertEqual(h.eventSum, 601)
    }

    func testEventQuantile() {
        var h = DurationHistogram(binWidth: 1, maxDuration: 100)
        for i in 1...100 { h.addEvent(Double(i) - 0.5) }   // one event in the middle of each bin
        h.addCensored(3)                                   // censorings do not affect event quantiles
        XCTAssertEqual(h.eventQuantile(0.5), 50, accuracy: 1e-9)
        XCTAssertEqual(h.eventQuantile(0.9), 90, accuracy: 1e-9)
        XCTAssertEqual(h.eventQuantile(0), 0.5)               // clamped to the smallest event
        XCTAssertEqual(h.eventQuantile(1), 99.5)              // clamped to the largest event
        var one = DurationHistogram(maxDuration: 10)
        one.addEvent(4)
        XCTAssertEqual(one.eventQuantile(0.5), 4)
    }

    func testMergeEqualsSingleHistogram() {
        var rng = TestRNG(state: 9)
        var all = DurationHistogram(binWidth: 0.5, maxDuration: 20)
        var a = all, b = all
        for i in 0..<500 {
            let t = rng.exponential(mean: 6)
            let isEvent = rng.uniform() < 0.8
            if isEvent { all.addEvent(t) } else { all.addCensored(t) }
            if i < 250 {
                if isEvent { a.addEvent(t) } else { a.addCensored(t) }
            } else {
                if isEvent { b.addEvent(t) } else { b.addCensored(t) }
            }
        }
        a.merge(b)
        XCTAssertEqual(a.events, all.events)
        XCTAssertEqual(a.censored, all.censored)
        XCTAssertEqual(a.eventSum, all.eventSum, accuracy: 1e-9)
        XCTAssertEqual(a.kaplanMeierMedian(), all.kaplanMeierMedian())
        XCTAssertEqual(a.eventQuantile(0.9), all.eventQuantile(0.9))
        let merged = a.kaplanMeierSurvival(), single = all.kaplanMeierSurvival()
        XCTAssertEqual(merged.map(\.time), single.map(\.time))
        for (m, s) in zip(merged, single) { XCTAssertEqual(m.survival, s.survival, accuracy: 1e-12) }
    }

    func testHistogramMemoryIndependentOfCount() {
        var h = DurationHistogram(binWidth: 1, maxDuration: 365)
        for i in 0..<200_000 { h.addEvent(Double(i % 500)) }
        XCTAssertEqual(h.binCount, 366)
        XCTAssertEqual(MemoryLayout.size(ofValue: h), MemoryLayout<DurationHistogram>.size)
        XCTAssertEqual(h.events, 200_000)
        XCTAssertTrue(h.skipped == 0)
        h.addEvent(.nan)
        XCTAssertEqual(h.skipped, 1)
        XCTAssertEqual(h.events, 200_000)
    }
}
