// A small self-contained generator for the garbage-can model's random-entry mode, so the
// model depends on nothing else in the library.

/// xoshiro256** (Blackman & Vigna) seeded through SplitMix64. Value type: copying it copies
/// the stream position.
public struct GarbageCanRandom: Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator whose four state words come from SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var sm = seed
        s0 = Self.splitMix(&sm); s1 = Self.splitMix(&sm); s2 = Self.splitMix(&sm); s3 = Self.splitMix(&sm)
    }

    /// The stream of run `run` of variant `variantIndex` under master seed `seed`: the three
    /// numbers are folded through SplitMix64 one after the other, so distinct triples give
    /// unrelated streams and the same triple always gives the same stream.
    public init(seed: UInt64, variantIndex: Int, run: Int) {
        var sm = seed
        var h = Self.splitMix(&sm)
        sm = h ^ (UInt64(truncatingIfNeeded: variantIndex) &* 0x9E37_79B9_7F4A_7C15)
        h = Self.splitMix(&sm)
        sm = h ^ (UInt64(truncatingIfNeeded: run) &* 0xD1B5_4A32_D192_ED69)
        h = Self.splitMix(&sm)
        self.init(seed: h)
    }

    /// Creates a generator with the given raw state (not all zero), e.g. for reference tests.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// SplitMix64 step (Vigna): advances `state` and returns the next output.
    @inlinable
    public static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let x = s1 &* 5
        let result = ((x << 7) | (x >> 57)) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform integer in `0..<bound` (bound > 0), without modulo bias (Lemire's method).
    @inlinable
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// Fisher–Yates shuffle of `values` in place.
    @inlinable
    public mutating func shuffle(_ values: inout [Int]) {
        var i = values.count - 1
        while i > 0 {
            let j = next(below: i + 1)
            values.swapAt(i, j)
            i -= 1
        }
    }
}
