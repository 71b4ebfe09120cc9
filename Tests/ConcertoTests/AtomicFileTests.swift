import XCTest
@testable import Concerto

/// Atomic writes: all or nothing, never a temporary file left behind.
final class AtomicFileTests: XCTestCase {
    var dir: URL!
    let fm = FileManager.default

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    func contents() throws -> [String] { try fm.contentsOfDirectory(atPath: dir.path).sorted() }

    func testWritesAndReplaces() throws {
        let f = dir.appendingPathComponent("out.json")
        try AtomicFile.write(Data("one".utf8), to: f)
        XCTAssertEqual(try String(contentsOf: f, encoding: .utf8), "one")
        try AtomicFile.write(Data("two, longer".utf8), to: f)
        XCTAssertEqual(try String(contentsOf: f, encoding: .utf8), "two, longer")
        try AtomicFile.write(Data(), to: f)
        XCTAssertEqual(try Data(contentsOf: f), Data())
        let big = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try AtomicFile.write(big, to: f)
        XCTAssertEqual(try Data(contentsOf: f), big)
        XCTAssertEqual(try contents(), ["out.json"], "no temporary file left")
    }

    func testKeepsPermissionsAndFollowsSymlinks() throws {
        let f = dir.appendingPathComponent("out.csv")
        try AtomicFile.write(Data("a".utf8), to: f)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: f.path)
        try AtomicFile.write(Data("b".utf8), to: f)
        XCTAssertEqual((try fm.attributesOfItem(atPath: f.path)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let link = dir.appendingPathComponent("link.csv")
        try fm.createSymbolicLink(at: link, withDestinationURL: f)
        try AtomicFile.write(Data("c".utf8), to: link)
        XCTAssertEqual(try String(contentsOf: f, encoding: .utf8), "c")
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: link.path), f.path, "the link is still a link")
    }

    func testRefusesDirectoryTarget() throws {
        let sub = dir.appendingPathComponent("results")
        try fm.createDirectory(at: sub, withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: sub)) { error in
            let message = (error as? AtomicFileError)?.message ?? ""
            XCTAssertTrue(message.contains(sub.path), message)
            XCTAssertTrue(message.contains("is a directory"), message)
        }
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: sub.path), [])
        XCTAssertEqual(try contents(), ["results"])
    }

    func testRefusesMissingOrNonFolderParent() throws {
        let missing = dir.appendingPathComponent("missing/out.txt")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: missing)) { error in
            let message = (error as? AtomicFileError)?.message ?? ""
            XCTAssertTrue(message.contains("does not exist"), message)
            XCTAssertTrue(message.contains(missing.path), message)
        }
        let file = dir.appendingPathComponent("plain")
        try AtomicFile.write(Data("x".utf8), to: file)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: file.appendingPathComponent("out.txt"))) { error in
            XCTAssertTrue(((error as? AtomicFileError)?.message ?? "").contains("is not a folder"), "\(error)")
        }
        XCTAssertEqual(try contents(), ["plain"])
    }

    func testRefusesUnwritableFolder() throws {
        #if os(Linux)
        // /proc refuses new files even to root.
        let target = URL(fileURLWithPath: "/proc/concerto-\(UUID().uuidString).json")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: target)) { error in
            let message = (error as? AtomicFileError)?.message ?? ""
            XCTAssertTrue(message.contains("cannot create a file in the folder /proc"), message)
        }
        #endif
        if getuid() != 0 {
            let locked = dir.appendingPathComponent("locked")
            try fm.createDirectory(at: locked, withIntermediateDirectories: false)
            try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
            XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: locked.appendingPathComponent("out.txt")))
            XCTAssertEqual(try fm.contentsOfDirectory(atPath: locked.path), [])
        }
    }

    struct Injected: Error {}

    func testFailureBeforeRenameLeavesOldFileAndNoTemporary() throws {
        let f = dir.appendingPathComponent("out.txt")
        try AtomicFile.write(Data("old".utf8), to: f)
        var sawTemporary: URL?
        XCTAssertThrowsError(try AtomicFile.write(Data("new".utf8), to: f, beforeRename: { tmp in
            sawTemporary = tmp
            XCTAssertEqual(try? String(contentsOf: tmp, encoding: .utf8), "new", "the temporary file is complete")
            throw Injected()
        })) { XCTAssertTrue($0 is Injected) }
        let name = try XCTUnwrap(sawTemporary?.lastPathComponent)
        XCTAssertTrue(name.hasPrefix(".out.txt.\(getpid())."), name)
        XCTAssertTrue(name.hasSuffix(".tmp"), name)
        XCTAssertEqual(sawTemporary?.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path,
                       dir.standardizedFileURL.resolvingSymlinksInPath().path, "same folder as the target")
        XCTAssertEqual(try String(contentsOf: f, encoding: .utf8), "old")
        XCTAssertEqual(try contents(), ["out.txt"])
    }

    func testFailedRenameRemovesTemporary() throws {
        // A non-empty directory appears at the target between the checks and the rename.
        let f = dir.appendingPathComponent("race")
        XCTAssertThrowsError(try AtomicFile.write(Data("new".utf8), to: f, beforeRename: { _ in
            try self.fm.createDirectory(at: f, withIntermediateDirectories: false)
            try Data().write(to: f.appendingPathComponent("inside"))
        })) { error in
            let message = (error as? AtomicFileError)?.message ?? ""
            XCTAssertTrue(message.contains("cannot replace \(f.path)"), message)
        }
        XCTAssertEqual(try contents(), ["race"])
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: f.path), ["inside"])
    }
}
