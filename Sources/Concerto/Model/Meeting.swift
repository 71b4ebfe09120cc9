/// A meeting of an instance: attendance, load, quorum, agenda.
extension Replication {
    mutating func holdMeeting(_ i: Int, extra: Bool) {
        let inst = structure.instances[i]
        defer { if inst.spec.onDemand { dissolveIfIdle(i) } }
        if extra {
            extraPending[i] = -1
        } else {
            if inst.periodDays != nil { scheduleRegular(i) }
            for c in inst.coupledChildren {
                let child = structure.instances[c]
                let t = sim.now + child.coupledOffsetDays
                if t <= horizon {
                    sim.schedule(at: t, priority: child.priority, kind: ModelEvent.meeting.rawValue, subject: Int32(c))
                }
            }
        }
        if !active[i] { return }  // an on-demand instance that does not exist now
        let spec = inst.spec
        let floor = structure.scenario.attendance.interestFloor
        let mandateInterest = structure.scenario.attendance.mandateInterest
        let absentFraction = structure.scenario.attendance.absentCostFraction
        let baseCost = spec.meetingHours + spec.preparationHours
        present.removeAll(keepingCapacity: true)
        presentSlot.removeAll(keepingCapacity: true)
        var solicited = 0
        var observersPresent = 0
        var voters = 0
        let memberCount = members[i].count
        for slot in 0..<memberCount {
            let p = Int(members[i][slot])
            if left[p] && !memberMandated[i][slot] { continue }
            solicited += 1
            if !memberObserver[i][slot] { voters += 1 }
            let ratio = loadRatio(p)
            let prob: Double
            if memberMandatory[i][slot] {
                prob = ratio <= 1 ? 1 : availability(ratio)
            } else {
                let interest = memberMandated[i][slot] ? Swift.max(mandateInterest, memberInterest[i][slot]) : memberInterest[i][slot]
                prob = engagement[p] * availability(ratio) * Swift.max(floor, interest)
            }
            let attends = rngAttendance.uniform() < prob
            if attends {
                let travel = lastTravel[p] == sim.now ? 0 : structure.travelHours[structure.partners[p].territory * structure.territoryIDs.count + inst.venue]
                lastTravel[p] = sim.now
                addHours(p, baseCost + travel, instance: i)
                if memberObserver[i][slot] { observersPresent += 1 } else { present.append(Int32(p)); presentSlot.append(Int32(slot)) }
            } else {
                addHours(p, absentFraction * baseCost, instance: i)
            }
        }
        if let org = inst.organisers {
            for p in org { addHours(p, spec.organiserHours, instance: i) }
        } else {
            for slot in 0..<memberCount where structure.partners[Int(members[i][slot])].staff {
                addHours(Int(members[i][slot]), spec.organiserHours, instance: i)
            }
        }
        if measuring { tally.meeting(instance: i, solicited: solicited, present: present.count + observersPresent) }

        // Quorum.
        let n = present.count
        let quorumMet: Bool
        switch inst.quorumKind {
        case .none: quorumMet = true
        case .present: quorumMet = n >= 1
        case .count: quorumMet = n >= Int(inst.quorumValue)
        case .share: quorumMet = Double(n) >= (inst.quorumValue * Double(voters) - 1e-9).rounded(.up)
        }
        if !quorumMet {
            if measuring { tally.quorumFailure(instance: i) }
            return
        }
        processAgenda(i)
    }

    /// Takes waiting issues in order (urgent first, then age) while agenda time and the item
    /// limit allow; what does not fit carries over to the next meeting.
    mutating func processAgenda(_ i: Int) {
        let inst = structure.instances[i]
        var timeLeft = inst.agendaHours - inst.spec.fixedAgendaHours
        var items = 0
        var overflow = false
        var w = 0
        inMeeting = true
        pendingInsert.removeAll(keepingCapacity: true)
        meetingPresent.removeAll(keepingCapacity: true)
        meetingPresent.append(contentsOf: present)
        meetingSlot.removeAll(keepingCapacity: true)
        meetingSlot.append(contentsOf: presentSlot)
        let recuse = inst.spec.decisionRule.recuseSameTerritory
        let count = waiting[i].count
        for r in 0..<count {
            let s = Int(waiting[i][r])
            let kind = structure.issueKinds[Int(issues[s].kind)]
            if let drop = kind.dropAfterDays, sim.now - issues[s].emergence > drop {
                endIssue(s, outcome: .dropped)
                continue
            }
            let h = kind.steps[Int(issues[s].step)].act == .inform ? kind.informHours : kind.discussionHours
            let fits = items < inst.maxItems && (h <= timeLeft + 1e-9 || (items == 0 && timeLeft > 0 && inst.maxItems > 0))
            if fits && !meetingPresent.isEmpty {
                items += 1
                timeLeft -= h
                lastWork[i] = sim.now
                if recuse { recuseMembers(territory: Int(issues[s].territory)) }
                let stays = deliberateItem(s, instance: i)
                if recuse { restorePresent() }
                if stays {
                    waiting[i][w] = Int32(s); w += 1
                }
            } else {
                if !meetingPresent.isEmpty { overflow = true }
                waiting[i][w] = Int32(s); w += 1
            }
        }
        waiting[i].removeLast(waiting[i].count - w)
        inMeeting = false
        if overflow && measuring { tally.agendaOverflow(instance: i) }
        for s in pendingInsert { enqueue(Int(s)) }
        pendingInsert.removeAll(keepingCapacity: true)
    }

    /// Those present from the issue's territory step out for this item (no member analyses its own project).
    mutating func recuseMembers(territory t: Int) {
        present.removeAll(keepingCapacity: true)
        presentSlot.removeAll(keepingCapacity: true)
        for k in 0..<meetingPresent.count where t < 0 || structure.partners[Int(meetingPresent[k])].territory != t {
            present.append(meetingPresent[k]); presentSlot.append(meetingSlot[k])
        }
    }

    mutating func restorePresent() {
        present.removeAll(keepingCapacity: true)
        present.append(contentsOf: meetingPresent)
        presentSlot.removeAll(keepingCapacity: true)
        presentSlot.append(contentsOf: meetingSlot)
    }

    /// An on-demand instance with nothing to do for `dissolveAfterIdleDays` is dissolved.
    mutating func dissolveIfIdle(_ i: Int) {
        if active[i] && waiting[i].isEmpty && sim.now - lastWork[i] >= structure.instances[i].spec.dissolveAfterIdleDays {
            active[i] = false
        }
    }

    /// Puts an issue in its instance's waiting list, keeping the order urgent first, then age.
    mutating func enqueue(_ s: Int) {
        if inMeeting { pendingInsert.append(Int32(s)); return }
        let i = Int(issues[s].instance)
        if !active[i] {
            // Created for this work (a sub-satellite, an ad hoc committee).
            active[i] = true
            lastWork[i] = sim.now
            if measuring { tally.created(instance: i) }
        }
        let urgent = issues[s].urgent
        let e = issues[s].emergence
        var pos = waiting[i].count
        while pos > 0 {
            let o = Int(waiting[i][pos - 1])
            let before = (issues[o].urgent && !urgent) || (issues[o].urgent == urgent && (issues[o].emergence < e || (issues[o].emergence == e && o < s)))
            if before { break }
            pos -= 1
        }
        waiting[i].insert(Int32(s), at: pos)
    }
}
