import Foundation
import XCTest

/// Each rejection of a malformed or inconsistent scenario, through the built binary: exit code 2,
/// a message naming the file and the JSON path, and no output file written.
final class BadInputTests: XCTestCase {
    func assertRejected(_ edit: (inout [String: Any]) -> Void, path: String, mentions: String,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        var s = try CLI.septRivieres()
        edit(&s)
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("bad.json")
        try CLI.write(s, to: scenario)
        let output = dir.appendingPathComponent("out.json")
        for args in [["validate", scenario.path], ["run", scenario.path, "--replications", "2", "--format", "json", "--output", output.path]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.code, 2, "\(args[0]): \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains(scenario.path), "names the file: \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains(path), "names the path \(path): \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains(mentions), "says \(mentions): \(r.stderr)", file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "no output written", file: file, line: line)
            XCTAssertTrue(r.stdout.isEmpty || args[0] == "validate", file: file, line: line)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "bad.json" }
        XCTAssertEqual(leftovers, [], "no temporary or partial file left", file: file, line: line)
    }

    func testUnknownSector() throws {
        try assertRejected({ mutateElement(&$0, "partners", id: "coordination-territoriale") { $0["sector"] = "communautaire-femme" } },
                           path: "partners[coordination-territoriale].sector", mentions: "unknown sector `communautaire-femme` (did you mean `communautaire-femmes`?)")
    }

    func testUnknownInstanceInRoute() throws {
        try assertRejected({ obj in
            mutateElement(&obj, "issueKinds", id: "priorisation-enjeux") { k in k["route"] = [["act": "decide", "instance": "grand-table"]] }
        }, path: "issueKinds[priorisation-enjeux].route[0].instance", mentions: "unknown instance `grand-table`")
    }

    func testNegativeRate() throws {
        try assertRejected({ mutateElement(&$0, "issueKinds", id: "prise-de-position") { $0["ratePerYear"] = -2 } },
                           path: "issueKinds[prise-de-position].ratePerYear", mentions: "expected a rate per year between 0 and 10000: at most 10000 issues a year (27 a day) per kind and territory, found -2")
    }

    func testQuorumLargerThanMembership() throws {
        try assertRejected({ mutateElement(&$0, "instances", id: "comite-coordination") { $0["quorum"] = ["kind": "count", "value": 9] } },
                           path: "instances[comite-coordination].quorum.value", mentions: "quorum 9 is larger than its 7 members")
    }

    func testRouteStepAtInstanceLackingThePower() throws {
        try assertRejected({ obj in
            mutateElement(&obj, "issueKinds", id: "priorisation-enjeux") { k in k["route"] = [["act": "ratify", "instance": "grande-table"]] }
        }, path: "issueKinds[priorisation-enjeux].route[0].act", mentions: "lacks the power `ratify`")
    }

    func testOutsideTableWithAnUnknownPartner() throws {
        try assertRejected({ $0["outsideTables"] = [["id": "table-cdc", "schedule": ["meetingsPerYear": 6], "membership": ["named": ["nobody-here"]]]] },
                           path: "outsideTables[table-cdc].membership.named[0]", mentions: "unknown partner `nobody-here`")
    }

    func testBackgroundLoadOutsideAMonth() throws {
        for hours in [-3, 800] {
            try assertRejected({ $0["backgroundLoad"] = [["hoursPerMonth": hours]] },
                               path: "backgroundLoad[0].hoursPerMonth", mentions: "expected hours per month between 0 and 744, found \(hours)")
        }
    }

    func testArrimageAtABodyWithoutTheTheme() throws {
        try assertRejected({ mutateElement(&$0, "issueKinds", id: "prise-de-position") { $0["arrimage"] = ["act": "consult", "with": ["comite-coordination"]] } },
                           path: "issueKinds[prise-de-position].arrimage.with[0]", mentions: "does not hold the theme")
    }

    func testStaffTurnoverOutsideZeroOne() throws {
        try assertRejected({ $0["engagement"] = ["staffTurnoverPerYear": 1.5] },
                           path: "engagement.staffTurnoverPerYear", mentions: "expected a yearly rate between 0 and 1, found 1.5")
    }

    func testReformNamingAnUnknownBody() throws {
        try assertRejected({ $0["reforms"] = [["at": "1y", "replaces": ["comite-coordination"], "by": ["comite-coordinaton"]]] },
                           path: "reforms[0].by[0]", mentions: "unknown instance or outside table `comite-coordinaton` (did you mean `comite-coordination`?)")
    }

    func testBodyEndingBeforeItStarts() throws {
        try assertRejected({ mutateElement(&$0, "instances", id: "comite-travail-habitation") { $0["start"] = "2y"; $0["end"] = "1y" } },
                           path: "instances[comite-travail-habitation].end", mentions: "expected an end after the start (day 730), found day 365")
    }

    func testTerritoryParentCycle() throws {
        try assertRejected({ obj in
            var ts = obj["territories"] as! [[String: Any]]
            ts[0]["parent"] = ts[1]["id"]; ts[1]["parent"] = ts[0]["id"]
            obj["territories"] = ts
        }, path: "territories[", mentions: "the parent chain forms a cycle")
    }

    func testVacantSeatWithoutSeatCap() throws {
        try assertRejected({ mutateElement(&$0, "instances", id: "grande-table") { i in
            var m = i["membership"] as! [String: Any]; m["vacant"] = [["label": "Premières Nations"]]; i["membership"] = m
        } }, path: "instances[grande-table].membership.vacant", mentions: "vacant seats need the body's `seats`")
    }

    func testUnknownVoteBy() throws {
        try assertRejected({ mutateElement(&$0, "instances", id: "grande-table") { i in
            var r = i["decisionRule"] as? [String: Any] ?? [:]; r["voteBy"] = "organization"; i["decisionRule"] = r
        } }, path: "instances[grande-table].decisionRule.voteBy", mentions: "expected `member` or `organisation`, found `organization`")
    }

    func testThemeSharesNotSummingToOne() throws {
        try assertRejected({ mutateElement(&$0, "issueKinds", id: "priorisation-enjeux") { k in
            k.removeValue(forKey: "theme"); k["themeShares"] = ["habitation": 0.5, "securite-alimentaire": 0.3]
        } }, path: "issueKinds[priorisation-enjeux].themeShares", mentions: "expected shares summing to 1, found 0.8")
    }

    func testCycleInParentLinks() throws {
        try assertRejected({ mutateElement(&$0, "instances", id: "grande-table") { $0["parents"] = ["comite-travail-habitation"] } },
                           path: "instances[", mentions: "parent links form a cycle")
    }

    func testNonNumberWhereANumberIsExpected() throws {
        try assertRejected({ obj in
            mutateElement(&obj, "instances", id: "grande-table") { i in
                var sch = i["schedule"] as! [String: Any]; sch["meetingsPerYear"] = "trois"; i["schedule"] = sch
            }
        }, path: "instances[grande-table].schedule.meetingsPerYear", mentions: "expected a number, found a string (\"trois\")")
    }

    func testMisspelledKeySuggestsTheRightOne() throws {
        try assertRejected({ obj in
            mutateElement(&obj, "instances", id: "grande-table") { i in
                var sch = i["schedule"] as! [String: Any]; sch["meetingPerYear"] = sch.removeValue(forKey: "meetingsPerYear"); i["schedule"] = sch
            }
        }, path: "instances[grande-table].schedule", mentions: "did you mean `meetingsPerYear`?")
    }

    func testSyntaxErrorGivesLineAndColumn() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("broken.json")
        try Data("{\n  \"id\": \"x\",\n  \"years\": 3,\n}".utf8).write(to: f)
        let r = try CLI.run(["validate", f.path])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("line 4, column 1"), r.stderr)
        XCTAssertTrue(r.stderr.contains("trailing comma"), r.stderr)
    }

    func testBadOptionsAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["run", "Scenarios/sept-rivieres.json", "--threads", "0"], "--threads must be an integer between 1"),
            (["run", "Scenarios/sept-rivieres.json", "--replications", "0"], "--replications must be an integer between 1"),
            (["run", "Scenarios/sept-rivieres.json", "--seed", "-1"], "--seed must be an integer between 0"),
            (["run", "Scenarios/sept-rivieres.json", "--years", "1e9"], "--years must be a number between"),
            (["run", "Scenarios/sept-rivieres.json", "--replicatons", "3"], "did you mean --replications?"),
            (["run", "Scenarios/sept-rivieres.json", "--format", "xml"], "--format must be one of"),
            (["run", "Scenarios/sept-rivieres.json", "--set", "instances.grande-tabel.schedule.meetingsPerYear=6"], "did you mean `grande-table`?"),
            (["run"], "expected a scenario file"),
            (["frobnicate"], "unknown command"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args)
            XCTAssertEqual(r.code, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(args)")
        }
    }

    func testMissingFile() throws {
        let r = try CLI.run(["run", "Scenarios/nope.json"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("Scenarios/nope.json: no such file"), r.stderr)
    }

    /// A bad default is one message at `partnerDefaults…`, naming how many partners inherit it
    /// (counted here from the file: partners without their own capacity, staff aside), not one
    /// message per partner.
    func testABadDefaultIsReportedOnceAtItsSource() throws {
        let s = try CLI.septRivieres()
        let partners = s["partners"] as? [[String: Any]] ?? []
        var heirs = partners.filter { $0["capacityHoursPerMonth"] == nil && !(($0["staff"] as? Bool) ?? false) }.count
        // Members of partner groups (docs/scenario-format.md): a set's groups inherit its values;
        // a group has `count` members (default 1) in each of its territories.
        for entry in s["partnerGroups"] as? [[String: Any]] ?? [] {
            for g in entry["groups"] as? [[String: Any]] ?? [entry] {
                let capacity = g["capacityHoursPerMonth"] ?? entry["capacityHoursPerMonth"]
                let staff = (g["staff"] as? Bool) ?? (entry["staff"] as? Bool) ?? false
                let territories = (g["territories"] as? [String]) ?? (g["territory"] as? String).map { [$0] }
                    ?? (entry["territories"] as? [String]) ?? [entry["territory"] as? String ?? ""]
                if capacity == nil && !staff { heirs += ((g["count"] as? Int) ?? 1) * territories.count }
            }
        }
        XCTAssertGreaterThan(heirs, 1)
        let r = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--set", "partnerDefaults.capacityHoursPerMonth=-8"])
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("partnerDefaults.capacityHoursPerMonth: expected hours per month between 0.1 and 744"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("found -8; \(heirs) partners inherit it\n"), r.stderr)
        // A partner's own bad value is still reported at the partner.
        let own = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--set", "partners.0.capacityHoursPerMonth=-3"])
        XCTAssertEqual(own.code, 2)
        XCTAssertTrue(own.stderr.contains(".capacityHoursPerMonth: expected hours per month") && own.stderr.contains("found -3"), own.stderr)
        XCTAssertFalse(own.stderr.contains("inherit"), own.stderr)
    }

    func testDecimalCommaOnTheCommandLineIsADecimalNumber() throws {
        let comma = try CLI.run(["run", "Scenarios/orbite.json", "--replications", "3", "--years", "1", "--format", "json", "--set", "partnerDefaults.capacityHoursPerMonth=17,5"])
        let point = try CLI.run(["run", "Scenarios/orbite.json", "--replications", "3", "--years", "1", "--format", "json", "--set", "partnerDefaults.capacityHoursPerMonth=17.5"])
        let other = try CLI.run(["run", "Scenarios/orbite.json", "--replications", "3", "--years", "1", "--format", "json", "--set", "partnerDefaults.capacityHoursPerMonth=17"])
        XCTAssertEqual(comma.code, 0, comma.stderr)
        // The same results; only the provenance says how the value was typed.
        func results(_ s: String) -> String { s.components(separatedBy: "\"provenance\"")[0] }
        XCTAssertEqual(results(comma.stdout), results(point.stdout), "17,5 is 17.5")
        XCTAssertTrue(comma.stdout.contains("\"partnerDefaults.capacityHoursPerMonth=17,5\""))
        XCTAssertNotEqual(comma.stdout, other.stdout, "and not 17: the capacity changes the results")
        let years = try CLI.run(["run", "Scenarios/orbite.json", "--replications", "2", "--years", "1,5", "--format", "json"])
        XCTAssertEqual(years.code, 0, years.stderr)
        XCTAssertTrue(years.stdout.contains("\"years\": 1.5"), String(years.stdout.prefix(400)))
    }

    func testVaryRangeWithoutAStepSaysSo() throws {
        let r = try CLI.run(["sweep", "Scenarios/sept-rivieres.json", "--vary", "partnerDefaults.capacityHoursPerMonth=15:25", "--output", "/tmp/never-written"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("a range needs a step: write LO:HI:STEP, e.g. partnerDefaults.capacityHoursPerMonth=15:25:1"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }

    func testMisspelledFileGetsASuggestion() throws {
        let r = try CLI.run(["run", "Scenarios/sept-riviere.json"])
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(r.stderr, "Scenarios/sept-riviere.json: no such file (did you mean Scenarios/sept-rivieres.json?)\n")
        let far = try CLI.run(["run", "Scenarios/zzzz.json"])
        XCTAssertEqual(far.stderr, "Scenarios/zzzz.json: no such file\n", "nothing close: no suggestion")
    }
}
