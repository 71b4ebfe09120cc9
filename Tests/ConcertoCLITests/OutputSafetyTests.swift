import Foundation
import XCTest

/// Issue 17: outputs never replace what is not a regular file, standard streams fail cleanly,
/// interrupted writes leave no temporary file, inputs are type-checked before opening, exit
/// codes follow the documentation and messages cannot carry control characters or huge values.
final class OutputSafetyTests: XCTestCase {
    let scenario = "Scenarios/sept-rivieres.json"
    var dir: URL!

    override func setUpWithError() throws { dir = try CLI.tempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    func fileType(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    func testDevicesAreNeverReplaced() throws {
        for device in ["/dev/full", "/dev/null"] {
            let r = try CLI.run(["run", scenario, "--replications", "1", "--output", device])
            XCTAssertEqual(r.code, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("cannot write \(device): it is a character device"), r.stderr)
            XCTAssertEqual(try fileType(device), .typeCharacterSpecial, "\(device) is still a device")
        }
        let s = try CLI.run(["schema", scenario, "--output", "/dev/full"])
        XCTAssertEqual(s.code, 1, s.stderr)
    }

    func testFifoFolderAndDanglingLinkAreRefused() throws {
        let fifo = dir.appendingPathComponent("pipe")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let folder = dir.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let link = dir.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "nowhere")
        for (target, words) in [(fifo, "it is a FIFO (named pipe)"), (folder, "is a directory"), (link, "symbolic link to a missing file")] {
            let r = try CLI.run(["run", scenario, "--replications", "1", "--output", target.path])
            XCTAssertEqual(r.code, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains(words), r.stderr)
            XCTAssertTrue(r.stderr.contains(target.lastPathComponent), r.stderr)
        }
        var st = stat()
        XCTAssertEqual(lstat(fifo.path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o170000, 0o010000, "the FIFO is still a FIFO")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "nowhere", "the link is untouched")
        XCTAssertEqual(try names(), ["folder", "link", "pipe"], "nothing written, no temporary file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testTrailingSlashIsAFolderAndRefused() throws {
        let r = try CLI.run(["run", scenario, "--replications", "1", "--output", dir.path + "/new/"])
        XCTAssertEqual(r.code, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("a path ending in / names a folder"), r.stderr)
        XCTAssertEqual(try names(), [])
    }

    func testStandardOutputOnAFullDeviceExitsOne() throws {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["run", scenario, "--replications", "1"]
        p.currentDirectoryURL = CLI.root
        p.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let errURL = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit)
        XCTAssertEqual(p.terminationStatus, 1)
        let err = try String(contentsOf: errURL, encoding: .utf8)
        XCTAssertTrue(err.contains("cannot write to standard output: no space left on the device"), err)
        // Standard error full too: exit 1, no crash.
        let q = Process()
        q.executableURL = CLI.binary
        q.arguments = ["run", "Scenarios/missing.json"]
        q.currentDirectoryURL = CLI.root
        q.standardError = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        q.standardOutput = FileHandle.nullDevice
        try q.run()
        q.waitUntilExit()
        XCTAssertEqual(q.terminationReason, .exit)
        XCTAssertEqual(q.terminationStatus, 2, "the command's own exit code is kept")
    }

    /// SIGTERM and SIGINT while the output's temporary file exists (held open by a test-only
    /// pause before the rename) remove it; the process ends by the signal.
    /// Starts `run --output out` held before its rename (test-only pause) and returns once its
    /// temporary file exists.
    func startPausedWrite(to out: URL) throws -> Process {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["run", scenario, "--replications", "2", "--format", "json", "--output", out.path]
        p.currentDirectoryURL = CLI.root
        p.environment = ProcessInfo.processInfo.environment.merging(["CONCERTO_TEST_PAUSE_BEFORE_RENAME": "60"]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, try !names().contains(where: { $0.hasPrefix(".\(out.lastPathComponent).") && $0.hasSuffix(".tmp") }) { usleep(20_000) }
        return p
    }

    func testSignalDuringTheWriteLeavesNoTemporaryFile() throws {
        for sig in [SIGTERM, SIGINT] {
            let out = dir.appendingPathComponent("result.json")
            let p = try startPausedWrite(to: out)
            XCTAssertTrue(try names().contains(where: { $0.hasSuffix(".tmp") }), "the temporary file appeared")
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .uncaughtSignal)
            XCTAssertEqual(p.terminationStatus, sig)
            XCTAssertEqual(try names(), [], "signal \(sig): no temporary file, no output")
        }
    }

    /// SIGKILL cannot be caught: the temporary file stays, the target is untouched; the next
    /// write of the same output removes it (its process is gone), and leaves other files alone.
    func testSigkillLeftoverIsRemovedByTheNextWrite() throws {
        let out = dir.appendingPathComponent("result.json")
        let p = try startPausedWrite(to: out)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let left = try names()
        XCTAssertEqual(left.count, 1, "the temporary file of the killed write remains: \(left)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "the target was never half written")
        // Another file's temporary (named for another target) must survive.
        let other = dir.appendingPathComponent(".other.json.\(p.processIdentifier).0123456789abcdef.tmp")
        try Data("x".utf8).write(to: other)
        let r = try CLI.run(["run", scenario, "--replications", "2", "--format", "json", "--output", out.path])
        XCTAssertEqual(r.code, 0, r.stderr)
        XCTAssertEqual(try names().sorted(), [other.lastPathComponent, "result.json"].sorted())
    }

    /// A folder that exists but whose `cells` cannot be created (a file is in the way) cannot be
    /// written: exit 1, in plain words, for sweep and explore alike.
    func testFolderThatCannotHoldCellsExitsOne() throws {
        for (command, extra) in [("sweep", ["--vary", "instances.grande-table.schedule.meetingsPerYear=3,4"]), ("explore", ["--points", "4"])] {
            let out = dir.appendingPathComponent("blocked-\(command)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try Data("not a folder".utf8).write(to: out.appendingPathComponent("cells"))
            let r = try CLI.run([command, scenario] + extra + ["--replications", "2", "--years", "1", "--output", out.path])
            XCTAssertEqual(r.code, 1, "\(command): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("cannot create") && r.stderr.contains("cells"), r.stderr)
            XCTAssertFalse(r.stderr.contains("NSCocoaErrorDomain") || r.stderr.contains("Error Domain"), r.stderr)
        }
    }

    func testSignalDuringALongRunLeavesNoTemporaryFile() throws {
        let out = dir.appendingPathComponent("result.txt")
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["run", scenario, "--replications", "100000", "--output", out.path]
        p.currentDirectoryURL = CLI.root
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        usleep(700_000)
        XCTAssertTrue(p.isRunning)
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, SIGTERM)
        XCTAssertEqual(try names(), [])
    }

    func testShardIsStrict() throws {
        for shard in ["1//2", "1/2/", "/2", "+1/2", " 1/2", "1/ 2", "0/2", "3/2", "1/0", "a/b", "1/99999999999999999999"] {
            let r = try CLI.run(["sweep", scenario, "--vary", "years=1", "--shard", shard, "--output", dir.appendingPathComponent("s").path])
            XCTAssertEqual(r.code, 2, "\(shard): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--shard must be I/N"), r.stderr)
        }
        XCTAssertEqual(try names(), [])
    }

    func testOutputFolderProblemsExitOne() throws {
        let file = dir.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        let s = try CLI.run(["sweep", scenario, "--vary", "years=1", "--replications", "1", "--output", file.path + "/sub"])
        XCTAssertEqual(s.code, 1, s.stderr)
        XCTAssertTrue(s.stderr.contains("a part of the path is not a folder"), s.stderr)
        XCTAssertFalse(s.stderr.contains("operation could not be completed"), s.stderr)
        let onFile = try CLI.run(["sweep", scenario, "--vary", "years=1", "--replications", "1", "--output", file.path])
        XCTAssertEqual(onFile.code, 1, onFile.stderr)
        XCTAssertTrue(onFile.stderr.contains("expected a folder"), onFile.stderr)
        let m = try CLI.run(["merge", dir.path, "--output", file.path])
        XCTAssertEqual(m.code, 1, m.stderr)
        XCTAssertTrue(m.stderr.contains("cannot write to \(file.path): it is a file, expected a folder"), m.stderr)
        XCTAssertFalse(m.stderr.contains("NSCocoaErrorDomain"), m.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "x")
    }

    func testSpecialFilesAsScenarioAreRefusedQuickly() throws {
        let fifo = dir.appendingPathComponent("scenario.json")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let start = Date()
        let r = try CLI.run(["validate", fifo.path])
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "no waiting on the FIFO")
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("is not a regular file: it is a FIFO (named pipe)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("permission"), r.stderr)
        let dev = try CLI.run(["run", "/dev/null"])
        XCTAssertEqual(dev.code, 2)
        XCTAssertTrue(dev.stderr.contains("/dev/null: is not a regular file: it is a character device"), dev.stderr)
        let folder = try CLI.run(["validate", dir.path])
        XCTAssertEqual(folder.code, 2)
        XCTAssertTrue(folder.stderr.contains("is a directory"), folder.stderr)
        if getuid() != 0 {
            let locked = dir.appendingPathComponent("locked.json")
            try Data("{}".utf8).write(to: locked)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
            let l = try CLI.run(["validate", locked.path])
            XCTAssertEqual(l.code, 2)
            XCTAssertTrue(l.stderr.contains("cannot be read: permission denied"), l.stderr)
        }
    }

    func testControlCharactersAreEscapedAndLongValuesShortened() throws {
        var s = try CLI.septRivieres()
        var instances = s["instances"] as! [[String: Any]]
        instances[0]["venue"] = "zz\nline2"
        instances[1]["venue"] = String(repeating: "A", count: 1_000_000)
        s["instances"] = instances
        let file = dir.appendingPathComponent("s.json")
        try CLI.write(s, to: file)
        let r = try CLI.run(["validate", file.path])
        XCTAssertEqual(r.code, 2)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, r.stderr)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix(file.path + ": ") }, "every line names the file")
        XCTAssertTrue(r.stderr.contains("`zz\\nline2`"), r.stderr)
        XCTAssertTrue(r.stderr.contains("… (1000003 characters)"), String(r.stderr.prefix(500)))
        XCTAssertLessThan(r.stderr.utf8.count, 2_000)
        let esc = try CLI.run(["run", scenario, "--set", "partners.\u{1b}[2J.capacityHoursPerMonth=3"])
        XCTAssertEqual(esc.code, 2)
        XCTAssertFalse(esc.stderr.contains("\u{1b}"), esc.stderr)
        XCTAssertTrue(esc.stderr.contains("\\u001b[2J"), esc.stderr)
        let usage = try CLI.run(["r\u{1b}[2Jun"])
        XCTAssertEqual(usage.code, 2)
        XCTAssertFalse(usage.stderr.contains("\u{1b}"), usage.stderr)
    }

    func testControlCharactersInIdsAndNamesAreRefused() throws {
        var s = try CLI.septRivieres()
        s["name"] = "Sept\u{0}Rivières"
        let file = dir.appendingPathComponent("nul.json")
        try CLI.write(s, to: file)
        for command in [["validate", file.path], ["schema", file.path, "--format", "svg"]] {
            let r = try CLI.run(command)
            XCTAssertEqual(r.code, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("\(file.path): name: the character U+0000 is not allowed"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
        var t = try CLI.septRivieres()
        mutateElement(&t, "partners", id: "coordination-territoriale") { $0["id"] = "ce\ngep" }
        try CLI.write(t, to: file)
        let r = try CLI.run(["validate", file.path])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("U+000A is not allowed: ids and names cannot contain control characters"), r.stderr)
    }
}
