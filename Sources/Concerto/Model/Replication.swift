import Foundation

/// Model event kinds on the engine's calendar.
enum ModelEvent: UInt16 {
    case meeting = 1, extraMeeting, arrival, monthTick, surveyClose, election
}

/// Purposes of the independent random streams of one replication.
enum StreamPurpose: UInt64 {
    case arrivals = 1, schedule, attendance, deliberation, membership, surveys
}

/// One replication of the concertation model: partners and instances run through meeting
/// cycles until the horizon. A pure function of (structure, seed, replication index).
public struct Replication {
    let structure: Structure
    var sim: Simulation
    let months: CalendarMonths
    let horizon: Double
    let warmup: Double

    // Random streams.
    var rngArrivals: RandomStream
    var rngSchedule: RandomStream
    var rngAttendance: RandomStream
    var rngDeliberation: RandomStream
    var rngMembership: RandomStream
    var rngSurvey: RandomStream

    // Partner state (structure of arrays).
    var engagement: [Double]
    var monthHours: [Double]
    var prevRatio: [Double]
    /// When each partner last travelled to a meeting: a satellite afternoon after the ORBITE
    /// morning, at the same venue and time, costs no second trip.
    var lastTravel: [Double]
    var left: [Bool]
    var leftMeasured: [Bool]
    var capacity: [Double]

    // Instance state.
    var members: [[Int32]]
    var memberMandatory: [[Bool]]
    var memberMandated: [[Bool]]
    var memberInterest: [[Double]]
    var memberElected: [[Bool]]
    var memberObserver: [[Bool]]
    /// On-demand instances exist only while they have work.
    var active: [Bool]
    var lastWork: [Double]
    var nominalIndex: [Int]
    var firstNominal: [Double]
    var nextMeeting: [Double]
    var extraPending: [Double]
    var waiting: [[Int32]]

    // Issues.
    var issues: [IssueState] = []
    var freeSlots: [Int32] = []

    // Scratch buffers (reused, never reallocated in the hot path once grown).
    var present: [Int32] = []
    var presentSlot: [Int32] = []
    var pendingInsert: [Int32] = []
    /// Voting members present at the current meeting, before recusals for one item.
    var meetingPresent: [Int32] = []
    var meetingSlot: [Int32] = []
    var inMeeting = false
    var scratchSector: [Double]

    /// What is measured.
    var tally: Tally

    // Behaviour parameters read in the hot path (no string comparison there).
    let bounded: Bool
    let linearAvailability: Bool
    let steepness: Double

    /// - Parameters: seed: the master seed; replication: the replication index.
    public init(structure: Structure, seed: UInt64, replication: Int) {
        self.structure = structure
        let r = UInt64(replication)
        rngArrivals = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.arrivals.rawValue)
        rngSchedule = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.schedule.rawValue)
        rngAttendance = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.attendance.rawValue)
        rngDeliberation = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.deliberation.rawValue)
        rngMembership = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.membership.rawValue)
        rngSurvey = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.surveys.rawValue)
        sim = Simulation(capacity: 64 + structure.instances.count * 2 + structure.issueKinds.count * 4)
        months = CalendarMonths(startMonth: structure.scenario.startMonth)
        horizon = structure.horizonDays
        warmup = structure.warmupDays
        let np = structure.partners.count
        let ni = structure.instances.count
        engagement = structure.partners.map(\.engagement)
        capacity = structure.partners.map(\.capacity)
        monthHours = [Double](repeating: 0, count: np)
        prevRatio = [Double](repeating: 0, count: np)
        lastTravel = [Double](repeating: -.infinity, count: np)
        left = [Bool](repeating: false, count: np)
        leftMeasured = [Bool](repeating: false, count: np)
        members = [[Int32]](repeating: [], count: ni)
        memberMandatory = [[Bool]](repeating: [], count: ni)
        memberMandated = [[Bool]](repeating: [], count: ni)
        memberInterest = [[Double]](repeating: [], count: ni)
        memberElected = [[Bool]](repeating: [], count: ni)
        memberObserver = [[Bool]](repeating: [], count: ni)
        active = structure.instances.map { !$0.spec.onDemand }
        lastWork = [Double](repeating: 0, count: ni)
        nominalIndex = [Int](repeating: 0, count: ni)
        firstNominal = [Double](repeating: 0, count: ni)
        nextMeeting = [Double](repeating: .infinity, count: ni)
        extraPending = [Double](repeating: -1, count: ni)
        waiting = [[Int32]](repeating: [], count: ni)
        scratchSector = [Double](repeating: 0, count: structure.sectorIDs.count)
        tally = Tally(structure: structure)
        bounded = structure.scenario.deliberation.model == "boundedConfidence"
        linearAvailability = structure.scenario.attendance.availabilityShape == "linear"
        steepness = structure.scenario.attendance.availabilitySteepness
    }

    /// Runs the replication to the horizon and returns its measures.
    public mutating func run() -> ReplicationResult {
        buildMemberships()
        let maxMembers = members.map(\.count).max() ?? 0
        present.reserveCapacity(maxMembers)
        presentSlot.reserveCapacity(maxMembers)
        meetingPresent.reserveCapacity(maxMembers)
        meetingSlot.reserveCapacity(maxMembers)
        scheduleInitialEvents()
        while let e = sim.next(until: horizon) {
            switch ModelEvent(rawValue: e.kind)! {
            case .meeting: holdMeeting(Int(e.subject), extra: false)
            case .extraMeeting: holdMeeting(Int(e.subject), extra: true)
            case .arrival: arrival(kind: Int(e.subject), territory: Int(e.payload))
            case .monthTick: monthTick(index: Int(e.payload))
            case .surveyClose: closeSurvey(slot: Int(e.payload))
            case .election: holdElection(Int(e.subject), scheduleNext: true)
            }
        }
        return finish()
    }

    var measuring: Bool { sim.now >= warmup }

    // MARK: Scheduling

    mutating func scheduleInitialEvents() {
        // Monthly ticks at the end of each simulated month.
        let totalMonths = Int((horizon / 365 * 12).rounded(.up)) + 1
        for k in 1...totalMonths {
            let t = months.startOfMonth(k)
            if t > horizon + 1e-9 { break }
            sim.schedule(at: t, priority: 0, kind: ModelEvent.monthTick.rawValue, payload: Int64(k - 1))
        }
        for (i, inst) in structure.instances.enumerated() {
            if let period = inst.periodDays {
                firstNominal[i] = inst.firstMeetingDay ?? rngSchedule.uniform() * period
                nominalIndex[i] = 0
                scheduleRegular(i)
            }
            if let e = inst.election {
                sim.schedule(at: e.termDays, priority: 1, kind: ModelEvent.election.rawValue, subject: Int32(i))
            }
        }
        for (k, kind) in structure.issueKinds.enumerated() where kind.ratePerYear > 0 {
            if kind.territories.isEmpty {
                scheduleArrival(kind: k, territory: -1, from: 0)
            } else {
                for t in kind.territories { scheduleArrival(kind: k, territory: t, from: 0) }
            }
        }
    }

    mutating func scheduleArrival(kind k: Int, territory t: Int, from time: Double) {
        let rate = structure.issueKinds[k].ratePerYear / 365
        let at = time + rngArrivals.exponential(rate: rate)
        if at <= horizon {
            sim.schedule(at: at, priority: 5, kind: ModelEvent.arrival.rawValue, subject: Int32(k), payload: Int64(t))
        }
    }

    /// Schedules the next regular meeting of instance `i` (nominal time plus jitter, moved out of break months).
    mutating func scheduleRegular(_ i: Int) {
        let inst = structure.instances[i]
        guard let period = inst.periodDays else { return }
        while true {
            let nominal = firstNominal[i] + Double(nominalIndex[i]) * period
            nominalIndex[i] += 1
            if nominal > horizon { nextMeeting[i] = .infinity; return }
            var t = nominal
            if inst.jitterDays > 0 { t += rngSchedule.uniform(-inst.jitterDays, inst.jitterDays) }
            let open = months.firstOpenDay(from: Swift.max(t, sim.now), breaks: inst.breakMonths)
            if open > t {
                // Moved out of a break: the other meetings that would fall in the break are cancelled.
                while firstNominal[i] + Double(nominalIndex[i]) * period < open + 0.5 * period { nominalIndex[i] += 1 }
            }
            t = open
            if t < sim.now { continue }
            if t > horizon { nextMeeting[i] = .infinity; return }
            nextMeeting[i] = t
            sim.schedule(at: t, priority: inst.priority, kind: ModelEvent.meeting.rawValue, subject: Int32(i))
            return
        }
    }

    /// When instance `i` next meets (following couplings up to the instance with a schedule).
    func nextMeetingTime(_ i: Int) -> Double {
        var j = i
        var offset = 0.0
        var guardCount = 0
        while let c = structure.instances[j].coupledTo, guardCount < 64 {
            offset += structure.instances[j].coupledOffsetDays; j = c; guardCount += 1
        }
        var t = nextMeeting[j] + offset
        if extraPending[i] >= sim.now { t = Swift.min(t, extraPending[i]) }
        return t
    }

    // MARK: Engagement

    /// The partner's load ratio in the current month window: the larger of last month's ratio
    /// and this month's hours so far over capacity.
    @inline(__always)
    func loadRatio(_ p: Int) -> Double {
        Swift.max(prevRatio[p], monthHours[p] / capacity[p])
    }

    @inline(__always)
    func availability(_ ratio: Double) -> Double {
        if ratio <= 1 { return 1 }
        if linearAvailability { return Swift.max(0, 1 - steepness * (ratio - 1)) }
        return Foundation.exp(-steepness * (ratio - 1))
    }

    mutating func addHours(_ p: Int, _ h: Double, instance i: Int) {
        monthHours[p] += h
        if measuring { tally.addHours(partner: p, instance: i, hours: h) }
    }

    /// Monthly engagement dynamics: overload erodes engagement, rest restores it toward the
    /// baseline; below the exit threshold a partner leaves open instances.
    mutating func monthTick(index: Int) {
        let eng = structure.scenario.engagement
        let measuringMonth = months.startOfMonth(index) >= warmup - 1e-9
        for p in 0..<structure.partners.count {
            let ratio = monthHours[p] / capacity[p]
            if measuringMonth { tally.closeMonth(partner: p, hours: monthHours[p], capacity: capacity[p]) }
            var e = engagement[p]
            if ratio > 1 { e -= eng.overloadDecay * (ratio - 1) }
            else { e += eng.recoveryRate * (structure.partners[p].engagement - e) }
            engagement[p] = Swift.min(1, Swift.max(0, e))
            if !left[p] && engagement[p] < eng.exitThreshold && !structure.partners[p].staff {
                left[p] = true
                if measuring { leftMeasured[p] = true }
            }
            prevRatio[p] = ratio
            monthHours[p] = 0
        }
    }
}
