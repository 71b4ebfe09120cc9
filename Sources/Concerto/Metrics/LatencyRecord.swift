/// How an issue's wait for its final decision ended: decided (the event of interest), dropped
/// (a competing event: the issue will never be decided), or still open at the horizon
/// (censored: we only know it waited at least that long).
public enum LatencyOutcome: UInt8, Sendable, BitwiseCopyable {
    case decided
    case dropped
    case open
}

/// One latency as recorded by the tally: an issue kind, how its wait ended and how long it lasted.
struct LatencyRecord: BitwiseCopyable {
    var kind: Int32
    var outcome: LatencyOutcome
    var days: Double
}

/// A recorded latency placed in its bin: `key` holds the bin (high 32 bits) and the recording
/// order (low 32 bits). Sorted entries are in increasing `days`, then recording order.
struct LatencyEntry: BitwiseCopyable {
    var key: UInt64
    var kind: Int32
    var outcome: LatencyOutcome
    /// Duration clamped at 0.
    var days: Double
    var bin: Int { Int(key >> 32) }
}
