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
public struct DurationHistogram: Sendable, Equatable {
    /// Width of every finite bin (days).
    public let binWidth: Double
    /// The requested maximum duration; the finite bins cover `[0, (binCount − 1) · binWidth]`,
    /// which contains `[0, maxDuration]`.
    public let maxDuration: Double
    private let finiteBins: Int
    private var eventCounts: [Int]
    private var censoredCounts: [Int]
    /// Per bin, Σ(1 − u) over its censorings, `u` the relative position in the bin.
    private var censoredSlack: [Double]
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
    private func bin(of duration: Double) -> Int {
        let r = (duration / binWidth).rounded(.up)
        if r > Double(finiteBins) { return finiteBins }
        return max(0, Int(r) - 1)
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
        if i < finiteBins {
            // Relative position u in (0, 1] of the censoring inside its bin (0 only at d = 0).
            let u = min(max((d - Double(i) * binWidth) / binWidth, 0), 1)
            censoredSlack[i] += 1 - u
        }
        censored += 1
    }

    /// The time reported for the events of bin `i`: its upper edge, or the largest event for
    /// the overflow bin.
    private func eventTime(ofBin i: Int) -> Double {
        i < finiteBins ? Double(i + 1) * binWidth : max(eventMax, Double(finiteBins) * binWidth)
    }

    /// Quantile `q` (clamped to [0, 1]) of the observed event durations (censorings ignored),
    /// interpolated linearly within the bin (the overflow bin spans up to the largest event),
    /// then clamped to the range of observed events; `NaN` if there is no event.
    /// - Complexity: O(number of bins), no allocation.
    public func eventQuantile(_ q: Double) -> Double {
        guard events > 0, !q.isNaN else { return .nan }
        let target = min(max(q, 0), 1) * Double(events)
        var cumulative = 0
        for i in 0...finiteBins {
            let c = eventCounts[i]
            guard c > 0 else { continue }
            if Double(cumulative + c) >= target {
                let lower = Double(i) * binWidth
                let upper = eventTime(ofBin: i)
                let fraction = (target - Double(cumulative)) / Double(c)
                let value = lower + fraction * (upper - lower)
                return min(max(value, eventMin), eventMax)
            }
            cumulative += c
        }
        return eventMax
    }

    /// Survival factor of bin `i`: `1 − d / (n − slack)`, written as the exact product-limit
    /// `(n − d) / n` when no censoring of the bin precedes its upper edge.
    private func factor(bin i: Int, events d: Int, atRisk n: Int) -> Double {
        let slack = censoredSlack[i]
        if slack == 0 { return Double(n - d) / Double(n) }
        let effective = Double(n) - slack
        return max(0, (effective - Double(d)) / effective)
    }

    /// Kaplan–Meier median under the bin convention of this type: the upper edge of the first
    /// bin after whose events `S <= 0.5` (all events of a bin at its upper edge, censorings
    /// weighted by their position in the bin, see the type's documentation; the overflow bin
    /// reports the largest observed event). Within one bin width of the exact product-limit
    /// median except in rare samples whose exact crossing of 0.5 lies next to a bin edge.
    /// `+inf` if `S` never reaches 0.5; `NaN` if nothing was added.
    /// - Complexity: O(number of bins), no allocation.
    public func kaplanMeierMedian() -> Double {
        var atRisk = events + censored
        guard atRisk > 0 else { return .nan }
        var survival = 1.0
        for i in 0...finiteBins {
            let d = eventCounts[i]
            if d > 0 {
                survival *= factor(bin: i, events: d, atRisk: atRisk)
                if survival <= KaplanMeier.halfThreshold { return eventTime(ofBin: i) }
            }
            atRisk -= d + censoredCounts[i]
        }
        return .infinity
    }

    /// Kaplan–Meier survival step points, one per bin holding events, at the bin's upper edge
    /// (largest observed event for the overflow bin), with `S` just after that bin's events
    /// (same convention as ``kaplanMeierMedian()``).
    /// Empty if there is no event.
    /// - Complexity: O(number of bins); allocates the result.
    public func kaplanMeierSurvival() -> [(time: Double, survival: Double)] {
        var result: [(time: Double, survival: Double)] = []
        var atRisk = events + censored
        var survival = 1.0
        for i in 0...finiteBins {
            let d = eventCounts[i]
            if d > 0 {
                survival *= factor(bin: i, events: d, atRisk: atRisk)
                result.append((time: eventTime(ofBin: i), survival: survival))
            }
            atRisk -= d + censoredCounts[i]
        }
        return result
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
