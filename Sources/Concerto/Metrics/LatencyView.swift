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

    /// Counts and event sum of one kind (or every kind), in recording order.
    struct Counts {
        var events = 0
        var censored = 0
        var eventSum = 0.0
        var eventMin = Double.infinity
        var eventMax = -Double.infinity

        mutating func add(_ r: LatencyRecord) {
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

    init(sorted: UnsafeBufferPointer<LatencyEntry>, kind: Int32?, counts: Counts, binWidth: Double, finiteBins: Int) {
        self.sorted = sorted; self.kind = kind; self.binWidth = binWidth; self.finiteBins = finiteBins
        events = counts.events; censored = counts.censored; eventSum = counts.eventSum; eventMin = counts.eventMin; eventMax = counts.eventMax
    }

    /// The counts of every kind together (`all`) and of each kind (`byKind[k]`), in one pass over the records.
    static func counts(_ records: UnsafeBufferPointer<LatencyRecord>, kinds: Int) -> (all: Counts, byKind: [Counts]) {
        var all = Counts()
        var byKind = [Counts](repeating: Counts(), count: kinds)
        for r in records where !r.days.isNaN {
            all.add(r)
            byKind[Int(r.kind)].add(r)
        }
        return (all, byKind)
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
    /// order, into `out`, by counting sort: `scratch` holds room for as many entries, and
    /// `binCounts` (one per bin, overflow included) must be all zero; it is left all zero.
    /// Returns how many entries were written.
    /// - Complexity: O(records + bins), no allocation.
    @discardableResult
    static func sortedEntries(_ records: UnsafeBufferPointer<LatencyRecord>, binWidth: Double, finiteBins: Int,
                              into out: UnsafeMutablePointer<LatencyEntry>, scratch: UnsafeMutablePointer<LatencyEntry>,
                              binCounts: UnsafeMutablePointer<Int32>) -> Int {
        var n = 0
        for (order, r) in records.enumerated() where !r.days.isNaN {
            let d = Swift.max(r.days, 0)
            let i = DurationHistogram.bin(of: d, binWidth: binWidth, finiteBins: finiteBins)
            let slack = !r.decided && i < finiteBins ? DurationHistogram.censoringSlack(d, bin: i, binWidth: binWidth) : 0
            scratch[n] = LatencyEntry(key: UInt64(i) << 32 | UInt64(order), kind: r.kind, event: r.decided, days: d, slack: slack)
            binCounts[i] += 1
            n += 1
        }
        // Start of each bin in the output.
        var total: Int32 = 0
        for b in 0...finiteBins where binCounts[b] != 0 {
            let c = binCounts[b]
            binCounts[b] = total
            total += c
        }
        for k in 0..<n {
            let b = scratch[k].bin
            out[Int(binCounts[b])] = scratch[k]
            binCounts[b] += 1
        }
        for k in 0..<n { binCounts[out[k].bin] = 0 }
        return n
    }
}
