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
}
