/// The points PRIM searches: `n` points, each giving a value to the same `k` parameters.
///
/// Values are checked once, here: every point has one finite value per parameter, inside the
/// parameter's bounds. PRIM reads the values by column (one array per parameter).
public struct PRIMDesign: Sendable, Equatable {
    /// The dimensions, in the order of each point's values.
    public let parameters: [PRIMParameter]
    /// `columns[j][i]`: the value of parameter `j` at point `i`.
    public let columns: [[Double]]

    /// Number of points.
    public var count: Int { columns.first?.count ?? 0 }

    /// A design from its points (`points[i][j]`: the value of parameter `j` at point `i`).
    /// - Throws: `PRIMError` when there is no parameter or no point, a name is empty or used
    ///   twice, a parameter's bounds are not finite or not ordered, or a point has the wrong
    ///   number of values or a value that is not finite or lies outside its parameter's bounds.
    /// - Complexity: O(n·k).
    public init(parameters: [PRIMParameter], points: [[Double]]) throws {
        guard !parameters.isEmpty else { throw PRIMError("the design has no parameter") }
        guard !points.isEmpty else { throw PRIMError("the design has no point") }
        var seen = Set<String>()
        for p in parameters {
            guard !p.name.isEmpty else { throw PRIMError("a parameter has an empty name") }
            guard seen.insert(p.name).inserted else { throw PRIMError("parameter \(p.name) appears twice") }
            guard p.lower.isFinite, p.upper.isFinite, p.lower <= p.upper else {
                throw PRIMError("parameter \(p.name): bounds \(p.lower) and \(p.upper) are not a finite interval (lower ≤ upper)")
            }
        }
        var columns = Array(repeating: [Double](), count: parameters.count)
        for j in columns.indices { columns[j].reserveCapacity(points.count) }
        for (i, point) in points.enumerated() {
            guard point.count == parameters.count else {
                throw PRIMError("point \(i) has \(point.count) values for \(parameters.count) parameters")
            }
            for (j, x) in point.enumerated() {
                let p = parameters[j]
                guard x.isFinite, x >= p.lower, x <= p.upper else {
                    throw PRIMError("point \(i): \(p.name) = \(x) is outside its bounds [\(p.lower), \(p.upper)]")
                }
                columns[j].append(x)
            }
        }
        self.parameters = parameters
        self.columns = columns
    }

    /// True when point `i` lies in the box `lower...upper` (inclusive on every side).
    /// - Complexity: O(k).
    @inlinable
    public func contains(point i: Int, lower: [Double], upper: [Double]) -> Bool {
        for j in columns.indices where columns[j][i] < lower[j] || columns[j][i] > upper[j] { return false }
        return true
    }
}
