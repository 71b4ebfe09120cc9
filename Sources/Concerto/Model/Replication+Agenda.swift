/// The agenda of a meeting: waiting issues are taken in order (urgent first, then items passed
/// over at the last meeting, then age) while agenda time and the item limit allow, by the
/// body's `AgendaPolicy`; what does not fit carries over to the next meeting.
extension Replication {
    /// `agendaShare`: the share of the agenda time prepared (below 1 when organisers were short).
    mutating func processAgenda(_ i: Int, room meetingRoom: Room, agendaShare: Double) {
        var timeLeft = (instanceRules[i].agendaHours - instanceRules[i].fixedAgendaHours) * agendaShare
        let maxItems = instanceRules[i].maxItems
        let recuse = instanceRules[i].decision.recuseSameTerritory
        let now = sim.now
        var items = 0
        var overflow = false
        var kept = 0
        let policy = instanceRules[i].agendaPolicy
        var closed = false      // inOrder: an item did not fit, the agenda is closed
        var reorder = false     // priorityThenAge: an item was passed over for the first time
        inAgenda = true
        pending.removeAll()
        let count = waiting[i].count
        for r in 0..<count {
            let s = Int(waiting[i][r])
            let k = Int(issues.slots[s].kind)
            if let drop = kindRules[k].dropAfterDays, now - issues.slots[s].emergence > drop {
                minutes?.dropped(issue: issues.slots[s].id, at: now, reason: .deadline)
                endIssue(s, outcome: .dropped)
                continue
            }
            let act = steps[Int(kindRules[k].steps.start) + Int(issues.slots[s].step)].act
            let h = act == .inform ? kindRules[k].informHours : kindRules[k].discussionHours
            let fits = !closed && items < maxItems && (h <= timeLeft + 1e-9 || (items == 0 && timeLeft > 0 && maxItems > 0))
            if fits && !meetingRoom.isEmpty {
                items += 1
                timeLeft -= h
                instances.lastWork[i] = now
                let room = recuse ? recused(meetingRoom, territory: issues.slots[s].territory) : meetingRoom
                if deliberateItem(s, instance: i, room: room) {
                    waiting[i][kept] = Int32(s); kept += 1
                }
            } else {
                if !meetingRoom.isEmpty {
                    overflow = true
                    switch policy {
                    case .inOrder: closed = true
                    case .skipLong: break
                    case .priorityThenAge:
                        // Passed over once, it keeps its place ahead of younger items: if it
                        // does not fit again, nothing behind it is taken.
                        if issues.slots[s].skipped { closed = true } else { issues.slots[s].skipped = true; reorder = true }
                    }
                }
                waiting[i][kept] = Int32(s); kept += 1
            }
        }
        waiting[i].truncate(to: kept)
        if reorder {
            // Insertion sort by the waiting order (few items; stable for equal keys).
            for a in 1..<Swift.max(1, kept) {
                let s = waiting[i][a]
                var b = a
                while b > 0 && waitsBefore(Int(s), Int(waiting[i][b - 1])) { waiting[i][b] = waiting[i][b - 1]; b -= 1 }
                waiting[i][b] = s
            }
        }
        inAgenda = false
        if overflow { tally.agendaOverflow(instance: i, at: now) }
        for q in 0..<pending.count { enqueue(Int(pending[q])) }
        pending.removeAll()
    }

    /// The meeting's room without the members from territory `t`: no member analyses its own
    /// project (Lanaudière analysis committee).
    mutating func recused(_ room: Room, territory t: Int32?) -> Room {
        var item = rooms.emptyRoom(1)
        for k in 0..<room.count where t == nil || partnerRules[room.partner(k)].territory != t! {
            item.append(partner: room.partner(k), slot: room.slot(k))
        }
        return item
    }

    /// Puts an issue in its instance's waiting list, keeping the waiting order (`waitsBefore`).
    /// During an agenda, the issue waits in `pending` until the agenda is done.
    mutating func enqueue(_ s: Int) {
        if inAgenda { pending.append(Int32(s)); return }
        let i = Int(issues.slots[s].instance)
        if !instances.active[i] && instanceRules[i].onDemand && !instanceRules[i].bornFromDecision {
            // Created for this work (a sub-satellite, an ad hoc committee).
            instances.active[i] = true
            instances.lastWork[i] = sim.now
            tally.created(instance: i, at: sim.now)
        }
        var pos = waiting[i].count
        while pos > 0 && waitsBefore(s, Int(waiting[i][pos - 1])) { pos -= 1 }
        waiting[i].insert(Int32(s), at: pos)
    }

    /// The waiting order: urgent first, then items passed over at the last meeting
    /// (`priorityThenAge`), then by emergence, then slot.
    @inline(__always)
    mutating func waitsBefore(_ a: Int, _ b: Int) -> Bool {
        let x = issues.slots[a], y = issues.slots[b]
        if x.urgent != y.urgent { return x.urgent }
        if x.skipped != y.skipped { return x.skipped }
        if x.emergence != y.emergence { return x.emergence < y.emergence }
        return a < b
    }
}
