import Foundation

/// An experiment file for `concerto explore`: the structures compared, the uncertainties (those
/// of the scenarios' `ranges`, added to or replaced here), fixed overrides, the design, the
/// replications, the outcomes and the planner's thresholds. Command-line options override it.
///
///     {"structures": ["../Scenarios/sept-rivieres.json", "../Scenarios/orbite.json"],
///      "uncertainties": [{"path": "partnerDefaults.capacityHoursPerMonth", "range": [15, 25]}],
///      "only": ["partnerDefaults.capacityHoursPerMonth"],
///      "set": {"years": 2},
///      "design": "lhs", "points": 256, "replications": 30, "seed": 1,
///      "outcomes": ["hoursPerPartnerYear", "medianDaysKM"],
///      "thresholds": {"hypersollicitedShare": {"max": 0.1}, "medianDaysKM": {"max": 90}}}
public struct ExperimentSpec: Sendable {
    public var structures: [String] = []
    /// Uncertainties declared here (path, range, reason), added to the scenarios' or replacing them.
    public var uncertainties: [(path: String, range: JSONValue, reason: String?)] = []
    /// Only these uncertainties vary (the others stay at the scenario's value); nil: all.
    public var only: [String]? = nil
    /// Overrides applied to every structure that has the path.
    public var set: [(path: String, value: JSONValue)] = []
    public var design: String? = nil
    public var points: Int? = nil
    public var levels: Int? = nil
    public var replications: Int? = nil
    public var seed: UInt64? = nil
    public var outcomes: [String]? = nil
    public var thresholds: [Threshold] = []
    /// The experiment file (for error messages); "experiment" when built in code.
    public var file: String = "experiment"

    public init() {}

    /// Reads an experiment file; structure paths are relative to the file's folder.
    public static func load(path: String) throws(ScenarioErrors) -> ExperimentSpec {
        let tree = try ScenarioLoader.readTree(path: path)
        try TextValidation.check(tree, file: path)
        func fail(_ at: String, _ message: String) -> ScenarioErrors { ScenarioErrors([ScenarioError(file: path, path: at, message: message)]) }
        guard let members = tree.objectValue else { throw fail("", "expected a JSON object") }
        let known = ["structures", "uncertainties", "only", "set", "design", "points", "levels", "replications", "seed", "outcomes", "thresholds",
                     "source", "note", "comment", "description"]
        var spec = ExperimentSpec()
        spec.file = path
        let dir = (path as NSString).deletingLastPathComponent
        for (key, value) in members {
            guard known.contains(key) else {
                var m = "unknown key `\(key)`"
                if let near = closestKey(to: key, among: known) { m += " (did you mean `\(near)`?)" }
                throw fail(key, m)
            }
            switch key {
            case "structures":
                guard let a = value.arrayValue, !a.isEmpty else { throw fail(key, "expected a non-empty list of scenario files") }
                for (i, f) in a.enumerated() {
                    guard let s = f.stringValue else { throw fail("\(key)[\(i)]", "expected a file path") }
                    spec.structures.append(s.hasPrefix("/") || dir.isEmpty ? s : (dir as NSString).appendingPathComponent(s))
                }
            case "uncertainties":
                guard let a = value.arrayValue else { throw fail(key, "expected a list of {path, range}") }
                for (i, u) in a.enumerated() {
                    guard let p = u["path"]?.stringValue, let r = u["range"] else { throw fail("\(key)[\(i)]", "expected {\"path\": ..., \"range\": ...}") }
                    spec.uncertainties.append((p, r, u["reason"]?.stringValue))
                }
            case "only":
                guard let a = value.arrayValue else { throw fail(key, "expected a list of paths") }
                spec.only = a.compactMap(\.stringValue)
            case "set":
                guard let o = value.objectValue else { throw fail(key, "expected an object {path: value}") }
                spec.set = o.map { ($0.0, $0.1) }
            case "design":
                guard let s = value.stringValue else { throw fail(key, "expected lhs, sobol, morris or grid") }
                spec.design = s
            case "points", "levels", "replications":
                guard let d = value.doubleValue, d == d.rounded(), d >= 1, d <= 10_000_000 else { throw fail(key, "expected a whole number of at least 1") }
                if key == "points" { spec.points = Int(d) } else if key == "levels" { spec.levels = Int(d) } else { spec.replications = Int(d) }
            case "seed":
                if let d = value.doubleValue, d >= 0, d == d.rounded(), d < 9e15 { spec.seed = UInt64(d) }
                else if let s = value.stringValue, let v = UInt64(s) { spec.seed = v }
                else { throw fail(key, "expected a seed (a whole number, or a string of digits)") }
            case "outcomes":
                guard let a = value.arrayValue else { throw fail(key, "expected a list of measure names") }
                spec.outcomes = a.compactMap(\.stringValue)
            case "thresholds":
                guard let o = value.objectValue else { throw fail(key, "expected {measure: {\"max\": x} or {\"min\": x}}") }
                for (m, t) in o {
                    let mx = t["max"]?.doubleValue, mn = t["min"]?.doubleValue
                    if mx == nil && mn == nil { throw fail("\(key).\(m)", "expected {\"max\": x} or {\"min\": x}") }
                    spec.thresholds.append(Threshold(measure: m, max: mx, min: mn))
                }
            default: break
            }
        }
        return spec
    }
}
