import Foundation
import XCTest

/// `concerto calibrate` end to end on a small table, and `explore --from-posterior`.
final class CalibrateCommandTests: XCTestCase {
    /// One body of five always-present members meeting monthly; one decision kind.
    func scenario(rate: Double, id: String = "small") -> [String: Any] { Self.scenario(rate: rate, id: id) }

    static func scenario(rate: Double, id: String = "small") -> [String: Any] {
        let partners: [[String: Any]] = (0..<5).map {
            ["id": "p\($0)", "sector": "s\($0 % 2)", "territory": "t", "staff": true, "capacityHoursPerMonth": 744, "engagement": 1]
        }
        return [
            "id": id, "years": 2, "sectors": [["id": "s0"], ["id": "s1"]], "territories": [["id": "t"]], "partners": partners,
            "instances": [["id": "table", "kind": "assembly", "schedule": ["periodDays": 30, "firstMeetingDay": 0.5],
                           "membership": ["mandatory": partners.map { $0["id"]! }], "meetingHours": 2, "powers": ["decide"]]],
            "issueKinds": [["id": "k", "ratePerYear": rate, "route": [["act": "decide", "instance": "table"]],
                            "ranges": ["ratePerYear": ["range": [2, 30]]]]],
            "deliberation": ["model": "probabilistic", "consensusProbability": 0.6],
            "engagement": ["staffTurnoverPerYear": 0],
        ]
    }

    func testCalibrateWritesPosteriorFitScenarioAndReportsThenExploreUsesThePosterior() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("small.json"), truth = dir.appendingPathComponent("truth.json")
        try CLI.write(scenario(rate: 8), to: s)
        try CLI.write(scenario(rate: 20, id: "truth"), to: truth)
        let pv = dir.appendingPathComponent("pv").path, cal = dir.appendingPathComponent("cal").path
        let run = try CLI.run(["run", truth.path, "--replications", "1", "--records", pv, "--measures", "attendanceRate"])
        XCTAssertEqual(run.code, 0, run.stderr)
        // No --uncertain: the scenario's ranges (issueKinds.k.ratePerYear in 2–30).
        let args = ["calibrate", s.path, pv, "--output", cal, "--particles", "20", "--draws", "80", "--generations", "1", "--seed", "3"]
        let c = try CLI.run(args)
        XCTAssertEqual(c.code, 0, c.stderr)
        XCTAssertTrue(c.stdout.contains("issueKinds.k.ratePerYear: median"), c.stdout)
        for f in ["posterior.csv", "fit.csv", "small-calibrated.json", "fit-report.fr.html", "fit-report.en.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: cal + "/" + f), f)
        }
        let posterior = try String(contentsOfFile: cal + "/posterior.csv", encoding: .utf8)
        XCTAssertEqual(posterior.split(separator: "\n").count, 21)
        XCTAssertTrue(posterior.hasPrefix("particle,weight,distance,issueKinds.k.ratePerYear\n"))
        let fr = try String(contentsOfFile: cal + "/fit-report.fr.html", encoding: .utf8)
        XCTAssertTrue(fr.contains("<html lang=\"fr\">") && fr.contains("Calibration sur les procès-verbaux"))
        let fitted = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cal + "/small-calibrated.json"))) as! [String: Any]
        let kind = (fitted["issueKinds"] as! [[String: Any]])[0]
        XCTAssertTrue(((kind["sources"] as? [String: Any])?["ratePerYear"] as? String ?? "").hasPrefix("calibrated from records, "))
        XCTAssertNotEqual(kind["ratePerYear"] as? Double, 8)
        XCTAssertEqual(try CLI.run(["validate", cal + "/small-calibrated.json"]).code, 0)
        // Same seed, other thread count: the same posterior, byte for byte.
        let again = try CLI.run(args.map { $0 == cal ? cal + "2" : $0 } + ["--threads", "1"])
        XCTAssertEqual(again.code, 0, again.stderr)
        XCTAssertEqual(try String(contentsOfFile: cal + "2/posterior.csv", encoding: .utf8), posterior)
        // The posterior as the uncertainty of an exploration.
        let e = try CLI.run(["explore", s.path, truth.path, "--from-posterior", cal, "--points", "4", "--replications", "2", "--output", dir.appendingPathComponent("ex").path])
        XCTAssertEqual(e.code, 0, e.stderr)
        let design = try String(contentsOfFile: dir.appendingPathComponent("ex/design.csv").path, encoding: .utf8)
        XCTAssertTrue(design.contains("issueKinds.k.ratePerYear"), design)
    }

    func testCalibrateRefusesWhatItCannotFit() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("small.json")
        try CLI.write(scenario(rate: 8), to: s)
        let pv = dir.appendingPathComponent("pv").path
        XCTAssertEqual(try CLI.run(["run", s.path, "--replications", "1", "--records", pv, "--measures", "attendanceRate"]).code, 0)
        let unknown = try CLI.run(["calibrate", s.path, pv, "--uncertain", "partnerDefaults.capacityHoursPerMonth=4:20", "--output", dir.appendingPathComponent("c").path])
        XCTAssertEqual(unknown.code, 2)
        XCTAssertTrue(unknown.stderr.contains("has no number at this path"), unknown.stderr)
        let bad = try CLI.run(["calibrate", s.path, pv, "--uncertain", "issueKinds.k.ratePerYear=9:3", "--output", dir.appendingPathComponent("c").path])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.stderr.contains("expected PATH=LO:HI with LO < HI"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("c").path), "nothing written")
    }
}
