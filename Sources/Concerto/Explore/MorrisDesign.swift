/// Morris's screening design (Morris 1991): `trajectories` random walks on a grid of `levels`
/// values per coordinate of the unit cube, each moving one parameter at a time by Δ, so that
/// every walk measures one elementary effect of every parameter with k + 1 runs.
///
/// The grid is {0, 1/(p−1), 2/(p−1), …, 1} for p = `levels` (even; 4 by default) and
/// Δ = p / (2(p − 1)) (2/3 for p = 4). A trajectory starts from a base point whose every
/// coordinate is drawn among the grid's lower half {0, …, 1 − Δ}; each parameter gets a
/// direction at random (up from the base value, or down from base + Δ), and the parameters
/// are moved in a random order. This is the B* construction of Morris (1991) as SALib's
/// `morris.sample` implements it (without its optional trajectory selection, Campolongo et
/// al. 2007). Every draw comes from one `RandomStream` seeded with `seed`.
///
/// Rows are numbered trajectory·(k + 1) + point, point 0…k; the grid includes 1, which the
/// distributions map to the upper end of their support.
public struct MorrisDesign: Sendable, Hashable {
    /// k, the number of parameters.
    public let parameterCount: Int
    /// r, the number of trajectories.
    public let trajectories: Int
    /// p, the number of grid levels per coordinate.
    public let levels: Int
    /// The seed the trajectories were drawn from.
    public let seed: UInt64
    /// The design's points in the unit cube, trajectories·(k + 1) rows of k coordinates.
    public let points: [[Double]]
    /// steps[t][m]: the parameter (0-based) that changes between points m and m + 1 of
    /// trajectory t; each parameter appears once per trajectory.
    public let steps: [[Int]]

    /// - Precondition: `parameters >= 1`, `trajectories >= 2`, `levels` even and ≥ 2.
    /// - Complexity: O(trajectories × parameters²).
    public init(parameters: Int, trajectories: Int, levels: Int = 4, seed: UInt64) {
        precondition(parameters >= 1, "MorrisDesign: at least one parameter is needed")
        precondition(trajectories >= 2, "MorrisDesign: at least 2 trajectories are needed (σ needs two effects)")
        precondition(levels >= 2 && levels % 2 == 0, "MorrisDesign: the number of levels must be even and at least 2")
        let k = parameters, half = levels / 2
        var random = RandomStream(seed: seed)
        var points: [[Double]] = [], steps: [[Int]] = []
        points.reserveCapacity(trajectories * (k + 1))
        // Grid positions are integers 0…p−1; a step moves by p/2 positions (Δ).
        func coordinates(_ grid: [Int]) -> [Double] { grid.map { Double($0) / Double(levels - 1) } }
        for _ in 0..<trajectories {
            var grid = [Int](repeating: 0, count: k), up = [Bool](repeating: true, count: k)
            for i in 0..<k {
                let base = random.index(half)
                up[i] = random.bernoulli(0.5)
                grid[i] = up[i] ? base : base + half
            }
            var order = Array(0..<k)
            for i in stride(from: k - 1, to: 0, by: -1) { order.swapAt(i, random.index(i + 1)) }
            points.append(coordinates(grid))
            for i in order {
                grid[i] += up[i] ? half : -half
                points.append(coordinates(grid))
            }
            steps.append(order)
        }
        self.parameterCount = k
        self.trajectories = trajectories
        self.levels = levels
        self.seed = seed
        self.points = points
        self.steps = steps
    }

    /// Δ, the length of every step in the unit cube: p / (2(p − 1)).
    public var delta: Double { Double(levels / 2) / Double(levels - 1) }

    /// The number of design rows (model runs): trajectories·(k + 1).
    public var count: Int { points.count }

    /// The design row of point `point` (0…k) of trajectory `trajectory`.
    /// - Complexity: O(1).
    public func row(trajectory: Int, point: Int) -> Int {
        precondition(trajectory >= 0 && trajectory < trajectories && point >= 0 && point <= parameterCount,
                     "MorrisDesign.row: (\(trajectory), \(point)) out of range")
        return trajectory * (parameterCount + 1) + point
    }
}
