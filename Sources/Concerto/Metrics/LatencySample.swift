/// The latencies of one replication (or of one issue kind in it), binned like the pooled
/// `DurationHistogram` but stored sparsely: only the bins that hold an event or a censoring,
/// in increasing order. A replication decides a few hundred issues at most, so this costs a
/// few hundred bytes where a dense histogram would clear and scan thousands of bins.
///
/// It gives the counts and event sums a dense histogram fed the same durations gives; the
/// censorings' slack of a bin is summed in order of duration (the dense histogram sums it in
/// insertion order, so the last bits may differ).
public struct LatencySample: Sendable, Equatable, BinnedDurations {
    /// One occupied bin.
    public struct Bin: Sendable, Equatable, BitwiseCopyable {
        public var bin: Int32
        public var events: Int32
        public var censored: Int32
        /// Σ(1 − u) over the bin's censorings, in order of duration.
        public var slack: Double
    }
    public let binWidth: Double
    public let finiteBins: Int
    public private(set) var bins: [Bin] = []
    public private(set) var events = 0
    public private(set) var censored = 0
    /// Sum of the event durations (clamped at 0), in insertion order.
    public private(set) var eventSum = 0.0
    public private(set) var eventMin = Double.infinity
    public private(set) var eventMax = -Double.infinity

    /// A sample over the binning of `DurationHistogram(binWidth:maxDuration:)`, from
    /// `(duration, isEvent)` pairs in recording order; NaN durations are skipped.
    public init<S: Sequence>(binWidth: Double, maxDuration: Double, durations: S) where S.Element == (Double, Bool) {
        var records: [LatencyRecord] = []
        for (d, e) in durations where !d.isNaN { records.append(LatencyRecord(kind: 0, outcome: e ? .decided : .open, days: d)) }
        let empty = LatencyEntry(key: 0, kind: 0, outcome: .open, days: 0)
        var sorted = [LatencyEntry](repeating: empty, count: records.count + 1)
        var scratch = sorted
        let finite = Swift.max(1, Int((maxDuration / binWidth).rounded(.up)))
        var binCounts = [Int32](repeating: 0, count: finite + 1)
        let view = records.withUnsafeBufferPointer { r in
            sorted.withUnsafeMutableBufferPointer { out in
                scratch.withUnsafeMutableBufferPointer { tmp in
                    binCounts.withUnsafeMutableBufferPointer { counts in
                        let n = LatencyView.sortedEntries(r, binWidth: binWidth, finiteBins: finite, into: out.baseAddress!,
                                                          scratch: tmp.baseAddress!, binCounts: counts.baseAddress!)
                        return LatencyView(sorted: UnsafeBufferPointer(start: out.baseAddress!, count: n),
                                           counts: LatencyView.counts(r, kinds: 1).all, binWidth: binWidth, finiteBins: finite)
                    }
                }
            }
        }
        self.init(view)
    }

    /// The occupied bins of a view, materialised (a replication's overall latencies, kept in its
    /// result for the pooled survival curve of reports): decisions are events, drops and open
    /// issues censorings.
    init(_ view: LatencyView) {
        binWidth = view.binWidth
        finiteBins = view.finiteBins
        let c = view.counts
        events = c.decided; censored = c.dropped + c.open; eventSum = c.decidedSum; eventMin = c.decidedMin; eventMax = c.decidedMax
        var b: [Bin] = []
        view.forEachOccupiedBin { i, e, c, slack in
            b.append(Bin(bin: Int32(i), events: Int32(e), censored: Int32(c), slack: slack))
            return true
        }
        bins = b
    }

    @inlinable
    public func forEachOccupiedBin(_ body: (_ bin: Int, _ events: Int, _ censored: Int, _ slack: Double) -> Bool) {
        for b in bins where !body(Int(b.bin), Int(b.events), Int(b.censored), b.slack) { return }
    }

    /// Mean of the event durations (NaN without events).
    public var eventMean: Double { events > 0 ? eventSum / Double(events) : .nan }
}
