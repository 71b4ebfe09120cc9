/// A plain value event on the calendar: no closure, no class.
///
/// The model gives `kind`, `subject` and `payload` their meaning (for the concertation model:
/// a meeting of instance `subject`, an arrival of issue kind `subject` in territory `payload`,
/// a monthly tick...). Events are totally ordered by (time, priority, sequence number), so ties
/// resolve in a fixed order and a run is reproducible bit for bit.
public struct Event: Sendable, Equatable {
    /// Simulated time in days.
    public var time: Double
    /// Lower runs first among events at the same time.
    public var priority: Int32
    /// The model's event kind.
    public var kind: UInt16
    /// First model argument (e.g. an instance index).
    public var subject: Int32
    /// Second model argument.
    public var payload: Int64
    /// Insertion counter assigned by the calendar: first scheduled, first served on ties.
    public var sequence: UInt64

    @inlinable
    public init(time: Double, priority: Int32 = 0, kind: UInt16, subject: Int32 = 0, payload: Int64 = 0, sequence: UInt64 = 0) {
        self.time = time
        self.priority = priority
        self.kind = kind
        self.subject = subject
        self.payload = payload
        self.sequence = sequence
    }

    /// Calendar order: time, then priority, then sequence number.
    @inlinable
    public static func precedes(_ a: Event, _ b: Event) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.priority != b.priority { return a.priority < b.priority }
        return a.sequence < b.sequence
    }
}
