import XCTest
@testable import Concerto

/// `--set PATH=VALUE` overrides on the raw scenario tree.
final class OverridesTests: XCTestCase {
    let doc = try! JSONValue.parse(#"""
    {"years":3,
     "instances":[{"id":"grande-table","schedule":{"meetingsPerYear":3,"breakMonths":[7]}},
                  {"id":"comite","quorum":{"kind":"none"}}],
     "partners":[{"id":"cisss-oc-sept-iles","capacityHoursPerMonth":6},{"id":"v1.2","x":1}],
     "plain":[{"a":1},{"a":2}]}
    """#)

    func assertError(_ path: String, _ value: String = "6", contains parts: [String], allowNewKeys: Bool = false,
                     file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try applyOverride(doc, path: path, value: value, allowNewKeys: allowNewKeys)
            XCTFail("accepted \(path)", file: file, line: line)
        } catch {
            for p in parts { XCTAssertTrue(error.message.contains(p), "\(path): \"\(error.message)\" lacks \"\(p)\"", file: file, line: line) }
        }
    }

    func testAddressingById() throws {
        let a = try applyOverride(doc, path: "instances.grande-table.schedule.meetingsPerYear", value: "6")
        XCTAssertEqual(a["instances"]?[0]?["schedule"]?["meetingsPerYear"], .number(6))
        let b = try applyOverride(doc, path: "partners.cisss-oc-sept-iles.capacityHoursPerMonth", value: "4.5")
        XCTAssertEqual(b["partners"]?[0]?["capacityHoursPerMonth"], .number(4.5))
        // Everything else is unchanged, key order included; the input is not modified.
        var expected = doc
        if case .object(var m) = expected, case .array(var parts) = m[2].1, case .object(var p0) = parts[0] {
            p0[1].1 = .number(4.5); parts[0] = .object(p0); m[2].1 = .array(parts); expected = .object(m)
        }
        XCTAssertEqual(b, expected)
        XCTAssertEqual(doc["partners"]?[0]?["capacityHoursPerMonth"], .number(6))
        // An id containing a dot.
        let c = try applyOverride(doc, path: "partners.v1.2.x", value: "2")
        XCTAssertEqual(c["partners"]?[1]?["x"], .number(2))
    }

    func testAddressingByIndex() throws {
        let a = try applyOverride(doc, path: "instances.1.quorum.kind", value: "present")
        XCTAssertEqual(a["instances"]?[1]?["quorum"]?["kind"], .string("present"))
        let b = try applyOverride(doc, path: "plain.1.a", value: "5")
        XCTAssertEqual(b["plain"]?[1]?["a"], .number(5))
        let c = try applyOverride(doc, path: "instances.grande-table.schedule.breakMonths.0", value: "8")
        XCTAssertEqual(c["instances"]?[0]?["schedule"]?["breakMonths"], .array([.number(8)]))
        // Replacing a whole element.
        let d = try applyOverride(doc, path: "plain.0", value: #"{"a":9}"#)
        XCTAssertEqual(d["plain"]?[0], .object([("a", .number(9))]))
    }

    func testValueTyping() throws {
        func set(_ v: String) throws -> JSONValue? { try applyOverride(doc, path: "years", value: v)["years"] }
        XCTAssertEqual(try set("6"), .number(6))
        XCTAssertEqual(try set("0.5"), .number(0.5))
        XCTAssertEqual(try set("-2e1"), .number(-20))
        XCTAssertEqual(try set("true"), .bool(true))
        XCTAssertEqual(try set("null"), .null)
        XCTAssertEqual(try set("\"6\""), .string("6"), "a quoted JSON string stays a string")
        XCTAssertEqual(try set("[1, 2]"), .array([.number(1), .number(2)]))
        XCTAssertEqual(try set(#"{"a":1}"#), .object([("a", .number(1))]))
        XCTAssertEqual(try set("present"), .string("present"), "not JSON: a plain string")
        XCTAssertEqual(try set("6 months"), .string("6 months"))
        XCTAssertEqual(try set(""), .string(""))
        XCTAssertEqual(try set("[1,"), .string("[1,"))
        XCTAssertEqual(try set("Comité régional"), .string("Comité régional"))
    }

    func testUnknownIdsAndKeysSuggestOrList() {
        assertError("instances.grande-tabel.schedule.meetingsPerYear",
                    contains: ["no element with id `grande-tabel`", "in `instances`", "did you mean `grande-table`?"])
        assertError("instances.grande-table.schedule.meetingPerYear",
                    contains: ["unknown key `meetingPerYear`", "in `instances.grande-table.schedule`", "did you mean `meetingsPerYear`?"])
        assertError("instances.tout-autre.quorum", contains: ["no element with id `tout-autre`", "its ids are: grande-table, comite"])
        assertError("instances.comite.frequency",
                    contains: ["unknown key `frequency` in `instances.comite`", "its keys are: id, quorum", "add it to the scenario first"])
        assertError("yaers", contains: ["unknown key `yaers` in the top level", "did you mean `years`?"])
        assertError("plain.x.a", contains: ["no element with id `x` in `plain`", "elements have no ids", "0 to 1"])
    }

    func testOtherErrors() {
        assertError("years.x", contains: ["`years` is a number (3), so it has no `x`"])
        assertError("instances.5.quorum", contains: ["index 5 is out of range in `instances`", "2 elements (0–1)"])
        assertError("instances..quorum", contains: ["empty segment"])
        assertError(".years", contains: ["empty segment"])
        assertError("instances.comite.quorum.kind.deep", contains: ["`instances.comite.quorum.kind` is a string (\"none\")"])
        XCTAssertThrowsError(try applyOverride(.array([]), path: "a", value: "1")) {
            XCTAssertTrue(($0 as! OverrideError).message.contains("the array is empty"), "\($0)")
        }
    }

    func testNewKeysOnlyWhenAllowed() throws {
        assertError("warmupYears", "1", contains: ["unknown key `warmupYears`"])
        let a = try applyOverride(doc, path: "warmupYears", value: "1", allowNewKeys: true)
        XCTAssertEqual(a["warmupYears"], .number(1))
        XCTAssertEqual(a.objectValue?.last?.0, "warmupYears", "appended at the end")
        let b = try applyOverride(doc, path: "instances.comite.quorum.value", value: "4", allowNewKeys: true)
        XCTAssertEqual(b["instances"]?[1]?["quorum"]?.objectValue?.map(\.0), ["kind", "value"])
        // Intermediate objects are never created.
        assertError("instances.comite.schedule.meetingsPerYear", contains: ["unknown key `schedule`"], allowNewKeys: true)
        // New ids are never created.
        assertError("instances.nouveau.x", contains: ["no element with id `nouveau`"], allowNewKeys: true)
    }

    func testParseSetArgument() throws {
        let (p, v) = try parseSetArgument("a.b=x=y")
        XCTAssertEqual(p, "a.b"); XCTAssertEqual(v, "x=y")
        let (p2, v2) = try parseSetArgument("years=")
        XCTAssertEqual(p2, "years"); XCTAssertEqual(v2, "")
        XCTAssertThrowsError(try parseSetArgument("a.b")) { XCTAssertTrue(($0 as! OverrideError).message.contains("PATH=VALUE")) }
        XCTAssertThrowsError(try parseSetArgument("=3")) { XCTAssertTrue(($0 as! OverrideError).message.contains("empty")) }
        XCTAssertThrowsError(try parseSetArgument(" =3"))
    }
}
