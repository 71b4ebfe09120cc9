import Foundation

/// Partners written as a group rather than one by one: "three community organisations of the
/// family sector in each MRC, interested in early childhood". A planner describes the group once
/// (sector, territories, how many, role, capacity, engagement, interests, age groups, how they are
/// named) and the scenario holds `count` partners per territory, named by patterns.
///
/// An entry of `partnerGroups` is either a group or a *set* of groups (an entry with `groups`):
/// the set's other fields are defaults for its groups (a group's own value wins), and a set with
/// `territories` gives, for each of its territories in turn, the members of each of its groups in
/// that territory ("in each MRC: the MRC's agent, the CSSS's organiser, the CJE..."); without
/// `territories`, group after group. Expansion is deterministic and documented in
/// docs/scenario-format.md (`partnerGroups`). Fields left out are nil here and take their
/// defaults when the group is expanded.
public struct PartnerGroupSpec: Codable, Sendable, Equatable {
    /// Id of each member, with placeholders (`{territory}`, `{n}`...); default `{sector}-{territory}-{n}`.
    public var idPattern: String?
    /// Name of each member, with placeholders; default `{sectorName} ({territoryName}) {n}`.
    public var namePattern: String?
    /// Organisation of each member, with placeholders; default: the member's id.
    public var organisation: String?
    public var sector: String?
    /// The single territory of the group (or use `territories`).
    public var territory: String?
    /// The territories of the group, `count` members in each; on a set, the territories it goes
    /// through, and on a group of such a set, those of the set's territories where it has members.
    public var territories: [String]?
    /// Members per territory (default 1).
    public var count: Int?
    public var ageGroups: [String]?
    public var role: String?
    public var staff: Bool?
    public var capacityHoursPerMonth: Double?
    public var engagement: Double?
    public var interests: [String: Double]?
    public var defaultInterest: Double?
    public var represents: [String]?
    /// A set's groups (nil: this entry is a group).
    public var groups: [PartnerGroupSpec]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case idPattern, namePattern, organisation, sector, territory, territories, count, ageGroups, role, staff
        case capacityHoursPerMonth, engagement, interests, defaultInterest, represents, groups
    }

    /// The most members a group may have (the scenario's partner limit).
    public static var maxCount: Int { ScenarioLimits.maxPartners }

    /// The placeholders patterns may use.
    public static let placeholders = ["{n}", "{nn}", "{territory}", "{territoryName}", "{territoryShortName}", "{sector}", "{sectorName}"]

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        idPattern = try c.decodeIfPresent(String.self, forKey: .idPattern)
        namePattern = try c.decodeIfPresent(String.self, forKey: .namePattern)
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        sector = try c.decodeIfPresent(String.self, forKey: .sector)
        territory = try c.decodeIfPresent(String.self, forKey: .territory)
        territories = try c.decodeIfPresent([String].self, forKey: .territories)
        count = try c.wholeNumber(.count)
        ageGroups = try c.decodeIfPresent([String].self, forKey: .ageGroups)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        staff = try c.decodeIfPresent(Bool.self, forKey: .staff)
        capacityHoursPerMonth = try c.decodeIfPresent(Double.self, forKey: .capacityHoursPerMonth)
        engagement = try c.decodeIfPresent(Double.self, forKey: .engagement)
        interests = try c.decodeIfPresent([String: Double].self, forKey: .interests)
        defaultInterest = try c.decodeIfPresent(Double.self, forKey: .defaultInterest)
        represents = try c.decodeIfPresent([String].self, forKey: .represents)
        groups = try c.decodeIfPresent([PartnerGroupSpec].self, forKey: .groups)
        if let count, count < 1 || count > Self.maxCount {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.count],
                debugDescription: "expected a number of partners between 1 and \(Self.maxCount) per territory, found \(count)"))
        }
        if territory != nil && territories != nil {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.territories],
                debugDescription: "a group takes `territory` or `territories`, not both"))
        }
        if let groups {
            if territory != nil {
                throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.territory],
                    debugDescription: "a set of groups takes `territories` (the territories it goes through), or none: each group then has its own"))
            }
            if groups.isEmpty {
                throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.groups], debugDescription: "expected at least one group"))
            }
        }
        for (key, pattern) in [(CodingKeys.idPattern, idPattern), (.namePattern, namePattern), (.organisation, organisation)] {
            guard let pattern else { continue }
            if let unknown = Self.unknownPlaceholder(in: pattern) {
                throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [key],
                    debugDescription: "unknown placeholder `\(unknown)` in \"\(pattern)\"; expected one of " + Self.placeholders.joined(separator: ", ")))
            }
        }
    }

    /// This group with the fields it leaves out taken from its set (not `territories` nor `groups`).
    func inheriting(from set: PartnerGroupSpec) -> PartnerGroupSpec {
        var g = self
        g.idPattern = idPattern ?? set.idPattern
        g.namePattern = namePattern ?? set.namePattern
        g.organisation = organisation ?? set.organisation
        g.sector = sector ?? set.sector
        g.count = count ?? set.count
        g.ageGroups = ageGroups ?? set.ageGroups
        g.role = role ?? set.role
        g.staff = staff ?? set.staff
        g.capacityHoursPerMonth = capacityHoursPerMonth ?? set.capacityHoursPerMonth
        g.engagement = engagement ?? set.engagement
        g.interests = interests ?? set.interests
        g.defaultInterest = defaultInterest ?? set.defaultInterest
        g.represents = represents ?? set.represents
        return g
    }

    /// The first `{...}` of `pattern` that is not a placeholder.
    static func unknownPlaceholder(in pattern: String) -> String? {
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return String(rest[open...]) }
            let p = String(rest[open...close])
            if !placeholders.contains(p) { return p }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}

/// Expands `partnerGroups` into partners, in the documented order: entry by entry; a group
/// gives, territory by territory (in the order it lists them), its `count` members numbered 1 to
/// `count`; a set gives, territory by territory, the members of each of its groups that has
/// that territory. Problems are `DecodingError`s whose coding path names the group
/// (`partnerGroups[2].count`), so they are reported like any decoding error.
struct PartnerGroupExpansion {
    /// Territory id → name (and short name), sector id → name.
    let territoryNames: [String: String]
    let territoryShortNames: [String: String]
    let sectorNames: [String: String]
    let territoryIDs: [String]
    let sectorIDs: [String]

    init(territories: [Territory], sectors: [Category]) {
        territoryNames = Dictionary(territories.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        territoryShortNames = Dictionary(territories.map { ($0.id, $0.shortName ?? $0.name) }, uniquingKeysWith: { a, _ in a })
        sectorNames = Dictionary(sectors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        territoryIDs = territories.map(\.id)
        sectorIDs = sectors.map(\.id)
    }

    func expand(_ entries: [PartnerGroupSpec], codingPath: [any CodingKey]) throws -> [PartnerSpec] {
        var out: [PartnerSpec] = []
        for (i, entry) in entries.enumerated() {
            let path = codingPath + [AnyCodingKey(intValue: i)]
            let origin = "partnerGroups[\(i)]"
            if let groups = entry.groups {
                let setTerritories = entry.territories
                if let setTerritories { try checkTerritories(setTerritories, path: path + [AnyCodingKey(stringValue: "territories")]) }
                var resolved: [(group: PartnerGroupSpec, territories: [String])] = []
                for (k, own) in groups.enumerated() {
                    let gp = path + [AnyCodingKey(stringValue: "groups"), AnyCodingKey(intValue: k)]
                    if own.groups != nil {
                        throw DecodingError.dataCorrupted(.init(codingPath: gp + [AnyCodingKey(stringValue: "groups")],
                            debugDescription: "a group of a set cannot itself be a set"))
                    }
                    let g = own.inheriting(from: entry)
                    let ts: [String]
                    if let setTerritories {
                        if let t = g.territory {
                            throw DecodingError.dataCorrupted(.init(codingPath: gp + [AnyCodingKey(stringValue: "territory")],
                                debugDescription: "a group of a set with `territories` takes its territories from the set (its `territories` may name some of them), found `territory` \"\(t)\""))
                        }
                        ts = g.territories ?? setTerritories
                        for (j, t) in ts.enumerated() where !setTerritories.contains(t) {
                            throw DecodingError.dataCorrupted(.init(codingPath: gp + [AnyCodingKey(stringValue: "territories"), AnyCodingKey(intValue: j)],
                                debugDescription: "`\(t)` is not one of the set's territories (" + setTerritories.joined(separator: ", ") + ")"))
                        }
                    } else {
                        ts = try territories(of: g, path: gp)
                    }
                    try checkGroup(g, territories: ts, path: gp)
                    resolved.append((g, ts))
                }
                if let setTerritories {
                    for t in setTerritories {
                        for (k, r) in resolved.enumerated() where r.territories.contains(t) {
                            out += members(r.group, territory: t, origin: "\(origin).groups[\(k)]")
                        }
                    }
                } else {
                    for (k, r) in resolved.enumerated() {
                        for t in r.territories { out += members(r.group, territory: t, origin: "\(origin).groups[\(k)]") }
                    }
                }
            } else {
                let ts = try territories(of: entry, path: path)
                try checkGroup(entry, territories: ts, path: path)
                for t in ts { out += members(entry, territory: t, origin: origin) }
            }
            if out.count > ScenarioLimits.maxPartners {
                throw DecodingError.dataCorrupted(.init(codingPath: path,
                    debugDescription: "the groups give more than the \(ScenarioLimits.maxPartners) partners a scenario may have"))
            }
        }
        return out
    }

    /// A group's own territories (`territory` or `territories`), at least one.
    private func territories(of g: PartnerGroupSpec, path: [any CodingKey]) throws -> [String] {
        if let t = g.territory { return [t] }
        if let ts = g.territories {
            if ts.isEmpty {
                throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyCodingKey(stringValue: "territories")], debugDescription: "expected at least one territory"))
            }
            return ts
        }
        throw DecodingError.keyNotFound(AnyCodingKey(stringValue: "territory"), .init(codingPath: path, debugDescription: "missing territory"))
    }

    private func checkTerritories(_ ts: [String], path: [any CodingKey]) throws {
        var seen: Set<String> = []
        for (j, t) in ts.enumerated() {
            if territoryNames[t] == nil {
                var msg = "unknown territory `\(t)`"
                if let near = closestKey(to: t, among: territoryIDs) { msg += " (did you mean `\(near)`?)" }
                throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyCodingKey(intValue: j)], debugDescription: msg))
            }
            if !seen.insert(t).inserted {
                throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyCodingKey(intValue: j)],
                    debugDescription: "territory `\(t)` is listed twice"))
            }
        }
    }

    private func checkGroup(_ g: PartnerGroupSpec, territories ts: [String], path: [any CodingKey]) throws {
        if let t = g.territory, territoryNames[t] == nil {
            var msg = "unknown territory `\(t)`"
            if let near = closestKey(to: t, among: territoryIDs) { msg += " (did you mean `\(near)`?)" }
            throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyCodingKey(stringValue: "territory")], debugDescription: msg))
        } else if g.territories != nil {
            try checkTerritories(ts, path: path + [AnyCodingKey(stringValue: "territories")])
        }
        guard let s = g.sector else {
            throw DecodingError.keyNotFound(AnyCodingKey(stringValue: "sector"), .init(codingPath: path, debugDescription: "missing sector"))
        }
        if sectorNames[s] == nil {
            var msg = "unknown sector `\(s)`"
            if let near = closestKey(to: s, among: sectorIDs) { msg += " (did you mean `\(near)`?)" }
            throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyCodingKey(stringValue: "sector")], debugDescription: msg))
        }
        let pattern = g.idPattern ?? Self.defaultIDPattern
        let count = g.count ?? 1
        if count > 1 && !pattern.contains("{n}") && !pattern.contains("{nn}") {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyCodingKey(stringValue: "idPattern")],
                debugDescription: "\"\(pattern)\" gives the same id to the \(count) members of a territory: add {n} (or {nn})"))
        }
        if ts.count > 1 && !pattern.contains("{territory}") {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyCodingKey(stringValue: "idPattern")],
                debugDescription: "\"\(pattern)\" gives the same id in each of the group's \(ts.count) territories: add {territory}"))
        }
    }

    static let defaultIDPattern = "{sector}-{territory}-{n}"
    static let defaultNamePattern = "{sectorName} ({territoryName}) {n}"

    private func members(_ g: PartnerGroupSpec, territory t: String, origin: String) -> [PartnerSpec] {
        let sector = g.sector ?? ""
        return (1...(g.count ?? 1)).map { n in
            func fill(_ pattern: String) -> String {
                pattern.replacingOccurrences(of: "{nn}", with: n < 10 ? "0\(n)" : String(n))
                    .replacingOccurrences(of: "{n}", with: String(n))
                    .replacingOccurrences(of: "{territoryName}", with: territoryNames[t] ?? t)
                    .replacingOccurrences(of: "{territoryShortName}", with: territoryShortNames[t] ?? t)
                    .replacingOccurrences(of: "{territory}", with: t)
                    .replacingOccurrences(of: "{sectorName}", with: sectorNames[sector] ?? sector)
                    .replacingOccurrences(of: "{sector}", with: sector)
            }
            let id = fill(g.idPattern ?? Self.defaultIDPattern)
            return PartnerSpec(id: id, name: fill(g.namePattern ?? Self.defaultNamePattern),
                               organisation: g.organisation.map(fill) ?? id, sector: sector, territory: t,
                               ageGroups: g.ageGroups ?? [], role: g.role, staff: g.staff ?? false,
                               capacityHoursPerMonth: g.capacityHoursPerMonth, engagement: g.engagement,
                               interests: g.interests ?? [:], defaultInterest: g.defaultInterest,
                               represents: g.represents ?? [], origin: origin)
        }
    }
}
