import Foundation
import XCTest

/// Sweeps end to end: identical results whatever the threads, the shards or an interruption.
final class SweepCommandTests: XCTestCase {
    let scenario = "Scenarios/sept-rivieres.json"
    let vary = ["--vary", "instances.grande-table.schedule.meetingsPerYear=3,6", "--vary", "partnerDefaults.capacityHoursPerMonth=4:10:2",
                "--replications", "16", "--years", "2"]

    func sweep(_ dir: URL, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["sweep", scenario] + vary + ["--output", dir.path] + extra)
    }

    func csv(_ dir: URL) throws -> String { try String(contentsOf: dir.appendingPathComponent("results.csv"), encoding: .utf8) }

    func testThreadsAndShardsGiveIdenticalResults() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let one = root.appendingPathComponent("one"), two = root.appendingPathComponent("two")
        XCTAssertEqual(try sweep(one, ["--threads", "1"]).code, 0)
        XCTAssertEqual(try sweep(two, ["--threads", "2"]).code, 0)
        XCTAssertEqual(try csv(one), try csv(two))
        // Provenance beside the results: seed, replications and the scenario file's SHA-256.
        let prov = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: one.appendingPathComponent("provenance.json"))) as? [String: Any])
        XCTAssertEqual(prov["seed"] as? String, "1")
        XCTAssertEqual(prov["replications"] as? Int, 16)
        let files = try XCTUnwrap(prov["scenarioFiles"] as? [[String: Any]])
        XCTAssertEqual(files.first?["path"] as? String, scenario)
        XCTAssertEqual((files.first?["sha256"] as? String)?.count, 64)
        XCTAssertEqual(files.first?["years"] as? Double, 2)
        let header = try csv(one).split(separator: "\n").first!
        XCTAssertEqual(header, "instances.grande-table.schedule.meetingsPerYear,partnerDefaults.capacityHoursPerMonth,family,measure,unit,mean,sd,ci95_lo,ci95_hi,median,p90,n")
        var shards: [String] = []
        for i in 1...3 {
            let d = root.appendingPathComponent("shard\(i)")
            let r = try sweep(d, ["--shard", "\(i)/3"])
            XCTAssertEqual(r.code, 0, r.stderr)
            shards.append(d.path)
        }
        let merged = root.appendingPathComponent("merged")
        let m = try CLI.run(["merge"] + shards + ["--output", merged.path])
        XCTAssertEqual(m.code, 0, m.stderr)
        XCTAssertEqual(try csv(merged), try csv(one), "merged shards equal the sweep run at once")
        // Missing shard and a different sweep are refused.
        let partial = try CLI.run(["merge", shards[0], "--output", root.appendingPathComponent("p").path])
        XCTAssertEqual(partial.code, 2)
        XCTAssertTrue(partial.stderr.contains("missing"), partial.stderr)
        let other = root.appendingPathComponent("other")
        XCTAssertEqual(try CLI.run(["sweep", scenario] + vary + ["--seed", "9", "--output", other.path, "--shard", "2/3"]).code, 0)
        let mixed = try CLI.run(["merge", shards[0], other.path, "--output", root.appendingPathComponent("x").path])
        XCTAssertEqual(mixed.code, 2)
        XCTAssertTrue(mixed.stderr.contains("not shards of the same sweep"), mixed.stderr)
    }

    /// `--vary` on a value left at its default and on every partner with `*`.
    func testVaryOnADefaultAndOnEveryElement() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("sw")
        let r = try CLI.run(["sweep", scenario, "--vary", "partners.*.capacityHoursPerMonth=1,40", "--vary", "engagement.staffVacancyDays=30,90",
                             "--replications", "2", "--years", "0.5", "--output", out.path])
        XCTAssertEqual(r.code, 0, r.stderr)
        let lines = try csv(out).split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("partners.*.capacityHoursPerMonth,engagement.staffVacancyDays,family,measure,"), String(lines[0]))
        func share(_ capacity: String) -> Double {
            let row = lines.first { $0.hasPrefix("\(capacity),90,hyperconcertation,hypersollicitedShare,") }!
            return Double(row.split(separator: ",")[5])!
        }
        XCTAssertGreaterThan(share("1"), 0.9, "every partner at 1 h a month is over capacity")
        XCTAssertLessThan(share("40"), share("1"))
        // A misspelled default is refused before anything runs, with the closest valid path.
        let typo = try CLI.run(["sweep", scenario, "--vary", "engagement.staffVacancyDay=30,90", "--output", dir.appendingPathComponent("t").path])
        XCTAssertEqual(typo.code, 2)
        XCTAssertTrue(typo.stderr.contains("did you mean `engagement.staffVacancyDays`?"), typo.stderr)
    }

    /// Kills a sweep (SIGKILL, then SIGINT) while it runs, resumes it, and checks nothing is lost.
    func testResumeAfterKillAndInterruptLosesNothing() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let clean = root.appendingPathComponent("clean")
        let slow = ["--replications", "40"]  // long enough cells that the signal lands mid-sweep
        XCTAssertEqual(try sweep(clean, slow).code, 0)
        for sig in [SIGKILL, SIGINT] {
            let dir = root.appendingPathComponent("killed-\(sig)")
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["sweep", scenario] + vary + slow + ["--output", dir.path, "--threads", "1"]
            p.currentDirectoryURL = CLI.root
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let cells = dir.appendingPathComponent("cells")
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let n = ((try? FileManager.default.contentsOfDirectory(atPath: cells.path)) ?? []).filter { $0.hasPrefix("cell-") }.count
                if n >= 1 || !p.isRunning { break }
                usleep(20_000)
            }
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            let finished = ((try? FileManager.default.contentsOfDirectory(atPath: cells.path)) ?? []).filter { $0.hasPrefix("cell-") }.count
            XCTAssertLessThan(finished, 8, "the signal landed before the sweep ended")
            if sig == SIGINT {
                XCTAssertEqual(p.terminationReason, .exit)
                XCTAssertEqual(p.terminationStatus, 130, "an interrupted sweep exits 130")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("results.csv").path) && finished < 8)
            let again = try sweep(dir, slow)
            XCTAssertEqual(again.code, 2, "a folder with finished cells needs --resume")
            let resumed = try sweep(dir, slow + ["--resume"])
            XCTAssertEqual(resumed.code, 0, resumed.stderr)
            XCTAssertEqual(try csv(dir), try csv(clean), "resumed after signal \(sig) with \(finished) cell(s) done")
        }
    }

    func testBadSweepsAreUsageErrors() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["sweep", scenario, "--output", dir.path], "at least one --vary"),
            (["sweep", scenario, "--vary", "instances.grande-table.schedule.meetingsPerYear=3,6"], "expected --output DIR"),
            (["sweep", scenario, "--vary", "instances.grande-table.schedule.meetingsPerYear=3,-6", "--output", dir.appendingPathComponent("a").path], "meetingsPerYear=-6"),
            (["sweep", scenario, "--vary", "instances.grand-table.schedule.meetingsPerYear=3", "--output", dir.appendingPathComponent("b").path], "did you mean `grande-table`?"),
            (["sweep", scenario, "--vary", "years=1", "--shard", "3/2", "--output", dir.appendingPathComponent("c").path], "--shard must be I/N"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args)
            XCTAssertEqual(r.code, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }
}
