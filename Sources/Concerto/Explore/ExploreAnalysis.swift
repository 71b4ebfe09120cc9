import Foundation

/// A finished exploration, read back from its manifest and cells: each structure's mean of each
/// outcome at each point, and the values of the uncertainties there. The tables a planner reads
/// (robustness, sensitivity, discovery) are computed from it.
public struct ExploreAnalysis: Sendable {
    public let structureIDs: [String]
    public let structureNames: [String]
    /// Names for tables and sentences.
    public let structureShortNames: [String]
    public let uncertainties: [Uncertainty]
    public let designName: String
    /// Morris trajectories and levels (morris designs only).
    public let morrisTrajectories: Int?
    public let morrisLevels: Int?
    /// Unit coordinates and values of the points (point × uncertainty).
    public let unitPoints: [[Double]]
    public let values: [[Double]]
    public let outcomes: [String]
    public let thresholds: [Threshold]
    public let replications: Int
    /// Means over replications: `means[m][p][s]` for outcome m, point p, structure s (NaN: undefined).
    public let means: [[[Double]]]
    public let ciLow: [[[Double]]]
    public let ciHigh: [[[Double]]]
    /// The replications' values: `samples[m][p][s][r]` (replication r of every structure at a
    /// point used the same random numbers, so differences pair).
    public let samples: [[[[Double]]]]
    /// The seed of the exploration (also seeds the bootstraps and PRIM's shuffles).
    public let seed: UInt64

    public init(manifest m: JSONValue, cells: [JSONValue]) throws {
        structureIDs = (m["structures"]?.arrayValue ?? []).map { $0["id"]?.stringValue ?? "" }
        structureNames = (m["structures"]?.arrayValue ?? []).map { $0["name"]?.stringValue ?? "" }
        structureShortNames = (m["structures"]?.arrayValue ?? []).map { $0["shortName"]?.stringValue ?? $0["name"]?.stringValue ?? "" }
        var us: [Uncertainty] = []
        for u in m["uncertainties"]?.arrayValue ?? [] {
            let path = u["path"]?.stringValue ?? ""
            let d = try UncertaintyCollector.distribution(u["distribution"] ?? .null, at: path, file: "manifest.json")
            us.append(Uncertainty(path: path, distribution: d, whole: u["whole"] == .bool(true), nominal: u["nominal"]?.doubleValue ?? .nan,
                                  declaredIn: u["declaredIn"]?.stringValue ?? "", reason: u["reason"]?.stringValue))
        }
        uncertainties = us
        designName = m["design"]?["name"]?.stringValue ?? ""
        morrisTrajectories = m["design"]?["trajectories"]?.doubleValue.map { Int($0) }
        morrisLevels = m["design"]?["levels"]?.doubleValue.map { Int($0) }
        unitPoints = (m["points"]?.arrayValue ?? []).map { ($0.arrayValue ?? []).map { $0.doubleValue ?? .nan } }
        values = unitPoints.map { zip(us, $0).map { $0.value(at: $1) } }
        outcomes = (m["outcomes"]?.arrayValue ?? []).compactMap(\.stringValue)
        thresholds = (m["thresholds"]?.arrayValue ?? []).map { Threshold(measure: $0["measure"]?.stringValue ?? "", max: $0["max"]?.doubleValue, min: $0["min"]?.doubleValue) }
        replications = Int(m["replications"]?.doubleValue ?? 0)
        let np = unitPoints.count, ns = structureIDs.count
        var mean = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: .nan, count: ns), count: np), count: outcomes.count)
        var lo = mean, hi = mean
        var vals = [[[[Double]]]](repeating: [[[Double]]](repeating: [[Double]](repeating: [], count: ns), count: np), count: outcomes.count)
        for cell in cells {
            guard let p = cell["point"]?.doubleValue.map(Int.init), let id = cell["structure"]?.stringValue,
                  let s = structureIDs.firstIndex(of: id), p < np else { continue }
            for (o, name) in outcomes.enumerated() {
                guard let summary = cell["measures"]?[name] else { continue }
                mean[o][p][s] = summary["mean"]?.doubleValue ?? .nan
                lo[o][p][s] = summary["ci95"]?[0]?.doubleValue ?? .nan
                hi[o][p][s] = summary["ci95"]?[1]?.doubleValue ?? .nan
                vals[o][p][s] = (summary["values"]?.arrayValue ?? []).map { $0.doubleValue ?? .nan }
            }
        }
        means = mean; ciLow = lo; ciHigh = hi; samples = vals
        seed = UInt64(m["seed"]?.stringValue ?? "") ?? 1
    }

    public var pointCount: Int { unitPoints.count }

    /// Writes every output file into `folder`.
    public func write(to folder: URL) throws {
        func put(_ name: String, _ text: String) throws { try AtomicFile.write(Data(text.utf8), to: folder.appendingPathComponent(name)) }
        try put("design.csv", designCSV())
        try put("results.csv", resultsCSV())
        try put("robustness.csv", ExploreRobustness(self).csv())
        try put("sensitivity.csv", ExploreSensitivity(self).csv())
        let discovery = ExploreDiscovery(self)
        try put("discovery.csv", discovery.csv())
        try put("discovery-trajectories.csv", discovery.trajectoriesCSV())
        try put("discovery.md", discovery.markdown())
    }

    /// `point`, then the value of each uncertainty (by path).
    func designCSV() -> String {
        var w = CSVWriter(header: ["point"] + uncertainties.map(\.path))
        for (p, row) in values.enumerated() { w.addRow([String(p)] + row.map(Self.number)) }
        return w.text
    }

    /// One row per point, structure and outcome: the point's values, the mean, its 95% CI and n.
    func resultsCSV() -> String {
        var w = CSVWriter(header: ["point"] + uncertainties.map(\.path) + ["structure", "measure", "mean", "ci95_lo", "ci95_hi", "n"])
        for p in 0..<pointCount {
            for (s, id) in structureIDs.enumerated() {
                for (o, name) in outcomes.enumerated() {
                    w.addRow([String(p)] + values[p].map(Self.number) + [id, name, Self.number(means[o][p][s]), Self.number(ciLow[o][p][s]),
                                                                         Self.number(ciHigh[o][p][s]), String(replications)])
                }
            }
        }
        return w.text
    }

    static func number(_ x: Double) -> String { x.isFinite ? JSONValue.number(x).serialized() : "" }

    /// The design's matrix of parameter values (point × uncertainty) for PRIM and screening.
    public var parameterColumns: [[Double]] { uncertainties.indices.map { j in values.map { $0[j] } } }

    /// Per point, structure `s`'s mean of outcome `o` minus structure `t`'s (NaN where either is undefined).
    public func difference(_ o: Int, _ s: Int, minus t: Int) -> [Double] {
        (0..<pointCount).map { means[o][$0][s] - means[o][$0][t] }
    }
}
