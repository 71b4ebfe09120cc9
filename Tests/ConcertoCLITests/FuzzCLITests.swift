import Foundation
import XCTest

/// Mutated scenarios through the built binary: exit 0 with a complete output file, or exit 2 with
/// one message naming the file — never a trap, a hang (per-case time limit) or a partial file.
final class FuzzCLITests: XCTestCase {
    /// Runs the binary with a time limit; returns nil on timeout.
    func run(_ args: [String], limit: TimeInterval) throws -> CLI.Result? {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("o"), errURL = dir.appendingPathComponent("e")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        let deadline = Date().addingTimeInterval(limit)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning { p.terminate(); p.waitUntilExit(); return nil }
        return CLI.Result(stdout: try String(contentsOf: outURL, encoding: .utf8), stderr: try String(contentsOf: errURL, encoding: .utf8),
                          code: p.terminationStatus)
    }

    func mutations(of text: String) -> [(String, Data)] {
        var out: [(String, Data)] = []
        let bytes = Array(text.utf8)
        for cut in [1, bytes.count / 3, bytes.count / 2, bytes.count - 2] { out.append(("truncated at \(cut)", Data(bytes.prefix(cut)))) }
        out.append(("CRLF line ends", Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        out.append(("byte-order mark", Data([0xEF, 0xBB, 0xBF] + bytes)))
        out.append(("deeply nested junk", Data(("{\"id\":" + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}").utf8)))
        out.append(("empty", Data()))
        // A 50 MB file: a valid scenario padded with a long note, and the same cut short.
        let padded = "{\"comment\": \"" + String(repeating: "x", count: 50_000_000) + "\", " + text.drop { $0 != "{" }.dropFirst()
        out.append(("50 MB file", Data(padded.utf8)))
        out.append(("50 MB file truncated", Data(padded.utf8.prefix(40_000_000))))
        out.append(("binary junk", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) })))
        let replacements: [(String, String, String)] = [
            ("\"meetingsPerYear\": 3", "\"meetingsPerYear\": -3", "negative"),
            ("\"meetingsPerYear\": 3", "\"meetingsPerYear\": 0", "zero"),
            ("\"meetingsPerYear\": 3", "\"meetingsPerYear\": 1e308", "huge"),
            ("\"meetingsPerYear\": 3", "\"meetingsPerYear\": \"NaN\"", "NaN-like"),
            ("\"sector\": \"habitation\"", "\"sector\": \"habitatión\"", "unicode reference"),
            ("\"id\": \"grande-table\"", "\"id\": \"comite-coordination\"", "duplicate id"),
            ("\"instance\": \"grande-table\"", "\"instance\": \"table-fantome\"", "dangling reference"),
            ("\"partners\": [", "\"partners\": [], \"x\": [", "empty array and unknown key"),
            ("\"quorum\": {", "\"quorum\": {\"extra\": [[[[]]]], ", "nested junk key"),
        ]
        for (a, b, name) in replacements where text.contains(a) {
            out.append((name, Data(text.replacingOccurrences(of: a, with: b).utf8)))
        }
        return out
    }

    func testMutatedScenarioFilesThroughTheBinary() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/sept-rivieres.json"), encoding: .utf8)
        var ran = 0, rejected = 0
        for (k, (name, data)) in mutations(of: text).enumerated() {
            let scenario = dir.appendingPathComponent("case-\(k).json")
            try data.write(to: scenario)
            let output = dir.appendingPathComponent("out-\(k).json")
            guard let r = try run(["run", scenario.path, "--replications", "2", "--years", "1", "--format", "json", "--output", output.path], limit: 60) else {
                XCTFail("\(name): hung past 60 s"); continue
            }
            switch r.code {
            case 0:
                ran += 1
                let obj = try? JSONSerialization.jsonObject(with: Data(contentsOf: output))
                XCTAssertNotNil(obj, "\(name): complete JSON output")
            case 2:
                rejected += 1
                XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "\(name): no output file")
                XCTAssertTrue(r.stderr.hasPrefix(scenario.path), "\(name): the message names the file: \(r.stderr)")
                XCTAssertFalse(r.stderr.contains("Fatal error"), "\(name)")
            default:
                XCTFail("\(name): exit \(r.code): \(r.stderr)")
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary file left")
        print("fuzz through the binary: \(ran) ran, \(rejected) rejected")
        XCTAssertGreaterThanOrEqual(ran, 3, "CRLF, BOM and the 50 MB file run")
        XCTAssertGreaterThan(rejected, 10)
    }
}
