import XCTest
@testable import Concerto

/// Paths rendered for planners: ids instead of indices where elements have them.
final class JSONPathTests: XCTestCase {
    let doc = try! JSONValue.parse(#"""
    {"instances":[{"id":"grande-table","schedule":{"meetingsPerYear":3}},{"name":"sans-id","route":[{"act":"decide"}]}],
     "byName":{"3":{"x":1}},"odd key":{"a.b":2}}
    """#)

    func testPlainAndDescribedRendering() {
        let p = JSONPath([.key("instances"), .index(0), .key("schedule"), .key("meetingsPerYear")])
        XCTAssertEqual(p.description, "instances[0].schedule.meetingsPerYear")
        XCTAssertEqual(p.describe(in: doc), "instances[grande-table].schedule.meetingsPerYear")
        // An element without an id keeps its index; so do nested arrays.
        let q = JSONPath([.key("instances"), .index(1), .key("route"), .index(0), .key("act")])
        XCTAssertEqual(q.describe(in: doc), "instances[1].route[0].act")
        // Steps that leave the document render plainly.
        XCTAssertEqual(JSONPath([.key("instances"), .index(7), .key("x")]).describe(in: doc), "instances[7].x")
        XCTAssertEqual(JSONPath().describe(in: doc), "")
        XCTAssertEqual(JSONPath([.index(2)]).description, "[2]")
        XCTAssertEqual(JSONPath([.key("odd key"), .key("a.b")]).description, #"["odd key"]["a.b"]"#)
    }

    func testResolveAndHelpers() {
        let p = JSONPath().appending(key: "instances").appending(index: 0).appending(key: "schedule")
        XCTAssertEqual(p.resolve(in: doc)?["meetingsPerYear"], .number(3))
        XCTAssertNil(p.appending(key: "nope").resolve(in: doc))
        XCTAssertEqual(p.parent, JSONPath([.key("instances"), .index(0)]))
        XCTAssertTrue(JSONPath().isEmpty)
        XCTAssertEqual(JSONPath().resolve(in: doc), doc)
    }

    func testFromDecodingErrorCodingPath() throws {
        struct Step: Decodable { let act: Int }
        struct Inst: Decodable { let route: [Step]? }
        struct Doc: Decodable { let instances: [Inst]; let byName: [String: [String: String]] }
        do {
            _ = try JSONDecoder().decode(Doc.self, from: doc.data())
            XCTFail("decoded")
        } catch let DecodingError.typeMismatch(_, ctx) {
            let p = JSONPath(codingPath: ctx.codingPath)
            XCTAssertEqual(p.components, [.key("instances"), .index(1), .key("route"), .index(0), .key("act")])
            XCTAssertEqual(p.describe(in: doc), "instances[1].route[0].act")
        }
        // Dictionary keys that look like integers still resolve in objects.
        struct Doc2: Decodable { let byName: [String: [String: String]] }
        do {
            _ = try JSONDecoder().decode(Doc2.self, from: doc.data())
            XCTFail("decoded")
        } catch let DecodingError.typeMismatch(_, ctx) {
            let p = JSONPath(codingPath: ctx.codingPath)
            XCTAssertEqual(p.describe(in: doc), "byName.3.x")
            XCTAssertEqual(p.resolve(in: doc), .number(1))
        }
    }
}
