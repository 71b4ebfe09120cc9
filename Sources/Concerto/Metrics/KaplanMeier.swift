/// Exact Kaplan–Meier (product-limit) estimator on raw `(time, observed)` pairs, used by
/// tests and small samples. For streaming use, see ``DurationHistogram``.
///
/// Conventions: at tied times, events are processed before censorings (a unit censored at
/// `t` is still at risk at `t`). Non-finite (`NaN`) times are ignored; `+inf` is allowed.
/// The median threshold `S(t) <= 0.5` tolerates a relative rounding error of 1e-10, so that a
/// survival that is exactly one half in exact arithmetic counts as reaching 0.5.
public enum KaplanMeier {
    /// `S <= halfThreshold` is the test for "survival has reached one half"; the slack absorbs
    /// rounding in the product of factors (shared with ``DurationHistogram``).
    internal static let halfThreshold: Double = 0.5 * (1 + 1e-10)

    /// Product-limit survival curve: one point per distinct event time `t`, with `S(t)` the
    /// survival just after `t` (right-continuous step function, `S = 1` before the first point).
    ///
    /// - Parameters:
    ///   - times: durations (any order).
    ///   - observed: `true` for an observed event, `false` for a right-censored observation.
    /// - Precondition: `times.count == observed.count`.
    /// - Complexity: O(n log n) time, O(n) memory.
    public static func curve(times: [Double], observed: [Bool]) -> [(time: Double, survival: Double)] {
        precondition(times.count == observed.count,
                     "KaplanMeier.curve: times and observed must have the same count")
        var order: [Int] = []
        order.reserveCapacity(times.count)
        for i in times.indices where !times[i].isNaN { order.append(i) }
        // Sort by time, events before censorings at ties, then by index (total, deterministic order).
        order.sort { a, b in
            if times[a] != times[b] { return times[a] < times[b] }
            if observed[a] != observed[b] { return observed[a] }
            return a < b
        }
        var result: [(time: Double, survival: Double)] = []
        var atRisk = order.count
        var survival = 1.0
        var k = 0
        while k < order.count {
            let t = times[order[k]]
            var events = 0
            var censored = 0
            while k < order.count && times[order[k]] == t {
                if observed[order[k]] { events += 1 } else { censored += 1 }
                k += 1
            }
            if events > 0 {
                survival *= Double(atRisk - events) / Double(atRisk)
                result.append((time: t, survival: survival))
            }
            atRisk -= events + censored
        }
        return result
    }

    /// Kaplan–Meier median: the smallest time `t` with `S(t) <= 0.5`; `+inf` if the survival
    /// never reaches 0.5 (too much censoring); `NaN` if there is no (non-NaN) observation.
    ///
    /// - Precondition: `times.count == observed.count`.
    /// - Complexity: O(n log n).
    public static func median(times: [Double], observed: [Bool]) -> Double {
        precondition(times.count == observed.count,
                     "KaplanMeier.median: times and observed must have the same count")
        guard times.contains(where: { !$0.isNaN }) else { return .nan }
        for point in curve(times: times, observed: observed) where point.survival <= halfThreshold {
            return point.time
        }
        return .infinity
    }
}
