import Foundation

/// A value nobody knows exactly, and the range a planner finds plausible: declared in a scenario
/// beside the value's `sources` (`"ranges": {"capacityHoursPerMonth": [15, 25]}`) or in an
/// experiment file. It is identified by its dotted path (`partnerDefaults.capacityHoursPerMonth`,
/// `instances.grande-table.schedule.meetingsPerYear`, array elements by their `id`): structures
/// compared together that share a path vary it together, so every structure faces the same world
/// at a point of the exploration.
public struct Uncertainty: Sendable, Equatable {
    public var path: String
    public var distribution: UncertaintyDistribution
    /// Whether sampled values are rounded to whole numbers (the bounds and the scenario's value
    /// are whole numbers).
    public var whole: Bool
    /// The value in the scenario (the first structure that has it).
    public var nominal: Double
    /// Where it was declared: "FILE: JSON path", for messages and reports.
    public var declaredIn: String
    /// The reason given for the range (the `sources` note of the same key, if any).
    public var reason: String?
    /// Short label for reports: the last path segment.
    public var label: String { path.split(separator: ".").last.map(String.init) ?? path }

    public init(path: String, distribution: UncertaintyDistribution, whole: Bool = false, nominal: Double, declaredIn: String, reason: String? = nil) {
        self.path = path; self.distribution = distribution; self.whole = whole; self.nominal = nominal
        self.declaredIn = declaredIn; self.reason = reason
    }

    /// The value at `u` ∈ [0, 1) of the distribution (inverse cumulative distribution), rounded
    /// for whole-number values.
    public func value(at u: Double) -> Double {
        let x = distribution.value(at: Swift.min(Swift.max(u, 0), 1))
        return whole ? x.rounded() : x
    }
}

/// Why a range cannot be used: the file, the JSON path and what was expected.
public struct UncertaintyError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String
    public var description: String { "\(file): \(path): \(message)" }
}

/// Collects the `ranges` annotations of a scenario tree.
public enum UncertaintyCollector {
    /// Every `ranges` entry of `tree`, by path, in document order.
    /// - Throws: a range on a key the object lacks or whose value is not a number, a low above
    ///   its high, an unknown distribution.
    public static func collect(_ tree: JSONValue, file: String) throws(UncertaintyError) -> [Uncertainty] {
        var out: [Uncertainty] = []
        try walk(tree, path: [], json: "", file: file, into: &out)
        return out
    }

    /// `path`: the uncertainty's dotted path so far (array elements by id, as `--set`); `json`:
    /// the same place as error messages write JSON paths (`instances[grande-table].schedule`).
    private static func walk(_ node: JSONValue, path: [String], json: String, file: String, into out: inout [Uncertainty]) throws(UncertaintyError) {
        func at(_ key: String) -> String { json.isEmpty ? key : json + "." + key }
        switch node {
        case .object(let members):
            if let ranges = node["ranges"] {
                let here = json
                guard let entries = ranges.objectValue else {
                    throw UncertaintyError(file: file, path: at("ranges"), message: "expected an object mapping keys of this object to ranges")
                }
                for (key, spec) in entries {
                    let at = at("ranges") + "." + key
                    guard let value = node[key] else {
                        throw UncertaintyError(file: file, path: at, message: "`ranges` names `\(key)`, which is not a key of this object" + (here.isEmpty ? "" : " (`\(here)`)"))
                    }
                    guard case .number(let nominal) = value else {
                        throw UncertaintyError(file: file, path: at, message: "`\(key)` is not a number: only numbers can vary")
                    }
                    let d = try distribution(spec, at: at, file: file)
                    let ownReason = spec["reason"]?.stringValue
                    let whole = nominal == nominal.rounded() && d.support.lowerBound == d.support.lowerBound.rounded() && d.support.upperBound == d.support.upperBound.rounded()
                        && { if case .discrete(let v) = d { return v.allSatisfy { $0 == $0.rounded() } }; return true }()
                    let reason = ownReason ?? node["sources"]?[key]?.stringValue
                    out.append(Uncertainty(path: (path + [key]).joined(separator: "."), distribution: d, whole: whole, nominal: nominal,
                                           declaredIn: "\(file): \(at)", reason: reason))
                }
            }
            for (k, v) in members where k != "ranges" && k != "sources" { try walk(v, path: path + [k], json: at(k), file: file, into: &out) }
        case .array(let items):
            for (i, item) in items.enumerated() {
                let name = item["id"]?.stringValue ?? String(i)
                try walk(item, path: path + [name], json: json + "[\(name)]", file: file, into: &out)
            }
        default:
            break
        }
    }

    /// `[low, high]` or `{"range": [low, high]}` (uniform), `{"triangular": [low, mode, high]}`, `{"normal": [mean, sd], "within": [low, high]}`,
    /// or `{"values": [v1, v2, ...]}`.
    public static func distribution(_ spec: JSONValue, at path: String, file: String) throws(UncertaintyError) -> UncertaintyDistribution {
        func numbers(_ v: JSONValue?, _ n: Int?, _ what: String) throws(UncertaintyError) -> [Double] {
            guard let a = v?.arrayValue, (n == nil || a.count == n!), !a.isEmpty else {
                throw UncertaintyError(file: file, path: path, message: "expected \(what)")
            }
            var out: [Double] = []
            for x in a {
                guard case .number(let d) = x, d.isFinite else { throw UncertaintyError(file: file, path: path, message: "expected \(what)") }
                out.append(d)
            }
            return out
        }
        func ordered(_ lo: Double, _ hi: Double) throws(UncertaintyError) {
            if lo > hi { throw UncertaintyError(file: file, path: path, message: "the low end (\(NumberFormat.json(lo))) is above the high end (\(NumberFormat.json(hi)))") }
        }
        if spec.arrayValue != nil {
            let v = try numbers(spec, 2, "[low, high], two numbers")
            try ordered(v[0], v[1])
            return .uniform(low: v[0], high: v[1])
        }
        guard let members = spec.objectValue else {
            throw UncertaintyError(file: file, path: path, message: "expected [low, high] or an object {\"triangular\": [low, mode, high]}, {\"normal\": [mean, sd], \"within\": [low, high]} or {\"values\": [...]}")
        }
        if let r = spec["reason"], r.stringValue == nil {
            throw UncertaintyError(file: file, path: path + ".reason", message: "expected a one-line reason as a string")
        }
        let keys = Set(members.map(\.0)).subtracting(["reason"])
        if keys == ["range"] {
            let v = try numbers(spec["range"], 2, "\"range\": [low, high], two numbers")
            try ordered(v[0], v[1])
            return .uniform(low: v[0], high: v[1])
        }
        if keys == ["triangular"] {
            let v = try numbers(spec["triangular"], 3, "[low, mode, high], three numbers")
            try ordered(v[0], v[2])
            if v[1] < v[0] || v[1] > v[2] { throw UncertaintyError(file: file, path: path, message: "the mode (\(NumberFormat.json(v[1]))) is outside [\(NumberFormat.json(v[0])), \(NumberFormat.json(v[2]))]") }
            return .triangular(low: v[0], mode: v[1], high: v[2])
        }
        if keys == ["normal", "within"] {
            let n = try numbers(spec["normal"], 2, "\"normal\": [mean, sd], two numbers")
            let w = try numbers(spec["within"], 2, "\"within\": [low, high], two numbers")
            try ordered(w[0], w[1])
            if n[1] <= 0 { throw UncertaintyError(file: file, path: path, message: "expected a standard deviation above 0, found \(NumberFormat.json(n[1]))") }
            return .truncatedNormal(mean: n[0], sd: n[1], low: w[0], high: w[1])
        }
        if keys == ["values"] {
            return .discrete(try numbers(spec["values"], nil, "\"values\": a non-empty list of numbers"))
        }
        throw UncertaintyError(file: file, path: path, message: "unknown range form with keys \(keys.sorted().joined(separator: ", ")); expected [low, high], {\"triangular\": [...]}, {\"normal\": [...], \"within\": [...]} or {\"values\": [...]}")
    }
}
