import Foundation
@testable import Concerto

/// Deterministic test data: the library's SplitMix64 (Steele, Lea & Flood 2014) with the draws the
/// statistics tests need.
struct TestRNG: RandomNumberGenerator {
    var mix: SplitMix64
    init(state: UInt64) { mix = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { mix.next() }
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
    mutating func exponential(mean: Double) -> Double { -mean * log(1 - uniform()) }
    mutating func normal() -> Double {
        let u1 = 1 - uniform(), u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
