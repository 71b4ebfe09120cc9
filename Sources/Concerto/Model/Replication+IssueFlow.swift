/// Issues from emergence to their end: arrival, each step of the route, urgent delegation,
/// surveys, escalation, decision, drop.
extension Replication {
    /// A free issue slot (the last freed first, else a new one).
    mutating func allocateIssue() -> Int {
        if !issues.free.isEmpty { return Int(issues.free.removeLast()) }
        issues.slots.append(IssueState())
        if bounded { issues.positions.append(repeating: .nan, count: maxSeats) }
        return issues.slots.count - 1
    }

    mutating func arrival(kind k: Int, territory t: Int32?) {
        scheduleArrival(kind: k, territory: t, from: sim.now)
        let s = allocateIssue()
        let urgentShare = kindRules[k].urgentShare
        let urgent = urgentShare > 0 && rngArrivals.uniform() < urgentShare
        issues.created += 1
        // Its theme: the kind's, or drawn from its shares (a number per issue, so the other
        // streams are not shifted).
        var theme: Int32 = -1
        let themes = structure.kindThemes.view.slice(kindRules[k].themes)
        if themes.count == 1 { theme = themes[0].theme } else if themes.count > 1 {
            let u = rngThemes.uniform(UInt64(k), UInt64(issues.created))
            theme = themes[themes.count - 1].theme
            for e in themes where u < e.cumulative { theme = e.theme; break }
        }
        issues.slots[s] = IssueState(id: issues.created, kind: Int32(k), territory: t, theme: theme, step: 0, instance: 0, emergence: sim.now,
                                     attempts: 0, meetings: 0, urgent: urgent, delegated: false, decided: false, active: true)
        tally.emerged(kind: k, decision: kindRules[k].isDecision, at: sim.now)
        minutes?.emerged(issue: issues.created, kind: k, territory: t, theme: theme >= 0 ? Int(theme) : nil, urgent: urgent, at: sim.now)
        enterStep(s)
    }

    /// The instance of the issue's current step.
    mutating func stepInstance(_ s: Int) -> (instance: Int, act: Act) {
        let st = steps[Int(kindRules[Int(issues.slots[s].kind)].steps.start) + Int(issues.slots[s].step)]
        switch st.target {
        case .instance(let i): return (Int(i), st.act)
        case .byTerritory(let table):
            // Validation gives every territory with arrivals of the kind its instance.
            return (Int(stepTargets.slice(table)[Int(issues.slots[s].territory!)]!), st.act)
        case .byTheme(let table):
            // ... and every theme the kind draws its instance.
            return (Int(stepTargets.slice(table)[Int(issues.slots[s].theme)]!), st.act)
        }
    }

    /// Sends the issue to the instance of its current step (or to the urgent delegate, or to a survey).
    mutating func enterStep(_ s: Int) {
        var (i, act) = stepInstance(s)
        // A body that has ended hands its work to its successor (a reform); with none, the
        // issue cannot go on.
        guard let live = current(i) else {
            minutes?.dropped(issue: issues.slots[s].id, at: sim.now, reason: .bodyEnded)
            endIssue(s, outcome: .dropped)
            return
        }
        i = live
        issues.slots[s].delegated = false
        if issues.slots[s].urgent && act.needsDecision && !issues.slots[s].decided, let d32 = instanceRules[i].urgentDelegate,
           nextMeetingTime(i) - sim.now > instanceRules[i].urgentMaxWaitDays {
            // The comité de coordination decides between two Grande Table meetings.
            let d = Int(d32)
            i = d
            issues.slots[s].delegated = true
            let delay = instanceRules[d].extraMeetingDelayDays
            if instanceRules[d].extraMeetings && nextMeetingTime(d) - sim.now > delay {
                let t = sim.now + delay
                if t <= horizon {
                    instances.extraPending[d] = t
                    sim.schedule(at: t, priority: instanceRules[d].meetingPriority, kind: ModelEvent.extraMeeting.rawValue, subject: d32)
                }
            }
        }
        setInstance(s, i)
        let survey = instanceRules[i].decision.surveyShare
        if (act == .decide || act == .ratify) && survey > 0 && rngSurvey.uniform() < survey {
            // Exceptional case: an individual survey of the members.
            sim.schedule(at: sim.now + instanceRules[i].decision.surveyDays, priority: EventPriority.surveyClose.rawValue,
                         kind: ModelEvent.surveyClose.rawValue, payload: Int64(s))
            return
        }
        enqueue(s)
    }

    /// The issue moves to instance `i`: its attempts restart and its members' positions are unknown.
    mutating func setInstance(_ s: Int, _ i: Int) {
        issues.slots[s].instance = Int32(i)
        issues.slots[s].attempts = 0
        issues.slots[s].skipped = false
        if bounded { forgetPositions(s, seats: Int(instances.seatCount[i])) }
    }

    /// Escalation after a failed vote: the same act moves to another instance.
    mutating func moveToInstance(_ s: Int, _ i: Int) {
        setInstance(s, i)
        enqueue(s)
    }

    /// The step succeeded with `room` in the room.
    mutating func succeed(_ s: Int, mode: DecisionMode, instance i: Int, room: Room) {
        let boost = structure.engagement.decisionBoost
        if boost > 0 {
            for m in 0..<room.count {
                let p = room.partner(m)
                partners.engagement[p] = Swift.min(1, partners.engagement[p] + boost)
            }
        }
        tally.decisionRoom(room, instance: i, at: sim.now)
        let k = Int(issues.slots[s].kind)
        if let last = kindRules[k].lastDecisionStep, issues.slots[s].step == last {
            issues.slots[s].decided = true
            let final: DecisionMode = issues.slots[s].delegated ? .delegated : mode
            tally.decided(kind: k, emergence: issues.slots[s].emergence, at: sim.now, mode: final, meetings: Int(issues.slots[s].meetings))
            if kindRules[k].creates != nil { createBody(forIssue: s) }
            minutes?.decided(issue: issues.slots[s].id, at: sim.now, mode: final)
        }
        advance(s)
    }

    /// Moves the issue to its next step, or ends it after its last step.
    mutating func advance(_ s: Int) {
        issues.slots[s].step += 1
        if issues.slots[s].step >= kindRules[Int(issues.slots[s].kind)].steps.count {
            endIssue(s, outcome: .decided)
            return
        }
        enterStep(s)
    }

    /// Ends an issue exactly once and frees its slot.
    mutating func endIssue(_ s: Int, outcome: IssueOutcome) {
        precondition(issues.slots[s].active, "an issue ended twice")
        let k = Int(issues.slots[s].kind)
        let emergence = issues.slots[s].emergence
        if outcome == .dropped && !issues.slots[s].decided && kindRules[k].isDecision {
            tally.dropped(kind: k, emergence: emergence, at: sim.now)
        }
        tally.ended(emergence: emergence)
        minutes?.ended(issue: issues.slots[s].id, at: sim.now)
        issues.slots[s].active = false
        issues.free.append(Int32(s))
    }

    /// A survey of the voting members of the issue's instance closes: each answers with
    /// probability equal to its engagement; the respondents are the room that decides (or not).
    mutating func closeSurvey(slot s: Int) {
        let i = Int(issues.slots[s].instance)
        let k = Int(issues.slots[s].kind)
        let hours = structure.attendance.surveyHours
        var room = rooms.emptyRoom(2)
        let first = Int(instanceRules[i].seats.start)
        for slot in 0..<Int(instances.seatCount[i]) {
            let seat = seats[first + slot]
            let p = Int(seat.partner)
            // Observers do not vote: they are not surveyed.
            if seat.observer || (partners.left[p] && !seat.mandated) || vacant(p) { continue }
            if rngSurvey.uniform() < partners.engagement[p] {
                room.append(partner: p, slot: slot)
                partners.monthHours[p] += hours
                tally.addSurveyHours(partner: p, hours: hours, at: sim.now)
            }
        }
        let (votesFor, cast) = countVote(s, kind: k, room: room, drawn: true, byOrganisation: instanceRules[i].decision.byOrganisation)
        let passed = !room.isEmpty && instanceRules[i].decision.carries(votesFor: votesFor, present: cast)
        minutes?.survey(issue: issues.slots[s].id, step: issues.slots[s].step, delegated: issues.slots[s].delegated, instance: i, at: sim.now, respondents: room, passed: passed)
        if passed {
            succeed(s, mode: .survey, instance: i, room: room)
        } else {
            enqueue(s)
        }
    }
}
