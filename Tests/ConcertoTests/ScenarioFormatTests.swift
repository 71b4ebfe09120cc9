import XCTest
@testable import Concerto

/// The scenario format tree (`ScenarioFormat`) and `--set` on any of its paths, defaults included.
final class ScenarioFormatTests: XCTestCase {
    /// The format names exactly the keys each decoder reads: a key added to a `CodingKeys` and
    /// not to the format (or the reverse) fails here.
    func testFormatNamesEveryDecodedKey() {
        func keys<K: CodingKey & CaseIterable>(_ k: K.Type) -> Set<String> { Set(K.allCases.map(\.stringValue)) }
        func at(_ path: String) -> FormatType {
            var t = ScenarioFormat.root
            for p in path.split(separator: ".") {
                if p == "*" { t = t.element! } else { t = t.member(String(p))! }
            }
            if case .either(_, let b) = t { return b }
            return t
        }
        let pairs: [(String, Set<String>)] = [
            ("", keys(Scenario.CodingKeys.self)),
            ("sectors.*", keys(Category.CodingKeys.self)), ("themes.*", keys(Category.CodingKeys.self)),
            ("territories.*", keys(Territory.CodingKeys.self)),
            ("reforms.*", keys(ReformSpec.CodingKeys.self)),
            ("partnerDefaults", keys(PartnerDefaults.CodingKeys.self)),
            ("partners.*", keys(PartnerSpec.CodingKeys.self)),
            ("attendance", keys(AttendanceSpec.CodingKeys.self)),
            ("deliberation", keys(DeliberationSpec.CodingKeys.self)),
            ("deliberation.positions", keys(PositionDistribution.CodingKeys.self)),
            ("deliberation.positionsBySector.x", keys(PositionDistribution.CodingKeys.self)),
            ("engagement", keys(EngagementSpec.CodingKeys.self)),
            ("support", keys(SupportSpec.CodingKeys.self)),
            ("instances.*", keys(InstanceSpec.CodingKeys.self)),
            ("instances.*.membership", keys(MembershipSpec.CodingKeys.self)),
            ("instances.*.membership.vacant.*", keys(VacantSeatSpec.CodingKeys.self)),
            ("instances.*.membership.quotas.*", keys(QuotaSpec.CodingKeys.self)),
            ("instances.*.membership.mandatoryFrom.*", keys(MandatoryFromSpec.CodingKeys.self)),
            ("instances.*.membership.mandatoryFrom.*.count", keys(MandatoryFromSpec.RangeKeys.self)),
            ("instances.*.membership.elected", keys(ElectionSpec.CodingKeys.self)),
            ("instances.*.schedule", keys(ScheduleSpec.CodingKeys.self)),
            ("instances.*.quorum", keys(QuorumSpec.CodingKeys.self)),
            ("instances.*.decisionRule", keys(DecisionRuleSpec.CodingKeys.self)),
            ("outsideTables.*", keys(OutsideTableSpec.CodingKeys.self)),
            ("outsideTables.*.membership", keys(MembershipSpec.CodingKeys.self)),
            ("outsideTables.*.schedule", keys(ScheduleSpec.CodingKeys.self)),
            ("backgroundLoad.*", keys(BackgroundLoadSpec.CodingKeys.self)),
            ("issueKinds.*", keys(IssueKindSpec.CodingKeys.self)),
            ("issueKinds.*.route.*", keys(RouteStepSpec.CodingKeys.self)),
            ("issueKinds.*.arrimage", keys(ArrimageSpec.CodingKeys.self)),
            ("issueKinds.*.positions", keys(PositionDistribution.CodingKeys.self)),
        ]
        for (path, decoded) in pairs {
            XCTAssertEqual(Set(at(path).keys), decoded, "format keys at `\(path)`")
        }
        // Every path is listed once, with its type.
        let paths = ScenarioFormat.root.paths()
        XCTAssertEqual(Set(paths.map(\.path)).count, paths.count)
        XCTAssertTrue(paths.contains { $0.path == "attendance.interestFloor" && $0.type == .number })
        XCTAssertTrue(paths.contains { $0.path == "partners.*.interests.ID" && $0.type == .number })
        XCTAssertTrue(paths.contains { $0.path == "engagement.burnoutWindowMonths" && $0.type == .wholeNumber })
    }

    let doc = try! JSONValue.parse(#"""
    {"id":"t","years":3,
     "instances":[{"id":"grande-table","schedule":{"meetingsPerYear":3}},{"id":"comite","schedule":{"meetingsPerYear":6}}],
     "partners":[{"id":"a","capacityHoursPerMonth":6},{"id":"b"},{"id":"c","interests":{"sante":0.5}}]}
    """#)

    func set(_ path: String, _ value: String) throws(OverrideError) -> JSONValue {
        try applyScenarioOverride(doc, path: path, value: value)
    }

    func testADefaultIsCreatedWithTheObjectsAboveIt() throws {
        // `attendance` is not in the file: the object and its key are created.
        let a = try set("attendance.interestFloor", "0.5")
        XCTAssertEqual(a["attendance"], .object([("interestFloor", .number(0.5))]))
        // Deeper: an instance's quorum and decision rule, left out.
        let b = try set("instances.comite.decisionRule.voteThreshold", "0.5")
        XCTAssertEqual(b["instances"]?[1]?["decisionRule"]?["voteThreshold"], .number(0.5))
        // A table accepts a new id.
        let c = try set("partners.b.interests.sante", "0.9")
        XCTAssertEqual(c["partners"]?[1]?["interests"], .object([("sante", .number(0.9))]))
        // Text stays text where the format expects text.
        let d = try set("name", "2026")
        XCTAssertEqual(d["name"], .string("2026"))
        XCTAssertEqual(try set("years", "2")["years"], .number(2))
        // Everything else is unchanged.
        XCTAssertEqual(a["partners"], doc["partners"])
    }

    func testStarSetsEveryElement() throws {
        let a = try set("partners.*.capacityHoursPerMonth", "10")
        XCTAssertEqual(a["partners"]?.arrayValue?.map { $0["capacityHoursPerMonth"] }, [.number(10), .number(10), .number(10)])
        let b = try set("instances.*.schedule.meetingsPerYear", "4")
        XCTAssertEqual(b["instances"]?.arrayValue?.map { $0["schedule"]?["meetingsPerYear"] }, [.number(4), .number(4)])
        // Every entry of a table.
        let c = try set("partners.c.interests.*", "1")
        XCTAssertEqual(c["partners"]?[2]?["interests"], .object([("sante", .number(1))]))
        // The common value is read back with `*`; nil when the elements differ.
        XCTAssertEqual(a.value(atPath: "partners.*.capacityHoursPerMonth"), .number(10))
        XCTAssertNil(doc.value(atPath: "partners.*.capacityHoursPerMonth"))
        XCTAssertThrowsError(try applyScenarioOverride(JSONValue.object([("partners", .array([]))]), path: "partners.*.engagement", value: "1")) {
            XCTAssertTrue("\($0)".contains("the list is empty"), "\($0)")
        }
        XCTAssertThrowsError(try set("attendance.*", "1")) { XCTAssertTrue("\($0)".contains("stands for every element of a list"), "\($0)") }
    }

    func testUnknownPathNamesTheClosestValidPath() {
        func message(_ path: String) -> String {
            do { _ = try set(path, "1"); return "accepted" } catch { return error.message }
        }
        XCTAssertTrue(message("attendance.interestFlor").contains("did you mean `attendance.interestFloor`?"), message("attendance.interestFlor"))
        XCTAssertTrue(message("atendance.interestFloor").contains("did you mean `attendance.interestFloor`?"), message("atendance.interestFloor"))
        XCTAssertTrue(message("engagement.recoveryRat").contains("`engagement.recoveryRate`"))
        XCTAssertTrue(message("instances.comite.schedule.meetingPerYear").contains("did you mean `instances.comite.schedule.meetingsPerYear`?"))
        let far = message("attendance.zzzzzz")
        XCTAssertTrue(far.contains("unknown key `zzzzzz` in `attendance`") && far.contains("interestFloor, mandateInterest"), far)
        XCTAssertTrue(message("years.x").contains("`years` is a number"), message("years.x"))
        XCTAssertTrue(message("attendance.interestFloor.x").contains("`attendance.interestFloor` is a number, so it has no `x`"))
        // A new list element is never created.
        XCTAssertTrue(message("partners.zed.engagement").contains("no element with id `zed`"))
    }

    /// The default a scenario uses where the file leaves a value out.
    func testEffectiveValueReadsDefaults() throws {
        let tree = try ScenarioLoader.readTree(path: TestScenarios.shipped("sept-rivieres").path)
        XCTAssertNil(tree.value(atPath: "engagement.staffVacancyDays"), "the test needs a default the file leaves out")
        XCTAssertEqual(ScenarioFormat.effectiveValue(in: tree, atPath: "engagement.staffVacancyDays"), .number(90))
        XCTAssertEqual(ScenarioFormat.effectiveValue(in: tree, atPath: "support.postponeDays"), .number(14))
        XCTAssertEqual(ScenarioFormat.effectiveValue(in: tree, atPath: "id"), tree["id"])
        XCTAssertNil(ScenarioFormat.effectiveValue(in: tree, atPath: "engagement.nothing"))
    }

    /// Through the loader: a default set on the command line reaches the compiled structure,
    /// and `*` reaches every partner.
    func testLoaderAppliesDefaultsAndStar() throws {
        let file = TestScenarios.shipped("sept-rivieres").path
        let tree = try ScenarioLoader.readTree(path: file)
        XCTAssertNil(tree.value(atPath: "support.supportAttendanceFactor"))
        XCTAssertNil(tree.value(atPath: "engagement.staffVacancyDays"))
        let s = try ScenarioLoader.load(path: file, overrides: [("support.supportAttendanceFactor", "1.3"), ("engagement.staffVacancyDays", "30"),
                                                                ("partners.*.capacityHoursPerMonth", "10")]).structure
        XCTAssertEqual(s.support.supportAttendanceFactor, 1.3)
        XCTAssertEqual(s.engagement.staffVacancyDays, 30)
        XCTAssertEqual(Set(s.partners.map(\.capacity)), [10])
        XCTAssertGreaterThan(s.partners.count, 10)
    }
}
