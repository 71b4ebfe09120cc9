import XCTest
@testable import Concerto

/// Reproducibility: a run is a pure function of (scenario, seed, replication index).
final class EnsembleTests: XCTestCase {
    func testSameSeedSameRunAndThreadCountDoesNotMatter() throws {
        let s = try TestScenarios.loadShipped("sept-rivieres")
        let a = ResultJSON.render(Ensemble.run(s, settings: RunSettings(replications: 9, seed: 5, threads: 1)))
        let b = ResultJSON.render(Ensemble.run(s, settings: RunSettings(replications: 9, seed: 5, threads: 2)))
        let c = ResultJSON.render(Ensemble.run(s, settings: RunSettings(replications: 9, seed: 5, threads: 3)))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, c)
        let d = ResultJSON.render(Ensemble.run(s, settings: RunSettings(replications: 9, seed: 6, threads: 1)))
        XCTAssertNotEqual(a, d)
    }

    func testReplicationsDiffer() throws {
        let s = try TestScenarios.loadShipped("sept-rivieres")
        let r0 = Ensemble.replicate(s, seed: 1, replication: 0), r1 = Ensemble.replicate(s, seed: 1, replication: 1)
        XCTAssertNotEqual(r0.values, r1.values)
        let again = Ensemble.replicate(s, seed: 1, replication: 1)
        XCTAssertEqual(r1.diagnostics, again.diagnostics)
    }

    func testArrivalStreamIsCommonAcrossVariants() throws {
        // Changing how often the Grande Table meets does not change which issues arrive.
        let a = try TestScenarios.loadShipped("sept-rivieres")
        let b = try TestScenarios.loadShipped("sept-rivieres") { obj in
            var inst = obj["instances"] as! [[String: Any]]
            var sch = inst[0]["schedule"] as! [String: Any]; sch["meetingsPerYear"] = 7; inst[0]["schedule"] = sch
            obj["instances"] = inst
        }
        XCTAssertEqual(Ensemble.replicate(a, seed: 4, replication: 2).diagnostics.emerged,
                       Ensemble.replicate(b, seed: 4, replication: 2).diagnostics.emerged)
    }

    func testASelectionOfMeasuresGivesTheSameValues() throws {
        let s = try TestScenarios.loadShipped("orbite")
        let all = Ensemble.run(s, settings: RunSettings(replications: 7, seed: 2, threads: 2))
        let names = ["hoursPerPartnerYear", "latency.medianDaysKM", "instancesPerPartner", "instance.attendanceRate", "issueKind.p90Days"]
        let some = Ensemble.run(s, settings: RunSettings(replications: 7, seed: 2, threads: 1, measures: names))
        XCTAssertEqual(some.catalog.count, 3 + s.insideCount + s.issueKinds.filter(\.isDecision).count)
        for (k, m) in some.catalog.measures.enumerated() {
            XCTAssertEqual(some.summaries[k], all.summary(m.family, m.name, group: m.group), "\(m.family).\(m.group).\(m.name)")
        }
        XCTAssertEqual(some.totals, all.totals)
        XCTAssertThrowsError(try s.catalog.selecting(["hoursPerPartnerYr"])) { e in
            XCTAssertEqual((e as! MeasureSelectionError).suggestion, "hoursPerPartnerYear")
        }
    }
}

