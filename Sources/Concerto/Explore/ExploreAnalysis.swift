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
    /// For each outcome with a direction and each point, the structure that is best there beyond
    /// noise: its paired differences to every other structure (replication by replication: they
    /// used the same random numbers) have a 95% CI on the better side of zero; nil when none is.
    /// Computed while the cells are read, so the replications' values are never all in memory.
    public let bestBeyondNoise: [[Int?]]
    /// The seed of the exploration (also seeds the bootstraps and PRIM's shuffles).
    public let seed: UInt64

    public init(manifest m: JSONValue, cells: [JSONValue]) throws {
        try self.init(manifest: m, cellCount: cells.count) { cells[$0] }
    }

    /// Reads the cells one at a time (`cell(k)` for k in 0 ..< cellCount, any order): memory
    /// holds each point's means, not the cells.
    public init(manifest m: JSONValue, cellCount: Int, cell: (Int) throws -> JSONValue) throws {
        // A manifest read back from a folder is checked before it is trusted (shapes, whole numbers, sizes).
        _ = try FolderCheck.exploreShape(m, file: "manifest.json")
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
        var sure = [[Int?]](repeating: [Int?](repeating: nil, count: np), count: outcomes.count)
        // The replications' values of the point being read (outcome × structure), kept until
        // every structure of the point is in.
        var pending: [Int: (count: Int, values: [[[Double]]])] = [:]
        for k in 0..<cellCount {
            let cell = try cell(k)
            guard let p = cell["point"]?.doubleValue.map(Int.init), let id = cell["structure"]?.stringValue,
                  let s = structureIDs.firstIndex(of: id), p >= 0, p < np else { continue }
            var entry = pending[p] ?? (0, [[[Double]]](repeating: [[Double]](repeating: [], count: ns), count: outcomes.count))
            for (o, name) in outcomes.enumerated() {
                guard let summary = cell["measures"]?[name] else { continue }
                mean[o][p][s] = summary["mean"]?.doubleValue ?? .nan
                lo[o][p][s] = summary["ci95"]?[0]?.doubleValue ?? .nan
                hi[o][p][s] = summary["ci95"]?[1]?.doubleValue ?? .nan
                entry.values[o][s] = (summary["values"]?.arrayValue ?? []).map { $0.doubleValue ?? .nan }
            }
            entry.count += 1
            if entry.count < ns { pending[p] = entry; continue }
            pending[p] = nil
            for (o, name) in outcomes.enumerated() {
                guard let dir = MeasureDirection.of(name) else { continue }
                let v = mean[o][p]
                guard v.allSatisfy(\.isFinite) else { continue }
                let best = dir == .lower ? v.min()! : v.max()!
                let tied = (0..<ns).filter { v[$0] == best }
                if tied.count == 1, Self.beyondNoise(entry.values[o], best: tied[0], direction: dir) { sure[o][p] = tied[0] }
            }
        }
        means = mean; ciLow = lo; ciHigh = hi; bestBeyondNoise = sure
        seed = UInt64(m["seed"]?.stringValue ?? "") ?? 1
    }

    public var pointCount: Int { unitPoints.count }

    /// Whether structure `best`'s replications beat every other structure's, paired by
    /// replication, with a 95% confidence interval of the mean difference on the better side of 0.
    static func beyondNoise(_ values: [[Double]], best: Int, direction: MeasureDirection) -> Bool {
        for t in values.indices where t != best {
            var acc = SummaryAccumulator()
            for (x, y) in zip(values[best], values[t]) where x.isFinite && y.isFinite { acc.add(x - y) }
            let d = acc.summary()
            guard d.n >= 2, d.ci95Low.isFinite, d.ci95High.isFinite else { return false }
            if direction == .lower ? !(d.ci95High < 0) : !(d.ci95Low > 0) { return false }
        }
        return true
    }

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
