import XCTest
@testable import Concerto

/// Numbers typed with a decimal comma on the command line (issue 15, item 3).
final class DecimalCommaTests: XCTestCase {
    func testDecimalCommaNumbers() {
        XCTAssertEqual(DecimalComma.number("2,5"), 2.5)
        XCTAssertEqual(DecimalComma.number("-0,75"), -0.75)
        XCTAssertEqual(DecimalComma.number("2.5"), 2.5)
        XCTAssertEqual(DecimalComma.number("12"), 12)
        XCTAssertNil(DecimalComma.number("3,"))
        XCTAssertNil(DecimalComma.number(",5"))
        XCTAssertNil(DecimalComma.number("1,2,3"))
        XCTAssertNil(DecimalComma.number("abc"))
    }

    func testVaryListsSplitOnSemicolonsWhenCommasAreDecimal() {
        XCTAssertEqual(DecimalComma.listItems("3,6"), ["3", "6"], "no ';': commas separate values, as before")
        XCTAssertEqual(DecimalComma.listItems("2,5;3;3,5"), ["2.5", "3", "3.5"])
    }

    func testSetOverrideReadsADecimalComma() throws {
        let tree = try JSONValue.parse(#"{"a": {"b": 1}, "name": "x"}"#)
        XCTAssertEqual(try applyOverride(tree, path: "a.b", value: "2,5")["a"]?["b"], .number(2.5))
        XCTAssertEqual(try applyOverride(tree, path: "name", value: "Table, élargie")["name"], .string("Table, élargie"), "text with a comma stays text")
    }

    func testSweepAxisWithDecimalCommas() throws {
        XCTAssertEqual(try SweepAxis.parse("x=2,5;3,5").values, [.number(2.5), .number(3.5)])
        XCTAssertEqual(try SweepAxis.parse("x=0,5:1,5:0,5").values, [.number(0.5), .number(1), .number(1.5)])
        XCTAssertEqual(try SweepAxis.parse("x=3,6").values, [.number(3), .number(6)])
        XCTAssertThrowsError(try SweepAxis.parse("x=2:4")) { e in
            XCTAssertTrue((e as! OverrideError).message.contains("a range needs a step"), "\(e)")
        }
    }

    func testJSONHintForADecimalCommaInAFile() {
        XCTAssertThrowsError(try JSONValue.parse(#"{"capacity": 3,5, "b": 1}"#)) { e in
            let m = (e as! JSONSyntaxError).message
            XCTAssertTrue(m.contains("is `3,5` a decimal comma?"), m)
            XCTAssertTrue(m.contains("write 3.5"), m)
        }
        XCTAssertThrowsError(try JSONValue.parse(#"{"capacity": "x", 5: 1}"#)) { e in
            XCTAssertFalse((e as! JSONSyntaxError).message.contains("decimal comma"), "no hint after a string")
        }
    }
}
