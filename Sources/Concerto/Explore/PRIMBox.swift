/// A box of the design's space, `lower[j] ≤ x_j ≤ upper[j]` on every parameter `j`, with what
/// it holds: its points, its cases of interest, and the three numbers scenario discovery reads.
///
/// - *coverage*: the share of all cases of interest that lie inside (1 for the whole space, 0
///   when the design has no case of interest);
/// - *density*: the share of the box's points that are cases of interest (the mean of y);
/// - *mass*: the share of all points that lie inside.
///
/// A dimension is *restricted* when a limit differs from its parameter's bound. Limits of a
/// continuous parameter lie halfway between a point kept and a point peeled; limits of a
/// discrete parameter are values that occur in the design, both kept (inclusive).
public struct PRIMBox: Sendable, Equatable {
    /// A restricted dimension: the sides that are limited, and for each the quasi-p-value.
    ///
    /// The quasi-p-value of a side (Bryant & Lempert 2010, as the EMA Workbench computes it) is
    /// the one-sided binomial probability of finding at least the box's cases of interest among
    /// its points if their density were that of the box with this side's limit lifted: small
    /// (say below 0.05) when the limit matters, near 1 when the box does as well without it.
    public struct Restriction: Sendable, Equatable {
        /// Position of the parameter in the design.
        public let index: Int
        /// The parameter restricted.
        public let parameter: PRIMParameter
        /// The lower limit, or `nil` when the box is not limited from below.
        public let lower: Double?
        /// The upper limit, or `nil` when the box is not limited from above.
        public let upper: Double?
        /// Quasi-p-value of the lower limit (`nil` when there is none).
        public let lowerQuasiP: Double?
        /// Quasi-p-value of the upper limit (`nil` when there is none).
        public let upperQuasiP: Double?

        public init(index: Int, parameter: PRIMParameter, lower: Double?, upper: Double?,
                    lowerQuasiP: Double? = nil, upperQuasiP: Double? = nil) {
            self.index = index
            self.parameter = parameter
            self.lower = lower
            self.upper = upper
            self.lowerQuasiP = lowerQuasiP
            self.upperQuasiP = upperQuasiP
        }
    }

    /// Lower limit per parameter, in the design's order (the parameter's bound when unrestricted).
    public let lower: [Double]
    /// Upper limit per parameter, in the design's order.
    public let upper: [Double]
    /// Number of design points inside.
    public let points: Int
    /// Number of cases of interest inside.
    public let cases: Int
    /// Cases of interest inside / all cases of interest (0 when there is none).
    public let coverage: Double
    /// Cases of interest inside / points inside (a box is never empty).
    public let density: Double
    /// Points inside / all points.
    public let mass: Double
    /// The restricted dimensions, in the design's order.
    public let restrictions: [Restriction]

    /// Number of restricted dimensions.
    public var restrictedCount: Int { restrictions.count }

    public init(lower: [Double], upper: [Double], points: Int, cases: Int, coverage: Double,
                density: Double, mass: Double, restrictions: [Restriction]) {
        self.lower = lower
        self.upper = upper
        self.points = points
        self.cases = cases
        self.coverage = coverage
        self.density = density
        self.mass = mass
        self.restrictions = restrictions
    }

    /// The box's restriction on the parameter named `name`, or `nil` if it is unrestricted.
    public func restriction(_ name: String) -> Restriction? {
        restrictions.first { $0.parameter.name == name }
    }
}
