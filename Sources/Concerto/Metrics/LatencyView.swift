/// One latency as recorded by the tally: an issue kind, a duration, and whether it was decided
/// (an event) or dropped / still open (censored).
struct LatencyRecord: BitwiseCopyable {
    var kind: Int32
    var decided: Bool
    var days: Double
}

/// A recorded latency placed in its bin: `key` orders by bin, then by recording order.
struct LatencyEntry: BitwiseCopyable {
    var key: UInt64
    var kind: Int32
    var event: Bool
    /// Duration clamped at 0.
    var days: Double
    /// For a censoring in a finite bin, its slack 1 − u (else 0).
    var slack: Double
    var bin: Int { Int(key >> 32) }
}

/// The latencies of a replication (all kinds, or one) as the Kaplan–Meier and quantile
/// estimators see them, read straight from the tally's records: counts and the sum of event
/// durations in recording order, bins from the records sorted once by (bin, order). Gives
/// exactly the numbers of a `DurationHistogram` fed the same durations in the same order.
/// Valid while the records it points to are (during a replication's `finish`).
struct LatencyView: BinnedDurations {
    let sorted: UnsafeBufferPointer<LatencyEntry>
    /// nil: every kind.
    let kind: Int32?
    let binWidth: Double
    let finiteBins: Int
    private(set) var events = 0
    private(set) var censored = 0
    private(set) var eventSum = 0.0
    private(set) var eventMin = Double.infinity
    private(set) var eventMax = -Double.infinity

    init(records: UnsafeBufferPointer<LatencyRecord>, sorted: UnsafeBufferPointer<LatencyEntry>, kind: Int32?, binWidth: Double, finiteBins: Int) {
        self.sorted = sorted; self.kind = kind; self.binWidth = binWidth; self.finiteBins = finiteBins
        for r in records where (kind == nil || r.kind == kind!) && !r.days.isNaN {
            let d = Swift.max(r.days, 0)
            if r.decided {
                events += 1
                eventSum += d
                if d < eventMin { eventMin = d }
                if d > eventMax { eventMax = d }
            } else {
                censored += 1
            }
        }
    }

    var eventMean: Double { events > 0 ? eventSum / Double(events) : .nan }

    func forEachOccupiedBin(_ body: (_ bin: Int, _ events: Int, _ censored: Int, _ slack: Double) -> Bool) {
        var current = -1, e = 0, c = 0, slack = 0.0
        for entry in sorted where kind == nil || entry.kind == kind! {
            let b = entry.bin
            if b != current {
                if current >= 0 && !body(current, e, c, slack) { return }
                current = b; e = 0; c = 0; slack = 0
            }
            if entry.event { e += 1 } else {
                c += 1
                if b < finiteBins { slack += entry.slack }
            }
        }
        if current >= 0 { _ = body(current, e, c, slack) }
    }

    /// Writes the records (NaN durations skipped) as entries sorted by bin, then recording
    /// order, into `out` (room for `records.count`); returns how many were written.
    @discardableResult
    static func sortedEntries(_ records: UnsafeBufferPointer<LatencyRecord>, binWidth: Double, finiteBins: Int,
                              into out: UnsafeMutablePointer<LatencyEntry>) -> Int {
        var n = 0
        for (order, r) in records.enumerated() where !r.days.isNaN {
            let d = Swift.max(r.days, 0)
            let i = DurationHistogram.bin(of: d, binWidth: binWidth, finiteBins: finiteBins)
            let slack = !r.decided && i < finiteBins ? DurationHistogram.censoringSlack(d, bin: i, binWidth: binWidth) : 0
            out[n] = LatencyEntry(key: UInt64(i) << 32 | UInt64(order), kind: r.kind, event: r.decided, days: d, slack: slack)
            n += 1
        }
        heapSort(out, count: n)
        return n
    }

    /// In-place heapsort by key (keys are unique, so the order is total); no allocation.
    static func heapSort(_ a: UnsafeMutablePointer<LatencyEntry>, count n: Int) {
        if n < 2 { return }
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while true {
                var child = 2 * root + 1
                if child >= end { return }
                if child + 1 < end && a[child].key < a[child + 1].key { child += 1 }
                if a[root].key >= a[child].key { return }
                let t = a[root]; a[root] = a[child]; a[child] = t
                root = child
            }
        }
        for start in stride(from: n / 2 - 1, through: 0, by: -1) { siftDown(start, n) }
        for end in stride(from: n - 1, to: 0, by: -1) {
            let t = a[0]; a[0] = a[end]; a[end] = t
            siftDown(0, end)
        }
    }
}
