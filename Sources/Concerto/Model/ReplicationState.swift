// The state of one replication, in plain-value buffers (see `Buffer`), reused from one
// replication to the next by a worker's `ReplicationWorkspace`.
//
// Index letters, used throughout the model:
//   p     a partner (0 ..< partners.count), in scenario order; staff included
//   i, d  an instance (d: the delegate deciding urgent issues for i)
//   k     an issue kind
//   s     an issue slot in `IssuePool` (slots are recycled when an issue ends)
//   t     a territory;  c  a sector;  a  an age group
//   slot  a seat index within an instance's block of seats (0 ..< seatCount[i])
//
// State arrays and what each entry means:
//   PartnerState.engagement[p]   current engagement in [0,1] (baseline from the scenario)
//   PartnerState.monthHours[p]   hours solicited so far in the current month (from its background load on)
//   PartnerState.prevRatio[p]    last month's load ratio (hours / capacity) when above 1, else 0
//                                (only whether it exceeds 1, and then its value, is ever read)
//   PartnerState.lastTravel[p]   day of the meeting it last travelled to (nil: never); a second
//                                meeting the same day (ORBITE afternoon) costs no second trip
//   PartnerState.left[p]         has left the open instances (attrition); keeps mandated seats
//   PartnerState.background[p]   its background load: hours a month outside the modelled bodies
//   PartnerState.vacantUntil[p]  staff only: the day its post is filled again after its holder
//                                left (turnover); vacant while now < vacantUntil (0: never vacant)
//   PartnerState.overloadHistory[p]  bit m set: it was over capacity m + 1 months ago (bit 0:
//                                the month that just closed); masked to the burnout window
//   InstanceState.active[i]      exists now (on-demand instances come and go)
//   InstanceState.lastWork[i]    day it last discussed an item (on-demand dissolution)
//   InstanceState.firstNominal[i], nominalIndex[i]   its regular schedule: meeting n is
//                                nominally at firstNominal + n × period
//   InstanceState.nextMeeting[i] day of its next regular meeting (+inf: none before the horizon)
//   InstanceState.extraPending[i] day of an extra meeting already called (nil: none)
//   InstanceState.seatCount[i]   seats filled in its block of `seats`
//   seats[rules.seats.start + slot]   who sits there and how (`Seat`)
//   coverage (ThemeCoverage)     the bodies that solicited partner p on theme t this month
//   waiting[i]                   issue slots waiting at i, urgent first, then by emergence, then slot
//   IssuePool.slots[s]           the issue in slot s (`IssueState`); `free` the recycled slots
//   IssuePool.positions[s × maxSeats + slot]   the position of the member in `slot` of the issue's
//                                current instance (bounded confidence; NaN until drawn)

/// A seat on an instance: who sits there and on what terms.
public struct Seat: Sendable, Equatable, BitwiseCopyable {
    public var partner: Int32
    /// Attends unless its own load is over capacity (the coordinator).
    public var mandatory: Bool
    /// Holds the seat by mandate (quota, named, elected, mandatory): keeps it after leaving
    /// open instances, and attends with interest at least `mandateInterest`.
    public var mandated: Bool
    /// Attends and carries load but neither deliberates nor votes.
    public var observer: Bool
    /// Elected by another instance; renewed at each election.
    public var elected: Bool
    /// The partner's interest in the instance's themes.
    public var interest: Double
}

/// An issue (dossier) in flight: where it is on its route and what happened to it so far.
struct IssueState: BitwiseCopyable {
    /// A serial number for the minutes (unique within the replication).
    var id: Int32 = 0
    var kind: Int32 = 0
    /// The territory it belongs to (per-territory kinds), else nil.
    var territory: Int32? = nil
    /// Its theme (the kind's, or drawn from its shares); −1: none.
    var theme: Int32 = -1
    /// Index of its current step within its route.
    var step: Int32 = 0
    /// The instance holding it now (set when it enters a step).
    var instance: Int32 = 0
    var emergence: Double = 0
    /// Discussions at the current instance (reset when it moves).
    var attempts: Int32 = 0
    /// Meetings at which it was on the agenda, all instances together.
    var meetings: Int32 = 0
    var urgent = false
    /// It is at the urgent delegate (the comité de coordination) rather than its step's instance.
    var delegated = false
    /// The final decision was taken; remaining steps only inform.
    var decided = false
    /// Passed over at its instance for lack of agenda time (`priorityThenAge`: it goes ahead of
    /// younger items until it leaves the instance).
    var skipped = false
    var active = false
}

/// How an issue left the system (or not).
enum IssueOutcome { case decided, dropped, open }

/// Who is in the room for an agenda item: the voting members present (after recusals), as
/// partner indices and their seat slots, side by side. Deliberation, votes, the decision tally
/// and the engagement boost all read the room they are given, nothing else.
struct Room {
    let partners: UnsafeMutablePointer<Int32>
    let slots: UnsafeMutablePointer<Int32>
    var count: Int

    @inlinable var isEmpty: Bool { count == 0 }
    @inlinable func partner(_ k: Int) -> Int { assert(k < count); return Int(partners[k]) }
    @inlinable func slot(_ k: Int) -> Int { assert(k < count); return Int(slots[k]) }
    var partnerBuffer: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: partners, count: count) }
    var slotBuffer: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: slots, count: count) }

    @inlinable mutating func append(partner p: Int, slot: Int) {
        partners[count] = Int32(p); slots[count] = Int32(slot); count += 1
    }
}

/// Storage for rooms: the meeting's room (voters present), an item's room after recusals, and
/// a survey's respondents. Each holds at most `maxSeats` members.
struct RoomStorage {
    var partners: Buffer<Int32>
    var slots: Buffer<Int32>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        partners = .allocate(3 * capacity, repeating: 0)
        slots = .allocate(3 * capacity, repeating: 0)
    }
    func deallocate() { partners.deallocate(); slots.deallocate() }

    /// An empty room in part `n` (0 meeting, 1 item, 2 survey) of the storage.
    func emptyRoom(_ n: Int) -> Room {
        Room(partners: partners.base + n * capacity, slots: slots.base + n * capacity, count: 0)
    }
}

/// Partner state (index p); see the comment block above.
struct PartnerState {
    var engagement: Buffer<Double>
    var monthHours: Buffer<Double>
    var prevRatio: Buffer<Double>
    var lastTravel: Buffer<Double?>
    var left: Buffer<Bool>
    var background: Buffer<Double>
    var vacantUntil: Buffer<Double>
    var overloadHistory: Buffer<UInt64>

    init(count n: Int) {
        engagement = .allocate(n, repeating: 0); monthHours = .allocate(n, repeating: 0); prevRatio = .allocate(n, repeating: 0)
        lastTravel = .allocate(n, repeating: nil); left = .allocate(n, repeating: false)
        background = .allocate(n, repeating: 0); vacantUntil = .allocate(n, repeating: 0); overloadHistory = .allocate(n, repeating: 0)
    }
    func deallocate() {
        engagement.deallocate(); monthHours.deallocate(); prevRatio.deallocate(); lastTravel.deallocate(); left.deallocate(); background.deallocate()
        vacantUntil.deallocate(); overloadHistory.deallocate()
    }
}

/// Instance state (index i); see the comment block above.
struct InstanceState {
    var active: Buffer<Bool>
    var lastWork: Buffer<Double>
    var nominalIndex: Buffer<Int>
    var firstNominal: Buffer<Double>
    var nextMeeting: Buffer<Double>
    var extraPending: Buffer<Double?>
    var seatCount: Buffer<Int32>
    /// When an on-demand body was last created (bodies born from decisions: their lifetime).
    var createdAt: Buffer<Double>

    init(count n: Int) {
        createdAt = .allocate(n, repeating: 0)
        active = .allocate(n, repeating: true); lastWork = .allocate(n, repeating: 0); nominalIndex = .allocate(n, repeating: 0)
        firstNominal = .allocate(n, repeating: 0); nextMeeting = .allocate(n, repeating: .infinity)
        extraPending = .allocate(n, repeating: nil); seatCount = .allocate(n, repeating: 0)
    }
    func deallocate() {
        active.deallocate(); lastWork.deallocate(); nominalIndex.deallocate(); firstNominal.deallocate()
        nextMeeting.deallocate(); extraPending.deallocate(); seatCount.deallocate(); createdAt.deallocate()
    }
}

/// Which bodies solicited each partner on each theme in the current month (redundancy): up to
/// `ThemeCoverage.slots` bodies a cell, cell `p × themes + t`, valid when `month` is the current
/// month (stamped month + 1; 0: never).
struct ThemeCoverage {
    static let slots = 4
    var month: Buffer<Int32>
    var count: Buffer<UInt8>
    var bodies: Buffer<Int32>

    init(cells n: Int) {
        month = .allocate(n, repeating: 0); count = .allocate(n, repeating: 0); bodies = .allocate(n * Self.slots, repeating: 0)
    }
    func deallocate() { month.deallocate(); count.deallocate(); bodies.deallocate() }
}

/// Issue slots, their free list and their members' positions.
struct IssuePool {
    var slots = GrowableBuffer<IssueState>(capacity: 64)
    /// Slots of ended issues, reused last-freed first.
    var free = GrowableBuffer<Int32>(capacity: 64)
    /// `maxSeats` positions per slot (bounded confidence only).
    var positions = GrowableBuffer<Double>(capacity: 64)
    /// Issues created so far (serial numbers).
    var created: Int32 = 0

    func deallocate() { slots.deallocate(); free.deallocate(); positions.deallocate() }
}

/// Scratch space for building memberships and elections without allocating: marks and
/// counts indexed by partner, organisation, sector and territory, reset by generation stamps.
struct MembershipScratch {
    /// `seated[p] == stamp`: p already sits on the instance being built.
    var seated: Buffer<UInt32>
    /// `used[p] == stamp`: p already won a seat in the election being held.
    var used: Buffer<UInt32>
    var stamp: UInt32 = 0
    /// Seats per organisation on the instance being built (valid where `orgStamp == stamp`).
    var perOrg: Buffer<Int>
    var orgStamp: Buffer<UInt32>
    /// Seats per organisation, sector and territory in the election being held.
    var electOrg: Buffer<Int>
    var electOrgStamp: Buffer<UInt32>
    var sectorCount: Buffer<Int>
    var territoryCount: Buffer<Int>
    /// Lists being shuffled and drawn from.
    /// Votes by organisation: the sum of positions and the members present per organisation
    /// (valid where `voteStamp == stamp`), and the organisations seen, in order.
    var voteSum: Buffer<Double>
    var voteCount: Buffer<Int32>
    var voteStamp: Buffer<UInt32>
    var vote: UInt32 = 0
    var voteOrgs = GrowableBuffer<Int32>(capacity: 16)
    var list = GrowableBuffer<Int32>(capacity: 64)
    var list2 = GrowableBuffer<Int32>(capacity: 64)
    var chosen = GrowableBuffer<Int32>(capacity: 16)

    init(partners: Int, organisations: Int, sectors: Int, territories: Int) {
        seated = .allocate(partners, repeating: 0); used = .allocate(partners, repeating: 0)
        perOrg = .allocate(organisations, repeating: 0); orgStamp = .allocate(organisations, repeating: 0)
        electOrg = .allocate(organisations, repeating: 0); electOrgStamp = .allocate(organisations, repeating: 0)
        sectorCount = .allocate(sectors, repeating: 0); territoryCount = .allocate(territories, repeating: 0)
        voteSum = .allocate(organisations, repeating: 0); voteCount = .allocate(organisations, repeating: 0); voteStamp = .allocate(organisations, repeating: 0)
    }
    func deallocate() {
        seated.deallocate(); used.deallocate(); perOrg.deallocate(); orgStamp.deallocate(); electOrg.deallocate(); electOrgStamp.deallocate()
        sectorCount.deallocate(); territoryCount.deallocate(); list.deallocate(); list2.deallocate(); chosen.deallocate()
        voteSum.deallocate(); voteCount.deallocate(); voteStamp.deallocate(); voteOrgs.deallocate()
    }
}
