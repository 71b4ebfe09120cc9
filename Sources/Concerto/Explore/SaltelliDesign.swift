/// Saltelli's design for first-order and total Sobol indices (Saltelli 2002; Saltelli et al.
/// 2010), without second-order indices, in SALib's row order so that its outputs can be fed
/// to SALib's `sobol.analyze(problem, Y, calc_second_order=False)` unchanged.
///
/// A base sample of `baseRows` points in 2k dimensions (k parameters) is split into two
/// matrices, A (first k coordinates) and B (last k). For every base row j the design lists
/// k + 2 rows:
///
///     A_j,  AB_j^(1), …, AB_j^(k),  B_j
///
/// where AB_j^(i) is A_j with coordinate i taken from B_j. Rows are numbered
/// j·(k + 2) + 0 (A), + i (AB^(i), i = 1…k), + k + 1 (B): `count` = baseRows·(k + 2) runs.
///
/// With the default base, `.sobol(skip: nil)`, the points are exactly those of SALib 1.6's
/// `saltelli.sample(problem, N, calc_second_order=False)` on the unit cube: Sobol points
/// skip … skip + N − 1 in 2k dimensions, skip the smallest power of two ≥ N and at least 16
/// (SALib computes that power in floating point, which differs only for N above 2^28).
/// SALib's newer `sobol.sample` scrambles the sequence at random by default; Concerto's
/// design is deterministic. A power of two for `baseRows` keeps the Sobol points balanced.
public struct SaltelliDesign: Sendable, Hashable {
    /// Where the base sample of 2k-dimensional points comes from.
    public enum Base: Sendable, Hashable {
        /// Sobol's sequence, after `skip` points (`nil`: SALib's default, see above).
        case sobol(skip: Int?)
        /// Independent uniform points from a `RandomStream` seeded with `seed` (plain Monte
        /// Carlo: slower convergence, but independent designs for independent seeds).
        case random(seed: UInt64)
    }

    /// What a design row is for, within its base row.
    public enum Role: Sendable, Hashable {
        /// The row of matrix A.
        case a
        /// A with the coordinate of parameter `i` (0-based) taken from B.
        case ab(Int)
        /// The row of matrix B.
        case b
    }

    /// k, the number of parameters.
    public let parameterCount: Int
    /// N, the number of base rows.
    public let baseRows: Int
    /// The base sample's origin, as asked.
    public let base: Base
    /// The number of Sobol points skipped (0 for a random base).
    public let skipped: Int
    /// The design's points in the unit cube, `count` rows of k coordinates, in the order above.
    public let points: [[Double]]

    /// The largest number of parameters: the Sobol base needs 2k ≤ 64 dimensions.
    public static let maximumParameters = SobolSequence.maximumDimensions / 2

    /// SALib's default skip for N base rows: the smallest power of two ≥ N, at least 16.
    public static func defaultSkip(baseRows: Int) -> Int {
        Swift.max(16, baseRows <= 1 ? 1 : 1 << (Int.bitWidth - (baseRows - 1).leadingZeroBitCount))
    }

    /// - Precondition: `1 <= parameters <= maximumParameters`, `baseRows >= 2` (the
    ///   convergence check halves it), a skip ≥ 0.
    /// - Complexity: O(baseRows × parameters²).
    public init(parameters: Int, baseRows: Int, base: Base = .sobol(skip: nil)) {
        precondition(parameters >= 1 && parameters <= Self.maximumParameters,
                     "SaltelliDesign: \(parameters) parameters; 1 to \(Self.maximumParameters) are supported")
        precondition(baseRows >= 2, "SaltelliDesign: at least 2 base rows are needed")
        let k = parameters
        let sample: [[Double]]
        switch base {
        case let .sobol(skip):
            let skip = skip ?? Self.defaultSkip(baseRows: baseRows)
            precondition(skip >= 0, "SaltelliDesign: skip must be ≥ 0")
            skipped = skip
            sample = SobolSequence(dimensions: 2 * k).points(count: baseRows, skipping: skip)
        case let .random(seed):
            skipped = 0
            var random = RandomStream(seed: seed)
            sample = (0..<baseRows).map { _ in (0..<(2 * k)).map { _ in random.uniform() } }
        }
        var points: [[Double]] = []
        points.reserveCapacity(baseRows * (k + 2))
        for row in sample {
            let a = Array(row[0..<k]), b = Array(row[k..<(2 * k)])
            points.append(a)
            for i in 0..<k {
                var ab = a
                ab[i] = b[i]
                points.append(ab)
            }
            points.append(b)
        }
        self.parameterCount = k
        self.baseRows = baseRows
        self.base = base
        self.points = points
    }

    /// The number of design rows (model runs): baseRows·(k + 2).
    public var count: Int { points.count }

    /// The rows per base row, k + 2.
    public var rowsPerBaseRow: Int { parameterCount + 2 }

    /// The design row of base row `baseRow` with role `role`.
    /// - Complexity: O(1).
    public func row(_ baseRow: Int, _ role: Role) -> Int {
        precondition(baseRow >= 0 && baseRow < baseRows, "SaltelliDesign.row: base row \(baseRow) out of range")
        switch role {
        case .a: return baseRow * rowsPerBaseRow
        case let .ab(i):
            precondition(i >= 0 && i < parameterCount, "SaltelliDesign.row: parameter \(i) out of range")
            return baseRow * rowsPerBaseRow + 1 + i
        case .b: return baseRow * rowsPerBaseRow + parameterCount + 1
        }
    }

    /// The base row and role of design row `row` (the inverse of `row(_:_:)`).
    /// - Complexity: O(1).
    public func role(ofRow row: Int) -> (baseRow: Int, role: Role) {
        precondition(row >= 0 && row < count, "SaltelliDesign.role: row \(row) out of range")
        let (j, r) = row.quotientAndRemainder(dividingBy: rowsPerBaseRow)
        if r == 0 { return (j, .a) }
        if r == parameterCount + 1 { return (j, .b) }
        return (j, .ab(r - 1))
    }
}
