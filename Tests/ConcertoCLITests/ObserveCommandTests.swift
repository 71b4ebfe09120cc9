import Foundation
import XCTest

/// `concerto run --records` and `concerto observe`, end to end.
final class ObserveCommandTests: XCTestCase {
    let measures = "attendanceRate,hoursPerPartnerYear,medianDaysKM,consensusShare,sectorGallagher,instance.attendanceRate"

    func testObserveOnARunsRecordsGivesThatRunsMeasuresAndRecordsChangeNothing() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pv = dir.appendingPathComponent("pv").path
        let base = ["run", "Scenarios/sept-rivieres.json", "--replications", "1", "--format", "json", "--measures", measures]
        let plain = try CLI.run(base)
        let recorded = try CLI.run(base + ["--records", pv])
        XCTAssertEqual(recorded.code, 0, recorded.stderr)
        XCTAssertEqual(recorded.stdout, plain.stdout, "--records changes nothing in the run's output")
        for f in ["meetings.csv", "items.csv", "issues.csv", "period.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: pv + "/" + f), f)
        }
        let observed = try CLI.run(["observe", pv, "--scenario", "Scenarios/sept-rivieres.json", "--format", "json", "--measures", measures])
        XCTAssertEqual(observed.code, 0, observed.stderr)
        func measuresOf(_ text: String) throws -> NSDictionary {
            let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            return NSDictionary(dictionary: ["m": json["measures"]!, "i": json["instances"]!])
        }
        XCTAssertEqual(try measuresOf(observed.stdout), try measuresOf(plain.stdout))
    }

    func testAnonymisedRecordsHideIDsAndReadBack() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pv = dir.appendingPathComponent("pv").path
        let r = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--replications", "1", "--measures", "attendanceRate", "--records", pv, "--anonymise"])
        XCTAssertEqual(r.code, 0, r.stderr)
        let meetings = try String(contentsOfFile: pv + "/meetings.csv", encoding: .utf8)
        XCTAssertFalse(meetings.contains("coordination-territoriale"), "a partner id left in clear")
        XCTAssertTrue(meetings.contains(";p-"))
        let o = try CLI.run(["observe", pv, "--scenario", "Scenarios/sept-rivieres.json", "--measures", "attendanceRate"])
        XCTAssertEqual(o.code, 0, o.stderr)
        let other = try CLI.run(["observe", pv, "--scenario", "Scenarios/sept-rivieres.json", "--anonymity-key", "another"])
        XCTAssertEqual(other.code, 2)
        XCTAssertTrue(other.stderr.contains("is not a partner of the scenario"), other.stderr)
    }

    func testBadRecordsExitTwoNamingFileLineColumnAndWriteNothing() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pv = dir.appendingPathComponent("pv")
        try FileManager.default.createDirectory(at: pv, withIntermediateDirectories: true)
        try "meeting,body,date,hours,attendees\nm1,grande-table,2024-01-10,3,coordination-territoriale\nm2,salle-paroissiale,2024-02-10,3,coordination-territoriale\n"
            .write(to: pv.appendingPathComponent("meetings.csv"), atomically: true, encoding: .utf8)
        try "item,issue,body,meeting,act,outcome\n".write(to: pv.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try "issue,kind,emerged\n".write(to: pv.appendingPathComponent("issues.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("observed.json").path
        let r = try CLI.run(["observe", pv.path, "--scenario", "Scenarios/sept-rivieres.json", "--format", "json", "--output", out])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("meetings.csv: line 3, column 4: unknown body \"salle-paroissiale\""), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
        let missing = try CLI.run(["observe", dir.path, "--scenario", "Scenarios/sept-rivieres.json"])
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.stderr.contains("meetings.csv: no such file"), missing.stderr)
    }
}
