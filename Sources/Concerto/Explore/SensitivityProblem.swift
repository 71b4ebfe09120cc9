/// The uncertain parameters of an exploration, in a fixed order: each has a name (a scenario
/// path such as `instances.grande-table.schedule.meetingsPerYear`, or any label) and a
/// distribution. Coordinate i of every design point belongs to parameter i.
public struct SensitivityProblem: Sendable, Hashable {
    /// One uncertain parameter: its name and what is known about its value.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var distribution: UncertaintyDistribution
        public init(name: String, distribution: UncertaintyDistribution) {
            self.name = name
            self.distribution = distribution
        }
    }

    /// The parameters, in the order of the design's coordinates.
    public var parameters: [Parameter]

    /// - Precondition: at least one parameter, names distinct, every distribution well formed
    ///   (check `problems` first to report what is wrong instead of stopping).
    public init(_ parameters: [Parameter]) {
        self.parameters = parameters
        precondition(problems.isEmpty, "SensitivityProblem: \(problems.joined(separator: "; "))")
    }

    /// What is wrong with a list of parameters, one line each; empty when it can be explored.
    public static func problems(of parameters: [Parameter]) -> [String] {
        var found: [String] = []
        if parameters.isEmpty { found.append("no uncertain parameter to explore") }
        var seen = Set<String>()
        for p in parameters {
            if !seen.insert(p.name).inserted { found.append("\(p.name): listed twice") }
            if let problem = p.distribution.problem { found.append("\(p.name): \(problem)") }
        }
        return found
    }

    /// What is wrong with these parameters (see `problems(of:)`).
    public var problems: [String] { Self.problems(of: parameters) }

    /// The number of parameters (the dimension of the unit cube).
    public var count: Int { parameters.count }

    /// The parameters' names, in order.
    public var names: [String] { parameters.map(\.name) }

    /// The parameter values of one design point: coordinate i through parameter i's quantile.
    /// - Precondition: `unitPoint.count == count`, every coordinate in [0, 1].
    /// - Complexity: O(count).
    public func values(at unitPoint: [Double]) -> [Double] {
        precondition(unitPoint.count == count, "SensitivityProblem.values(at:): \(unitPoint.count) coordinates for \(count) parameters")
        return zip(parameters, unitPoint).map { $0.distribution.value(at: $1) }
    }

    /// The parameter values of every point of a design, in the design's order.
    /// - Complexity: O(points × count).
    public func values(at unitPoints: [[Double]]) -> [[Double]] {
        unitPoints.map { values(at: $0) }
    }
}
