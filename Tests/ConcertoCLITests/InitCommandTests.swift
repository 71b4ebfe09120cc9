import Foundation
import XCTest

/// `concerto init` through the built binary: the starting scenario validates and runs.
final class InitCommandTests: XCTestCase {
    func testInitOutputValidatesAndRunsInBothLanguages() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for lang in ["fr", "en"] {
            let r = try CLI.run(["init", "--lang", lang])
            XCTAssertEqual(r.code, 0, r.stderr)
            XCTAssertEqual(r.stderr, "")
            // A small structure: about 80 lines at most, with its four bodies and partner groups.
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).count
            XCTAssertLessThanOrEqual(lines, 80)
            let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            let kinds = (object["instances"] as! [[String: Any]]).map { $0["kind"] as! String }
            XCTAssertEqual(kinds, ["assembly", "coordination", "working", "working"])
            XCTAssertNotNil(object["partnerGroups"])
            XCTAssertTrue(r.stdout.contains(lang == "fr" ? "Comité de coordination" : "Coordination committee"))
            let file = dir.appendingPathComponent("ma-table-\(lang).json")
            try Data(r.stdout.utf8).write(to: file)
            let v = try CLI.run(["validate", file.path])
            XCTAssertEqual(v.code, 0, v.stderr)
            // 1 named coordinator + 2 towns × (town hall, organiser, school, 2 housing, 2 food) = 15.
            XCTAssertTrue(v.stdout.contains("ok — 15 partners, 4 instances, 4 issue kinds"), v.stdout)
            let run = try CLI.run(["run", file.path, "--replications", "4", "--format", "json"])
            XCTAssertEqual(run.code, 0, run.stderr)
            let result = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            XCTAssertEqual(result["scenario"] as? String, "ma-table")
            XCTAssertEqual(result["replications"] as? Int, 4)
        }
    }

    func testBadLanguageAndExtraArgumentsAreUsageErrors() throws {
        let bad = try CLI.run(["init", "--lang", "de"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.stderr.contains("--lang must be fr or en"), bad.stderr)
        XCTAssertEqual(bad.stdout, "")
        let extra = try CLI.run(["init", "ma-table.json"])
        XCTAssertEqual(extra.code, 2)
        XCTAssertTrue(extra.stderr.contains("standard output"), extra.stderr)
        let help = try CLI.run(["help"])
        XCTAssertTrue(help.stdout.contains("concerto init [--lang fr|en]"))
    }
}
