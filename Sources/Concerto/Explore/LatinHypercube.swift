/// A Latin hypercube sample (McKay, Beckman & Conover 1979): `count` points in the unit cube
/// [0, 1)^dimensions such that, along every coordinate, each of the `count` equal slices
/// [s/count, (s+1)/count) holds exactly one point.
///
/// Coordinate d of point i is (π_d(i) + U)/count, where π_d is a random permutation of the
/// slices (one per coordinate, independent) and U a uniform draw within the slice. Every draw
/// comes from one `RandomStream` seeded with `seed`: the same seed gives the same points.
/// Use it to propagate uncertainty (the spread of an output when every parameter varies) with
/// fewer runs than independent draws need for the same precision on means.
public struct LatinHypercube: Sendable, Hashable {
    /// The points, `count` rows of `dimensions` coordinates each.
    public let points: [[Double]]
    /// The number of coordinates of each point.
    public let dimensions: Int
    /// The seed the points were drawn from.
    public let seed: UInt64

    /// - Precondition: `count >= 1`, `dimensions >= 1`.
    /// - Complexity: O(count × dimensions).
    public init(count: Int, dimensions: Int, seed: UInt64) {
        precondition(count >= 1 && dimensions >= 1, "LatinHypercube: count and dimensions must be at least 1")
        var random = RandomStream(seed: seed)
        var points = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: count)
        for d in 0..<dimensions {
            // Fisher–Yates: slice[i] is the slice point i falls in along coordinate d.
            var slice = Array(0..<count)
            for i in stride(from: count - 1, to: 0, by: -1) {
                slice.swapAt(i, random.index(i + 1))
            }
            for i in 0..<count {
                // Kept below the slice's upper end, which rounding of s + U could reach.
                let top = (Double(slice[i] + 1) / Double(count)).nextDown
                points[i][d] = Swift.min((Double(slice[i]) + random.uniform()) / Double(count), top)
            }
        }
        self.points = points
        self.dimensions = dimensions
        self.seed = seed
    }

    /// The number of points.
    public var count: Int { points.count }
}
