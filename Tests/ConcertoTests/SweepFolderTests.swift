import Foundation
import XCTest
@testable import Concerto

/// Sweep folders read back are validated (tampered manifests, cells and results.csv are refused
/// with the file and JSON path), stale temporary files are removed, and the folder lock refuses a
/// live holder and takes over a dead one.
final class SweepFolderTests: XCTestCase {
    static let path = "instances.grande-table.schedule.meetingsPerYear"

    func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("concerto-sweep-folder-\(UUID().uuidString)")
    }

    func plan(values: String = "3,4") throws -> SweepPlan {
        var tree = try JSONValue.parse(Data(contentsOf: TestScenarios.shipped("sept-rivieres")))
        tree = try applyOverride(tree, path: "years", value: "0.3", allowNewKeys: true)
        return SweepPlan(scenarioFile: "sept-rivieres.json", baseTree: tree, axes: [try SweepAxis.parse(Self.path + "=" + values)], replications: 2, seed: 3)
    }

    /// A finished two-cell sweep folder (the lock released).
    func finishedSweep() throws -> (URL, SweepPlan) {
        let dir = tempDir()
        let plan = try plan()
        let folder = SweepFolder(dir.path)
        let lock = try folder.prepare(plan, version: "test", resume: false)
        for k in 0..<plan.cellCount {
            let r = Ensemble.run(try plan.structure(ofCell: k), settings: RunSettings(replications: plan.replications, seed: plan.seed, threads: 1))
            try folder.write(cell: k, plan.cellRecord(k, result: r))
        }
        XCTAssertTrue(try folder.writeResultsIfComplete(plan))
        lock.release()
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(FolderLock.fileName).path), "released")
        return (dir, plan)
    }

    /// Replaces `"key": value` (first occurrence) in a pretty-printed JSON file.
    func tamper(_ url: URL, key: String, with value: String) throws {
        var text = try String(contentsOf: url, encoding: .utf8)
        let r = try XCTUnwrap(text.range(of: "\"\(key)\": [^,\\n]+", options: .regularExpression), "\(key) in \(url.lastPathComponent)")
        text.replaceSubrange(r, with: "\"\(key)\": \(value)")
        try Data(text.utf8).write(to: url)
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    func testTamperedManifestsAreRefusedWithFileAndPath() throws {
        let (dir, plan) = try finishedSweep()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.appendingPathComponent("manifest.json")
        let original = try Data(contentsOf: manifest)
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        for (value, shown) in [("1e300", "1e300"), ("-5", "-5"), ("1e15", "1e15"), ("0.5", "0.5"), ("\"x\"", "\"x\""), ("null", "null")] {
            try original.write(to: manifest)
            try tamper(manifest, key: "cells", with: value)
            let expected = "\(dir.path)/manifest.json: cells: expected a whole number from 1 to 10000000, found \(shown)"
            XCTAssertEqual(message { _ = try SweepFolder.merge([dir.path], into: out.path) }, expected)
            XCTAssertEqual(message { _ = try SweepResults.load(dir.path) }, expected)
            XCTAssertEqual(message { _ = try SweepFolder(dir.path).readManifest() }, expected)
            XCTAssertTrue(message { try SweepFolder(dir.path).prepare(plan, version: "test", resume: true) }.contains("cells: expected a whole number"))
        }
        // A count that is whole but does not match the grid, and a missing key.
        try original.write(to: manifest)
        try tamper(manifest, key: "cells", with: "3")
        XCTAssertTrue(message { _ = try SweepResults.load(dir.path) }.contains("cells: 3 does not match the grid (2 = 2 cells)"))
        var text = String(decoding: original, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"seed\"", with: "\"seeds\"")
        try Data(text.utf8).write(to: manifest)
        XCTAssertTrue(message { _ = try SweepResults.load(dir.path) }.contains("manifest.json: seed: expected a string, found nothing (the key is missing)"))
        try Data("{\"cells\": 2,".utf8).write(to: manifest)
        XCTAssertTrue(message { _ = try SweepFolder.merge([dir.path], into: out.path) }.contains("manifest.json: not valid JSON"))
        // Nothing was written by the refused merges.
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("results.csv").path))
    }

    func testTamperedCellsAreRefused() throws {
        let (dir, plan) = try finishedSweep()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cell = dir.appendingPathComponent("cells/" + SweepPlan.cellFileName(1))
        let original = try Data(contentsOf: cell)
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = "\(dir.path)/cells/cell-000001.json"
        for (value, expected) in [("1e300", "\(file): cell: expected a whole number from 0 to 1, found 1e300"),
                                  ("0", "\(file): cell: 0 does not match the file's name (cell 1)"),
                                  ("-1", "\(file): cell: expected a whole number from 0 to 1, found -1")] {
            try original.write(to: cell)
            try tamper(cell, key: "cell", with: value)
            XCTAssertEqual(message { _ = try SweepFolder(dir.path).finishedCells(plan) }, expected)
            XCTAssertEqual(message { try SweepFolder(dir.path).prepare(plan, version: "test", resume: true) }, expected, "--resume")
            XCTAssertEqual(message { _ = try SweepFolder.merge([dir.path], into: out.path) }, expected)
        }
        try original.write(to: cell)
        try tamper(cell, key: "fingerprint", with: "\"0123abcd\"")
        XCTAssertTrue(message { _ = try SweepFolder.merge([dir.path], into: out.path) }.contains("\(file): fingerprint: \"0123abcd\" is not the folder's"))
        XCTAssertTrue(message { try SweepFolder(dir.path).prepare(plan, version: "test", resume: true) }.contains("a cell of another sweep"))
        try original.write(to: cell)
        try tamper(cell, key: "mean", with: "\"lots\"")
        XCTAssertTrue(message { _ = try SweepFolder.merge([dir.path], into: out.path) }.contains(".mean: expected a number or null, found \"lots\""))
        try original.write(to: cell)
        try Data("{".utf8).write(to: dir.appendingPathComponent("cells/cell-7.json"))
        XCTAssertTrue(message { _ = try SweepFolder(dir.path).finishedCells(plan) }.contains("cells/cell-7.json: not a cell file's name"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("cells/cell-7.json"))
        XCTAssertEqual(try SweepFolder(dir.path).finishedCells(plan), [0, 1], "the folder is fine again")
    }

    func testResultsCSVValuesAreCheckedAndSubnormalMeansDrawn() throws {
        let (dir, _) = try finishedSweep()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("results.csv")
        let original = try String(contentsOf: csv, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let cmean = try XCTUnwrap(header.firstIndex(of: "mean"))
        // Every mean (and interval) subnormal, zero or huge: the report is drawn, in bounded time.
        for tiny in ["1e-323", "0", "4.9e-324", "1e300", "-1e300"] {
            var edited = lines
            for i in 1..<edited.count where !edited[i].isEmpty {
                var f = edited[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                for c in [cmean, cmean + 2, cmean + 3] { f[c] = tiny }
                edited[i] = f.joined(separator: ",")
            }
            try Data(edited.joined(separator: "\n").utf8).write(to: csv)
            let report = try SweepReport(folder: dir.path)
            let html = report.render(Localization(.en))
            XCTAssertNil(ReportCheck.parse(html).error, tiny)
        }
        // Values that are not numbers, and rows of the wrong width, are refused with the line.
        var f = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        f[cmean] = "abc"
        lines[3] = f.joined(separator: ",")
        try Data(lines.joined(separator: "\n").utf8).write(to: csv)
        XCTAssertEqual(message { _ = try SweepResults.load(dir.path) }, "\(dir.path)/results.csv: line 4, column mean: expected a number (or nothing), found \"abc\"")
        f[cmean] = "inf"
        lines[3] = f.joined(separator: ",")
        try Data(lines.joined(separator: "\n").utf8).write(to: csv)
        XCTAssertTrue(message { _ = try SweepResults.load(dir.path) }.contains("line 4, column mean"))
        lines[3] = "1,2"
        try Data(lines.joined(separator: "\n").utf8).write(to: csv)
        XCTAssertTrue(message { _ = try SweepResults.load(dir.path) }.contains("line 4: 2 fields"))
    }

    func testChartScalesAreSafeForAnyValue() {
        let tiny = Double("1e-323")!  // subnormal (9.88e-324)
        for x in [0, tiny, Double.leastNonzeroMagnitude, 1e-300, 1e300, Double.greatestFiniteMagnitude, .nan, .infinity, -.infinity, -5] {
            let a = ChartStyle.niceAxis(x)
            XCTAssertTrue(a.max.isFinite && a.max > 0 && a.step.isFinite && a.step > 0, "\(x): \(a)")
            XCTAssertLessThanOrEqual(a.max / a.step, 7, "\(x): few ticks")
            _ = ChartStyle.floorLog10(x)
            let s = TornadoChart.niceStep(x)
            XCTAssertTrue(s.isFinite && s > 0, "\(x): \(s)")
        }
        XCTAssertEqual(ChartStyle.floorLog10(0), 0)
        XCTAssertEqual(ChartStyle.floorLog10(tiny), -324)
        XCTAssertEqual(ChartStyle.floorLog10(1e300), 300)
        XCTAssertEqual(ChartStyle.niceAxis(87).max, 100)
        XCTAssertEqual(ChartStyle.niceAxis(87).step, 20)
        XCTAssertEqual(ChartStyle.niceAxis(tiny).max, 1, "a subnormal maximum draws on [0, 1]")
        for r in [(1e300)...(1e300 + 1e285), (-1e308)...(1e308), 0...tiny, 5...5.000000000001] {
            XCTAssertLessThanOrEqual(BoxScatterChart.ticks(r).values.count, 64, "\(r)")
        }
    }

    /// The exploration report with means that are zero, subnormal or huge: drawn, in bounded time.
    func testExploreReportWithExtremeMeansIsDrawn() throws {
        let tiny = Double("1e-323")!
        let points: [[Double]] = (0..<24).map { (p: Int) -> [Double] in [(Double(p) + 0.5) / 24, Double((p * 7) % 24) / 24] }
        for scale in [tiny, 0, 1e300, -1e300] {
            let a = try SyntheticExplore.analysis(unitPoints: points, structures: ["a", "b"], outcomes: ["hoursPerPartnerYear", "medianDaysKM"],
                                                  replications: 3, thresholds: [Threshold(measure: "hoursPerPartnerYear", max: 1)]) { _, s, x, r in
                let shape: Double = s == 0 ? 1 + x[0] : 2 - x[1]
                let noise: Double = Double(r) * 1e-3
                return scale * shape + scale * noise
            }
            let html = ExploreReport(analysis: a).render(Localization(.fr))
            XCTAssertNil(ReportCheck.parse(html).error, "\(scale)")
        }
    }

    func testStaleTemporaryFilesAreRemovedOnResume() throws {
        let (dir, plan) = try finishedSweep()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cells = dir.appendingPathComponent("cells")
        try FileManager.default.removeItem(at: cells.appendingPathComponent(SweepPlan.cellFileName(1)))
        let stale = [".cell-000001.json.4242.1f3a9c0d2b.tmp", ".cell-0000001.json.1.ab.tmp"]
        let kept = [".cell-000001.json.tmp", "notes.txt", ".hidden", ".cell-x.json.4242.1f.tmp", ".cell-000001.json.42a.1f.tmp"]
        for name in stale + kept { try Data("partial".utf8).write(to: cells.appendingPathComponent(name)) }
        try Data("partial".utf8).write(to: dir.appendingPathComponent(".results.csv.777.beef.tmp"))
        try Data("mine".utf8).write(to: dir.appendingPathComponent(".my-notes.txt.777.beef.tmp"))
        let lock = try SweepFolder(dir.path).prepare(plan, version: "test", resume: true)
        defer { lock.release() }
        XCTAssertEqual(lock.notice, "\(dir.path): removed 3 temporary file(s) left by an interrupted write")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: cells.path))
        XCTAssertEqual(left, Set(kept + [SweepPlan.cellFileName(0)]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".results.csv.777.beef.tmp").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".my-notes.txt.777.beef.tmp").path), "not a file the folder writes")
        XCTAssertEqual(try SweepFolder(dir.path).finishedCells(plan), [0])
    }

    func testTheLockRefusesALiveHolderAndTakesOverADeadOne() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try plan()
        let folder = SweepFolder(dir.path)
        let first = try folder.prepare(plan, version: "test", resume: false)
        // A second command (this process is alive) is refused, naming the holder, even with --resume.
        let refused = message { try folder.prepare(plan, version: "test", resume: true, command: "explore") }
        XCTAssertTrue(refused.hasPrefix("\(dir.path) is in use by another concerto (sweep, pid \(getpid()) on host \(FolderLock.hostName) since "), refused)
        XCTAssertTrue(message { _ = try FolderLock.acquire(folder: dir, command: "merge") }.contains("is in use by another concerto"))
        first.release()
        first.release()  // idempotent
        // A lock left by a process that is gone (here: a finished child) is taken over, with a notice.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let lockFile = dir.appendingPathComponent(FolderLock.fileName)
        let dead = "{\"pid\": \(child.processIdentifier), \"host\": \"\(FolderLock.hostName)\", \"command\": \"sweep\", \"started\": \"then\", \"token\": \"1\"}"
        try Data(dead.utf8).write(to: lockFile)
        let second = try folder.prepare(plan, version: "test", resume: true)
        XCTAssertEqual(second.notice, "\(dir.path): took over the lock of a sweep that is no longer running (pid \(child.processIdentifier) on this host, since then)")
        XCTAssertTrue(try String(contentsOf: lockFile, encoding: .utf8).contains("\"pid\": \(getpid())"))
        second.release()
        // A lock held on another host cannot be checked: refused, with how to remove it.
        try Data("{\"pid\": 1, \"host\": \"node-elsewhere\", \"command\": \"sweep\", \"started\": \"then\", \"slurmJob\": \"77_3\", \"token\": \"2\"}".utf8).write(to: lockFile)
        let remote = message { try folder.prepare(plan, version: "test", resume: true) }
        XCTAssertTrue(remote.contains("(sweep, pid 1 on host node-elsewhere since then, Slurm job 77_3)"), remote)
        XCTAssertTrue(remote.contains("remove \(dir.path)/concerto.lock"), remote)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lockFile.path), "another's lock is never removed")
        // An unreadable lock is refused too.
        try Data("garbage".utf8).write(to: lockFile)
        XCTAssertTrue(message { try folder.prepare(plan, version: "test", resume: true) }.contains("not a lock concerto can read"))
    }

    func testManyThreadsRacingForOneLockGetItOneAtATime() throws {
        let dir = tempDir()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let holders = Locked(0), maxHolders = Locked(0), refusals = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<50 {
                do {
                    let lock = try FolderLock.acquire(folder: dir, command: "test")
                    let now = holders.withValue { n -> Int in n += 1; return n }
                    maxHolders.withValue { $0 = Swift.max($0, now) }
                    usleep(100)
                    holders.withValue { $0 -= 1 }
                    lock.release()
                } catch {
                    refusals.withValue { $0 += 1 }
                }
            }
        }
        XCTAssertEqual(maxHolders.withValue { $0 }, 1, "never two holders at once")
        XCTAssertGreaterThan(refusals.withValue { $0 }, 0)
    }

    func testExplorationManifestsAreChecked() throws {
        let shape = """
        {"kind": "explore", "concertoVersion": "t", "fingerprint": "ab", "seed": "1", "replications": 2, "cells": 4,
         "structures": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
         "uncertainties": [{"path": "x", "distribution": [0, 1]}],
         "design": {"name": "lhs", "points": 2}, "points": [[0.25], [0.75]], "outcomes": ["hoursPerPartnerYear"], "thresholds": []}
        """
        let good = try JSONValue.parse(shape)
        XCTAssertEqual(try FolderCheck.manifest(good, file: "m.json").cells, 4)
        let cases: [(String, String, String)] = [
            ("\"cells\": 4", "\"cells\": 1e300", "m.json: cells: expected a whole number from 1 to 10000000, found 1e300"),
            ("\"cells\": 4", "\"cells\": 6", "m.json: cells: 6 does not match 2 points × 2 structures = 4"),
            ("\"points\": 2", "\"points\": 1e15", "m.json: design.points: expected a whole number from 1 to 10000000, found 1e15"),
            ("[[0.25], [0.75]]", "[[0.25], [1.5]]", "m.json: points[1][0]: expected a number from 0 to 1, found 1.5"),
            ("\"name\": \"lhs\"", "\"name\": \"morris\", \"trajectories\": 1e300", "m.json: design.trajectories: expected a whole number from 1 to 10000000, found 1e300"),
            ("\"replications\": 2", "\"replications\": 0.5", "m.json: replications: expected a whole number from 1 to 1000000, found 0.5"),
            ("{\"id\": \"b\"", "{\"id\": \"a\"", "m.json: structures[1].id: \"a\" appears twice"),
        ]
        for (from, to, expected) in cases {
            let v = try JSONValue.parse(shape.replacingOccurrences(of: from, with: to))
            XCTAssertEqual(message { _ = try FolderCheck.manifest(v, file: "m.json") }, expected)
        }
        // The analysis refuses what would crash it or allocate without bound.
        let huge = try JSONValue.parse(shape.replacingOccurrences(of: "\"name\": \"lhs\"", with: "\"name\": \"morris\", \"levels\": 4, \"trajectories\": 1e15"))
        XCTAssertThrowsError(try ExploreAnalysis(manifest: huge, cells: []))
    }
}
