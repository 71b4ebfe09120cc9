import Foundation

/// A meeting of an instance: who attends, what it costs them, whether there is a quorum.
extension Replication {
    mutating func holdMeeting(_ i: Int, extra: Bool) {
        var agendaShare = 1.0
        if extra {
            instances.extraPending[i] = nil
        } else {
            if instanceRules[i].periodDays != nil { scheduleRegular(i) }
            // Organisers short (over capacity, or their post vacant): the meeting is put off,
            // or held with a shorter prepared agenda.
            let shortfall = structure.support.organiserShortfall
            if shortfall != .none && instances.active[i] && organisersShort(i) {
                tally.organiserShortfall(instance: i, at: sim.now)
                if shortfall == .postpone {
                    postpone(i)
                    return
                }
                agendaShare = structure.support.shortenedAgendaShare
            }
            scheduleCoupledChildren(i)
        }
        if instances.active[i] {  // an on-demand instance may not exist now
            meet(i, extra: extra, agendaShare: agendaShare)
        }
        if instanceRules[i].onDemand { dissolveIfIdle(i) }
    }

    /// A regular meeting put off by its organisers' shortfall: held now if they are no longer
    /// short, else put off again.
    mutating func holdPostponedMeeting(_ i: Int) {
        if instances.active[i] && organisersShort(i) {
            postpone(i)
            return
        }
        scheduleCoupledChildren(i)
        if instances.active[i] { meet(i, extra: false, agendaShare: 1) }
        if instanceRules[i].onDemand { dissolveIfIdle(i) }
    }

    /// Puts a regular meeting of `i` off by `postponeDays`; a meeting that would not be held
    /// before the body's next meeting (or the horizon) is cancelled: its agenda waits.
    mutating func postpone(_ i: Int) {
        let t = sim.now + structure.support.postponeDays
        if t < nextMeetingTime(i) && t <= horizon {
            minutes?.postponed(instance: i, at: sim.now)
            sim.schedule(at: t, priority: instanceRules[i].meetingPriority, kind: ModelEvent.postponedMeeting.rawValue, subject: Int32(i))
        } else {
            minutes?.cancelled(instance: i, at: sim.now)
            tally.cancelledMeeting(instance: i, at: sim.now)
        }
    }

    /// The meetings coupled to a regular meeting of `i` (ORBITE's afternoon satellites).
    private mutating func scheduleCoupledChildren(_ i: Int) {
        for c32 in coupledChildren.slice(instanceRules[i].coupledChildren) {
            let c = Int(c32)
            let t = sim.now + instanceRules[c].coupledOffsetDays
            if t <= horizon {
                sim.schedule(at: t, priority: instanceRules[c].meetingPriority, kind: ModelEvent.meeting.rawValue, subject: c32)
            }
        }
    }

    /// Whether staff post `p` is vacant now (its holder left, the post is not filled yet).
    @inline(__always)
    mutating func vacant(_ p: Int) -> Bool { partners.vacantUntil[p] > sim.now }

    /// Whether every organiser of `i` is short: its post vacant, or its hours this month so far
    /// over its capacity. A body without organisers never is.
    mutating func organisersShort(_ i: Int) -> Bool {
        var any = false
        func short(_ p: Int, _ r: inout Replication) -> Bool {
            if r.vacant(p) { return true }
            return r.partners.monthHours[p] > r.partnerRules[p].capacity
        }
        if let org = instanceRules[i].organisers {
            for p in organisers.slice(org) {
                any = true
                if !short(Int(p), &self) { return false }
            }
        } else {
            let first = Int(instanceRules[i].seats.start)
            for slot in 0..<Int(instances.seatCount[i]) where partnerRules[Int(seats[first + slot].partner)].staff {
                any = true
                if !short(Int(seats[first + slot].partner), &self) { return false }
            }
        }
        return any
    }

    /// Attendance, load and quorum, then the agenda.
    private mutating func meet(_ i: Int, extra: Bool, agendaShare: Double) {
        let floor = structure.attendance.interestFloor
        let mandateInterest = structure.attendance.mandateInterest
        let absentFraction = structure.attendance.absentCostFraction
        let baseCost = instanceRules[i].meetingHours + instanceRules[i].preparationHours
        let venue = Int(instanceRules[i].venue)
        let now = sim.now
        var room = rooms.emptyRoom(0)
        var solicited = 0
        var observersPresent = 0
        var voters = 0
        let first = Int(instanceRules[i].seats.start)
        let seatCount = Int(instances.seatCount[i])
        let recording = minutes != nil
        if recording { minutes!.beginMeeting(instance: i, at: now, extra: extra) }
        let absentCost = absentFraction * baseCost
        // Locals for the loop: buffers are plain pointers, and the stream's state and the
        // meeting's hours stay in registers (written back after the loop, same additions).
        var rng = rngAttendance
        var ledger = tally.ledger(instance: i, at: now)
        let left = partners.left, engagement = partners.engagement, lastTravel = partners.lastTravel
        let monthHours = partners.monthHours, prevRatio = partners.prevRatio
        let rules = partnerRules, seats = self.seats, travel = travelHours
        let travelRow = Int(structure.venueColumn[venue])
        let nt = structure.venueCount
        let themes = structure.bodyThemes.view.slice(instanceRules[i].themes)
        let vacantUntil = partners.vacantUntil
        let supportFactor = instanceRules[i].supported ? structure.support.supportAttendanceFactor : 1
        for slot in 0..<seatCount {
            let seat = seats[first + slot]
            let p = Int(seat.partner)
            if left[p] && !seat.mandated { continue }
            if vacantUntil[p] > now { continue }  // a staff post without its holder
            solicited &+= 1
            if !seat.observer { voters &+= 1 }
            let capacity = rules[p].capacity
            // The load ratio (a division) is only needed when it may exceed 1: within capacity
            // the quotient is at most 1 and availability is 1 whatever its exact value.
            let available = prevRatio[p] <= 1 && monthHours[p] <= capacity ? 1 : availability(Swift.max(prevRatio[p], monthHours[p] / capacity))
            let prob: Double
            if seat.mandatory {
                prob = available
            } else {
                let interest = seat.mandated ? Swift.max(mandateInterest, seat.interest) : seat.interest
                prob = Swift.min(1, engagement[p] * available * Swift.max(floor, interest) * supportFactor)
            }
            let cost: Double
            if rng.uniform() < prob {
                let travelled: Bool
                if let last = lastTravel[p] { travelled = last == now } else { travelled = false }
                cost = baseCost + (travelled ? 0 : travel[Int(rules[p].territory) * nt + travelRow])
                lastTravel[p] = now
                if seat.observer { observersPresent &+= 1 } else { room.append(partner: p, slot: slot) }
                if recording { minutes!.attended(partner: p, observer: seat.observer) }
            } else {
                cost = absentCost
                if recording { minutes!.absent(partner: p) }
            }
            monthHours[p] += cost
            ledger.add(partner: p, hours: cost)
            if !themes.isEmpty && coveredElsewhere(partner: p, body: i, themes: themes) { ledger.redundant(partner: p, hours: cost) }
        }
        rngAttendance = rng
        let organiserHours = instanceRules[i].organiserHours
        if let org = instanceRules[i].organisers {
            for p in organisers.slice(org) where !(vacantUntil[Int(p)] > now) {
                monthHours[Int(p)] += organiserHours
                ledger.add(partner: Int(p), hours: organiserHours)
                if recording { minutes!.organised(by: Int(p)) }
            }
        } else {
            for slot in 0..<seatCount where rules[Int(seats[first + slot].partner)].staff {
                let p = Int(seats[first + slot].partner)
                if vacantUntil[p] > now { continue }
                monthHours[p] += organiserHours
                ledger.add(partner: p, hours: organiserHours)
                if recording { minutes!.organised(by: p) }
            }
        }
        tally.close(ledger)
        tally.meeting(instance: i, solicited: solicited, present: room.count + observersPresent, at: now)

        // No chair came: a regular meeting is adjourned (those present have spent their hours)
        // and reconvened later.
        if instanceRules[i].chairAbsencePostpones && !extra {
            let chairs = structure.chairs.view.slice(instanceRules[i].chairs)
            var present = false
            for c in chairs where !present { for k in 0..<room.count where room.partner(k) == Int(c) { present = true; break } }
            if !present {
                if recording { minutes!.quorum(met: false); minutes!.adjourned() }
                tally.organiserShortfall(instance: i, at: now)
                postpone(i)
                return
            }
        }

        let n = room.count
        let quorumMet: Bool
        switch instanceRules[i].quorum {
        case .none: quorumMet = true
        case .present: quorumMet = n >= 1
        case .count(let q): quorumMet = n >= q
        case .share(let share): quorumMet = Double(n) >= (share * Double(voters) - 1e-9).rounded(.up)
        }
        if recording { minutes!.quorum(met: quorumMet) }
        if !quorumMet {
            tally.quorumFailure(instance: i, at: now)
            return
        }
        processAgenda(i, room: room, agendaShare: agendaShare)
    }

    /// Whether partner `p`, solicited by body `i` on `themes`, was already solicited this month
    /// on one of them by another body without a reporting link to `i` (redundancy); records
    /// `i` as covering those themes for `p` this month.
    mutating func coveredElsewhere(partner p: Int, body i: Int, themes: UnsafeBufferPointer<Int32>) -> Bool {
        let nth = structure.themeIDs.count
        let stamp = Int32(currentMonth + 1)
        var redundant = false
        for t in themes {
            let cell = p * nth + Int(t)
            if coverage.month[cell] != stamp { coverage.month[cell] = stamp; coverage.count[cell] = 0 }
            let n = Int(coverage.count[cell])
            var present = false
            for k in 0..<n {
                let b = Int(coverage.bodies[cell * ThemeCoverage.slots + k])
                if b == i { present = true } else if !structure.linked(i, b) { redundant = true }
            }
            if !present && n < ThemeCoverage.slots {
                coverage.bodies[cell * ThemeCoverage.slots + n] = Int32(i)
                coverage.count[cell] = UInt8(n + 1)
            }
        }
        return redundant
    }

    /// An on-demand instance with nothing to do for `dissolveAfterIdleDays` is dissolved (a body
    /// born from a decision with a `lifetimeDays` ends at its lifetime instead).
    mutating func dissolveIfIdle(_ i: Int) {
        if instanceRules[i].lifetimeDays == nil && instances.active[i] && waiting[i].isEmpty && sim.now - instances.lastWork[i] >= instanceRules[i].dissolveAfterIdleDays {
            instances.active[i] = false
        }
    }
}
