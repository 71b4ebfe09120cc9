import Foundation

/// Who sits where: mandatory members, members drawn from another instance, named members,
/// observers, quotas, elected seats and open seats, with a cap per organisation. Built once per
/// replication (elections renew elected seats during the run), in scratch buffers: no allocation.
extension Replication {
    mutating func buildMemberships() {
        for i in structure.buildOrder { buildMembership(i) }
    }

    /// The partner's interest in the instance's themes (1 when the instance has none).
    mutating func interest(_ p: Int, instance i: Int) -> Double {
        let themes = structure.instances[i].themes
        if themes.isEmpty { return 1 }
        var m = 0.0
        for t in themes { m = Swift.max(m, structure.partners[p].interest[t]) }
        return m
    }

    private mutating func newStamp() {
        scratch.stamp &+= 1
        if scratch.stamp == 0 {
            scratch.seated.fill(0); scratch.used.fill(0); scratch.orgStamp.fill(0); scratch.electOrgStamp.fill(0)
            scratch.stamp = 1
        }
    }

    private mutating func isSeated(_ p: Int) -> Bool { scratch.seated[p] == scratch.stamp }
    private mutating func seatsOfOrganisation(_ o: Int) -> Int { scratch.orgStamp[o] == scratch.stamp ? scratch.perOrg[o] : 0 }

    /// Partner `p` takes a seat on instance `i`.
    private mutating func seat(_ p: Int, in i: Int, mandatory: Bool, mandated: Bool, elected: Bool = false, observer: Bool = false) {
        scratch.seated[p] = scratch.stamp
        let o = Int(partnerRules[p].organisation)
        scratch.perOrg[o] = seatsOfOrganisation(o) + 1
        scratch.orgStamp[o] = scratch.stamp
        let slot = Int(instances.seatCount[i])
        assert(slot < Int(instanceRules[i].seats.count), "seat block overflow")
        seats[Int(instanceRules[i].seats.start) + slot] = Seat(partner: Int32(p), mandatory: mandatory, mandated: mandated,
                                                               observer: observer, elected: elected, interest: interest(p, instance: i))
        instances.seatCount[i] += 1
    }

    /// Shuffles `list` in place (Fisher–Yates from the end, with the membership stream).
    private mutating func shuffle(_ list: inout GrowableBuffer<Int32>) {
        if list.count > 1 {
            for k in stride(from: list.count - 1, to: 0, by: -1) {
                let j = rngMembership.index(k + 1)
                let x = list[k]; list[k] = list[j]; list[j] = x
            }
        }
    }

    /// Shuffles `list[from ..< to]` in place (Fisher–Yates from the end, with the membership stream).
    private mutating func shuffleRange(_ list: inout GrowableBuffer<Int32>, _ from: Int, _ to: Int) {
        if to - from > 1 {
            for k in stride(from: to - 1, to: from, by: -1) {
                let j = from + rngMembership.index(k - from + 1)
                let x = list[k]; list[k] = list[j]; list[j] = x
            }
        }
    }

    mutating func buildMembership(_ i: Int) {
        let m = structure.instances[i].membership
        let cap = m.maxPerOrganisation ?? Int.max
        newStamp()
        func allowed(_ p: Int) -> Bool { !isSeated(p) && seatsOfOrganisation(Int(partnerRules[p].organisation)) < cap }

        for p in m.mandatory where !isSeated(p) { seat(p, in: i, mandatory: true, mandated: true) }
        for d in m.mandatoryFrom {
            let src = d.instance
            // « un ou deux »: how many, drawn per replication.
            let count = d.countMax > d.count ? d.count + rngMembership.index(d.countMax - d.count + 1) : d.count
            var taken = 0
            let first = Int(instanceRules[src].seats.start)
            func sitsOnSource(_ p: Int) -> Bool {
                for slot in 0..<Int(instances.seatCount[src]) where Int(seats[first + slot].partner) == p { return true }
                return false
            }
            // Designated delegates first, in order.
            for p in d.named where taken < count && !isSeated(p) && sitsOnSource(p) {
                seat(p, in: i, mandatory: d.mandatory, mandated: true)
                taken += 1
            }
            if taken >= count { continue }
            // Then at random: those with the role, then organisations, then staff ("one member
            // of the comité de coordination" is an organisation's delegate).
            var preferred = scratch.list, staff = scratch.list2
            preferred.removeAll(); staff.removeAll()
            var roleCount = 0
            for slot in 0..<Int(instances.seatCount[src]) {
                let p = Int(seats[first + slot].partner)
                if isSeated(p) { continue }
                if let role = d.role, structure.partners[p].role == role { preferred.insert(Int32(p), at: roleCount); roleCount += 1 }
                else if partnerRules[p].staff { staff.append(Int32(p)) } else { preferred.append(Int32(p)) }
            }
            shuffleRange(&preferred, 0, roleCount)
            shuffleRange(&preferred, roleCount, preferred.count)
            shuffle(&staff)
            for q in 0..<(preferred.count + staff.count) where taken < count {
                let p = Int(q < preferred.count ? preferred[q] : staff[q - preferred.count])
                seat(p, in: i, mandatory: d.mandatory, mandated: true)
                taken += 1
            }
            scratch.list = preferred; scratch.list2 = staff
        }
        for p in m.named where !isSeated(p) { seat(p, in: i, mandatory: false, mandated: true) }
        for p in m.observers where !isSeated(p) { seat(p, in: i, mandatory: false, mandated: true, observer: true) }
        for (count, candidates) in m.quotas {
            var list = scratch.list
            list.removeAll()
            for p in candidates { list.append(Int32(p)) }
            shuffle(&list)
            var n = 0
            for q in 0..<list.count where n < count && allowed(Int(list[q])) {
                seat(Int(list[q]), in: i, mandatory: false, mandated: true)
                n += 1
            }
            scratch.list = list
        }
        if let e = instanceRules[i].election {
            elect(e, excludingSeatedOf: i, cap: cap)
            for q in 0..<scratch.chosen.count { seat(Int(scratch.chosen[q]), in: i, mandatory: false, mandated: true, elected: true) }
        }
        if m.open {
            var list = scratch.list
            list.removeAll()
            for p in m.openEligible { list.append(Int32(p)) }
            shuffle(&list)
            // Open seats up to the body's seats (vacant ones held by nobody).
            let room = m.seats.map { $0 - m.vacantCount } ?? Int.max
            for q in 0..<list.count where allowed(Int(list[q])) && Int(instances.seatCount[i]) < room {
                seat(Int(list[q]), in: i, mandatory: false, mandated: false)
            }
            scratch.list = list
        }
    }

    /// A balanced election among the active members of `e.by` not marked seated (the current
    /// stamp): each seat goes to the candidate whose sector (then territory) is least
    /// represented among those already elected, within the cap per organisation (counting the
    /// seats marked so far). The winners are left in `scratch.chosen`, in order.
    private mutating func elect(_ e: ElectionRule, excludingSeatedOf i: Int, cap: Int) {
        var candidates = scratch.list2
        candidates.removeAll()
        let by = Int(e.by)
        let first = Int(instanceRules[by].seats.start)
        for slot in 0..<Int(instances.seatCount[by]) {
            let seat = seats[first + slot]
            let p = Int(seat.partner)
            if isSeated(p) { continue }
            if partners.left[p] && !seat.mandated { continue }
            candidates.append(Int32(p))
        }
        shuffle(&candidates)
        // Election counts start from the seats already marked (by organisation).
        scratch.sectorCount.fill(0)
        scratch.territoryCount.fill(0)
        for q in 0..<candidates.count { scratch.used[Int(candidates[q])] = 0 }
        func orgCount(_ o: Int) -> Int { scratch.electOrgStamp[o] == scratch.stamp ? scratch.electOrg[o] : seatsOfOrganisation(o) }
        var chosen = scratch.chosen
        chosen.removeAll()
        while chosen.count < Int(e.seats) {
            var best: Int? = nil
            var bestKey = (Int.max, Int.max)
            for q in 0..<candidates.count {
                let p = Int(candidates[q])
                if scratch.used[p] == scratch.stamp || orgCount(Int(partnerRules[p].organisation)) >= cap { continue }
                let s = e.bySector ? scratch.sectorCount[Int(partnerRules[p].sector)] : 0
                let t = e.byTerritory ? scratch.territoryCount[Int(partnerRules[p].territory)] : 0
                let key = e.sectorFirst ? (s, t) : (t, s)
                if key < bestKey { bestKey = key; best = p }
            }
            guard let b = best else { break }
            scratch.used[b] = scratch.stamp
            chosen.append(Int32(b))
            scratch.sectorCount[Int(partnerRules[b].sector)] += 1
            scratch.territoryCount[Int(partnerRules[b].territory)] += 1
            let o = Int(partnerRules[b].organisation)
            scratch.electOrg[o] = orgCount(o) + 1
            scratch.electOrgStamp[o] = scratch.stamp
        }
        scratch.chosen = chosen
        scratch.list2 = candidates
    }

    /// Renews the elected seats of instance `i` at the end of a term.
    mutating func holdElection(_ i: Int, scheduleNext: Bool) {
        guard let e = instanceRules[i].election else { return }
        // The members not elected stay; they count against the cap and cannot be elected.
        newStamp()
        let first = Int(instanceRules[i].seats.start)
        let n = Int(instances.seatCount[i])
        for slot in 0..<n where !seats[first + slot].elected {
            let p = Int(seats[first + slot].partner)
            let o = Int(partnerRules[p].organisation)
            if !isSeated(p) {
                scratch.seated[p] = scratch.stamp
            }
            scratch.perOrg[o] = seatsOfOrganisation(o) + 1
            scratch.orgStamp[o] = scratch.stamp
        }
        let cap = structure.instances[i].membership.maxPerOrganisation ?? Int.max
        elect(e, excludingSeatedOf: i, cap: cap)
        var w = 0
        for slot in 0..<n where seats[first + slot].elected {
            if w < scratch.chosen.count {
                let p = Int(scratch.chosen[w])
                seats[first + slot].partner = Int32(p)
                seats[first + slot].interest = interest(p, instance: i)
                w += 1
            }
        }
        // Positions held on waiting issues by the previous occupants no longer apply.
        if bounded {
            for q in 0..<waiting[i].count {
                let positions = positionsOf(Int(waiting[i][q]))
                for slot in 0..<n where seats[first + slot].elected { positions[slot] = .nan }
            }
        }
        if scheduleNext && sim.now + e.termDays <= horizon {
            sim.schedule(at: sim.now + e.termDays, priority: EventPriority.election.rawValue, kind: ModelEvent.election.rawValue, subject: Int32(i))
        }
    }

    /// Month `index` ends: partners join the bodies open to joining (`joinRatePerYear` times
    /// their interest, while the body has room). The number a partner draws for a body in a
    /// month is keyed by (partner, month, body), so variants keep common random numbers.
    mutating func joinBodies(month index: Int) {
        let n = UInt64(instanceRules.count)
        let candidates = structure.joinCandidates.view
        for (b, i) in structure.joiningBodies.enumerated() where instances.active[i] {
            let m = structure.instances[i].membership
            let room = m.seats.map { $0 - m.vacantCount } ?? Int.max
            let first = Int(instanceRules[i].seats.start)
            // Mark who sits there (a fresh stamp), and count the active members.
            newStamp()
            var members = 0
            for slot in 0..<Int(instances.seatCount[i]) {
                let seat = seats[first + slot]
                scratch.seated[Int(seat.partner)] = scratch.stamp
                if !(partners.left[Int(seat.partner)] && !seat.mandated) { members += 1 }
            }
            let range = structure.joiningRanges[b]
            for c in candidates.slice(range) where members < room {
                let p = Int(c.partner)
                if partners.left[p] || scratch.seated[p] == scratch.stamp { continue }
                if rngJoin.uniform(UInt64(p), UInt64(index) &* n &+ UInt64(i)) < c.monthly {
                    let slot = Int(instances.seatCount[i])
                    seats[first + slot] = Seat(partner: Int32(p), mandatory: false, mandated: false, observer: false, elected: false,
                                               interest: interest(p, instance: i))
                    instances.seatCount[i] += 1
                    scratch.seated[p] = scratch.stamp
                    members += 1
                    tally.joined(instance: i, at: sim.now)
                }
            }
        }
    }
}
