import Foundation

/// What each body can expect before anything runs: the share of its members at a meeting and
/// how often its quorum fails, predicted from the model's attendance formula (MODEL.md, step 1)
/// and the scenario's values, without simulating.
///
/// A member comes with probability `engagement × availability(load ratio) ×
/// max(interestFloor, interest)` (times the support factor; a mandated seat's interest is at
/// least `mandateInterest`; a mandatory member comes when available). The forecast takes each
/// partner's expected monthly load — its bodies' meetings (full cost when present,
/// `absentCostFraction` when absent), organising and background hours — and its engagement at
/// equilibrium (the baseline, raised by `decisionBoost` for the decisions it attends, at the
/// kinds' arrival rates, against the monthly `recoveryRate` toward the baseline), found by a
/// fixed point, since load and engagement depend on attendance. A seat drawn among candidates
/// (a quota, an election, a delegation, open seats under a cap) counts as one seat whose
/// probability is the candidates' average. The number present is then Poisson binomial over
/// the voting seats, which gives the quorum's failure probability exactly for those
/// probabilities. Left out: overload's erosion of engagement, attrition, turnover,
/// joining, caps per organisation, chairs' absence, bodies born from decisions or on demand
/// (not counted in loads), and the delegations' upper count (the lower one is used).
public struct AttendanceForecast: Sendable {
    /// One body's forecast.
    public struct Body: Sendable, Equatable {
        /// The body (index into `Structure.instances`).
        public let instance: Int
        /// Expected share of its seats (observers included) present at a meeting.
        public let expectedAttendance: Double
        /// Probability that a meeting fails its quorum.
        public let quorumFailure: Double
        /// Expected voting members present.
        public let expectedPresent: Double
        /// Its voting seats.
        public let votingSeats: Int
        /// Members needed for quorum (0: no quorum).
        public let quorumNeeded: Int
    }

    /// The structure's own bodies, in order (outside tables and bodies born from decisions left out).
    public let bodies: [Body]
    /// Each partner's expected load ratio (monthly hours over capacity) at the fixed point.
    public let loadRatio: [Double]

    /// `copies` seats alike: who may hold each (partner, weight; weights sum to at most 1) and how it attends.
    struct Seat {
        var candidates: [(partner: Int, weight: Double, factor: Double)]
        var copies = 1
        var mandatory: Bool
        var mandated: Bool
        var observer: Bool
    }

    public init(structure s: Structure) {
        let n = s.instances.count
        let horizon = Swift.max(s.horizonDays, 1)
        // Seats, body by body, in build order (delegations and elections draw on bodies built before).
        var seats = [[Seat]](repeating: [], count: n)
        var sits = [[Int: Double]](repeating: [:], count: n)
        for i in s.buildOrder {
            let m = s.instances[i].membership
            var list: [Seat] = []
            var fixed = Set<Int>()
            func one(_ p: Int, mandatory: Bool, mandated: Bool, observer: Bool = false) {
                if fixed.insert(p).inserted { list.append(Seat(candidates: [(p, 1, 0)], mandatory: mandatory, mandated: mandated, observer: observer)) }
            }
            func drawn(_ count: Int, among pool: [Int: Double], mandatory: Bool, mandated: Bool) {
                let free = pool.filter { !fixed.contains($0.key) && $0.value > 0 }
                let total = free.values.reduce(0, +)
                guard total > 0 else { return }
                let candidates = free.keys.sorted().map { ($0, free[$0]! / total, 0.0) }
                let copies = Swift.min(count, free.count)
                if copies > 0 { list.append(Seat(candidates: candidates, copies: copies, mandatory: mandatory, mandated: mandated, observer: false)) }
            }
            for p in m.mandatory { one(p, mandatory: true, mandated: true) }
            for d in m.mandatoryFrom {
                var taken = 0
                for p in d.named where taken < d.count && (sits[d.instance][p] ?? 0) > 0 && !fixed.contains(p) {
                    one(p, mandatory: d.mandatory, mandated: true); taken += 1
                }
                drawn(d.count - taken, among: sits[d.instance], mandatory: d.mandatory, mandated: true)
            }
            for p in m.named { one(p, mandatory: false, mandated: true) }
            for p in m.observers { one(p, mandatory: false, mandated: true, observer: true) }
            for q in m.quotas { drawn(q.count, among: Dictionary(q.candidates.map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a }), mandatory: false, mandated: true) }
            if let e = s.instances[i].rules.election {
                drawn(Int(e.seats), among: sits[Int(e.by)], mandatory: false, mandated: true)
            }
            if m.open {
                let eligible = m.openEligible.filter { !fixed.contains($0) }
                let room = m.seats.map { Swift.max(0, $0 - m.vacantCount - list.reduce(0) { $0 + $1.copies }) } ?? Int.max
                if room >= eligible.count {
                    for p in eligible { one(p, mandatory: false, mandated: false) }
                } else {
                    drawn(room, among: Dictionary(eligible.map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a }), mandatory: false, mandated: false)
                }
            }
            seats[i] = list
            for seat in list { for c in seat.candidates { sits[i][c.partner, default: 0] += c.weight * Double(seat.copies) } }
        }

        // Meetings per year of each body over the run (its schedule, times the share of the run it exists).
        var perYear = [Double](repeating: 0, count: n)
        func meetings(_ i: Int, depth: Int) -> Double {
            let r = s.instances[i].rules
            var base = 0.0
            if let period = r.periodDays, period > 0 { base = 365 / period } else if let parent = r.coupledTo, depth < n { base = meetings(Int(parent), depth: depth + 1) }
            return base
        }
        for i in 0..<n {
            let r = s.instances[i].rules
            if r.bornFromDecision || r.onDemand { continue }
            let lived = Swift.min(r.endDay, horizon) - Swift.max(r.startDay, 0)
            perYear[i] = meetings(i, depth: 0) * Swift.min(1, Swift.max(0, lived / horizon))
        }

        var engagement = s.partners.map(\.engagement)
        // Interest of each partner in each body's themes (1 when the body has none).
        func interest(_ p: Int, _ i: Int) -> Double {
            let themes = s.instances[i].themes
            return themes.isEmpty ? 1 : themes.map { s.partners[p].interest[$0] }.max() ?? 1
        }
        let a = s.attendance
        // Each candidate's interest factor, times the support factor, computed once.
        for i in 0..<n {
            let support = s.instances[i].rules.supported ? s.support.supportAttendanceFactor : 1
            for k in seats[i].indices {
                let mandated = seats[i][k].mandated
                for c in seats[i][k].candidates.indices {
                    let own = interest(seats[i][k].candidates[c].partner, i)
                    seats[i][k].candidates[c].factor = Swift.max(a.interestFloor, mandated ? Swift.max(a.mandateInterest, own) : own) * support
                }
            }
        }
        func probability(_ c: (partner: Int, weight: Double, factor: Double), _ seat: Seat, _ availability: Double) -> Double {
            seat.mandatory ? availability : Swift.min(1, engagement[c.partner] * availability * c.factor)
        }

        // Fixed hours a month: background load and organising.
        let np = s.partners.count
        var fixedHours = [Double](repeating: 0, count: np)
        for d in s.backgroundDraws { fixedHours[Int(d.partner)] += d.mean }
        for i in 0..<n where perYear[i] > 0 {
            let hours = s.instances[i].rules.organiserHours * perYear[i] / 12
            if let org = s.instances[i].organiserIndices {
                for p in org { fixedHours[p] += hours }
            } else {
                for seat in seats[i] { for c in seat.candidates where s.partners[c.partner].staff { fixedHours[c.partner] += hours * c.weight * Double(seat.copies) } }
            }
        }
        // Decisions a year at each body (steps needing a decision, by the kinds' arrival rates):
        // each raises the engagement of the members present by `decisionBoost`.
        var decisionsPerYear = [Double](repeating: 0, count: n)
        for k in s.issueKinds {
            let r = k.rules
            let active = Swift.min(1, Swift.max(0, (Swift.min(r.endDay, horizon) - Swift.max(r.startDay, 0)) / horizon))
            let arrivals = r.ratePerYear * Double(Swift.max(1, k.territories.count)) * active
            guard arrivals > 0 else { continue }
            for step in k.steps where step.act.needsDecision {
                switch step.target {
                case .instance(let i): decisionsPerYear[i] += arrivals
                case .byTerritory(let table):
                    let ts = k.territories
                    for t in ts { if let i = table[t] { decisionsPerYear[i] += arrivals / Double(ts.count) } }
                case .byTheme(let table):
                    for share in k.themeShares { if let i = table[share.theme] { decisionsPerYear[i] += arrivals * share.share } }
                }
            }
        }
        // The fixed point: availability from load, load from attendance, engagement from the
        // decisions attended (at equilibrium, boosts balance the monthly recovery toward the
        // baseline: e = baseline + boosts a month / recoveryRate, at most 1).
        var availability = [Double](repeating: 1, count: np)
        var ratio = [Double](repeating: 0, count: np)
        for _ in 0..<100 {
            var hours = fixedHours
            var boosts = [Double](repeating: 0, count: np)
            for i in 0..<n where perYear[i] > 0 {
                let r = s.instances[i].rules
                let baseCost = r.meetingHours + r.preparationHours
                for seat in seats[i] {
                    for c in seat.candidates {
                        let p = c.partner, w = c.weight * Double(seat.copies)
                        let q = probability(c, seat, availability[p])
                        let present = baseCost + s.travel(from: s.partners[p].territory, to: Int(r.venue))
                        hours[p] += perYear[i] / 12 * w * (q * present + (1 - q) * a.absentCostFraction * baseCost)
                        if !seat.observer { boosts[p] += decisionsPerYear[i] / 12 * w * q * s.engagement.decisionBoost }
                    }
                }
            }
            var change = 0.0
            for p in 0..<np {
                ratio[p] = hours[p] / Swift.max(s.partners[p].capacity, 1e-9)
                let next = 0.5 * availability[p] + 0.5 * a.availability(ratio[p])
                let baseline = s.partners[p].engagement, recovery = s.engagement.recoveryRate
                let target = ratio[p] > 1 || boosts[p] == 0 ? baseline : recovery > 0 ? Swift.min(1, baseline + boosts[p] / recovery) : 1
                let nextEngagement = 0.5 * engagement[p] + 0.5 * target
                change = Swift.max(change, abs(next - availability[p]), abs(nextEngagement - engagement[p]))
                availability[p] = next
                engagement[p] = nextEngagement
            }
            if change < 1e-9 { break }
        }

        // Each body: attendance, and the Poisson-binomial count of voting members present vs its quorum.
        var out: [Body] = []
        for i in 0..<s.insideCount where !s.instances[i].rules.bornFromDecision {
            var all = 0.0, voting: [Double] = [], seatCount = 0
            for seat in seats[i] {
                let q = seat.candidates.reduce(0.0) { $0 + $1.weight * probability($1, seat, availability[$1.partner]) }
                all += q * Double(seat.copies)
                seatCount += seat.copies
                if !seat.observer { voting += repeatElement(q, count: seat.copies) }
            }
            let need: Int
            switch s.instances[i].rules.quorum {
            case .none: need = 0
            case .present: need = 1
            case .count(let k): need = k
            case .share(let share): need = Int((share * Double(voting.count) - 1e-9).rounded(.up))
            }
            out.append(Body(instance: i, expectedAttendance: seatCount == 0 ? 0 : all / Double(seatCount),
                            quorumFailure: PoissonBinomial.below(need, voting), expectedPresent: voting.reduce(0, +),
                            votingSeats: voting.count, quorumNeeded: need))
        }
        bodies = out
        loadRatio = ratio
    }
}
