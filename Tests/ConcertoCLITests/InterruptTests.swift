import Foundation
import XCTest

/// Ctrl-C (SIGINT) or SIGTERM during `run` or `compare` leaves an existing output untouched and
/// writes no partial or temporary file; the process reports the signal.
final class InterruptTests: XCTestCase {
    func testInterruptedRunLeavesTheOldOutput() throws {
        for (command, sig) in [("run", SIGINT), ("compare", SIGTERM)] {
            let dir = try CLI.tempDir()
            defer { try? FileManager.default.removeItem(at: dir) }
            let out = dir.appendingPathComponent("result.json")
            try Data("old".utf8).write(to: out)
            let p = Process()
            p.executableURL = CLI.binary
            let scenarios = command == "run" ? ["Scenarios/sept-rivieres.json"] : ["Scenarios/sept-rivieres.json", "Scenarios/orbite.json"]
            p.arguments = [command] + scenarios + ["--replications", "100000", "--format", "json", "--output", out.path]
            p.currentDirectoryURL = CLI.root
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(500_000)
            XCTAssertTrue(p.isRunning, "still running when interrupted")
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .uncaughtSignal, "\(command): ended by the signal")
            XCTAssertEqual(p.terminationStatus, sig, "\(command): the status says which signal (shells report 128 + \(sig))")
            XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "old", "\(command): the old output is untouched")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["result.json"], "no temporary file")
        }
    }
}
