import Foundation

/// A finished exploration, read back from its manifest and cells: each structure's mean of each
/// outcome at each point, and the values of the uncertainties there. The tables a planner reads
/// (robustness, sensitivity, discovery) are computed from it.
public struct ExploreAnalysis: Sendable {
    public let structureIDs: [String]
    public let structureNames: [String]
    public let uncertainties: [Uncertainty]
    public let designName: String
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

    public init(manifest m: JSONValue, cells: [JSONValue]) throws {
        structureIDs = (m["structures"]?.arrayValue ?? []).map { $0["id"]?.stringValue ?? "" }
        structureNames = (m["structures"]?.arrayValue ?? []).map { $0["name"]?.stringValue ?? "" }
        var us: [Uncertainty] = []
        for u in m["uncertainties"]?.arrayValue ?? [] {
            let path = u["path"]?.stringValue ?? ""
            let d = try UncertaintyCollector.distribution(u["distribution"] ?? .null, at: path, file: "manifest.json")
            us.append(Uncertainty(path: path, distribution: d, whole: u["whole"] == .bool(true), nominal: u["nominal"]?.doubleValue ?? .nan,
                                  declaredIn: u["declaredIn"]?.stringValue ?? "", reason: u["reason"]?.stringValue))
        }
        uncertainties = us
        designName = m["design"]?["name"]?.stringValue ?? ""
        unitPoints = (m["points"]?.arrayValue ?? []).map { ($0.arrayValue ?? []).map { $0.doubleValue ?? .nan } }
        values = unitPoints.map { zip(us, $0).map { $0.value(at: $1) } }
        outcomes = (m["outcomes"]?.arrayValue ?? []).compactMap(\.stringValue)
        thresholds = (m["thresholds"]?.arrayValue ?? []).map { Threshold(measure: $0["measure"]?.stringValue ?? "", max: $0["max"]?.doubleValue, min: $0["min"]?.doubleValue) }
        replications = Int(m["replications"]?.doubleValue ?? 0)
        let np = unitPoints.count, ns = structureIDs.count
        var mean = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: .nan, count: ns), count: np), count: outcomes.count)
        var lo = mean, hi = mean
        for cell in cells {
            guard let p = cell["point"]?.doubleValue.map(Int.init), let id = cell["structure"]?.stringValue,
                  let s = structureIDs.firstIndex(of: id), p < np else { continue }
            for (o, name) in outcomes.enumerated() {
                guard let summary = cell["measures"]?[name] else { continue }
                mean[o][p][s] = summary["mean"]?.doubleValue ?? .nan
                lo[o][p][s] = summary["ci95"]?[0]?.doubleValue ?? .nan
                hi[o][p][s] = summary["ci95"]?[1]?.doubleValue ?? .nan
            }
        }
        means = mean; ciLow = lo; ciHigh = hi
    }

    public var pointCount: Int { unitPoints.count }

    /// Writes every output file into `folder`.
    public func write(to folder: URL) throws {
        func put(_ name: String, _ text: String) throws { try AtomicFile.write(Data(text.utf8), to: folder.appendingPathComponent(name)) }
        try put("design.csv", designCSV())
        try put("results.csv", resultsCSV())
        try put("robustness.csv", ExploreRobustness(self).csv())
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
}
