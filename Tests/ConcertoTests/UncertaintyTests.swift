import XCTest
@testable import Concerto

final class UncertaintyTests: XCTestCase {
    func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

    func testEveryFormAndItsReason() throws {
        let tree = try parse("""
        {"partnerDefaults": {"capacityHoursPerMonth": 20, "engagement": 0.8,
                             "sources": {"capacityHoursPerMonth": "CALIBRATION: 15–25 h"},
                             "ranges": {"capacityHoursPerMonth": [15, 25], "engagement": {"range": [0.7, 0.9], "reason": "own reason"}}},
         "instances": [{"id": "grande-table", "meetingHours": 3, "schedule": {"meetingsPerYear": 3, "ranges": {"meetingsPerYear": {"values": [2, 3, 4]}}},
                        "ranges": {"meetingHours": {"triangular": [2, 3, 3.5]}}}],
         "deliberation": {"epsilon": 0.3, "ranges": {"epsilon": {"normal": [0.3, 0.05], "within": [0.2, 0.4]}}}}
        """)
        let us = try UncertaintyCollector.collect(tree, file: "s.json")
        XCTAssertEqual(us.map(\.path), ["partnerDefaults.capacityHoursPerMonth", "partnerDefaults.engagement",
                                        "instances.grande-table.meetingHours", "instances.grande-table.schedule.meetingsPerYear", "deliberation.epsilon"])
        XCTAssertEqual(us[0].distribution, .uniform(low: 15, high: 25))
        XCTAssertTrue(us[0].whole, "whole nominal and bounds: whole values")
        XCTAssertEqual(us[0].reason, "CALIBRATION: 15–25 h")
        XCTAssertEqual(us[1].reason, "own reason")
        XCTAssertFalse(us[1].whole)
        XCTAssertEqual(us[2].distribution, .triangular(low: 2, mode: 3, high: 3.5))
        XCTAssertEqual(us[3].distribution, .discrete([2, 3, 4]))
        XCTAssertEqual(us[4].distribution, .truncatedNormal(mean: 0.3, sd: 0.05, low: 0.2, high: 0.4))
        XCTAssertEqual(us[0].value(at: 0.5), 20)
        XCTAssertEqual(us[0].value(at: 0.62), 21, "rounded to a whole number")
        XCTAssertEqual(us[3].value(at: 0.9), 4)
        XCTAssertEqual(us[2].declaredIn, "s.json: instances[grande-table].ranges.meetingHours")
    }

    func assertRejected(_ text: String, path: String, says: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertThrowsError(try UncertaintyCollector.collect(parse(text), file: "s.json"), file: file, line: line) { e in
            let e = e as! UncertaintyError
            XCTAssertEqual(e.path, path, file: file, line: line)
            XCTAssertTrue(e.message.contains(says), e.message, file: file, line: line)
        }
    }

    func testBadRanges() throws {
        try assertRejected(#"{"a": 3, "ranges": {"a": [4, 2]}}"#, path: "ranges.a", says: "the low end (4) is above the high end (2)")
        try assertRejected(#"{"x": {"a": 3, "ranges": {"b": [1, 2]}}}"#, path: "x.ranges.b", says: "not a key of this object")
        try assertRejected(#"{"a": "text", "ranges": {"a": [1, 2]}}"#, path: "ranges.a", says: "not a number")
        try assertRejected(#"{"a": 3, "ranges": {"a": {"beta": [1, 2]}}}"#, path: "ranges.a", says: "unknown range form")
        try assertRejected(#"{"a": 3, "ranges": {"a": {"triangular": [4, 5, 1]}}}"#, path: "ranges.a", says: "the low end (4) is above the high end (1)")
        try assertRejected(#"{"a": 3, "ranges": {"a": {"triangular": [1, 0, 4]}}}"#, path: "ranges.a", says: "the mode (0) is outside [1, 4]")
        try assertRejected(#"{"a": 3, "ranges": {"a": {"normal": [3, 0], "within": [1, 4]}}}"#, path: "ranges.a", says: "standard deviation above 0")
        try assertRejected(#"{"a": 3, "ranges": {"a": {"range": [1, 4], "reason": 5}}}"#, path: "ranges.a.reason", says: "a one-line reason")
        try assertRejected(#"{"p": [{"id": "q", "a": 3, "ranges": {"a": [1]}}]}"#, path: "p[q].ranges.a", says: "[low, high], two numbers")
    }
}
