import Foundation
import XCTest

/// `concerto calibrate --shard I/N`: shards sharing one folder give the unsharded result, byte
/// for byte; shards of different calibrations are refused.
final class CalibrateShardTests: XCTestCase {
    static let outputs = ["posterior.csv", "fit.csv", "small-calibrated.json", "fit-report.fr.html", "fit-report.en.html"]

    /// The small table of `CalibrateCommandTests`, its records, and the calibrate arguments (no --output).
    func setUpCalibration(_ dir: URL) throws -> [String] {
        let fixture = CalibrateCommandTests.self
        let s = dir.appendingPathComponent("small.json"), truth = dir.appendingPathComponent("truth.json")
        try CLI.write(fixture.scenario(rate: 8), to: s)
        try CLI.write(fixture.scenario(rate: 20, id: "truth"), to: truth)
        let pv = dir.appendingPathComponent("pv").path
        let run = try CLI.run(["run", truth.path, "--replications", "1", "--records", pv, "--measures", "attendanceRate"])
        XCTAssertEqual(run.code, 0, run.stderr)
        return ["calibrate", s.path, pv, "--particles", "20", "--draws", "150", "--generations", "2", "--seed", "3"]
    }

    func testThreeShardsRunOneAfterAnotherGiveTheUnshardedOutputsByteForByte() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try setUpCalibration(dir)
        let one = dir.appendingPathComponent("one").path, single = dir.appendingPathComponent("single").path, three = dir.appendingPathComponent("three").path
        let plain = try CLI.run(args + ["--output", one])
        XCTAssertEqual(plain.code, 0, plain.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: one + "/rounds"), "no rounds without --shard")
        let s11 = try CLI.run(args + ["--output", single, "--shard", "1/1", "--threads", "1"])
        XCTAssertEqual(s11.code, 0, s11.stderr)
        XCTAssertEqual(s11.stdout.split(separator: "\n").dropFirst().joined(), plain.stdout.split(separator: "\n").dropFirst().joined())
        // Three shards, one at a time, never waiting: each runs its share of the round it can,
        // then stops (exit 75) until the others have run; run again with --resume until done.
        var codes: [[Int32]] = []
        var last: [CLI.Result] = []
        for pass in 0..<8 {
            last = try (1...3).map { i in try CLI.run(args + ["--output", three, "--shard", "\(i)/3", "--wait", "0"] + (pass == 0 ? [] : ["--resume"])) }
            codes.append(last.map(\.code))
            for r in last where r.code != 0 {
                XCTAssertEqual(r.code, 75, r.stderr)
                XCTAssertTrue(r.stderr.contains("again with --resume"), r.stderr)
            }
            if last.allSatisfy({ $0.code == 0 }) { break }
        }
        XCTAssertEqual(codes.first, [75, 75, 75], "\(codes)")
        XCTAssertEqual(codes.last, [0, 0, 0], "\(codes)")
        XCTAssertGreaterThan(codes.count, 2, "some rounds needed more than one pass: \(codes)")
        for f in Self.outputs {
            let expected = try Data(contentsOf: URL(fileURLWithPath: one + "/" + f))
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: three + "/" + f)), expected, "three shards: \(f)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: single + "/" + f)), expected, "--shard 1/1: \(f)")
        }
        let simulations = { (r: CLI.Result) in r.stdout.split(separator: "\n").first.map { $0.split(separator: ":")[1].split(separator: " ")[0] } }
        XCTAssertEqual(simulations(last[0]), simulations(plain))
        let rounds = try FileManager.default.contentsOfDirectory(atPath: three + "/rounds").sorted()
        XCTAssertEqual(rounds, ["generation-01", "generation-02", "predictive", "rejection"])
    }

    func testShardsOfDifferentCalibrationsAreRefused() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try setUpCalibration(dir)
        let out = dir.appendingPathComponent("cal").path
        let first = try CLI.run(args + ["--output", out, "--shard", "1/2", "--wait", "0"])
        XCTAssertEqual(first.code, 75, first.stderr)
        // Another seed is another calibration.
        let other = try CLI.run(args.map { $0 == "3" ? "4" : $0 } + ["--output", out, "--shard", "2/2", "--wait", "0"])
        XCTAssertEqual(other.code, 2, other.stderr)
        XCTAssertTrue(other.stderr.contains("holds another calibration"), other.stderr)
        // Another shard count.
        let count = try CLI.run(args + ["--output", out, "--shard", "2/3", "--wait", "0"])
        XCTAssertEqual(count.code, 2, count.stderr)
        XCTAssertTrue(count.stderr.contains("in 2 shard(s), not 3"), count.stderr)
        // The same shard again needs --resume.
        let again = try CLI.run(args + ["--output", out, "--shard", "1/2", "--wait", "0"])
        XCTAssertEqual(again.code, 2, again.stderr)
        XCTAssertTrue(again.stderr.contains("add --resume"), again.stderr)
        // A batch of another calibration copied in is refused when read.
        let batch = out + "/rounds/rejection/batch-000000.txt"
        var text = try String(contentsOfFile: batch, encoding: .utf8)
        let line = text.split(separator: "\n")[1]
        text = text.replacingOccurrences(of: String(line), with: "fingerprint 0123")
        try text.write(toFile: batch, atomically: true, encoding: .utf8)
        let foreign = try CLI.run(args + ["--output", out, "--shard", "2/2", "--wait", "0"])
        XCTAssertEqual(foreign.code, 2, foreign.stderr)
        XCTAssertTrue(foreign.stderr.contains("belongs to another calibration"), foreign.stderr)
        let bad = try CLI.run(args + ["--output", out, "--shard", "0/2"])
        XCTAssertEqual(bad.code, 2, bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/posterior.csv"))
    }

    func testResumeAfterAnInterruptionRedoesOnlyWhatIsMissing() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try setUpCalibration(dir)
        let one = dir.appendingPathComponent("one").path, cal = dir.appendingPathComponent("cal").path
        XCTAssertEqual(try CLI.run(args + ["--output", one]).code, 0)
        XCTAssertEqual(try CLI.run(args + ["--output", cal, "--shard", "1/1"]).code, 0)
        // As if killed during the second generation: its last batches, the predictive round and
        // the outputs are missing, and a temporary file of an unfinished write is left.
        let fm = FileManager.default
        let generation = cal + "/rounds/generation-02"
        let batches = try fm.contentsOfDirectory(atPath: generation).sorted()
        XCTAssertGreaterThan(batches.count, 1)
        try fm.removeItem(atPath: generation + "/" + batches.last!)
        try fm.removeItem(atPath: cal + "/rounds/predictive")
        for f in Self.outputs { try fm.removeItem(atPath: cal + "/" + f) }
        let temporary = generation + "/." + batches.last! + ".4242.x1y2.tmp"
        try Data("partial".utf8).write(to: URL(fileURLWithPath: temporary))
        let refused = try CLI.run(args + ["--output", cal, "--shard", "1/1"])
        XCTAssertEqual(refused.code, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("add --resume"), refused.stderr)
        let resumed = try CLI.run(args + ["--output", cal, "--resume"])
        XCTAssertEqual(resumed.code, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("removed 1 temporary file(s)"), resumed.stderr)
        XCTAssertFalse(fm.fileExists(atPath: temporary))
        for f in Self.outputs {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cal + "/" + f)), try Data(contentsOf: URL(fileURLWithPath: one + "/" + f)), f)
        }
    }
}
