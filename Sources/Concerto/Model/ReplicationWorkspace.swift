/// The memory a worker thread reuses from one replication to the next: every state buffer of
/// `Replication` and its `Tally`, sized once for a structure. After a worker's first
/// replications have reached the run's peak sizes (waiting lists, open issues), a replication
/// allocates nothing to set up or run.
///
/// A `Replication` borrows the buffers while it lives and gives them back (grown, if they
/// grew) when it ends. One workspace serves one structure and one thread at a time.
public final class ReplicationWorkspace: @unchecked Sendable {
    /// The structure the buffers are sized for (identified by its instance table).
    let owner: ObjectIdentifier
    var sim: Simulation
    var partners: PartnerState
    var coverage: ThemeCoverage
    var instances: InstanceState
    var seats: Buffer<Seat>
    var waiting: Buffer<GrowableBuffer<Int32>>
    var issues: IssuePool
    var rooms: RoomStorage
    var pending: GrowableBuffer<Int32>
    var scratch: MembershipScratch
    var tally: Tally
    /// Whether a replication holds the buffers now.
    var lent = false

    public init(structure s: Structure) {
        owner = ObjectIdentifier(s.instanceRules)
        let np = s.partners.count, ni = s.instances.count
        sim = Simulation(capacity: 64 + ni * 2 + s.issueKinds.count * 4)
        partners = PartnerState(count: np)
        coverage = ThemeCoverage(cells: np * Swift.max(1, s.themeIDs.count))
        instances = InstanceState(count: ni)
        seats = .allocate(s.seatCapacity, repeating: Seat(partner: 0, mandatory: false, mandated: false, observer: false, elected: false, interest: 0))
        waiting = .allocate(ni, repeating: GrowableBuffer<Int32>(capacity: 16))
        for i in 1..<Swift.max(1, ni) { waiting[i] = GrowableBuffer<Int32>(capacity: 16) }
        issues = IssuePool()
        rooms = RoomStorage(capacity: Swift.max(1, s.maxSeats))
        pending = GrowableBuffer(capacity: 16)
        let organisations = (s.partners.map(\.organisation).max() ?? 0) + 1
        scratch = MembershipScratch(partners: np, organisations: organisations, sectors: s.sectorIDs.count, territories: s.territoryIDs.count)
        tally = Tally(structure: s)
    }

    /// The calendar, emptied, moved out of the workspace (so that its storage is not shared and
    /// scheduling never copies it); the replication gives it back when it ends.
    func takeSimulation() -> Simulation {
        var s = Simulation(capacity: 0)
        swap(&s, &sim)
        s.reset()
        return s
    }

    /// Where every buffer lives and how much it holds (addresses and capacities): unchanged
    /// from one replication to the next once the buffers have reached their peak sizes.
    var footprint: [Int] {
        var f: [Int] = []
        func add<T>(_ b: GrowableBuffer<T>) { f += [Int(bitPattern: b.base), b.capacity] }
        func add<T>(_ b: Buffer<T>) { f += [Int(bitPattern: b.base), b.count] }
        add(seats); add(waiting)
        for i in 0..<waiting.count { add(waiting[i]) }
        add(issues.slots); add(issues.free); add(issues.positions); add(pending)
        add(scratch.list); add(scratch.list2); add(scratch.chosen); add(tally.latencies); add(tally.sortedLatencies)
        add(partners.engagement); add(instances.active); add(rooms.partners); add(tally.partnerHours)
        f.append(sim.calendar.capacity)
        return f
    }

    /// Whether this workspace was sized for `structure`.
    public func fits(_ structure: Structure) -> Bool { owner == ObjectIdentifier(structure.instanceRules) }

    deinit {
        partners.deallocate(); coverage.deallocate(); instances.deallocate(); seats.deallocate()
        for i in 0..<Swift.max(1, waiting.count) { waiting.base[i].deallocate() }
        waiting.deallocate()
        issues.deallocate(); rooms.deallocate(); pending.deallocate(); scratch.deallocate(); tally.deallocate()
    }
}
