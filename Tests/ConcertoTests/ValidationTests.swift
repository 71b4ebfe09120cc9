import XCTest
@testable import Concerto

/// Semantic checks of scenarios beyond JSON types, each naming the path and what was expected.
final class ValidationTests: XCTestCase {
    func errors(_ edit: (inout [String: Any]) -> Void) -> [ScenarioError] {
        var obj = TestScenarios.singleServer(periodDays: 30, ratePerYear: 4)
        edit(&obj)
        do { _ = try TestScenarios.compile(obj); return [] }
        catch let e as ScenarioErrors { return e.errors }
        catch { XCTFail("\(error)"); return [] }
    }

    func assertError(_ edit: (inout [String: Any]) -> Void, path: String, contains: String, line: UInt = #line) {
        let es = errors(edit)
        XCTAssertTrue(es.contains { $0.path == path && $0.message.contains(contains) }, "expected \(path): \(contains); got \(es)", line: line)
    }

    func instance(_ obj: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var inst = obj["instances"] as! [[String: Any]]; edit(&inst[0]); obj["instances"] = inst
    }

    func testValidScenarioHasNoErrors() { XCTAssertEqual(errors { _ in }, []) }

    func testDuplicateIds() {
        assertError({ o in var p = o["partners"] as! [[String: Any]]; p[1]["id"] = "p0"; o["partners"] = p },
                    path: "partners[p0].id", contains: "duplicate id `p0`")
    }

    func testInstanceThatNeverMeets() {
        assertError({ o in
            var inst = o["instances"] as! [[String: Any]]
            inst.append(["id": "ghost", "schedule": ["coupledTo": "ghost2"], "membership": ["open": true]])
            inst.append(["id": "ghost2", "schedule": ["coupledTo": "ghost"], "membership": ["open": true]])
            o["instances"] = inst
        }, path: "instances[ghost].schedule.coupledTo", contains: "schedule couplings form a cycle")
    }

    func testScheduleNeedsARhythm() {
        assertError({ o in instance(&o) { $0["schedule"] = ["jitterDays": 3] } }, path: "instances[table].schedule", contains: "expected `meetingsPerYear`, `periodDays` or `coupledTo`")
        assertError({ o in instance(&o) { $0["schedule"] = ["meetingsPerYear": 0] } }, path: "instances[table].schedule.meetingsPerYear", contains: "between 0.01 and 365")
        assertError({ o in instance(&o) { $0["schedule"] = ["meetingsPerYear": 4, "breakMonths": [13]] } }, path: "instances[table].schedule.breakMonths[0]", contains: "between 1 and 12")
    }

    func testHugeNumbersAreErrorsNotTraps() {
        // Found by the long fuzz run: a quorum of 1e300 trapped converting to Int.
        assertError({ o in instance(&o) { $0["quorum"] = ["kind": "count", "value": 1e300] } },
                    path: "instances[table].quorum.value", contains: "is larger than its 5 members")
        XCTAssertThrowsError(try SweepAxis.parse("x=0:1e300:1e-300"))
    }

    func testBodyWithoutVotingMembers() {
        assertError({ o in instance(&o) { $0["membership"] = ["observers": ["p0", "p1"]] } },
                    path: "instances[table].membership", contains: "only observers: nobody may deliberate or vote")
    }

    func testQuotaThatCannotBeFilled() {
        assertError({ o in instance(&o) { $0["membership"] = ["quotas": [["count": 3, "role": "agent-local"]]] } },
                    path: "instances[table].membership.quotas[0].count", contains: "needs 3 partner(s) (role `agent-local`)")
    }

    func testProbabilitiesAndShares() {
        assertError({ o in o["deliberation"] = ["model": "probabilistic", "consensusProbability": 1.5] },
                    path: "deliberation.consensusProbability", contains: "between 0 and 1, found 1.5")
        assertError({ o in o["deliberation"] = ["model": "majority"] }, path: "deliberation.model", contains: "`probabilistic` or `boundedConfidence`")
        assertError({ o in o["sectors"] = [["id": "s0", "referenceShare": 0.5], ["id": "s1"]] }, path: "sectors", contains: "on every entry or on none")
    }

    func testStuckAfterDaysIsAPositiveNumberOfDays() throws {
        func kind(_ o: inout [String: Any], _ value: Any) {
            var k = o["issueKinds"] as! [[String: Any]]; k[0]["stuckAfterDays"] = value; o["issueKinds"] = k
        }
        assertError({ kind(&$0, 0) }, path: "issueKinds[k].stuckAfterDays", contains: "expected days greater than 0 and at most 73000: at most 200 years, found 0")
        assertError({ kind(&$0, -30) }, path: "issueKinds[k].stuckAfterDays", contains: "found -30")
        XCTAssertEqual(errors { kind(&$0, 180) }, [])
        var obj = TestScenarios.singleServer(periodDays: 30, ratePerYear: 4)
        XCTAssertEqual(try TestScenarios.compile(obj).kindRules[0].stuckAfterDays, 365, "default")
        kind(&obj, 180)
        XCTAssertEqual(try TestScenarios.compile(obj).kindRules[0].stuckAfterDays, 180)
    }

    func testRouteByTerritoryNeedsOneInstancePerTerritory() {
        assertError({ o in
            var k = o["issueKinds"] as! [[String: Any]]
            k[0]["perTerritory"] = true
            k[0]["route"] = [["act": "decide", "instanceKind": "local"]]
            o["issueKinds"] = k
        }, path: "issueKinds[k].route[0].instanceKind", contains: "expected exactly one instance of kind `local` in territory `t` (or, failing that, in its nearest enclosing territory), found 0")
    }

    func testUnknownKeyAndDelegateWithoutPower() {
        var obj = TestScenarios.singleServer(periodDays: 30, ratePerYear: 4)
        obj["yeers"] = 3
        XCTAssertThrowsError(try TestScenarios.compile(obj)) { e in
            XCTAssertTrue("\(e)".contains("did you mean `years`?"), "\(e)")
        }
        assertError({ o in
            var inst = o["instances"] as! [[String: Any]]
            inst[0]["urgentDelegate"] = "info"
            inst.append(["id": "info", "schedule": ["periodDays": 10], "membership": ["open": true], "powers": ["inform"]])
            o["instances"] = inst
        }, path: "instances[table].urgentDelegate", contains: "lacks the power `decide`")
    }
}

/// Whole-number fields given a fraction or a huge number are reported at their path.
final class WholeNumberTests: XCTestCase {
    func testFractionsInWholeNumberFieldsNameThePath() throws {
        let root = try JSONValue.parse(Data(contentsOf: TestScenarios.shipped("sept-rivieres")))
        let cases: [(String, String, String)] = [
            ("instances.grande-table.maxItems", "2.5", "instances[grande-table].maxItems"),
            ("instances.grande-table.schedule.breakMonths", "[7, 8.5]", "instances[grande-table].schedule.breakMonths[1]"),
            ("startMonth", "1e30", "startMonth"),
            ("instances.grande-table.decisionRule.voteAtAttempt", "1.5", "instances[grande-table].decisionRule.voteAtAttempt"),
        ]
        for (path, value, expected) in cases {
            let tree = try applyOverride(root, path: path, value: value, allowNewKeys: true)
            do {
                _ = try ScenarioLoader.decode(tree, file: "f.json")
                XCTFail("accepted \(path)=\(value)")
            } catch {
                XCTAssertEqual(error.errors.first?.path, expected, "\(error)")
                XCTAssertTrue(error.errors.first?.message.contains("whole number") ?? false, "\(error)")
            }
        }
    }
}
