/// Building who sits where: mandatory members, members drawn from another instance, named
/// members, quotas, elected seats and open seats, with a cap per organisation.
extension Replication {
    mutating func buildMemberships() {
        for i in structure.buildOrder { buildMembership(i) }
    }

    private func interest(_ p: Int, instance i: Int) -> Double {
        let themes = structure.instances[i].themes
        if themes.isEmpty { return 1 }
        var m = 0.0
        for t in themes { m = Swift.max(m, structure.partners[p].interest[t]) }
        return m
    }

    private mutating func seat(_ p: Int, in i: Int, mandatory: Bool, mandated: Bool, elected: Bool = false, observer: Bool = false) {
        memberObserver[i].append(observer)
        members[i].append(Int32(p))
        memberMandatory[i].append(mandatory)
        memberMandated[i].append(mandated)
        memberElected[i].append(elected)
        memberInterest[i].append(interest(p, instance: i))
    }

    private mutating func shuffled(_ a: [Int]) -> [Int] {
        var a = a
        if a.count > 1 {
            for k in stride(from: a.count - 1, to: 0, by: -1) {
                let j = rngMembership.index(k + 1)
                a.swapAt(k, j)
            }
        }
        return a
    }

    mutating func buildMembership(_ i: Int) {
        let inst = structure.instances[i]
        let cap = inst.spec.membership.maxPerOrganisation ?? Int.max
        var seated = Set<Int>()
        var perOrg: [Int: Int] = [:]
        func allowed(_ p: Int) -> Bool { !seated.contains(p) && perOrg[structure.partners[p].organisation, default: 0] < cap }
        func take(_ p: Int) { seated.insert(p); perOrg[structure.partners[p].organisation, default: 0] += 1 }

        for p in inst.mandatory where !seated.contains(p) { take(p); seat(p, in: i, mandatory: true, mandated: true) }
        for (src, count) in inst.mandatoryFrom {
            // Prefer organisations over staff when drawing "one member of the comité de coordination".
            let pool = members[src].map(Int.init).filter { !seated.contains($0) }
            let nonStaff = shuffled(pool.filter { !structure.partners[$0].staff })
            let staff = shuffled(pool.filter { structure.partners[$0].staff })
            for p in (nonStaff + staff).prefix(count) { take(p); seat(p, in: i, mandatory: true, mandated: true) }
        }
        for p in inst.named where !seated.contains(p) { take(p); seat(p, in: i, mandatory: false, mandated: true) }
        for p in inst.observers where !seated.contains(p) { take(p); seat(p, in: i, mandatory: false, mandated: true, observer: true) }
        for (count, candidates) in inst.quotas {
            var n = 0
            for p in shuffled(candidates) where n < count && allowed(p) {
                take(p); seat(p, in: i, mandatory: false, mandated: true); n += 1
            }
        }
        if let e = inst.election {
            for p in elect(e.by, seats: e.seats, bySector: e.bySector, byTerritory: e.byTerritory, sectorFirst: e.sectorFirst, excluding: seated, cap: cap, perOrg: perOrg) {
                take(p); seat(p, in: i, mandatory: false, mandated: true, elected: true)
            }
        }
        if inst.spec.membership.open {
            for p in shuffled(inst.openEligible) where allowed(p) {
                take(p); seat(p, in: i, mandatory: false, mandated: false)
            }
            // Keep open seats in partner order so slot order does not depend on the draw.
        }
    }

    /// A balanced election among the active members of `by`: each seat goes to the candidate
    /// whose sector (then territory) is least represented among those already elected.
    func electCandidates(_ by: Int, excluding: Set<Int>) -> [Int] {
        var c: [Int] = []
        for (slot, p32) in members[by].enumerated() {
            let p = Int(p32)
            if excluding.contains(p) { continue }
            if left[p] && !memberMandated[by][slot] { continue }
            c.append(p)
        }
        return c
    }

    mutating func elect(_ by: Int, seats: Int, bySector: Bool, byTerritory: Bool, sectorFirst: Bool,
                        excluding: Set<Int>, cap: Int, perOrg: [Int: Int]) -> [Int] {
        let candidates = shuffled(electCandidates(by, excluding: excluding))
        var chosen: [Int] = []
        var sectorCount: [Int: Int] = [:]
        var territoryCount: [Int: Int] = [:]
        var org = perOrg
        var used = Set<Int>()
        while chosen.count < seats {
            var best = -1
            var bestKey = (Int.max, Int.max)
            for p in candidates where !used.contains(p) && org[structure.partners[p].organisation, default: 0] < cap {
                let s = bySector ? sectorCount[structure.partners[p].sector, default: 0] : 0
                let t = byTerritory ? territoryCount[structure.partners[p].territory, default: 0] : 0
                let key = sectorFirst ? (s, t) : (t, s)
                if key < bestKey { bestKey = key; best = p }
            }
            if best < 0 { break }
            used.insert(best); chosen.append(best)
            sectorCount[structure.partners[best].sector, default: 0] += 1
            territoryCount[structure.partners[best].territory, default: 0] += 1
            org[structure.partners[best].organisation, default: 0] += 1
        }
        return chosen
    }

    /// Re-elects the elected seats of instance `i` at the end of a term.
    mutating func holdElection(_ i: Int, scheduleNext: Bool) {
        guard let e = structure.instances[i].election else { return }
        var keep = Set<Int>()
        var perOrg: [Int: Int] = [:]
        for (slot, p) in members[i].enumerated() where !memberElected[i][slot] {
            keep.insert(Int(p)); perOrg[structure.partners[Int(p)].organisation, default: 0] += 1
        }
        let cap = structure.instances[i].spec.membership.maxPerOrganisation ?? Int.max
        let winners = elect(e.by, seats: e.seats, bySector: e.bySector, byTerritory: e.byTerritory, sectorFirst: e.sectorFirst,
                            excluding: keep, cap: cap, perOrg: perOrg)
        var w = 0
        for slot in members[i].indices where memberElected[i][slot] {
            if w < winners.count {
                members[i][slot] = Int32(winners[w])
                memberInterest[i][slot] = interest(winners[w], instance: i)
                w += 1
            }
        }
        // Positions held on open issues by the previous occupants no longer apply.
        for q in waiting[i] {
            for slot in members[i].indices where memberElected[i][slot] && slot < issues[Int(q)].positions.count {
                issues[Int(q)].positions[slot] = .nan
            }
        }
        if scheduleNext && sim.now + e.termDays <= horizon {
            sim.schedule(at: sim.now + e.termDays, priority: 1, kind: ModelEvent.election.rawValue, subject: Int32(i))
        }
    }
}
