/// The simulated calendar: 365-day years starting on the first day of the scenario's start
/// month, real month lengths, no leap years. Used for monthly ticks and break months
/// (summer and holidays, common in the community sector).
public struct CalendarMonths: Sendable {
    /// Start day (within a simulated year) of each of the 12 months, in simulated order.
    public let starts: [Double]
    /// Calendar month (1–12) of each simulated month.
    public let months: [Int]

    static let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    public init(startMonth: Int) {
        var s: [Double] = []
        var m: [Int] = []
        var day = 0
        for k in 0..<12 {
            let month = (startMonth - 1 + k) % 12 + 1
            s.append(Double(day)); m.append(month)
            day += CalendarMonths.lengths[month - 1]
        }
        starts = s; months = m
    }

    /// The simulated month index (0 = first month of the run) containing day `t`, and its start day.
    public func monthIndex(at t: Double) -> (index: Int, start: Double) {
        let year = (t / 365).rounded(.down)
        let d = t - year * 365
        var k = 11
        while k > 0 && starts[k] > d { k -= 1 }
        return (Int(year) * 12 + k, year * 365 + starts[k])
    }

    /// Calendar month (1–12) of day `t`.
    public func calendarMonth(at t: Double) -> Int { months[monthIndex(at: t).index % 12] }

    /// Start day of simulated month `index`.
    public func startOfMonth(_ index: Int) -> Double {
        Double(index / 12) * 365 + starts[index % 12]
    }

    /// `t` if its month is open, else the first day of the next open month.
    public func firstOpenDay(from t: Double, breaks: Set<Int>) -> Double {
        if breaks.isEmpty { return t }
        var (idx, _) = monthIndex(at: t)
        var day = t
        var guardCount = 0
        while breaks.contains(months[idx % 12]) && guardCount < 13 {
            idx += 1; day = startOfMonth(idx); guardCount += 1
        }
        return day
    }
}
