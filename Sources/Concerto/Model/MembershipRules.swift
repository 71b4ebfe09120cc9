import Foundation

/// Who sits on an instance, compiled from `MembershipSpec`: mandatory members, members drawn
/// from another instance, named members, observers, quotas, elected seats, open seats and a cap
/// per organisation. Seats are built once per replication (`Replication+Membership`); elections
/// renew elected seats during the run. A new rule is declared in `MembershipSpec`, compiled and
/// checked here, and applied in `Replication+Membership`.
public struct MembershipRules: Sendable {
    /// Open to all partners (after the sector, territory and interest filters).
    public let open: Bool
    /// Partners eligible for open seats.
    public let openEligible: [Int]
    /// Mandatory members (the coordinator): attend unless overloaded, never leave.
    public let mandatory: [Int]
    /// Named members (Lanaudière CRS).
    public let named: [Int]
    /// Non-voting members.
    public let observers: [Int]
    /// Seats by quota: how many, drawn among which partners.
    public let quotas: [(count: Int, candidates: [Int])]
    /// Mandatory members drawn from another instance (one member of the comité de coordination):
    /// between `count` and `countMax` of them (drawn per replication), the `named` ones first,
    /// then those with `role`, then the others at random (organisations before staff).
    public let mandatoryFrom: [Delegation]
    /// At most this many seats per organisation (nil: no cap).
    public let maxPerOrganisation: Int?
    /// The body's number of seats, vacant ones included (nil: no cap).
    public let seats: Int?
    /// Reserved seats held by nobody, by what they are reserved for.
    public let vacant: [VacantSeat]
    /// Partners who may join during the run, and at what yearly rate (times their interest).
    public let joinEligible: [Int]
    public let joinRatePerYear: Double

    public struct Delegation: Sendable {
        public let instance: Int
        public let count: Int
        public let countMax: Int
        public let named: [Int]
        public let role: String?
        public let mandatory: Bool
    }
    public struct VacantSeat: Sendable {
        public let count: Int
        public let sector: Int?
        public let territory: Int?
        public let label: String?
    }
    public var vacantCount: Int { vacant.reduce(0) { saturatingSum($0, $1.count) } }

    /// Seats the rules can fill at most (each partner sits once).
    public func seatCapacity(partnerCount: Int, electedSeats: Int = 0) -> Int {
        let fixed = Set(mandatory).union(named).union(observers).union(openEligible).union(joinEligible).count
        let drawn = saturatingSum(quotas.reduce(0) { saturatingSum($0, $1.count) }, mandatoryFrom.reduce(0) { saturatingSum($0, $1.countMax) })
        return Swift.min(partnerCount, saturatingSum(saturatingSum(fixed, drawn), electedSeats))
    }
}

/// `a + b`, or `Int.max` (`Int.min`) where the sum overflows: seat counts are bounded by
/// validation, but they are summed before they are checked (10,000 quotas of 10¹⁵ seats).
@inline(__always)
func saturatingSum(_ a: Int, _ b: Int) -> Int {
    let (r, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? Int.max : Int.min) : r
}

/// `a × b`, or `Int.max` (`Int.min`) where the product overflows.
@inline(__always)
func saturatingProduct(_ a: Int, _ b: Int) -> Int {
    let (r, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? ((a > 0) == (b > 0) ? Int.max : Int.min) : r
}

extension ScenarioCompiler {
    /// Checks and compiles an instance's membership rules (`path` is the instance's JSON path):
    /// the rules, the election of its elected seats, and an upper bound on its members (also
    /// recorded in `maxMembersOf[i]` for the instances built after it).
    mutating func compileMembership(_ m: MembershipSpec, instance i: Int, path: String, themes: [Int], partners: [PartnerDef],
                                    partnerMap: [String: Int], sectorMap: [String: Int], territoryMap: [String: Int],
                                    instanceMap: [String: Int], maxMembersOf: inout [Int]) -> (MembershipRules, ElectionRule?, Int) {
            check(m.minInterest, path + ".membership.minInterest", min: 0, max: 1, what: "an interest")
            let sectorFilter: Set<Int>? = m.sectors.map { Set($0.enumerated().compactMap { lookup(sectorMap, $0.element, "\(path).membership.sectors[\($0.offset)]", what: "sector") }) }
            let territoryFilter: Set<Int>? = m.territories.map { Set($0.enumerated().compactMap { lookup(territoryMap, $0.element, "\(path).membership.territories[\($0.offset)]", what: "territory") }) }
            func interest(_ p: PartnerDef) -> Double { themes.isEmpty ? 1 : themes.map { p.interest[$0] }.max()! }
            var eligible: [Int] = [], openEligible: [Int] = []
            for (pi, p) in partners.enumerated() {
                if p.staff && !m.includeStaff { continue }
                if let f = sectorFilter, !f.contains(p.sector) { continue }
                if let f = territoryFilter, !f.contains(where: { territory(p.territory, isIn: $0) }) { continue }
                if interest(p) > 0 { eligible.append(pi) }
                if m.open && interest(p) >= m.minInterest { openEligible.append(pi) }
            }
            // Joining during the run: any partner passing the filters, at a rate times its interest.
            check(m.joinRatePerYear, path + ".membership.joinRatePerYear", min: 0, max: 365, what: "a rate per year")
            let joinEligible = m.joinRatePerYear > 0 ? eligible : []
            let mandatory = m.mandatory.enumerated().compactMap { lookup(partnerMap, $0.element, "\(path).membership.mandatory[\($0.offset)]", what: "partner") }
            let named = m.named.enumerated().compactMap { lookup(partnerMap, $0.element, "\(path).membership.named[\($0.offset)]", what: "partner") }
            let observers = m.observers.enumerated().compactMap { lookup(partnerMap, $0.element, "\(path).membership.observers[\($0.offset)]", what: "partner") }
            var quotas: [(count: Int, candidates: [Int])] = []
            var fixedSeats = Set(mandatory).union(named).union(observers)
            for (k, q) in m.quotas.enumerated() {
                let qp = "\(path).membership.quotas[\(k)]"
                if q.count < 1 || q.count > ScenarioLimits.maxSeatsPerBody { checkCount(q.count, qp + ".count", what: "a count"); continue }
                let sec = q.sector.flatMap { lookup(sectorMap, $0, qp + ".sector", what: "sector") }
                let ter = q.territory.flatMap { lookup(territoryMap, $0, qp + ".territory", what: "territory") }
                let among: Set<Int>? = q.among.map { Set($0.enumerated().compactMap { lookup(partnerMap, $0.element, "\(qp).among[\($0.offset)]", what: "partner") }) }
                let cands = partners.indices.filter { pi in
                    let p = partners[pi]
                    if let sec, p.sector != sec { return false }
                    if let ter, !territory(p.territory, isIn: ter) { return false }
                    if let r = q.role, p.role != r { return false }
                    if let st = q.staff, p.staff != st { return false }
                    if let among, !among.contains(pi) { return false }
                    return !fixedSeats.contains(pi)
                }
                if cands.count < q.count {
                    var filters: [String] = []
                    if let v = q.sector { filters.append("sector `\(v)`") }
                    if let v = q.territory { filters.append("territory `\(v)`") }
                    if let v = q.role { filters.append("role `\(v)`") }
                    if let v = q.staff { filters.append(v ? "staff" : "not staff") }
                    if q.among != nil { filters.append("among the listed partners") }
                    fail(qp + ".count", "the quota needs \(q.count) partner(s) (\(filters.isEmpty ? "any" : filters.joined(separator: ", "))) not already seated, but the scenario has \(cands.count)")
                }
                quotas.append((q.count, cands))
                fixedSeats.formUnion(cands.prefix(q.count))
            }
            var mandatoryFrom: [MembershipRules.Delegation] = []
            for (k, mf) in m.mandatoryFrom.enumerated() {
                guard let j = instanceMap[mf.instance] else { continue }
                let mp = "\(path).membership.mandatoryFrom[\(k)]"
                checkCount(mf.count, mp + ".count", what: "a count")
                checkCount(mf.countMax, mp + ".count.max", what: "a count")
                if mf.countMax < mf.count { fail(mp + ".count.max", "expected a maximum of at least the minimum (\(mf.count)), found \(mf.countMax)") }
                if mf.countMax > maxMembersOf[j] {
                    fail(mp + ".count", "asks for \(mf.countMax) member(s) of `\(mf.instance)`, which has at most \(maxMembersOf[j])")
                }
                let designated = mf.named.enumerated().compactMap { lookup(partnerMap, $0.element, "\(mp).named[\($0.offset)]", what: "partner") }
                mandatoryFrom.append(.init(instance: j, count: mf.count, countMax: mf.countMax, named: designated, role: mf.role, mandatory: mf.mandatory))
            }
            var election: (by: Int, seats: Int, bySector: Bool, byTerritory: Bool, sectorFirst: Bool, termDays: Double)? = nil
            if let e = m.elected, let by = instanceMap[e.by] {
                let ep = path + ".membership.elected"
                checkCount(e.seats, ep + ".seats", what: "a number of seats")
                if e.seats > maxMembersOf[by] { fail(ep + ".seats", "\(e.seats) seats but the electing instance `\(e.by)` has at most \(maxMembersOf[by]) members") }
                check(e.termYears, ep + ".termYears", min: 0.1, max: 50, what: "years", reason: "a term lasts at least about a month (0.1 year) and at most 50 years")
                for (k, b) in e.balance.enumerated() where b != "sector" && b != "territory" {
                    fail("\(ep).balance[\(k)]", "expected `sector` or `territory`, found `\(b)`")
                }
                election = (by, e.seats, e.balance.contains("sector"), e.balance.contains("territory"),
                            e.balance.first != "territory", e.termYears * 365)
            }
            if let cap = m.maxPerOrganisation { checkCount(cap, path + ".membership.maxPerOrganisation", what: "seats per organisation") }
            // Sums of counts saturate: each count is bounded, but they are summed before that
            // is known to hold for all of them.
            let delegates = mandatoryFrom.reduce(0) { saturatingSum($0, $1.countMax) }
            let quotaSeats = quotas.reduce(0) { saturatingSum($0, $1.count) }
            let drawnSeats = saturatingSum(saturatingSum(quotaSeats, delegates), election?.seats ?? 0)
            var maxMembers = saturatingSum(Set(mandatory).union(named).union(openEligible).union(joinEligible).count, drawnSeats)
            if let cap = m.maxPerOrganisation {
                var orgs = Set<Int>()
                for p in Set(mandatory).union(named).union(openEligible) { orgs.insert(partners[p].organisation) }
                let capped = saturatingSum(Set(mandatory).union(named).count, saturatingProduct(orgs.count, Swift.max(0, cap)))
                maxMembers = Swift.min(maxMembers, saturatingSum(capped, drawnSeats))
            }
            maxMembers = Swift.min(maxMembers, partners.count)
            // Seats: a cap on the body (vacant seats included), and reserved seats held by nobody.
            var vacant: [MembershipRules.VacantSeat] = []
            for (k, v) in m.vacant.enumerated() {
                let vp = "\(path).membership.vacant[\(k)]"
                checkCount(v.count, vp + ".count", what: "a count of vacant seats")
                vacant.append(.init(count: v.count, sector: v.sector.flatMap { lookup(sectorMap, $0, vp + ".sector", what: "sector") },
                                    territory: v.territory.flatMap { lookup(territoryMap, $0, vp + ".territory", what: "territory") }, label: v.label))
            }
            let vacantCount = vacant.reduce(0) { saturatingSum($0, $1.count) }
            if let seats = m.seats {
                checkCount(seats, path + ".membership.seats", what: "a number of seats")
                let fixed = saturatingSum(Set(mandatory).union(named).union(observers).count, drawnSeats)
                if saturatingSum(fixed, vacantCount) > seats {
                    fail(path + ".membership.seats", "\(seats) seats cannot hold the \(fixed) mandatory, named, observer, quota, delegated and elected seats and \(vacantCount) vacant one(s)")
                }
                maxMembers = Swift.min(maxMembers, Swift.max(0, seats - vacantCount))
            } else if !vacant.isEmpty {
                fail(path + ".membership.vacant", "vacant seats need the body's `seats` (its number of seats, vacant ones included)")
            }
            maxMembersOf[i] = maxMembers
            if maxMembers == 0 {
                fail(path + ".membership", observers.isEmpty ? "the membership rules give this instance no members"
                                                             : "the instance has only observers: nobody may deliberate or vote")
            }
        let rules = MembershipRules(open: m.open, openEligible: openEligible, mandatory: mandatory, named: named, observers: observers,
                                    quotas: quotas, mandatoryFrom: mandatoryFrom, maxPerOrganisation: m.maxPerOrganisation,
                                    seats: m.seats, vacant: vacant, joinEligible: joinEligible, joinRatePerYear: m.joinRatePerYear)
        let rule = election.map { ElectionRule(by: Int32($0.by), seats: Int32(clamping: $0.seats), bySector: $0.bySector, byTerritory: $0.byTerritory,
                                               sectorFirst: $0.sectorFirst, termDays: $0.termDays) }
        return (rules, rule, maxMembers)
    }
}
