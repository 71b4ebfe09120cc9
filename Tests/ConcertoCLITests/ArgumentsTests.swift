import XCTest
@testable import ConcertoCLI

/// The subcommand argument parser and its typed getters.
final class ArgumentsTests: XCTestCase {
    let options: Set<String> = ["--replications", "--seed", "--years", "--set", "--output", "--vary"]
    let flags: Set<String> = ["--help", "--quiet"]

    func parse(_ args: [String]) throws(UsageError) -> ParsedArguments {
        try ParsedArguments.parse(args, options: options, flags: flags)
    }

    func assertUsageError(_ args: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try parse(args)
            XCTFail("accepted \(args)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.message, message, file: file, line: line)
            XCTAssertEqual(error.description, message, file: file, line: line)
        }
    }

    func testOptionsFlagsAndPositionals() throws {
        let p = try parse(["scenario.json", "--replications", "50", "--seed=7", "--quiet", "other"])
        XCTAssertEqual(p.positionals, ["scenario.json", "other"])
        XCTAssertEqual(p.value("--replications"), "50")
        XCTAssertEqual(p.value("--seed"), "7")
        XCTAssertTrue(p.flag("--quiet"))
        XCTAssertFalse(p.flag("--help"))
        XCTAssertNil(p.value("--years"))
        XCTAssertTrue(p.has("--seed"))
        XCTAssertFalse(p.has("--years"))
    }

    func testRepeatedOptionsKeepOrder() throws {
        let p = try parse(["--set", "a=1", "--vary", "x=1,2", "--set=b=2", "--seed", "1", "--seed", "2"])
        XCTAssertEqual(p.values("--set"), ["a=1", "b=2"])
        XCTAssertEqual(p.values("--vary"), ["x=1,2"])
        XCTAssertEqual(p.value("--seed"), "2", "the last one wins")
        XCTAssertEqual(p.values("--output"), [])
    }

    func testDoubleDashEndsOptions() throws {
        let p = try parse(["--seed", "3", "--", "--help", "-x", "--seed"])
        XCTAssertEqual(p.positionals, ["--help", "-x", "--seed"])
        XCTAssertFalse(p.flag("--help"))
        XCTAssertEqual(p.value("--seed"), "3")
    }

    func testNegativeNumbersAreValuesAndPositionals() throws {
        let p = try parse(["--seed", "-1", "--years", "-0.5", "-3", "-", "--output=-"])
        XCTAssertEqual(p.value("--seed"), "-1")
        XCTAssertEqual(p.value("--years"), "-0.5")
        XCTAssertEqual(p.positionals, ["-3", "-"])
        XCTAssertEqual(p.value("--output"), "-")
        XCTAssertThrowsError(try p.uint64("--seed", default: 1)) {
            XCTAssertEqual(($0 as? UsageError)?.message, "--seed must be an integer between 0 and 18446744073709551615, got \"-1\"")
        }
    }

    func testUnknownOptionsSuggest() {
        assertUsageError(["--replicatons", "3"], "unknown option --replicatons (did you mean --replications?)")
        assertUsageError(["--replicatons=3"], "unknown option --replicatons (did you mean --replications?)")
        assertUsageError(["--hepl"], "unknown option --hepl (did you mean --help?)")
        assertUsageError(["-seed", "3"], "unknown option -seed (did you mean --seed?)")
        assertUsageError(["--frobnicate"], "unknown option --frobnicate (options: --help, --output, --quiet, --replications, --seed, --set, --vary, --years)")
        XCTAssertThrowsError(try ParsedArguments.parse(["--x"], options: [], flags: [])) {
            XCTAssertEqual(($0 as? UsageError)?.message, "unknown option --x (this command takes no options)")
        }
    }

    func testMissingAndUnexpectedValues() {
        assertUsageError(["--seed"], "option --seed needs a value")
        assertUsageError(["--seed", "--replications", "3"], "option --seed needs a value")
        assertUsageError(["--seed="], "option --seed needs a value (nothing after '=')")
        assertUsageError(["--help=yes"], "option --help takes no value")
    }

    func testSingleDashNamesWhenDeclared() throws {
        let p = try ParsedArguments.parse(["-o", "out.csv", "-q"], options: ["-o"], flags: ["-q"])
        XCTAssertEqual(p.value("-o"), "out.csv")
        XCTAssertTrue(p.flag("-q"))
    }

    func testTypedGetters() throws {
        let p = try parse(["--replications", "0", "--seed", "42", "--years", "1e9", "--output", "abc"])
        XCTAssertThrowsError(try p.int("--replications", default: 100, range: 1...1_000_000)) {
            XCTAssertEqual(($0 as? UsageError)?.message, "--replications must be an integer between 1 and 1000000, got \"0\"")
        }
        XCTAssertEqual(try p.uint64("--seed", default: 1), 42)
        XCTAssertEqual(try p.int("--seed", default: 1, range: 0...100), 42)
        XCTAssertThrowsError(try p.double("--years", default: 3, range: 0.01...200)) {
            XCTAssertEqual(($0 as? UsageError)?.message, "--years must be a number between 0.01 and 200, got \"1e9\"")
        }
        XCTAssertThrowsError(try p.int("--output", default: 1, range: 0...9)) {
            XCTAssertEqual(($0 as? UsageError)?.message, "--output must be an integer between 0 and 9, got \"abc\"")
        }
        XCTAssertThrowsError(try p.uint64("--seed", default: 1, range: 0...10))
        // Defaults when absent.
        let empty = try parse([])
        XCTAssertEqual(try empty.int("--replications", default: 100, range: 1...1_000_000), 100)
        XCTAssertEqual(try empty.double("--years", default: 3, range: 0.01...200), 3)
        XCTAssertEqual(try empty.uint64("--seed", default: 1), 1)
        // Valid values, NaN and infinity refused.
        XCTAssertEqual(try parse(["--years", "2.5"]).double("--years", default: 3, range: 0.01...200), 2.5)
        XCTAssertThrowsError(try parse(["--years", "nan"]).double("--years", default: 3, range: -1e308...1e308))
        XCTAssertThrowsError(try parse(["--years", "inf"]).double("--years", default: 3, range: -Double.infinity...Double.infinity))
        XCTAssertEqual(try parse(["--seed", "18446744073709551615"]).uint64("--seed", default: 1), UInt64.max)
        XCTAssertThrowsError(try parse(["--seed", "18446744073709551616"]).uint64("--seed", default: 1))
    }
}
