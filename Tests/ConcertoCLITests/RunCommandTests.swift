import Foundation
import XCTest

/// The `run` contract, end to end through the built binary.
final class RunCommandTests: XCTestCase {
    static let hyper = ["hoursPerPartnerYear", "hypersollicitedShare", "hoursBeyondCapacityShare", "instancesPerPartner", "duplicationJaccard",
                        "attendanceRate", "attritionShare", "staffLoadRatio"]
    static let latency = ["meanDaysDecided", "medianDaysKM", "medianDaysCIF", "decidedWithin90Days", "decidedWithin365Days", "droppedWithin365Days",
                          "p90Days", "undecidedShare", "inProgressShare", "stuckShare", "decisionsPerYear", "meetingsPerDecision",
                          "consensusShare", "voteShare", "delegatedShare", "droppedShare", "quorumFailuresPerYear"]
    static let repr = ["sectorGallagher", "sectorLoosemoreHanby", "territoryGallagher", "ageGallagher", "sectorCoverage",
                       "territoryCoverage", "ageCoverage", "sectorBlau"]

    func testJSONHasEveryMeasureWithSummaries() throws {
        let r = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--replications", "12", "--format", "json"])
        XCTAssertEqual(r.code, 0, r.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(obj["scenario"] as? String, "sept-rivieres")
        XCTAssertEqual(obj["replications"] as? Int, 12)
        XCTAssertEqual(obj["seed"] as? String, "1")
        XCTAssertEqual(obj["years"] as? Int, 3)
        let measures = obj["measures"] as! [String: Any]
        for (family, names) in [("hyperconcertation", Self.hyper), ("latency", Self.latency), ("representativity", Self.repr)] {
            let f = measures[family] as! [String: Any]
            for n in names {
                let m = try XCTUnwrap(f[n] as? [String: Any], "\(family).\(n)")
                for key in ["mean", "sd", "ci95", "median", "p90"] { XCTAssertNotNil(m[key], "\(family).\(n).\(key)") }
                let ci = try XCTUnwrap(m["ci95"] as? [Any])
                XCTAssertEqual(ci.count, 2)
            }
        }
        let instances = obj["instances"] as! [String: Any]
        XCTAssertNotNil(instances["grande-table"])
        XCTAssertNotNil(obj["issueKinds"] as? [String: Any])
        // Plausibility: shares are shares, hours are positive.
        let h = (measures["hyperconcertation"] as! [String: Any])
        let att = (h["attendanceRate"] as! [String: Any])["mean"] as! Double
        XCTAssertTrue(att > 0.2 && att < 1, "attendance \(att)")
        XCTAssertGreaterThan((h["hoursPerPartnerYear"] as! [String: Any])["mean"] as! Double, 1)
    }

    func testOutputIsIdenticalForOneAndTwoThreadsAndAcrossRuns() throws {
        let base = ["run", "Scenarios/sept-rivieres.json", "--replications", "10", "--seed", "77", "--format", "json"]
        let a = try CLI.run(base + ["--threads", "1"])
        let b = try CLI.run(base + ["--threads", "2"])
        let c = try CLI.run(base + ["--threads", "2"])
        XCTAssertEqual(a.code, 0)
        XCTAssertEqual(a.stdout, b.stdout)
        XCTAssertEqual(b.stdout, c.stdout)
        let d = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--replications", "10", "--seed", "78", "--format", "json"])
        XCTAssertNotEqual(a.stdout, d.stdout, "another seed gives another result")
    }

    func testSetOverridesAValue() throws {
        let base = ["run", "Scenarios/sept-rivieres.json", "--replications", "6", "--format", "json"]
        let six = try CLI.run(base + ["--set", "instances.grande-table.schedule.meetingsPerYear=6"])
        XCTAssertEqual(six.code, 0, six.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(six.stdout.utf8)) as! [String: Any]
        let gt = (obj["instances"] as! [String: Any])["grande-table"] as! [String: Any]
        let mpy = (gt["meetingsPerYear"] as! [String: Any])["mean"] as! Double
        XCTAssertEqual(mpy, 6, accuracy: 0.6)
    }

    func testOutputFileIsWrittenAtomicallyAndCSVAndTableWork() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.csv")
        let r = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--replications", "4", "--format", "csv", "--output", out.path])
        XCTAssertEqual(r.code, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let csv = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("scenario,family,group,measure,unit,mean,sd,ci95_lo,ci95_hi,median,p90,n\n"))
        XCTAssertTrue(csv.contains("sept-rivieres,latency,,medianDaysKM,days,"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["r.csv"])
        let t = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--replications", "4"])
        XCTAssertTrue(t.stdout.contains("HYPERCONCERTATION"))
        XCTAssertTrue(t.stdout.contains("DECISION LATENCY"))
        XCTAssertTrue(t.stdout.contains("REPRESENTATIVITY"))
        XCTAssertTrue(t.stdout.contains("95% CI"))
        let dirOut = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--replications", "2", "--output", dir.path])
        XCTAssertEqual(dirOut.code, 1)
        XCTAssertTrue(dirOut.stderr.contains("is a directory"), dirOut.stderr)
    }

    /// `--set` on values the file leaves at their default (the Grande Table has no quorum in the
    /// file: the object is created) and on every partner with `*`.
    func testSetOnADefaultAndOnEveryElement() throws {
        let base = ["run", "Scenarios/sept-rivieres.json", "--replications", "3", "--years", "1", "--format", "json"]
        func json(_ r: CLI.Result) throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any] }
        func mean(_ obj: [String: Any], _ path: [String]) -> Double {
            var node: Any = obj
            for k in path { node = (node as! [String: Any])[k]! }
            return (node as! [String: Any])["mean"] as! Double
        }
        let plain = try CLI.run(base)
        XCTAssertEqual(plain.code, 0, plain.stderr)
        XCTAssertEqual(mean(try json(plain), ["instances", "grande-table", "quorumFailuresPerYear"]), 0, "no quorum in the file")
        // A quorum of all 40 members, set on the command line: nearly every meeting fails it.
        let quorum = try CLI.run(base + ["--set", "instances.grande-table.quorum.kind=count", "--set", "instances.grande-table.quorum.value=40"])
        XCTAssertEqual(quorum.code, 0, quorum.stderr)
        let q = try json(quorum)
        XCTAssertGreaterThan(mean(q, ["instances", "grande-table", "quorumFailuresPerYear"]), 0.8 * mean(q, ["instances", "grande-table", "meetingsPerYear"]))
        // The forecast warns about it on standard error.
        XCTAssertTrue(quorum.stderr.contains("warning: Scenarios/sept-rivieres.json: instances[grande-table]: its quorum (40 of 40 voting seats)"), quorum.stderr)
        // Every partner at 1 h a month: nearly all of them over capacity.
        let star = try CLI.run(base + ["--set", "partners.*.capacityHoursPerMonth=1"])
        XCTAssertEqual(star.code, 0, star.stderr)
        let over = mean(try json(star), ["measures", "hyperconcertation", "hypersollicitedShare"])
        XCTAssertGreaterThan(over, 0.9)
        XCTAssertLessThan(mean(try json(plain), ["measures", "hyperconcertation", "hypersollicitedShare"]), over)
        // A misspelled path names the closest valid one.
        let typo = try CLI.run(base + ["--set", "attendance.interestFlor=0.5"])
        XCTAssertEqual(typo.code, 2)
        XCTAssertTrue(typo.stderr.contains("did you mean `attendance.interestFloor`?"), typo.stderr)
        XCTAssertEqual(typo.stdout, "")
    }

    func testValidateAcceptsShippedScenarios() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "Scenarios/" + $0 }
        XCTAssertFalse(files.isEmpty)
        let r = try CLI.run(["validate"] + files)
        XCTAssertEqual(r.code, 0, r.stderr)
    }

    func testMeasuresSelection() throws {
        let r = try CLI.run(["run", "Scenarios/charlevoix.json", "--replications", "4", "--format", "json",
                             "--measures", "hoursPerPartnerYear, latency.medianDaysKM,instance.attendanceRate"])
        XCTAssertEqual(r.code, 0, r.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let measures = obj["measures"] as! [String: [String: Any]]
        XCTAssertEqual(Set(measures["hyperconcertation"]!.keys), ["hoursPerPartnerYear"])
        XCTAssertEqual(Set(measures["latency"]!.keys), ["medianDaysKM"])
        XCTAssertTrue(measures["representativity"]!.isEmpty)
        let instances = obj["instances"] as! [String: [String: Any]]
        XCTAssertTrue(instances.values.allSatisfy { Set($0.keys) == ["attendanceRate"] })
        let bad = try CLI.run(["run", "Scenarios/charlevoix.json", "--replications", "2", "--measures", "latency.medianDays"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.stderr.contains("unknown measure `latency.medianDays`") && bad.stderr.contains("latency.medianDaysKM"), bad.stderr)
        let sweep = try CLI.run(["sweep", "Scenarios/charlevoix.json", "--vary", "years=1,2", "--measures", "hoursPerPartnerYear", "--output", "/tmp/x"])
        XCTAssertEqual(sweep.code, 2)
    }
}

