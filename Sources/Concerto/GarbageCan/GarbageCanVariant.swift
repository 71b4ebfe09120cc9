// The 81 variants of the garbage-can model: load × energy distribution × access × decision.

/// Net energy load: the energy a choice requires for each problem attached to it.
public enum GarbageCanLoad: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case light, moderate, heavy

    public var name: String {
        switch self {
        case .light: return "light"
        case .moderate: return "moderate"
        case .heavy: return "heavy"
        }
    }

    public var description: String { name }

    public init?(name: String) {
        guard let l = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = l
    }

    /// Energy required per attached problem, as a double: 1.1, 2.2 or 3.3.
    public var energyPerProblem: Double {
        switch self {
        case .light: return 1.1
        case .moderate: return 2.2
        case .heavy: return 3.3
        }
    }

    /// Energy required per attached problem in exact units of 1/100: 110, 220 or 330.
    public var exactEnergyPerProblem: Int {
        switch self {
        case .light: return 110
        case .moderate: return 220
        case .heavy: return 330
        }
    }
}

/// How energy is distributed among the ten decision makers (decision maker 0 is the most important).
public enum GarbageCanEnergyDistribution: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Important decision makers have less energy.
    case importantLess
    /// Everybody has the same energy.
    case equal
    /// Important decision makers have more energy.
    case importantMore

    public var name: String {
        switch self {
        case .importantLess: return "imp-less"
        case .equal: return "equal"
        case .importantMore: return "imp-more"
        }
    }

    public var description: String { name }

    public init?(name: String) {
        guard let e = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = e
    }

    /// Energy each decision maker brings per period, already multiplied by the solution
    /// coefficient 0.6, exactly the doubles of the published model (its floating-point products,
    /// written here as their shortest round-trip decimals).
    public var energies: [Double] {
        switch self {
        case .importantLess:
            return [0.06, 0.12, 0.18000000000000002, 0.24, 0.3, 0.36, 0.42000000000000004, 0.48, 0.54, 0.6]
        case .equal:
            return [Double](repeating: 0.33, count: 10)
        case .importantMore:
            return [0.6, 0.54, 0.48, 0.42000000000000004, 0.36000000000000004, 0.30000000000000004,
                    0.24000000000000007, 0.18000000000000008, 0.1200000000000001, 0.060000000000000116]
        }
    }

    /// The same energies in exact units of 1/100: `rint(value × 100)` of `energies`
    /// (written out, so the library needs no libm; a test checks the correspondence).
    public var exactEnergies: [Int] {
        switch self {
        case .importantLess: return [6, 12, 18, 24, 30, 36, 42, 48, 54, 60]
        case .equal: return [Int](repeating: 33, count: 10)
        case .importantMore: return [60, 54, 48, 42, 36, 30, 24, 18, 12, 6]
        }
    }
}

/// One of the 81 variants of the model.
public struct GarbageCanVariant: Hashable, Sendable, CustomStringConvertible {
    public var load: GarbageCanLoad
    public var energy: GarbageCanEnergyDistribution
    public var access: GarbageCanStructure
    public var decision: GarbageCanStructure

    public init(load: GarbageCanLoad, energy: GarbageCanEnergyDistribution,
                access: GarbageCanStructure, decision: GarbageCanStructure) {
        self.load = load; self.energy = energy; self.access = access; self.decision = decision
    }

    /// Position in `all` (0…80): load varies slowest, then energy, access, decision.
    /// This is also the order of the golden file.
    public var index: Int {
        ((load.rawValue * 3 + energy.rawValue) * 3 + access.rawValue) * 3 + decision.rawValue
    }

    /// The variant at `index` (0…80) of `all`.
    public init?(index: Int) {
        guard (0..<81).contains(index) else { return nil }
        self.init(load: GarbageCanLoad(rawValue: index / 27)!,
                  energy: GarbageCanEnergyDistribution(rawValue: (index / 9) % 3)!,
                  access: GarbageCanStructure(rawValue: (index / 3) % 3)!,
                  decision: GarbageCanStructure(rawValue: index % 3)!)
    }

    /// All 81 variants in `index` order.
    public static let all: [GarbageCanVariant] = (0..<81).map { GarbageCanVariant(index: $0)! }

    /// Parses `LOAD,ENERGY,ACCESS,DECISION`, e.g. `light,equal,hierarchical,specialized`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4,
              let l = GarbageCanLoad(name: parts[0]),
              let e = GarbageCanEnergyDistribution(name: parts[1]),
              let a = GarbageCanStructure(name: parts[2]),
              let d = GarbageCanStructure(name: parts[3]) else { return nil }
        self.init(load: l, energy: e, access: a, decision: d)
    }

    /// `LOAD,ENERGY,ACCESS,DECISION`, the form `init(parsing:)` reads.
    public var description: String { "\(load.name),\(energy.name),\(access.name),\(decision.name)" }
}
