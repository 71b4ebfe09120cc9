import XCTest
@testable import Concerto

/// DecodingError → ScenarioError: the path by ids and plain wording.
final class ScenarioErrorTests: XCTestCase {
    enum Kind: String, Decodable { case decide, inform }
    struct Item: Decodable { let id: String; let count: Double; let members: Int?; let kind: Kind?; let on: Bool? }
    struct Doc: Decodable { let items: [Item]; let years: Double? }

    func mapped(_ json: String, file: String = "f.json") throws -> ScenarioError {
        let root = try JSONValue.parse(json)
        do {
            _ = try JSONDecoder().decode(Doc.self, from: root.data())
        } catch let e as DecodingError {
            return scenarioError(from: e, file: file, root: root)
        }
        XCTFail("decoded \(json)")
        return ScenarioError(file: "", path: "", message: "")
    }

    func testTypeMismatchNamesTheIdPath() throws {
        let e = try mapped(#"{"items":[{"id":"a","count":1},{"id":"b","count":"six"}]}"#)
        XCTAssertEqual(e.path, "items[b].count")
        XCTAssertEqual(e.message, "expected a number, found a string (\"six\")")
        XCTAssertEqual(e.description, "f.json: items[b].count: expected a number, found a string (\"six\")")
        XCTAssertEqual(e, ScenarioError(file: "f.json", path: "items[b].count", message: "expected a number, found a string (\"six\")"))
    }

    func testOtherTypeMismatches() throws {
        XCTAssertEqual(try mapped(#"{"items":[{"id":"b","count":1,"members":"7"}]}"#).message, "expected a whole number, found a string (\"7\")")
        XCTAssertEqual(try mapped(#"{"items":[{"id":"b","count":1,"on":1}]}"#).message, "expected true or false, found a number (1)")
        XCTAssertEqual(try mapped(#"{"items":[{"id":"b","count":true}]}"#).message, "expected a number, found a boolean (true)")
        let notArray = try mapped(#"{"items":{"id":"b"}}"#)
        XCTAssertEqual(notArray.path, "items")
        XCTAssertEqual(notArray.message, "expected an array, found an object")
        let notObject = try mapped(#"{"items":[{"id":"a","count":1},3]}"#)
        XCTAssertEqual(notObject.path, "items[1]")
        XCTAssertEqual(notObject.message, "expected an object, found a number (3)")
        // An element whose id is the wrong type keeps its index in the path.
        XCTAssertEqual(try mapped(#"{"items":[{"id":5,"count":1}]}"#).path, "items[0].id")
    }

    func testValueNotFound() throws {
        let e = try mapped(#"{"items":[{"id":"b","count":null}]}"#)
        XCTAssertEqual(e.path, "items[b].count")
        XCTAssertEqual(e.message, "expected a number, found null")
    }

    func testKeyNotFound() throws {
        let e = try mapped(#"{"items":[{"id":"a","count":1},{"id":"b"}]}"#)
        XCTAssertEqual(e.path, "items[b]")
        XCTAssertEqual(e.message, "missing required key `count`")
        let typo = try mapped(#"{"items":[{"id":"b","cuont":2}]}"#)
        XCTAssertEqual(typo.message, "missing required key `count` (the object has `cuont`: is it misspelled?)")
        let top = try mapped(#"{"years":3}"#, file: "s.json")
        XCTAssertEqual(top.path, "")
        XCTAssertEqual(top.description, "s.json: missing required key `items` at the top level of the file")
    }

    func testDataCorruptedMadePlain() throws {
        let e = try mapped(#"{"items":[{"id":"b","count":1,"kind":"decid"}]}"#)
        XCTAssertEqual(e.path, "items[b].kind")
        XCTAssertEqual(e.message, "a string (\"decid\") is not one of the accepted values here")
        XCTAssertFalse(e.message.contains("Cannot initialize"))
        // JSONDecoder reports an integer field given 2.5 without a path: still plain English.
        let f = try mapped(#"{"items":[{"id":"b","count":1,"members":2.5}]}"#)
        XCTAssertTrue(f.message.contains("whole number"), f.message)
        XCTAssertFalse(f.message.contains("not valid JSON"), f.message)
        // Messages written by scenario code pass through unchanged, with the id path.
        let root = try JSONValue.parse(#"{"items":[{"id":"b","sectr":"x"}]}"#)
        let custom = DecodingError.dataCorrupted(.init(
            codingPath: [AnyCodingKeyForTests("items"), AnyCodingKeyForTests(index: 0), AnyCodingKeyForTests("sectr")],
            debugDescription: "unknown key `sectr` (did you mean `sector`?)"))
        XCTAssertEqual(scenarioError(from: custom, file: "f.json", root: root).description,
                       "f.json: items[b].sectr: unknown key `sectr` (did you mean `sector`?)")
    }

    func testDescriptionOmitsEmptyPath() {
        XCTAssertEqual(ScenarioError(file: "a.json", path: "line 3, column 7", message: "trailing comma").description,
                       "a.json: line 3, column 7: trailing comma")
        XCTAssertEqual(ScenarioError(file: "a.json", path: "", message: "no such file").description, "a.json: no such file")
    }

    func testClosestKey() {
        XCTAssertEqual(closestKey(to: "meetingPerYear", among: ["meetingsPerYear", "periodDays"]), "meetingsPerYear")
        XCTAssertEqual(closestKey(to: "meetignsPerYear", among: ["periodDays", "meetingsPerYear"]), "meetingsPerYear", "transposition")
        XCTAssertEqual(closestKey(to: "QUORUM", among: ["quorum"]), "quorum")
        XCTAssertEqual(closestKey(to: "--replicatons", among: ["--replications", "--seed"]), "--replications")
        XCTAssertEqual(closestKey(to: "grande-tabel", among: ["comite", "grande-table"]), "grande-table")
        XCTAssertEqual(closestKey(to: "rn", among: ["run", "validate"]), "run")
        XCTAssertNil(closestKey(to: "zzz", among: ["quorum", "powers"]))
        XCTAssertNil(closestKey(to: "x", among: ["y"]), "one-letter keys get no random suggestion")
        XCTAssertNil(closestKey(to: "meetings", among: ["meetingsPerYear"]), "too far")
        XCTAssertNil(closestKey(to: "a", among: []))
        XCTAssertEqual(closestKey(to: "abcd", among: ["abce", "abcf"]), "abce", "ties go to the first candidate")
    }

    func testDamerauLevenshtein() {
        func d(_ a: String, _ b: String) -> Int { damerauLevenshtein(Array(a), Array(b)) }
        XCTAssertEqual(d("", "abc"), 3)
        XCTAssertEqual(d("abc", ""), 3)
        XCTAssertEqual(d("kitten", "sitting"), 3)
        XCTAssertEqual(d("ab", "ba"), 1)
        XCTAssertEqual(d("ca", "abc"), 3, "optimal string alignment")
        XCTAssertEqual(d("comité", "comite"), 1)
    }
}

/// A coding key for building decoding errors by hand.
struct AnyCodingKeyForTests: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ s: String) { stringValue = s }
    init(index: Int) { stringValue = "Index \(index)"; intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = "Index \(intValue)"; self.intValue = intValue }
}
