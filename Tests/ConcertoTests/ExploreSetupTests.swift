import XCTest
@testable import Concerto

/// Building an exploration from shipped scenarios, and everything it refuses before running.
final class ExploreSetupTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("explore-setup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func shipped(_ name: String) -> String { TestScenarios.shipped(name).path }

    /// A copy of a shipped scenario, edited.
    func copy(_ name: String, as file: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: TestScenarios.shipped(name))) as! [String: Any]
        edit(&obj)
        let url = dir.appendingPathComponent(file)
        try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted]).write(to: url)
        return url.path
    }

    func small(points: Int = 6, replications: Int = 2, design: String? = nil) -> ExploreSetup.Settings {
        var s = ExploreSetup.Settings()
        s.points = points; s.replications = replications; s.years = 1; s.warmupYears = 0; s.design = design
        return s
    }

    func assertRejected(files: [String], experiment: ExperimentSpec? = nil, settings: ExploreSetup.Settings? = nil,
                        file expectedFile: String, path: String, says: String, line: UInt = #line) {
        XCTAssertThrowsError(try ExploreSetup.plan(files: files, experiment: experiment, settings: settings ?? small()), line: line) { e in
            let e = (e as! ScenarioErrors).errors[0]
            XCTAssertEqual(e.file, expectedFile, line: line)
            XCTAssertEqual(e.path, path, line: line)
            XCTAssertTrue(e.message.contains(says), e.message, line: line)
        }
    }

    func testSharedPathsVaryTogether() throws {
        let plan = try ExploreSetup.plan(files: [shipped("sept-rivieres"), shipped("orbite")], experiment: nil, settings: small())
        let paths = plan.uncertainties.map(\.path)
        XCTAssertEqual(paths.filter { $0 == "partnerDefaults.capacityHoursPerMonth" }.count, 1, "one uncertainty for both structures")
        XCTAssertTrue(plan.has(plan.uncertainties[paths.firstIndex(of: "partnerDefaults.capacityHoursPerMonth")!], member: 0))
        XCTAssertTrue(plan.has(plan.uncertainties[paths.firstIndex(of: "partnerDefaults.capacityHoursPerMonth")!], member: 1))
        XCTAssertEqual(plan.cellCount, 12)
        XCTAssertEqual(plan.members.map(\.shortName), ["Sept-Rivières", "ORBITE"])
        XCTAssertTrue(paths.contains("instances.grande-table.schedule.meetingsPerYear"))
    }

    func testDisagreeingSharedRangesAreRefused() throws {
        let other = try copy("orbite", as: "orbite-narrow.json") { obj in
            var d = obj["partnerDefaults"] as! [String: Any]
            d["ranges"] = ["capacityHoursPerMonth": [18, 22]]
            obj["partnerDefaults"] = d
        }
        assertRejected(files: [shipped("sept-rivieres"), other], file: other, path: "partnerDefaults.capacityHoursPerMonth",
                       says: "a range differs from the one in")
    }

    func testTooFewPointsForTheDesign() throws {
        let files = [shipped("sept-rivieres"), shipped("orbite")]
        let k = try ExploreSetup.plan(files: files, experiment: nil, settings: small()).uncertainties.count
        assertRejected(files: files, settings: small(points: 2 * (k + 2) - 1, design: "sobol"), file: "--points", path: "",
                       says: "at least \(2 * (k + 2)) points")
        XCTAssertNoThrow(try ExploreSetup.plan(files: files, experiment: nil, settings: small(points: 2 * (k + 2), design: "sobol")))
        assertRejected(files: files, settings: small(points: k + 1, design: "morris"), file: "--points", path: "", says: "at least \(2 * (k + 1)) points")
        assertRejected(files: files, settings: small(design: "factorial"), file: "--design", path: "", says: "expected lhs, sobol, morris or grid")
        var grid = small(design: "grid"); grid.levels = 1000
        assertRejected(files: files, settings: grid, file: "--levels", path: "", says: "at most 100000 (use lhs)")
    }

    func testExperimentErrorsNameTheExperiment() throws {
        var e = ExperimentSpec()
        e.file = "exp.json"
        e.uncertainties = [("partnerDefaults.nothing", .array([.number(1), .number(2)]), nil)]
        assertRejected(files: [shipped("orbite")], experiment: e, file: "exp.json", path: "uncertainties[0].path", says: "no structure of the exploration has")
        e.uncertainties = [("partnerDefaults.capacityHoursPerMonth", .array([.number(30), .number(2)]), nil)]
        assertRejected(files: [shipped("orbite")], experiment: e, file: "exp.json", path: "uncertainties[0].range", says: "the low end (30) is above the high end (2)")
        e.uncertainties = []
        e.thresholds = [Threshold(measure: "medianDays", max: 90)]
        assertRejected(files: [shipped("orbite")], experiment: e, file: "exp.json", path: "thresholds.medianDays", says: "unknown measure `medianDays`")
        var s = small()
        s.thresholds = [Threshold(measure: "hoursPerPartnerYr", max: 90)]
        assertRejected(files: [shipped("orbite")], settings: s, file: "--threshold", path: "hoursPerPartnerYr<=90", says: "did you mean `hoursPerPartnerYear`?")
    }

    /// An experiment may vary and fix values the scenarios leave at their default: the default
    /// is the nominal value, and every structure varies with it.
    func testExperimentPathsOnDefaults() throws {
        // Sept-Rivières leaves both at their default; ORBITE writes them.
        XCTAssertNil(try ScenarioLoader.readTree(path: shipped("sept-rivieres")).value(atPath: "engagement.staffVacancyDays"))
        XCTAssertNil(try ScenarioLoader.readTree(path: shipped("sept-rivieres")).value(atPath: "support.postponeDays"))
        var e = ExperimentSpec()
        e.file = "exp.json"
        e.uncertainties = [("engagement.staffVacancyDays", .array([.number(30), .number(120)]), nil)]
        e.only = ["engagement.staffVacancyDays"]
        e.set = [("support.postponeDays", .number(21))]
        let plan = try ExploreSetup.plan(files: [shipped("sept-rivieres"), shipped("orbite")], experiment: e, settings: small())
        XCTAssertEqual(plan.uncertainties.map(\.path), ["engagement.staffVacancyDays"])
        let u = plan.uncertainties[0]
        XCTAssertEqual(u.nominal, 90, "Sept-Rivières's default")
        XCTAssertTrue(plan.has(u, member: 0) && plan.has(u, member: 1))
        for k in 0..<plan.cellCount {
            let s = try plan.structure(ofCell: k)
            XCTAssertEqual(s.engagement.staffVacancyDays, plan.values(atPoint: plan.point(ofCell: k))[0], accuracy: 1e-9)
            XCTAssertEqual(s.support.postponeDays, 21)
        }
        // A misspelled fixed value: refused, with the closest valid path.
        var bad = ExperimentSpec()
        bad.file = "exp.json"
        bad.set = [("support.postponeDay", .number(21))]
        assertRejected(files: [shipped("sept-rivieres")], experiment: bad, file: shipped("sept-rivieres"), path: "--set support.postponeDay",
                       says: "did you mean `support.postponeDays`?")
    }

    func testRangesThatBreakAStructureAreRefusedBeforeRunning() throws {
        let broken = try copy("orbite", as: "orbite-zero.json") { obj in
            var d = obj["partnerDefaults"] as! [String: Any]
            d["ranges"] = ["capacityHoursPerMonth": [-5, 25]]
            obj["partnerDefaults"] = d
        }
        XCTAssertThrowsError(try ExploreSetup.plan(files: [broken], experiment: nil, settings: small())) { e in
            XCTAssertTrue("\(e)".contains("with every uncertainty at its low end"), "\(e)")
        }
    }
}
