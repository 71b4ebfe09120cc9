/// The discrete-event clock and calendar: `now`, `schedule`, `next`, run until a horizon.
///
/// The engine knows nothing of concertation: a model owns a `Simulation`, schedules plain value
/// events on it and handles what `next(until:)` returns.
public struct Simulation: Sendable {
    /// Current simulated time in days.
    public private(set) var now: Double = 0
    /// Pending events.
    public private(set) var calendar: EventQueue
    /// Events handed out so far.
    public private(set) var processed: UInt64 = 0

    public init(capacity: Int = 256) {
        calendar = EventQueue(capacity: capacity)
    }

    /// Back to day 0 with an empty calendar (keeps its storage) and a fresh sequence.
    public mutating func reset() {
        now = 0
        processed = 0
        calendar.removeAll()
    }

    /// Schedules an event at absolute time `time` (must not be in the past).
    public mutating func schedule(at time: Double, priority: Int32 = 0, kind: UInt16, subject: Int32 = 0, payload: Int64 = 0) {
        precondition(time >= now, "an event cannot be scheduled in the past")
        calendar.push(Event(time: time, priority: priority, kind: kind, subject: subject, payload: payload))
    }

    /// Pops the next event if it happens no later than `horizon`, advancing the clock.
    /// Returns nil (and sets the clock to the horizon) when the calendar is empty or the next
    /// event is beyond the horizon.
    public mutating func next(until horizon: Double) -> Event? {
        guard let e = calendar.first, e.time <= horizon else {
            now = Swift.max(now, horizon)
            return nil
        }
        _ = calendar.pop()
        now = e.time
        processed &+= 1
        return e
    }
}
