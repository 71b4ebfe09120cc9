/// How long issues waited for their final decision and how each wait ended (decided, dropped,
/// or still open at the horizon), visited duration by duration in increasing order with ties
/// together. That is all the exact latency estimators need: the Kaplan–Meier median "if nothing
/// were dropped" (`KaplanMeier`), the cumulative incidences of decision and of drop
/// (`CumulativeIncidence`) and the quantiles of days to decision. Two storages share these
/// estimators (one copy of each rule): a replication's recorded latencies (`LatencyView`) and
/// plain arrays (`WaitList`).
///
/// Durations are days from emergence, clamped at 0; `NaN` durations are not issues here.
public protocol IssueWaits {
    /// Issues, whatever the outcome.
    var count: Int { get }
    /// Issues decided.
    var decidedCount: Int { get }
    /// Visits each distinct duration in increasing order with the numbers of issues decided,
    /// dropped and still open after exactly that long; stops when `body` returns false.
    func forEachDuration(_ body: (_ days: Double, _ decided: Int, _ dropped: Int, _ open: Int) -> Bool)
}

extension IssueWaits {
    /// Quantile `q` (in [0, 1]) of days to decision over the decided issues: linear interpolation
    /// between order statistics at rank `(n − 1)·q` (Hyndman & Fan type 7, R's default), so exact
    /// values, no bins. `NaN` when nothing was decided.
    /// - Complexity: O(distinct durations up to the quantile), no allocation.
    public func decidedQuantile(_ q: Double) -> Double {
        guard decidedCount > 0, q >= 0, q <= 1 else { return .nan }
        let h = Double(decidedCount - 1) * q
        let lo = Int(h.rounded(.down))
        let fraction = h - Double(lo)
        var seen = 0
        var low = Double.nan
        var result = Double.nan
        forEachDuration { days, decided, _, _ in
            guard decided > 0 else { return true }
            if low.isNaN {
                if seen + decided > lo {
                    low = days
                    // Order statistic lo + 1 is in the same group, or lo is the last one.
                    if seen + decided > lo + 1 || lo + 1 >= decidedCount {
                        result = low + fraction * (days - low)
                        return false
                    }
                }
            } else {
                result = low + fraction * (days - low)
                return false
            }
            seen += decided
            return true
        }
        return result
    }
}

/// Issue waits from plain arrays (tests, small samples): a duration and an outcome per issue,
/// in any order. Sorted once by duration (ties keep their order); `NaN` durations are left out.
public struct WaitList: IssueWaits, Sendable {
    private let days: [Double]
    private let outcomes: [LatencyOutcome]
    public let decidedCount: Int

    /// - Precondition: `days.count == outcomes.count`.
    /// - Complexity: O(n log n).
    public init(days: [Double], outcomes: [LatencyOutcome]) {
        precondition(days.count == outcomes.count, "WaitList: days and outcomes must have the same count")
        let clamped = days.map { Swift.max($0, 0) }
        let order = days.indices.filter { !days[$0].isNaN }.sorted { a, b in
            clamped[a] != clamped[b] ? clamped[a] < clamped[b] : a < b
        }
        self.days = order.map { clamped[$0] }
        self.outcomes = order.map { outcomes[$0] }
        decidedCount = self.outcomes.filter { $0 == .decided }.count
    }

    /// Single-event data as survival tables give it: `observed` true for a decision, false for
    /// a censoring (counted as still open).
    public init(times: [Double], observed: [Bool]) {
        precondition(times.count == observed.count, "WaitList: times and observed must have the same count")
        self.init(days: times, outcomes: observed.map { $0 ? .decided : .open })
    }

    public var count: Int { days.count }

    public func forEachDuration(_ body: (_ days: Double, _ decided: Int, _ dropped: Int, _ open: Int) -> Bool) {
        var k = 0
        while k < days.count {
            let t = days[k]
            var counts = (0, 0, 0)
            while k < days.count && days[k] == t {
                switch outcomes[k] {
                case .decided: counts.0 += 1
                case .dropped: counts.1 += 1
                case .open: counts.2 += 1
                }
                k += 1
            }
            if !body(t, counts.0, counts.1, counts.2) { return }
        }
    }
}
