/// What one replication records as it runs, and nothing else: counters that the recorders
/// below add to, in the measured window only (the warm-up is gated here: events before
/// `warmup`, and issues that emerged before it, are not recorded). The measures are computed
/// afterwards from a `ReplicationSnapshot` (`MeasureDefinition`), never from the model's state.
///
/// Its size depends on the numbers of partners, instances, categories and issue kinds, and on
/// the latencies recorded (a few per issue); its buffers belong to the worker's workspace and
/// are reset, not reallocated, from one replication to the next.
struct Tally {
    /// Start of the measured window (days).
    let warmup: Double
    let partnerRules: TableView<PartnerRules>
    let instanceRules: TableView<InstanceRules>
    let ageEntries: TableView<AgeWeight>

    // Per partner (p).
    /// Hours solicited by the structure's bodies (meetings, preparation, travel, organisation, surveys).
    var partnerHours: Buffer<Double>
    /// Hours solicited outside the structure: the territory's other tables and background load.
    var partnerOutsideHours: Buffer<Double>
    /// Hours at a meeting on a theme the partner already covered that month in another body
    /// without a reporting link to this one.
    var partnerRedundantHours: Buffer<Double>
    /// Hours beyond the monthly capacity, summed over months.
    var partnerExcess: Buffer<Double>
    // Per instance (i).
    var instanceHours: Buffer<Double>
    var instanceMeetings: Buffer<Int>
    var instanceSolicited: Buffer<Int>
    var instancePresent: Buffer<Int>
    var instanceQuorumFailures: Buffer<Int>
    var instanceOverflows: Buffer<Int>
    /// Steps decided, recommended or ratified.
    var instanceDecisions: Buffer<Int>
    var instanceCreations: Buffer<Int>
    /// Regular meetings whose organisers were short (postponed or held with a shorter agenda).
    var instanceShortfalls: Buffer<Int>
    /// Regular meetings cancelled: organisers still short when the body's next meeting came.
    var instanceCancelled: Buffer<Int>
    /// Partners who joined the instance during the run.
    var instanceJoins: Buffer<Int>
    // Per year of the run (y, from day 0, warm-up included; at most `maxYears`).
    /// All concertation hours (structure, outside tables, background), cell `y × partners + p`.
    var yearHours: Buffer<Double>
    /// Final decisions taken in year y (whenever the issue emerged), and their days since emergence.
    var yearDecisions: Buffer<Int>
    var yearDecisionDays: Buffer<Double>
    /// Organisations (not staff) that had left the open instances at the end of year y.
    var yearLeft: Buffer<Int>
    /// Days staff posts were vacant in year y.
    var yearVacantDays: Buffer<Double>
    let yearCount: Int
    static let maxYears = 50
    /// The years of a run of `horizonDays` days that are broken down (at most `maxYears`).
    static func yearCount(horizonDays: Double) -> Int { Swift.min(maxYears, Swift.max(1, Int((horizonDays / 365 - 1e-9).rounded(.up)))) }
    // Per issue kind (k).
    var emerged: Buffer<Int>
    var decidedCount: Buffer<Int>
    var droppedCount: Buffer<Int>
    var openCount: Buffer<Int>
    /// Of the issues open at the horizon, those that had waited the kind's `stuckAfterDays` or longer.
    var stuckCount: Buffer<Int>
    /// Final decisions by mode (`DecisionMode` raw value).
    var modes: Buffer<Int>
    /// Days to decision, to drop, or to the horizon (still open), in recording order.
    var latencies: GrowableBuffer<LatencyRecord>
    /// Room to sort the latencies when the replication ends (three entries per record), and
    /// one counter per latency bin (all zero between uses).
    var sortedLatencies: GrowableBuffer<LatencyEntry>
    var latencyBinCounts: Buffer<Int32>
    // Per sector (c), territory (t), age group (a): who was in the decision rooms.
    var sectorShareSum: Buffer<Double>
    var sectorCountSum: Buffer<Double>
    var sectorSeen: Buffer<Bool>
    var territoryShareSum: Buffer<Double>
    var territorySeen: Buffer<Bool>
    var ageShareSum: Buffer<Double>
    var ageSeen: Buffer<Bool>
    /// Counts in the room being recorded (all zero between rooms), and which entries are set.
    var scratchSector: Buffer<Double>
    var scratchTerritory: Buffer<Double>
    var scratchAge: Buffer<Double>
    var touchedSectors: Buffer<Int32>
    var touchedTerritories: Buffer<Int32>
    var touchedAges: Buffer<Int32>
    // Scalars.
    /// Organisations' hours in instances sharing a theme with another.
    var duplicatedHours = 0.0
    var surveyHours = 0.0
    var informationItems = 0
    /// Issues needing a decision that emerged and are not yet decided or dropped, its time
    /// integral and the time of its last change.
    var backlog = 0
    var backlogArea = 0.0
    var backlogSince = 0.0
    var endedCount = 0
    var discussions = 0
    var meetingsOnDecided = 0
    var decisionRooms = 0
    var sectorCoverageSum = 0.0
    var maxPresentOverMembers = Int.min
    /// Days staff posts were vacant (measured window).
    var staffVacantDays = 0.0

    init(structure s: Structure) {
        let np = s.partners.count, ni = s.instances.count, nk = s.issueKinds.count
        warmup = s.warmupDays
        partnerRules = s.partnerRules.view
        instanceRules = s.instanceRules.view
        ageEntries = s.ageEntries.view
        partnerHours = .allocate(np, repeating: 0); partnerExcess = .allocate(np, repeating: 0)
        partnerOutsideHours = .allocate(np, repeating: 0); partnerRedundantHours = .allocate(np, repeating: 0)
        instanceHours = .allocate(ni, repeating: 0)
        instanceMeetings = .allocate(ni, repeating: 0); instanceSolicited = .allocate(ni, repeating: 0)
        instancePresent = .allocate(ni, repeating: 0); instanceQuorumFailures = .allocate(ni, repeating: 0)
        instanceOverflows = .allocate(ni, repeating: 0); instanceDecisions = .allocate(ni, repeating: 0)
        instanceCreations = .allocate(ni, repeating: 0); instanceShortfalls = .allocate(ni, repeating: 0); instanceCancelled = .allocate(ni, repeating: 0); instanceJoins = .allocate(ni, repeating: 0)
        yearCount = Self.yearCount(horizonDays: s.horizonDays)
        yearHours = .allocate(yearCount * np, repeating: 0); yearDecisions = .allocate(yearCount, repeating: 0); yearDecisionDays = .allocate(yearCount, repeating: 0)
        yearLeft = .allocate(yearCount, repeating: 0); yearVacantDays = .allocate(yearCount, repeating: 0)
        emerged = .allocate(nk, repeating: 0); decidedCount = .allocate(nk, repeating: 0)
        droppedCount = .allocate(nk, repeating: 0); openCount = .allocate(nk, repeating: 0); stuckCount = .allocate(nk, repeating: 0)
        modes = .allocate(DecisionMode.allCases.count, repeating: 0)
        latencies = GrowableBuffer(capacity: 256)
        sortedLatencies = GrowableBuffer(capacity: 768)
        let bin = ReplicationSnapshot.latencyBinWidth(years: s.years)
        latencyBinCounts = .allocate(Swift.max(1, Int((Swift.max(1, s.years * 365) / bin).rounded(.up))) + 1, repeating: 0)
        let nc = s.sectorIDs.count, nt = s.territoryIDs.count, na = s.ageGroupIDs.count
        sectorShareSum = .allocate(nc, repeating: 0); sectorCountSum = .allocate(nc, repeating: 0); sectorSeen = .allocate(nc, repeating: false)
        territoryShareSum = .allocate(nt, repeating: 0); territorySeen = .allocate(nt, repeating: false)
        ageShareSum = .allocate(na, repeating: 0); ageSeen = .allocate(na, repeating: false)
        scratchSector = .allocate(nc, repeating: 0); scratchTerritory = .allocate(nt, repeating: 0); scratchAge = .allocate(na, repeating: 0)
        touchedSectors = .allocate(nc, repeating: 0); touchedTerritories = .allocate(nt, repeating: 0); touchedAges = .allocate(na, repeating: 0)
    }

    /// Back to an empty tally (keeps the storage).
    mutating func reset() {
        partnerHours.fill(0); partnerExcess.fill(0); partnerOutsideHours.fill(0); partnerRedundantHours.fill(0)
        instanceHours.fill(0); instanceMeetings.fill(0); instanceSolicited.fill(0); instancePresent.fill(0)
        instanceQuorumFailures.fill(0); instanceOverflows.fill(0); instanceDecisions.fill(0); instanceCreations.fill(0)
        instanceShortfalls.fill(0); instanceCancelled.fill(0); instanceJoins.fill(0); yearHours.fill(0); yearDecisions.fill(0); yearDecisionDays.fill(0); yearLeft.fill(0); yearVacantDays.fill(0); staffVacantDays = 0
        emerged.fill(0); decidedCount.fill(0); droppedCount.fill(0); openCount.fill(0); stuckCount.fill(0); modes.fill(0)
        latencies.removeAll()
        sectorShareSum.fill(0); sectorCountSum.fill(0); sectorSeen.fill(false)
        territoryShareSum.fill(0); territorySeen.fill(false); ageShareSum.fill(0); ageSeen.fill(false)
        duplicatedHours = 0; surveyHours = 0; informationItems = 0
        backlog = 0; backlogArea = 0; backlogSince = 0; endedCount = 0; discussions = 0; meetingsOnDecided = 0
        decisionRooms = 0; sectorCoverageSum = 0; maxPresentOverMembers = Int.min
    }

    func deallocate() {
        for b in [partnerHours, partnerExcess, partnerOutsideHours, partnerRedundantHours, instanceHours, yearHours, yearVacantDays, yearDecisionDays, sectorShareSum, sectorCountSum, territoryShareSum, ageShareSum,
                  scratchSector, scratchTerritory, scratchAge] { b.deallocate() }
        for b in [instanceMeetings, instanceSolicited, instancePresent, instanceQuorumFailures, instanceOverflows, instanceDecisions,
                  instanceCreations, instanceShortfalls, instanceCancelled, instanceJoins, yearDecisions, yearLeft, emerged, decidedCount, droppedCount, openCount, stuckCount, modes] { b.deallocate() }
        for b in [sectorSeen, territorySeen, ageSeen] { b.deallocate() }
        for b in [touchedSectors, touchedTerritories, touchedAges] { b.deallocate() }
        latencies.deallocate()
        sortedLatencies.deallocate()
        latencyBinCounts.deallocate()
    }

    /// Whether day `t` is in the measured window.
    @inline(__always) func measures(_ t: Double) -> Bool { t >= warmup }

    // MARK: Recorders

    /// Hours spent at one meeting, recorded in registers and written back once: the same
    /// additions, in the same order, as `addHours` for each member.
    struct MeetingLedger {
        let measuring: Bool
        let instance: Int
        let sharesTheme: Bool
        /// The structure's hours, or the outside hours for an outside table.
        let partnerHours: Buffer<Double>
        let partnerRedundantHours: Buffer<Double>
        let partnerRules: TableView<PartnerRules>
        var instanceHours: Double
        var duplicatedHours: Double

        @inline(__always)
        mutating func add(partner p: Int, hours h: Double) {
            guard measuring else { return }
            partnerHours[p] += h
            instanceHours += h
            if sharesTheme && !partnerRules[p].staff { duplicatedHours += h }
        }

        /// `h` of those hours are redundant.
        @inline(__always)
        func redundant(partner p: Int, hours h: Double) {
            if measuring { partnerRedundantHours[p] += h }
        }
    }

    /// A ledger for the hours of a meeting of instance `i` at day `now`.
    @inline(__always)
    func ledger(instance i: Int, at now: Double) -> MeetingLedger {
        MeetingLedger(measuring: now >= warmup, instance: i, sharesTheme: instanceRules[i].sharesTheme,
                      partnerHours: instanceRules[i].outside ? partnerOutsideHours : partnerHours, partnerRedundantHours: partnerRedundantHours,
                      partnerRules: partnerRules, instanceHours: instanceHours[i], duplicatedHours: duplicatedHours)
    }

    /// Writes a meeting's ledger back.
    @inline(__always)
    mutating func close(_ l: MeetingLedger) {
        guard l.measuring else { return }
        instanceHours[l.instance] = l.instanceHours
        duplicatedHours = l.duplicatedHours
    }

    /// A partner's background load for a month that starts at `monthStart` (outside hours).
    @inline(__always)
    func background(partner p: Int, hours h: Double, monthStart: Double) {
        if monthStart >= warmup - 1e-9 { partnerOutsideHours[p] += h }
    }

    /// A partner spends `h` hours answering a survey.
    mutating func addSurveyHours(partner p: Int, hours h: Double, at now: Double) {
        guard now >= warmup else { return }
        partnerHours[p] += h
        surveyHours += h
    }

    /// Whether the month that started at `monthStart` is measured.
    func measuresMonth(startingAt monthStart: Double) -> Bool { monthStart >= warmup - 1e-9 }

    /// A measured month closes with `hours` solicited against `capacity`.
    @inline(__always)
    func closeMonth(partner p: Int, hours: Double, capacity: Double) {
        if hours > capacity { partnerExcess[p] += hours - capacity }
    }

    mutating func meeting(instance i: Int, solicited: Int, present: Int, at now: Double) {
        guard now >= warmup else { return }
        instanceMeetings[i] += 1
        instanceSolicited[i] += solicited
        instancePresent[i] += present
        maxPresentOverMembers = Swift.max(maxPresentOverMembers, present - solicited)
    }
    /// A regular meeting of `i` whose organisers were short.
    mutating func organiserShortfall(instance i: Int, at now: Double) { if now >= warmup { instanceShortfalls[i] += 1 } }
    mutating func cancelledMeeting(instance i: Int, at now: Double) { if now >= warmup { instanceCancelled[i] += 1 } }
    mutating func joined(instance i: Int, at now: Double) { if now >= warmup { instanceJoins[i] += 1 } }

    /// The year of the run day `t` falls in (nil beyond `maxYears`).
    @inline(__always) func year(_ t: Double) -> Int? {
        let x = t / 365
        guard x < Double(yearCount) else { return nil }   // checked before converting: t may be any day
        return Int(Swift.max(0, x))
    }

    /// A month of year `y` closes: partner p's hours that month.
    @inline(__always) func yearMonth(_ y: Int, partner p: Int, hours: Double) {
        yearHours[y * partnerRules.count + p] += hours
    }

    /// Staff posts were vacant `days` days in a month that started at `monthStart`.
    mutating func vacancy(days: Double, monthStart: Double) {
        if let y = year(monthStart) { yearVacantDays[y] += days }
        if monthStart >= warmup - 1e-9 { staffVacantDays += days }
    }

    mutating func created(instance i: Int, at now: Double) { if now >= warmup { instanceCreations[i] += 1 } }
    mutating func quorumFailure(instance i: Int, at now: Double) { if now >= warmup { instanceQuorumFailures[i] += 1 } }
    mutating func agendaOverflow(instance i: Int, at now: Double) { if now >= warmup { instanceOverflows[i] += 1 } }
    /// An issue that emerged at `emergence` is discussed.
    mutating func discussion(emergence: Double) { if emergence >= warmup { discussions += 1 } }

    /// The backlog changes by `delta` at day `t`.
    mutating func backlogStep(_ delta: Int, at t: Double) {
        backlogArea += Double(backlog) * (t - backlogSince)
        backlog += delta
        backlogSince = t
    }

    /// An issue of kind `k` emerges at `now` (`decision`: it needs a decision).
    mutating func emerged(kind k: Int, decision: Bool, at now: Double) {
        guard now >= warmup else { return }
        if decision { emerged[k] += 1; backlogStep(1, at: now) } else { informationItems += 1 }
    }

    /// The final decision on an issue that emerged at `emergence`.
    mutating func decided(kind k: Int, emergence: Double, at now: Double, mode: DecisionMode, meetings: Int) {
        if let y = year(now) { yearDecisions[y] += 1; yearDecisionDays[y] += now - emergence }
        guard emergence >= warmup else { return }
        decidedCount[k] += 1
        modes[mode.rawValue] += 1
        meetingsOnDecided += meetings
        latencies.append(LatencyRecord(kind: Int32(k), outcome: .decided, days: now - emergence))
        backlogStep(-1, at: now)
    }

    /// An issue needing a decision is dropped undecided.
    mutating func dropped(kind k: Int, emergence: Double, at now: Double) {
        guard emergence >= warmup else { return }
        droppedCount[k] += 1
        latencies.append(LatencyRecord(kind: Int32(k), outcome: .dropped, days: now - emergence))
        backlogStep(-1, at: now)
    }

    /// An issue needing a decision is still open at the horizon: in progress, or stuck when it
    /// has waited `stuckAfterDays` or longer.
    mutating func open(kind k: Int, emergence: Double, horizon: Double, stuckAfterDays: Double) {
        guard emergence >= warmup else { return }
        openCount[k] += 1
        if horizon - emergence >= stuckAfterDays { stuckCount[k] += 1 }
        latencies.append(LatencyRecord(kind: Int32(k), outcome: .open, days: horizon - emergence))
    }

    /// An issue (decision or information) ended.
    mutating func ended(emergence: Double) { if emergence >= warmup { endedCount += 1 } }

    /// Who was in the room when instance `i` took a step (decided, recommended or ratified):
    /// sector, territory and age-group shares. Only the categories present are visited: an
    /// absent one would add 0 to its sums.
    mutating func decisionRoom(_ room: Room, instance i: Int, at now: Double) {
        guard now >= warmup else { return }
        instanceDecisions[i] += 1
        if room.isEmpty { return }
        decisionRooms += 1
        var ns = 0, nt = 0, na = 0
        var ageTotal = 0.0
        for k in 0..<room.count {
            let p = room.partner(k)
            let c = Int(partnerRules[p].sector), t = Int(partnerRules[p].territory)
            if scratchSector[c] == 0 { touchedSectors[ns] = Int32(c); ns += 1 }
            scratchSector[c] += 1
            if scratchTerritory[t] == 0 { touchedTerritories[nt] = Int32(t); nt += 1 }
            scratchTerritory[t] += 1
            for e in ageEntries.slice(partnerRules[p].ages) {
                let a = Int(e.group)
                if scratchAge[a] == 0 { touchedAges[na] = e.group; na += 1 }
                scratchAge[a] += e.weight
                ageTotal += e.weight
            }
        }
        let n = Double(room.count)
        for k in 0..<ns {
            let c = Int(touchedSectors[k])
            sectorShareSum[c] += scratchSector[c] / n
            sectorCountSum[c] += scratchSector[c]
            sectorSeen[c] = true
            scratchSector[c] = 0
        }
        sectorCoverageSum += Double(ns) / Double(Swift.max(1, scratchSector.count))
        for k in 0..<nt {
            let t = Int(touchedTerritories[k])
            territoryShareSum[t] += scratchTerritory[t] / n
            territorySeen[t] = true
            scratchTerritory[t] = 0
        }
        for k in 0..<na {
            let a = Int(touchedAges[k])
            if ageTotal > 0 {
                ageShareSum[a] += scratchAge[a] / ageTotal
                ageSeen[a] = true
            }
            scratchAge[a] = 0
        }
    }
}
