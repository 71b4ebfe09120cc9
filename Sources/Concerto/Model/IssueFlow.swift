/// Issues from emergence to their end: arrival, each step of the route, urgent delegation,
/// surveys, escalation, decision, drop.
extension Replication {
    mutating func allocateIssue() -> Int {
        if let s = freeSlots.popLast() { return Int(s) }
        issues.append(IssueState())
        return issues.count - 1
    }

    mutating func arrival(kind k: Int, territory t: Int) {
        scheduleArrival(kind: k, territory: t, from: sim.now)
        let kind = structure.issueKinds[k]
        let s = allocateIssue()
        let urgent = kind.urgentShare > 0 && rngArrivals.uniform() < kind.urgentShare
        var positions = issues[s].positions
        issues[s].positions = []
        positions.removeAll(keepingCapacity: true)
        issues[s] = IssueState(kind: Int32(k), territory: Int32(t), step: 0, instance: -1, emergence: sim.now,
                               attempts: 0, meetings: 0, urgent: urgent, delegated: false, measured: measuring,
                               decided: false, active: true, positions: positions)
        if issues[s].measured {
            tally.emerged(kind: k, decision: kind.isDecision)
            if kind.isDecision { tally.backlogStep(1, at: sim.now) }
        }
        enterStep(s)
    }

    /// Sends the issue to the instance of its current step (or to the urgent delegate, or to a survey).
    mutating func enterStep(_ s: Int) {
        let kind = structure.issueKinds[Int(issues[s].kind)]
        let step = kind.steps[Int(issues[s].step)]
        var i = step.instance(forTerritory: Int(issues[s].territory))
        issues[s].delegated = false
        let inst = structure.instances[i]
        if issues[s].urgent && step.act.needsDecision && !issues[s].decided, let d = inst.urgentDelegate,
           nextMeetingTime(i) - sim.now > inst.spec.urgentMaxWaitDays {
            // Comité de coordination decides between two Grande Table meetings.
            i = d
            issues[s].delegated = true
            let dInst = structure.instances[d]
            if dInst.spec.extraMeetings && nextMeetingTime(d) - sim.now > dInst.spec.extraMeetingDelayDays {
                let t = sim.now + dInst.spec.extraMeetingDelayDays
                if t <= horizon {
                    extraPending[d] = t
                    sim.schedule(at: t, priority: dInst.priority, kind: ModelEvent.extraMeeting.rawValue, subject: Int32(d))
                }
            }
        }
        setInstance(s, i)
        let target = structure.instances[i]
        if (step.act == .decide || step.act == .ratify) && target.surveyShare > 0 && rngSurvey.uniform() < target.surveyShare {
            // Exceptional case: an individual survey of the members.
            sim.schedule(at: sim.now + target.surveyDays, priority: 50, kind: ModelEvent.surveyClose.rawValue, payload: Int64(s))
            return
        }
        enqueue(s)
    }

    mutating func setInstance(_ s: Int, _ i: Int) {
        issues[s].instance = Int32(i)
        issues[s].attempts = 0
        let n = members[i].count
        issues[s].positions.removeAll(keepingCapacity: true)
        if bounded {
            issues[s].positions.append(contentsOf: repeatElement(Double.nan, count: n))
        }
    }

    /// Escalation after a failed vote: the same act moves to another instance.
    mutating func moveToInstance(_ s: Int, _ i: Int) {
        setInstance(s, i)
        enqueue(s)
    }

    /// The step succeeded with those in `present` in the room.
    mutating func succeed(_ s: Int, mode: DecisionMode, instance i: Int) {
        let boost = structure.scenario.engagement.decisionBoost
        if boost > 0 {
            for p in present { engagement[Int(p)] = Swift.min(1, engagement[Int(p)] + boost) }
        }
        if measuring { tally.decisionRoom(present: present, instance: i, partners: structure.partners) }
        let kind = structure.issueKinds[Int(issues[s].kind)]
        if Int(issues[s].step) == kind.lastDecisionStep {
            issues[s].decided = true
            if issues[s].measured {
                let final: DecisionMode = issues[s].delegated ? .delegated : mode
                tally.decided(kind: Int(issues[s].kind), days: sim.now - issues[s].emergence, mode: final,
                              meetings: Int(issues[s].meetings))
                tally.backlogStep(-1, at: sim.now)
            }
        }
        advance(s)
    }

    /// Moves the issue to its next step, or ends it after its last step.
    mutating func advance(_ s: Int) {
        let kind = structure.issueKinds[Int(issues[s].kind)]
        issues[s].step += 1
        if Int(issues[s].step) >= kind.steps.count {
            endIssue(s, outcome: .decided)
            return
        }
        enterStep(s)
    }

    /// Ends an issue exactly once and frees its slot.
    mutating func endIssue(_ s: Int, outcome: IssueOutcome) {
        precondition(issues[s].active, "an issue ended twice")
        if outcome == .dropped && issues[s].measured && !issues[s].decided && structure.issueKinds[Int(issues[s].kind)].isDecision {
            tally.dropped(kind: Int(issues[s].kind), days: sim.now - issues[s].emergence)
            tally.backlogStep(-1, at: sim.now)
        }
        if issues[s].measured { tally.ended() }
        issues[s].active = false
        freeSlots.append(Int32(s))
    }

    mutating func closeSurvey(slot s: Int) {
        let i = Int(issues[s].instance)
        let kind = structure.issueKinds[Int(issues[s].kind)]
        let hours = structure.scenario.attendance.surveyHours
        present.removeAll(keepingCapacity: true)
        presentSlot.removeAll(keepingCapacity: true)
        for slot in 0..<members[i].count {
            let p = Int(members[i][slot])
            if left[p] && !memberMandated[i][slot] { continue }
            if rngSurvey.uniform() < engagement[p] {
                present.append(Int32(p)); presentSlot.append(Int32(slot))
                monthHours[p] += hours
                if measuring { tally.addSurveyHours(partner: p, hours: hours) }
            }
        }
        var votesFor = 0
        for p in present where drawPosition(sector: structure.partners[Int(p)].sector, kind: kind) >= structure.scenario.deliberation.supportThreshold {
            votesFor += 1
        }
        if !present.isEmpty && Double(votesFor) >= structure.instances[i].voteThreshold * Double(present.count) - 1e-9 {
            succeed(s, mode: .survey, instance: i)
        } else {
            enqueue(s)
        }
        present.removeAll(keepingCapacity: true)
        presentSlot.removeAll(keepingCapacity: true)
    }

    /// Counts what is still open at the horizon and returns the replication's measures.
    mutating func finish() -> ReplicationResult {
        for s in issues.indices where issues[s].active && issues[s].measured {
            let kind = structure.issueKinds[Int(issues[s].kind)]
            if kind.isDecision && !issues[s].decided {
                tally.open(kind: Int(issues[s].kind), days: horizon - issues[s].emergence)
            }
        }
        tally.backlogStep(0, at: horizon)
        return tally.result(replication: self)
    }
}
