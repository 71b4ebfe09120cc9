import Foundation

/// The machine-readable result of a run (`--format json`): documented field by field in
/// docs/output.md. Deterministic: the same seed gives the same bytes whatever the thread count.
public enum ResultJSON {
    /// A summary as `{mean, sd, ci95: [lo, hi], median, p90, n}`; undefined values are null.
    public static func summary(_ s: Summary) -> JSONValue {
        .object([
            ("mean", num(s.mean)), ("sd", num(s.sd)), ("ci95", .array([num(s.ci95Low), num(s.ci95High)])),
            ("median", num(s.median)), ("p90", num(s.p90)), ("n", .number(Double(s.n))),
        ])
    }

    static func num(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }

    public static func value(_ r: EnsembleResult) -> JSONValue {
        var families: [(String, JSONValue)] = []
        for family in MeasureFamily.structureFamilies {
            var members: [(String, JSONValue)] = []
            for (k, m) in r.catalog.measures.enumerated() where m.family == family {
                members.append((m.name, summary(r.summaries[k])))
            }
            families.append((family.rawValue, .object(members)))
        }
        func grouped(_ family: MeasureFamily, _ ids: [String]) -> JSONValue {
            .object(ids.map { id in
                var members: [(String, JSONValue)] = []
                for (k, m) in r.catalog.measures.enumerated() where m.family == family && m.group == id {
                    members.append((m.name, summary(r.summaries[k])))
                }
                return (id, .object(members))
            })
        }
        var units: [(String, JSONValue)] = []
        var seen = Set<String>()
        for m in r.catalog.measures where !seen.contains(m.definition.labelKey) && m.group.isEmpty {
            seen.insert(m.definition.labelKey)
            units.append((m.definition.labelKey, .string(m.unit.rawValue)))
        }
        return .object([
            ("scenario", .string(r.scenarioID)),
            ("name", .string(r.scenarioName)),
            ("seed", .string(String(r.settings.seed))),
            ("replications", .number(Double(r.settings.replications))),
            ("years", .number(r.years)),
            ("warmupYears", .number(r.warmupYears)),
            ("measures", .object(families)),
            ("instances", grouped(.instance, r.catalog.instanceIDs)),
            ("outsideTables", grouped(.outsideTable, r.catalog.outsideTableIDs)),
            ("issueKinds", grouped(.issueKind, r.catalog.kindIDs)),
            ("byYear", grouped(.year, r.catalog.yearIDs)),
            ("totals", .object([
                ("issuesEmerged", .number(Double(r.totals.emerged))),
                ("decided", .number(Double(r.totals.decided))),
                ("dropped", .number(Double(r.totals.dropped))),
                ("open", .number(Double(r.totals.open))),
                ("meetings", .number(Double(r.totals.meetings))),
                ("events", .number(Double(r.totals.events))),
            ])),
            ("units", .object(units)),
        ])
    }

    /// The JSON document, with `"provenance"` last when given.
    public static func render(_ r: EnsembleResult, provenance: Provenance? = nil) -> String {
        let v = value(r)
        return (provenance?.appended(to: v) ?? v).serialized(pretty: true) + "\n"
    }
}
