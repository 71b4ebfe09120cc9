import Foundation
import XCTest

/// `validate`, and warnings before surprises through the built binary: they go to standard
/// error and leave the exit code at 0; `--strict` makes them exit 2.
final class ValidateCommandTests: XCTestCase {
    /// Three members at engagement 0.35 (35% expected, under 40%), quorum 2 (fails at
    /// 1 − 3·0.35²·0.65 − 0.35³ ≈ 72% of meetings).
    func scenario(engagement: Double) -> [String: Any] {
        let partners: [[String: Any]] = (0..<3).map {
            ["id": "p\($0)", "sector": "s", "territory": "t", "capacityHoursPerMonth": 744, "engagement": engagement]
        }
        return [
            "id": "faible", "years": 1, "sectors": [["id": "s"]], "territories": [["id": "t"]], "partners": partners,
            "instances": [["id": "a", "schedule": ["meetingsPerYear": 10], "membership": ["named": ["p0", "p1", "p2"]],
                           "quorum": ["kind": "count", "value": 2], "powers": ["decide"]]],
            "issueKinds": [["id": "k", "ratePerYear": 4, "route": [["act": "decide", "instance": "a"]]]],
            "attendance": ["mandateInterest": 1], "engagement": ["decisionBoost": 0],
        ]
    }

    func testWarningsLeaveTheExitCodeAloneUnlessStrict() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let weak = dir.appendingPathComponent("weak.json"), sound = dir.appendingPathComponent("sound.json")
        try CLI.write(scenario(engagement: 0.35), to: weak)
        try CLI.write(scenario(engagement: 0.95), to: sound)

        let v = try CLI.run(["validate", weak.path])
        XCTAssertEqual(v.code, 0, v.stderr)
        XCTAssertTrue(v.stderr.contains("instances[a]: expected attendance 35% of its seats, under 40%"), v.stderr)
        XCTAssertTrue(v.stderr.contains("instances[a]: its quorum (2 of 3 voting seats) is expected to fail at 72% of meetings"), v.stderr)
        XCTAssertTrue(v.stdout.contains("ok with 2 warnings"), v.stdout)
        let strict = try CLI.run(["validate", "--strict", weak.path])
        XCTAssertEqual(strict.code, 2, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("--strict: 2 warnings"), strict.stderr)
        // A sound scenario: no warning, --strict or not.
        let ok = try CLI.run(["validate", "--strict", sound.path])
        XCTAssertEqual(ok.code, 0, ok.stderr)
        XCTAssertEqual(ok.stderr, "")

        // `run` prints the warnings on standard error and runs; with --strict it runs nothing.
        let run = try CLI.run(["run", weak.path, "--replications", "2"])
        XCTAssertEqual(run.code, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("warning: \(weak.path): instances[a]: expected attendance 35%"), run.stderr)
        XCTAssertFalse(run.stdout.isEmpty)
        let refused = try CLI.run(["run", weak.path, "--replications", "2", "--strict"])
        XCTAssertEqual(refused.code, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("--strict: 2 warnings: the scenario is refused"), refused.stderr)
        XCTAssertEqual(try CLI.run(["run", sound.path, "--replications", "2", "--strict"]).code, 0)
    }
}
