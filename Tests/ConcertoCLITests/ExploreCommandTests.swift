import Foundation
import XCTest

/// `concerto explore` through the built binary: a small exploration end to end, and every
/// refusal (exit 2, the file and JSON path or option named, nothing written).
final class ExploreCommandTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try CLI.tempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    let small = ["--points", "6", "--replications", "2", "--years", "1"]

    func testSmallExplorationWritesEveryTable() throws {
        let out = dir.appendingPathComponent("x").path
        let r = try CLI.run(["explore", "Scenarios/sept-rivieres.json", "Scenarios/orbite.json", "Scenarios/charlevoix.json", "--output", out] + small)
        XCTAssertEqual(r.code, 0, r.stderr)
        for f in ["manifest.json", "design.csv", "results.csv", "robustness.csv", "sensitivity.csv", "discovery.csv", "discovery-trajectories.csv", "discovery.md"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + f), f)
        }
        let robustness = try String(contentsOfFile: out + "/robustness.csv", encoding: .utf8)
        XCTAssertTrue(robustness.hasPrefix("measure,better,structure,probability_best,ci95_lo,ci95_hi,best_beyond_noise,mean_regret,p90_regret,mean_value,points\n"))
        XCTAssertTrue(robustness.contains("hoursPerPartnerYear,lower,orbite,"))
        let results = try String(contentsOfFile: out + "/results.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(results.count, 1 + 6 * 3 * 8, "point × structure × default outcome")
    }

    func assertRejected(_ args: [String], names: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let out = dir.appendingPathComponent("out-\(UUID().uuidString)").path
        let r = try CLI.run(["explore"] + args + ["--output", out])
        XCTAssertEqual(r.code, 2, r.stderr, file: file, line: line)
        for n in names { XCTAssertTrue(r.stderr.contains(n), "names \(n): \(r.stderr)", file: file, line: line) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written", file: file, line: line)
    }

    func scenario(_ edit: (inout [String: Any]) -> Void) throws -> String {
        var s = try CLI.septRivieres()
        edit(&s)
        let url = dir.appendingPathComponent("s-\(UUID().uuidString).json")
        try CLI.write(s, to: url)
        return url.path
    }

    func withPartnerRanges(_ ranges: [String: Any]) throws -> String {
        try scenario { s in
            var d = s["partnerDefaults"] as! [String: Any]
            d["ranges"] = ranges
            s["partnerDefaults"] = d
        }
    }

    func testBadRanges() throws {
        let lowHigh = try withPartnerRanges(["capacityHoursPerMonth": [25, 15]])
        try assertRejected([lowHigh] + small, names: [lowHigh, "partnerDefaults.ranges.capacityHoursPerMonth", "the low end (25) is above the high end (15)"])
        let missing = try withPartnerRanges(["capacityHoursPerMonthX": [15, 25]])
        try assertRejected([missing] + small, names: [missing, "partnerDefaults.ranges.capacityHoursPerMonthX", "not a key of this object"])
        let text = try scenario { s in s["ranges"] = ["name": [1, 2]] }
        try assertRejected([text] + small, names: [text, "ranges.name", "not a number"])
    }

    func testBadExperiment() throws {
        let exp = dir.appendingPathComponent("exp.json")
        try CLI.write(["structures": [CLI.root.appendingPathComponent("Scenarios/orbite.json").path],
                       "uncertainties": [["path": "partnerDefaults.nothing", "range": [1, 2]]]], to: exp)
        try assertRejected(["--experiment", exp.path] + small, names: [exp.path, "uncertainties[0].path", "partnerDefaults.nothing"])
        try CLI.write(["structures": [CLI.root.appendingPathComponent("Scenarios/orbite.json").path],
                       "thresholds": ["hypersollicitedShar": ["max": 0.1]]], to: exp)
        try assertRejected(["--experiment", exp.path] + small, names: [exp.path, "thresholds.hypersollicitedShar", "did you mean `hypersollicitedShare`?"])
        try CLI.write(["structures": [CLI.root.appendingPathComponent("Scenarios/orbite.json").path], "design": "sobol", "points": 5], to: exp)
        try assertRejected(["--experiment", exp.path, "--replications", "2"], names: [exp.path, "points", "the Sobol design needs N × (k + 2) points"])
    }

    func testBadOptions() throws {
        try assertRejected(["Scenarios/orbite.json", "--threshold", "medianDays<=90"] + small, names: ["--threshold", "unknown measure `medianDays`"])
        try assertRejected(["Scenarios/orbite.json", "--design", "sobol", "--points", "5", "--replications", "2"], names: ["--points", "the Sobol design"])
        try assertRejected(["Scenarios/orbite.json", "--design", "latin"] + small, names: ["--design", "expected lhs, sobol, morris or grid"])
    }

    func testMergeRefusesShardsOfDifferentExplorations() throws {
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path, m = dir.appendingPathComponent("m").path
        let files = ["Scenarios/sept-rivieres.json", "Scenarios/orbite.json"]
        XCTAssertEqual(try CLI.run(["explore"] + files + small + ["--shard", "1/2", "--output", a]).code, 0)
        XCTAssertEqual(try CLI.run(["explore"] + files + small + ["--shard", "2/2", "--seed", "7", "--output", b]).code, 0)
        let r = try CLI.run(["merge", a, b, "--output", m])
        XCTAssertEqual(r.code, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains(b) && r.stderr.contains("fingerprint"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: m))
    }
}
