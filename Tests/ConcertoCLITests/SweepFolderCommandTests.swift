import Foundation
import XCTest

/// Sweep and explore folders at the binary's level: two sweeps started together into one new
/// folder (one wins, the other is refused with exit 2, the folder holds one sweep), a live lock
/// refused, and tampered folders refused by merge, --resume and report with exit 2.
final class SweepFolderCommandTests: XCTestCase {
    let scenario = "Scenarios/sept-rivieres.json"
    let vary = ["--vary", "instances.grande-table.schedule.meetingsPerYear=3,6", "--replications", "2", "--years", "0.3"]

    func start(_ args: [String], stderr: URL) throws -> Process {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = CLI.root
        p.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: stderr)
        try p.run()
        return p
    }

    func fingerprints(_ dir: URL) throws -> (manifest: String?, cells: Set<String>) {
        func fp(_ url: URL) throws -> String? {
            (try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])?["fingerprint"] as? String
        }
        let cells = dir.appendingPathComponent("cells")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cells.path)) ?? []
        return (try fp(dir.appendingPathComponent("manifest.json")),
                Set(try names.filter { $0.hasPrefix("cell-") }.compactMap { try fp(cells.appendingPathComponent($0)) }))
    }

    /// Two different sweeps started at the same moment into one new folder, 20 times: every
    /// time exactly one exits 0 with its whole sweep in the folder (manifest, cells and
    /// results.csv of one sweep), and the other exits 2 naming the holder or the other sweep.
    /// `scripts/lock-race.sh` runs the same race from the shell (50 trials by default).
    func testTwoSweepsStartedTogetherNeverMix() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        var refusedByLock = 0, refusedAfter = 0
        for trial in 0..<20 {
            let dir = root.appendingPathComponent("race-\(trial)")
            let a = try start(["sweep", scenario] + vary + ["--seed", "1", "--output", dir.path], stderr: root.appendingPathComponent("a-\(trial)"))
            let b = try start(["sweep", scenario] + vary + ["--seed", "2", "--output", dir.path], stderr: root.appendingPathComponent("b-\(trial)"))
            a.waitUntilExit(); b.waitUntilExit()
            let codes = [a.terminationStatus, b.terminationStatus]
            let errors = try ["a", "b"].map { try String(contentsOf: root.appendingPathComponent("\($0)-\(trial)"), encoding: .utf8) }
            XCTAssertEqual(codes.sorted(), [0, 2], "trial \(trial): \(errors)")
            guard let loser = codes.firstIndex(of: 2) else { continue }
            if errors[loser].contains("is in use by another concerto") { refusedByLock += 1 }
            else if errors[loser].contains("holds another sweep") { refusedAfter += 1 }
            else { XCTFail("trial \(trial): unexpected refusal: \(errors[loser])") }
            let (manifest, cells) = try fingerprints(dir)
            XCTAssertNotNil(manifest)
            XCTAssertEqual(cells, [manifest!], "trial \(trial): the cells are the manifest's sweep")
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("results.csv").path), "trial \(trial)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("concerto.lock").path), "trial \(trial): lock released")
        }
        print("lock race: 20 trials, loser refused by the lock \(refusedByLock) times, by the finished folder \(refusedAfter) times")
    }

    /// A running sweep's folder is refused to a second sweep, to the same sweep with --resume and
    /// to an exploration, with exit 2 and the holder's pid; SIGTERM releases the lock.
    func testALiveLockIsRefusedAndReleasedOnSignal() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("live")
        let slow = ["--vary", "instances.grande-table.schedule.meetingsPerYear=3,4,5,6,7,8", "--replications", "200", "--years", "3", "--threads", "1"]
        let p = try start(["sweep", scenario] + slow + ["--output", dir.path], stderr: root.appendingPathComponent("first"))
        let lock = dir.appendingPathComponent("concerto.lock")
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: lock.path) && p.isRunning && Date() < deadline { usleep(20_000) }
        XCTAssertTrue(p.isRunning, "still running")
        for args in [["sweep", scenario] + slow + ["--output", dir.path, "--resume"],
                     ["sweep", scenario] + vary + ["--output", dir.path],
                     ["explore", scenario, "Scenarios/orbite.json", "--points", "2", "--replications", "2", "--years", "0.3", "--output", dir.path]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.code, 2, "\(args[0]): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("is in use by another concerto (sweep, pid \(p.processIdentifier) on host"), r.stderr)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock.path), "the refused commands leave the holder's lock")
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 130)
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock.path), "released on SIGTERM")
        let resumed = try CLI.run(["sweep", scenario] + slow + ["--output", dir.path, "--resume", "--shard", "1/6"])
        XCTAssertEqual(resumed.code, 0, resumed.stderr)
    }

    /// A lock left by a sweep killed with SIGKILL is taken over by --resume, which says so and
    /// removes the temporary files of interrupted cell writes.
    func testAKilledSweepsLockAndTemporariesAreCleanedByResume() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("killed")
        let args = ["sweep", scenario] + vary + ["--output", dir.path]
        XCTAssertEqual(try CLI.run(args + ["--shard", "1/2"]).code, 0)
        // What a kill -9 leaves: a lock whose holder is gone and a partial cell's temporary file.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, 255)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try Data("{\"pid\": \(child.processIdentifier), \"host\": \"\(hostName)\", \"command\": \"sweep\", \"started\": \"t\", \"token\": \"9\"}".utf8)
            .write(to: dir.appendingPathComponent("concerto.lock"))
        try Data("{\"fingerp".utf8).write(to: dir.appendingPathComponent("cells/.cell-000001.json.\(child.processIdentifier).7f3e.tmp"))
        let r = try CLI.run(args + ["--resume"])
        XCTAssertEqual(r.code, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("took over the lock of a sweep that is no longer running"), r.stderr)
        XCTAssertTrue(r.stderr.contains("removed 1 temporary file(s) left by an interrupted write"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("cells").path).sorted(), ["cell-000000.json", "cell-000001.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["cells", "manifest.json", "provenance.json", "results.csv"])
    }

    /// Tampered folders: merge, --resume and report refuse them with exit 2, the file and the path.
    func testTamperedFoldersExitTwo() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("sweep")
        let args = ["sweep", scenario] + vary + ["--output", dir.path]
        XCTAssertEqual(try CLI.run(args).code, 0)
        let manifest = dir.appendingPathComponent("manifest.json")
        let original = try String(contentsOf: manifest, encoding: .utf8)
        for value in ["1e300", "-5", "1e15", "0.5", "\"x\""] {
            try Data(original.replacingOccurrences(of: "\"cells\": 2", with: "\"cells\": \(value)").utf8).write(to: manifest)
            for command in [["merge", dir.path, "--output", root.appendingPathComponent("m").path], args + ["--resume"],
                            ["report", dir.path, "--output", root.appendingPathComponent("r.html").path]] {
                let r = try CLI.run(command)
                XCTAssertEqual(r.code, 2, "\(command[0]) with cells \(value): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("\(dir.path)/manifest.json: cells: expected a whole number from 1 to 10000000, found \(value)"), r.stderr)
            }
        }
        try Data(original.utf8).write(to: manifest)
        let cell = dir.appendingPathComponent("cells/cell-000001.json")
        let cellText = try String(contentsOf: cell, encoding: .utf8)
        try Data(cellText.replacingOccurrences(of: "\"cell\": 1", with: "\"cell\": 1e300").utf8).write(to: cell)
        let resumed = try CLI.run(args + ["--resume"])
        XCTAssertEqual(resumed.code, 2, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("cells/cell-000001.json: cell: expected a whole number from 0 to 1, found 1e300"), resumed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("concerto.lock").path), "released after the refusal")
    }
}
