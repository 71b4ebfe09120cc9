import XCTest
@testable import Concerto

/// The RFC 8259 parser and the deterministic serialiser.
final class JSONValueTests: XCTestCase {
    func parse(_ s: String) throws(JSONSyntaxError) -> JSONValue { try JSONValue.parse(Data(s.utf8)) }

    /// Asserts that `text` is rejected at `line`:`column` with a message containing `message`.
    func assertRejected(_ text: String, _ message: String, _ line: Int, _ column: Int,
                        file: StaticString = #filePath, lineNumber: UInt = #line) {
        assertRejected(Data(text.utf8), message, line, column, file: file, lineNumber: lineNumber)
    }

    func assertRejected(_ data: Data, _ message: String, _ line: Int, _ column: Int,
                        file: StaticString = #filePath, lineNumber: UInt = #line) {
        do {
            let v = try JSONValue.parse(data)
            XCTFail("accepted \(String(decoding: data, as: UTF8.self)) as \(v.serialized())", file: file, line: lineNumber)
        } catch {
            XCTAssertTrue(error.message.contains(message), "\(String(decoding: data, as: UTF8.self)): got \"\(error.message)\"", file: file, line: lineNumber)
            XCTAssertEqual(error.line, line, "line of \(String(decoding: data, as: UTF8.self)): \(error)", file: file, line: lineNumber)
            XCTAssertEqual(error.column, column, "column of \(String(decoding: data, as: UTF8.self)): \(error)", file: file, line: lineNumber)
        }
    }

    // MARK: accepted documents

    func testRoundTripKeepsKeyOrderAndValues() throws {
        let text = #"{"b":1,"a":[true,false,null,"x\n\"y\"",-2.5e-3,1e21],"c":{"z":{},"y":[]}}"#
        let v = try parse(text)
        XCTAssertEqual(v.serialized(), #"{"b":1,"a":[true,false,null,"x\n\"y\"",-0.0025,1e+21],"c":{"z":{},"y":[]}}"#)
        XCTAssertEqual(try parse(v.serialized()), v)
        XCTAssertEqual(try parse(v.serialized(pretty: true)), v)
        XCTAssertEqual(v.objectValue?.map(\.0), ["b", "a", "c"])
        XCTAssertEqual(try JSONValue.parse(v.data()), v)
    }

    func testValidDocumentsRoundTrip() throws {
        let docs = [
            "null", "true", "false", "0", "-0", "3", "-17", "0.5", "1e-7", "123456789012345678901234567890",
            "1.7976931348623157e308", "5e-324", "\"\"", "\"é😀\\u0000\\u001f\\\\/\"", "[]", "{}", "[[[]]]",
            #"{"":{"":[1,{"a":null}]}}"#, " \t\r\n [ 1 , 2 ] \r\n",
            #"{"instances":[{"id":"grande-table","schedule":{"meetingsPerYear":4}},{"id":"comité","x":[0.25,-1]}]}"#,
        ]
        for text in docs {
            let v = try parse(text)
            XCTAssertEqual(try parse(v.serialized()), v, text)
            XCTAssertEqual(try parse(v.serialized(pretty: true)), v, text)
            // Serialisation is a fixed point after one round.
            XCTAssertEqual(try parse(v.serialized()).serialized(), v.serialized(), text)
        }
    }

    func testNumbersSerialiseDeterministically() {
        XCTAssertEqual(JSONValue.number(6).serialized(), "6")
        XCTAssertEqual(JSONValue.number(-6).serialized(), "-6")
        XCTAssertEqual(JSONValue.number(0.1).serialized(), "0.1")
        XCTAssertEqual(JSONValue.number(-0.0).serialized(), "0")
        XCTAssertEqual(JSONValue.number(9_007_199_254_740_991).serialized(), "9007199254740991")
        XCTAssertEqual(JSONValue.number(9_007_199_254_740_992).serialized(), "9007199254740992.0", "Double.description beyond 2^53")
        XCTAssertEqual(JSONValue.number(1e21).serialized(), "1e+21")
        XCTAssertEqual(JSONValue.number(.nan).serialized(), "null")
        XCTAssertEqual(JSONValue.number(.infinity).serialized(), "null")
        XCTAssertEqual(try parse("0.1").doubleValue, 0.1)
        XCTAssertEqual(try parse("-2.5E+2").doubleValue, -250)
        XCTAssertEqual(try parse("1e-400").doubleValue, 0, "underflow rounds to zero, which is finite")
        XCTAssertEqual(try parse("123456789012345678").doubleValue, 123456789012345680, "correctly rounded")
    }

    func testStringsEscapeAndUnescape() throws {
        let s = "quote \" backslash \\ nl \n cr \r tab \t bs \u{08} ff \u{0C} nul \u{00} us \u{1F} del \u{7F} é 😀"
        let text = JSONValue.string(s).serialized()
        XCTAssertEqual(text, #""quote \" backslash \\ nl \n cr \r tab \t bs \b ff \f nul \u0000 us \u001f del "# + "\u{7F} é 😀\"")
        XCTAssertEqual(try parse(text).stringValue, s)
        XCTAssertEqual(try parse(#""\u00e9\u00C9\/""#).stringValue, "éÉ/")
        XCTAssertEqual(try parse(#""\ud83d\ude00 \uD834\uDD1E""#).stringValue, "😀 𝄞", "surrogate pairs")
        XCTAssertEqual(try parse(#""a\u0000b""#).stringValue, "a\u{0}b")
    }

    func testBOMAndCRLF() throws {
        let v = try JSONValue.parse(Data([0xEF, 0xBB, 0xBF] + Array(#"{"k":"\u00e9 Île"}"#.utf8)))
        XCTAssertEqual(v["k"]?.stringValue, "é Île")
        XCTAssertEqual(try parse("{\r\n\"a\": 1\r\n}")["a"]?.doubleValue, 1)
        // The BOM is not counted in columns; CRLF counts as one line break.
        assertRejected(Data([0xEF, 0xBB, 0xBF] + Array("{\"a\":1,}".utf8)), "trailing comma", 1, 8)
        assertRejected("{\r\n\"a\": 1,\r\n}", "trailing comma", 3, 1)
        // A BOM anywhere else is not whitespace.
        XCTAssertThrowsError(try JSONValue.parse(Data(Array("[1]".utf8) + [0xEF, 0xBB, 0xBF])))
    }

    func testAccessorsAndSubscripts() throws {
        let v = try parse(#"{"a":[1,"x",true,null,{"id":"b"}],"s":"t"}"#)
        XCTAssertEqual(v["a"]?[0]?.doubleValue, 1)
        XCTAssertEqual(v["a"]?[1]?.stringValue, "x")
        XCTAssertEqual(v["a"]?[2]?.boolValue, true)
        XCTAssertEqual(v["a"]?[3]?.isNull, true)
        XCTAssertEqual(v["a"]?[4]?["id"], .string("b"))
        XCTAssertNil(v["a"]?[5])
        XCTAssertNil(v["a"]?[-1])
        XCTAssertNil(v["missing"])
        XCTAssertNil(v["s"]?["x"])
        XCTAssertNil(v[0])
        XCTAssertEqual(v["a"]?.arrayValue?.count, 5)
        XCTAssertNil(v["s"]?.doubleValue)
        XCTAssertNil(v.arrayValue)
        XCTAssertEqual(v.objectValue?.count, 2)
    }

    func testEqualityIsStructuralAndOrderSensitiveForObjects() throws {
        XCTAssertEqual(try parse(#"{"a":1,"b":[2]}"#), .object([("a", .number(1)), ("b", .array([.number(2)]))]))
        XCTAssertNotEqual(try parse(#"{"a":1,"b":2}"#), try parse(#"{"b":2,"a":1}"#))
        XCTAssertNotEqual(try parse(#"{"a":1}"#), try parse(#"{"a":1,"b":2}"#))
        XCTAssertNotEqual(JSONValue.number(1), .string("1"))
        XCTAssertNotEqual(JSONValue.bool(true), .number(1))
        XCTAssertNotEqual(try parse("[1,2]"), try parse("[2,1]"))
    }

    func testPrettySerialisationLayout() throws {
        let v = try parse(#"{"id":"x","list":[1,2,3],"objs":[{"a":1}],"empty":{},"none":[]}"#)
        XCTAssertEqual(v.serialized(pretty: true), """
        {
          "id": "x",
          "list": [1, 2, 3],
          "objs": [
            {
              "a": 1
            }
          ],
          "empty": {},
          "none": []
        }
        """)
    }

    // MARK: rejections, each with its position

    func testRejectionsNameLineAndColumn() {
        assertRejected("{\"a\":1,}", "trailing comma before '}'", 1, 8)
        assertRejected("[1,2,]", "trailing comma before ']'", 1, 6)
        assertRejected("{\"a\":1 // c\n}", "expected ',' or '}' after an object member", 1, 8)
        assertRejected("{\"a\":1 // c\n}", "comments are not allowed", 1, 8)
        assertRejected("// header\n{}", "comments are not allowed", 1, 1)
        assertRejected("{\n  /* c */ \"a\": 1}", "comments are not allowed", 2, 3)
        assertRejected("[1 /* c */]", "comments are not allowed", 1, 4)
        assertRejected("{\"a\":NaN}", "NaN and Infinity are not JSON numbers", 1, 6)
        assertRejected("{\"a\":Infinity}", "NaN and Infinity", 1, 6)
        assertRejected("[-Infinity]", "NaN and Infinity", 1, 2)
        assertRejected("{\"a\":1,\"a\":2}", "duplicate key `a`", 1, 8)
        assertRejected("{\"a\":01}", "leading zeros", 1, 6)
        assertRejected("[-007]", "leading zeros", 1, 2)
        assertRejected("{\"a\":1e999}", "too large", 1, 6)
        assertRejected("[\n -1e400]", "too large", 2, 2)
        assertRejected("[1.]", "expected a digit after the decimal point", 1, 4)
        assertRejected("[.5]", "digit before the decimal point", 1, 2)
        assertRejected("[+1]", "cannot start with '+'", 1, 2)
        assertRejected("[1e]", "exponent", 1, 4)
        assertRejected("[-]", "expected a digit after '-'", 1, 3)
        assertRejected("{'a':1}", "expected a key in double quotes", 1, 2)
        assertRejected("['a']", "double quotes, not single quotes", 1, 2)
        assertRejected("{a:1}", "expected a key in double quotes but found `a`", 1, 2)
        assertRejected("[True]", "unexpected `True`", 1, 2)
        assertRejected("[nul]", "unexpected `nul`", 1, 2)
        assertRejected("[truex]", "unexpected `truex`", 1, 2)
        assertRejected("{\"a\" 1}", "expected ':' after the key `a`", 1, 6)
        assertRejected("{\"a\":1 \"b\":2}", "is a comma missing?", 1, 8)
        assertRejected("[1 2]", "expected ',' or ']' after an array element", 1, 4)
        assertRejected("{\"a\":}", "expected a value but found `}`", 1, 6)
        assertRejected("[,1]", "expected a value but found `,`", 1, 2)
        assertRejected("{} {}", "after the end of the JSON document", 1, 4)
        assertRejected("[\"a\\x\"]", "invalid escape `\\x`", 1, 4)
        assertRejected("[\"a\\u12G4\"]", "invalid \\u escape", 1, 8)
        assertRejected("[\"tab\there\"]", "control character U+0009", 1, 6)
        assertRejected("{\"a\":\"open\n}", "line break inside a string", 1, 11)
    }

    func testTruncatedAndEmptyDocuments() {
        assertRejected("{\"a\":\n  [1,", "unexpected end of file: the file looks truncated", 2, 6)
        assertRejected("{\"a\":1", "unexpected end of file: the file looks truncated", 1, 7)
        assertRejected("{\"a\"", "the file looks truncated", 1, 5)
        assertRejected("[\"abc", "the file looks truncated", 1, 6)
        assertRejected("[\"abc\\", "the file looks truncated", 1, 7)
        assertRejected("[1e", "the file looks truncated", 1, 4)
        assertRejected("", "the file is empty", 1, 1)
        assertRejected(" \n ", "the file is empty", 2, 2)
        assertRejected(Data([0xEF, 0xBB, 0xBF]), "the file is empty", 1, 1)
    }

    func testUnpairedSurrogates() {
        assertRejected("{\"a\":\"\\ud800\"}", "unpaired surrogate \\uD800", 1, 7)
        assertRejected("[\"x\\uDC00\"]", "unpaired surrogate \\uDC00", 1, 4)
        assertRejected("[\"\\uD83D\\u0041\"]", "unpaired surrogate \\uD83D", 1, 3)
        assertRejected("[\"\\uD83Dx\"]", "unpaired surrogate", 1, 3)
    }

    func testDuplicateKeyNamesItsPath() {
        let text = "{\"instances\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"schedule\": {\"meetingsPerYear\": 4, \"meetingsPerYear\": 6}}\n]}"
        assertRejected(text, "duplicate key `meetingsPerYear`", 3, 50)
        assertRejected(text, "(at instances[1].schedule.meetingsPerYear)", 3, 50)
        assertRejected("{\"id\":1,\"id\":2}", "(at id)", 1, 9)
    }

    func testInvalidUTF8IsRejectedWhereItIs() {
        let cases: [([UInt8], Int, Int)] = [
            (Array("{\"".utf8) + [0xFF] + Array("\":1}".utf8), 1, 3),                 // never valid
            (Array("[\n \"é".utf8) + [0xC3] + Array("\"]".utf8), 2, 4),                 // truncated sequence
            (Array("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8), 1, 3),              // overlong '/'
            (Array("[\"".utf8) + [0xE0, 0x80, 0xAF] + Array("\"]".utf8), 1, 3),        // overlong 3-byte
            (Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8), 1, 3),        // encoded surrogate
            (Array("[\"".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("\"]".utf8), 1, 3),  // above U+10FFFF
            (Array("[\"".utf8) + [0x80] + Array("\"]".utf8), 1, 3),                    // lone continuation
            ([0xFE, 0xFF] + Array("[]".utf8), 1, 1),                                     // UTF-16 BOM
        ]
        for (bytes, line, column) in cases {
            assertRejected(Data(bytes), "invalid UTF-8", line, column)
        }
        // Four-byte characters are fine.
        XCTAssertEqual(try JSONValue.parse(Data(Array("[\"".utf8) + [0xF0, 0x9F, 0x98, 0x80] + Array("\"]".utf8)))[0]?.stringValue, "😀")
    }

    // MARK: limits

    func testNestingLimit() throws {
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        XCTAssertNoThrow(try parse(ok))
        let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        assertRejected(tooDeep, "nesting deeper than 256 levels", 1, 257)
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deepArrays = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        assertRejected(deepArrays, "nesting deeper than 256", 1, 257)
        let deepObjects = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        assertRejected(deepObjects, "nesting deeper than 256", 1, 256 * 5 + 1)
        // Unterminated deep input is still the nesting error, not a truncation or a crash.
        assertRejected(String(repeating: "[", count: 100_000), "nesting deeper", 1, 257)
    }

    func testFiveMegabyteArrayParsesQuickly() throws {
        var text = "["
        var k = 0
        while text.utf8.count < 5_000_000 {
            if k > 0 { text += "," }
            switch k % 4 {
            case 0: text += String(k)
            case 1: text += "\(Double(k) / 7)"
            case 2: text += "\"partner-\(k)\""
            default: text += "{\"id\":\"i\(k)\",\"v\":[true,null]}"
            }
            k += 1
        }
        text += "]"
        let data = Data(text.utf8)
        XCTAssertGreaterThanOrEqual(data.count, 5_000_000)
        let start = Date()
        let v = try JSONValue.parse(data)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(v.arrayValue?.count, k)
        XCTAssertEqual(v[1]?.doubleValue, 1.0 / 7)
        XCTAssertEqual(v[3]?["id"]?.stringValue, "i3")
        // Generous bound that holds for an unoptimised debug build on a slow machine.
        XCTAssertLessThan(seconds, 20, "5 MB parsed in \(seconds) s")
    }
}
