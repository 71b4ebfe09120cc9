import Foundation
@testable import Concerto

/// Explorations made by hand: a manifest and cells whose means (and replication values) come
/// from a function of the point, so robustness, sensitivity and discovery can be checked against
/// values computed independently of the simulator.
enum SyntheticExplore {
    /// - Parameters:
    ///   - unitPoints: the design's points in [0, 1)^k; every uncertainty is uniform on [0, 1],
    ///     so a parameter's value is its unit coordinate.
    ///   - structures: ids.
    ///   - outcomes: measure names.
    ///   - value: the value of (outcome, structure, point values, replication).
    static func analysis(unitPoints: [[Double]], structures: [String], outcomes: [String], replications: Int = 4,
                         design: JSONValue = .object([("name", .string("lhs"))]), thresholds: [Threshold] = [],
                         seed: UInt64 = 1, names: [String]? = nil,
                         value: (_ outcome: String, _ structure: Int, _ x: [Double], _ replication: Int) -> Double) throws -> ExploreAnalysis {
        let k = unitPoints.first?.count ?? 0
        let manifest = JSONValue.object([
            ("kind", .string("explore")),
            ("structures", .array(structures.enumerated().map { s, id in
                .object([("id", .string(id)), ("name", .string(id)), ("shortName", .string(names?[s] ?? id))])
            })),
            ("uncertainties", .array((0..<k).map { j in
                .object([("path", .string("x\(j + 1)")), ("distribution", .array([.number(0), .number(1)])), ("whole", .bool(false)),
                         ("nominal", .number(0.5)), ("declaredIn", .string("test")), ("reason", .null)])
            })),
            ("design", design),
            ("points", .array(unitPoints.map { .array($0.map { .number($0) }) })),
            ("seed", .string(String(seed))),
            ("replications", .number(Double(replications))),
            ("outcomes", .array(outcomes.map { .string($0) })),
            ("thresholds", .array(thresholds.map { t in
                .object([("measure", .string(t.measure)), ("max", t.max.map { .number($0) } ?? .null), ("min", t.min.map { .number($0) } ?? .null)])
            })),
        ])
        var cells: [JSONValue] = []
        for (p, x) in unitPoints.enumerated() {
            for (s, id) in structures.enumerated() {
                var measures: [(String, JSONValue)] = []
                for o in outcomes {
                    let v = (0..<replications).map { value(o, s, x, $0) }
                    let finite = v.filter(\.isFinite)
                    let mean = finite.isEmpty ? Double.nan : finite.reduce(0, +) / Double(finite.count)
                    measures.append((o, .object([("mean", mean.isFinite ? .number(mean) : .null), ("ci95", .array([.null, .null])),
                                                 ("n", .number(Double(finite.count))), ("values", .array(v.map { $0.isFinite ? .number($0) : .null }))])))
                }
                cells.append(.object([("point", .number(Double(p))), ("structure", .string(id)), ("measures", .object(measures))]))
            }
        }
        return try ExploreAnalysis(manifest: manifest, cells: cells)
    }

    /// `n` points of a Latin hypercube in `k` dimensions.
    static func lhs(_ n: Int, _ k: Int, seed: UInt64 = 3) -> [[Double]] { LatinHypercube(count: n, dimensions: k, seed: seed).points }
}
