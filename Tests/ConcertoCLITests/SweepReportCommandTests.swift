import Foundation
import XCTest

/// `concerto report SWEEP_DIR` end to end through the built binary.
final class SweepReportCommandTests: XCTestCase {
    let vary = ["--vary", "instances.grande-table.schedule.meetingsPerYear=3,6", "--vary", "partnerDefaults.capacityHoursPerMonth=15,25",
                "--replications", "3", "--years", "1", "--seed", "2"]

    func count(_ needle: String, _ s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    func testSweepThenReport() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweepDir = dir.appendingPathComponent("sweep"), out = dir.appendingPathComponent("f.html")
        let s = try CLI.run(["sweep", "Scenarios/sept-rivieres.json"] + vary + ["--output", sweepDir.path])
        XCTAssertEqual(s.code, 0, s.stderr)
        let r = try CLI.run(["report", sweepDir.path, "--lang", "fr", "--output", out.path])
        XCTAssertEqual(r.code, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("lang=\"fr\""))
        XCTAssertFalse(html.contains("http"))
        XCTAssertEqual(count("<g class=\"cell", html), 4, "one point per cell")
        XCTAssertEqual(count("<figure class=\"linechart\"", html), 2, "one line chart per varied parameter")
        XCTAssertGreaterThan(count("class=\"pareto-ring\"", html), 0)
        let en = try CLI.run(["report", sweepDir.path, "--lang", "en", "--output", out.path])
        XCTAssertEqual(en.code, 0, en.stderr)
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains("Sweep report"))
        // Usage errors: folder mixed with a scenario, two folders, run options.
        for args in [[sweepDir.path, "Scenarios/orbite.json"], [sweepDir.path, sweepDir.path], [sweepDir.path, "--replications", "5"]] {
            let bad = try CLI.run(["report"] + args + ["--output", out.path])
            XCTAssertEqual(bad.code, 2, args.joined(separator: " "))
            XCTAssertTrue(bad.stderr.contains("Run `concerto help`"), bad.stderr)
        }
    }

    func testUnfinishedSweepExits2WithTheMessage() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweepDir = dir.appendingPathComponent("half"), out = dir.appendingPathComponent("f.html")
        let s = try CLI.run(["sweep", "Scenarios/sept-rivieres.json"] + vary + ["--shard", "1/2", "--output", sweepDir.path])
        XCTAssertEqual(s.code, 0, s.stderr)
        let r = try CLI.run(["report", sweepDir.path, "--output", out.path])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("the sweep is not finished: 2 of 4 cells"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
