/// Durations (days to a decision) binned with right-censoring: what the Kaplan–Meier median,
/// the survival curve and the event quantiles are computed from. Two storages share these
/// estimators (one copy of each rule): the dense `DurationHistogram` pooled over replications,
/// and the sparse `LatencySample` of one replication. Visiting only occupied bins gives the
/// same numbers as visiting every bin: an empty bin changes neither the survival nor the risk set.
public protocol BinnedDurations {
    /// Width of every finite bin (days).
    var binWidth: Double { get }
    /// Number of finite bins; bin `finiteBins` is the overflow bin.
    var finiteBins: Int { get }
    var events: Int { get }
    var censored: Int { get }
    /// Largest event duration (`-inf` if none).
    var eventMax: Double { get }
    /// Smallest event duration (`+inf` if none).
    var eventMin: Double { get }
    /// Visits the bins holding an event or a censoring, in increasing order, with their event
    /// and censoring counts and the censorings' slack Σ(1 − u); stops when `body` returns false.
    func forEachOccupiedBin(_ body: (_ bin: Int, _ events: Int, _ censored: Int, _ slack: Double) -> Bool)
}

extension BinnedDurations {
    /// The time reported for the events of bin `i`: its upper edge, or the largest event for
    /// the overflow bin.
    @inlinable
    func eventTime(ofBin i: Int) -> Double {
        i < finiteBins ? Double(i + 1) * binWidth : Swift.max(eventMax, Double(finiteBins) * binWidth)
    }

    /// Survival factor of a bin: `1 − d / (n − slack)`, written as the exact product-limit
    /// `(n − d) / n` when no censoring of the bin precedes its upper edge.
    @inlinable
    static func factor(slack: Double, events d: Int, atRisk n: Int) -> Double {
        if slack == 0 { return Double(n - d) / Double(n) }
        let effective = Double(n) - slack
        return Swift.max(0, (effective - Double(d)) / effective)
    }

    /// Kaplan–Meier median under the bin convention of `DurationHistogram`: the upper edge of
    /// the first bin after whose events `S <= 0.5` (the overflow bin reports the largest
    /// observed event). `+inf` if `S` never reaches 0.5; `NaN` if nothing was added.
    /// - Complexity: O(occupied bins), no allocation.
    public func kaplanMeierMedian() -> Double {
        var atRisk = events + censored
        guard atRisk > 0 else { return .nan }
        var survival = 1.0
        var median = Double.infinity
        forEachOccupiedBin { i, d, c, slack in
            if d > 0 {
                survival *= Self.factor(slack: slack, events: d, atRisk: atRisk)
                if survival <= KaplanMeier.halfThreshold { median = eventTime(ofBin: i); return false }
            }
            atRisk -= d + c
            return true
        }
        return median
    }

    /// Kaplan–Meier survival step points, one per bin holding events, at the bin's upper edge
    /// (largest observed event for the overflow bin), with `S` just after that bin's events.
    /// Empty if there is no event.
    public func kaplanMeierSurvival() -> [(time: Double, survival: Double)] {
        var result: [(time: Double, survival: Double)] = []
        var atRisk = events + censored
        var survival = 1.0
        forEachOccupiedBin { i, d, c, slack in
            if d > 0 {
                survival *= Self.factor(slack: slack, events: d, atRisk: atRisk)
                result.append((time: eventTime(ofBin: i), survival: survival))
            }
            atRisk -= d + c
            return true
        }
        return result
    }

    /// Quantile `q` (clamped to [0, 1]) of the observed event durations (censorings ignored),
    /// interpolated linearly within the bin (the overflow bin spans up to the largest event),
    /// then clamped to the range of observed events; `NaN` if there is no event.
    public func eventQuantile(_ q: Double) -> Double {
        guard events > 0, !q.isNaN else { return .nan }
        let target = Swift.min(Swift.max(q, 0), 1) * Double(events)
        var cumulative = 0
        var result = eventMax
        forEachOccupiedBin { i, c, _, _ in
            guard c > 0 else { return true }
            if Double(cumulative + c) >= target {
                let lower = Double(i) * binWidth
                let upper = eventTime(ofBin: i)
                let fraction = (target - Double(cumulative)) / Double(c)
                let value = lower + fraction * (upper - lower)
                result = Swift.min(Swift.max(value, eventMin), eventMax)
                return false
            }
            cumulative += c
            return true
        }
        return result
    }
}
