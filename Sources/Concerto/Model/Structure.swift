import Foundation

/// A scenario compiled for simulation: ids replaced by indices, defaults resolved, options as
/// enums, routes resolved to instances. Immutable and shared by every replication and thread.
///
/// Two layers: descriptions for reports and tests (`partners`, `instances`, `issueKinds`, with
/// their ids, names and kinds), and the rules the simulation reads in its hot path, in flat
/// tables of plain values (`partnerRules`, `instanceRules`, `kindRules`, `steps`...), derived
/// from the descriptions once, here. The raw scenario is not kept.
public final class Structure: Sendable {
    public let id: String
    public let name: String
    /// The name in sentences and tables (« ORBITE »): the scenario's `shortName`, else its name.
    public let shortName: String
    /// Measured years, after `warmupYears` simulated and discarded.
    public let years: Double
    public let warmupYears: Double
    /// Calendar month (1–12) of day 0.
    public let startMonth: Int
    public let sectorIDs: [String]
    public let sectorNames: [String]
    public let territoryIDs: [String]
    public let ageGroupIDs: [String]
    public let themeIDs: [String]
    public let partners: [PartnerDef]
    /// The structure's bodies, then the territory's other tables (`rules.outside`).
    public let instances: [InstanceDef]
    /// How many of `instances` are the structure's own (the outside tables come after them).
    public let insideCount: Int
    public let issueKinds: [IssueKindDef]
    /// Instances in the order their membership can be built (dependencies first).
    public let buildOrder: [Int]
    public let attendance: AttendanceRules
    public let deliberation: DeliberationRules
    public let engagement: EngagementRules
    public let support: SupportRules
    /// Reference shares for representativity (each sums to 1).
    public let sectorReference: [Double]
    public let territoryReference: [Double]
    public let ageReference: [Double]

    // Hot-path tables (plain values, read through pointers).
    public let partnerRules: FlatTable<PartnerRules>
    public let instanceRules: FlatTable<InstanceRules>
    public let kindRules: FlatTable<IssueKindRules>
    /// Every route's steps, kind after kind (`IssueKindRules.steps` ranges).
    public let steps: FlatTable<StepRules>
    /// Per territory-dependent step, the instance of each territory (`StepTarget.byTerritory`).
    public let stepTargets: FlatTable<Int32?>
    /// Chairs of each instance (`InstanceRules.chairs`).
    public let chairs: FlatTable<Int32>
    /// Instances partners may join during the run (`membership.joinRatePerYear > 0`), and for
    /// each its candidates with their monthly probability of joining (a range of `joinCandidates`).
    public let joiningBodies: [Int]
    public let joiningRanges: [IndexRange]
    public let joinCandidates: FlatTable<JoinCandidate>
    /// Per issue kind, the themes its issues draw (`IssueKindRules.themes`).
    public let kindThemes: FlatTable<ThemeShare>
    /// Territories with their own arrival process, kind after kind.
    public let kindTerritories: FlatTable<Int32>
    /// Instances coupled to each instance (`InstanceRules.coupledChildren`).
    public let coupledChildren: FlatTable<Int32>
    /// Organisers of each instance that names them (`InstanceRules.organisers`).
    public let organisers: FlatTable<Int32>
    /// Round-trip travel hours from each territory to each place where a body meets
    /// (territory × venue column, row-major): linear in the territories.
    public let travelHours: FlatTable<Double>
    /// Each territory's column in `travelHours` when a body meets there, else -1.
    public let venueColumn: FlatTable<Int32>
    /// Distinct meeting places (columns of `travelHours`).
    public let venueCount: Int
    /// Age-group weights, partner × age group, row-major (each row sums to 1, or all 0).
    public let ageWeights: FlatTable<Double>
    /// Each partner's positive age-group weights (`PartnerRules.ages`).
    public let ageEntries: FlatTable<AgeWeight>
    /// Initial position distribution per sector.
    public let sectorPositions: FlatTable<PositionDistribution>
    /// Background load, rule after rule, partner after partner (drawn in this order).
    public let backgroundDraws: FlatTable<BackgroundDraw>
    /// The themes of each body (`InstanceRules.themes`).
    public let bodyThemes: FlatTable<Int32>
    /// `linked(a, b)`: bit b of row a, `linkWords` words a row.
    public let reportingLinks: FlatTable<UInt64>
    public let linkWords: Int
    /// Whether body `a` reports to `b` or `b` to `a`, directly or through others (or a == b).
    public func linked(_ a: Int, _ b: Int) -> Bool { reportingLinks[a * linkWords + b / 64] & (1 << UInt64(b % 64)) != 0 }
    /// Sibling bodies of the structure sharing a theme with no reporting link between them, in (a, b) order with a < b.
    public let themePairs: FlatTable<InstancePair>
    /// Seats all instances can hold together (the size of a replication's seat table).
    public let seatCapacity: Int
    /// The largest seat block of one instance (positions per issue).
    public let maxSeats: Int
    /// The measures reported for this structure, in result order.
    public let catalog: MeasureCatalog

    public init(id: String, name: String, years: Double, warmupYears: Double, startMonth: Int,
                sectorIDs: [String], sectorNames: [String], territoryIDs: [String], ageGroupIDs: [String], themeIDs: [String],
                partners: [PartnerDef], instances: [InstanceDef], issueKinds: [IssueKindDef], buildOrder: [Int],
                travelHours: [Double], venueColumn: [Int32], attendance: AttendanceRules, deliberation: DeliberationRules, engagement: EngagementRules,
                sectorReference: [Double], territoryReference: [Double], ageReference: [Double], sectorPositions: [PositionDistribution],
                backgroundDraws: [BackgroundDraw], support: SupportRules, shortName: String? = nil) {
        self.shortName = shortName ?? name
        self.support = support
        self.id = id; self.name = name; self.years = years; self.warmupYears = warmupYears; self.startMonth = startMonth
        self.sectorIDs = sectorIDs; self.sectorNames = sectorNames; self.territoryIDs = territoryIDs
        self.ageGroupIDs = ageGroupIDs; self.themeIDs = themeIDs
        self.partners = partners; self.buildOrder = buildOrder
        self.attendance = attendance; self.deliberation = deliberation; self.engagement = engagement
        self.sectorReference = sectorReference; self.territoryReference = territoryReference; self.ageReference = ageReference
        self.issueKinds = issueKinds
        self.travelHours = FlatTable(travelHours)
        self.venueColumn = FlatTable(venueColumn)
        self.venueCount = venueColumn.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        self.sectorPositions = FlatTable(sectorPositions)
        self.backgroundDraws = FlatTable(backgroundDraws)
        var ages: [AgeWeight] = []
        partnerRules = FlatTable(partners.map { p in
            let start = ages.count
            for (a, w) in p.ageWeights.enumerated() where w > 0 { ages.append(AgeWeight(group: Int32(a), weight: w)) }
            return PartnerRules(sector: Int32(p.sector), territory: Int32(p.territory), organisation: Int32(p.organisation),
                                staff: p.staff, capacity: p.capacity, engagement: p.engagement,
                                ages: IndexRange(start: start, count: ages.count - start))
        })
        ageEntries = FlatTable(ages)
        ageWeights = FlatTable(partners.flatMap { $0.ageWeights })

        // Instances: couplings, organisers and seat blocks become ranges of flat tables.
        var rules: [InstanceRules] = []
        var children: [Int32] = [], organiserList: [Int32] = [], themeList: [Int32] = [], chairList: [Int32] = []
        // Support teams: members of instances of kind `support` (static memberships).
        let supportMembers = Set(instances.filter { $0.kind == "support" }.flatMap { $0.membership.mandatory + $0.membership.named + $0.membership.observers })
        var seatStart = 0, maxSeats = 0
        var described: [InstanceDef] = []
        for (i, inst) in instances.enumerated() {
            var r = inst.rules
            let kids = instances.indices.filter { instances[$0].rules.coupledTo == Int32(i) }
            r.coupledChildren = IndexRange(start: children.count, count: kids.count)
            r.themes = IndexRange(start: themeList.count, count: inst.themes.count)
            let organisedBy = inst.organiserIndices
                ?? (inst.membership.mandatory + inst.membership.named + inst.membership.observers).filter { partners[$0].staff }
            r.supported = inst.kind != "support" && organisedBy.contains { supportMembers.contains($0) }
            themeList += inst.themes.map { Int32($0) }
            children += kids.map { Int32($0) }
            if let o = inst.organiserIndices {
                r.organisers = IndexRange(start: organiserList.count, count: o.count)
                organiserList += o.map { Int32($0) }
            } else {
                r.organisers = nil
            }
            r.chairs = IndexRange(start: chairList.count, count: inst.chairIndices.count)
            chairList += inst.chairIndices.map { Int32($0) }
            let seats = inst.membership.seatCapacity(partnerCount: partners.count, electedSeats: Int(inst.rules.election?.seats ?? 0))
            r.seats = IndexRange(start: seatStart, count: seats)
            seatStart += seats
            maxSeats = Swift.max(maxSeats, seats)
            rules.append(r)
            var d = inst
            d.rules = r
            described.append(d)
        }
        self.instances = described
        bodyThemes = FlatTable(themeList)
        // Reporting links, both ways and transitively: a body, the bodies it reports to and those
        // that report to it are coordination, not duplication.
        let n = described.count
        let words = (n + 63) / 64
        var link = [UInt64](repeating: 0, count: n * words)
        func ancestors(_ i: Int) -> Set<Int> {
            var seen = Set<Int>(), stack = described[i].parents
            while let p = stack.popLast() {
                if seen.contains(p) { continue }
                seen.insert(p)
                stack += described[p].parents
            }
            return seen
        }
        for i in 0..<n {
            for a in ancestors(i) {
                link[i * words + a / 64] |= 1 << UInt64(a % 64)
                link[a * words + i / 64] |= 1 << UInt64(i % 64)
            }
            link[i * words + i / 64] |= 1 << UInt64(i % 64)
        }
        reportingLinks = FlatTable(link)
        linkWords = words
        insideCount = described.prefix { !$0.rules.outside }.count
        precondition(described.dropFirst(insideCount).allSatisfy { $0.rules.outside }, "outside tables come after the structure's bodies")
        instanceRules = FlatTable(rules)
        coupledChildren = FlatTable(children)
        organisers = FlatTable(organiserList)
        chairs = FlatTable(chairList)
        joiningBodies = instances.indices.filter { instances[$0].membership.joinRatePerYear > 0 }
        var candidates: [JoinCandidate] = [], ranges: [IndexRange] = []
        for i in joiningBodies {
            let m = instances[i].membership
            let start = candidates.count
            for p in m.joinEligible {
                let interest = instances[i].themes.isEmpty ? 1 : instances[i].themes.map { partners[p].interest[$0] }.max()!
                let rate = m.joinRatePerYear * interest
                if rate > 0 { candidates.append(JoinCandidate(partner: Int32(p), monthly: 1 - Foundation.exp(-rate / 12))) }
            }
            ranges.append(IndexRange(start: start, count: candidates.count - start))
        }
        joiningRanges = ranges
        joinCandidates = FlatTable(candidates)
        seatCapacity = seatStart
        self.maxSeats = maxSeats

        // Issue kinds: routes and arrival territories become ranges.
        var kinds: [IssueKindRules] = [], stepList: [StepRules] = [], targets: [Int32?] = [], territories: [Int32] = []
        var kindThemeList: [ThemeShare] = []
        for k in issueKinds {
            var r = k.rules
            r.steps = IndexRange(start: stepList.count, count: k.steps.count)
            for st in k.steps {
                switch st.target {
                case .instance(let i):
                    stepList.append(StepRules(act: st.act, target: .instance(Int32(i))))
                case .byTerritory(let table):
                    stepList.append(StepRules(act: st.act, target: .byTerritory(IndexRange(start: targets.count, count: table.count))))
                    targets += table.map { $0.map { Int32($0) } }
                case .byTheme(let table):
                    stepList.append(StepRules(act: st.act, target: .byTheme(IndexRange(start: targets.count, count: table.count))))
                    targets += table.map { $0.map { Int32($0) } }
                }
            }
            if let c = k.creates {
                r.creates = IndexRange(start: targets.count, count: c.count)
                targets += c.map { $0.map { Int32($0) } }
            }
            r.themes = IndexRange(start: kindThemeList.count, count: k.themeShares.count)
            var cumulative = 0.0
            for (t, share) in k.themeShares { cumulative += share; kindThemeList.append(ThemeShare(theme: Int32(t), cumulative: cumulative)) }
            r.territories = IndexRange(start: territories.count, count: k.territories.count)
            territories += k.territories.map { Int32($0) }
            kinds.append(r)
        }
        kindRules = FlatTable(kinds)
        steps = FlatTable(stepList)
        stepTargets = FlatTable(targets)
        kindTerritories = FlatTable(territories)
        kindThemes = FlatTable(kindThemeList)

        var pairs: [InstancePair] = []
        let inside = described.prefix { !$0.rules.outside }.count
        for a in 0..<inside {
            for b in (a + 1)..<Swift.max(a + 1, inside) where !Set(instances[a].themes).isDisjoint(with: instances[b].themes) && link[a * words + b / 64] & (1 << UInt64(b % 64)) == 0 {
                pairs.append(InstancePair(a: Int32(a), b: Int32(b)))
            }
        }
        themePairs = FlatTable(pairs)
        catalog = MeasureCatalog(instances: described, issueKinds: issueKinds, years: Tally.yearCount(horizonDays: (warmupYears + years) * 365))
    }

    public var horizonDays: Double { (warmupYears + years) * 365 }
    public var warmupDays: Double { warmupYears * 365 }
    /// Number of non-staff partners (organisations).
    public var organisationCount: Int { partners.reduce(0) { $0 + ($1.staff ? 0 : 1) } }

    /// Round-trip hours from territory `a` to territory `b`, where a body meets.
    /// - Precondition: some body meets in `b`.
    public func travel(from a: Int, to b: Int) -> Double {
        let c = Int(venueColumn[b])
        precondition(c >= 0, "Structure.travel(from:to:): no body meets in territory \(b)")
        return travelHours[a * venueCount + c]
    }
}

/// A partner, compiled: an organisation of the territory or a staff member.
public struct PartnerDef: Sendable {
    public let id: String
    public let name: String
    public let organisation: Int
    public let sector: Int
    public let territory: Int
    /// Weight of each age group (sums to 1, or all 0 when none is listed).
    public let ageWeights: [Double]
    public let role: String?
    public let staff: Bool
    public let capacity: Double
    public let engagement: Double
    /// Interest per theme index.
    public let interest: [Double]
}

/// An instance (a body: Grande Table, comité de coordination, comité de travail, chantier...),
/// compiled: its description, who sits on it, and its rules.
public struct InstanceDef: Sendable {
    public let id: String
    public let name: String
    /// assembly, coordination, working, strategic, analysis, local, practiceCommunity, ratifyingBoard, satellite, ...
    public let kind: String
    public let themes: [Int]
    /// The territory it serves.
    public let territory: Int?
    public let parents: [Int]
    /// Partner indices who organise its meetings (nil: its staff members).
    public let organiserIndices: [Int]?
    /// Its chair and co-chairs.
    public let chairIndices: [Int]
    public let membership: MembershipRules
    /// Upper bound on its membership size (for validation messages).
    public let maxMembers: Int
    /// Its rules as the simulation reads them.
    public internal(set) var rules: InstanceRules
}

/// An issue kind, compiled: its description, route and rules.
public struct IssueKindDef: Sendable {
    public let id: String
    public let name: String
    /// priority | actionPlan | budget | project | position | urgent | information | other.
    public let category: String
    public let theme: Int?
    /// The themes its issues draw, with their shares (a fixed `theme`: one, share 1).
    public let themeShares: [(theme: Int, share: Double)]
    /// The body its final decision creates, by theme (nil: none).
    public let creates: [Int?]?
    /// Territories with their own arrival process (empty: one process, no territory).
    public let territories: [Int]
    public let steps: [StepDef]
    public let rules: IssueKindRules
    public var isDecision: Bool { rules.isDecision }
}

/// A route step, compiled.
public struct StepDef: Sendable {
    public enum Target: Sendable {
        case instance(Int)
        /// The instance of each territory index (nil where there is none).
        case byTerritory([Int?])
        /// The instance of each theme index (nil where there is none).
        case byTheme([Int?])
    }
    public let act: Act
    public let target: Target

    /// The instances this step can reach.
    public var instances: [Int] {
        switch target {
        case .instance(let i): return [i]
        case .byTerritory(let t), .byTheme(let t): return t.compactMap { $0 }
        }
    }
}
