import XCTest
@testable import Concerto

/// Invariants that hold in every replication, whatever the parameters.
final class ModelInvariantTests: XCTestCase {
    func checkInvariants(_ s: Structure, replications: Int = 6, file: StaticString = #filePath, line: UInt = #line) {
        for rep in 0..<replications {
            let r = Ensemble.replicate(s, seed: 99, replication: rep)
            let d = r.diagnostics
            XCTAssertEqual(d.decided + d.dropped + d.open, d.emerged, "every issue is decided, dropped or open exactly once", file: file, line: line)
            XCTAssertEqual(d.partnerHours, d.meetingHours, accuracy: 1e-6 * Swift.max(1, d.partnerHours), "hours add up", file: file, line: line)
            XCTAssertLessThanOrEqual(d.maxPresentOverMembers, 0, "attendance never exceeds membership", file: file, line: line)
            XCTAssertEqual(d.decisionsByMode.reduce(0, +), d.decided, file: file, line: line)
            for (k, m) in MeasureCatalog(structure: s).measures.enumerated() where m.unit == .share {
                let v = r.values[k]
                if v.isFinite { XCTAssertTrue(v >= 0 && v <= 1 + 1e-12, "\(m.family).\(m.group).\(m.name) = \(v)", file: file, line: line) }
            }
        }
    }

    func testSeptRivieres() throws {
        checkInvariants(try TestScenarios.loadShipped("sept-rivieres"))
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

    func testSolicitedHoursEqualTheSumOverMeetings() throws {
        // With one instance and no surveys, partner-hours are meetings × (solicited cost).
        let obj = TestScenarios.singleServer(periodDays: 30, ratePerYear: 5, members: 4, years: 2)
        let s = try TestScenarios.compile(obj)
        let r = Ensemble.replicate(s, seed: 1, replication: 0)
        // Always-present staff: each meeting costs 4 × (2 h meeting + 1 h preparation) + 4 × 3 h organisation.
        XCTAssertEqual(r.diagnostics.partnerHours, Double(r.diagnostics.meetings) * (4 * 3 + 4 * 3), accuracy: 1e-9)
    }
}
