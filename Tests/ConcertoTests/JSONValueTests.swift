import XCTest
@testable import Concerto

final class JSONValueTests: XCTestCase {
    func parse(_ s: String) throws(JSONSyntaxError) -> JSONValue { try JSONValue.parse(Data(s.utf8)) }

    func testRoundTripKeepsKeyOrder() throws {
        let text = #"{"b":1,"a":[true,false,null,"x\n\"y\"",-2.5e-3,1e21],"c":{"z":{},"y":[]}}"#
        let v = try parse(text)
        XCTAssertEqual(v.serialized(), #"{"b":1,"a":[true,false,null,"x\n\"y\"",-0.0025,1e+21],"c":{"z":{},"y":[]}}"#)
        XCTAssertEqual(try parse(v.serialized()), v)
        XCTAssertEqual(v.objectValue?.map(\.0), ["b", "a", "c"])
    }

    func testUnicodeEscapesAndBOM() throws {
        let v = try JSONValue.parse(Data([0xEF, 0xBB, 0xBF] + Array(#"{"k":"\u00e9\ud83d\ude00 Île"}"#.utf8)))
        XCTAssertEqual(v["k"]?.stringValue, "é😀 Île")
        XCTAssertEqual(try parse("{\r\n\"a\": 1\r\n}")["a"]?.doubleValue, 1)
    }

    func testRejections() {
        let cases: [(String, String, Int, Int)] = [
            ("{\"a\":1,}", "trailing comma", 1, 8),
            ("[1,2,]", "trailing comma", 1, 6),
            ("{\"a\":1 // c\n}", "expected ',' or '}'", 1, 8),
            ("{\"a\":NaN}", "NaN and Infinity", 1, 6),
            ("{\"a\":1,\"a\":2}", "duplicate key `a`", 1, 8),
            ("{\"a\":01}", "leading zeros", 1, 6),
            ("{\"a\":1e999}", "too large", 1, 6),
            ("{\"a\":\n  [1,", "truncated", 2, 6),
            ("", "empty", 1, 1),
            ("{'a':1}", "expected a key in double quotes", 1, 2),
            ("{\"a\":\"\\ud800\"}", "unpaired surrogate", 1, 13),
        ]
        for (text, message, line, column) in cases {
            do {
                _ = try parse(text)
                XCTFail("accepted \(text)")
            } catch {
                XCTAssertTrue(error.message.contains(message), "\(text): \(error.message)")
                XCTAssertEqual(error.line, line, "\(text): \(error)")
                XCTAssertEqual(error.column, column, "\(text): \(error)")
            }
        }
        XCTAssertThrowsError(try JSONValue.parse(Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D])))
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try parse(deep)) { XCTAssertTrue(($0 as! JSONSyntaxError).message.contains("nesting deeper")) }
    }

    func testLargeArray() throws {
        let text = "[" + (0..<500_000).map(String.init).joined(separator: ",") + "]"
        XCTAssertEqual(try parse(text).arrayValue?.count, 500_000)
    }
}
