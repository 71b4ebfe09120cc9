/// What the latency measures read from a set of issue waits, found in one walk over its
/// durations with one `CumulativeIncidence` step per duration: the Kaplan–Meier median (drops
/// censored: "if nothing were dropped"), the median on the cumulative incidence of decision
/// (drops compete), and the cumulative incidences at two days. This is the one implementation
/// of those rules: `kaplanMeierMedian()`, `cumulativeIncidenceMedian()` and
/// `cumulativeIncidence(atDays:)` read it too.
public struct LatencyEstimates: Sendable, Equatable {
    /// The smallest duration after which the Kaplan–Meier "not yet decided" is ≤ 1/2 (within
    /// `KaplanMeier.halfThreshold`); `+inf` if never; `NaN` without issues.
    public private(set) var kaplanMeierMedian = Double.nan
    /// The smallest duration by which the cumulative incidence of decision is ≥ 1/2 (within
    /// `CumulativeIncidence.halfThreshold`); `+inf` if never; `NaN` without issues.
    public private(set) var incidenceMedian = Double.nan
    /// The cumulative incidences at the first and second day asked for (after every outcome at
    /// exactly that day); nil where not identified: no issue, a `NaN` day, or a day beyond the
    /// longest wait while some issue was still waiting at the end.
    public private(set) var first: CumulativeIncidence?
    public private(set) var second: CumulativeIncidence?

    /// No issue: every estimate undefined.
    public static let none = LatencyEstimates()
    private init() {}

    /// - Complexity: O(distinct durations) at most (the walk stops once every estimate is
    ///   found), no allocation.
    public init(_ waits: some IssueWaits, atDays firstDays: Double, _ secondDays: Double) {
        guard waits.count > 0 else { return }
        var f = CumulativeIncidence(issues: waits.count)
        var km = Double.infinity, cif = Double.infinity
        var firstFound = firstDays.isNaN, secondFound = secondDays.isNaN
        var firstValue: CumulativeIncidence? = nil, secondValue: CumulativeIncidence? = nil
        var longest = -Double.infinity
        waits.forEachDuration { t, decided, dropped, open in
            // The estimate at a day is the one before the first duration beyond it.
            if !firstFound && t > firstDays { firstValue = f; firstFound = true }
            if !secondFound && t > secondDays { secondValue = f; secondFound = true }
            f.step(decided: decided, dropped: dropped, open: open)
            longest = t
            if km == .infinity && decided > 0 && f.undecidedIfNothingDropped <= KaplanMeier.halfThreshold { km = t }
            if cif == .infinity && f.decided >= CumulativeIncidence.halfThreshold { cif = t }
            return !(firstFound && secondFound && km < .infinity && cif < .infinity)
        }
        // Days not passed: identified if a wait lasted exactly that long or nothing is left waiting.
        if !firstFound { firstValue = longest == firstDays || f.waiting == 0 ? f : nil }
        if !secondFound { secondValue = longest == secondDays || f.waiting == 0 ? f : nil }
        kaplanMeierMedian = km
        incidenceMedian = cif
        first = firstValue
        second = secondValue
    }
}
