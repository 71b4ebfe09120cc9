/// The end of a replication: issues still open are censored at the horizon, and the measures
/// are computed from a snapshot of what was tallied and of who still sits where.
extension Replication {
    mutating func finish() -> ReplicationResult {
        for s in 0..<issues.slots.count where issues.slots[s].active {
            let k = Int(issues.slots[s].kind)
            if kindRules[k].isDecision && !issues.slots[s].decided {
                tally.open(kind: k, emergence: issues.slots[s].emergence, horizon: horizon, stuckAfterDays: kindRules[k].stuckAfterDays)
            }
        }
        tally.backlogStep(0, at: horizon)
        // Hours of the month still open at the horizon (meetings on its last day, after the
        // last month end) go to the last year of the breakdown.
        let lastYear = Swift.min(currentMonth / 12, tally.yearCount - 1)
        for p in 0..<partnerRules.count where partners.monthHours[p] > 0 {
            tally.yearMonth(lastYear, partner: p, hours: partners.monthHours[p])
        }
        let parts = distributions ? catalog.parts.union(ReplicationSnapshot.resultParts) : catalog.parts
        var sortScratch = tally.sortedLatencies
        let snapshot = ReplicationSnapshot(structure: structure, tally: tally, parts: parts,
                                           final: parts.contains(.seats) ? finalState() : nil, sortScratch: &sortScratch)
        tally.sortedLatencies = sortScratch
        let d = Diagnostics(snapshot: snapshot, tally: tally, structure: structure, events: sim.processed)
        guard distributions else {
            return ReplicationResult(values: catalog.values(snapshot), latency: nil, partnerLoadRatios: [], sectorSharesAtDecisions: [], diagnostics: d)
        }
        return ReplicationResult(values: catalog.values(snapshot), latency: LatencySample(snapshot.latency),
                                 partnerLoadRatios: snapshot.organisationLoadRatios,
                                 sectorSharesAtDecisions: snapshot.hasRooms ? snapshot.sectorShares : snapshot.sectorShares.map { _ in .nan },
                                 diagnostics: d)
    }

    /// Who still sits where at the horizon (members who left keep only mandated seats). Bodies
    /// that do not exist at the horizon have no members: ended or not yet started (phases,
    /// reforms), and bodies born from decisions that do not exist now.
    mutating func finalState() -> ReplicationSnapshot.FinalState {
        var members: [[Int32]] = []
        members.reserveCapacity(instanceRules.count)
        for i in 0..<instanceRules.count {
            let first = Int(instanceRules[i].seats.start)
            var list: [Int32] = []
            let exists = instanceRules[i].endDay > horizon && instanceRules[i].startDay <= horizon
                && !(instanceRules[i].bornFromDecision && !instances.active[i])
            if !exists { members.append(list); continue }
            list.reserveCapacity(Int(instances.seatCount[i]))
            for slot in 0..<Int(instances.seatCount[i]) {
                let seat = seats[first + slot]
                if partners.left[Int(seat.partner)] && !seat.mandated { continue }
                list.append(seat.partner)
            }
            members.append(list)
        }
        var left = 0
        var flags: [Bool] = []
        for p in 0..<partnerRules.count where !partnerRules[p].staff {
            flags.append(partners.left[p])
            if partners.left[p] { left += 1 }
        }
        return .init(activeMembers: members, organisationsLeft: left, organisationLeft: flags)
    }

    /// The state a test reads after a run: the tally's per-partner hours.
    public var partnerHours: [Double] { tally.partnerHours.array }
    /// The tally's per-partner hours outside the structure (other tables, background load).
    public var partnerOutsideHours: [Double] { tally.partnerOutsideHours.array }
    /// Each partner's background load drawn for this replication (hours a month).
    public var backgroundHours: [Double] { partners.background.array }
    /// Per-sector sums of shares at decisions (tests).
    public var sectorShareSums: [Double] { tally.sectorShareSum.array }
    /// Per-territory sums of shares at decisions (tests).
    public var territoryShareSums: [Double] { tally.territoryShareSum.array }
}
