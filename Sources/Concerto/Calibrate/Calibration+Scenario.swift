/// The fitted scenario: the scenario with each calibrated value at its posterior median, its
/// `sources` note saying where the value comes from, and its `ranges` entry narrowed to the 90%
/// posterior interval (so `explore` on the fitted scenario varies it over what the records allow).
extension CalibrationResult {
    /// - Throws: a path that cannot be set (it was set during the calibration, so only a
    ///   `sources` or `ranges` note on an unusual place can fail).
    public func fittedScenario(_ tree: JSONValue, records: Records) throws(OverrideError) -> JSONValue {
        var t = tree
        let from = records.startDate.adding(days: Int(records.measuredFrom.rounded(.down)))
        let end = records.startDate.adding(days: Int(records.end.rounded(.down)) - 1)
        for (k, p) in parameters.enumerated() {
            let median = quantile(k, 0.5), (lo, hi) = interval(k, 0.9)
            t = try applyOverride(t, path: p.path, value: JSONValue.number(median).serialized())
            var parts = p.path.split(separator: ".").map(String.init)
            let key = parts.removeLast()
            let prefix = parts.isEmpty ? "" : parts.joined(separator: ".") + "."
            let note = "calibrated from records, \(from) to \(end) (approximate Bayesian computation: posterior median; 90% highest-density interval [\(lo), \(hi)]; range tried [\(p.distribution.support.lowerBound), \(p.distribution.support.upperBound)])"
            t = try Self.set(t, prefix: prefix, object: "sources", key: key, JSONValue.string(note))
            if hi > lo {
                let range = JSONValue.object([("range", .array([.number(lo), .number(hi)])), ("reason", .string("90% posterior interval, calibrated from records \(from) to \(end)"))])
                t = try Self.set(t, prefix: prefix, object: "ranges", key: key, range)
            }
        }
        return t
    }

    /// Sets `prefix.object.key`, creating the `object` (`sources`, `ranges`) where it is missing.
    static func set(_ t: JSONValue, prefix: String, object: String, key: String, _ v: JSONValue) throws(OverrideError) -> JSONValue {
        var t = t
        if t.value(atPath: prefix + object) == nil { t = try applyOverride(t, path: prefix + object, value: "{}", allowNewKeys: true) }
        return try applyOverride(t, path: prefix + object + "." + key, value: v.serialized(), allowNewKeys: true)
    }
}
