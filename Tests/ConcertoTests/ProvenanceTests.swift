import XCTest
@testable import Concerto

final class ProvenanceTests: XCTestCase {
    func testISO8601AgainstKnownDates() {
        XCTAssertEqual(Provenance.iso8601(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Provenance.iso8601(951_782_400), "2000-02-29T00:00:00Z")  // a leap day
        XCTAssertEqual(Provenance.iso8601(1_796_040_000), "2026-11-30T12:00:00Z")
        XCTAssertEqual(Provenance.iso8601(4_102_444_799), "2099-12-31T23:59:59Z")
        // Against Foundation's own formatter for a spread of instants.
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        for s in stride(from: 0.0, to: 4e9, by: 86_400 * 97 + 3_601) {
            XCTAssertEqual(Provenance.iso8601(s), f.string(from: Date(timeIntervalSince1970: s)))
        }
    }

    func testSourceDateEpochFixesTheDate() {
        XCTAssertEqual(Provenance.date(environment: ["SOURCE_DATE_EPOCH": "86400"]), "1970-01-02T00:00:00Z")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        XCTAssertEqual(Provenance.date(environment: [:], now: now), Provenance.iso8601(1_800_000_000))
        // Not a whole number of seconds: ignored rather than misread.
        XCTAssertEqual(Provenance.date(environment: ["SOURCE_DATE_EPOCH": "soon"], now: now), Provenance.iso8601(1_800_000_000))
    }

    func testJSONCarriesEverythingAndIsAppendedLast() throws {
        let p = Provenance(version: "9.9.9", commit: nil, date: "2026-11-30T00:00:00Z", seed: 42, replications: 7,
                           overrides: ["a.b=1", "c=2,5"], scenarios: [.init(path: "x.json", sha256: String(repeating: "0", count: 64), scenarioID: "x", years: 3, warmupYears: 1)])
        let v = p.appended(to: .object([("scenario", .string("x"))]))
        guard case .object(let members) = v else { return XCTFail("an object") }
        XCTAssertEqual(members.map(\.0), ["scenario", "provenance"])
        let text = v.serialized(pretty: false)
        for piece in ["\"concerto\":\"9.9.9\"", "\"commit\":null", "\"seed\":\"42\"", "\"replications\":7", "\"a.b=1\"", "\"c=2,5\"", "\"path\":\"x.json\"", "\"warmupYears\":1"] {
            XCTAssertTrue(text.contains(piece), piece + " in " + text)
        }
    }
}
