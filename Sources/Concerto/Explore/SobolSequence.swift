/// Sobol's low-discrepancy sequence (Sobol 1967) in up to 64 dimensions, with the direction
/// numbers of Joe & Kuo (2008, file `new-joe-kuo-6.21201`), in Gray-code order (Antonov &
/// Saarinen 1979): the sequence SALib's `sobol_sequence.sample` and SciPy's unscrambled
/// `qmc.Sobol` produce, point for point.
///
/// Its points fill the unit cube more evenly than independent draws: the first 2^m points put
/// exactly one point in each of the 2^m equal slices of every coordinate, so estimates over
/// them converge faster. The sequence is deterministic (there is nothing to seed); point 0 is
/// the origin, which SALib's Saltelli scheme skips (see `SaltelliDesign`).
public struct SobolSequence: Sendable, Hashable {
    /// The largest number of dimensions the embedded direction numbers cover.
    public static let maximumDimensions = 1 + directionNumbers.count
    /// The largest number of points: indices are 32-bit.
    public static let maximumCount = 1 << 32

    /// The number of coordinates of each point.
    public let dimensions: Int
    /// direction[d][b]: the direction integer v_{b+1} of dimension d, scaled to 32 bits.
    private let direction: [[UInt32]]

    /// - Precondition: `1 <= dimensions <= SobolSequence.maximumDimensions`.
    public init(dimensions: Int) {
        precondition(dimensions >= 1 && dimensions <= Self.maximumDimensions,
                     "SobolSequence: \(dimensions) dimensions; 1 to \(Self.maximumDimensions) are available")
        self.dimensions = dimensions
        var direction: [[UInt32]] = []
        for d in 0..<dimensions {
            var v = [UInt32](repeating: 0, count: 32)
            if d == 0 {
                // The first dimension is van der Corput's sequence: every m_j = 1.
                for b in 0..<32 { v[b] = 1 << (31 - b) }
            } else {
                let (a, m) = (Self.directionNumbers[d - 1].a, Self.directionNumbers[d - 1].m)
                let s = m.count
                for b in 0..<Swift.min(s, 32) { v[b] = m[b] << (31 - b) }
                if s < 32 {
                    for b in s..<32 {
                        // v_j = v_{j−s} ⊕ (v_{j−s} >> s) ⊕ Σ_k a_k·v_{j−k}  (Bratley & Fox 1988)
                        var x = v[b - s] ^ (v[b - s] >> UInt32(s))
                        for k in 1..<s where (a >> UInt32(s - 1 - k)) & 1 == 1 { x ^= v[b - k] }
                        v[b] = x
                    }
                }
            }
            direction.append(v)
        }
        self.direction = direction
    }

    /// Point `index` (0-based) of the sequence: the XOR of the direction integers of the bits
    /// of the Gray code of `index`, divided by 2^32.
    /// - Precondition: `0 <= index < SobolSequence.maximumCount`.
    /// - Complexity: O(dimensions × log index).
    public func point(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < Self.maximumCount, "SobolSequence.point: index \(index) out of range")
        return integerPoint(index).map { Double($0) * 0x1.0p-32 }
    }

    /// Point `index` as 32-bit binary fractions.
    private func integerPoint(_ index: Int) -> [UInt32] {
        let gray = UInt32(index) ^ (UInt32(index) >> 1)
        return direction.map { v in
            var x: UInt32 = 0
            var bits = gray, b = 0
            while bits != 0 {
                if bits & 1 == 1 { x ^= v[b] }
                bits >>= 1
                b += 1
            }
            return x
        }
    }

    /// `count` consecutive points, from point `skipping` on (Gray-code recurrence: each point
    /// differs from the previous one by one direction integer per dimension).
    /// - Precondition: `count >= 0`, `skipping >= 0`, `skipping + count <= maximumCount`.
    /// - Complexity: O(count × dimensions).
    public func points(count: Int, skipping: Int = 0) -> [[Double]] {
        precondition(count >= 0 && skipping >= 0 && skipping + count <= Self.maximumCount,
                     "SobolSequence.points: \(count) points after \(skipping) exceed the sequence")
        guard count > 0 else { return [] }
        var state = integerPoint(skipping)
        var result: [[Double]] = [state.map { Double($0) * 0x1.0p-32 }]
        result.reserveCapacity(count)
        for n in (skipping + 1)..<(skipping + count) {
            // Going from n−1 to n flips the Gray-code bit of the lowest zero bit of n−1.
            let b = (~UInt32(n - 1)).trailingZeroBitCount
            for d in 0..<dimensions { state[d] ^= direction[d][b] }
            result.append(state.map { Double($0) * 0x1.0p-32 })
        }
        return result
    }

    /// Joe & Kuo's primitive polynomials and initial direction numbers for dimensions 2 to 64
    /// (`new-joe-kuo-6.21201`, https://web.maths.unsw.edu.au/~fkuo/sobol/; Joe & Kuo, SIAM J.
    /// Sci. Comput. 30(5), 2008, 2635–2654): `a` encodes the polynomial's inner coefficients,
    /// its degree s is `m.count`, and `m` are m_1 … m_s.
    private static let directionNumbers: [(a: UInt32, m: [UInt32])] = [
        (0, [1]),
        (1, [1, 3]),
        (1, [1, 3, 1]),
        (2, [1, 1, 1]),
        (1, [1, 1, 3, 3]),
        (4, [1, 3, 5, 13]),
        (2, [1, 1, 5, 5, 17]),
        (4, [1, 1, 5, 5, 5]),
        (7, [1, 1, 7, 11, 19]),
        (11, [1, 1, 5, 1, 1]),
        (13, [1, 1, 1, 3, 11]),
        (14, [1, 3, 5, 5, 31]),
        (1, [1, 3, 3, 9, 7, 49]),
        (13, [1, 1, 1, 15, 21, 21]),
        (16, [1, 3, 1, 13, 27, 49]),
        (19, [1, 1, 1, 15, 7, 5]),
        (22, [1, 3, 1, 15, 13, 25]),
        (25, [1, 1, 5, 5, 19, 61]),
        (1, [1, 3, 7, 11, 23, 15, 103]),
        (4, [1, 3, 7, 13, 13, 15, 69]),
        (7, [1, 1, 3, 13, 7, 35, 63]),
        (8, [1, 3, 5, 9, 1, 25, 53]),
        (14, [1, 3, 1, 13, 9, 35, 107]),
        (19, [1, 3, 1, 5, 27, 61, 31]),
        (21, [1, 1, 5, 11, 19, 41, 61]),
        (28, [1, 3, 5, 3, 3, 13, 69]),
        (31, [1, 1, 7, 13, 1, 19, 1]),
        (32, [1, 3, 7, 5, 13, 19, 59]),
        (37, [1, 1, 3, 9, 25, 29, 41]),
        (41, [1, 3, 5, 13, 23, 1, 55]),
        (42, [1, 3, 7, 3, 13, 59, 17]),
        (50, [1, 3, 1, 3, 5, 53, 69]),
        (55, [1, 1, 5, 5, 23, 33, 13]),
        (56, [1, 1, 7, 7, 1, 61, 123]),
        (59, [1, 1, 7, 9, 13, 61, 49]),
        (62, [1, 3, 3, 5, 3, 55, 33]),
        (14, [1, 3, 1, 15, 31, 13, 49, 245]),
        (21, [1, 3, 5, 15, 31, 59, 63, 97]),
        (22, [1, 3, 1, 11, 11, 11, 77, 249]),
        (38, [1, 3, 1, 11, 27, 43, 71, 9]),
        (47, [1, 1, 7, 15, 21, 11, 81, 45]),
        (49, [1, 3, 7, 3, 25, 31, 65, 79]),
        (50, [1, 3, 1, 1, 19, 11, 3, 205]),
        (52, [1, 1, 5, 9, 19, 21, 29, 157]),
        (56, [1, 3, 7, 11, 1, 33, 89, 185]),
        (67, [1, 3, 3, 3, 15, 9, 79, 71]),
        (70, [1, 3, 7, 11, 15, 39, 119, 27]),
        (84, [1, 1, 3, 1, 11, 31, 97, 225]),
        (97, [1, 1, 1, 3, 23, 43, 57, 177]),
        (103, [1, 3, 7, 7, 17, 17, 37, 71]),
        (115, [1, 3, 1, 5, 27, 63, 123, 213]),
        (122, [1, 1, 3, 5, 11, 43, 53, 133]),
        (8, [1, 3, 5, 5, 29, 17, 47, 173, 479]),
        (13, [1, 3, 3, 11, 3, 1, 109, 9, 69]),
        (16, [1, 1, 1, 5, 17, 39, 23, 5, 343]),
        (22, [1, 3, 1, 5, 25, 15, 31, 103, 499]),
        (25, [1, 1, 1, 11, 11, 17, 63, 105, 183]),
        (44, [1, 1, 5, 11, 9, 29, 97, 231, 363]),
        (47, [1, 1, 5, 15, 19, 45, 41, 7, 383]),
        (52, [1, 3, 7, 7, 31, 19, 83, 137, 221]),
        (55, [1, 1, 1, 3, 23, 15, 111, 223, 83]),
        (59, [1, 1, 5, 13, 31, 15, 55, 25, 161]),
        (62, [1, 1, 3, 13, 25, 47, 39, 87, 257]),
    ]
}
