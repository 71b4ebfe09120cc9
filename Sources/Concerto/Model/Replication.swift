import Foundation

/// One replication of the concertation model: partners and instances run through meeting
/// cycles until the horizon. A pure function of (structure, seed, replication index).
///
/// Its state lives in plain-value buffers borrowed from a `ReplicationWorkspace` (see
/// ReplicationState.swift for what each array means); the rules it reads are the structure's
/// flat tables. The work is split by concern: Replication+Schedule (the calendar),
/// +Meeting (attendance, load, quorum), +Agenda (the order of items), +Deliberation
/// (consensus and votes), +IssueFlow (routes, decisions, surveys), +Membership (seats and
/// elections), +Engagement (monthly dynamics), +Finish (the snapshot measures are computed from).
///
/// Helpers called from the simulation are `mutating` even when they only read: the struct is
/// large (about 1.8 KB of pointers, counters and random states), and a non-mutating method
/// called on it from a mutating one may receive a copy of it (a memcpy per call).
public struct Replication: ~Copyable {
    let structure: Structure
    let workspace: ReplicationWorkspace
    let months: CalendarMonths
    let horizon: Double
    let warmup: Double
    /// Bounded-confidence deliberation (positions per member), else probabilistic.
    let bounded: Bool
    let maxSeats: Int
    /// The measures computed when the replication ends.
    let catalog: MeasureCatalog
    /// Whether the result carries the distributions reports draw (see `RunSettings.distributions`).
    let distributions: Bool

    // Rules (views of the structure's flat tables).
    let partnerRules: TableView<PartnerRules>
    let instanceRules: TableView<InstanceRules>
    let kindRules: TableView<IssueKindRules>
    let steps: TableView<StepRules>
    let stepTargets: TableView<Int32?>
    let coupledChildren: TableView<Int32>
    let organisers: TableView<Int32>
    let travelHours: TableView<Double>
    let sectorPositions: TableView<PositionDistribution>
    let territoryCount: Int

    // State (buffers borrowed from the workspace).
    var sim: Simulation
    var rngArrivals: RandomStream
    var rngSchedule: RandomStream
    var rngAttendance: RandomStream
    var rngDeliberation: RandomStream
    var rngMembership: RandomStream
    var rngSurvey: RandomStream
    /// Burnout exits and staff turnover: a number per (partner, month), drawn only when needed.
    let rngTurnover: KeyedRandom
    /// Issues' themes drawn from their kind's shares: a number per (kind, issue serial).
    let rngThemes: KeyedRandom
    /// Partners joining bodies during the run: a number per (partner, month × body).
    let rngJoin: KeyedRandom
    var partners: PartnerState
    /// Who solicited whom on which theme this month (redundancy).
    var coverage: ThemeCoverage
    /// The simulated month under way (0: the first).
    var currentMonth = 0
    var instances: InstanceState
    var seats: Buffer<Seat>
    var waiting: Buffer<GrowableBuffer<Int32>>
    var issues: IssuePool
    var rooms: RoomStorage
    /// Issues routed while a meeting works through its agenda, enqueued after it.
    var pending: GrowableBuffer<Int32>
    /// True while a meeting works through its agenda (routing then goes to `pending`).
    var inAgenda = false
    var scratch: MembershipScratch
    /// What is measured.
    var tally: Tally
    /// The minutes, when asked for (tests, records); nil in ordinary runs.
    public internal(set) var minutes: Minutes?

    /// - Parameters: seed: the master seed; replication: the replication index; workspace: a
    ///   worker's reusable buffers for this structure (a fresh one when nil); recordMinutes:
    ///   keep the minutes of every meeting, item and issue; measures: the measures to compute
    ///   (a selection of the structure's catalog; default: all); distributions: also return the
    ///   distributions reports draw.
    public init(structure: Structure, seed: UInt64, replication: Int, workspace: ReplicationWorkspace? = nil,
                recordMinutes: Bool = false, measures: MeasureCatalog? = nil, distributions: Bool = true) {
        let ws = workspace.flatMap { $0.fits(structure) && !$0.lent ? $0 : nil } ?? ReplicationWorkspace(structure: structure)
        ws.lent = true
        self.structure = structure
        self.workspace = ws
        let r = UInt64(replication)
        rngArrivals = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.arrivals.rawValue)
        rngSchedule = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.schedule.rawValue)
        rngAttendance = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.attendance.rawValue)
        rngDeliberation = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.deliberation.rawValue)
        rngMembership = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.membership.rawValue)
        rngSurvey = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.surveys.rawValue)
        rngTurnover = KeyedRandom(masterSeed: seed, replication: r, stream: StreamPurpose.turnover.rawValue)
        rngThemes = KeyedRandom(masterSeed: seed, replication: r, stream: StreamPurpose.themes.rawValue)
        rngJoin = KeyedRandom(masterSeed: seed, replication: r, stream: StreamPurpose.joins.rawValue)
        months = CalendarMonths(startMonth: structure.startMonth)
        horizon = structure.horizonDays
        warmup = structure.warmupDays
        bounded = structure.deliberation.model == .boundedConfidence
        catalog = measures ?? structure.catalog
        self.distributions = distributions
        maxSeats = structure.maxSeats
        partnerRules = structure.partnerRules.view
        instanceRules = structure.instanceRules.view
        kindRules = structure.kindRules.view
        steps = structure.steps.view
        stepTargets = structure.stepTargets.view
        coupledChildren = structure.coupledChildren.view
        organisers = structure.organisers.view
        travelHours = structure.travelHours.view
        sectorPositions = structure.sectorPositions.view
        territoryCount = structure.territoryIDs.count

        // Reset the borrowed state.
        sim = ws.takeSimulation()
        partners = ws.partners
        for p in 0..<partnerRules.count {
            partners.engagement[p] = partnerRules[p].engagement
            partners.monthHours[p] = 0
            partners.prevRatio[p] = 0
            partners.lastTravel[p] = nil
            partners.left[p] = false
            partners.background[p] = 0
            partners.vacantUntil[p] = 0
            partners.overloadHistory[p] = 0
        }
        coverage = ws.coverage
        coverage.month.fill(0)
        instances = ws.instances
        for i in 0..<instanceRules.count {
            instances.active[i] = !instanceRules[i].onDemand && instanceRules[i].startDay <= 0
            instances.lastWork[i] = 0
            instances.nominalIndex[i] = 0
            instances.firstNominal[i] = 0
            instances.nextMeeting[i] = .infinity
            instances.extraPending[i] = nil
            instances.seatCount[i] = 0
            instances.createdAt[i] = 0
        }
        seats = ws.seats
        waiting = ws.waiting
        for i in 0..<waiting.count { waiting[i].removeAll() }
        issues = ws.issues
        issues.slots.removeAll(); issues.free.removeAll(); issues.positions.removeAll(); issues.created = 0
        rooms = ws.rooms
        pending = ws.pending
        pending.removeAll()
        scratch = ws.scratch
        tally = ws.tally
        tally.reset()
        // Background load: drawn once per replication, it opens every month's hours.
        let draws = structure.backgroundDraws.view
        if draws.count > 0 {
            var rng = RandomStream(masterSeed: seed, replication: r, stream: StreamPurpose.background.rawValue)
            for k in 0..<draws.count {
                let d = draws[k]
                partners.background[Int(d.partner)] += rng.clippedNormal(mean: d.mean, sd: d.sd, lo: 0, hi: 744)
            }
            for p in 0..<partnerRules.count where partners.background[p] > 0 {
                partners.monthHours[p] = partners.background[p]
                tally.background(partner: p, hours: partners.background[p], monthStart: 0)
            }
        }
        minutes = recordMinutes ? Minutes() : nil
    }

    deinit {
        // Give the (possibly grown) buffers back for the next replication.
        workspace.sim = sim
        workspace.waiting = waiting
        workspace.issues = issues
        workspace.pending = pending
        workspace.scratch = scratch
        workspace.tally = tally
        workspace.lent = false
    }

    /// Runs the replication to the horizon and returns its measures.
    public mutating func run() -> ReplicationResult {
        buildMemberships()
        scheduleInitialEvents()
        while let e = sim.next(until: horizon) {
            switch ModelEvent(rawValue: e.kind)! {
            case .meeting: holdMeeting(Int(e.subject), extra: false)
            case .postponedMeeting: holdPostponedMeeting(Int(e.subject))
            case .extraMeeting: holdMeeting(Int(e.subject), extra: true)
            case .arrival: arrival(kind: Int(e.subject), territory: e.payload == 0 ? nil : Int32(e.payload - 1))
            case .monthTick: monthTick(index: Int(e.payload))
            case .surveyClose: closeSurvey(slot: Int(e.payload))
            case .election: holdElection(Int(e.subject), scheduleNext: true)
            case .bodyStart: startBody(Int(e.subject))
            case .bodyEnd: endBody(Int(e.subject))
            case .lifetimeEnd:
                let i = Int(e.subject)
                if instances.active[i] && instances.createdAt[i].bitPattern == UInt64(bitPattern: e.payload) { endBody(i) }
            }
        }
        return finish()
    }

    /// Whether the clock is in the measured window.
    var measuring: Bool { sim.now >= warmup }

    /// The seats of instance `i` (for tests and reports).
    public func seats(of i: Int) -> [Seat] {
        let start = Int(instanceRules[i].seats.start)
        return (0..<Int(instances.seatCount[i])).map { seats[start + $0] }
    }

    /// The partners sitting on instance `i`, in seat order.
    public func members(of i: Int) -> [Int] { seats(of: i).map { Int($0.partner) } }
}
