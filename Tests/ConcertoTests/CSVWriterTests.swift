import XCTest
@testable import Concerto

/// RFC 4180 quoting with "\n" line ends.
final class CSVWriterTests: XCTestCase {
    func testQuoting() {
        var w = CSVWriter(header: ["a", "b"])
        w.addRow(["x,y", "say \"hi\""])
        w.addRow(["line\nbreak", "plain"])
        w.addRow(["cr\rhere", "é à ç"])
        w.addRow([" lead", "trail "])
        w.addRow(["", "\""])
        XCTAssertEqual(w.text, "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",plain\n\"cr\rhere\",é à ç\n\" lead\",\"trail \"\n,\"\"\"\"\n")
        XCTAssertEqual(w.rowCount, 5)
    }

    func testQuoteFunction() {
        XCTAssertEqual(CSVWriter.quote("plain"), "plain")
        XCTAssertEqual(CSVWriter.quote("1.5"), "1.5")
        XCTAssertEqual(CSVWriter.quote("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.quote("\"q\""), "\"\"\"q\"\"\"")
        XCTAssertEqual(CSVWriter.quote("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(CSVWriter.quote(""), "")
    }

    func testHeaderOnlyAndShortRowsArePadded() {
        XCTAssertEqual(CSVWriter(header: ["x", "y z"]).text, "x,y z\n")
        var w = CSVWriter(header: ["a", "b", "c"])
        w.addRow(["1"])
        XCTAssertEqual(w.text, "a,b,c\n1,,\n")
        XCTAssertEqual(w.columnCount, 3)
    }
}
