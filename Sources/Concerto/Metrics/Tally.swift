import Foundation

/// Streaming accumulation of what happens in one replication's measured window. Its size
/// depends on the numbers of partners, instances, categories and issue kinds, never on how long
/// the run is (latencies go to fixed-bin histograms).
struct Tally {
    let np: Int, ni: Int, nk: Int
    let years: Double
    var partnerHours: [Double]
    var partnerExcess: [Double]
    var instanceHours: [Double]
    var instanceMeetings: [Int]
    var instanceSolicited: [Int]
    var instancePresent: [Int]
    var instanceQuorumFailures: [Int]
    var instanceOverflows: [Int]
    var instanceDecisions: [Int]
    var instanceCreations: [Int]
    var duplicatedHours = 0.0
    var surveyHours = 0.0
    var emerged: [Int]
    var decidedCount: [Int]
    var droppedCount: [Int]
    var openCount: [Int]
    var informationItems = 0
    /// Issues needing a decision emerged and not yet decided or dropped, and its time integral.
    var backlog = 0
    var backlogArea = 0.0
    var backlogSince = 0.0
    var endedCount = 0
    var discussions = 0
    var meetingsOnDecided = 0
    var modes = [0, 0, 0, 0]
    var latency: DurationHistogram
    var latencyByKind: [DurationHistogram]
    var decisionRooms = 0
    var sectorShareSum: [Double]
    var territoryShareSum: [Double]
    var ageShareSum: [Double]
    var sectorCountSum: [Double]
    var sectorSeen: [Bool]
    var territorySeen: [Bool]
    var ageSeen: [Bool]
    var sectorCoverageSum = 0.0
    var scratchSector: [Double]
    var scratchTerritory: [Double]
    var scratchAge: [Double]
    var maxPresentOverMembers = Int.min
    let isStaff: [Bool]
    let sharesTheme: [Bool]

    init(structure s: Structure) {
        np = s.partners.count; ni = s.instances.count; nk = s.issueKinds.count
        years = s.scenario.years
        partnerHours = .init(repeating: 0, count: np)
        partnerExcess = .init(repeating: 0, count: np)
        instanceHours = .init(repeating: 0, count: ni)
        instanceMeetings = .init(repeating: 0, count: ni)
        instanceSolicited = .init(repeating: 0, count: ni)
        instancePresent = .init(repeating: 0, count: ni)
        instanceQuorumFailures = .init(repeating: 0, count: ni)
        instanceOverflows = .init(repeating: 0, count: ni)
        instanceDecisions = .init(repeating: 0, count: ni)
        instanceCreations = .init(repeating: 0, count: ni)
        emerged = .init(repeating: 0, count: nk)
        decidedCount = .init(repeating: 0, count: nk)
        droppedCount = .init(repeating: 0, count: nk)
        openCount = .init(repeating: 0, count: nk)
        let maxDays = Swift.max(1, s.scenario.years * 365)
        let bin = Swift.max(1, (maxDays / 4096).rounded(.up))
        latency = DurationHistogram(binWidth: bin, maxDuration: maxDays)
        latencyByKind = .init(repeating: DurationHistogram(binWidth: bin, maxDuration: maxDays), count: nk)
        sectorShareSum = .init(repeating: 0, count: s.sectorIDs.count)
        territoryShareSum = .init(repeating: 0, count: s.territoryIDs.count)
        ageShareSum = .init(repeating: 0, count: s.ageGroupIDs.count)
        sectorCountSum = .init(repeating: 0, count: s.sectorIDs.count)
        sectorSeen = .init(repeating: false, count: s.sectorIDs.count)
        territorySeen = .init(repeating: false, count: s.territoryIDs.count)
        ageSeen = .init(repeating: false, count: s.ageGroupIDs.count)
        scratchSector = sectorShareSum; scratchTerritory = territoryShareSum; scratchAge = ageShareSum
        isStaff = s.partners.map(\.staff)
        sharesTheme = s.instances.map(\.sharesTheme)
    }

    mutating func addHours(partner p: Int, instance i: Int, hours h: Double) {
        partnerHours[p] += h
        instanceHours[i] += h
        if sharesTheme[i] && !isStaff[p] { duplicatedHours += h }
    }
    mutating func addSurveyHours(partner p: Int, hours h: Double) {
        partnerHours[p] += h
        surveyHours += h
    }
    mutating func closeMonth(partner p: Int, hours: Double, capacity: Double) {
        if hours > capacity { partnerExcess[p] += hours - capacity }
    }
    mutating func meeting(instance i: Int, solicited: Int, present: Int) {
        instanceMeetings[i] += 1
        instanceSolicited[i] += solicited
        instancePresent[i] += present
        maxPresentOverMembers = Swift.max(maxPresentOverMembers, present - solicited)
    }
    mutating func created(instance i: Int) { instanceCreations[i] += 1 }
    mutating func quorumFailure(instance i: Int) { instanceQuorumFailures[i] += 1 }
    mutating func agendaOverflow(instance i: Int) { instanceOverflows[i] += 1 }
    mutating func discussion() { discussions += 1 }
    /// The backlog changes by `delta` at time `t` (days).
    mutating func backlogStep(_ delta: Int, at t: Double) {
        backlogArea += Double(backlog) * (t - backlogSince)
        backlog += delta
        backlogSince = t
    }
    mutating func emerged(kind k: Int, decision: Bool) {
        if decision { emerged[k] += 1 } else { informationItems += 1 }
    }
    mutating func decided(kind k: Int, days: Double, mode: DecisionMode, meetings: Int) {
        decidedCount[k] += 1
        modes[mode.rawValue] += 1
        meetingsOnDecided += meetings
        latency.addEvent(days)
        latencyByKind[k].addEvent(days)
    }
    mutating func dropped(kind k: Int, days: Double) {
        droppedCount[k] += 1
        latency.addCensored(days)
        latencyByKind[k].addCensored(days)
    }
    mutating func open(kind k: Int, days: Double) {
        openCount[k] += 1
        latency.addCensored(days)
        latencyByKind[k].addCensored(days)
    }
    mutating func ended() { endedCount += 1 }

    /// Who was in the room when a step was decided: sector, territory and age-group shares.
    mutating func decisionRoom(present: [Int32], instance i: Int, partners: [PartnerDef]) {
        instanceDecisions[i] += 1
        if present.isEmpty { return }
        decisionRooms += 1
        for k in scratchSector.indices { scratchSector[k] = 0 }
        for k in scratchTerritory.indices { scratchTerritory[k] = 0 }
        for k in scratchAge.indices { scratchAge[k] = 0 }
        var ageTotal = 0.0
        for p32 in present {
            let p = Int(p32)
            scratchSector[partners[p].sector] += 1
            scratchTerritory[partners[p].territory] += 1
            for a in partners[p].ageWeights.indices {
                let w = partners[p].ageWeights[a]
                if w > 0 { scratchAge[a] += w; ageTotal += w }
            }
        }
        let n = Double(present.count)
        var covered = 0
        for k in scratchSector.indices {
            sectorShareSum[k] += scratchSector[k] / n
            sectorCountSum[k] += scratchSector[k]
            if scratchSector[k] > 0 { sectorSeen[k] = true; covered += 1 }
        }
        sectorCoverageSum += Double(covered) / Double(Swift.max(1, scratchSector.count))
        for k in scratchTerritory.indices {
            territoryShareSum[k] += scratchTerritory[k] / n
            if scratchTerritory[k] > 0 { territorySeen[k] = true }
        }
        if ageTotal > 0 {
            for k in scratchAge.indices {
                ageShareSum[k] += scratchAge[k] / ageTotal
                if scratchAge[k] > 0 { ageSeen[k] = true }
            }
        }
    }
}

extension Tally {
    /// Computes every catalog measure from what was tallied.
    func result(replication r: Replication) -> ReplicationResult {
        let s = r.structure
        var v: [Double] = []
        v.reserveCapacity(MeasureCatalog.hyperconcertation.count + MeasureCatalog.latency.count + MeasureCatalog.representativity.count
                          + ni * MeasureCatalog.perInstance.count + nk * MeasureCatalog.perKind.count)
        let y = years
        func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
        // Hyperconcertation.
        var orgHours: [Double] = []
        var orgRatios: [Double] = []
        var staffRatios: [Double] = []
        var staffHours: [Double] = []
        var excess = 0.0, orgTotal = 0.0
        for p in 0..<np {
            let months = y * 12
            let lr = partnerHours[p] / (s.partners[p].capacity * months)
            if isStaff[p] { staffRatios.append(lr); staffHours.append(partnerHours[p] / y); continue }
            orgHours.append(partnerHours[p] / y)
            orgRatios.append(lr)
            excess += partnerExcess[p]
            orgTotal += partnerHours[p]
        }
        let sortedHours = orgHours.sorted()
        func mean(_ a: [Double]) -> Double { a.isEmpty ? .nan : a.reduce(0, +) / Double(a.count) }
        func quantile(_ sorted: [Double], _ q: Double) -> Double {
            if sorted.isEmpty { return .nan }
            let h = Double(sorted.count - 1) * q
            let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }
        // Memberships at the horizon (active seats).
        var instancesOf = [Int](repeating: 0, count: np)
        var memberSets: [Set<Int32>] = []
        var seatSector = [Double](repeating: 0, count: s.sectorIDs.count)
        var seatTerritory = [Double](repeating: 0, count: s.territoryIDs.count)
        var seatAge = [Double](repeating: 0, count: s.ageGroupIDs.count)
        for i in 0..<ni {
            var set = Set<Int32>()
            for (slot, p32) in r.members[i].enumerated() {
                let p = Int(p32)
                if r.left[p] && !r.memberMandated[i][slot] { continue }
                set.insert(p32)
                instancesOf[p] += 1
                seatSector[s.partners[p].sector] += 1
                seatTerritory[s.partners[p].territory] += 1
                for (a, w) in s.partners[p].ageWeights.enumerated() { seatAge[a] += w }
            }
            memberSets.append(set)
        }
        var jaccards: [Double] = []
        for a in 0..<ni {
            for b in (a + 1)..<Swift.max(a + 1, ni) where !Set(s.instances[a].themes).isDisjoint(with: s.instances[b].themes) {
                let u = memberSets[a].union(memberSets[b]).count
                jaccards.append(u == 0 ? 0 : Double(memberSets[a].intersection(memberSets[b]).count) / Double(u))
            }
        }
        let orgInstances = (0..<np).filter { !isStaff[$0] }.map { Double(instancesOf[$0]) }
        let solicited = instanceSolicited.reduce(0, +), presentTotal = instancePresent.reduce(0, +)
        let leftOrgs = (0..<np).filter { !isStaff[$0] && r.left[$0] }.count
        let meetingsTotal = instanceMeetings.reduce(0, +)
        v.append(mean(orgHours))
        v.append(quantile(sortedHours, 0.9))
        v.append(sortedHours.last ?? .nan)
        v.append(mean(orgRatios))
        v.append(orgRatios.isEmpty ? .nan : Double(orgRatios.filter { $0 > 1 }.count) / Double(orgRatios.count))
        v.append(orgTotal > 0 ? excess / orgTotal : 0)
        v.append(mean(orgInstances))
        v.append(orgInstances.max() ?? .nan)
        v.append(jaccards.isEmpty ? 0 : mean(jaccards))
        v.append(orgTotal > 0 ? duplicatedHours / orgTotal : 0)
        v.append(ratio(Double(presentTotal), Double(solicited)))
        v.append(orgRatios.isEmpty ? .nan : Double(leftOrgs) / Double(orgRatios.count))
        v.append(mean(staffRatios))
        v.append(mean(staffHours))
        v.append(Double(meetingsTotal) / y)
        // Latency.
        let emergedTotal = emerged.reduce(0, +)
        let decidedTotal = decidedCount.reduce(0, +)
        v.append(latency.events > 0 ? latency.eventSum / Double(latency.events) : .nan)
        v.append(latency.events + latency.censored > 0 ? finiteOrNaN(latency.kaplanMeierMedian()) : .nan)
        v.append(latency.eventQuantile(0.9))
        v.append(emergedTotal > 0 ? Double(openCount.reduce(0, +)) / Double(emergedTotal) : .nan)
        v.append(Double(decidedTotal) / y)
        v.append(ratio(Double(meetingsOnDecided), Double(decidedTotal)))
        for m in 0..<4 { v.append(ratio(Double(modes[m]), Double(decidedTotal))) }
        v.append(emergedTotal > 0 ? Double(droppedCount.reduce(0, +)) / Double(emergedTotal) : .nan)
        v.append(Double(instanceQuorumFailures.reduce(0, +)) / y)
        v.append(Double(instanceOverflows.reduce(0, +)) / y)
        v.append(Double(emergedTotal) / y)
        v.append(backlogArea / (y * 365))
        // Representativity.
        let rooms = Double(decisionRooms)
        let sectorShares = sectorShareSum.map { rooms > 0 ? $0 / rooms : 0 }
        let territoryShares = territoryShareSum.map { rooms > 0 ? $0 / rooms : 0 }
        let ageRooms = ageShareSum.reduce(0, +)
        let ageShares = ageShareSum.map { ageRooms > 0 ? $0 / ageRooms : 0 }
        let hasRooms = decisionRooms > 0
        v.append(hasRooms ? Representativity.gallagher(shares: sectorShares, reference: s.sectorReference) : .nan)
        v.append(hasRooms ? Representativity.loosemoreHanby(shares: sectorShares, reference: s.sectorReference) : .nan)
        v.append(hasRooms ? Representativity.gallagher(shares: territoryShares, reference: s.territoryReference) : .nan)
        v.append(hasRooms ? Representativity.loosemoreHanby(shares: territoryShares, reference: s.territoryReference) : .nan)
        let hasAges = hasRooms && ageRooms > 0
        v.append(hasAges ? Representativity.gallagher(shares: ageShares, reference: s.ageReference) : .nan)
        v.append(hasAges ? Representativity.loosemoreHanby(shares: ageShares, reference: s.ageReference) : .nan)
        v.append(hasRooms ? coverage(sectorSeen, s.sectorReference) : .nan)
        v.append(hasRooms ? coverage(territorySeen, s.territoryReference) : .nan)
        v.append(hasAges ? coverage(ageSeen, s.ageReference) : .nan)
        v.append(hasRooms ? sectorCoverageSum / rooms : .nan)
        v.append(hasRooms ? Representativity.blau(sectorCountSum) : .nan)
        v.append(Representativity.gallagher(shares: Representativity.shares(seatSector), reference: s.sectorReference))
        v.append(Representativity.gallagher(shares: Representativity.shares(seatTerritory), reference: s.territoryReference))
        v.append(seatAge.reduce(0, +) > 0 ? Representativity.gallagher(shares: Representativity.shares(seatAge), reference: s.ageReference) : .nan)
        // Per instance.
        for i in 0..<ni {
            let m = Double(instanceMeetings[i])
            v.append(m / y)
            v.append(ratio(Double(instancePresent[i]), Double(instanceSolicited[i])))
            v.append(ratio(Double(instanceSolicited[i]), m))
            v.append(ratio(Double(instancePresent[i]), m))
            v.append(instanceHours[i] / y)
            v.append(Double(instanceQuorumFailures[i]) / y)
            v.append(Double(instanceDecisions[i]) / y)
            v.append(Double(instanceOverflows[i]) / y)
            v.append(Double(instanceCreations[i]) / y)
        }
        // Per issue kind (decision kinds only).
        for k in 0..<nk where s.issueKinds[k].isDecision {
            let h = latencyByKind[k]
            let e = Double(emerged[k])
            v.append(e / y)
            v.append(Double(decidedCount[k]) / y)
            v.append(h.events > 0 ? h.eventSum / Double(h.events) : .nan)
            v.append(h.events + h.censored > 0 ? finiteOrNaN(h.kaplanMeierMedian()) : .nan)
            v.append(h.eventQuantile(0.9))
            v.append(e > 0 ? Double(openCount[k]) / e : .nan)
            v.append(e > 0 ? Double(droppedCount[k]) / e : .nan)
        }
        var d = Diagnostics()
        d.emerged = emergedTotal
        d.decided = decidedTotal
        d.dropped = droppedCount.reduce(0, +)
        d.open = openCount.reduce(0, +)
        d.informationItems = informationItems
        d.partnerHours = partnerHours.reduce(0, +)
        d.meetingHours = instanceHours.reduce(0, +) + surveyHours
        d.surveyHours = surveyHours
        d.meetings = meetingsTotal
        d.maxPresentOverMembers = maxPresentOverMembers
        d.events = r.sim.processed
        d.decisionsByMode = modes
        return ReplicationResult(values: v, latency: latency, partnerLoadRatios: orgRatios,
                                 sectorSharesAtDecisions: hasRooms ? sectorShares : sectorShares.map { _ in .nan }, diagnostics: d)
    }

    private func coverage(_ seen: [Bool], _ reference: [Double]) -> Double {
        var n = 0, c = 0
        for k in seen.indices where reference[k] > 0 { n += 1; if seen[k] { c += 1 } }
        return n > 0 ? Double(c) / Double(n) : .nan
    }
}

/// The KM median is +inf when survival never falls to one half: report it as undefined (NaN),
/// so summaries count how many replications define it.
func finiteOrNaN(_ x: Double) -> Double { x.isFinite ? x : .nan }
