/// The agenda of a meeting: waiting issues are taken in order (urgent first, then age) while
/// agenda time and the item limit allow; what does not fit carries over to the next meeting.
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
            let fits = items < maxItems && (h <= timeLeft + 1e-9 || (items == 0 && timeLeft > 0 && maxItems > 0))
            if fits && !meetingRoom.isEmpty {
                items += 1
                timeLeft -= h
                instances.lastWork[i] = now
                let room = recuse ? recused(meetingRoom, territory: issues.slots[s].territory) : meetingRoom
                if deliberateItem(s, instance: i, room: room) {
                    waiting[i][kept] = Int32(s); kept += 1
                }
            } else {
                if !meetingRoom.isEmpty { overflow = true }
                waiting[i][kept] = Int32(s); kept += 1
            }
        }
        waiting[i].truncate(to: kept)
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

    /// Puts an issue in its instance's waiting list, keeping the order urgent first, then age
    /// (then slot). During an agenda, the issue waits in `pending` until the agenda is done.
    mutating func enqueue(_ s: Int) {
        if inAgenda { pending.append(Int32(s)); return }
        let i = Int(issues.slots[s].instance)
        if !instances.active[i] {
            // Created for this work (a sub-satellite, an ad hoc committee).
            instances.active[i] = true
            instances.lastWork[i] = sim.now
            tally.created(instance: i, at: sim.now)
        }
        let urgent = issues.slots[s].urgent
        let e = issues.slots[s].emergence
        var pos = waiting[i].count
        while pos > 0 {
            let o = Int(waiting[i][pos - 1])
            let ou = issues.slots[o].urgent, oe = issues.slots[o].emergence
            let before = (ou && !urgent) || (ou == urgent && (oe < e || (oe == e && o < s)))
            if before { break }
            pos -= 1
        }
        waiting[i].insert(Int32(s), at: pos)
    }
}
