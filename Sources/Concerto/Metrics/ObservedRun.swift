/// The measures of a table's records, computed by the code that computes a simulation's: the
/// records are replayed, in the order they happened, into the recorders of a `Tally` (the ones
/// the model calls), and the measures come from its `ReplicationSnapshot` through the measure
/// definitions. Nothing here computes a measure; it only says, from the minutes, what the model
/// would have told the tally.
///
/// Records carry meetings, who came, the items and their outcomes, and when issues emerged:
/// the measures that need more (hours outside the structure, monthly capacity, seats held at the
/// horizon, postponements) are not computed from them (`carriedMeasures`, docs/records.md).
public enum ObservedRun {
    /// The measures records carry, as `family.name` (every breakdown group of them).
    public static let carriedMeasures: [String] = [
        "hyperconcertation.hoursPerPartnerYear", "hyperconcertation.hoursPerPartnerYearP90", "hyperconcertation.hoursPerPartnerYearMax",
        "hyperconcertation.duplicatedHoursShare", "hyperconcertation.attendanceRate", "hyperconcertation.meetingsPerYear",
    ] + Measures.latency.map(\.labelKey).filter {
        !["latency.agendaOverflowsPerYear", "latency.organiserShortfallsPerYear", "latency.meetingsCancelledPerYear"].contains($0)
    } + Measures.representativity.filter { $0.needs.contains(.rooms) }.map(\.labelKey)
    + ["instance.meetingsPerYear", "instance.attendanceRate", "instance.membersMean", "instance.presentMean", "instance.hoursPerYear",
       "instance.quorumFailuresPerYear", "instance.decisionsPerYear"]
    + Measures.outsideTableMeasures.map(\.labelKey) + Measures.kindMeasures.map(\.labelKey)
    + ["year.decisions", "year.meanDaysDecided"]

    /// The catalog of `structure` restricted to the measures records carry.
    public static func catalog(for structure: Structure) -> MeasureCatalog {
        do { return try structure.catalog.selecting(carriedMeasures) } catch { preconditionFailure(error.description) }
    }

    /// The measures of `records`. `structure` must be the scenario loaded with the records'
    /// window (`warmupDays == records.measuredFrom`, `horizonDays == records.end`: see
    /// `RecordsReader.window`).
    public static func result(_ records: Records, structure s: Structure, catalog: MeasureCatalog? = nil) -> ReplicationResult {
        let catalog = catalog ?? Self.catalog(for: s)
        var tally = Tally(structure: s)
        defer { tally.deallocate() }
        let np = s.partners.count
        let roomPartners = Buffer<Int32>.allocate(Swift.max(1, np), repeating: 0)
        let roomSlots = Buffer<Int32>.allocate(Swift.max(1, np), repeating: 0)
        defer { roomPartners.deallocate(); roomSlots.deallocate() }
        let rules = s.instanceRules, partnerRules = s.partnerRules, kinds = s.kindRules, travel = s.travelHours
        // Steps needing a decision in each kind's route: its final decision is the last of them.
        let needed: [Int] = (0..<s.issueKinds.count).map { k in
            guard let last = kinds[k].lastDecisionStep else { return 0 }
            return (0...Int(last)).filter { s.steps[Int(kinds[k].steps.start) + $0].act.needsDecision }.count
        }

        // Events in the order they happened: emergences, meetings (hours, attendance, quorum),
        // drops outside meetings, then items; ties keep this order and the files' order.
        enum Step { case emerge(Int), meet(Int), drop(Int), item(Int) }
        var events: [(day: Double, rank: Int, seq: Int, step: Step)] = []
        for (n, i) in records.issues.enumerated() {
            events.append((i.emerged, 0, n, .emerge(n)))
            if let d = i.dropped { events.append((d, 2, n, .drop(n))) }
        }
        for (n, m) in records.meetings.enumerated() { events.append((m.day, 1, n, .meet(n))) }
        for (n, it) in records.items.enumerated() { events.append((it.day, 3, n, .item(n))) }
        events.sort { ($0.day, $0.rank, $0.seq) < ($1.day, $1.rank, $1.seq) }

        var lastTravel = [Double?](repeating: nil, count: np)
        var successes = [Int](repeating: 0, count: records.issues.count)
        var discussed = [Int](repeating: 0, count: records.issues.count)
        var decided = [Bool](repeating: false, count: records.issues.count)
        var dropped = [Bool](repeating: false, count: records.issues.count)
        let absentFraction = s.attendance.absentCostFraction
        for e in events {
            switch e.step {
            case .emerge(let n):
                let k = records.issues[n].kind
                tally.emerged(kind: k, decision: kinds[k].isDecision, at: e.day)
            case .meet(let n):
                let m = records.meetings[n], i = m.body
                // What a meeting solicits (Replication.meet): its length and preparation, travel
                // once a day, a share for absentees, the organisers' hours.
                let baseCost = m.hours + rules[i].preparationHours
                let row = Int(s.venueColumn[Int(rules[i].venue)])
                var ledger = tally.ledger(instance: i, at: e.day)
                for p in m.attendees + m.observers {
                    let travelled = lastTravel[p] == e.day
                    ledger.add(partner: p, hours: baseCost + (travelled ? 0 : travel[Int(partnerRules[p].territory) * s.venueCount + row]))
                    lastTravel[p] = e.day
                }
                for p in m.absentees { ledger.add(partner: p, hours: absentFraction * baseCost) }
                for p in m.organisers { ledger.add(partner: p, hours: rules[i].organiserHours) }
                tally.close(ledger)
                let present = m.attendees.count + m.observers.count
                tally.meeting(instance: i, solicited: present + m.absentees.count, present: present, at: e.day)
                if m.status == .noQuorum { tally.quorumFailure(instance: i, at: e.day) }
            case .drop(let n):
                let issue = records.issues[n]
                if !decided[n] && !dropped[n] && kinds[issue.kind].isDecision { tally.dropped(kind: issue.kind, emergence: issue.emerged, at: e.day) }
                dropped[n] = true
            case .item(let n):
                let it = records.items[n], issue = records.issues[it.issue], k = issue.kind
                let survey = it.meeting == nil
                if survey {
                    for p in it.room { tally.addSurveyHours(partner: p, hours: s.attendance.surveyHours, at: e.day) }
                } else {
                    tally.discussion(emergence: issue.emerged)
                    discussed[it.issue] += 1
                }
                if it.outcome.succeeded && it.act.needsDecision {
                    var room = Room(partners: roomPartners.base, slots: roomSlots.base, count: 0)
                    for (slot, p) in it.room.enumerated() { room.append(partner: p, slot: slot) }
                    tally.decisionRoom(room, instance: it.body, at: e.day)
                    successes[it.issue] += 1
                    if successes[it.issue] == needed[k] && !decided[it.issue] && !dropped[it.issue] {
                        decided[it.issue] = true
                        let mode: DecisionMode = it.delegated ? .delegated : (it.outcome == .consensus ? .consensus : it.outcome == .votePassed ? .vote : .survey)
                        tally.decided(kind: k, emergence: issue.emerged, at: e.day, mode: mode, meetings: discussed[it.issue])
                    }
                }
                if it.outcome == .dropped && !decided[it.issue] && !dropped[it.issue] {
                    dropped[it.issue] = true
                    if kinds[k].isDecision { tally.dropped(kind: k, emergence: issue.emerged, at: e.day) }
                }
            }
        }
        for (n, issue) in records.issues.enumerated() where kinds[issue.kind].isDecision && !decided[n] && !dropped[n] {
            tally.open(kind: issue.kind, emergence: issue.emerged, horizon: records.end, stuckAfterDays: kinds[issue.kind].stuckAfterDays)
        }
        tally.backlogStep(0, at: records.end)

        let parts = catalog.parts.union(ReplicationSnapshot.resultParts)
        var sortScratch = tally.sortedLatencies
        let final = parts.contains(.seats)
            ? ReplicationSnapshot.FinalState(activeMembers: s.instances.map { _ in [] }, organisationsLeft: 0, organisationLeft: s.partners.filter { !$0.staff }.map { _ in false })
            : nil
        let snapshot = ReplicationSnapshot(structure: s, tally: tally, parts: parts, final: final, sortScratch: &sortScratch)
        tally.sortedLatencies = sortScratch
        let d = Diagnostics(snapshot: snapshot, tally: tally, structure: s, events: 0)
        return ReplicationResult(values: catalog.values(snapshot), latency: LatencySample(snapshot.latency),
                                 partnerLoadRatios: snapshot.organisationLoadRatios,
                                 sectorSharesAtDecisions: snapshot.hasRooms ? snapshot.sectorShares : snapshot.sectorShares.map { _ in .nan },
                                 diagnostics: d)
    }
}
