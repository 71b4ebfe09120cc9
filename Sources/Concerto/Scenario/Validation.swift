import Foundation

/// Every problem found in a scenario, each naming the file, the JSON path and what was expected.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ScenarioError]
    public init(_ errors: [ScenarioError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Compiles a decoded scenario into a `Structure`, checking every reference and rule a planner
/// can get wrong: unknown ids, duplicate ids, out-of-range numbers, quorums larger than the
/// membership, route steps at instances lacking the power, cycles in parent links, routes that
/// can never complete. Warnings are legitimate-but-suspicious structures.
public struct ScenarioCompiler {
    public let file: String
    private var errors: [ScenarioError] = []
    /// Errors already reported (path and message): a partner group's members share one message.
    private var reported: Set<String> = []
    public private(set) var warnings: [String] = []
    /// Whether a scenario predicted to exceed the event budget or the issue-memory limit
    /// (`ScenarioLimits`) is accepted (`--allow-large`). The other limits always apply.
    public var allowLarge: Bool
    /// Each territory and its ancestors, nearest first (territory levels).
    var territoryChain: [[Int]] = []

    /// Whether a partner of territory `t` is in territory `area` (the same, or one it contains):
    /// a town's partner is in its MRC and region; a regional partner is not in an MRC.
    func territory(_ t: Int, isIn area: Int) -> Bool { territoryChain.indices.contains(t) ? territoryChain[t].contains(area) : t == area }

    public init(file: String, allowLarge: Bool = false) {
        self.file = file
        self.allowLarge = allowLarge
    }

    mutating func fail(_ path: String, _ message: String) {
        guard reported.insert(path + "\u{0}" + message).inserted else { return }
        errors.append(ScenarioError(file: file, path: path, message: message))
    }

    /// `origins`: where each element is written when not in `path` (a partner group), for messages.
    mutating func indexIDs(_ ids: [String], path: String, origins: [String?] = []) -> [String: Int] {
        var map: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
            let origin = i < origins.count ? origins[i].map { $0 + ".idPattern" } : nil
            if id.isEmpty { fail(origin ?? "\(path)[\(i)].id", "expected a non-empty id"); continue }
            if map[id] != nil { fail(origin ?? "\(path)[\(id)].id", "duplicate id `\(id)`: ids must be unique") }
            else { map[id] = i }
        }
        return map
    }

    /// Checks a number against its documented range (`docs/scenario-format.md`); `reason`, when
    /// given, says why the bound is physical ("a body meets at most daily...").
    mutating func check(_ x: Double, _ path: String, min: Double, max: Double = .infinity, minOpen: Bool = false, what: String, reason: String? = nil,
                        suffix: String = "") {
        if !x.isFinite || x < min || x > max || (minOpen && x == min) {
            let lo = minOpen ? "greater than \(fmt(min))" : "at least \(fmt(min))"
            let range = max.isFinite ? (minOpen ? "greater than \(fmt(min)) and at most \(fmt(max))" : "between \(fmt(min)) and \(fmt(max))") : lo
            fail(path, "expected \(what) \(range)\(reason.map { ": " + $0 } ?? ""), found \(fmt(x))\(suffix)")
        }
    }

    /// Checks a whole count (seats, quotas, delegates) against `1...maxSeatsPerBody` (or `min`).
    mutating func checkCount(_ n: Int, _ path: String, min: Int = 1, what: String) {
        if n < min || n > ScenarioLimits.maxSeatsPerBody {
            fail(path, "expected \(what) between \(min) and \(ScenarioLimits.maxSeatsPerBody): a body holds at most twice the "
                 + "\(ScenarioLimits.maxPartners) partners a scenario may have, found \(n)")
        }
    }

    /// Checks the size of a list against its limit (`ScenarioLimits`).
    mutating func checkSize(_ n: Int, _ path: String, max: Int, what: String, reason: String) {
        if n > max { fail(path, "expected at most \(max) \(what): \(reason), found \(n)") }
    }

    func fmt(_ x: Double) -> String {
        if x.isFinite && x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    mutating func lookup(_ map: [String: Int], _ id: String, _ path: String, what: String) -> Int? {
        if let i = map[id] { return i }
        var msg = "unknown \(what) `\(id)`"
        if let near = closestKey(to: id, among: Array(map.keys).sorted()) { msg += " (did you mean `\(near)`?)" }
        else { msg += "; the scenario's \(what)s are: " + map.keys.sorted().prefix(12).joined(separator: ", ") + (map.count > 12 ? ", ..." : "") }
        fail(path, msg)
        return nil
    }

    /// Checks every declared id against the documented pattern (``IDPattern``); a partner of a
    /// group is named by its group.
    mutating func checkIDPatterns(_ s: Scenario) {
        func each(_ ids: [String], _ list: String) {
            for id in ids where !id.isEmpty && !IDPattern.matches(id) { fail("\(list)[\(id)].id", IDPattern.message(for: id)) }
        }
        if !s.id.isEmpty && !IDPattern.matches(s.id) { fail("id", IDPattern.message(for: s.id)) }
        each(s.sectors.map(\.id), "sectors")
        each(s.territories.map(\.id), "territories")
        each(s.ageGroups.map(\.id), "ageGroups")
        each(s.themes.map(\.id), "themes")
        for p in s.partners where !p.id.isEmpty && !IDPattern.matches(p.id) {
            fail(p.origin.map { $0 + ".idPattern" } ?? "partners[\(p.id)].id", IDPattern.message(for: p.id))
        }
        each(s.instances.map(\.id), "instances")
        each(s.outsideTables.map(\.id), "outsideTables")
        each(s.issueKinds.map(\.id), "issueKinds")
        each(s.reforms.map(\.id), "reforms")
    }

    /// Compiles, or throws every error found.
    public mutating func compile(_ s: Scenario) throws(ScenarioErrors) -> Structure {
        errors = []; warnings = []; reported = []
        checkIDPatterns(s)
        check(s.years, "years", min: 0.01, max: 200, what: "a number of years", reason: "from about 4 days to 200 years")
        check(s.warmupYears, "warmupYears", min: 0, max: 200, what: "a number of years", reason: "at most 200 years")
        if s.startMonth < 1 || s.startMonth > 12 { fail("startMonth", "expected a month between 1 and 12, found \(s.startMonth)") }
        if s.sectors.isEmpty { fail("sectors", "expected at least one sector") }
        if s.territories.isEmpty { fail("territories", "expected at least one territory") }
        if s.partners.isEmpty { fail("partners", "expected at least one partner") }
        if s.instances.isEmpty { fail("instances", "expected at least one instance") }
        checkSize(s.territories.count, "territories", max: ScenarioLimits.maxTerritories, what: "territories",
                  reason: "each partner and each representativity measure is checked against them; the travel table is territories × meeting places")
        checkSize(s.partners.count, "partners", max: ScenarioLimits.maxPartners, what: "partners", reason: "the size a run is tested for")
        let templateBodies = s.instances.reduce(0) { $0 + ($1.template ? ($1.templateThemes?.count ?? s.themes.count) : 1) }
        checkSize(templateBodies + s.outsideTables.count, "instances", max: ScenarioLimits.maxInstances,
                  what: "bodies (instances, one per theme of each template, and outside tables)", reason: "each adds measures and a row of the bodies² reporting links")
        checkSize(s.issueKinds.count, "issueKinds", max: ScenarioLimits.maxIssueKinds, what: "issue kinds", reason: "each adds measures")
        checkSize(s.sectors.count, "sectors", max: ScenarioLimits.maxCategories, what: "sectors", reason: "each adds per-meeting counts")
        checkSize(s.themes.count, "themes", max: ScenarioLimits.maxCategories, what: "themes", reason: "each adds per-partner interests")
        checkSize(s.ageGroups.count, "ageGroups", max: ScenarioLimits.maxCategories, what: "age groups", reason: "each adds per-partner weights")
        if !errors.isEmpty && (s.territories.count > ScenarioLimits.maxTerritories || s.partners.count > ScenarioLimits.maxPartners
                               || templateBodies + s.outsideTables.count > ScenarioLimits.maxInstances) {
            throw ScenarioErrors(errors)   // before allocating anything of that size
        }
        let sectorMap = indexIDs(s.sectors.map(\.id), path: "sectors")
        let territoryMap = indexIDs(s.territories.map(\.id), path: "territories")
        // Territory levels: each territory's chain of ancestors (a cycle is an error).
        let parentOf: [Int?] = s.territories.map { t in t.parent.flatMap { lookup(territoryMap, $0, "territories[\(t.id)].parent", what: "territory") } }
        territoryChain = s.territories.indices.map { t in
            var chain = [t], seen: Set<Int> = [t]
            while let p = parentOf[chain.last!] {
                if seen.contains(p) {
                    fail("territories[\(s.territories[t].id)].parent", "the parent chain forms a cycle: " + (chain + [p]).map { s.territories[$0].id }.joined(separator: " → "))
                    break
                }
                chain.append(p); seen.insert(p)
            }
            return chain
        }
        let ageMap = indexIDs(s.ageGroups.map(\.id), path: "ageGroups")
        let themeMap = indexIDs(s.themes.map(\.id), path: "themes")
        let partnerMap = indexIDs(s.partners.map(\.id), path: "partners", origins: s.partners.map(\.origin))
        // Templates (bodies born from decisions) become one on-demand body per theme, `ID-THEME`.
        var expanded: [InstanceSpec] = []
        var templateCopies: [String: [Int: Int]] = [:]   // template id → theme → body index
        for inst in s.instances {
            guard inst.template else { expanded.append(inst); continue }
            if s.themes.isEmpty { fail("instances[\(inst.id)].template", "a template needs the scenario's `themes` (one body per theme)") }
            var forThemes = Set(s.themes.indices)
            if let ids = inst.templateThemes {
                forThemes = Set(ids.enumerated().compactMap { lookup(themeMap, $0.element, "instances[\(inst.id)].templateThemes[\($0.offset)]", what: "theme") })
            }
            for (t, theme) in s.themes.enumerated() where forThemes.contains(t) {
                var copy = inst
                copy.id = inst.id + "-" + theme.id
                copy.name = inst.name + " — " + theme.name
                copy.themes = [theme.id]
                copy.template = false
                copy.onDemand = true
                copy.bornFromDecision = true
                templateCopies[inst.id, default: [:]][t] = expanded.count
                expanded.append(copy)
            }
        }
        var instanceMap = indexIDs(expanded.map(\.id), path: "instances")
        // Outside tables are bodies too (one namespace of ids), after the structure's own.
        let bodies = expanded + s.outsideTables.map(InstanceSpec.init(outside:))
        let insideCount = expanded.count
        func bodyPath(_ i: Int) -> String { i < insideCount ? "instances[\(bodies[i].id)]" : "outsideTables[\(bodies[i].id)]" }
        for (k, t) in s.outsideTables.enumerated() {
            if t.id.isEmpty { fail("outsideTables[\(k)].id", "expected a non-empty id") }
            else if instanceMap[t.id] != nil { fail("outsideTables[\(t.id)].id", "duplicate id `\(t.id)`: instances and outside tables share one list of ids") }
            else { instanceMap[t.id] = insideCount + k }
        }
        _ = indexIDs(s.issueKinds.map(\.id), path: "issueKinds")

        // Reference shares.
        func reference(_ cats: [(String, Double?)], path: String) -> [Double]? {
            let given = cats.compactMap { $0.1 }
            if given.isEmpty { return nil }
            if given.count != cats.count {
                fail(path, "expected `referenceShare` on every entry or on none (\(given.count) of \(cats.count) have one)")
                return nil
            }
            for (i, c) in cats.enumerated() { check(c.1!, "\(path)[\(c.0)].referenceShare", min: 0, max: 1, what: "a share") ; _ = i }
            let total = given.reduce(0, +)
            if abs(total - 1) > 0.01 { fail(path, "expected reference shares summing to 1, found \(fmt(total))") }
            return given.map { $0 / Swift.max(total, 1e-12) }
        }
        let sectorRefGiven = reference(s.sectors.map { ($0.id, $0.referenceShare) }, path: "sectors")
        let territoryRefGiven = reference(s.territories.map { ($0.id, $0.referenceShare) }, path: "territories")
        let ageRefGiven = reference(s.ageGroups.map { ($0.id, $0.referenceShare) }, path: "ageGroups")

        // Travel.
        let nt = s.territories.count
        // Only the hours given are kept here; the table the model reads (territory × meeting
        // place) is built once the bodies' venues are known: linear in the territories.
        var givenTravel = [[Int: Double]](repeating: [:], count: nt)
        for (a, t) in s.territories.enumerated() {
            check(t.defaultTravelHours, "territories[\(t.id)].defaultTravelHours", min: 0, max: 48, what: "hours")
            for (other, h) in t.travelHours.sorted(by: { $0.key < $1.key }) {
                let p = "territories[\(t.id)].travelHours.\(other)"
                check(h, p, min: 0, max: 48, what: "round-trip hours")
                if let b = lookup(territoryMap, other, p, what: "territory") { givenTravel[a][b] = h }
            }
        }

        // Partners.
        // A default is checked once, at its source, naming how many partners inherit it; a
        // partner's own value is checked at the partner (an inherited value is not re-reported).
        let d = s.partnerDefaults
        func heirs(_ n: Int) -> String { "; \(n) partner\(n == 1 ? "" : "s") inherit\(n == 1 ? "s" : "") it" }
        let capacityHeirs = s.partners.filter { $0.capacityHoursPerMonth == nil && !$0.staff }.count
        let staffCapacityHeirs = s.partners.filter { $0.capacityHoursPerMonth == nil && $0.staff }.count
        let engagementHeirs = s.partners.filter { $0.engagement == nil }.count
        let interestHeirs = s.partners.filter { $0.defaultInterest == nil }.count
        check(d.capacityHoursPerMonth, "partnerDefaults.capacityHoursPerMonth", min: ScenarioCompiler.minCapacity, max: 744, what: "hours per month", reason: ScenarioCompiler.capacityReason, suffix: heirs(capacityHeirs))
        check(d.staffCapacityHoursPerMonth, "partnerDefaults.staffCapacityHoursPerMonth", min: ScenarioCompiler.minCapacity, max: 744, what: "hours per month", reason: ScenarioCompiler.capacityReason, suffix: heirs(staffCapacityHeirs))
        check(d.engagement, "partnerDefaults.engagement", min: 0, max: 1, what: "an engagement", suffix: heirs(engagementHeirs))
        check(d.defaultInterest, "partnerDefaults.defaultInterest", min: 0, max: 1, what: "an interest", suffix: heirs(interestHeirs))
        var orgMap: [String: Int] = [:]
        var partners: [PartnerDef] = []
        for p in s.partners {
            let path = p.origin ?? "partners[\(p.id)]"
            let sector = lookup(sectorMap, p.sector, path + ".sector", what: "sector") ?? 0
            let territory = lookup(territoryMap, p.territory, path + ".territory", what: "territory") ?? 0
            var ages = [Double](repeating: 0, count: s.ageGroups.count)
            for (k, a) in p.ageGroups.enumerated() {
                if let i = lookup(ageMap, a, "\(path).ageGroups[\(k)]", what: "age group") { ages[i] = 1 }
            }
            let na = ages.reduce(0, +)
            if na > 0 { ages = ages.map { $0 / na } }
            let capacity = p.capacityHoursPerMonth ?? (p.staff ? d.staffCapacityHoursPerMonth : d.capacityHoursPerMonth)
            if let own = p.capacityHoursPerMonth {
                check(own, path + ".capacityHoursPerMonth", min: ScenarioCompiler.minCapacity, max: 744, what: "hours per month", reason: ScenarioCompiler.capacityReason)
            }
            let engagement = p.engagement ?? d.engagement
            if let own = p.engagement { check(own, path + ".engagement", min: 0, max: 1, what: "an engagement") }
            let defInterest = p.defaultInterest ?? d.defaultInterest
            if let own = p.defaultInterest { check(own, path + ".defaultInterest", min: 0, max: 1, what: "an interest") }
            var interest = [Double](repeating: defInterest, count: s.themes.count)
            for (theme, v) in p.interests.sorted(by: { $0.key < $1.key }) {
                let ip = "\(path).interests.\(theme)"
                check(v, ip, min: 0, max: 1, what: "an interest")
                if let t = lookup(themeMap, theme, ip, what: "theme") { interest[t] = v }
            }
            let org: Int
            if let o = orgMap[p.organisation] { org = o } else { org = orgMap.count; orgMap[p.organisation] = org }
            partners.append(PartnerDef(id: p.id, name: p.name, organisation: org, sector: sector, territory: territory,
                                       ageWeights: ages, role: p.role, staff: p.staff, capacity: capacity,
                                       engagement: engagement, interest: interest))
        }

        // Background load: hours a month outside the modelled bodies.
        var backgroundDraws: [BackgroundDraw] = []
        for (k, b) in s.backgroundLoad.enumerated() {
            let bp = "backgroundLoad[\(k)]"
            check(b.hoursPerMonth, bp + ".hoursPerMonth", min: 0, max: 744, what: "hours per month")
            check(b.sd, bp + ".sd", min: 0, max: 744, what: "a standard deviation in hours per month")
            check(b.tables, bp + ".tables", min: 0, max: 100, what: "a number of tables")
            let sec = b.sector.flatMap { lookup(sectorMap, $0, bp + ".sector", what: "sector") }
            let ter = b.territory.flatMap { lookup(territoryMap, $0, bp + ".territory", what: "territory") }
            let among: Set<Int>? = b.partners.map { Set($0.enumerated().compactMap { lookup(partnerMap, $0.element, "\(bp).partners[\($0.offset)]", what: "partner") }) }
            var matched = 0
            for (pi, p) in partners.enumerated() {
                if let sec, p.sector != sec { continue }
                if let ter, !territory(p.territory, isIn: ter) { continue }
                if let r = b.role, p.role != r { continue }
                if let st = b.staff, p.staff != st { continue }
                if let among, !among.contains(pi) { continue }
                backgroundDraws.append(BackgroundDraw(partner: Int32(pi), mean: b.hoursPerMonth, sd: b.sd, tables: b.tables))
                matched += 1
            }
            if matched == 0 { warnings.append("\(file): \(bp): matches no partner") }
        }

        // Deliberation and behaviour.
        let del = s.deliberation
        if del.model != "probabilistic" && del.model != "boundedConfidence" {
            fail("deliberation.model", "expected `probabilistic` or `boundedConfidence`, found `\(del.model)`")
        }
        check(del.consensusProbability, "deliberation.consensusProbability", min: 0, max: 1, what: "a probability")
        check(del.heterogeneityPenalty, "deliberation.heterogeneityPenalty", min: 0, max: 1, what: "a penalty")
        check(del.epsilon, "deliberation.epsilon", min: 0, max: 1, what: "a confidence bound")
        check(del.mu, "deliberation.mu", min: 0, max: 0.5, what: "a convergence rate")
        check(del.exchangesPerHour, "deliberation.exchangesPerHour", min: 0, max: 1_000, what: "exchanges per hour", reason: "a pairwise exchange takes at least a few seconds")
        check(del.consentThreshold, "deliberation.consentThreshold", min: 0, max: 1, what: "a position")
        check(del.supportThreshold, "deliberation.supportThreshold", min: 0, max: 1, what: "a position")
        check(del.positions.mean, "deliberation.positions.mean", min: 0, max: 1, what: "a position")
        check(del.positions.sd, "deliberation.positions.sd", min: 0, max: 1, what: "a standard deviation")
        var posMean = [Double](repeating: del.positions.mean, count: s.sectors.count)
        var posSD = [Double](repeating: del.positions.sd, count: s.sectors.count)
        for (sec, dist) in del.positionsBySector.sorted(by: { $0.key < $1.key }) {
            let p = "deliberation.positionsBySector.\(sec)"
            check(dist.mean, p + ".mean", min: 0, max: 1, what: "a position")
            check(dist.sd, p + ".sd", min: 0, max: 1, what: "a standard deviation")
            if let i = lookup(sectorMap, sec, p, what: "sector") { posMean[i] = dist.mean; posSD[i] = dist.sd }
        }
        let att = s.attendance
        check(att.interestFloor, "attendance.interestFloor", min: 0, max: 1, what: "a probability")
        if att.availabilityShape != "exponential" && att.availabilityShape != "linear" {
            fail("attendance.availabilityShape", "expected `exponential` or `linear`, found `\(att.availabilityShape)`")
        }
        check(att.availabilitySteepness, "attendance.availabilitySteepness", min: 0, max: 100, what: "a steepness")
        check(att.mandateInterest, "attendance.mandateInterest", min: 0, max: 1, what: "an interest")
        check(att.absentCostFraction, "attendance.absentCostFraction", min: 0, max: 1, what: "a fraction")
        check(att.surveyHours, "attendance.surveyHours", min: 0, max: 24, what: "hours", reason: "answering a survey takes at most a day")
        let eng = s.engagement
        check(eng.overloadDecay, "engagement.overloadDecay", min: 0, max: 1, what: "a monthly decay")
        check(eng.recoveryRate, "engagement.recoveryRate", min: 0, max: 1, what: "a monthly rate")
        check(eng.decisionBoost, "engagement.decisionBoost", min: 0, max: 1, what: "an engagement gain")
        check(eng.exitThreshold, "engagement.exitThreshold", min: 0, max: 1, what: "an engagement")
        if eng.burnoutWindowMonths < 1 || eng.burnoutWindowMonths > 60 {
            fail("engagement.burnoutWindowMonths", "expected a number of months between 1 and 60, found \(eng.burnoutWindowMonths)")
        }
        if eng.burnoutToleranceMonths < 0 || eng.burnoutToleranceMonths > eng.burnoutWindowMonths {
            fail("engagement.burnoutToleranceMonths", "expected a number of months between 0 and burnoutWindowMonths (\(eng.burnoutWindowMonths)), found \(eng.burnoutToleranceMonths)")
        }
        check(eng.burnoutHazardPerMonth, "engagement.burnoutHazardPerMonth", min: 0, max: 1, what: "a monthly probability")
        check(eng.staffTurnoverPerYear, "engagement.staffTurnoverPerYear", min: 0, max: 1, what: "a yearly rate")
        check(eng.staffVacancyDays, "engagement.staffVacancyDays", min: 0, max: 3650, what: "days")
        let sup = s.support
        var shortfall = SupportRules.Shortfall.postpone
        switch sup.organiserShortfall {
        case "none": shortfall = .none
        case "postpone": shortfall = .postpone
        case "shortenAgenda": shortfall = .shortenAgenda
        default: fail("support.organiserShortfall", "expected `none`, `postpone` or `shortenAgenda`, found `\(sup.organiserShortfall)`")
        }
        check(sup.postponeDays, "support.postponeDays", min: 1, max: 365, what: "days", reason: "a meeting is put off by at least a day and at most a year")
        check(sup.shortenedAgendaShare, "support.shortenedAgendaShare", min: 0, max: 1, what: "a share")
        check(sup.supportAttendanceFactor, "support.supportAttendanceFactor", min: 0, max: 10, what: "a factor")

        // Instances.
        let ni = bodies.count
        var themeUse = [Int](repeating: 0, count: s.themes.count)
        var instanceThemes: [[Int]] = []
        for (b, inst) in bodies.enumerated() {
            var th: [Int] = []
            for (k, t) in inst.themes.enumerated() {
                if let i = lookup(themeMap, t, "\(bodyPath(b)).themes[\(k)]", what: "theme") { th.append(i); if b < insideCount { themeUse[i] += 1 } }
            }
            instanceThemes.append(th)
        }
        // Parent cycles.
        var parentsOf: [[Int]] = []
        for inst in bodies {
            var ps: [Int] = []
            for (k, p) in inst.parents.enumerated() {
                if let i = lookup(instanceMap, p, "instances[\(inst.id)].parents[\(k)]", what: "instance") { ps.append(i) }
            }
            parentsOf.append(ps)
        }
        if let cycle = findCycle(parentsOf) {
            let names = cycle.map { bodies[$0].id }
            fail("instances[\(names[0])].parents", "parent links form a cycle: " + (names + [names[0]]).joined(separator: " → "))
        }
        // Membership dependencies (mandatoryFrom, elected.by) for the build order.
        var deps = [[Int]](repeating: [], count: ni)
        var coupledTo = [Int?](repeating: nil, count: ni)
        for (i, inst) in bodies.enumerated() {
            for (k, mf) in inst.membership.mandatoryFrom.enumerated() {
                if let j = lookup(instanceMap, mf.instance, "\(bodyPath(i)).membership.mandatoryFrom[\(k)].instance", what: "instance") { deps[i].append(j) }
            }
            if let e = inst.membership.elected, let j = lookup(instanceMap, e.by, "\(bodyPath(i)).membership.elected.by", what: "instance") { deps[i].append(j) }
            if let c = inst.schedule.coupledTo, let j = lookup(instanceMap, c, "\(bodyPath(i)).schedule.coupledTo", what: "instance") {
                if j == i { fail("\(bodyPath(i)).schedule.coupledTo", "an instance cannot be coupled to itself") } else { coupledTo[i] = j }
            }
        }
        if let cycle = findCycle(deps) {
            let names = cycle.map { bodies[$0].id }
            fail("instances[\(names[0])].membership", "membership rules depend on each other in a cycle: " + (names + [names[0]]).joined(separator: " → "))
        }
        let couplingGraph = coupledTo.map { $0.map { [$0] } ?? [] }
        if let cycle = findCycle(couplingGraph) {
            let names = cycle.map { bodies[$0].id }
            fail("instances[\(names[0])].schedule.coupledTo", "schedule couplings form a cycle: " + (names + [names[0]]).joined(separator: " → "))
        }
        let order = topologicalOrder(deps)
        var instances: [InstanceDef] = []
        var maxMembersOf = [Int](repeating: 0, count: ni)
        // First pass: sizes in build order (mandatoryFrom needs the source's size).
        var compiled = [InstanceDef?](repeating: nil, count: ni)
        for i in order {
            compiled[i] = compileInstance(i, bodies[i], path: bodyPath(i), outside: i >= insideCount, bodies: bodies, partners: partners, partnerMap: partnerMap, sectorMap: sectorMap,
                                          territoryMap: territoryMap, instanceMap: instanceMap, themes: instanceThemes[i], parents: parentsOf[i],
                                          themeUse: themeUse, coupledTo: coupledTo, maxMembersOf: &maxMembersOf)
        }
        for i in 0..<ni { if let c = compiled[i] { instances.append(c) } }
        if instances.count != ni {
            throw ScenarioErrors(errors)
        }
        // Reforms: the bodies replaced end, the new ones start; waiting issues go to successors.
        for (k, r) in s.reforms.enumerated() {
            let rp = "reforms[\(k)]"
            check(r.at, rp + ".at", min: 0, max: 200 * 365, minOpen: true, what: "a day")
            if r.otherIssues != "moveToFirst" && r.otherIssues != "drop" { fail(rp + ".otherIssues", "expected `moveToFirst` or `drop`, found `\(r.otherIssues)`") }
            if r.replaces.isEmpty && r.by.isEmpty { fail(rp, "a reform needs bodies to replace (`replaces`) or to start (`by`)") }
            let old = r.replaces.enumerated().compactMap { lookup(instanceMap, $0.element, "\(rp).replaces[\($0.offset)]", what: "instance or outside table") }
            let new = r.by.enumerated().compactMap { lookup(instanceMap, $0.element, "\(rp).by[\($0.offset)]", what: "instance or outside table") }
            for (j, b) in new.enumerated() {
                if instances[b].rules.endDay <= r.at { fail("\(rp).by[\(j)]", "`\(instances[b].id)` ends before the reform") }
                instances[b].rules.startDay = Swift.max(instances[b].rules.startDay, r.at)
            }
            let first = new.first { $0 < insideCount }
            for o in old {
                if instances[o].rules.startDay >= r.at { fail("\(rp).replaces", "`\(instances[o].id)` starts only at or after the reform") }
                instances[o].rules.endDay = Swift.min(instances[o].rules.endDay, r.at)
                var successor = r.otherIssues == "drop" ? nil : first
                if let target = r.moveIssues[instances[o].id] {
                    successor = lookup(instanceMap, target, "\(rp).moveIssues.\(instances[o].id)", what: "instance")
                }
                instances[o].rules.successor = successor.map { Int32($0) }
            }
            for key in r.moveIssues.keys.sorted() where !r.replaces.contains(key) {
                fail("\(rp).moveIssues.\(key)", "`\(key)` is not among the bodies this reform replaces")
            }
        }
        // Delegation and escalation need powers.
        for (i, inst) in instances.enumerated() {
            if let dlg = inst.rules.urgentDelegate.map({ Int($0) }), !instances[dlg].rules.powers.contains(.decide) {
                fail("\(bodyPath(i)).urgentDelegate", "`\(instances[dlg].id)` decides urgent issues for `\(inst.id)` but lacks the power `decide`")
            }
            if let dlg = inst.rules.urgentDelegate.map({ Int($0) }), dlg >= insideCount {
                fail("\(bodyPath(i)).urgentDelegate", "`\(instances[dlg].id)` is an outside table: it takes no issue of the structure")
            }
            if case .escalate(let to?) = inst.rules.decision.onVoteFailure, Int(to) >= insideCount {
                fail("\(bodyPath(i)).decisionRule.escalateTo", "`\(instances[Int(to)].id)` is an outside table: it takes no issue of the structure")
            }
        }

        // Issue kinds.
        var kinds: [IssueKindDef] = []
        for k in s.issueKinds {
            let path = "issueKinds[\(k.id)]"
            check(k.ratePerYear, path + ".ratePerYear", min: 0, max: 10_000, what: "a rate per year",
                  reason: "at most 10000 issues a year (27 a day) per kind and territory")
            check(k.urgentShare, path + ".urgentShare", min: 0, max: 1, what: "a share")
            check(k.discussionHours, path + ".discussionHours", min: 0, max: 24, what: "hours", reason: "an item is discussed at most a day at a meeting")
            check(k.informHours, path + ".informHours", min: 0, max: 24, what: "hours", reason: "an item is presented at most a day at a meeting")
            if let dd = k.dropAfterDays { check(dd, path + ".dropAfterDays", min: 0, max: 200 * 365, minOpen: true, what: "days", reason: "at most 200 years") }
            if let sd = k.stuckAfterDays { check(sd, path + ".stuckAfterDays", min: 0, max: 200 * 365, minOpen: true, what: "days", reason: "at most 200 years") }
            if let pd = k.positions {
                check(pd.mean, path + ".positions.mean", min: 0, max: 1, what: "a position")
                check(pd.sd, path + ".positions.sd", min: 0, max: 1, what: "a standard deviation")
            }
            let theme = k.theme.flatMap { lookup(themeMap, $0, path + ".theme", what: "theme") }
            // The themes its issues draw: a fixed one, or shares (in the scenario's theme order,
            // so the draw does not depend on how the JSON object was written).
            var themeShares: [(theme: Int, share: Double)] = theme.map { [($0, 1)] } ?? []
            if let shares = k.themeShares {
                if k.theme != nil { fail(path + ".themeShares", "give either `theme` or `themeShares`, not both") }
                var list: [(theme: Int, share: Double)] = []
                for (id, share) in shares {
                    guard let t = lookup(themeMap, id, "\(path).themeShares.\(id)", what: "theme") else { continue }
                    check(share, "\(path).themeShares.\(id)", min: 0, max: 1, what: "a share")
                    if share > 0 { list.append((t, share)) }
                }
                let total = list.reduce(0) { $0 + $1.share }
                if list.isEmpty { fail(path + ".themeShares", "expected at least one theme with a positive share") }
                else if abs(total - 1) > 1e-6 { fail(path + ".themeShares", "expected shares summing to 1, found \(fmt(total))") }
                themeShares = list.sorted { $0.theme < $1.theme }
            }
            var territories: [Int] = []
            if k.perTerritory {
                if let ts = k.territories {
                    for (j, t) in ts.enumerated() { if let x = lookup(territoryMap, t, "\(path).territories[\(j)]", what: "territory") { territories.append(x) } }
                } else { territories = Array(0..<nt) }
            } else if k.territories != nil {
                fail(path + ".territories", "`territories` needs `perTerritory: true`")
            }
            if k.route.isEmpty { fail(path + ".route", "expected at least one step") }
            var steps: [StepDef] = []
            var lastDecision: Int? = nil
            for (j, st) in k.route.enumerated() {
                let sp = "\(path).route[\(j)]"
                guard let act = Act(name: st.act) else {
                    fail(sp + ".act", "expected one of recommend, decide, ratify, inform, consult, found `\(st.act)`"); continue
                }
                if act.needsDecision { lastDecision = j }
                if [st.instance, st.instanceKind, st.instanceWithTheme].compactMap({ $0 }).count > 1 {
                    fail(sp, "give one of `instance`, `instanceKind` or `instanceWithTheme`"); continue
                }
                if let id = st.instance {
                    guard let ii = lookup(instanceMap, id, sp + ".instance", what: "instance") else { continue }
                    if ii >= insideCount { fail(sp + ".instance", "`\(id)` is an outside table: it takes no issue of the structure (it can be informed or consulted through `arrimage`)"); continue }
                    if !instances[ii].rules.powers.contains(act) {
                        fail(sp + ".act", "instance `\(id)` lacks the power `\(act.name)` (its powers: \(instances[ii].rules.powers.acts.map(\.name).sorted().joined(separator: ", ")))")
                    }
                    steps.append(StepDef(act: act, target: .instance(ii)))
                } else if let kind = st.instanceKind {
                    if !k.perTerritory { fail(sp + ".instanceKind", "a step by `instanceKind` needs an issue kind with `perTerritory: true`") ; continue }
                    var table = [Int?](repeating: nil, count: nt)
                    for t in territories {
                        // The body of that kind in the issue's territory, else in its nearest
                        // ancestor that has one (territory levels).
                        var matches: [Int] = []
                        for area in territoryChain[t] {
                            matches = instances.indices.filter { $0 < insideCount && instances[$0].kind == kind && instances[$0].territory == area }
                            if !matches.isEmpty { break }
                        }
                        if matches.count == 1 {
                            table[t] = matches[0]
                            if !instances[matches[0]].rules.powers.contains(act) {
                                fail(sp + ".act", "instance `\(instances[matches[0]].id)` lacks the power `\(act.name)`")
                            }
                        } else {
                            fail(sp + ".instanceKind", "expected exactly one instance of kind `\(kind)` in territory `\(s.territories[t].id)` (or, failing that, in its nearest enclosing territory), found \(matches.count)")
                        }
                    }
                    steps.append(StepDef(act: act, target: .byTerritory(table)))
                } else if let kind = st.instanceWithTheme {
                    if themeShares.isEmpty { fail(sp + ".instanceWithTheme", "a step by `instanceWithTheme` needs the issue kind's `theme` or `themeShares`"); continue }
                    var table = [Int?](repeating: nil, count: s.themes.count)
                    for (t, _) in themeShares {
                        let matches = instances.indices.filter { $0 < insideCount && instances[$0].kind == kind && instances[$0].themes.contains(t) }
                        if matches.count == 1 {
                            table[t] = matches[0]
                            if !instances[matches[0]].rules.powers.contains(act) {
                                fail(sp + ".act", "instance `\(instances[matches[0]].id)` lacks the power `\(act.name)`")
                            }
                        } else {
                            fail(sp + ".instanceWithTheme", "expected exactly one instance of kind `\(kind)` holding the theme `\(s.themes[t].id)`, found \(matches.count)")
                        }
                    }
                    steps.append(StepDef(act: act, target: .byTheme(table)))
                } else {
                    fail(sp, "expected `instance`, `instanceKind` or `instanceWithTheme`")
                }
            }
            // Arrimage: inform or consult the other bodies holding the theme before the decision.
            let ap = path + ".arrimage"
            switch k.arrimage.act {
            case "none": break
            case "inform", "consult":
                let act: Act = k.arrimage.act == "inform" ? .inform : .consult
                guard let t = theme else {
                    fail(ap, k.themeShares != nil ? "arrimage needs a fixed `theme` (not `themeShares`)" : "arrimage needs the issue kind's `theme`"); break
                }
                guard let first = steps.firstIndex(where: { $0.act.needsDecision }) else {
                    fail(ap, "arrimage applies to issue kinds needing a decision"); break
                }
                let onRoute = Set(steps.flatMap(\.instances))
                var with: [Int] = []
                if let ids = k.arrimage.with {
                    for (j, id) in ids.enumerated() {
                        guard let b = lookup(instanceMap, id, "\(ap).with[\(j)]", what: "instance or outside table") else { continue }
                        if !instances[b].themes.contains(t) {
                            fail("\(ap).with[\(j)]", "`\(id)` does not hold the theme `\(s.themes[t].id)`: arrimage goes to bodies holding the issue's theme")
                        } else { with.append(b) }
                    }
                } else {
                    with = instances.indices.filter { instances[$0].themes.contains(t) && !onRoute.contains($0) }
                }
                steps.insert(contentsOf: with.map { StepDef(act: act, target: .instance($0)) }, at: first)
                if let l = lastDecision { lastDecision = l + with.count }
            default:
                fail(ap, "expected `none`, `inform` or `consult`, found `\(k.arrimage.act)`")
            }
            // Routes that can never complete.
            for st in steps {
                for ii in st.instances where !instanceMeets(ii, instances) {
                    fail("\(path).route", "step `\(st.act.name)` at `\(instances[ii].id)` can never happen: that instance never meets")
                }
            }
            if k.ratePerYear == 0 { warnings.append("\(file): \(path).ratePerYear: 0: no issue of this kind will arrive") }
            // When issues of this kind arrive.
            if let st = k.start { check(st, path + ".start", min: 0, max: 200 * 365, what: "a day") }
            let kindStart = k.start.map { Swift.max(0, $0) } ?? 0
            var kindEnd = Double.infinity
            if let e = k.end {
                check(e, path + ".end", min: 0, max: 200 * 365, what: "a day")
                if e <= kindStart { fail(path + ".end", "expected an end after the start (day \(fmt(kindStart))), found day \(fmt(e))") } else { kindEnd = e }
            }
            // Bodies born from its decisions: the template's body for the issue's theme.
            var creates: [Int?]? = nil
            if let t = k.creates {
                if let copies = templateCopies[t] {
                    if themeShares.isEmpty { fail(path + ".creates", "creating a body per theme needs the issue kind's `theme` or `themeShares`") }
                    if lastDecision == nil { fail(path + ".creates", "only a decision creates a body: the route needs a decide, recommend or ratify step") }
                    creates = (0..<s.themes.count).map { copies[$0] }
                    if !themeShares.contains(where: { copies[$0.theme] != nil }) {
                        fail(path + ".creates", "the template `\(k.creates!)` has no body for any theme of this kind (see its `templateThemes`)")
                    }
                } else {
                    fail(path + ".creates", instanceMap[t] != nil ? "`\(t)` is not a template (`template: true`)" : "unknown template `\(t)`")
                }
            }
            let rules = IssueKindRules(ratePerYear: k.ratePerYear, urgentShare: k.urgentShare, discussionHours: k.discussionHours,
                                       informHours: k.informHours, steps: .empty, lastDecisionStep: lastDecision.map { Int32($0) },
                                       dropAfterDays: k.dropAfterDays, stuckAfterDays: k.stuckAfterDays ?? IssueKindSpec.defaultStuckAfterDays,
                                       positions: k.positions, territories: .empty, themes: .empty,
                                       startDay: kindStart, endDay: kindEnd, creates: nil)
            kinds.append(IssueKindDef(id: k.id, name: k.name, category: k.category, theme: theme, themeShares: themeShares, creates: creates, territories: territories,
                                      steps: steps, rules: rules))
        }
        if !errors.isEmpty { throw ScenarioErrors(errors) }

        // References: given shares, else the partner population.
        func population(_ n: Int, _ f: (PartnerDef) -> [(Int, Double)]) -> [Double] {
            var v = [Double](repeating: 0, count: n)
            for p in partners { for (i, w) in f(p) { v[i] += w } }
            let total = v.reduce(0, +)
            return total > 0 ? v.map { $0 / total } : v
        }
        let sectorRef = sectorRefGiven ?? population(s.sectors.count) { [($0.sector, 1)] }
        let territoryRef = territoryRefGiven ?? population(nt) { [($0.territory, 1)] }
        let ageRef = ageRefGiven ?? population(s.ageGroups.count) { p in p.ageWeights.enumerated().map { ($0.offset, $0.element) } }

        let attendance = AttendanceRules(interestFloor: att.interestFloor, mandateInterest: att.mandateInterest,
                                         availabilityShape: att.availabilityShape == "linear" ? .linear : .exponential,
                                         availabilitySteepness: att.availabilitySteepness, absentCostFraction: att.absentCostFraction,
                                         surveyHours: att.surveyHours)
        let deliberation = DeliberationRules(model: del.model == "probabilistic" ? .probabilistic : .boundedConfidence,
                                             consensusProbability: del.consensusProbability, heterogeneityPenalty: del.heterogeneityPenalty,
                                             epsilon: del.epsilon, mu: del.mu, exchangesPerHour: del.exchangesPerHour,
                                             consentThreshold: del.consentThreshold, supportThreshold: del.supportThreshold)
        let engagement = EngagementRules(overloadDecay: eng.overloadDecay, recoveryRate: eng.recoveryRate,
                                         decisionBoost: eng.decisionBoost, exitThreshold: eng.exitThreshold,
                                         burnoutWindowMonths: eng.burnoutWindowMonths, burnoutToleranceMonths: eng.burnoutToleranceMonths, burnoutHazardPerMonth: eng.burnoutHazardPerMonth,
                                         staffTurnoverPerMonth: 1 - Foundation.pow(1 - eng.staffTurnoverPerYear, 1.0 / 12),
                                         staffVacancyDays: eng.staffVacancyDays)
        let support = SupportRules(organiserShortfall: shortfall, postponeDays: sup.postponeDays,
                                   shortenedAgendaShare: sup.shortenedAgendaShare, supportAttendanceFactor: sup.supportAttendanceFactor)
        // Travel: round-trip hours from every territory to every place where a body meets.
        let venues = Array(Set(instances.map { Int($0.rules.venue) })).sorted()
        if nt * venues.count > ScenarioLimits.maxTravelEntries {
            fail("territories", "\(nt) territories × \(venues.count) meeting places need \(nt * venues.count) travel entries, more than \(ScenarioLimits.maxTravelEntries) (32 MB): fewer territories or fewer venues")
        }
        var venueColumn = [Int32](repeating: -1, count: nt)
        for (c, v) in venues.enumerated() where v < nt { venueColumn[v] = Int32(c) }
        var travel = [Double](repeating: 0, count: errors.isEmpty ? nt * venues.count : 0)
        if errors.isEmpty {
            for a in 0..<nt {
                // Within a territory: 0 unless given (`"mirabel-nord": 0.4` inside mirabel-nord).
                for (c, b) in venues.enumerated() where b < nt {
                    travel[a * venues.count + c] = givenTravel[a][b] ?? (b == a ? 0 : s.territories[a].defaultTravelHours)
                }
            }
        }
        let structure = Structure(id: s.id, name: s.name, years: s.years, warmupYears: s.warmupYears, startMonth: s.startMonth,
                         sectorIDs: s.sectors.map(\.id), sectorNames: s.sectors.map(\.name), territoryIDs: s.territories.map(\.id),
                         ageGroupIDs: s.ageGroups.map(\.id), themeIDs: s.themes.map(\.id), partners: partners,
                         instances: instances, issueKinds: kinds, buildOrder: order, travelHours: travel, venueColumn: venueColumn,
                         attendance: attendance, deliberation: deliberation, engagement: engagement,
                         sectorReference: sectorRef, territoryReference: territoryRef, ageReference: ageRef,
                         sectorPositions: zip(posMean, posSD).map { PositionDistribution(mean: $0, sd: $1) },
                         backgroundDraws: backgroundDraws, support: support, shortName: s.shortName)
        // The workload: refused beyond the documented limits unless `allowLarge`.
        if structure.seatCapacity > ScenarioLimits.maxTotalSeats {
            fail("instances", "the bodies hold \(structure.seatCapacity) seats together, above the limit of \(ScenarioLimits.maxTotalSeats) "
                 + "(a replication's seat table); restrict open memberships (`sectors`, `territories`, `minInterest`, `seats`)")
        }
        if !allowLarge, let excess = EventBudget(structure).excess { fail("", excess) }
        if !errors.isEmpty { throw ScenarioErrors(errors) }
        return structure
    }

    /// Capacities (hours a month): at least 6 minutes, at most the 744 hours of a month.
    static let minCapacity = 0.1
    static let capacityReason = "at least 6 minutes and at most the 744 hours of a month"

    private func instanceMeets(_ i: Int, _ instances: [InstanceDef]) -> Bool {
        var j = i
        var seen = 0
        while seen <= instances.count {
            if instances[j].rules.periodDays != nil { return true }
            guard let c = instances[j].rules.coupledTo else { return false }
            j = Int(c); seen += 1
        }
        return false
    }

    private mutating func compileInstance(_ i: Int, _ inst: InstanceSpec, path: String, outside: Bool, bodies: [InstanceSpec], partners: [PartnerDef], partnerMap: [String: Int],
                                          sectorMap: [String: Int], territoryMap: [String: Int], instanceMap: [String: Int],
                                          themes: [Int], parents: [Int], themeUse: [Int], coupledTo: [Int?], maxMembersOf: inout [Int]) -> InstanceDef? {
        let validKinds = ["assembly", "coordination", "working", "strategic", "analysis", "local", "practiceCommunity",
                          "ratifyingBoard", "satellite", "subSatellite", "sectoral", "board", "support", "other"]
        if !outside && !validKinds.contains(inst.kind) {
            var msg = "unknown instance kind `\(inst.kind)`"
            if let near = closestKey(to: inst.kind, among: validKinds) { msg += " (did you mean `\(near)`?)" }
            else { msg += "; expected one of: " + validKinds.joined(separator: ", ") }
            fail(path + ".kind", msg)
        }
        let territory = inst.territory.flatMap { lookup(territoryMap, $0, path + ".territory", what: "territory") }
        let venue = inst.venue.flatMap { lookup(territoryMap, $0, path + ".venue", what: "territory") } ?? territory ?? 0
        let (membership, election, maxMembers) = compileMembership(inst.membership, instance: i, path: path, themes: themes, partners: partners,
                                                                   partnerMap: partnerMap, sectorMap: sectorMap, territoryMap: territoryMap,
                                                                   instanceMap: instanceMap, maxMembersOf: &maxMembersOf)

        // Schedule.
        let sch = inst.schedule
        let sp = path + ".schedule"
        var period: Double? = nil
        if let mpy = sch.meetingsPerYear {
            check(mpy, sp + ".meetingsPerYear", min: 0.01, max: 365, what: "meetings per year",
                  reason: "a body meets at most daily and at least once in 100 years")
            if mpy >= 0.01 && mpy <= 365 { period = 365 / mpy }   // so the period is 1 to 36,500 days
            if sch.periodDays != nil { fail(sp, "give either `meetingsPerYear` or `periodDays`, not both") }
        } else if let pd = sch.periodDays {
            check(pd, sp + ".periodDays", min: 1, max: 36_500, what: "days", reason: "a body meets at most daily and at least once in 100 years")
            if pd >= 1 && pd <= 36_500 { period = pd }
        }
        if period == nil && sch.coupledTo == nil && sch.meetingsPerYear == nil && sch.periodDays == nil {
            fail(sp, "expected `meetingsPerYear`, `periodDays` or `coupledTo`")
        }
        if period != nil && sch.coupledTo != nil { fail(sp, "a coupled instance meets with its parent: remove `meetingsPerYear`/`periodDays` or `coupledTo`") }
        check(sch.jitterDays, sp + ".jitterDays", min: 0, max: 180, what: "days")
        check(sch.coupledOffsetDays, sp + ".coupledOffsetDays", min: 0, max: 60, what: "days")
        if let f = sch.firstMeetingDay { check(f, sp + ".firstMeetingDay", min: 0, max: 3650, what: "a day") }
        for (k, mo) in sch.breakMonths.enumerated() where mo < 1 || mo > 12 {
            fail("\(sp).breakMonths[\(k)]", "expected a month between 1 and 12, found \(mo)")
        }
        if Set(sch.breakMonths).count >= 12 { fail(sp + ".breakMonths", "every month is a break month: the instance would never meet") }

        check(inst.meetingHours, path + ".meetingHours", min: 0.1, max: 24, what: "hours", reason: "a meeting lasts at least 6 minutes and at most a day")
        check(inst.preparationHours, path + ".preparationHours", min: 0, max: 100, what: "hours")
        check(inst.organiserHours, path + ".organiserHours", min: 0, max: 100, what: "hours")
        check(inst.fixedAgendaHours, path + ".fixedAgendaHours", min: 0, max: 24, what: "hours")
        if let a = inst.agendaHours { check(a, path + ".agendaHours", min: 0.1, max: 24, what: "hours", reason: "an agenda lasts at least 6 minutes and at most a day") }
        if let mi = inst.maxItems, mi < 1 || mi > 10_000 { fail(path + ".maxItems", "expected between 1 and 10000 items: at least one item a meeting, and a cap above 10000 is no cap, found \(mi)") }
        var agendaPolicy = AgendaPolicy.priorityThenAge
        if let p = AgendaPolicy(rawValue: inst.agendaPolicy) { agendaPolicy = p } else {
            fail(path + ".agendaPolicy", "expected one of " + AgendaPolicy.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ", found `\(inst.agendaPolicy)`")
        }
        let chairs = inst.chairs.enumerated().compactMap { lookup(partnerMap, $0.element, "\(path).chairs[\($0.offset)]", what: "partner") }
        for (k, c) in chairs.enumerated() where !inst.membership.mandatory.contains(partners[c].id) && !inst.membership.named.contains(partners[c].id) {
            fail("\(path).chairs[\(k)]", "a chair must be a mandatory or named member of the instance")
        }
        if inst.chairAbsence != "hold" && inst.chairAbsence != "postpone" { fail(path + ".chairAbsence", "expected `hold` or `postpone`, found `\(inst.chairAbsence)`") }
        if inst.chairAbsence == "postpone" && chairs.isEmpty { fail(path + ".chairAbsence", "`postpone` needs the instance's `chairs`") }
        let organisers = inst.organisers.map { $0.enumerated().compactMap { lookup(partnerMap, $0.element, "\(path).organisers[\($0.offset)]", what: "partner") } }
            ?? (chairs.isEmpty ? nil : chairs)

        // Quorum.
        let q = inst.quorum
        var quorumRule = QuorumRule.none
        switch q.kind {
        case "none": quorumRule = .none
        case "present": quorumRule = .present
        case "count":
            if q.value < 1 || q.value != q.value.rounded() { fail(path + ".quorum.value", "expected a whole number of members of at least 1, found \(fmt(q.value))") }
            else if q.value > Double(maxMembers) { fail(path + ".quorum.value", "quorum \(fmt(q.value)) is larger than its \(maxMembers) members") }
            else { quorumRule = .count(Int(q.value)) }
        case "share":
            quorumRule = .share(q.value)
            check(q.value, path + ".quorum.value", min: 0, max: 1, minOpen: true, what: "a share of members")
        default:
            fail(path + ".quorum.kind", "expected one of none, count, share, present, found `\(q.kind)`")
        }
        // Powers and rule.
        var powers = Set<Act>()
        for (k, pw) in inst.powers.enumerated() {
            if let a = Act(name: pw) { powers.insert(a) } else { fail("\(path).powers[\(k)]", "expected one of recommend, decide, ratify, inform, consult, found `\(pw)`") }
        }
        let decision = compileDecisionRule(inst.decisionRule, instance: i, parents: inst.parents, path: path, instanceMap: instanceMap)
        let urgentDelegate = inst.urgentDelegate.flatMap { lookup(instanceMap, $0, path + ".urgentDelegate", what: "instance") }
        check(inst.urgentMaxWaitDays, path + ".urgentMaxWaitDays", min: 0, max: 3650, what: "days")
        check(inst.extraMeetingDelayDays, path + ".extraMeetingDelayDays", min: 0, max: 365, what: "days")
        check(inst.dissolveAfterIdleDays, path + ".dissolveAfterIdleDays", min: 1, max: 3650, what: "days", reason: "at least a day, at most 10 years")
        var depth: Int32 = 0
        var j = i
        while let c = coupledTo[j], depth < 64 { depth += 1; j = c }
        let shares = themes.contains { themeUse[$0] > 1 }

        // When it exists.
        if let st = inst.start { check(st, path + ".start", min: 0, max: 200 * 365, what: "a day") }
        let startDay = inst.start.map { Swift.max(0, $0) } ?? 0
        var endDay = Double.infinity
        if let e = inst.end {
            check(e, path + ".end", min: 0, max: 200 * 365, what: "a day")
            if e <= startDay { fail(path + ".end", "expected an end after the start (day \(fmt(startDay))), found day \(fmt(e))") } else { endDay = e }
        }
        if let l = inst.lifetimeDays { check(l, path + ".lifetimeDays", min: 1, max: 200 * 365, what: "days", reason: "a body lives at least a day, at most 200 years") }
        let rules = InstanceRules(
            periodDays: period, jitterDays: sch.jitterDays, breakMonths: MonthSet(sch.breakMonths), firstMeetingDay: sch.firstMeetingDay,
            coupledTo: coupledTo[i].map { Int32($0) }, coupledOffsetDays: sch.coupledOffsetDays, coupledChildren: .empty,
            meetingPriority: EventPriority.meeting(couplingDepth: depth),
            venue: Int32(venue), meetingHours: inst.meetingHours, preparationHours: inst.preparationHours, organiserHours: inst.organiserHours,
            organisers: nil, agendaHours: inst.agendaHours ?? inst.meetingHours, fixedAgendaHours: inst.fixedAgendaHours,
            maxItems: inst.maxItems ?? Int.max, agendaPolicy: agendaPolicy, chairs: .empty, chairAbsencePostpones: inst.chairAbsence == "postpone", quorum: quorumRule, powers: ActSet(Array(powers)), decision: decision,
            urgentDelegate: urgentDelegate.map { Int32($0) }, urgentMaxWaitDays: inst.urgentMaxWaitDays,
            extraMeetings: inst.extraMeetings, extraMeetingDelayDays: inst.extraMeetingDelayDays,
            onDemand: inst.onDemand, dissolveAfterIdleDays: inst.dissolveAfterIdleDays,
            election: election, startDay: startDay, endDay: endDay, successor: nil, lifetimeDays: inst.lifetimeDays,
            bornFromDecision: inst.bornFromDecision,
            sharesTheme: shares, themes: .empty, supported: false, outside: outside, seats: .empty)
        return InstanceDef(id: inst.id, name: inst.name, kind: inst.kind, themes: themes, territory: territory, parents: parents,
                           organiserIndices: organisers, chairIndices: chairs, membership: membership, maxMembers: maxMembers, rules: rules)
    }
}

/// A cycle in a graph given as adjacency lists, if any (nodes in cycle order).
func findCycle(_ adj: [[Int]]) -> [Int]? {
    var state = [UInt8](repeating: 0, count: adj.count) // 0 new, 1 on stack, 2 done
    var stack: [Int] = []
    func visit(_ v: Int) -> [Int]? {
        state[v] = 1; stack.append(v)
        for w in adj[v] {
            if state[w] == 1 { return Array(stack[stack.lastIndex(of: w)!...]) }
            if state[w] == 0, let c = visit(w) { return c }
        }
        state[v] = 2; stack.removeLast()
        return nil
    }
    for v in adj.indices where state[v] == 0 { if let c = visit(v) { return c } }
    return nil
}

/// Nodes ordered so that each comes after its dependencies (cycles broken arbitrarily; they are
/// reported as errors elsewhere).
func topologicalOrder(_ deps: [[Int]]) -> [Int] {
    var done = [Bool](repeating: false, count: deps.count)
    var visiting = [Bool](repeating: false, count: deps.count)
    var order: [Int] = []
    func visit(_ v: Int) {
        if done[v] || visiting[v] { return }
        visiting[v] = true
        for w in deps[v] { visit(w) }
        visiting[v] = false; done[v] = true; order.append(v)
    }
    for v in deps.indices { visit(v) }
    return order
}
