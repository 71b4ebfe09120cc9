import Foundation
import XCTest
import Concerto
import ConcertoCLI

/// `concerto gcm`, through `runGCMCommand` (no process needed).
final class GarbageCanCommandTests: XCTestCase {
    private func objects(_ stdout: String) throws -> [[String: Any]] {
        let parsed = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try XCTUnwrap(parsed as? [[String: Any]])
    }

    func testJSONParsesBackWithAllVariantsAndKeysInOrder() throws {
        let r = runGCMCommand(["--format", "json"])
        XCTAssertEqual(r.exitCode, 0); XCTAssertEqual(r.stderr, "")
        let objs = try objects(r.stdout)
        XCTAssertEqual(objs.count, 81)
        let summaries = GarbageCanExperiment.summaries()
        for (o, s) in zip(objs, summaries) {
            XCTAssertEqual(o["load"] as? String, s.variant.load.name)
            XCTAssertEqual(o["energy"] as? String, s.variant.energy.name)
            XCTAssertEqual(o["access"] as? String, s.variant.access.name)
            XCTAssertEqual(o["decision"] as? String, s.variant.decision.name)
            XCTAssertEqual(o["runs"] as? Int, 4)
            XCTAssertEqual((o["resolution"] as? NSNumber)?.doubleValue, s.resolution)
            XCTAssertEqual((o["flight"] as? NSNumber)?.doubleValue, s.flight)
            XCTAssertEqual((o["oversight"] as? NSNumber)?.doubleValue, s.oversight)
            XCTAssertEqual((o["problemsSolved"] as? NSNumber)?.doubleValue, s.problemsSolved)
            XCTAssertEqual((o["problemLatency"] as? NSNumber)?.doubleValue, s.problemLatency)
            XCTAssertEqual((o["problemActivity"] as? NSNumber)?.doubleValue, s.problemActivity)
            XCTAssertEqual((o["decisionMakerMoves"] as? NSNumber)?.doubleValue, s.decisionMakerMoves)
            XCTAssertEqual((o["choicesUnmade"] as? NSNumber)?.doubleValue, s.choicesUnmade)
        }
        let first = try XCTUnwrap(r.stdout.split(separator: "\n").dropFirst().first)
        let keys = ["load", "energy", "access", "decision", "runs", "resolution", "flight", "oversight", "problemsSolved",
                    "problemLatency", "problemActivity", "decisionMakerMoves", "choicesUnmade"]
        let positions = keys.map { first.range(of: "\"\($0)\":")?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.map { $0! }, positions.map { $0! }.sorted())
        // Byte-identical on a second run.
        XCTAssertEqual(runGCMCommand(["--format=json"]).stdout, r.stdout)
    }

    func testSingleVariantAndFirstGoldenVariantValues() throws {
        let r = runGCMCommand(["--variant", "light,imp-less,unsegmented,unsegmented", "--format=json"])
        XCTAssertEqual(r.exitCode, 0)
        let objs = try objects(r.stdout)
        XCTAssertEqual(objs.count, 1)
        // All four original runs of this variant resolve all 10 choices and solve all 20 problems.
        XCTAssertEqual((objs[0]["resolution"] as? NSNumber)?.doubleValue, 10)
        XCTAssertEqual((objs[0]["problemsSolved"] as? NSNumber)?.doubleValue, 20)
    }

    func testRandomEntryIsDeterministicAndUsesRuns() throws {
        let args = ["--variant=heavy,equal,hierarchical,hierarchical", "--random-entry", "--runs", "150", "--seed", "9", "--format", "json"]
        let a = runGCMCommand(args), b = runGCMCommand(args)
        XCTAssertEqual(a.exitCode, 0)
        XCTAssertEqual(a.stdout, b.stdout)
        XCTAssertEqual(try objects(a.stdout)[0]["runs"] as? Int, 150)
        let other = runGCMCommand(["--variant=heavy,equal,hierarchical,hierarchical", "--random-entry", "--runs", "150", "--seed", "10", "--format", "json"])
        XCTAssertNotEqual(other.stdout, a.stdout)
        // Default: 100 runs.
        let d = runGCMCommand(["--variant=light,equal,specialized,specialized", "--random-entry", "--format=json"])
        XCTAssertEqual(try objects(d.stdout)[0]["runs"] as? Int, 100)
    }

    func testExactMode() throws {
        let r = runGCMCommand(["--exact", "--format", "json"])
        XCTAssertEqual(r.exitCode, 0)
        let objs = try objects(r.stdout)
        let summaries = GarbageCanExperiment.summaries(arithmetic: .exact)
        XCTAssertEqual(objs.count, 81)
        for (o, s) in zip(objs, summaries) { XCTAssertEqual((o["resolution"] as? NSNumber)?.doubleValue, s.resolution) }
    }

    func testCSVAndTable() {
        let csv = runGCMCommand(["--format", "csv"])
        XCTAssertEqual(csv.exitCode, 0)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 82)
        XCTAssertEqual(lines[0], "load,energy,access,decision,runs,resolution,flight,oversight,problemsSolved,problemLatency,problemActivity,decisionMakerMoves,choicesUnmade")
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 13 })

        let table = runGCMCommand([])
        XCTAssertEqual(table.exitCode, 0)
        let rows = table.stdout.split(separator: "\n").filter { $0.hasPrefix("light") || $0.hasPrefix("moderate") || $0.hasPrefix("heavy") }
        XCTAssertEqual(rows.count, 81)
        // Aligned: every data row ends at the same column.
        XCTAssertEqual(Set(rows.map(\.count)).count, 1)
        XCTAssertTrue(table.stdout.contains("resolution"))
        XCTAssertTrue(table.stdout.contains("DM moves"))
    }

    func testHelp() {
        let r = runGCMCommand(["--help"])
        XCTAssertEqual(r.exitCode, 0)
        XCTAssertTrue(r.stdout.contains("--random-entry"))
        XCTAssertEqual(r.stderr, "")
    }

    func testBadInputExitsTwoWithOneLineMessage() {
        let bad: [([String], String)] = [
            (["--runs", "0", "--random-entry"], "--runs"),
            (["--random-entry", "--runs", "x"], "--runs"),
            (["--runs", "100"], "--random-entry"),
            (["--seed", "3"], "--random-entry"),
            (["--variant", "light,foo,x,y"], "LOAD,ENERGY,ACCESS,DECISION"),
            (["--variant", "light,equal,hierarchical"], "LOAD,ENERGY,ACCESS,DECISION"),
            (["--variant"], "needs a value"),
            (["--format", "xml"], "table, json or csv"),
            (["--bogus"], "unknown option"),
            (["--exact=yes"], "takes no value"),
            (["extra"], "unexpected argument"),
            (["--random-entry", "--seed", "-1"], "--seed"),
        ]
        for (args, needle) in bad {
            let r = runGCMCommand(args)
            XCTAssertEqual(r.exitCode, 2, "\(args)")
            XCTAssertEqual(r.stdout, "", "\(args)")
            XCTAssertTrue(r.stderr.contains(needle), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, "\(args): one line")
        }
    }
}
