import XCTest
@testable import Concerto

/// Bad records are reported with their file, line and column, and what was expected.
final class RecordsReaderTests: XCTestCase {
    /// The hand-made records with `file`'s text changed by `edit`; the errors of reading them.
    func errors(_ file: String, _ edit: (String) -> String) throws -> [RecordsError] {
        var files = RecordsTestSupport.handMade
        files[file] = edit(files[file]!)
        let folder = try RecordsTestSupport.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try RecordsReader.read(folder: folder.path, structure: try RecordsTestSupport.structure())
            XCTFail("bad records were accepted")
            return []
        } catch let e as RecordsErrors { return e.errors }
    }

    func testMeetingAtAnUnknownBody() throws {
        let e = try errors("meetings.csv") { $0.replacingOccurrences(of: "m2,table", with: "m2,salle") }
        XCTAssertEqual(e.count, 1)  // the items naming the meeting are not reported again
        XCTAssertTrue(e[0].file.hasSuffix("meetings.csv"))
        XCTAssertEqual([e[0].line, e[0].column], [3, 4])
        XCTAssertTrue(e[0].message.contains("unknown body \"salle\"") && e[0].message.contains("table"), e[0].message)
    }

    func testAttendeeWhoIsNotAPartner() throws {
        let e = try errors("meetings.csv") { $0.replacingOccurrences(of: "p0;p1;p2,p3", with: "p0;p9;p2,p3") }
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual([e[0].line, e[0].column], [2, 23])
        XCTAssertTrue(e[0].message.contains("attendee \"p9\" is not a partner"), e[0].message)
    }

    func testItemBeforeItsIssueEmerged() throws {
        let e = try errors("items.csv") { $0.replacingOccurrences(of: "i5,d3,table,m3", with: "i5,d3,table,m1") }
        XCTAssertEqual(e.count, 1)
        XCTAssertTrue(e[0].file.hasSuffix("items.csv"))
        XCTAssertEqual([e[0].line, e[0].column], [6, 13])
        XCTAssertTrue(e[0].message.contains("2023-01-20") && e[0].message.contains("before its issue d3 emerged (2023-03-01)"), e[0].message)
    }

    func testDuplicateIDs() throws {
        let issues = try errors("issues.csv") { $0 + "d2,k,05/01/2023\n" }
        XCTAssertEqual(issues.count, 1)
        XCTAssertEqual([issues[0].line, issues[0].column], [6, 1])
        XCTAssertTrue(issues[0].message.contains("duplicate issue id \"d2\""), issues[0].message)
        let items = try errors("items.csv") { $0.replacingOccurrences(of: "i4,", with: "i3,") }
        XCTAssertEqual([items[0].line, items[0].column], [5, 1])
        XCTAssertTrue(items[0].message.contains("duplicate item id \"i3\""), items[0].message)
    }

    func testBadDateNumberAndQuote() throws {
        let e = try errors("meetings.csv") { $0.replacingOccurrences(of: "2023-02-20,2,", with: "2023-02-30,deux,") }
        XCTAssertEqual(e.map { [$0.line, $0.column] }, [[3, 10], [3, 21]])
        XCTAssertTrue(e[0].message.contains("is not a date"), e[0].message)
        XCTAssertTrue(e[1].message.contains("hours \"deux\""), e[1].message)
        let q = try errors("items.csv") { $0 + "i6,\"d3,table\n" }
        XCTAssertEqual([q[0].line, q[0].column], [7, 4])
        XCTAssertTrue(q[0].message.contains("never closed"), q[0].message)
    }

    func testMissingColumnNamesTheHeader() throws {
        let e = try errors("meetings.csv") { $0.replacingOccurrences(of: "présents", with: "qui") }
        XCTAssertEqual(e[0].line, 1)
        XCTAssertTrue(e[0].message.contains("no `attendees` column (or `presents`)"), e[0].message)
    }

    func testPseudonymsReadBackWithTheirKey() throws {
        let key = "clé"
        var files = RecordsTestSupport.handMade
        files["meetings.csv"] = files["meetings.csv"]!.replacingOccurrences(of: "p0;p1;p2,p3", with: RecordsAnonymity.pseudonym("p0", key: key) + ";p1;p2,p3")
        let folder = try RecordsTestSupport.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let s = try RecordsTestSupport.structure()
        XCTAssertEqual(try RecordsReader.read(folder: folder.path, structure: s, anonymityKey: key).meetings[0].attendees, [0, 1, 2])
        XCTAssertThrowsError(try RecordsReader.read(folder: folder.path, structure: s, anonymityKey: "other"))
        XCTAssertNotEqual(RecordsAnonymity.pseudonym("p0", key: key), RecordsAnonymity.pseudonym("p1", key: key))
    }
}
