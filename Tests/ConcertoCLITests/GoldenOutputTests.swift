import Foundation
import XCTest

/// Golden outputs: recorded `run`, `compare` and `sweep` outputs that every change must keep
/// byte-identical unless it says why results changed (scripts/regenerate-goldens.sh, in a commit
/// of its own). The cases are listed once, in Goldens/cases.tsv, read by the test and the script.
final class GoldenOutputTests: XCTestCase {
    static var goldens: URL { CLI.root.appendingPathComponent("Tests/ConcertoCLITests/Goldens") }

    struct Case { var file: String; var arguments: [String] }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: goldens.appendingPathComponent("cases.tsv"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.isEmpty { return nil }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return Case(file: String(parts[0]), arguments: parts[1].split(separator: " ").map(String.init))
        }
    }

    /// The output with the two provenance values that legitimately change from run to run (the
    /// date and the commit of the checkout) replaced by placeholders; everything else, the
    /// provenance's version, seed, overrides and scenario SHA-256 included, is compared byte for byte.
    static func normalised(_ data: Data) -> Data {
        var s = String(decoding: data, as: UTF8.self)
        for (pattern, placeholder) in [("\"date\": \"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\"", "\"date\": \"(date)\""),
                                       ("\"commit\": (\"[0-9a-f]{40}\"|null)", "\"commit\": \"(commit)\"")] {
            s = s.replacingOccurrences(of: pattern, with: placeholder, options: .regularExpression)
        }
        return Data(s.utf8)
    }

    func testNormalisationOnlyTouchesDateAndCommit() {
        let a = Data("{\n  \"date\": \"2026-11-30T12:00:00Z\",\n  \"commit\": \"\(String(repeating: "a", count: 40))\",\n  \"seed\": \"1\"\n}".utf8)
        let b = Data("{\n  \"date\": \"1970-01-01T00:00:00Z\",\n  \"commit\": null,\n  \"seed\": \"1\"\n}".utf8)
        XCTAssertEqual(Self.normalised(a), Self.normalised(b))
        let c = Data("{\n  \"date\": \"1970-01-01T00:00:00Z\",\n  \"commit\": null,\n  \"seed\": \"2\"\n}".utf8)
        XCTAssertNotEqual(Self.normalised(b), Self.normalised(c), "anything but the date and commit still counts")
    }

    func testCasesAreListed() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 10)
        for c in cases {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Self.goldens.appendingPathComponent(c.file).path), "golden \(c.file) is recorded")
        }
        // Every shipped scenario has a run golden.
        let shipped = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Scenarios").path).filter { $0.hasSuffix(".json") }
        for s in shipped { XCTAssertTrue(cases.contains { $0.file == "run-" + s }, "a golden for \(s)") }
    }

    func testOutputsAreByteIdenticalToTheGoldens() throws {
        for c in try Self.cases() {
            let dir = try CLI.tempDir()
            defer { try? FileManager.default.removeItem(at: dir) }
            let sweepDir = dir.appendingPathComponent("sweep").path
            let args = c.arguments.map { $0 == "{DIR}" ? sweepDir : $0 }
            let r = try CLI.run(args)
            XCTAssertEqual(r.code, 0, "\(c.file): \(r.stderr)")
            var produced: Data
            if c.arguments.contains("{DIR}") {
                produced = try Data(contentsOf: URL(fileURLWithPath: sweepDir).appendingPathComponent("results.csv"))
            } else {
                produced = Data(r.stdout.utf8)
            }
            let golden = Self.normalised(try Data(contentsOf: Self.goldens.appendingPathComponent(c.file)))
            produced = Self.normalised(produced)
            if produced != golden {
                let a = String(decoding: produced, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let b = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
                XCTFail("\(c.file) differs from its golden (\(produced.count) vs \(golden.count) bytes)"
                        + (first.map { ", first at line \($0.offset + 1):\n  got:    \($0.element.0)\n  golden: \($0.element.1)" } ?? ""))
            }
        }
    }
}
