import XCTest
@testable import Concerto

/// Overload that lasts (months over capacity in a rolling window raise an exit hazard) and staff
/// turnover (posts fall vacant at a yearly rate), with the per-year breakdown that shows the build-up.
final class BurnoutTests: XCTestCase {
    /// `organisations` always over capacity (a background load of 30 h against 20), and `staff` posts.
    func overloaded(organisations: Int = 40, staff: Int = 0, years: Double, engagement: [String: Any]) throws -> Structure {
        var obj = TestScenarios.territory(members: organisations, capacity: 20,
                                          instances: [TestScenarios.body("a", themes: ["x"], firstDay: 1, members: organisations)], years: years)
        var partners = obj["partners"] as! [[String: Any]]
        for k in 0..<staff { partners.append(["id": "staff\(k)", "sector": "s0", "territory": "t", "staff": true]) }
        obj["partners"] = partners
        obj["backgroundLoad"] = [["staff": false, "hoursPerMonth": 30]]
        obj["engagement"] = engagement
        return try TestScenarios.compile(obj)
    }

    func testBurnoutBuildsUpYearAfterYearAsTheHazardSays() throws {
        // Engagement never falls (no decay), so every exit is burnout: after month m over
        // capacity the hazard is h × max(0, min(m, 12) − 3).
        let h = 0.01
        let s = try overloaded(years: 6, engagement: ["overloadDecay": 0, "decisionBoost": 0, "burnoutHazardPerMonth": h, "staffTurnoverPerYear": 0])
        let r = Ensemble.run(s, settings: RunSettings(replications: 40, seed: 9, threads: 2))
        var stay = 1.0, month = 0
        var previous = 0.0
        for year in 1...6 {
            for _ in 0..<12 { month += 1; stay *= 1 - h * Double(Swift.max(0, Swift.min(month, 12) - 3)) }
            let left = r.summary(.year, "leftShare", group: String(year))!.mean
            print("burnout year \(year): left \(left), expected \(1 - stay)")
            XCTAssertEqual(left, 1 - stay, accuracy: 0.03, "year \(year)")
            XCTAssertGreaterThan(left, previous, "the build-up")
            previous = left
            XCTAssertEqual(r.summary(.year, "hypersollicitedShare", group: String(year))!.mean, 1)
        }
        XCTAssertEqual(r.summary(.hyperconcertation, "overloadedOrLeftShare")!.mean, 1)
        // Without the hazard nobody leaves.
        let calm = try overloaded(years: 6, engagement: ["overloadDecay": 0, "decisionBoost": 0, "burnoutHazardPerMonth": 0, "staffTurnoverPerYear": 0])
        let rc = Ensemble.run(calm, settings: RunSettings(replications: 4, seed: 9, threads: 2))
        XCTAssertEqual(rc.summary(.year, "leftShare", group: "6")!.mean, 0)
    }

    func testStaffVacancyMatchesTheRenewalCycle() throws {
        // Monthly departures with probability q while the post is filled, then 90 days vacant; a
        // newcomer may leave from the third month-end after the departure: a cycle of 2 + 1/q
        // months holds 90 vacant days.
        let yearly = 0.3, vacancy = 90.0
        let q = 1 - Foundation.pow(1 - yearly, 1.0 / 12)
        let expected = vacancy / ((2 + 1 / q) * 365.0 / 12)
        let s = try overloaded(organisations: 2, staff: 50, years: 40,
                               engagement: ["burnoutHazardPerMonth": 0, "staffTurnoverPerYear": yearly, "staffVacancyDays": vacancy])
        let r = Ensemble.run(s, settings: RunSettings(replications: 4, seed: 12, threads: 2))
        let share = r.summary(.hyperconcertation, "staffVacancyShare")!.mean
        print("staff vacancy: \(share), expected \(expected)")
        XCTAssertEqual(share, expected, accuracy: 0.008)
        XCTAssertEqual(r.summary(.year, "staffVacancyShare", group: "20")!.mean, expected, accuracy: 0.03)
        let none = try overloaded(organisations: 2, staff: 5, years: 3, engagement: ["staffTurnoverPerYear": 0, "burnoutHazardPerMonth": 0])
        XCTAssertEqual(Ensemble.run(none, settings: RunSettings(replications: 2, seed: 1, threads: 1)).summary(.hyperconcertation, "staffVacancyShare")!.mean, 0)
    }

    func testTheYearsAddUpToTheRun() throws {
        let s = try TestScenarios.loadShipped("charlevoix") { $0["warmupYears"] = 0; $0["years"] = 4 }
        let r = Ensemble.run(s, settings: RunSettings(replications: 6, seed: 2, threads: 2))
        XCTAssertEqual(r.catalog.yearIDs, ["1", "2", "3", "4"])
        let decisions = r.catalog.yearIDs.map { r.summary(.year, "decisions", group: $0)!.mean }.reduce(0, +)
        XCTAssertEqual(decisions, 4 * r.summary(.latency, "decisionsPerYear")!.mean, accuracy: 1e-9)
        let hours = r.catalog.yearIDs.map { r.summary(.year, "totalHoursPerPartner", group: $0)!.mean }.reduce(0, +)
        XCTAssertEqual(hours, 4 * r.summary(.hyperconcertation, "totalHoursPerPartnerYear")!.mean, accuracy: 1e-6)
    }
}
