import XCTest
@testable import Concerto

/// Issue 17: what AtomicFile refuses, its temporary-name pattern and stale-temporary cleanup,
/// and how messages are cleaned.
final class AtomicFileSafetyTests: XCTestCase {
    var dir: URL!
    let fm = FileManager.default

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("atomic-safety-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? fm.removeItem(at: dir) }

    func testTemporaryNamePattern() {
        let name = AtomicFile.temporaryName(for: "results.csv")
        XCTAssertTrue(name.hasPrefix(".results.csv.\(getpid())."), name)
        XCTAssertTrue(name.hasSuffix(".tmp"))
        XCTAssertEqual(AtomicFile.temporaryProcess(name), getpid())
        XCTAssertTrue(AtomicFile.isTemporaryName(name, basename: "results.csv"))
        XCTAssertFalse(AtomicFile.isTemporaryName(name, basename: "other.csv"))
        XCTAssertTrue(AtomicFile.isTemporaryName(".cell-000001.json.123.abc.tmp"))
        for not in ["results.csv", ".results.csv", ".x.12.zz.tmp", "..12.ab.tmp", ".x.ab.ab.tmp", "x.12.ab.tmp", ".x.12.ab.tmpx"] {
            XCTAssertFalse(AtomicFile.isTemporaryName(not), not)
        }
    }

    func testRemoveStaleTemporariesKeepsLiveOnes() throws {
        // A process id that cannot be running: above the kernel's maximum.
        let dead = ".cell-000003.json.999999999.00000000000000ab.tmp"
        let live = AtomicFile.temporaryName(for: "cell-000004.json")
        for n in [dead, live, "cell-000001.json", ".hidden"] { try Data().write(to: dir.appendingPathComponent(n)) }
        XCTAssertEqual(AtomicFile.removeStaleTemporaries(in: dir), [dead])
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir.path).sorted(), [live, ".hidden", "cell-000001.json"].sorted())
        XCTAssertEqual(AtomicFile.removeStaleTemporaries(in: dir, maxAge: -1), [live], "old enough whatever its process")
    }

    func testSpecialTargetsAreRefused() throws {
        for device in ["/dev/null", "/dev/full"] {
            XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: URL(fileURLWithPath: device))) { error in
                XCTAssertTrue("\(error)".contains("it is a character device"), "\(error)")
            }
        }
        let link = dir.appendingPathComponent("dangling")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "missing")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: link))
        let slash = URL(fileURLWithPath: dir.path + "/new/")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: slash)) { error in
            XCTAssertTrue("\(error)".contains("ending in /"), "\(error)")
        }
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir.path), ["dangling"])
    }

    func testMessageText() {
        XCTAssertEqual(MessageText.clean("a\u{1b}[2Jb\nc\td\u{0}"), "a\\u001b[2Jb\\nc\\td\\u0000")
        XCTAssertEqual(MessageText.clean("plain text"), "plain text")
        let long = MessageText.clean("id `" + String(repeating: "x", count: 1000) + "` unknown")
        XCTAssertTrue(long.hasSuffix("… (1002 characters) unknown"), long)
        XCTAssertLessThan(long.count, 260)
        XCTAssertLessThanOrEqual(MessageText.clean(String(repeating: "ab ", count: 10_000)).count, MessageText.maxTotal + 30)
    }

    func testFileProblemWording() {
        XCTAssertEqual(FileProblem.reason(errno: ENOSPC), "no space left on the device")
        XCTAssertEqual(FileProblem.reason(errno: EROFS), "the file system is read-only")
        XCTAssertEqual(FileProblem.reason(CocoaError(.fileWriteOutOfSpace)), "no space left on the device")
        XCTAssertEqual(FileProblem.reason(NSError(domain: NSCocoaErrorDomain, code: 512,
                                                  userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))])),
                       "a part of the path is not a folder")
    }
}
