import Foundation
import XCTest

/// `concerto schema --paths`: the scenario format's paths, through the built binary.
final class SchemaCommandTests: XCTestCase {
    func testPathsListTheFormatWithTypes() throws {
        let r = try CLI.run(["schema", "--paths"])
        XCTAssertEqual(r.code, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("attendance.interestFloor\ta number"), r.stdout)
        XCTAssertTrue(lines.contains("engagement.burnoutWindowMonths\ta whole number"))
        XCTAssertTrue(lines.contains("partners.*.capacityHoursPerMonth\ta number"))
        XCTAssertTrue(lines.contains("partners.*.interests.ID\ta number"))
        XCTAssertTrue(lines.contains("instances.*.schedule.breakMonths\ta list of whole numbers"))
        // --paths takes no scenario.
        let bad = try CLI.run(["schema", "--paths", "Scenarios/sept-rivieres.json"])
        XCTAssertEqual(bad.code, 2)
    }
}
