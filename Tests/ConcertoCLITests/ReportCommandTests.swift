import Foundation
import XCTest
import Concerto
#if canImport(FoundationXML)
import FoundationXML
#endif

final class ReportCommandTests: XCTestCase {
    func testReportWritesOneSelfContainedFileAtomicallyMatchingTheJSON() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("rapport.html")
        let scenarios = ["Scenarios/sept-rivieres.json", "Scenarios/orbite.json", "Scenarios/charlevoix.json"]
        let r = try CLI.run(["report"] + scenarios + ["--replications", "4", "--seed", "3", "--lang", "fr", "--output", out.path])
        XCTAssertEqual(r.code, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["rapport.html"], "one file, no temporary left behind")
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(wellFormed(html))
        XCTAssertFalse(html.contains("http"))
        XCTAssertFalse(html.contains("src="))
        XCTAssertTrue(html.contains("<html lang=\"fr\">"))
        // The summary's numbers match `compare --format json` run with the same seed.
        let j = try CLI.run(["compare"] + scenarios + ["--replications", "4", "--seed", "3", "--format", "json"])
        XCTAssertEqual(j.code, 0, j.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        for s in json["structures"] as! [[String: Any]] {
            let id = s["scenario"] as! String
            let m = s["measures"] as! [String: [String: [String: Any]]]
            let nums = summaryNumbers(html, id: id)
            XCTAssertGreaterThanOrEqual(nums.count, 2, id)
            let hours = m["hyperconcertation"]!["hoursPerPartnerYear"]!["mean"] as! Double
            let over = m["hyperconcertation"]!["hypersollicitedShare"]!["mean"] as! Double
            XCTAssertTrue(nums[0].hasSuffix(" h"), nums[0])
            XCTAssertEqual(frenchNumber(nums[0])!, hours, accuracy: 0.5, id)
            XCTAssertEqual(frenchNumber(nums[1])!, over * 100, accuracy: 0.5, id)
            // The card's median is the pooled Kaplan–Meier median (where the drawn curve crosses
            // one half), not the mean of per-replication medians that compare reports: checked
            // against the curve in ReportConclusionsTests; here it is a number of days.
            if m["latency"]!["medianDaysKM"]!["mean"] as? Double != nil {
                XCTAssertTrue(nums[2].hasSuffix(" jours"), nums[2])
                XCTAssertNotNil(frenchNumber(nums[2]), id)
            }
        }
    }

    func testReportInEnglishAndErrors() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html")
        let r = try CLI.run(["report", "Scenarios/orbite.json", "--replications", "3", "--lang", "en", "--output", out.path])
        XCTAssertEqual(r.code, 0, r.stderr)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.contains("Governance diagram"))
        XCTAssertTrue(wellFormed(html))
        let noOutput = try CLI.run(["report", "Scenarios/orbite.json"])
        XCTAssertEqual(noOutput.code, 2)
        XCTAssertTrue(noOutput.stderr.contains("--output"))
        let badLang = try CLI.run(["report", "Scenarios/orbite.json", "--lang", "de", "--output", out.path])
        XCTAssertEqual(badLang.code, 2)
        XCTAssertTrue(badLang.stderr.contains("--lang"))
        let sweep = try CLI.run(["report", dir.path, "--output", out.path])
        XCTAssertEqual(sweep.code, 2)
        XCTAssertTrue(sweep.stderr.contains("not a sweep folder"), sweep.stderr)
    }

    func testSchemaFormats() throws {
        let dot = try CLI.run(["schema", "Scenarios/lanaudiere.json", "--format", "dot"])
        XCTAssertEqual(dot.code, 0, dot.stderr)
        let ids = ((try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.root.appendingPathComponent("Scenarios/lanaudiere.json"))) as! [String: Any])["instances"] as! [[String: Any]]).map { $0["id"] as! String }
        for id in ids { XCTAssertTrue(dot.stdout.contains("\"\(id)\""), id) }
        let svg = try CLI.run(["schema", "Scenarios/orbite.json", "--format", "svg"])
        XCTAssertEqual(svg.code, 0)
        XCTAssertTrue(wellFormed(svg.stdout))
        XCTAssertTrue(svg.stdout.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertFalse(svg.stdout.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
        let text = try CLI.run(["schema", "Scenarios/orbite.json", "--lang", "en"])
        XCTAssertTrue(text.stdout.contains("Level 1"))
        XCTAssertTrue(text.stdout.contains("Ratifies: "))
        let bad = try CLI.run(["schema", "Scenarios/orbite.json", "--format", "png"])
        XCTAssertEqual(bad.code, 2)
    }

    func testMarkdownOnRunAndCompare() throws {
        let run = try CLI.run(["run", "Scenarios/orbite.json", "--replications", "3", "--format", "md"])
        XCTAssertEqual(run.code, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("# ORBITE"))
        XCTAssertTrue(run.stdout.contains("| Measure | Unit | Mean [95% CI] | n |"))
        XCTAssertTrue(run.stdout.contains("## Decision latency"))
        let cmp = try CLI.run(["compare", "Scenarios/orbite.json", "Scenarios/mirabel-before-orbite.json", "--replications", "3", "--format", "md"])
        XCTAssertEqual(cmp.code, 0, cmp.stderr)
        XCTAssertTrue(cmp.stdout.contains("| Measure | Unit | `orbite` | `mirabel-before-orbite` |"))
        let rows = cmp.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Measure") }
        XCTAssertEqual(rows.count, Measures.structureMeasures.count, "one row per structure measure")
        for row in rows { XCTAssertEqual(row.filter { $0 == "|" }.count, 5, String(row)) }
    }

    /// Provenance in the page and in `run --format json`: version, date, seed, every --set, and
    /// each scenario file's SHA-256 (checked against the toolchain-independent SHA256 of the bytes).
    func testProvenanceInThePageAndTheJSON() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = "Scenarios/charlevoix.json"
        let bytes = try Data(contentsOf: CLI.root.appendingPathComponent(file))
        let hash = SHA256.hex(bytes)
        let run = try CLI.run(["run", file, "--replications", "2", "--seed", "9", "--format", "json", "--set", "partnerDefaults.capacityHoursPerMonth=18"])
        XCTAssertEqual(run.code, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let p = try XCTUnwrap(json["provenance"] as? [String: Any])
        XCTAssertEqual(p["seed"] as? String, "9")
        XCTAssertEqual(p["replications"] as? Int, 2)
        XCTAssertEqual(p["overrides"] as? [String], ["partnerDefaults.capacityHoursPerMonth=18"])
        XCTAssertEqual(p["concerto"] as? String, ConcertoToolVersion.read())
        let files = try XCTUnwrap(p["scenarioFiles"] as? [[String: Any]])
        XCTAssertEqual(files.first?["sha256"] as? String, hash)
        XCTAssertEqual(files.first?["path"] as? String, file)
        XCTAssertNotNil((p["date"] as? String)?.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$", options: .regularExpression))
        // The test binary sits in this checkout: the commit is the checkout's (40 hex digits).
        if let commit = p["commit"] as? String { XCTAssertEqual(commit.count, 40) }
        let out = dir.appendingPathComponent("r.html").path
        let rep = try CLI.run(["report", file, "--replications", "2", "--seed", "9", "--set", "partnerDefaults.capacityHoursPerMonth=18", "--lang", "en", "--output", out])
        XCTAssertEqual(rep.code, 0, rep.stderr)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(html.contains("<section id=\"provenance\">"))
        XCTAssertTrue(html.contains(hash))
        XCTAssertTrue(html.contains("partnerDefaults.capacityHoursPerMonth=18"))
        XCTAssertTrue(wellFormed(html))
    }
}

/// The version the binary reports (`concerto version`), read through the binary itself.
enum ConcertoToolVersion {
    static func read() -> String? {
        guard let r = try? CLI.run(["version"]) else { return nil }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: " ").last
    }
}
