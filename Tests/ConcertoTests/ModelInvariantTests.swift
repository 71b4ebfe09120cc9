import XCTest
@testable import Concerto

/// Invariants that hold in every replication, whatever the parameters.
final class ModelInvariantTests: XCTestCase {
    func checkInvariants(_ s: Structure, replications: Int = 6, file: StaticString = #filePath, line: UInt = #line) {
        for rep in 0..<replications {
            var replication = Replication(structure: s, seed: 99, replication: rep, recordMinutes: true)
            let r = replication.run()
            let minutes = replication.minutes!
            let d = r.diagnostics
            XCTAssertEqual(d.decided + d.dropped + d.open, d.emerged, "every issue is decided, dropped or open exactly once", file: file, line: line)
            XCTAssertLessThanOrEqual(d.maxPresentOverMembers, 0, "attendance never exceeds membership", file: file, line: line)
            // Hours recomputed from the minutes (who attended, who was absent, who organised,
            // who answered surveys) and the structure's rules, not from the tally's counters.
            let hours = MinutesRecount.hoursByPartner(minutes, structure: s)
            let tallied = replication.partnerHours
            for p in s.partners.indices {
                XCTAssertEqual(tallied[p], hours[p], accuracy: 1e-9 * Swift.max(1, hours[p]), "hours of \(s.partners[p].id) add up", file: file, line: line)
            }
            XCTAssertEqual(d.partnerHours, hours.reduce(0, +), accuracy: 1e-6 * Swift.max(1, d.partnerHours), "total hours add up", file: file, line: line)
            XCTAssertEqual(d.partnerHours, d.meetingHours, accuracy: 1e-6 * Swift.max(1, d.partnerHours), "partners' hours are the structure's bodies' hours", file: file, line: line)
            // Outside the structure: the other tables' meetings and the background load of
            // every measured month.
            let outside = MinutesRecount.hoursByPartner(minutes, structure: s, outside: true)
            let months = CalendarMonths(startMonth: s.startMonth)
            let measuredMonths = (0..<Int(s.horizonDays / 28) + 2).filter {
                let t = months.startOfMonth($0)
                return t >= s.warmupDays - 1e-9 && (t < s.horizonDays || $0 == 0)
            }.count
            let background = replication.backgroundHours, talliedOutside = replication.partnerOutsideHours
            for p in s.partners.indices {
                let expected = outside[p] + background[p] * Double(measuredMonths)
                XCTAssertEqual(talliedOutside[p], expected, accuracy: 1e-9 * Swift.max(1, expected), "outside hours of \(s.partners[p].id) add up", file: file, line: line)
            }
            // Final decisions by mode, recounted from the items and surveys of the minutes.
            let modes = MinutesRecount.finalDecisionsByMode(minutes, structure: s)
            XCTAssertEqual(modes, d.decisionsByMode, "decisions by mode from the minutes", file: file, line: line)
            XCTAssertEqual(modes.reduce(0, +), d.decided, "every final decision has one mode", file: file, line: line)
            let outcomes = MinutesRecount.outcomes(minutes, structure: s)
            XCTAssertEqual(outcomes.decided, d.decided, file: file, line: line)
            XCTAssertEqual(outcomes.dropped, d.dropped, file: file, line: line)
            XCTAssertEqual(outcomes.open, d.open, file: file, line: line)
            checkLatencies(r, minutes: minutes, structure: s, file: file, line: line)
            for (k, m) in MeasureCatalog(structure: s).measures.enumerated() where m.unit == .share {
                let v = r.values[k]
                if v.isFinite { XCTAssertTrue(v >= 0 && v <= 1 + 1e-12, "\(m.family).\(m.group).\(m.name) = \(v)", file: file, line: line) }
            }
        }
    }

    /// The latency measures of a replication recomputed from the issues of its minutes (when each
    /// emerged, was decided or dropped), not from the tally's records and their sorting.
    func checkLatencies(_ r: ReplicationResult, minutes: Minutes, structure s: Structure, file: StaticString, line: UInt) {
        let catalog = MeasureCatalog(structure: s)
        func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
        func finite(_ x: Double) -> Double { x.isFinite ? x : .nan }
        let kindIndex = Dictionary(uniqueKeysWithValues: catalog.kindIDs.map { id in (id, s.issueKinds.firstIndex { $0.id == id }!) })
        for (family, group) in [(MeasureFamily.latency, "")] + catalog.kindIDs.map({ (MeasureFamily.issueKind, $0) }) {
            let kind = group.isEmpty ? nil : kindIndex[group]
            let w = MinutesRecount.waits(minutes, structure: s, kind: kind)
            let at90 = w.waits.cumulativeIncidence(atDays: 90), at365 = w.waits.cumulativeIncidence(atDays: 365)
            let expected: [(String, Double)] = [
                ("medianDaysKM", finite(w.waits.kaplanMeierMedian())), ("medianDaysCIF", finite(w.waits.cumulativeIncidenceMedian())),
                ("decidedWithin90Days", at90?.decided ?? .nan), ("decidedWithin365Days", at365?.decided ?? .nan),
                ("droppedWithin365Days", at365?.dropped ?? .nan), ("p90Days", w.waits.decidedQuantile(0.9)),
                ("inProgressShare", w.waits.count > 0 ? Double(w.inProgress) / Double(w.waits.count) : .nan),
                ("stuckShare", w.waits.count > 0 ? Double(w.stuck) / Double(w.waits.count) : .nan),
            ]
            for (name, value) in expected {
                let got = r.values[catalog.index(family: family, group: group, name: name)!]
                XCTAssertTrue(same(got, value), "\(family).\(group).\(name): \(got) ≠ \(value) from the minutes", file: file, line: line)
            }
            if let f = at365 { XCTAssertEqual(f.decided + f.dropped + f.waiting, 1, accuracy: 1e-12, file: file, line: line) }
        }
    }

    func testSeptRivieres() throws {
        checkInvariants(try TestScenarios.loadShipped("sept-rivieres"))
    }

    func testEveryShippedStructure() throws {
        for name in ["lanaudiere", "orbite", "mirabel-before-orbite", "charlevoix"] {
            checkInvariants(try TestScenarios.loadShipped(name), replications: 2)
        }
    }

    func testUnderStress() throws {
        // Overloaded partners, hard votes that drop issues, escalation, deadlines: every path taken.
        let s = try TestScenarios.loadShipped("sept-rivieres") { obj in
            var d = obj["partnerDefaults"] as! [String: Any]
            d["capacityHoursPerMonth"] = 1.5
            obj["partnerDefaults"] = d
            var del = obj["deliberation"] as! [String: Any]
            del["positions"] = ["mean": 0.45, "sd": 0.3]
            obj["deliberation"] = del
            var kinds = obj["issueKinds"] as! [[String: Any]]
            for k in kinds.indices { kinds[k]["dropAfterDays"] = 200; kinds[k]["ratePerYear"] = ((kinds[k]["ratePerYear"] as? Double) ?? 1) * 3 }
            obj["issueKinds"] = kinds
            var inst = obj["instances"] as! [[String: Any]]
            for k in inst.indices where (inst[k]["kind"] as? String) == "working" {
                var rule = inst[k]["decisionRule"] as! [String: Any]
                rule["onVoteFailure"] = "drop"
                inst[k]["decisionRule"] = rule
            }
            obj["instances"] = inst
        }
        checkInvariants(s)
        let r = Ensemble.run(s, settings: RunSettings(replications: 6, seed: 3, threads: 2))
        XCTAssertGreaterThan(r.totals.dropped, 0, "the stress scenario drops issues")
        XCTAssertGreaterThan(r.summary(.hyperconcertation, "attritionShare")!.mean, 0, "and partners leave")
    }

    func testDropsAmongDecisionsSeparateTheTwoMedians() throws {
        // A monthly vote that passes with 2 of 5 supporters (about 81%) and drops the issue
        // otherwise: drops and decisions at every meeting. 1 − KM (drops censored) is at least
        // the cumulative incidence of decision, so the KM median is never later, and is earlier
        // whenever a drop comes before it.
        var obj = TestScenarios.singleServer(periodDays: 30, ratePerYear: 24, years: 4)
        var inst = obj["instances"] as! [[String: Any]]
        inst[0]["decisionRule"] = ["mode": "vote", "voteThreshold": 0.4, "onVoteFailure": "drop"]
        obj["instances"] = inst
        obj["deliberation"] = ["model": "probabilistic", "consensusProbability": 0, "positions": ["mean": 0.5, "sd": 0.3]]
        let s = try TestScenarios.compile(obj)
        checkInvariants(s, replications: 3)
        let catalog = MeasureCatalog(structure: s)
        let km = catalog.index(family: .latency, name: "medianDaysKM")!, cif = catalog.index(family: .latency, name: "medianDaysCIF")!
        var later = 0
        for rep in 0..<8 {
            let v = Ensemble.replicate(s, seed: 5, replication: rep).values
            XCTAssertGreaterThanOrEqual(v[cif], v[km], "replication \(rep)")
            if v[cif] > v[km] { later += 1 }
        }
        XCTAssertGreaterThanOrEqual(later, 6, "drops before the median in most replications")
    }

    func testTheRecountsCanFail() throws {
        // The recount is independent: charging absentees nothing, forgetting travel or
        // organisers would each give other hours than the simulation's.
        let s = try TestScenarios.loadShipped("charlevoix")
        var replication = Replication(structure: s, seed: 3, replication: 0, recordMinutes: true)
        _ = replication.run()
        let minutes = replication.minutes!
        let exact = MinutesRecount.hoursByPartner(minutes, structure: s)
        XCTAssertNotEqual(MinutesRecount.hoursByPartner(minutes, structure: s, chargeAbsentees: false), exact)
        XCTAssertNotEqual(MinutesRecount.hoursByPartner(minutes, structure: s, chargeTravel: false), exact)
        XCTAssertNotEqual(MinutesRecount.hoursByPartner(minutes, structure: s, chargeOrganisers: false), exact)
        for p in s.partners.indices { XCTAssertEqual(replication.partnerHours[p], exact[p], accuracy: 1e-9 * Swift.max(1, exact[p])) }
    }

    func testSolicitedHoursEqualTheSumOverMeetings() throws {
        // With one instance and no surveys, partner-hours are meetings × (solicited cost).
        let obj = TestScenarios.singleServer(periodDays: 30, ratePerYear: 5, members: 4, years: 2)
        let s = try TestScenarios.compile(obj)
        let r = Ensemble.replicate(s, seed: 1, replication: 0)
        // Always-present staff: each meeting costs 4 × (2 h meeting + 1 h preparation) + 4 × 3 h organisation.
        XCTAssertEqual(r.diagnostics.partnerHours, Double(r.diagnostics.meetings) * (4 * 3 + 4 * 3), accuracy: 1e-9)
    }
}

/// Measures recomputed from a replication's minutes, independently of the tally.
enum MinutesRecount {
    /// Hours each partner was solicited in the measured window: attendees pay the meeting,
    /// its preparation and travel (one trip a day), absentees a fraction, organisers their
    /// hours, survey respondents the survey's.
    /// `outside`: the hours at the territory's other tables instead of the structure's.
    static func hoursByPartner(_ m: Minutes, structure s: Structure, chargeAbsentees: Bool = true, chargeTravel: Bool = true,
                               chargeOrganisers: Bool = true, outside: Bool = false) -> [Double] {
        var hours = [Double](repeating: 0, count: s.partners.count)
        var lastTrip = [Double?](repeating: nil, count: s.partners.count)
        let warmup = s.warmupDays
        for meeting in m.meetings {
            let rules = s.instances[meeting.instance].rules
            let base = rules.meetingHours + rules.preparationHours
            let measured = meeting.day >= warmup && rules.outside == outside
            for p in meeting.attendees + meeting.observers {
                var cost = base
                if chargeTravel && lastTrip[p] != meeting.day { cost += s.travel(from: s.partners[p].territory, to: Int(rules.venue)) }
                lastTrip[p] = meeting.day
                if measured { hours[p] += cost }
            }
            if measured && chargeAbsentees { for p in meeting.absentees { hours[p] += s.attendance.absentCostFraction * base } }
            if measured && chargeOrganisers { for p in meeting.organisers { hours[p] += rules.organiserHours } }
        }
        for survey in m.surveys where survey.day >= warmup && !outside {
            for p in survey.respondents { hours[p] += s.attendance.surveyHours }
        }
        return hours
    }

    /// Final decisions (on issues that emerged in the measured window) by mode: the success at
    /// the last step needing a decision of the issue's route; delegated when the urgent
    /// delegate took it.
    static func finalDecisionsByMode(_ m: Minutes, structure s: Structure) -> [Int] {
        var counts = [Int](repeating: 0, count: DecisionMode.allCases.count)
        func lastDecisionStep(_ issue: Int) -> Int? { s.issueKinds[m.issues[issue - 1].kind].steps.lastIndex { $0.act != .inform } }
        func measured(_ issue: Int) -> Bool { m.issues[issue - 1].emergence >= s.warmupDays }
        for item in m.items where measured(item.issue) && item.step == lastDecisionStep(item.issue) {
            switch item.outcome {
            case .consensus: counts[(item.delegated ? DecisionMode.delegated : .consensus).rawValue] += 1
            case .votePassed: counts[(item.delegated ? DecisionMode.delegated : .vote).rawValue] += 1
            default: break
            }
        }
        for survey in m.surveys where survey.passed && measured(survey.issue) && survey.step == lastDecisionStep(survey.issue) {
            counts[(survey.delegated ? DecisionMode.delegated : .survey).rawValue] += 1
        }
        return counts
    }

    /// How long the issues needing a decision that emerged in the measured window waited and how
    /// each wait ended (of one kind, or all), with the open ones split at `stuckAfterDays`.
    static func waits(_ m: Minutes, structure s: Structure, kind: Int?) -> (waits: WaitList, inProgress: Int, stuck: Int) {
        var days: [Double] = [], outcomes: [LatencyOutcome] = []
        var inProgress = 0, stuck = 0
        for issue in m.issues where issue.emergence >= s.warmupDays && s.issueKinds[issue.kind].isDecision && (kind == nil || issue.kind == kind!) {
            if let d = issue.decided { days.append(d.day - issue.emergence); outcomes.append(.decided) }
            else if let d = issue.dropped { days.append(d.day - issue.emergence); outcomes.append(.dropped) }
            else {
                let age = s.horizonDays - issue.emergence
                days.append(age); outcomes.append(.open)
                if age >= s.kindRules[issue.kind].stuckAfterDays { stuck += 1 } else { inProgress += 1 }
            }
        }
        return (WaitList(days: days, outcomes: outcomes), inProgress, stuck)
    }

    /// Issues needing a decision that emerged in the measured window, by how they ended.
    static func outcomes(_ m: Minutes, structure s: Structure) -> (decided: Int, dropped: Int, open: Int) {
        var decided = 0, dropped = 0, open = 0
        for issue in m.issues where issue.emergence >= s.warmupDays && s.issueKinds[issue.kind].isDecision {
            if issue.decided != nil { decided += 1 } else if issue.dropped != nil { dropped += 1 } else { open += 1 }
        }
        return (decided, dropped, open)
    }
}
