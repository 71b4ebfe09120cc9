import XCTest
@testable import Concerto

/// A replication's latencies as the measures read them: sorted by exact duration, no bins.
final class LatencyViewTests: XCTestCase {
    /// Sorts `records` as `ReplicationSnapshot` does and hands `body` the view of every kind and
    /// the views of each kind.
    private func withViews<R>(_ records: [LatencyRecord], kinds: Int, binWidth: Double = 1, maxDays: Double = 1000,
                              _ body: (LatencyView, [LatencyView]) -> R) -> R {
        let finite = Int((maxDays / binWidth).rounded(.up))
        var binCounts = [Int32](repeating: 0, count: finite + 1)
        let empty = LatencyEntry(key: 0, kind: 0, outcome: .open, days: 0)
        var room = [LatencyEntry](repeating: empty, count: 3 * records.count + 1)
        return records.withUnsafeBufferPointer { r in
            room.withUnsafeMutableBufferPointer { space in
                binCounts.withUnsafeMutableBufferPointer { counts in
                    let base = space.baseAddress!
                    let n = LatencyView.sortedEntries(r, binWidth: binWidth, finiteBins: finite, into: base,
                                                      scratch: base + 2 * records.count, binCounts: counts.baseAddress!)
                    XCTAssertTrue(counts.allSatisfy { $0 == 0 }, "bin counters left at zero")
                    let c = LatencyView.counts(r, kinds: kinds)
                    var starts: [Int] = [], next = 0
                    for k in c.byKind { starts.append(next); next += k.total }
                    var ends = starts
                    LatencyView.partitionByKind(UnsafeBufferPointer(start: base, count: n), into: base + n, starts: &ends)
                    let all = LatencyView(sorted: UnsafeBufferPointer(start: base, count: n), counts: c.all, binWidth: binWidth, finiteBins: finite)
                    let byKind = (0..<kinds).map { k in
                        LatencyView(sorted: UnsafeBufferPointer(start: base + n + starts[k], count: c.byKind[k].total), counts: c.byKind[k],
                                    binWidth: binWidth, finiteBins: finite)
                    }
                    return body(all, byKind)
                }
            }
        }
    }

    func testTheMedianIsExactNotTheUpperEdgeOfABin() {
        // Decided after 0.3, 0.6, 1.2 and 1.7 days: S = 3/4, 2/4 at 0.6, so the median is 0.6.
        // With 1-day bins the first two share bin [0, 1] and the binned estimate said 1.
        let records = [1.7, 0.3, 1.2, 0.6].map { LatencyRecord(kind: 0, outcome: .decided, days: $0) }
        withViews(records, kinds: 1) { all, _ in
            XCTAssertEqual(all.kaplanMeierMedian(), 0.6)
            XCTAssertEqual(all.decidedQuantile(0.9), 1.2 + 0.7 * (1.7 - 1.2), accuracy: 1e-12)
        }
        XCTAssertEqual(LatencySample(binWidth: 1, maxDuration: 10, durations: [(1.7, true), (0.3, true), (1.2, true), (0.6, true)]).kaplanMeierMedian(), 1)
    }

    func testHandComputedKaplanMeierWithDropsCensored() {
        // Days (outcome): 0.5 (decided), 1.25 (dropped), 1.5 (decided), 1.5 (open), 2.75 (decided),
        // 3 (decided), 4.5 (open). By hand: S(0.5) = 6/7; at 1.5, 5 at risk (the drop has left),
        // S = 6/7 · 4/5 = 24/35; at 2.75, 3 at risk, S = 24/35 · 2/3 = 16/35 ≤ 1/2: median 2.75.
        let data: [(Double, LatencyOutcome)] = [(1.5, .open), (0.5, .decided), (3, .decided), (1.25, .dropped),
                                                (2.75, .decided), (4.5, .open), (1.5, .decided)]
        let records = data.map { LatencyRecord(kind: 0, outcome: $0.1, days: $0.0) }
        withViews(records, kinds: 1) { all, _ in
            let curve = all.kaplanMeierCurve()
            XCTAssertEqual(curve.map(\.time), [0.5, 1.5, 2.75, 3])
            for (p, s) in zip(curve, [6.0 / 7, 24.0 / 35, 16.0 / 35, 8.0 / 35]) { XCTAssertEqual(p.survival, s, accuracy: 1e-15) }
            XCTAssertEqual(all.kaplanMeierMedian(), 2.75)
        }
    }

    func testEntriesAreSortedByDurationThenRecordingOrderAndGroupedByKind() {
        var rng = TestRNG(state: 77)
        var records: [LatencyRecord] = []
        for _ in 0..<600 {
            let kind = Int32(rng.uniform() * 4)
            let u = rng.uniform()
            let outcome: LatencyOutcome = u < 0.6 ? .decided : (u < 0.8 ? .dropped : .open)
            // Half on whole days (ties), half anywhere in a bin.
            let d = rng.uniform() < 0.5 ? (rng.exponential(mean: 80)).rounded() : rng.exponential(mean: 80)
            records.append(LatencyRecord(kind: kind, outcome: outcome, days: Swift.min(d, 999)))
        }
        records.append(LatencyRecord(kind: 1, outcome: .decided, days: .nan))   // left out
        records.append(LatencyRecord(kind: 2, outcome: .open, days: -1))        // clamped to 0
        withViews(records, kinds: 4, binWidth: 2) { all, byKind in
            XCTAssertEqual(all.sorted.count, records.count - 1)
            for k in 1..<all.sorted.count {
                let a = all.sorted[k - 1], b = all.sorted[k]
                XCTAssertTrue(a.days < b.days || (a.days == b.days && UInt32(truncatingIfNeeded: a.key) < UInt32(truncatingIfNeeded: b.key)))
            }
            // The estimators on the view equal those on the same waits as plain arrays.
            func list(_ kind: Int32?) -> WaitList {
                let r = records.filter { kind == nil || $0.kind == kind! }
                return WaitList(days: r.map(\.days), outcomes: r.map(\.outcome))
            }
            for (view, reference) in [(all, list(nil))] + (0..<4).map { (byKind[$0], list(Int32($0))) } {
                XCTAssertEqual(view.count, reference.count)
                XCTAssertEqual(view.decidedCount, reference.decidedCount)
                XCTAssertEqual(view.kaplanMeierMedian(), reference.kaplanMeierMedian())
                XCTAssertEqual(view.cumulativeIncidenceMedian(), reference.cumulativeIncidenceMedian())
                XCTAssertEqual(view.cumulativeIncidence(atDays: 90), reference.cumulativeIncidence(atDays: 90))
                XCTAssertEqual(view.decidedQuantile(0.9), reference.decidedQuantile(0.9))
            }
            XCTAssertEqual(byKind.map(\.count).reduce(0, +), all.count)
            for k in 0..<4 { XCTAssertTrue(byKind[k].sorted.allSatisfy { $0.kind == Int32(k) }, "kind \(k)") }
        }
    }
}
