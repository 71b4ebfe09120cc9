import Foundation

/// An exploration of the uncertainty space: structures compared at the points of a design, each
/// point a value for every uncertainty, every structure run at every point with the same seed and
/// replication indices (common random numbers), so differences between structures and between
/// points are not noise of the draws. Cell `p × S + s` is structure `s` at point `p`.
public struct ExplorePlan: CellPlan {
    /// A structure of the exploration: its file and scenario tree (after overrides).
    public struct Member: Sendable {
        public let file: String
        public let id: String
        public let name: String
        /// The name in tables and sentences (the scenario's `shortName`, else its name).
        public let shortName: String
        public let tree: JSONValue
        /// The tree without its notes (`sources`, `ranges`...), which the decoder skips anyway:
        /// what each cell patches and compiles (a third of the work of the whole tree).
        let bare: JSONValue
        public init(file: String, id: String, name: String, shortName: String? = nil, tree: JSONValue) {
            self.file = file; self.id = id; self.name = name; self.shortName = shortName ?? name; self.tree = tree
            bare = Self.withoutNotes(tree)
        }

        static func withoutNotes(_ v: JSONValue) -> JSONValue {
            switch v {
            case .object(let m): return .object(m.filter { !annotationKeys.contains($0.0) }.map { ($0.0, withoutNotes($0.1)) })
            case .array(let a): return .array(a.map(withoutNotes))
            default: return v
            }
        }
    }

    public let members: [Member]
    public let uncertainties: [Uncertainty]
    /// The design: how points were drawn, and each point's coordinates in [0, 1)^k (one column
    /// per uncertainty, in `uncertainties` order).
    public let design: ExploreDesign
    public let unitPoints: [[Double]]
    public let replications: Int
    public let seed: UInt64
    /// The measures compared (their names), and the planner's thresholds on them.
    public let outcomes: [String]
    public let thresholds: [Threshold]

    /// Accept structures above the event budget (`--allow-large`); results do not depend on it.
    public var allowLarge = false

    public init(members: [Member], uncertainties: [Uncertainty], design: ExploreDesign, unitPoints: [[Double]],
                replications: Int, seed: UInt64, outcomes: [String], thresholds: [Threshold]) {
        self.members = members; self.uncertainties = uncertainties; self.design = design; self.unitPoints = unitPoints
        self.replications = replications; self.seed = seed; self.outcomes = outcomes; self.thresholds = thresholds
        fingerprint = Self.fingerprint(members: members, uncertainties: uncertainties, design: design, unitPoints: unitPoints,
                                       replications: replications, seed: seed, outcomes: outcomes, thresholds: thresholds)
    }

    public var pointCount: Int { unitPoints.count }
    public var cellCount: Int { unitPoints.count * members.count }
    public func point(ofCell k: Int) -> Int { k / members.count }
    public func member(ofCell k: Int) -> Int { k % members.count }

    /// The value of every uncertainty at point `p`.
    public func values(atPoint p: Int) -> [Double] {
        zip(uncertainties, unitPoints[p]).map { $0.value(at: $1) }
    }

    /// Whether structure `s` has the uncertainty's path (otherwise it does not vary for it).
    public func has(_ u: Uncertainty, member s: Int) -> Bool { members[s].tree.value(atPath: u.path) != nil }

    /// The scenario of cell `k`, compiled.
    public func structure(ofCell k: Int) throws(ScenarioErrors) -> Structure {
        let s = member(ofCell: k), p = point(ofCell: k)
        var tree = members[s].bare
        for (u, v) in zip(uncertainties, values(atPoint: p)) where has(u, member: s) {
            do { tree = try applyScenarioOverride(tree, path: u.path, value: JSONValue.number(v).serialized()) }
            catch { throw ScenarioErrors([ScenarioError(file: members[s].file, path: u.path, message: error.message)]) }
        }
        let scenario = try ScenarioLoader.decode(tree, file: members[s].file)
        var compiler = ScenarioCompiler(file: members[s].file, allowLarge: allowLarge)
        do { return try compiler.compile(scenario) }
        catch {
            let at = zip(uncertainties, values(atPoint: p)).map { "\($0.path)=\(JSONValue.number($1).serialized())" }.joined(separator: ", ")
            throw ScenarioErrors(error.errors.map { ScenarioError(file: $0.file, path: $0.path, message: $0.message + " (at the explore point \(p): \(at))") })
        }
    }

    /// Cells of shard `index` (1-based) of `count`: cell k belongs to shard (k mod count) + 1.
    public func cells(shard index: Int, of count: Int) -> [Int] { (0..<cellCount).filter { $0 % count == index - 1 } }

    /// A fingerprint of everything that determines the results (FNV-1a 64), computed once.
    public let fingerprint: String

    static func fingerprint(members: [Member], uncertainties: [Uncertainty], design: ExploreDesign, unitPoints: [[Double]],
                            replications: Int, seed: UInt64, outcomes: [String], thresholds: [Threshold]) -> String {
        var text = members.map { $0.tree.serialized() }.joined(separator: "|")
        text += "|" + uncertainties.map { "\($0.path)=\($0.distribution)/\($0.whole)" }.joined(separator: ";")
        text += "|\(design)|" + unitPoints.map { $0.map { String($0.bitPattern, radix: 16) }.joined(separator: ",") }.joined(separator: ";")
        text += "|\(seed)|\(replications)|" + outcomes.joined(separator: ",") + "|" + thresholds.map(\.description).joined(separator: ",")
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return String(h, radix: 16)
    }

    /// The exploration's manifest: everything the analysis needs besides the cells (structures,
    /// uncertainties, design and points, outcomes, thresholds), identical for every shard.
    public func manifest(version: String) -> JSONValue {
        .object([
            ("kind", .string("explore")),
            ("concertoVersion", .string(version)),
            ("fingerprint", .string(fingerprint)),
            ("structures", .array(members.map { .object([("id", .string($0.id)), ("name", .string($0.name)), ("shortName", .string($0.shortName)), ("file", .string(($0.file as NSString).lastPathComponent))]) })),
            ("uncertainties", .array(uncertainties.map { u in
                .object([("path", .string(u.path)), ("distribution", Self.json(u.distribution)), ("whole", .bool(u.whole)),
                         ("nominal", .number(u.nominal)), ("declaredIn", .string(u.declaredIn)), ("reason", u.reason.map { .string($0) } ?? .null)])
            })),
            ("design", .object([("name", .string(design.name)), ("spec", .string(design.description))] + design.settings.map { ($0.0, .number(Double($0.1))) })),
            ("points", .array(unitPoints.map { .array($0.map { .number($0) }) })),
            ("seed", .string(String(seed))),
            ("replications", .number(Double(replications))),
            ("outcomes", .array(outcomes.map { .string($0) })),
            ("thresholds", .array(thresholds.map { t in
                .object([("measure", .string(t.measure)), ("max", t.max.map { .number($0) } ?? .null), ("min", t.min.map { .number($0) } ?? .null)])
            })),
            ("cells", .number(Double(cellCount))),
        ])
    }

    static func json(_ d: UncertaintyDistribution) -> JSONValue {
        switch d {
        case .uniform(let l, let h): return .array([.number(l), .number(h)])
        case .triangular(let l, let m, let h): return .object([("triangular", .array([.number(l), .number(m), .number(h)]))])
        case .truncatedNormal(let m, let s, let l, let h): return .object([("normal", .array([.number(m), .number(s)])), ("within", .array([.number(l), .number(h)]))])
        case .discrete(let v): return .object([("values", .array(v.map { .number($0) }))])
        }
    }

    /// The outputs of a finished exploration (design, results, robustness, sensitivity, discovery).
    public static func writeOutputs(manifest: JSONValue, cellCount: Int, cell: (Int) throws -> JSONValue, to folder: URL) throws {
        try ExploreAnalysis(manifest: manifest, cellCount: cellCount, cell: cell).write(to: folder)
    }

    /// File name of cell `k`.
    public static func cellFileName(_ k: Int) -> String { String(format: "cell-%07d.json", k) }

    /// The result of cell `k`: its point, structure, and for each outcome the summary over
    /// replications (mean, 95% CI, n) and the replications' values in replication order (for
    /// paired comparisons between structures at a point: replication r of every structure used
    /// the same random numbers).
    public func cellRecord(_ k: Int, values: [[Double]], units catalog: MeasureCatalog) -> JSONValue {
        var measures: [(String, JSONValue)] = []
        for (o, name) in outcomes.enumerated() {
            let isShare = catalog.measures.first { $0.group.isEmpty && $0.name == name }?.unit == .share
            var acc = SummaryAccumulator(isShare: isShare, expectedCount: values[o].count)
            for x in values[o] { acc.add(x) }
            let s = acc.summary()
            measures.append((name, .object([
                ("mean", ResultJSON.num(s.mean)), ("ci95", .array([ResultJSON.num(s.ci95Low), ResultJSON.num(s.ci95High)])),
                ("n", .number(Double(s.n))), ("values", .array(values[o].map(ResultJSON.num))),
            ])))
        }
        return .object([
            ("fingerprint", .string(fingerprint)),
            ("cell", .number(Double(k))),
            ("point", .number(Double(point(ofCell: k)))),
            ("structure", .string(members[member(ofCell: k)].id)),
            ("measures", .object(measures)),
        ])
    }
}

/// How the points of an exploration are drawn.
public enum ExploreDesign: Sendable, Equatable, CustomStringConvertible {
    /// Latin hypercube: `n` points, one per stratum in every dimension.
    case lhs(points: Int)
    /// The Saltelli scheme for Sobol first-order and total indices: `base × (k + 2)` points.
    case sobol(base: Int)
    /// Morris trajectories on a grid of `levels` levels: `trajectories × (k + 1)` points.
    case morris(trajectories: Int, levels: Int)
    /// Every combination of `levels` evenly spaced values per uncertainty.
    case grid(levels: Int)

    public var description: String {
        switch self {
        case .lhs(let n): return "lhs(\(n))"
        case .sobol(let n): return "sobol(\(n))"
        case .morris(let r, let p): return "morris(\(r),\(p))"
        case .grid(let l): return "grid(\(l))"
        }
    }
    /// The design's settings by name (for the manifest).
    public var settings: [(String, Int)] {
        switch self {
        case .lhs(let n): return [("points", n)]
        case .sobol(let n): return [("baseRows", n)]
        case .morris(let r, let p): return [("trajectories", r), ("levels", p)]
        case .grid(let l): return [("levels", l)]
        }
    }
    public var name: String {
        switch self {
        case .lhs: return "lhs"
        case .sobol: return "sobol"
        case .morris: return "morris"
        case .grid: return "grid"
        }
    }
}

/// A planner's threshold on a measure: a structure satisfies it at a point when its mean there
/// is at most `max` (or at least `min`).
public struct Threshold: Sendable, Equatable, CustomStringConvertible {
    public var measure: String
    public var max: Double?
    public var min: Double?
    public init(measure: String, max: Double? = nil, min: Double? = nil) { self.measure = measure; self.max = max; self.min = min }
    public func satisfied(by x: Double) -> Bool {
        guard x.isFinite else { return false }
        if let m = max, x > m { return false }
        if let m = min, x < m { return false }
        return true
    }
    public var description: String { measure + (max.map { "<=" + NumberFormat.json($0) } ?? "") + (min.map { ">=" + NumberFormat.json($0) } ?? "") }
}
