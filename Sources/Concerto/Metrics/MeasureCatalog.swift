import Foundation

/// A `--measures` name that matches no measure.
public struct MeasureSelectionError: Error, Sendable, CustomStringConvertible {
    public let name: String
    public let suggestion: String?
    public var description: String {
        "unknown measure `\(name)`" + (suggestion.map { " (did you mean `\($0)`?)" } ?? "")
            + "; measures are named as in the JSON output: NAME or FAMILY.NAME, e.g. hoursPerPartnerYear, latency.medianDaysKM, instance.attendanceRate"
    }
}

/// A measure as reported for one structure: its definition and, for breakdowns, its group.
public struct MeasureInfo: Sendable {
    public let definition: MeasureDefinition
    /// For per-instance and per-issue-kind measures: the instance or kind id; else "".
    public let group: String
    public var family: MeasureFamily { definition.family }
    public var name: String { definition.name }
    public var unit: MeasureUnit { definition.unit }
    public var label: String { definition.label }
}

/// The ordered list of measures for a structure: the three families (in `Measures.all` order),
/// then the per-instance breakdown for each of the structure's instances, the per-table
/// breakdown for each outside table, then the per-issue-kind breakdown for each kind needing a
/// decision. Replication results are flat arrays in this order, computed from
/// the same list (`ReplicationSnapshot.values`), so names and values cannot drift apart.
public struct MeasureCatalog: Sendable {
    public let measures: [MeasureInfo]
    public let instanceIDs: [String]
    /// The territory's other tables (`outsideTable` family).
    public let outsideTableIDs: [String]
    public let kindIDs: [String]
    /// The years of the run ("1", "2", ...; `year` family).
    public let yearIDs: [String]
    /// How each measure is computed, with its group index (instance or kind).
    let computations: [(value: MeasureValue, group: Int)]
    /// What the measures need from a snapshot.
    public let parts: SnapshotParts
    /// Number of leading measures of the three structure-level families.
    public let structureCount: Int

    public init(structure: Structure) { self = structure.catalog }

    init(instances: [InstanceDef], issueKinds: [IssueKindDef], years: Int) {
        var m: [MeasureInfo] = [], g: [Int] = []
        for d in Measures.structureMeasures { m.append(MeasureInfo(definition: d, group: "")); g.append(0) }
        for (i, inst) in instances.enumerated() where !inst.rules.outside {
            for d in Measures.instanceMeasures { m.append(MeasureInfo(definition: d, group: inst.id)); g.append(i) }
        }
        for (i, inst) in instances.enumerated() where inst.rules.outside {
            for d in Measures.outsideTableMeasures { m.append(MeasureInfo(definition: d, group: inst.id)); g.append(i) }
        }
        let decisionKinds = issueKinds.indices.filter { issueKinds[$0].isDecision }
        for k in decisionKinds {
            for d in Measures.kindMeasures { m.append(MeasureInfo(definition: d, group: issueKinds[k].id)); g.append(k) }
        }
        let yearIDs = (0..<years).map { String($0 + 1) }
        for y in 0..<years {
            for d in Measures.yearMeasures { m.append(MeasureInfo(definition: d, group: yearIDs[y])); g.append(y) }
        }
        self.init(measures: m, groups: g, instanceIDs: instances.filter { !$0.rules.outside }.map(\.id),
                  outsideTableIDs: instances.filter(\.rules.outside).map(\.id), kindIDs: decisionKinds.map { issueKinds[$0].id }, yearIDs: yearIDs)
    }

    private init(measures m: [MeasureInfo], groups g: [Int], instanceIDs: [String], outsideTableIDs: [String], kindIDs: [String], yearIDs: [String]) {
        measures = m
        computations = zip(m, g).map { ($0.definition.value, $1) }
        parts = m.reduce(SnapshotParts()) { $0.union($1.definition.needs) }
        structureCount = m.prefix { MeasureFamily.structureFamilies.contains($0.family) }.count
        self.instanceIDs = instanceIDs
        self.outsideTableIDs = outsideTableIDs
        self.kindIDs = kindIDs
        self.yearIDs = yearIDs
    }

    /// The measures named in `selection` (in catalog order): a structure measure by its name or
    /// `family.name` (`hoursPerPartnerYear`, `latency.medianDaysKM`), a breakdown by
    /// `instance.NAME` or `issueKind.NAME` (for every instance or kind). nil: every measure.
    /// - Throws: the first name that matches nothing, with the closest known name.
    public func selecting(_ selection: [String]?) throws(MeasureSelectionError) -> MeasureCatalog {
        guard let selection else { return self }
        var keys = Set<String>()
        let known = Set(Measures.all.map(\.labelKey))
        for raw in selection {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            if known.contains(name) { keys.insert(name); continue }
            if let d = Measures.structureMeasures.first(where: { $0.name == name }) { keys.insert(d.labelKey); continue }
            let all = known.union(Measures.structureMeasures.map(\.name)).sorted()
            throw MeasureSelectionError(name: name, suggestion: closestKey(to: name, among: all))
        }
        var m: [MeasureInfo] = [], g: [Int] = []
        for (k, info) in measures.enumerated() where keys.contains(info.definition.labelKey) {
            m.append(info); g.append(computations[k].group)
        }
        return MeasureCatalog(measures: m, groups: g, instanceIDs: instanceIDs, outsideTableIDs: outsideTableIDs, kindIDs: kindIDs, yearIDs: yearIDs)
    }

    public var count: Int { measures.count }

    /// Index of a measure, or nil.
    public func index(family: MeasureFamily, group: String = "", name: String) -> Int? {
        measures.firstIndex { $0.family == family && $0.group == group && $0.name == name }
    }

    /// The values of every measure from a replication's snapshot, in catalog order.
    func values(_ snapshot: ReplicationSnapshot) -> [Double] {
        var v: [Double] = []
        v.reserveCapacity(measures.count)
        for c in computations {
            switch c.value {
            case .structure(let f): v.append(f(snapshot))
            case .group(let f): v.append(f(snapshot, c.group))
            }
        }
        return v
    }
}
