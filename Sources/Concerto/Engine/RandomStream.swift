import Foundation

/// SplitMix64: used only to expand seeds into xoshiro256** states.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A seedable random stream (xoshiro256**, Blackman & Vigna 2018).
///
/// Each replication owns its streams, derived from (master seed, replication index, stream
/// purpose) through SplitMix64, so replications never share a generator and a run is a pure
/// function of its seed. Separate purposes (arrivals, attendance, deliberation...) keep common
/// random numbers across scenario variants: changing how often an instance meets does not shift
/// the arrival stream.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline internal var s0: UInt64
    @usableFromInline internal var s1: UInt64
    @usableFromInline internal var s2: UInt64
    @usableFromInline internal var s3: UInt64

    /// A stream seeded from one 64-bit value (expanded with SplitMix64).
    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The stream for (master seed, replication, purpose): independent for different triples.
    public init(masterSeed: UInt64, replication: UInt64, stream: UInt64) {
        var sm = SplitMix64(seed: masterSeed)
        let a = sm.next()
        var sm2 = SplitMix64(seed: a ^ (replication &* 0xD1B5_4A32_D192_ED03))
        let b = sm2.next()
        var sm3 = SplitMix64(seed: b ^ (stream &* 0x8CB9_2BA7_2F3D_8DD7))
        self.init(seed: sm3.next())
    }

    @inlinable
    internal static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// Next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = RandomStream.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = RandomStream.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in (0, 1]: safe for logarithms.
    @inlinable
    public mutating func uniformOpenLow() -> Double {
        (Double(next() >> 11) + 1) * 0x1.0p-53
    }

    /// Uniform in [a, b).
    @inlinable
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }

    /// True with probability p.
    @inlinable
    public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Exponential with the given rate (mean 1/rate).
    @inlinable
    public mutating func exponential(rate: Double) -> Double { -Foundation.log(uniformOpenLow()) / rate }

    /// Uniform integer in 0..<n (Lemire's nearly divisionless method, unbiased).
    @inlinable @inline(__always)
    public mutating func index(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let t = (0 &- bound) % bound
            while m.low < t { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// Standard normal (Marsaglia polar method; no cached spare, so draws stay aligned).
    @inlinable
    public mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * Foundation.sqrt(-2 * Foundation.log(s) / s) }
        }
    }

    /// Normal(mean, sd) clipped to [lo, hi].
    @inlinable
    public mutating func clippedNormal(mean: Double, sd: Double, lo: Double = 0, hi: Double = 1) -> Double {
        if sd <= 0 { return Swift.min(hi, Swift.max(lo, mean)) }
        return Swift.min(hi, Swift.max(lo, mean + sd * normal()))
    }

    /// Poisson with mean `lambda` (inversion for small means, normal approximation above 500).
    @inlinable
    public mutating func poisson(_ lambda: Double) -> Int {
        if lambda <= 0 { return 0 }
        if lambda > 500 {
            let x = (lambda + Foundation.sqrt(lambda) * normal()).rounded()
            return x < 9e18 ? Swift.max(0, Int(x)) : Int.max   // checked: Int(x) traps beyond Int's range
        }
        let l = Foundation.exp(-lambda)
        var k = 0
        var p = uniform()
        while p > l { k += 1; p *= uniform() }
        return k
    }
}
