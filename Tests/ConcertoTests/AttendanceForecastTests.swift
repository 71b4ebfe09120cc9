import XCTest
@testable import Concerto

/// The attendance forecast: the formula by hand on small bodies, and against the simulation.
final class AttendanceForecastTests: XCTestCase {
    /// Three named members (mandated seats, mandateInterest 1: each comes with its engagement),
    /// ample capacity, no decision boost: attendance (0.9 + 0.6 + 0.5) / 3; quorum 2 fails with
    /// P(N < 2) = 0.25 (quorum 0: none) (PoissonBinomialTests works it out by hand).
    static func small(engagements: [Double] = [0.9, 0.6, 0.5], quorum: Int = 2, extraMember: [String: Any]? = nil) -> [String: Any] {
        var partners: [[String: Any]] = engagements.enumerated().map {
            ["id": "p\($0.offset)", "sector": "s", "territory": "t", "capacityHoursPerMonth": 744, "engagement": $0.element, "defaultInterest": 0]
        }
        if let extraMember { partners.append(extraMember) }
        return [
            "id": "small", "years": 20, "sectors": [["id": "s"]], "territories": [["id": "t"]], "themes": [["id": "x"]], "partners": partners,
            "instances": [["id": "a", "themes": ["x"], "schedule": ["periodDays": 7], "membership": ["named": engagements.indices.map { "p\($0)" }],
                           "quorum": quorum > 0 ? ["kind": "count", "value": quorum] : ["kind": "none"], "powers": ["decide"], "meetingHours": 1, "preparationHours": 0]],
            "issueKinds": [["id": "k", "theme": "x", "ratePerYear": 2, "route": [["act": "decide", "instance": "a"]]]],
            "attendance": ["interestFloor": 0.3, "mandateInterest": 1],
            "engagement": ["decisionBoost": 0, "overloadDecay": 0],
        ]
    }

    func testHandComputationForNamedMembers() throws {
        let f = AttendanceForecast(structure: try TestScenarios.compile(Self.small()))
        XCTAssertEqual(f.bodies.count, 1)
        XCTAssertEqual(f.bodies[0].expectedAttendance, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(f.bodies[0].quorumFailure, 0.25, accuracy: 1e-12)
        XCTAssertEqual(f.bodies[0].quorumNeeded, 2)
        XCTAssertEqual(f.bodies[0].votingSeats, 3)
    }

    /// An open seat's interest is floored: a partner of interest 0 comes with engagement × interestFloor.
    func testOpenSeatUsesTheInterestFloor() throws {
        var obj = Self.small(engagements: [0.8], quorum: 1)
        var inst = (obj["instances"] as! [[String: Any]])[0]
        inst["membership"] = ["open": true]
        inst["quorum"] = ["kind": "none"]
        obj["instances"] = [inst]
        let f = AttendanceForecast(structure: try TestScenarios.compile(obj))
        XCTAssertEqual(f.bodies[0].expectedAttendance, 0.8 * 0.3, accuracy: 1e-12)
        XCTAssertEqual(f.bodies[0].quorumFailure, 0)
    }

    /// Overload lowers availability: one member whose meetings alone take twice its capacity
    /// (exponential shape, steepness 1.5) comes less than its engagement says.
    func testLoadLowersTheForecast() throws {
        var obj = Self.small(engagements: [1], quorum: 1)
        var partners = obj["partners"] as! [[String: Any]]
        partners[0]["capacityHoursPerMonth"] = 1  // a meeting a week: about 4.3 h a month
        obj["partners"] = partners
        let f = AttendanceForecast(structure: try TestScenarios.compile(obj))
        XCTAssertLessThan(f.bodies[0].expectedAttendance, 0.5)
        XCTAssertGreaterThan(f.loadRatio[0], 1)
    }

    /// Without overload or decision boosts the model attends exactly by the formula, so the
    /// simulated attendance and quorum failures agree with the forecast within sampling error.
    func testAgreesWithTheSimulation() throws {
        let s = try TestScenarios.compile(Self.small(engagements: [0.9, 0.6, 0.5, 0.7, 0.4], quorum: 3))
        let f = AttendanceForecast(structure: s).bodies[0]
        let r = Ensemble.run(s, settings: RunSettings(replications: 4, seed: 5, threads: 2))
        let attendance = r.summary(.instance, "attendanceRate", group: "a")!.mean
        let failures = r.summary(.instance, "quorumFailuresPerYear", group: "a")!.mean / r.summary(.instance, "meetingsPerYear", group: "a")!.mean
        // About 4 × 20 × 52 = 4,160 meetings: the standard error of a share is under 0.01.
        XCTAssertEqual(attendance, f.expectedAttendance, accuracy: 0.02)
        XCTAssertEqual(failures, f.quorumFailure, accuracy: 0.03)
        XCTAssertEqual(f.expectedAttendance, (0.9 + 0.6 + 0.5 + 0.7 + 0.4) / 5, accuracy: 1e-12)
    }
}
