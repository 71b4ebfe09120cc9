/// The latencies of a replication (all kinds, or one) as the exact estimators see them, read
/// straight from the tally's records: counts and the sum of decided durations in recording
/// order, and the records sorted once by exact duration (then recording order), so the
/// Kaplan–Meier median, the cumulative incidences and the quantiles of days to decision come
/// from the replication's own issues, with no bins. The bins of the pooled histogram of reports
/// (`LatencySample`) are read from the same sorted entries.
/// Valid while the records it points to are (during a replication's `finish`).
struct LatencyView: IssueWaits {
    /// This view's entries (one kind's, or every kind's), sorted by duration.
    let sorted: UnsafeBufferPointer<LatencyEntry>
    let counts: Counts
    let binWidth: Double
    let finiteBins: Int

    /// Counts and decided-duration sum of one kind (or every kind), in recording order.
    struct Counts {
        var decided = 0
        var dropped = 0
        var open = 0
        var decidedSum = 0.0
        var decidedMin = Double.infinity
        var decidedMax = -Double.infinity

        var total: Int { decided + dropped + open }

        mutating func add(_ r: LatencyRecord) {
            switch r.outcome {
            case .decided:
                let d = Swift.max(r.days, 0)
                decided += 1
                decidedSum += d
                if d < decidedMin { decidedMin = d }
                if d > decidedMax { decidedMax = d }
            case .dropped: dropped += 1
            case .open: open += 1
            }
        }
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

    var count: Int { counts.total }
    var decidedCount: Int { counts.decided }
    var eventMean: Double { counts.decided > 0 ? counts.decidedSum / Double(counts.decided) : .nan }

    func forEachDuration(_ body: (_ days: Double, _ decided: Int, _ dropped: Int, _ open: Int) -> Bool) {
        var k = 0
        let n = sorted.count
        while k < n {
            let t = sorted[k].days
            var decided = 0, dropped = 0, open = 0
            while k < n && sorted[k].days == t {
                switch sorted[k].outcome {
                case .decided: decided += 1
                case .dropped: dropped += 1
                case .open: open += 1
                }
                k += 1
            }
            if !body(t, decided, dropped, open) { return }
        }
    }

    /// The bins of the pooled histogram (`DurationHistogram` binning) holding an event (a
    /// decision) or a censoring (a drop or an open issue), in increasing order, with the
    /// censorings' slack Σ(1 − u) summed in order of duration.
    func forEachOccupiedBin(_ body: (_ bin: Int, _ events: Int, _ censored: Int, _ slack: Double) -> Bool) {
        var current = -1, e = 0, c = 0, slack = 0.0
        for entry in sorted {
            let b = entry.bin
            if b != current {
                if current >= 0 && !body(current, e, c, slack) { return }
                current = b; e = 0; c = 0; slack = 0
            }
            if entry.outcome == .decided { e += 1 } else {
                c += 1
                if b < finiteBins { slack += DurationHistogram.censoringSlack(entry.days, bin: b, binWidth: binWidth) }
            }
        }
        if current >= 0 { _ = body(current, e, c, slack) }
    }

    /// Writes the records (NaN durations skipped) as entries sorted by duration, then recording
    /// order, into `out`: a counting sort by bin (`scratch` holds room for as many entries, and
    /// `binCounts`, one per bin, overflow included, must be all zero; it is left all zero), then
    /// an insertion sort inside each bin, which holds a few entries (bins are a day wide, or a
    /// few days for runs over 11 years). Returns how many entries were written.
    /// - Complexity: O(records + bins) for spread-out durations, no allocation.
    @discardableResult
    static func sortedEntries(_ records: UnsafeBufferPointer<LatencyRecord>, binWidth: Double, finiteBins: Int,
                              into out: UnsafeMutablePointer<LatencyEntry>, scratch: UnsafeMutablePointer<LatencyEntry>,
                              binCounts: UnsafeMutablePointer<Int32>) -> Int {
        var n = 0
        for (order, r) in records.enumerated() where !r.days.isNaN {
            let d = Swift.max(r.days, 0)
            let i = DurationHistogram.bin(of: d, binWidth: binWidth, finiteBins: finiteBins)
            scratch[n] = LatencyEntry(key: UInt64(i) << 32 | UInt64(order), kind: r.kind, outcome: r.outcome, days: d)
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
        // Inside each bin, by duration; stable, so equal durations keep their recording order.
        var start = 0
        while start < n {
            let b = out[start].bin
            var end = start + 1
            while end < n && out[end].bin == b { end += 1 }
            if end - start > 1 {
                for i in (start + 1)..<end {
                    let x = out[i]
                    var j = i
                    while j > start && out[j - 1].days > x.days { out[j] = out[j - 1]; j -= 1 }
                    out[j] = x
                }
            }
            start = end
        }
        return n
    }

    /// Copies sorted entries into `out` grouped by kind (kind 0's first), each kind's in the
    /// same order, at the offsets `starts` (the kinds' first positions; advanced to their ends).
    /// - Complexity: O(entries), no allocation.
    static func partitionByKind(_ sorted: UnsafeBufferPointer<LatencyEntry>, into out: UnsafeMutablePointer<LatencyEntry>,
                                starts: inout [Int]) {
        for e in sorted {
            out[starts[Int(e.kind)]] = e
            starts[Int(e.kind)] += 1
        }
    }
}
