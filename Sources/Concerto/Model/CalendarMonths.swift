/// The simulated calendar: 365-day years starting on the first day of the scenario's start
/// month, real month lengths, no leap years. Used for monthly ticks and break months
/// (summer and holidays, common in the community sector). A plain value (fixed-size storage),
/// read in the hot path without reference counting.
public struct CalendarMonths: Sendable, BitwiseCopyable {
    /// Start day (within a simulated year) of each of the 12 months, in simulated order.
    var startDays: InlineArray<12, Double>
    /// Calendar month (1–12) of each simulated month.
    var calendarMonths: InlineArray<12, Int8>

    static let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    /// Years beyond which `monthIndex` clamps (2⁴⁰: far beyond any horizon, far within Int).
    static let maxYear = Double(1 << 40)

    public init(startMonth: Int) {
        startDays = .init(repeating: 0)
        calendarMonths = .init(repeating: 1)
        var day = 0
        for k in 0..<12 {
            let month = (startMonth - 1 + k) % 12 + 1
            startDays[k] = Double(day)
            calendarMonths[k] = Int8(month)
            day += CalendarMonths.lengths[month - 1]
        }
    }

    /// Start day (within a simulated year) of each of the 12 months, in simulated order.
    public var starts: [Double] { (0..<12).map { startDays[$0] } }
    /// Calendar month (1–12) of each simulated month.
    public var months: [Int] { (0..<12).map { Int(calendarMonths[$0]) } }

    /// The simulated month index (0 = first month of the run) containing day `t`, and its start day.
    public func monthIndex(at t: Double) -> (index: Int, start: Double) {
        // Times are within the horizon (at most 400 years); a time beyond ±2⁴⁰ years (or not a
        // number) is clamped rather than trapping in the conversion to Int.
        let raw = (t / 365).rounded(.down)
        let year = raw.isNaN ? 0 : Swift.min(Swift.max(raw, -CalendarMonths.maxYear), CalendarMonths.maxYear)
        let d = t - year * 365
        var k = 11
        while k > 0 && startDays[k] > d { k -= 1 }
        return (Int(year) * 12 + k, year * 365 + startDays[k])
    }

    /// Calendar month (1–12) of day `t`.
    public func calendarMonth(at t: Double) -> Int { Int(calendarMonths[monthIndex(at: t).index % 12]) }

    /// Start day of simulated month `index`.
    public func startOfMonth(_ index: Int) -> Double {
        Double(index / 12) * 365 + startDays[index % 12]
    }

    /// `t` if its month is open, else the first day of the next open month.
    public func firstOpenDay(from t: Double, breaks: MonthSet) -> Double {
        if breaks.isEmpty { return t }
        var (idx, _) = monthIndex(at: t)
        var day = t
        var guardCount = 0
        while breaks.contains(Int(calendarMonths[idx % 12])) && guardCount < 13 {
            idx += 1; day = startOfMonth(idx); guardCount += 1
        }
        return day
    }
}
