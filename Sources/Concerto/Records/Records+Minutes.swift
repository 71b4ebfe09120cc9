/// Simulated minutes as records: what `concerto run --records` writes, in the same form as a
/// table's real minutes.
extension Records {
    /// The first day of the run: the first of the scenario's start month, in a fixed year
    /// (simulated records are not dated in history; only differences of days matter).
    public static func simulatedStart(_ s: Structure) -> CivilDate { CivilDate(year: 2023, month: Swift.min(12, Swift.max(1, s.startMonth)), day: 1) }

    /// The records of one replication's minutes (warm-up included: the measured window starts
    /// at `measuredFrom`).
    public init(minutes: Minutes, structure s: Structure) {
        self.init(startDate: Records.simulatedStart(s), measuredFrom: s.warmupDays, end: s.horizonDays)
        let rules = s.instanceRules
        for (n, m) in minutes.meetings.enumerated() {
            meetings.append(Meeting(id: "m\(n + 1)", body: m.instance, day: m.day, hours: rules[m.instance].meetingHours,
                                    attendees: m.attendees, observers: m.observers, absentees: m.absentees, organisers: m.organisers,
                                    status: m.adjourned ? .adjourned : (m.quorumMet ? .held : .noQuorum)))
        }
        for i in minutes.issues {
            // A drop after a failed vote is the item's outcome; the others happen outside meetings.
            let dropped = i.decided == nil && i.dropped.map { $0.reason != .voteFailed } == true ? i.dropped!.day : nil
            issues.append(Issue(id: "d\(i.id)", kind: i.kind, theme: i.theme, territory: i.territory, urgent: i.urgent, emerged: i.emergence, dropped: dropped))
        }
        // Items and surveys in the order they happened (a survey closes between meetings).
        var lastItem: [Int: Int] = [:]
        var k = 0, v = 0
        while k < minutes.items.count || v < minutes.surveys.count {
            let takeItem: Bool
            if k == minutes.items.count { takeItem = false } else if v == minutes.surveys.count { takeItem = true } else {
                takeItem = minutes.meetings[minutes.items[k].meeting].day <= minutes.surveys[v].day
            }
            if takeItem {
                let it = minutes.items[k]; k += 1
                let outcome: Outcome
                switch it.outcome {
                case .informed: outcome = .informed
                case .consulted: outcome = .consulted
                case .consensus: outcome = .consensus
                case .votePassed: outcome = .votePassed
                case .voteFailed: outcome = .voteFailed
                case .noConsensus, .nobodyInRoom: outcome = .deferred
                }
                lastItem[it.issue - 1] = items.count
                items.append(Item(id: "i\(items.count + 1)", issue: it.issue - 1, body: minutes.meetings[it.meeting].instance, meeting: it.meeting,
                                  day: minutes.meetings[it.meeting].day, act: it.act, outcome: outcome, delegated: it.delegated, room: it.room))
            } else {
                let sv = minutes.surveys[v]; v += 1
                lastItem[sv.issue - 1] = items.count
                items.append(Item(id: "i\(items.count + 1)", issue: sv.issue - 1, body: sv.instance, meeting: nil, day: sv.day,
                                  act: s.steps[Int(s.kindRules[minutes.issues[sv.issue - 1].kind].steps.start) + sv.step].act,
                                  outcome: sv.passed ? .surveyPassed : .surveyFailed, delegated: sv.delegated, room: sv.respondents))
            }
        }
        for i in minutes.issues where i.decided == nil {
            if let d = i.dropped, d.reason == .voteFailed, let last = lastItem[i.id - 1], items[last].outcome == .voteFailed { items[last].outcome = .dropped }
        }
    }
}
