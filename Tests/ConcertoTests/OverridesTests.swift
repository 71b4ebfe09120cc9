import XCTest
@testable import Concerto

final class OverridesTests: XCTestCase {
    let doc = try! JSONValue.parse(Data(#"{"years":3,"instances":[{"id":"grande-table","schedule":{"meetingsPerYear":3}},{"id":"comite","quorum":{"kind":"none"}}]}"#.utf8))

    func testByIdAndIndex() throws {
        let a = try applyOverride(doc, path: "instances.grande-table.schedule.meetingsPerYear", value: "6")
        XCTAssertEqual(a["instances"]?[0]?["schedule"]?["meetingsPerYear"], .number(6))
        let b = try applyOverride(doc, path: "instances.1.quorum.kind", value: "present")
        XCTAssertEqual(b["instances"]?[1]?["quorum"]?["kind"], .string("present"))
        let c = try applyOverride(doc, path: "years", value: "[1, 2]")
        XCTAssertEqual(c["years"], .array([.number(1), .number(2)]))
    }

    func testUnknownSegmentsAreErrorsWithSuggestions() {
        XCTAssertThrowsError(try applyOverride(doc, path: "instances.grande-tabel.schedule.meetingsPerYear", value: "6")) {
            XCTAssertTrue(($0 as! OverrideError).message.contains("did you mean `grande-table`?"), "\($0)")
        }
        XCTAssertThrowsError(try applyOverride(doc, path: "instances.grande-table.schedule.meetingPerYear", value: "6")) {
            XCTAssertTrue(($0 as! OverrideError).message.contains("did you mean `meetingsPerYear`?"), "\($0)")
        }
        XCTAssertThrowsError(try applyOverride(doc, path: "years.x", value: "6")) {
            XCTAssertTrue(($0 as! OverrideError).message.contains("is a number (3)"), "\($0)")
        }
        XCTAssertEqual(try applyOverride(doc, path: "warmupYears", value: "1", allowNewKeys: true)["warmupYears"], .number(1))
    }

    func testSetArgument() throws {
        let (p, v) = try parseSetArgument("a.b=x=y")
        XCTAssertEqual(p, "a.b"); XCTAssertEqual(v, "x=y")
        XCTAssertThrowsError(try parseSetArgument("a.b"))
        XCTAssertThrowsError(try parseSetArgument("=3"))
    }

    func testClosestKey() {
        XCTAssertEqual(closestKey(to: "meetingPerYear", among: ["meetingsPerYear", "periodDays"]), "meetingsPerYear")
        XCTAssertEqual(closestKey(to: "QUORUM", among: ["quorum"]), "quorum")
        XCTAssertNil(closestKey(to: "zzz", among: ["quorum", "powers"]))
    }

    func testDecodingErrorsNameTheIdPath() throws {
        struct Item: Decodable { let id: String; let count: Int }
        struct Doc: Decodable { let items: [Item] }
        let bad = try JSONValue.parse(Data(#"{"items":[{"id":"a","count":1},{"id":"b","count":"six"}]}"#.utf8))
        do {
            _ = try JSONDecoder().decode(Doc.self, from: bad.data())
            XCTFail()
        } catch let e as DecodingError {
            let s = scenarioError(from: e, file: "f.json", root: bad)
            XCTAssertEqual(s.path, "items[b].count")
            XCTAssertEqual(s.message, "expected a whole number, found a string (\"six\")")
            XCTAssertEqual(s.description, "f.json: items[b].count: expected a whole number, found a string (\"six\")")
        }
    }
}
