import XCTest
@testable import Concerto

/// Write failures said once (issue 15, item 8: no "cannot write X: cannot write X: …").
final class FileProblemTests: XCTestCase {
    func testCannotWriteNamesThePathOnce() {
        let atomic = AtomicFileError(message: "cannot write out/results.csv: no space left on the device")
        XCTAssertEqual(FileProblem.cannotWrite("out", atomic), "cannot write out/results.csv: no space left on the device")
        XCTAssertEqual(FileProblem.cannotWrite("out", POSIXError(.EACCES)), "cannot write out: permission denied")
    }

    func testAFailedAtomicWriteInsideAFolderIsSaidOnce() throws {
        // A folder whose path goes through a regular file cannot hold the file.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("concerto-fp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        do {
            try AtomicFile.write(Data("y".utf8), to: blocker.appendingPathComponent("results.csv"))
            XCTFail("the write should fail")
        } catch {
            let m = FileProblem.cannotWrite(dir.path, error)
            XCTAssertEqual(m.components(separatedBy: "cannot write").count - 1, 1, m)
        }
    }
}
