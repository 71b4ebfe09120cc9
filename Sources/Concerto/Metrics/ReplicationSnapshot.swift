/// What a replication's measures are computed from, taken when it ends: the tally of what
/// happened in the measured window, and the final state the measures need (who still sits
/// where), summarised once. The measure definitions (`Measures`) read only this.
struct ReplicationSnapshot {
    /// Measured years.
    let years: Double
    let tally: Tally
    let sectorReference: [Double]
    let territoryReference: [Double]
    let ageReference: [Double]

    // Organisations (partners that are not staff), in partner order.
    /// Hours solicited per year by the structure's bodies.
    let organisationHours: [Double]
    let organisationHoursSorted: [Double]
    /// Hours per year outside the structure (other tables, background load), and in all.
    let organisationOutsideHours: [Double]
    let organisationAllHours: [Double]
    /// Redundant hours per year (a theme already covered that month in an unlinked body), and their sum.
    let organisationRedundantHours: [Double]
    let organisationRedundantHoursSum: Double
    /// All hours solicited over capacity × months.
    let organisationLoadRatios: [Double]
    /// Instances of the structure each still sits on at the horizon, and bodies with the outside tables.
    let organisationInstances: [Double]
    let organisationBodies: [Double]
    /// Bodies plus the tables its background load stands for.
    let organisationTables: [Double]
    /// Sums over organisations of the structure's hours, of all hours, and of the hours beyond
    /// monthly capacity.
    let organisationTotalHours: Double
    let organisationAllHoursSum: Double
    let organisationExcessHours: Double
    /// Whether each organisation left open instances (`.seats`).
    let organisationLeft: [Bool]
    let organisationsLeft: Int
    let staffLoadRatios: [Double]
    let staffHours: [Double]
    /// Vacant (reserved, unheld) seats per instance, and the seats held at the horizon (`.seats`).
    let vacantSeats: [Int]
    let heldSeats: Int
    /// The structure's instances (the others are the territory's other tables).
    let insideCount: Int
    /// Staff posts and organisations (whatever the parts asked for).
    let staffCount: Int
    let organisationCount: Int
    /// Jaccard overlap of the members of each pair of instances sharing a theme.
    let themeOverlaps: [Double]
    /// Seats at the horizon (active members) by sector, territory and age group.
    let seatSectors: [Double]
    let seatTerritories: [Double]
    let seatAges: [Double]

    // Totals.
    let solicitedTotal: Int
    let presentTotal: Int
    let meetingsTotal: Int
    let emergedTotal: Int
    let decidedTotal: Int
    let droppedTotal: Int
    let openTotal: Int
    /// Issues open at the horizon for their kind's `stuckAfterDays` or longer.
    let stuckTotal: Int

    // Decision rooms.
    let hasRooms: Bool
    let hasAgeRooms: Bool
    /// Mean share of each category among those present at decisions (`.rooms`).
    let sectorShares: [Double]
    let territoryShares: [Double]
    let ageShares: [Double]

    /// Latencies of all issue kinds, and of one kind.
    let latency: LatencyView
    private let kindCounts: [LatencyView.Counts]
    /// Each kind's entries, sorted by duration, grouped by kind (`.latencyTimes`).
    private let kindSorted: UnsafeBufferPointer<LatencyEntry>
    /// Where each kind's entries start in `kindSorted`.
    private let kindStarts: [Int]

    /// The Kaplan–Meier and cumulative-incidence estimates of every kind together, and of each
    /// kind, at `Measures.incidenceDays` (`.latencyTimes`; else `.none`).
    let latencyEstimates: LatencyEstimates
    private let kindEstimates: [LatencyEstimates]
    func latencyEstimates(ofKind k: Int) -> LatencyEstimates { kindEstimates.isEmpty ? .none : kindEstimates[k] }

    func latency(ofKind k: Int) -> LatencyView {
        let sorted = kindSorted.isEmpty ? kindSorted : UnsafeBufferPointer(rebasing: kindSorted[kindStarts[k] ..< kindStarts[k] + kindCounts[k].total])
        return LatencyView(sorted: sorted, counts: kindCounts[k], binWidth: latency.binWidth, finiteBins: latency.finiteBins)
    }

    func modeShare(_ m: DecisionMode) -> Double { Measures.ratio(Double(tally.modes[m.rawValue]), Double(decidedTotal)) }

    /// The final state a snapshot needs from the model.
    struct FinalState {
        /// Each instance's active seats (members who have not left, or hold a mandate).
        var activeMembers: [[Int32]]
        /// Organisations (not staff) that left the open instances, how many and which (in partner order).
        var organisationsLeft: Int
        var organisationLeft: [Bool]
    }

    /// What every replication result carries for reports, whatever the measures: partners' load
    /// ratios, latencies (pooled for survival curves) and sector shares at decisions.
    static let resultParts: SnapshotParts = [.partners, .latencyCounts, .latencyTimes, .rooms]

    /// Prepares the `parts` the measures being computed need (the others stay empty).
    /// - Parameters: final: who still sits where (needed for `.seats`); sortScratch: room for
    ///   sorting the latencies, three entries per record (grown here if needed), valid as long
    ///   as the snapshot is used.
    init(structure s: Structure, tally t: Tally, parts: SnapshotParts, final seats: FinalState?,
         sortScratch: inout GrowableBuffer<LatencyEntry>) {
        years = s.years
        tally = t
        sectorReference = s.sectorReference; territoryReference = s.territoryReference; ageReference = s.ageReference
        let np = s.partners.count
        let rules = s.partnerRules
        staffCount = (0..<np).filter { rules[$0].staff }.count
        vacantSeats = s.instances.map(\.membership.vacantCount)
        insideCount = s.insideCount
        organisationCount = np - staffCount

        var orgHours: [Double] = [], orgOutside: [Double] = [], orgAll: [Double] = [], orgRatios: [Double] = []
        var staffRatios: [Double] = [], staffHours: [Double] = []
        var excess = 0.0, orgTotal = 0.0, allSum = 0.0, redundantSum = 0.0
        var orgRedundant: [Double] = []
        if parts.contains(.partners) {
            let months = years * 12
            for p in 0..<np {
                let all = t.partnerHours[p] + t.partnerOutsideHours[p]
                let lr = all / (rules[p].capacity * months)
                if rules[p].staff { staffRatios.append(lr); staffHours.append(all / years); continue }
                orgHours.append(t.partnerHours[p] / years)
                orgOutside.append(t.partnerOutsideHours[p] / years)
                orgAll.append(all / years)
                orgRedundant.append(t.partnerRedundantHours[p] / years)
                redundantSum += t.partnerRedundantHours[p]
                orgRatios.append(lr)
                excess += t.partnerExcess[p]
                orgTotal += t.partnerHours[p]
                allSum += all
            }
        }
        organisationHours = orgHours
        organisationHoursSorted = orgHours.sorted()
        organisationOutsideHours = orgOutside
        organisationAllHours = orgAll
        organisationRedundantHours = orgRedundant
        organisationRedundantHoursSum = redundantSum
        organisationLoadRatios = orgRatios
        organisationTotalHours = orgTotal
        organisationAllHoursSum = allSum
        organisationExcessHours = excess
        self.staffLoadRatios = staffRatios
        self.staffHours = staffHours

        var instances: [Double] = [], bodies: [Double] = [], tables: [Double] = [], overlaps: [Double] = []
        var seatSector: [Double] = [], seatTerritory: [Double] = [], seatAge: [Double] = []
        var left = 0, held = 0
        var leftFlags: [Bool] = []
        if parts.contains(.seats), let final = seats {
            left = final.organisationsLeft
            leftFlags = final.organisationLeft
            var instancesOf = [Int](repeating: 0, count: np)
            seatSector = [Double](repeating: 0, count: s.sectorIDs.count)
            seatTerritory = [Double](repeating: 0, count: s.territoryIDs.count)
            let na = s.ageGroupIDs.count
            seatAge = [Double](repeating: 0, count: na)
            // Reserved seats count in seat representativity by what they are reserved for.
            for inst in s.instances.prefix(s.insideCount) {
                for v in inst.membership.vacant {
                    if let c = v.sector { seatSector[c] += Double(v.count) }
                    if let t = v.territory { seatTerritory[t] += Double(v.count) }
                }
            }
            held = final.activeMembers.prefix(s.insideCount).reduce(0) { $0 + $1.count }
            for members in final.activeMembers.prefix(s.insideCount) {
                for p32 in members {
                    let p = Int(p32)
                    instancesOf[p] += 1
                    seatSector[Int(rules[p].sector)] += 1
                    seatTerritory[Int(rules[p].territory)] += 1
                    for a in 0..<na { seatAge[a] += s.ageWeights[p * na + a] }
                }
            }
            instances = (0..<np).filter { !rules[$0].staff }.map { Double(instancesOf[$0]) }
            var outsideOf = [Int](repeating: 0, count: np)
            for members in final.activeMembers.dropFirst(s.insideCount) { for p in members { outsideOf[Int(p)] += 1 } }
            bodies = (0..<np).filter { !rules[$0].staff }.map { Double(instancesOf[$0] + outsideOf[$0]) }
            var backgroundTables = [Double](repeating: 0, count: np)
            let draws = s.backgroundDraws.view
            for k in 0..<draws.count { backgroundTables[Int(draws[k].partner)] += draws[k].tables }
            tables = (0..<np).filter { !rules[$0].staff }.map { Double(instancesOf[$0] + outsideOf[$0]) + backgroundTables[$0] }
            // Jaccard overlaps of the member sets: mark a's members (1), then b's (2: b only, 3: both).
            var mark = [UInt8](repeating: 0, count: np)
            for pair in s.themePairs {
                let a = final.activeMembers[Int(pair.a)], b = final.activeMembers[Int(pair.b)]
                var onlyA = 0, onlyB = 0, both = 0
                for p in a where mark[Int(p)] == 0 { mark[Int(p)] = 1; onlyA += 1 }
                for p in b {
                    switch mark[Int(p)] {
                    case 0: mark[Int(p)] = 2; onlyB += 1
                    case 1: mark[Int(p)] = 3; onlyA -= 1; both += 1
                    default: break
                    }
                }
                for p in a { mark[Int(p)] = 0 }
                for p in b { mark[Int(p)] = 0 }
                let union = onlyA + onlyB + both
                overlaps.append(union == 0 ? 0 : Double(both) / Double(union))
            }
        }
        organisationInstances = instances
        organisationBodies = bodies
        organisationTables = tables
        themeOverlaps = overlaps
        seatSectors = seatSector; seatTerritories = seatTerritory; seatAges = seatAge
        organisationsLeft = left
        heldSeats = held
        organisationLeft = leftFlags

        func sum(_ b: Buffer<Int>) -> Int { Measures.sum(b) }
        solicitedTotal = sum(t.instanceSolicited)
        presentTotal = sum(t.instancePresent)
        meetingsTotal = sum(t.instanceMeetings)
        emergedTotal = sum(t.emerged)
        decidedTotal = sum(t.decidedCount)
        droppedTotal = sum(t.droppedCount)
        openTotal = sum(t.openCount)
        stuckTotal = sum(t.stuckCount)

        hasRooms = t.decisionRooms > 0
        if parts.contains(.rooms) {
            let rooms = Double(t.decisionRooms)
            sectorShares = t.sectorShareSum.array.map { rooms > 0 ? $0 / rooms : 0 }
            territoryShares = t.territoryShareSum.array.map { rooms > 0 ? $0 / rooms : 0 }
            let ageRooms = t.ageShareSum.array.reduce(0, +)
            ageShares = t.ageShareSum.array.map { ageRooms > 0 ? $0 / ageRooms : 0 }
            hasAgeRooms = hasRooms && ageRooms > 0
        } else {
            sectorShares = []; territoryShares = []; ageShares = []; hasAgeRooms = false
        }

        let maxDays = Swift.max(1, years * 365)
        let bin = Self.latencyBinWidth(years: years)
        let finite = Swift.max(1, Int((maxDays / bin).rounded(.up)))
        let records = UnsafeBufferPointer(t.latencies.buffer)
        let counts = parts.contains(.latencyCounts) || parts.contains(.latencyTimes)
            ? LatencyView.counts(records, kinds: s.issueKinds.count) : (all: LatencyView.Counts(), byKind: [])
        kindCounts = counts.byKind
        var n = 0
        var starts: [Int] = []
        if parts.contains(.latencyTimes) {
            // [0, n): every entry by duration; [n, 2n): the same grouped by kind; [2n, 3n): sorting room.
            sortScratch.removeAll()
            sortScratch.reserve(3 * records.count)
            let base = sortScratch.base
            n = LatencyView.sortedEntries(records, binWidth: bin, finiteBins: finite, into: base,
                                          scratch: base + 2 * records.count, binCounts: t.latencyBinCounts.base)
            var next = 0
            for c in counts.byKind { starts.append(next); next += c.total }
            var ends = starts
            LatencyView.partitionByKind(UnsafeBufferPointer(start: base, count: n), into: base + n, starts: &ends)
        }
        kindStarts = starts
        kindSorted = UnsafeBufferPointer(start: sortScratch.base + n, count: n)
        latency = LatencyView(sorted: UnsafeBufferPointer(start: sortScratch.base, count: n), counts: counts.all,
                              binWidth: bin, finiteBins: finite)
        let days = Measures.incidenceDays
        if parts.contains(.latencyTimes) {
            latencyEstimates = LatencyEstimates(latency, atDays: days.first, days.second)
            var byKind: [LatencyEstimates] = []
            byKind.reserveCapacity(s.issueKinds.count)
            for k in 0..<s.issueKinds.count {
                let view = LatencyView(sorted: UnsafeBufferPointer(rebasing: kindSorted[starts[k] ..< starts[k] + counts.byKind[k].total]),
                                       counts: counts.byKind[k], binWidth: bin, finiteBins: finite)
                byKind.append(LatencyEstimates(view, atDays: days.first, days.second))
            }
            kindEstimates = byKind
        } else {
            latencyEstimates = .none
            kindEstimates = []
        }
    }

    /// Latency bins: 1 day, widened so that a run has at most 4,096 bins.
    static func latencyBinWidth(years: Double) -> Double {
        let maxDays = Swift.max(1, years * 365)
        return Swift.max(1, (maxDays / 4096).rounded(.up))
    }
}
