import Foundation
import XCTest
@testable import Concerto

/// Every number a scenario accepts leads to a run that finishes (issue 17): each numeric field of
/// the scenario format at its documented minimum and maximum (`docs/scenario-format.md`), alone
/// and all together, is either refused by validation with a `ScenarioErrors` or runs 2
/// replications of 1 year within a deadline. Open lower bounds ("greater than 0") are tried at
/// the smallest positive double.
final class ExtremesPropertyTests: XCTestCase {
    /// One field: where it lives (a dotted pattern, `*` for every element of an array or every
    /// key of a map) and its documented range.
    struct Field {
        let pattern: String
        let min: Double
        let max: Double
        init(_ pattern: String, _ min: Double, _ max: Double) { self.pattern = pattern; self.min = min; self.max = max }
    }
    static let tiny = Double.leastNonzeroMagnitude

    /// The documented ranges (`docs/scenario-format.md`, "Limits"), field by field. `years` and
    /// `warmupYears` are checked by validation only: runs are of 1 year.
    static let fields: [Field] = [
        Field("startMonth", 1, 12),
        Field("partnerDefaults.capacityHoursPerMonth", 0.1, 744), Field("partnerDefaults.staffCapacityHoursPerMonth", 0.1, 744),
        Field("partnerDefaults.engagement", 0, 1), Field("partnerDefaults.defaultInterest", 0, 1),
        Field("partners.*.capacityHoursPerMonth", 0.1, 744), Field("partners.*.engagement", 0, 1),
        Field("partners.*.defaultInterest", 0, 1), Field("partners.*.interests.*", 0, 1),
        Field("territories.*.defaultTravelHours", 0, 48), Field("territories.*.travelHours.*", 0, 48),
        Field("sectors.*.referenceShare", 0, 1),
        Field("instances.*.meetingHours", 0.1, 24), Field("instances.*.preparationHours", 0, 100),
        Field("instances.*.organiserHours", 0, 100), Field("instances.*.agendaHours", 0.1, 24),
        Field("instances.*.fixedAgendaHours", 0, 24), Field("instances.*.maxItems", 1, 10_000),
        Field("instances.*.urgentMaxWaitDays", 0, 3650), Field("instances.*.extraMeetingDelayDays", 0, 365),
        Field("instances.*.dissolveAfterIdleDays", 1, 3650), Field("instances.*.start", 0, 73_000),
        Field("instances.*.end", 0, 73_000), Field("instances.*.lifetimeDays", 1, 73_000),
        Field("instances.*.schedule.meetingsPerYear", 0.01, 365), Field("instances.*.schedule.periodDays", 1, 36_500),
        Field("instances.*.schedule.jitterDays", 0, 180), Field("instances.*.schedule.coupledOffsetDays", 0, 60),
        Field("instances.*.schedule.firstMeetingDay", 0, 3650),
        Field("instances.*.membership.minInterest", 0, 1), Field("instances.*.membership.joinRatePerYear", 0, 365),
        Field("instances.*.membership.maxPerOrganisation", 1, 40_000), Field("instances.*.membership.seats", 1, 40_000),
        Field("instances.*.membership.quotas.*.count", 1, 40_000), Field("instances.*.membership.vacant.*.count", 1, 40_000),
        Field("instances.*.membership.mandatoryFrom.*.count", 1, 40_000),
        Field("instances.*.membership.elected.seats", 1, 40_000), Field("instances.*.membership.elected.termYears", 0.1, 50),
        Field("instances.*.quorum.value", tiny, 1),
        Field("instances.*.decisionRule.voteAtAttempt", 1, 1_000_000), Field("instances.*.decisionRule.voteThreshold", tiny, 1),
        Field("instances.*.decisionRule.surveyShare", 0, 1), Field("instances.*.decisionRule.surveyDays", tiny, 365),
        Field("outsideTables.*.meetingHours", 0.1, 24), Field("outsideTables.*.preparationHours", 0, 100),
        Field("outsideTables.*.schedule.meetingsPerYear", 0.01, 365),
        Field("issueKinds.*.ratePerYear", 0, 10_000), Field("issueKinds.*.urgentShare", 0, 1),
        Field("issueKinds.*.discussionHours", 0, 24), Field("issueKinds.*.informHours", 0, 24),
        Field("issueKinds.*.dropAfterDays", tiny, 73_000), Field("issueKinds.*.stuckAfterDays", tiny, 73_000),
        Field("issueKinds.*.start", 0, 73_000), Field("issueKinds.*.end", 0, 73_000),
        Field("issueKinds.*.positions.mean", 0, 1), Field("issueKinds.*.positions.sd", 0, 1),
        Field("backgroundLoad.*.hoursPerMonth", 0, 744), Field("backgroundLoad.*.sd", 0, 744), Field("backgroundLoad.*.tables", 0, 100),
        Field("reforms.*.at", tiny, 73_000),
        Field("attendance.interestFloor", 0, 1), Field("attendance.mandateInterest", 0, 1),
        Field("attendance.availabilitySteepness", 0, 100), Field("attendance.absentCostFraction", 0, 1),
        Field("attendance.surveyHours", 0, 24),
        Field("deliberation.consensusProbability", 0, 1), Field("deliberation.heterogeneityPenalty", 0, 1),
        Field("deliberation.epsilon", 0, 1), Field("deliberation.mu", 0, 0.5), Field("deliberation.exchangesPerHour", 0, 1000),
        Field("deliberation.consentThreshold", 0, 1), Field("deliberation.supportThreshold", 0, 1),
        Field("deliberation.positions.mean", 0, 1), Field("deliberation.positions.sd", 0, 1),
        Field("engagement.overloadDecay", 0, 1), Field("engagement.recoveryRate", 0, 1), Field("engagement.decisionBoost", 0, 1),
        Field("engagement.exitThreshold", 0, 1), Field("engagement.burnoutWindowMonths", 1, 60),
        Field("engagement.burnoutToleranceMonths", 0, 60), Field("engagement.burnoutHazardPerMonth", 0, 1),
        Field("engagement.staffTurnoverPerYear", 0, 1), Field("engagement.staffVacancyDays", 0, 3650),
        Field("support.postponeDays", 1, 365), Field("support.shortenedAgendaShare", 0, 1), Field("support.supportAttendanceFactor", 0, 10),
    ]

    // MARK: - Setting a field everywhere it applies

    /// Sets the field at `pattern` to `x` in every object the pattern reaches. The last key is
    /// created on objects of the behaviour sections and of lists (`instances.*`), except where it
    /// would change a rule's meaning: schedule keys are set only on schedules of their kind
    /// (`meetingsPerYear` replaces `periodDays` and the reverse, never on coupled schedules;
    /// `coupledOffsetDays` only on coupled ones), and keys of optional objects only where they exist.
    static func set(_ obj: inout Any, _ keys: ArraySlice<String>, _ x: Double, create: Bool) {
        guard let key = keys.first else { return }
        let rest = keys.dropFirst()
        if key == "*" {
            if var a = obj as? [Any] {
                for i in a.indices { set(&a[i], rest, x, create: create) }
                obj = a
            } else if var d = obj as? [String: Any], rest.isEmpty {
                for k in d.keys { d[k] = x }
                obj = d
            }
            return
        }
        guard var d = obj as? [String: Any] else { return }
        if rest.isEmpty {
            let schedule = d["meetingsPerYear"] != nil || d["periodDays"] != nil || d["coupledTo"] != nil
            if schedule {
                let coupled = d["coupledTo"] != nil
                switch key {
                case "meetingsPerYear": if coupled { return }; d["periodDays"] = nil
                case "periodDays": if coupled { return }; d["meetingsPerYear"] = nil
                case "coupledOffsetDays", "firstMeetingDay": if coupled != (key == "coupledOffsetDays") { return }
                default: break
                }
                d[key] = x
            } else if d[key] != nil || create {
                d[key] = x
            }
        } else {
            if d[key] == nil {
                // Create behaviour sections; never optional rule objects (elected, quorum...).
                guard create, ["partnerDefaults", "attendance", "deliberation", "engagement", "support"].contains(key) else { return }
                d[key] = [String: Any]()
            }
            var child = d[key]!
            set(&child, rest, x, create: create && !["membership", "quorum", "decisionRule", "elected", "interests", "travelHours"].contains(key))
            d[key] = child
        }
        obj = d
    }

    static func applying(_ base: [String: Any], _ changes: [(Field, Double)]) -> [String: Any] {
        var obj: Any = base
        for (f, x) in changes { set(&obj, f.pattern.split(separator: ".").map(String.init)[...], x, create: true) }
        var d = obj as! [String: Any]
        d["years"] = 1
        d["warmupYears"] = 0
        return d
    }

    // MARK: - Running with a deadline

    enum Outcome { case refused(ScenarioErrors), ran(Double), overran, crashedCompile(Error) }

    /// Compiles `obj`; if valid, runs 2 replications of 1 year on a background thread and waits
    /// at most `deadline` seconds.
    static func attempt(_ obj: [String: Any], deadline: Double) -> Outcome {
        let structure: Structure
        do {
            // As the command line reads a file: decoding errors become scenario errors.
            let data = try JSONSerialization.data(withJSONObject: obj)
            let scenario = try ScenarioLoader.decode(JSONValue.parse(data), file: "extremes.json")
            var c = ScenarioCompiler(file: "extremes.json", allowLarge: false)
            structure = try c.compile(scenario)
        } catch let e as ScenarioErrors {
            return .refused(e)
        } catch {
            return .crashedCompile(error)
        }
        let done = DispatchSemaphore(value: 0)
        let start = Date()
        let t = Thread {
            _ = Ensemble.run(structure, settings: RunSettings(replications: 2, seed: 7, threads: 2))
            done.signal()
        }
        t.stackSize = 8 << 20
        t.start()
        if done.wait(timeout: .now() + deadline) == .timedOut { return .overran }
        return .ran(Date().timeIntervalSince(start))
    }

    /// The small scenario: two bodies (one elected by the other, with a quota and a vacant seat),
    /// staff and organisations, an outside table, a reform, background load, two issue kinds.
    static var small: [String: Any] {
        let partners: [[String: Any]] = (0..<8).map { k in
            var p: [String: Any] = ["id": "p\(k)", "sector": "s\(k % 2)", "territory": "t\(k % 2)", "interests": ["x": 0.8]]
            if k == 0 { p["staff"] = true }
            return p
        }
        return [
            "id": "small", "years": 1, "sectors": [["id": "s0", "referenceShare": 0.5], ["id": "s1", "referenceShare": 0.5]],
            "territories": [["id": "t0", "travelHours": ["t1": 1.5]], ["id": "t1", "defaultTravelHours": 1]],
            "themes": [["id": "x"]], "partners": partners,
            "instances": [
                ["id": "table", "kind": "assembly", "themes": ["x"], "schedule": ["meetingsPerYear": 6, "jitterDays": 5],
                 "membership": ["mandatory": ["p0"], "open": true, "maxPerOrganisation": 1, "joinRatePerYear": 0.5],
                 "quorum": ["kind": "share", "value": 0.5], "powers": ["decide", "recommend", "inform"],
                 "decisionRule": ["voteAtAttempt": 2, "voteThreshold": 0.6, "surveyShare": 0.1, "surveyDays": 14]],
                ["id": "board", "kind": "board", "schedule": ["periodDays": 60, "firstMeetingDay": 10],
                 "membership": ["mandatory": ["p0"], "quotas": [["count": 1, "sector": "s1"]], "seats": 6, "vacant": [["count": 1, "label": "nation"]],
                                "elected": ["by": "table", "seats": 2, "termYears": 1],
                                "mandatoryFrom": [["instance": "table", "count": 1]]],
                 "powers": ["ratify", "decide"], "maxItems": 4, "extraMeetings": true],
                ["id": "satellite", "kind": "satellite", "schedule": ["coupledTo": "table", "coupledOffsetDays": 0],
                 "membership": ["named": ["p2", "p3"]], "powers": ["recommend"]],
                ["id": "new-table", "kind": "local", "schedule": ["meetingsPerYear": 4], "membership": ["open": true], "powers": ["decide"]],
            ],
            "outsideTables": [["id": "cdc", "themes": ["x"], "schedule": ["meetingsPerYear": 10], "membership": ["named": ["p1", "p4"]]]],
            "reforms": [["at": 200, "replaces": ["board"], "by": ["new-table"]]],
            "backgroundLoad": [["hoursPerMonth": 4, "sd": 1, "tables": 2]],
            "issueKinds": [
                ["id": "k", "theme": "x", "ratePerYear": 12, "urgentShare": 0.2, "dropAfterDays": 200,
                 "route": [["act": "recommend", "instance": "satellite"], ["act": "decide", "instance": "table"]], "arrimage": "inform"],
                ["id": "per-territory", "ratePerYear": 3, "perTerritory": true, "positions": ["mean": 0.6, "sd": 0.2],
                 "route": [["act": "decide", "instance": "table"], ["act": "ratify", "instance": "board"]]],
            ],
        ]
    }

    static func sept() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: TestScenarios.shipped("sept-rivieres"))) as! [String: Any]
    }

    /// Each field at its minimum and its maximum alone, then all minima and all maxima together.
    func checkExtremes(_ name: String, _ base: [String: Any], deadline: Double) {
        XCTAssertNoThrow(try TestScenarios.compile(base), "\(name) itself must be valid")
        var cases: [(String, [(Field, Double)])] = []
        for f in Self.fields {
            cases.append(("\(f.pattern) = min \(f.min)", [(f, f.min)]))
            cases.append(("\(f.pattern) = max \(f.max)", [(f, f.max)]))
        }
        cases.append(("all minima", Self.fields.map { ($0, $0.min) }))
        cases.append(("all maxima", Self.fields.map { ($0, $0.max) }))
        var refused = 0, ran = 0, slowest = (0.0, "")
        for (label, changes) in cases {
            switch Self.attempt(Self.applying(base, changes), deadline: deadline) {
            case .refused: refused += 1
            case .ran(let s): ran += 1; if s > slowest.0 { slowest = (s, label) }
            case .overran: XCTFail("\(name): \(label): the run did not finish within \(deadline) s")
            case .crashedCompile(let e): XCTFail("\(name): \(label): compile threw a non-scenario error: \(e)")
            }
        }
        print("extremes \(name): \(cases.count) cases, \(ran) ran, \(refused) refused; slowest \(String(format: "%.2f", slowest.0)) s (\(slowest.1))")
        XCTAssertGreaterThan(ran, cases.count / 2, "most extremes are valid and must run")
    }

    /// Beyond the documented range (below the minimum, above the maximum, and absurd values such
    /// as 1e300 and 999,999,999,999,999): refused, or (for the fields whose documented bound is a
    /// modelling convention a value can pass, e.g. shares clamped in use) run, but never a crash,
    /// a trap or a hang. The fuzz of the built binary found an elected body of 999,999,999,999,999
    /// seats that trapped in the compiler after its error was recorded.
    func checkBeyond(_ name: String, _ base: [String: Any]) {
        var refused = 0, ran = 0
        for f in Self.fields {
            let outside = [f.min > 0 ? -f.min : -1, f.max * 10 + 1, 999_999_999_999_999, 1e300, -1e300]
            for x in outside {
                switch Self.attempt(Self.applying(base, [(f, x)]), deadline: 20) {
                case .refused: refused += 1
                case .ran: ran += 1
                case .overran: XCTFail("\(name): \(f.pattern) = \(x): the run did not finish within 20 s")
                case .crashedCompile(let e): XCTFail("\(name): \(f.pattern) = \(x): compile threw a non-scenario error: \(e)")
                }
            }
        }
        print("beyond \(name): \(refused) refused, \(ran) ran")
        XCTAssertGreaterThan(refused, ran, "values beyond the documented ranges are refused")
    }

    func testSmallScenarioBeyondItsBounds() { checkBeyond("small", Self.small) }

    func testLanaudiereBeyondItsBounds() throws {
        checkBeyond("lanaudiere", try JSONSerialization.jsonObject(with: Data(contentsOf: TestScenarios.shipped("lanaudiere"))) as! [String: Any])
    }

    func testSmallScenarioAtItsExtremes() {
        checkExtremes("small", Self.small, deadline: 20)
    }

    func testSeptRivieresAtItsExtremes() throws {
        checkExtremes("sept-rivieres", try Self.sept(), deadline: 20)
    }

    /// The validation-only fields: the horizon at its extremes is accepted, beyond refused.
    func testHorizonBounds() {
        for (years, ok) in [(0.01, true), (200, true), (0.001, false), (201, false), (5e-324, false)] {
            var o = Self.small; o["years"] = years
            XCTAssertEqual((try? TestScenarios.compile(o)) != nil, ok, "years \(years)")
        }
        for (w, ok) in [(0.0, true), (200, true), (201, false)] {
            var o = Self.small; o["warmupYears"] = w
            XCTAssertEqual((try? TestScenarios.compile(o)) != nil, ok, "warmupYears \(w)")
        }
    }

    // MARK: - The hostile examples of issue 17, each a clean refusal

    func assertRefused(_ obj: [String: Any], path: String, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        switch Self.attempt(obj, deadline: 20) {
        case .refused(let e):
            XCTAssertTrue(e.errors.contains { $0.path == path && $0.message.contains(text) }, "\(e)", file: file, line: line)
        default:
            XCTFail("expected a refusal at \(path)", file: file, line: line)
        }
    }

    func testTinyMeetingsPerYearIsRefused() throws {
        for x in [5e-324, 2.2e-308, 0.009] {
            var o = try Self.sept()
            o = Self.applying(o, [(Field("instances.*.schedule.meetingsPerYear", 0, 0), x)])
            assertRefused(o, path: "instances[grande-table].schedule.meetingsPerYear", contains: "between 0.01 and 365")
        }
    }

    func testTinyCapacityIsRefused() throws {
        let o = Self.applying(try Self.sept(), [(Field("partnerDefaults.capacityHoursPerMonth", 0, 0), 1e-18)])
        assertRefused(o, path: "partnerDefaults.capacityHoursPerMonth", contains: "between 0.1 and 744")
    }

    func testTinyTermIsRefused() throws {
        for x in [1e-300, 1e-6, 0.05] {
            let o = Self.applying(try Self.sept(), [(Field("instances.*.membership.elected.termYears", 0, 0), x)])
            assertRefused(o, path: "instances[comite-coordination].membership.elected.termYears", contains: "between 0.1 and 50")
        }
    }

    func testHugeQuotaSumsAreRefusedWithoutOverflow() {
        var o = Self.small
        var insts = o["instances"] as! [[String: Any]]
        var m = insts[0]["membership"] as! [String: Any]
        m["quotas"] = (0..<10_000).map { _ in ["count": 999_999_999_999_999] }
        insts[0]["membership"] = m
        o["instances"] = insts
        assertRefused(o, path: "instances[table].membership.quotas[0].count", contains: "between 1 and 40000")
    }

    func testHugeMaxPerOrganisationOnManyOrganisationsIsRefusedWithoutOverflow() {
        var o = Self.small
        o["partners"] = (0..<9_300).map { ["id": "p\($0)", "sector": "s\($0 % 2)", "territory": "t0"] }
        o["instances"] = [["id": "table", "schedule": ["meetingsPerYear": 4], "membership": ["open": true, "maxPerOrganisation": 999_999_999_999_999],
                           "powers": ["decide"]]]
        o["outsideTables"] = []; o["reforms"] = []; o["backgroundLoad"] = []
        o["issueKinds"] = [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "table"]]]]
        assertRefused(o, path: "instances[table].membership.maxPerOrganisation", contains: "between 1 and 40000")
    }

    func testLargestRatePerTerritoryNeedsAllowLarge() throws {
        var o = Self.small
        o["territories"] = (0..<200).map { ["id": "t\($0)"] }
        var kinds = o["issueKinds"] as! [[String: Any]]
        kinds[1]["ratePerYear"] = 10_000
        o["issueKinds"] = kinds
        assertRefused(o, path: "", contains: "events per replication-year, above the limit")
        let data = try JSONSerialization.data(withJSONObject: o)
        var c = ScenarioCompiler(file: "x.json", allowLarge: true)
        XCTAssertNoThrow(try c.compile(try JSONDecoder().decode(Scenario.self, from: data)), "--allow-large accepts it")
        // Beyond the rate's own bound, refused even with --allow-large.
        kinds[1]["ratePerYear"] = 1e6
        o["issueKinds"] = kinds
        assertRefused(o, path: "issueKinds[per-territory].ratePerYear", contains: "between 0 and 10000")
    }

    /// 20,000 territories (a 0.4 MB file that used to take 3.1 GB for a territories² travel
    /// matrix) compile and run in memory linear in the territories (territories × meeting
    /// places); beyond the documented limit they are refused before anything is built.
    func testManyTerritoriesStayLinearAndTooManyAreRefused() throws {
        var o = Self.small
        var territories = o["territories"] as! [[String: Any]]
        territories += (0..<(20_000 - territories.count)).map { ["id": "extra-\($0)"] }
        o["territories"] = territories
        let start = Date()
        let structure = try TestScenarios.compile(o)
        XCTAssertEqual(structure.territoryIDs.count, 20_000)
        XCTAssertLessThanOrEqual(structure.travelHours.count, 20_000 * structure.venueCount)
        XCTAssertLessThan(structure.venueCount, 10)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        territories.append(["id": "one-too-many"])
        o["territories"] = territories
        assertRefused(o, path: "territories", contains: "expected at most 20000 territories")
    }

    /// The shipped scenarios and the Québec-wide benchmark structure stay well within the budget.
    func testShippedScenariosAreWithinTheBudget() throws {
        let dir = TestScenarios.root.appendingPathComponent("Scenarios")
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) where f.hasSuffix(".json") {
            let s = try ScenarioLoader.load(path: dir.appendingPathComponent(f).path, allowLarge: false).structure
            let b = EventBudget(s)
            XCTAssertNil(b.excess, f)
            XCTAssertLessThan(b.eventsPerYear, Double(ScenarioLimits.maxEventsPerReplicationYear) / 100, f)
        }
    }
}
