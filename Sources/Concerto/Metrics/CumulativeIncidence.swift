/// The Aalen–Johansen estimate, at one duration, of how issues' waits have ended: the
/// cumulative incidence of decision (share decided by then), of drop (share dropped by then),
/// and the share still waiting. Decision and drop are **competing** outcomes (a dropped issue
/// is never decided); issues still open at the horizon are censored. Unlike the Kaplan–Meier
/// median, which treats a drop as "still waiting" (`KaplanMeier`), a rule that drops issues
/// shows here as fewer issues decided.
///
/// At each duration `t` with `n` issues still at risk just before `t`, `d₁` decisions and `d₂`
/// drops at `t`:
///
///     S(t)  = S(t−) · (n − d₁ − d₂) / n      still waiting (Kaplan–Meier of "any outcome")
///     F₁(t) = F₁(t−) + S(t−) · d₁ / n        decided by t
///     F₂(t) = F₂(t−) + S(t−) · d₂ / n        dropped by t
///
/// so `F₁ + F₂ + S = 1` at every `t`, and without drops `F₁ = 1 − KM` (Aalen & Johansen 1978;
/// Kalbfleisch & Prentice, *The Statistical Analysis of Failure Time Data*, 2nd ed., §8.2).
/// Ties: issues censored at `t` are still at risk at `t`.
public struct CumulativeIncidence: Sendable, Equatable {
    /// Share decided by this duration (F₁).
    public private(set) var decided = 0.0
    /// Share dropped by this duration (F₂).
    public private(set) var dropped = 0.0
    /// Share neither decided nor dropped (S).
    public private(set) var waiting = 1.0
    /// Beside them, for comparison: the share not yet decided *if nothing were dropped*, the
    /// Kaplan–Meier product with drops and open issues censored (`KaplanMeier`), on the same
    /// risk set.
    public private(set) var undecidedIfNothingDropped = 1.0
    /// Issues still at risk after this duration.
    public private(set) var atRisk: Int

    /// `decided >= halfThreshold` is the test for "half of the issues decided"; the slack
    /// absorbs rounding in the sums (as ``KaplanMeier``'s median).
    static let halfThreshold: Double = 0.5 * (1 - 1e-10)

    /// The estimate before any duration: nothing decided or dropped, `issues` at risk.
    public init(issues: Int) { atRisk = issues }

    /// The issues whose wait ended after exactly one duration (the next one in increasing
    /// order): `decided` decisions, `dropped` drops and `open` censorings.
    /// - Complexity: O(1).
    public mutating func step(decided d1: Int, dropped d2: Int, open c: Int) {
        if atRisk > 0 && d1 + d2 > 0 {
            let n = Double(atRisk), s = waiting
            decided += s * Double(d1) / n
            dropped += s * Double(d2) / n
            // The same product as Kaplan–Meier's, so without drops S is its survival bit for bit.
            waiting *= Double(atRisk - d1 - d2) / n
            if d1 > 0 { undecidedIfNothingDropped *= Double(atRisk - d1) / n }
        }
        atRisk -= d1 + d2 + c
    }
}

extension IssueWaits {
    /// The Aalen–Johansen curve: one point per duration with a decision or a drop, with the
    /// estimate just after it.
    /// - Complexity: O(distinct durations).
    public func cumulativeIncidenceCurve() -> [(days: Double, incidence: CumulativeIncidence)] {
        var result: [(days: Double, incidence: CumulativeIncidence)] = []
        var f = CumulativeIncidence(issues: count)
        forEachDuration { t, decided, dropped, open in
            f.step(decided: decided, dropped: dropped, open: open)
            if decided + dropped > 0 { result.append((t, f)) }
            return true
        }
        return result
    }

    /// The estimate at `days` (after every outcome at exactly `days`). nil when it is not
    /// identified: no issue, or `days` beyond the longest wait observed while some issue was
    /// still waiting at the end (its outcome after that is unknown).
    /// - Complexity: O(distinct durations), no allocation.
    public func cumulativeIncidence(atDays days: Double) -> CumulativeIncidence? {
        LatencyEstimates(self, atDays: days, days).first
    }

    /// Median days to decision on the cumulative incidence: the smallest duration by which half
    /// of the issues are decided, drops counting as never decided. `+inf` if that share never
    /// reaches one half in the data (too many drops, or too much censoring); `NaN` without issues.
    /// - Complexity: O(distinct durations up to the median), no allocation.
    public func cumulativeIncidenceMedian() -> Double {
        LatencyEstimates(self, atDays: .nan, .nan).incidenceMedian
    }
}
