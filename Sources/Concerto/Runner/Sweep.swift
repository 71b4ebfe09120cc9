import Foundation

/// One varied parameter of a sweep: a dotted scenario path and its values (JSON values, in order).
public struct SweepAxis: Sendable, Equatable {
    public var path: String
    public var values: [JSONValue]

    /// Parses `PATH=V1,V2,...`, `PATH=V1;V2;...` (decimal commas: `2,5;3,5`) or
    /// `PATH=LO:HI:STEP` (inclusive, numbers, decimal commas accepted); `LO:HI` without a step
    /// is refused with a message saying so.
    public static func parse(_ spec: String) throws(OverrideError) -> SweepAxis {
        let (path, rhs) = try parseSetArgument(spec)
        if rhs.isEmpty { throw OverrideError(message: "--vary \(path): expected values after `=`") }
        let parts = rhs.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, DecimalComma.number(parts[0]) != nil, DecimalComma.number(parts[1]) != nil {
            throw OverrideError(message: "--vary \(path)=\(rhs): a range needs a step: write LO:HI:STEP, e.g. \(path)=\(parts[0]):\(parts[1]):1 (or list the values: V1,V2,...)")
        }
        if parts.count == 3, let lo = DecimalComma.number(parts[0]), let hi = DecimalComma.number(parts[1]), let step = DecimalComma.number(parts[2]) {
            guard step > 0, hi >= lo, lo.isFinite, hi.isFinite else {
                throw OverrideError(message: "--vary \(path)=\(rhs): expected LO:HI:STEP with LO ≤ HI and STEP > 0")
            }
            let count = ((hi - lo) / step + 1e-9).rounded(.down) + 1
            if !(count <= 10_000) { throw OverrideError(message: "--vary \(path)=\(rhs): \(count) values; at most 10000 per axis") }
            let n = Int(count)
            // Values computed as lo + k·step, rounded to 12 significant digits so 0.1 steps print as 0.3, not 0.30000000000000004.
            return SweepAxis(path: path, values: (0..<n).map { k in .number(Double(String(format: "%.12g", lo + Double(k) * step))!) })
        }
        var values: [JSONValue] = []
        // `;` separates the values when the list has one (commas are then decimal: 2,5;3,5).
        for item in DecimalComma.listItems(rhs) {
            if item.isEmpty { throw OverrideError(message: "--vary \(path)=\(rhs): an empty value") }
            values.append((try? JSONValue.parse(Data(item.utf8))) ?? .string(item))
        }
        return SweepAxis(path: path, values: values)
    }
}

/// A full-grid sweep of a scenario: every combination of the axes' values (the last axis varies
/// fastest), each cell run with the same seed and replication indices (common random numbers).
public struct SweepPlan: CellPlan {
    public let scenarioFile: String
    /// The scenario tree after `--set` and horizon overrides, before the sweep's own values.
    public let baseTree: JSONValue
    public let axes: [SweepAxis]
    public let replications: Int
    public let seed: UInt64
    /// Accept cells above the event budget (`--allow-large`); results do not depend on it.
    public let allowLarge: Bool

    public init(scenarioFile: String, baseTree: JSONValue, axes: [SweepAxis], replications: Int, seed: UInt64, allowLarge: Bool = false) {
        self.scenarioFile = scenarioFile; self.baseTree = baseTree; self.axes = axes; self.replications = replications; self.seed = seed
        self.allowLarge = allowLarge
    }

    public var cellCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The values of cell `k`, one per axis.
    public func values(ofCell k: Int) -> [JSONValue] {
        var rest = k
        var out = [JSONValue](repeating: .null, count: axes.count)
        for a in axes.indices.reversed() {
            let n = axes[a].values.count
            out[a] = axes[a].values[rest % n]
            rest /= n
        }
        return out
    }

    /// The scenario of cell `k`, compiled.
    public func structure(ofCell k: Int) throws(ScenarioErrors) -> Structure {
        var tree = baseTree
        for (a, v) in zip(axes, values(ofCell: k)) {
            do { tree = try applyScenarioOverride(tree, path: a.path, value: v.serialized()) }
            catch { throw ScenarioErrors([ScenarioError(file: scenarioFile, path: "--vary \(a.path)", message: error.message)]) }
        }
        let scenario = try ScenarioLoader.decode(tree, file: scenarioFile)
        var compiler = ScenarioCompiler(file: scenarioFile, allowLarge: allowLarge)
        do { return try compiler.compile(scenario) }
        catch {
            let cell = zip(axes, values(ofCell: k)).map { "\($0.path)=\($1.serialized())" }.joined(separator: ", ")
            throw ScenarioErrors(error.errors.map { ScenarioError(file: $0.file, path: $0.path, message: $0.message + " (in the sweep cell \(cell))") })
        }
    }

    /// Cells of shard `index` (1-based) of `count`: cell k belongs to shard (k mod count) + 1.
    public func cells(shard index: Int, of count: Int) -> [Int] {
        (0..<cellCount).filter { $0 % count == index - 1 }
    }

    /// A fingerprint of everything that determines the results: scenario tree, axes, seed,
    /// replications (FNV-1a 64 of their canonical serialisation).
    public var fingerprint: String {
        let text = baseTree.serialized() + "|" + axes.map { $0.path + "=" + JSONValue.array($0.values).serialized() }.joined(separator: ";")
            + "|\(seed)|\(replications)"
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return String(h, radix: 16)
    }

    /// The sweep's manifest (identical for every shard; the shard itself is recorded apart).
    public func manifest(version: String) -> JSONValue {
        .object([
            ("concertoVersion", .string(version)),
            ("scenario", .string(baseTree["id"]?.stringValue ?? "")),
            ("scenarioFile", .string((scenarioFile as NSString).lastPathComponent)),
            ("fingerprint", .string(fingerprint)),
            ("seed", .string(String(seed))),
            ("replications", .number(Double(replications))),
            ("grid", .array(axes.map { .object([("path", .string($0.path)), ("values", .array($0.values))]) })),
            ("cells", .number(Double(cellCount))),
        ])
    }

    /// The result file of one cell: its index, values and the three families' summaries.
    public func cellRecord(_ k: Int, result r: EnsembleResult) -> JSONValue {
        var families: [(String, JSONValue)] = []
        for family in MeasureFamily.structureFamilies {
            var members: [(String, JSONValue)] = []
            for (m, info) in r.catalog.measures.enumerated() where info.family == family {
                members.append((info.name, ResultJSON.summary(r.summaries[m])))
            }
            families.append((family.rawValue, .object(members)))
        }
        return .object([
            ("fingerprint", .string(fingerprint)),
            ("cell", .number(Double(k))),
            ("parameters", .array(zip(axes, values(ofCell: k)).map { .object([("path", .string($0.path)), ("value", $1)]) })),
            ("measures", .object(families)),
        ])
    }

    /// `results.csv`, from the manifest's grid and the cells.
    public static func writeOutputs(manifest m: JSONValue, cellCount: Int, cell: (Int) throws -> JSONValue, to folder: URL) throws {
        let cells = try (0..<cellCount).map(cell)
        let axes = (m["grid"]?.arrayValue ?? []).map { SweepAxis(path: $0["path"]?.stringValue ?? "", values: $0["values"]?.arrayValue ?? []) }
        try AtomicFile.write(Data(csv(axes: axes, cells: cells).utf8), to: folder.appendingPathComponent("results.csv"))
    }

    /// File name of cell `k` inside a sweep folder.
    public static func cellFileName(_ k: Int) -> String { String(format: "cell-%06d.json", k) }

    /// The tidy CSV of finished cells (in cell order): one column per varied path, then the measure and its summary.
    public static func csv(axes: [SweepAxis], cells: [JSONValue]) -> String {
        var w = CSVWriter(header: axes.map(\.path) + ["family", "measure", "unit", "mean", "sd", "ci95_lo", "ci95_hi", "median", "p90", "n"])
        let units = Dictionary(Measures.structureMeasures.map { ($0.name, $0.unit.rawValue) },
                               uniquingKeysWith: { a, _ in a })
        for cell in cells {
            let params = (cell["parameters"]?.arrayValue ?? []).map { p -> String in
                if case .string(let s)? = p["value"] { return s }
                return p["value"]?.serialized() ?? ""
            }
            for (family, measures) in cell["measures"]?.objectValue ?? [] {
                for (name, s) in measures.objectValue ?? [] {
                    func n(_ v: JSONValue?) -> String { v.map { $0 == .null ? "" : $0.serialized() } ?? "" }
                    w.addRow(params + [family, name, units[name] ?? "", n(s["mean"]), n(s["sd"]), n(s["ci95"]?[0]), n(s["ci95"]?[1]),
                                       n(s["median"]), n(s["p90"]), n(s["n"])])
                }
            }
        }
        return w.text
    }
}
