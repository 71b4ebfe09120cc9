import Foundation
import XCTest

/// `concerto report EXPLORE_DIR` end to end through the built binary.
final class ExploreReportCommandTests: XCTestCase {
    let tiny = ["Scenarios/sept-rivieres.json", "Scenarios/orbite.json", "--points", "8", "--replications", "2", "--years", "1", "--seed", "2"]

    func count(_ needle: String, _ s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    func testExploreThenReport() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exploreDir = dir.appendingPathComponent("explore"), out = dir.appendingPathComponent("e.html")
        let x = try CLI.run(["explore"] + tiny + ["--measures", "hoursPerPartnerYear,decisionsPerYear", "--threshold", "hoursPerPartnerYear<=40", "--output", exploreDir.path])
        XCTAssertEqual(x.code, 0, x.stderr)
        let r = try CLI.run(["report", exploreDir.path, "--output", out.path], environment: ["LANG": "fr_CA.UTF-8"])
        XCTAssertEqual(r.code, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("lang=\"fr\""), "a French locale gives a French report")
        XCTAssertFalse(html.contains("http"))
        XCTAssertTrue(html.contains("Exploration de l&#39;incertitude : Sept-Rivières, ORBITE"))
        XCTAssertEqual(count("<section class=\"tornado-panel\"", html), 2, "one tornado panel per measure")
        XCTAssertEqual(count("<figure class=\"regret\"", html), 2)
        XCTAssertTrue(html.contains("<table class=\"data thresholds\">"))
        let en = try CLI.run(["report", exploreDir.path, "--lang", "en", "--output", out.path])
        XCTAssertEqual(en.code, 0, en.stderr)
        let english = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(english.contains("Exploring uncertainty: Sept-Rivières, ORBITE"))
        XCTAssertTrue(english.contains("is the best in") || english.contains("are tied"))
        // Run options make no sense on a finished exploration.
        let bad = try CLI.run(["report", exploreDir.path, "--replications", "5", "--output", out.path])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.stderr.contains("Run `concerto help`"), bad.stderr)
    }

    func testUnfinishedExplorationExits2WithTheMessage() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exploreDir = dir.appendingPathComponent("half"), out = dir.appendingPathComponent("e.html")
        let x = try CLI.run(["explore"] + tiny + ["--shard", "1/2", "--output", exploreDir.path])
        XCTAssertEqual(x.code, 0, x.stderr)
        let r = try CLI.run(["report", exploreDir.path, "--output", out.path])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("the exploration is not finished: 8 of 16 cells"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
