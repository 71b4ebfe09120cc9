/// A plain value event on the calendar: no closure, no class.
///
/// The model gives `kind`, `subject` and `payload` their meaning (for the concertation model:
/// a meeting of instance `subject`, an arrival of issue kind `subject` in territory `payload`,
/// a monthly tick...). Events are totally ordered by (time, priority, sequence number), so ties
/// resolve in a fixed order and a run is reproducible bit for bit. Priority and sequence number
/// share one 64-bit key (24 bits of priority, 40 bits of sequence), so the event is 32 bytes and
/// a comparison is two loads.
public struct Event: Sendable, Equatable {
    /// Simulated time in days.
    public var time: Double
    /// Priority (high 24 bits, offset so that negative priorities sort first) and sequence number (low 40 bits).
    public var key: UInt64
    /// First model argument (e.g. an instance index).
    public var subject: Int32
    /// The model's event kind.
    public var kind: UInt16
    /// Second model argument.
    public var payload: Int64

    static let sequenceBits: UInt64 = 40
    static let sequenceMask: UInt64 = (1 << 40) - 1
    static let priorityOffset: Int64 = 1 << 23

    @inlinable
    public init(time: Double, priority: Int32 = 0, kind: UInt16, subject: Int32 = 0, payload: Int64 = 0, sequence: UInt64 = 0) {
        self.time = time
        let p = UInt64(Swift.min(Swift.max(Int64(priority) + (1 << 23), 0), (1 << 24) - 1))
        self.key = (p << 40) | (sequence & ((1 << 40) - 1))
        self.subject = subject
        self.kind = kind
        self.payload = payload
    }

    /// Lower runs first among events at the same time (−2^23 … 2^23 − 1).
    @inlinable public var priority: Int32 { Int32(Int64(key >> 40) - (1 << 23)) }
    /// Insertion counter assigned by the calendar: first scheduled, first served on ties.
    @inlinable public var sequence: UInt64 { key & ((1 << 40) - 1) }

    /// Calendar order: time, then priority, then sequence number.
    @inlinable
    public static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.key < b.key)
    }
}
