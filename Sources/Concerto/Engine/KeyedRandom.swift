/// Random numbers addressed by a key rather than drawn in sequence (a counter-based generator):
/// `uniform(a, b)` is a hash of (stream key, a, b), the same whatever was asked before. Events
/// that may or may not need a draw (a partner's burnout in a month, a post's turnover) use it,
/// so nothing is drawn when nothing can happen and variants still share their random numbers
/// (common random numbers) without keeping a sequential stream aligned.
public struct KeyedRandom: Sendable, BitwiseCopyable {
    public let key: UInt64

    /// The generator for (master seed, replication, purpose), independent of the sequential streams.
    public init(masterSeed: UInt64, replication: UInt64, stream: UInt64) {
        var r = RandomStream(masterSeed: masterSeed, replication: replication, stream: stream)
        key = r.next()
    }

    @inlinable @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) for the pair (a, b), with 53 random bits: two rounds of the SplitMix64
    /// finaliser, one per coordinate.
    @inlinable @inline(__always)
    public func uniform(_ a: UInt64, _ b: UInt64) -> Double {
        let h = Self.mix(Self.mix(key &+ a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xD1B5_4A32_D192_ED03 &+ 0x8CB9_2BA7_2F3D_8DD7))
        return Double(h >> 11) * 0x1.0p-53
    }
}
