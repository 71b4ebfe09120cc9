/// Exact Kaplan–Meier (product-limit) estimator of the time to decision, on exact durations.
///
/// Dropped issues and issues still open at the horizon are both **censored**: the estimate is
/// the time to decision *if nothing were dropped* (as if a dropped issue would have gone on
/// waiting like those still open). A rule that drops issues therefore looks harmless here; the
/// cumulative incidence of decision (`CumulativeIncidence`) counts a drop as never decided.
///
/// Conventions: at tied durations, decisions are processed before censorings (an issue censored
/// at `t` is still at risk at `t`). Non-finite (`NaN`) times are ignored; `+inf` is allowed.
/// The median threshold `S(t) <= 0.5` tolerates a relative rounding error of 1e-10, so that a
/// survival that is exactly one half in exact arithmetic counts as reaching 0.5. For the pooled
/// histogram of reports, see ``DurationHistogram``.
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
        return WaitList(times: times, observed: observed).kaplanMeierCurve()
    }

    /// Kaplan–Meier median: the smallest time `t` with `S(t) <= 0.5`; `+inf` if the survival
    /// never reaches 0.5 (too much censoring); `NaN` if there is no (non-NaN) observation.
    ///
    /// - Precondition: `times.count == observed.count`.
    /// - Complexity: O(n log n).
    public static func median(times: [Double], observed: [Bool]) -> Double {
        precondition(times.count == observed.count,
                     "KaplanMeier.median: times and observed must have the same count")
        return WaitList(times: times, observed: observed).kaplanMeierMedian()
    }
}

extension IssueWaits {
    /// The product-limit survival "not yet decided", dropped and open issues censored: one
    /// point per duration with a decision, `S` just after it.
    /// - Complexity: O(distinct durations).
    public func kaplanMeierCurve() -> [(time: Double, survival: Double)] {
        var result: [(time: Double, survival: Double)] = []
        var f = CumulativeIncidence(issues: count)
        forEachDuration { t, decided, dropped, open in
            f.step(decided: decided, dropped: dropped, open: open)
            if decided > 0 { result.append((time: t, survival: f.undecidedIfNothingDropped)) }
            return true
        }
        return result
    }

    /// The Kaplan–Meier median days to decision if nothing were dropped: the smallest duration
    /// after which `S <= 0.5`; `+inf` if `S` never reaches one half; `NaN` without issues.
    /// - Complexity: O(distinct durations up to the median), no allocation.
    public func kaplanMeierMedian() -> Double {
        LatencyEstimates(self, atDays: .nan, .nan).kaplanMeierMedian
    }
}
