/// The calendar of a replication: monthly ticks, regular meetings (nominal time, jitter, break
/// months), couplings, elections and issue arrivals.
extension Replication {
    /// Schedules everything known at day 0. The order of scheduling matters: events at the same
    /// time and priority run in the order they were scheduled.
    mutating func scheduleInitialEvents() {
        // The end of the first simulated month (each tick schedules the next).
        scheduleMonthTick(ending: 0)
        for i in 0..<instanceRules.count {
            if let period = instanceRules[i].periodDays {
                // From its start (day 0 for most bodies).
                instances.firstNominal[i] = instanceRules[i].startDay + (instanceRules[i].firstMeetingDay ?? rngSchedule.uniform() * period)
                instances.nominalIndex[i] = 0
                scheduleRegular(i)
            }
            if instanceRules[i].startDay > 0 && instanceRules[i].startDay <= horizon {
                sim.schedule(at: instanceRules[i].startDay, priority: EventPriority.phase.rawValue, kind: ModelEvent.bodyStart.rawValue, subject: Int32(i))
            }
            if instanceRules[i].endDay <= horizon {
                sim.schedule(at: instanceRules[i].endDay, priority: EventPriority.phase.rawValue, kind: ModelEvent.bodyEnd.rawValue, subject: Int32(i))
            }
            if let e = instanceRules[i].election {
                sim.schedule(at: e.termDays, priority: EventPriority.election.rawValue, kind: ModelEvent.election.rawValue, subject: Int32(i))
            }
        }
        for k in 0..<kindRules.count where kindRules[k].ratePerYear > 0 {
            let territories = structure.kindTerritories.view.slice(kindRules[k].territories)
            let from = kindRules[k].startDay
            if territories.isEmpty {
                scheduleArrival(kind: k, territory: nil, from: from)
            } else {
                for t in territories { scheduleArrival(kind: k, territory: t, from: from) }
            }
        }
    }

    /// Schedules the tick that ends simulated month `index` (at the start of month `index + 1`),
    /// if it falls within the horizon. Ticks are scheduled one at a time, so the calendar holds
    /// one; their priority is unique, so when they are scheduled never changes the order of events.
    mutating func scheduleMonthTick(ending index: Int) {
        // The horizon is at most 400 years (validation), so the conversion is exact.
        let lastTick = Int((horizon / 365 * 12).rounded(.up)) + 1
        let t = months.startOfMonth(index + 1)
        if index + 1 <= lastTick && t <= horizon + 1e-9 {
            sim.schedule(at: t, priority: EventPriority.monthTick.rawValue, kind: ModelEvent.monthTick.rawValue, payload: Int64(index))
        }
    }

    /// Schedules the next arrival of kind `k` (in territory `t`) after `time`.
    mutating func scheduleArrival(kind k: Int, territory t: Int32?, from time: Double) {
        let rate = kindRules[k].ratePerYear / 365
        let at = time + rngArrivals.exponential(rate: rate)
        if at <= horizon && at < kindRules[k].endDay {
            sim.schedule(at: at, priority: EventPriority.arrival.rawValue, kind: ModelEvent.arrival.rawValue, subject: Int32(k),
                         payload: t.map { Int64($0) + 1 } ?? 0)
        }
    }

    /// Schedules the next regular meeting of instance `i` (nominal time plus jitter, moved out
    /// of break months; the other meetings that would fall in the break are cancelled).
    mutating func scheduleRegular(_ i: Int) {
        guard let period = instanceRules[i].periodDays else { return }
        let jitter = instanceRules[i].jitterDays
        let breaks = instanceRules[i].breakMonths
        while true {
            let nominal = instances.firstNominal[i] + Double(instances.nominalIndex[i]) * period
            instances.nominalIndex[i] += 1
            if nominal > horizon { instances.nextMeeting[i] = .infinity; return }
            var t = nominal
            if jitter > 0 { t += rngSchedule.uniform(-jitter, jitter) }
            let open = months.firstOpenDay(from: Swift.max(t, sim.now), breaks: breaks)
            if open > t {
                while instances.firstNominal[i] + Double(instances.nominalIndex[i]) * period < open + 0.5 * period { instances.nominalIndex[i] += 1 }
            }
            t = open
            if t < sim.now { continue }
            if t > horizon || t >= instanceRules[i].endDay { instances.nextMeeting[i] = .infinity; return }
            instances.nextMeeting[i] = t
            sim.schedule(at: t, priority: instanceRules[i].meetingPriority, kind: ModelEvent.meeting.rawValue, subject: Int32(i))
            return
        }
    }

    /// When instance `i` next meets (following couplings up to the instance with a schedule,
    /// or an extra meeting already called).
    mutating func nextMeetingTime(_ i: Int) -> Double {
        var j = i
        var offset = 0.0
        var depth = 0
        while let c = instanceRules[j].coupledTo, depth < 64 {
            offset += instanceRules[j].coupledOffsetDays
            j = Int(c)
            depth += 1
        }
        var t = instances.nextMeeting[j] + offset
        if let extra = instances.extraPending[i], extra >= sim.now { t = Swift.min(t, extra) }
        return t
    }
}
