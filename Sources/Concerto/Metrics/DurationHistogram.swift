/// Histogram of durations (days) with right-censoring, for streaming latency measures.
///
/// Binning: a fixed bin width `w` (default 1 day) and `m = ceil(maxDuration / w)` finite bins,
/// right-closed so that integer durations land at a bin's upper edge: bin 0 is `[0, w]`, bin
/// `i` is `(i·w, (i+1)·w]`, and a last overflow bin holds every duration `> m·w` (its upper
/// edge is `+inf`). Memory depends only on the number of bins, never on how many durations
/// were added. Negative durations are clamped to 0; `NaN` durations are ignored and counted in
/// ``skipped``.
///
/// Kaplan–Meier convention inside a bin: all events of a bin are treated as occurring at the
/// bin's upper edge, so ``kaplanMeierMedian()`` reports the upper edge of the first bin after
/// whose events `S <= 0.5`. Censorings of a bin leave the risk set after that bin's events,
/// except for a within-bin correction: a censoring at relative position `u` in its bin
/// (`u = 1` at the upper edge) counts as at risk for the fraction `u` of the bin's events, i.e.
/// the bin's factor is `1 − d / (n − Σ(1 − u))` (the actuarial life-table `n − c/2` is the
/// special case `u = ½`; one extra `Double` per bin holds `Σ(1 − u)`). Without that correction
/// (all censorings after the events) the estimate is biased upward and overshoots the exact
/// product-limit median by more than one bin in ~13–15% of random samples with 30% censoring;
/// with it, the reported median is within one bin width of the exact one (so < 1 day with the
/// default 1-day bins) except in rare samples, about 1 in 300 in the tests, where the exact `S`
/// crosses 0.5 very close to a bin edge and the crossing lands one bin later. Censorings at a bin's upper edge (`u = 1`, e.g. integer durations
/// with `w = 1`) are exactly the product-limit tie convention (events before censorings), so on
/// such data the curve and median equal ``KaplanMeier``'s. For the overflow bin, whose upper
/// edge is `+inf`, the largest observed event duration (tracked exactly) is the reported time
/// and its censorings are all after its events.
public struct DurationHistogram: Sendable, Equatable, BinnedDurations {
    /// Width of every finite bin (days).
    public let binWidth: Double
    /// The requested maximum duration; the finite bins cover `[0, (binCount − 1) · binWidth]`,
    /// which contains `[0, maxDuration]`.
    public let maxDuration: Double
    public let finiteBins: Int
    @usableFromInline var eventCounts: [Int]
    @usableFromInline var censoredCounts: [Int]
    /// Per bin, Σ(1 − u) over its censorings, `u` the relative position in the bin.
    @usableFromInline var censoredSlack: [Double]
    /// Number of observed events added.
    public private(set) var events: Int = 0
    /// Number of censored durations added.
    public private(set) var censored: Int = 0
    /// Number of `NaN` durations ignored.
    public private(set) var skipped: Int = 0
    /// Sum of the (unbinned, clamped at 0) event durations, in insertion order.
    public private(set) var eventSum: Double = 0
    /// Smallest event duration (`+inf` if none).
    public private(set) var eventMin: Double = .infinity
    /// Largest event duration (`-inf` if none).
    public private(set) var eventMax: Double = -.infinity

    /// Creates an empty histogram.
    /// - Parameters:
    ///   - binWidth: width of a bin in days, finite and > 0.
    ///   - maxDuration: durations above `ceil(maxDuration / binWidth) · binWidth` go to the
    ///     overflow bin; finite and > 0.
    /// - Complexity: O(number of bins); the only allocations of this type happen here (and
    ///   on copy-on-write after a copy).
    public init(binWidth: Double = 1, maxDuration: Double) {
        precondition(binWidth.isFinite && binWidth > 0, "DurationHistogram: binWidth must be finite and > 0")
        precondition(maxDuration.isFinite && maxDuration > 0, "DurationHistogram: maxDuration must be finite and > 0")
        self.binWidth = binWidth
        self.maxDuration = maxDuration
        let m = max(1, Int((maxDuration / binWidth).rounded(.up)))
        self.finiteBins = m
        self.eventCounts = [Int](repeating: 0, count: m + 1)
        self.censoredCounts = [Int](repeating: 0, count: m + 1)
        self.censoredSlack = [Double](repeating: 0, count: m + 1)
    }

    /// Total number of bins, the overflow bin included.
    public var binCount: Int { finiteBins + 1 }

    /// Upper edge of bin `i` (`+inf` for the overflow bin).
    /// - Precondition: `0 <= i < binCount`.
    public func upperEdge(ofBin i: Int) -> Double {
        precondition(i >= 0 && i <= finiteBins, "DurationHistogram.upperEdge: bin out of range")
        return i < finiteBins ? Double(i + 1) * binWidth : .infinity
    }

    /// Bin index of a (non-NaN, clamped) duration.
    private func bin(of duration: Double) -> Int { Self.bin(of: duration, binWidth: binWidth, finiteBins: finiteBins) }

    /// Bin index of a (non-NaN, clamped at 0) duration under a binning (shared with `LatencySample`).
    static func bin(of duration: Double, binWidth: Double, finiteBins: Int) -> Int {
        let r = (duration / binWidth).rounded(.up)
        if r > Double(finiteBins) { return finiteBins }
        return max(0, Int(r) - 1)
    }

    /// The slack `1 − u` a censoring at `duration` adds to its finite bin `i` (shared with `LatencySample`).
    static func censoringSlack(_ duration: Double, bin i: Int, binWidth: Double) -> Double {
        // Relative position u in (0, 1] of the censoring inside its bin (0 only at d = 0).
        let u = min(max((duration - Double(i) * binWidth) / binWidth, 0), 1)
        return 1 - u
    }

    /// Records an observed decision (event) at `duration` days.
    /// - Complexity: O(1), no allocation (unless the storage is shared after a copy).
    public mutating func addEvent(_ duration: Double) {
        guard !duration.isNaN else { skipped += 1; return }
        let d = max(duration, 0)
        eventCounts[bin(of: d)] += 1
        events += 1
        eventSum += d
        if d < eventMin { eventMin = d }
        if d > eventMax { eventMax = d }
    }

    /// Records an item still open (or dropped) at `duration` days: right-censored.
    /// - Complexity: O(1), no allocation (unless the storage is shared after a copy).
    public mutating func addCensored(_ duration: Double) {
        guard !duration.isNaN else { skipped += 1; return }
        let d = max(duration, 0)
        let i = bin(of: d)
        censoredCounts[i] += 1
        if i < finiteBins { censoredSlack[i] += Self.censoringSlack(d, bin: i, binWidth: binWidth) }
        censored += 1
    }

    /// Visits the bins holding an event or a censoring, in increasing order.
    @inlinable
    public func forEachOccupiedBin(_ body: (_ bin: Int, _ events: Int, _ censored: Int, _ slack: Double) -> Bool) {
        for i in 0...finiteBins where eventCounts[i] != 0 || censoredCounts[i] != 0 {
            if !body(i, eventCounts[i], censoredCounts[i], censoredSlack[i]) { return }
        }
    }

    /// Adds one replication's sample (same binning): the same sums, in the same order, as
    /// merging its dense histogram, bin by bin.
    public mutating func merge(_ other: LatencySample) {
        precondition(binWidth == other.binWidth && finiteBins == other.finiteBins, "DurationHistogram.merge: binnings differ")
        for b in other.bins {
            let i = Int(b.bin)
            eventCounts[i] += Int(b.events)
            censoredCounts[i] += Int(b.censored)
            censoredSlack[i] += b.slack
        }
        events += other.events
        censored += other.censored
        eventSum += other.eventSum
        eventMin = min(eventMin, other.eventMin)
        eventMax = max(eventMax, other.eventMax)
    }

    /// Adds the contents of `other` (e.g. from another replication) to this histogram.
    /// `eventSum` becomes `self.eventSum + other.eventSum`, so merge in a fixed order for
    /// bit-identical results.
    /// - Precondition: same bin width and number of bins.
    /// - Complexity: O(number of bins).
    public mutating func merge(_ other: DurationHistogram) {
        precondition(binWidth == other.binWidth && finiteBins == other.finiteBins,
                     "DurationHistogram.merge: binnings differ")
        for i in 0...finiteBins {
            eventCounts[i] += other.eventCounts[i]
            censoredCounts[i] += other.censoredCounts[i]
            censoredSlack[i] += other.censoredSlack[i]
        }
        events += other.events
        censored += other.censored
        skipped += other.skipped
        eventSum += other.eventSum
        eventMin = min(eventMin, other.eventMin)
        eventMax = max(eventMax, other.eventMax)
    }
}
