import Foundation
import XCTest

/// `concerto compare`, end to end.
final class CompareCommandTests: XCTestCase {
    func testCompareAllShippedScenariosInEveryFormat() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "Scenarios/" + $0 }
        let args = ["compare"] + files + ["--replications", "6", "--years", "1", "--warmup-years", "0"]
        let table = try CLI.run(args)
        XCTAssertEqual(table.code, 0, table.stderr)
        for f in files {
            let id = try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.root.appendingPathComponent(f))) as! [String: Any]
            XCTAssertTrue(table.stdout.contains(id["id"] as! String))
        }
        let csv = try CLI.run(args + ["--format", "csv"])
        XCTAssertEqual(csv.code, 0)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "structure,family,measure,unit,statistic,value")
        XCTAssertTrue(lines.contains { $0.hasPrefix("sept-rivieres,latency,medianDaysKM,days,mean,") })
        let json = try CLI.run(args + ["--format", "json"])
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((obj["structures"] as! [Any]).count, files.count)
    }

    func testPairedDifferenceFlagsARealChangeAndNotNoise() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var a = try CLI.septRivieres()
        a["id"] = "copie"
        let same = dir.appendingPathComponent("same.json")
        try CLI.write(a, to: same)
        mutateElement(&a, "instances", id: "grande-table") { i in
            var sch = i["schedule"] as! [String: Any]; sch["meetingsPerYear"] = 8; i["schedule"] = sch
        }
        a["id"] = "gt8"
        let more = dir.appendingPathComponent("gt8.json")
        try CLI.write(a, to: more)
        let r = try CLI.run(["compare", "Scenarios/sept-rivieres.json", same.path, more.path, "--replications", "30", "--format", "json"])
        XCTAssertEqual(r.code, 0, r.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let s = obj["structures"] as! [[String: Any]]
        func flag(_ k: Int, _ family: String, _ name: String) -> Bool {
            let m = ((s[k]["measures"] as! [String: Any])[family] as! [String: Any])[name] as! [String: Any]
            return (m["differenceToFirst"] as! [String: Any])["beyondNoise"] as! Bool
        }
        XCTAssertFalse(flag(1, "hyperconcertation", "hoursPerPartnerYear"), "an identical structure is never beyond noise")
        XCTAssertFalse(flag(1, "latency", "meanDaysDecided"))
        XCTAssertTrue(flag(2, "hyperconcertation", "hoursPerPartnerYear"), "8 Grande Tables a year cost more hours")
    }

    func testCompareNeedsTwoScenarios() throws {
        let r = try CLI.run(["compare", "Scenarios/sept-rivieres.json"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("two or more"))
    }
}
