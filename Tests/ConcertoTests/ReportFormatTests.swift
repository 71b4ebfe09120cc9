import XCTest
@testable import Concerto

final class ReportFormatTests: XCTestCase {
    func testCSVQuoting() {
        var w = CSVWriter(header: ["a", "b"])
        w.addRow(["x,y", "say \"hi\""])
        w.addRow(["line\nbreak", "plain"])
        XCTAssertEqual(w.text, "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",plain\n")
    }

    func testTextTableAlignsAccentedText() {
        var t = TextTable(columns: [("instance", .left), ("h", .right)])
        t.addRow(["Comité de coordination", "12.5"])
        t.addRow(["Grande Table", "3"])
        let lines = t.render().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[2].count, lines[3].count, "right column aligned: \(lines)")
        XCTAssertTrue(lines[3].hasSuffix("   3"))
    }

    func testNumberFormats() {
        XCTAssertEqual(NumberFormat.json(3), "3")
        XCTAssertEqual(NumberFormat.json(0.1), "0.1")
        XCTAssertEqual(NumberFormat.json(.nan), "null")
        XCTAssertEqual(NumberFormat.fixed(-0.0001, digits: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(.nan, digits: 2), "–")
    }

    func testAtomicFileReplacesAndRefusesDirectories() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("out.txt")
        try AtomicFile.write(Data("one".utf8), to: f)
        try AtomicFile.write(Data("two".utf8), to: f)
        XCTAssertEqual(try String(contentsOf: f, encoding: .utf8), "two")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: dir))
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: dir.appendingPathComponent("missing/out.txt")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.txt"])
    }
}
