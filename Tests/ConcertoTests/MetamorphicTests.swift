import XCTest
@testable import Concerto

/// Relations between runs of related scenarios, with common random numbers (same seeds).
final class MetamorphicTests: XCTestCase {
    let settings = RunSettings(replications: 30, seed: 2024, threads: 2)

    func testDoublingCapacityNeverRaisesHypersollicitation() throws {
        for base in [5.0, 2.0, 1.0] {
            let a = try TestScenarios.loadShipped("sept-rivieres") { obj in
                var d = obj["partnerDefaults"] as! [String: Any]; d["capacityHoursPerMonth"] = base; obj["partnerDefaults"] = d
            }
            let b = try TestScenarios.loadShipped("sept-rivieres") { obj in
                var d = obj["partnerDefaults"] as! [String: Any]; d["capacityHoursPerMonth"] = base * 2; obj["partnerDefaults"] = d
            }
            let ra = Ensemble.run(a, settings: settings), rb = Ensemble.run(b, settings: settings)
            let ha = ra.summary(.hyperconcertation, "hypersollicitedShare")!.mean
            let hb = rb.summary(.hyperconcertation, "hypersollicitedShare")!.mean
            XCTAssertLessThanOrEqual(hb, ha, "capacity \(base) → \(base * 2): \(ha) → \(hb)")
        }
    }

    func testStuckAfterDaysOnlySplitsTheUndecidedIssues() throws {
        // Same replications, a shorter age for "stuck": more stuck, fewer in progress, the same
        // undecided issues, and no other latency measure moves.
        func scenario(_ days: Double?) throws -> Structure {
            try TestScenarios.loadShipped("sept-rivieres") { obj in
                guard let days else { return }
                var kinds = obj["issueKinds"] as! [[String: Any]]
                for k in kinds.indices { kinds[k]["stuckAfterDays"] = days }
                obj["issueKinds"] = kinds
            }
        }
        let base = Ensemble.run(try scenario(nil), settings: settings), short = Ensemble.run(try scenario(60), settings: settings)
        let explicit = Ensemble.run(try scenario(365), settings: settings)
        func m(_ r: EnsembleResult, _ n: String) -> Double { r.summary(.latency, n)!.mean }
        XCTAssertEqual(m(explicit, "stuckShare"), m(base, "stuckShare"), "365 days is the default")
        XCTAssertGreaterThan(m(short, "stuckShare"), m(base, "stuckShare"))
        XCTAssertLessThan(m(short, "inProgressShare"), m(base, "inProgressShare"))
        for r in [base, short] { XCTAssertEqual(m(r, "inProgressShare") + m(r, "stuckShare"), m(r, "undecidedShare"), accuracy: 1e-12) }
        for n in ["undecidedShare", "medianDaysKM", "medianDaysCIF", "decidedWithin90Days", "p90Days", "meanDaysDecided"] {
            XCTAssertEqual(m(short, n), m(base, n), n)
        }
    }

    func testDuplicatedCommitteeRaisesDuplicationAndLoad() throws {
        let base = try TestScenarios.loadShipped("sept-rivieres")
        let dup = try TestScenarios.loadShipped("sept-rivieres") { obj in
            var inst = obj["instances"] as! [[String: Any]]
            var copy = inst.first { ($0["id"] as? String) == "comite-travail-habitation" }!
            copy["id"] = "comite-travail-habitation-bis"
            copy["name"] = "Comité logement (doublon)"
            inst.append(copy)
            obj["instances"] = inst
        }
        let ra = Ensemble.run(base, settings: settings), rb = Ensemble.run(dup, settings: settings)
        let ja = ra.summary(.hyperconcertation, "duplicationJaccard")!.mean, jb = rb.summary(.hyperconcertation, "duplicationJaccard")!.mean
        let la = ra.summary(.hyperconcertation, "hoursPerPartnerYear")!.mean, lb = rb.summary(.hyperconcertation, "hoursPerPartnerYear")!.mean
        XCTAssertGreaterThan(jb, ja, "duplication \(ja) → \(jb)")
        XCTAssertGreaterThan(lb, la, "load \(la) → \(lb)")
    }

    func testMoreGrandeTableMeetingsShortenPriorityLatency() throws {
        func run(_ mpy: Int) throws -> Double {
            let s = try TestScenarios.loadShipped("sept-rivieres") { obj in
                var inst = obj["instances"] as! [[String: Any]]
                let k = inst.firstIndex { ($0["id"] as? String) == "grande-table" }!
                var sch = inst[k]["schedule"] as! [String: Any]; sch["meetingsPerYear"] = mpy; inst[k]["schedule"] = sch
                obj["instances"] = inst
            }
            return Ensemble.run(s, settings: settings).summary(.issueKind, "meanDaysDecided", group: "priorisation-enjeux")!.mean
        }
        let three = try run(3), eight = try run(8)
        XCTAssertLessThan(eight, three, "3 → 8 Grande Tables a year: \(three) → \(eight) days")
    }

    func testCuttingTheCoordinatorsHoursRaisesLatency() throws {
        // The issue's case: the Sept-Rivières coordinator from 60 to 4 h a month. Meetings need
        // their organiser, so fewer are held and decisions wait longer.
        func run(_ hours: Double) throws -> EnsembleResult {
            let s = try TestScenarios.loadShipped("sept-rivieres") { obj in
                obj["partners"] = (obj["partners"] as! [[String: Any]]).map { p in
                    var p = p
                    if p["id"] as? String == "coordination-territoriale" { p["capacityHoursPerMonth"] = hours }
                    return p
                }
            }
            return Ensemble.run(s, settings: settings)
        }
        let full = try run(60), cut = try run(4)
        let m0 = full.summary(.latency, "medianDaysKM")!.mean, m1 = cut.summary(.latency, "medianDaysKM")!.mean
        // (NaN: fewer than half of the issues are ever decided.)
        XCTAssertTrue(m1.isNaN || m1 > m0 * 1.1, "KM median \(m0) → \(m1) days")
        XCTAssertGreaterThan(cut.summary(.latency, "meetingsCancelledPerYear")!.mean, full.summary(.latency, "meetingsCancelledPerYear")!.mean)
        XCTAssertLessThan(cut.summary(.hyperconcertation, "meetingsPerYear")!.mean, full.summary(.hyperconcertation, "meetingsPerYear")!.mean)
    }

    func testRemovingADuplicatedSpaceNeverRaisesRedundancy() throws {
        // Removing a duplicated committee from Mirabel before ORBITE used to raise
        // duplicationJaccard; redundant hours, the measure of the cost, must not rise when any
        // body sharing a theme with another is removed (one that no issue kind, parent link or
        // schedule coupling names, so that the scenario stays valid), in the shipped scenarios.
        var removed = 0
        for name in ["sept-rivieres", "charlevoix", "laval"] {
            let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: TestScenarios.shipped(name))) as! [String: Any]
            let bodies = (obj["instances"] as! [[String: Any]]) + (obj["outsideTables"] as? [[String: Any]] ?? [])
            let kinds = String(decoding: try JSONSerialization.data(withJSONObject: obj["issueKinds"]!), as: UTF8.self)
            let named = Set(bodies.flatMap { ($0["parents"] as? [String] ?? []) + [($0["schedule"] as? [String: Any])?["coupledTo"] as? String].compactMap { $0 } })
            let themes = { (b: [String: Any]) in Set(b["themes"] as? [String] ?? []) }
            let victims = bodies.filter { b in
                let id = b["id"] as! String
                return !kinds.contains("\"\(id)\"") && !named.contains(id) && b["kind"] as? String != "support"
                    && bodies.contains { $0["id"] as! String != id && !themes($0).isDisjoint(with: themes(b)) }
            }.map { $0["id"] as! String }
            // Attendance is random and removing a body shifts its stream, so the relation holds in
            // expectation: the mean paired difference (replication r against replication r) must
            // not be significantly positive.
            func redundant(_ s: Structure) -> [Double] {
                let k = s.catalog.index(family: .hyperconcertation, name: "redundantHoursPerPartnerYear")!
                return (0..<30).map { Ensemble.replicate(s, seed: 2024, replication: $0).values[k] }
            }
            let r0 = redundant(try TestScenarios.loadShipped(name))
            for id in victims {
                let s = try TestScenarios.loadShipped(name) { o in
                    for key in ["instances", "outsideTables"] { o[key] = (o[key] as? [[String: Any]])?.filter { $0["id"] as? String != id } }
                }
                let d = zip(redundant(s), r0).map { $0 - $1 }
                let mean = d.reduce(0, +) / Double(d.count)
                let sd = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(d.count - 1)).squareRoot()
                // 2.76: Student t at 99.5 %, 29 degrees of freedom.
                XCTAssertLessThanOrEqual(mean, 2.76 * sd / Double(d.count).squareRoot() + 1e-12, "\(name) without \(id): redundant hours change by \(mean) (sd \(sd))")
                removed += 1
            }
        }
        XCTAssertGreaterThanOrEqual(removed, 4, "duplicated bodies to remove")
    }
}
