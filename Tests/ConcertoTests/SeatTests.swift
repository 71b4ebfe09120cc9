import XCTest
@testable import Concerto

/// Seats: a body's number of seats, reserved seats held by nobody, designated delegates and
/// « un ou deux » delegates, chairs.
final class SeatTests: XCTestCase {
    func base(instances: [[String: Any]], partners n: Int = 10) -> [String: Any] {
        let partners: [[String: Any]] = (0..<n).map { ["id": "p\($0)", "sector": "s", "territory": "t", "capacityHoursPerMonth": 744, "engagement": 1, "defaultInterest": 1] }
        return ["id": "seats", "years": 2, "sectors": [["id": "s", "referenceShare": 0.8], ["id": "pn", "referenceShare": 0.2]], "territories": [["id": "t"]], "partners": partners,
                "instances": instances,
                "issueKinds": [["id": "k", "ratePerYear": 6, "route": [["act": "decide", "instance": instances[0]["id"]!]]]],
                "attendance": ["interestFloor": 1], "deliberation": ["model": "probabilistic", "consensusProbability": 1],
                "engagement": ["decisionBoost": 0, "overloadDecay": 0]]
    }

    func testAReservedSeatCountsAmongTheSeatsAndIsNeverPresent() throws {
        let body: [String: Any] = ["id": "table", "schedule": ["periodDays": 30], "powers": ["decide"],
                                   "membership": ["open": true, "seats": 6, "vacant": [["sector": "pn", "label": "Premières Nations"]]]]
        let s = try TestScenarios.compile(base(instances: [body]))
        let r = Ensemble.run(s, settings: RunSettings(replications: 4, seed: 1, threads: 1))
        XCTAssertEqual(r.summary(.instance, "membersMean", group: "table")!.mean, 5, "six seats, one held by nobody")
        XCTAssertEqual(r.summary(.instance, "attendanceRate", group: "table")!.mean, 1)
        XCTAssertEqual(r.summary(.instance, "vacantSeats", group: "table")!.mean, 1)
        XCTAssertEqual(r.summary(.representativity, "vacantSeatShare")!.mean, 1.0 / 6, accuracy: 1e-12)
        // Seat representativity: 5 seats of sector s and 1 of pn against 80 / 20 %:
        // Gallagher √(½((5/6 − 0.8)² + (1/6 − 0.2)²)) × 100 = 3.33.
        XCTAssertEqual(r.summary(.representativity, "seatSectorGallagher")!.mean, 100.0 / 30, accuracy: 1e-9)
        // And nobody from pn is ever in the room.
        XCTAssertEqual(r.summary(.representativity, "sectorCoverage")!.mean, 0.5, accuracy: 1e-12)
    }

    func testVacantSeatsNeedSeatsThatHoldThem() {
        let noCap: [String: Any] = ["id": "table", "schedule": ["periodDays": 30], "powers": ["decide"], "membership": ["open": true, "vacant": [["sector": "pn"]]]]
        XCTAssertThrowsError(try TestScenarios.compile(base(instances: [noCap]))) { e in
            XCTAssertTrue("\(e)".contains("instances[table].membership.vacant: vacant seats need the body's `seats`"), "\(e)")
        }
        let tooSmall: [String: Any] = ["id": "table", "schedule": ["periodDays": 30], "powers": ["decide"],
                                       "membership": ["named": ["p0", "p1", "p2"], "seats": 3, "vacant": [["sector": "pn"]]]]
        XCTAssertThrowsError(try TestScenarios.compile(base(instances: [tooSmall]))) { e in
            XCTAssertTrue("\(e)".contains("instances[table].membership.seats: 3 seats cannot hold"), "\(e)")
        }
    }

    func testDelegatesOneOrTwoDesignatedFirst() throws {
        let source: [String: Any] = ["id": "local", "schedule": ["periodDays": 30], "powers": ["decide"], "membership": ["named": ["p0", "p1", "p2", "p3", "p4"]]]
        let coordination: [String: Any] = ["id": "coco", "schedule": ["periodDays": 30], "powers": ["decide"],
                                           "membership": ["mandatoryFrom": [["instance": "local", "count": ["min": 1, "max": 2], "named": ["p3"]]]]]
        let s = try TestScenarios.compile(base(instances: [source, coordination]))
        let coco = s.instances.firstIndex { $0.id == "coco" }!
        var sizes = Set<Int>()
        for rep in 0..<40 {
            var r = Replication(structure: s, seed: 5, replication: rep)
            _ = r.run()
            let members = r.members(of: coco)
            sizes.insert(members.count)
            XCTAssertEqual(members.first, 3, "the designated delegate sits first")
            XCTAssertTrue(members.allSatisfy { (0..<5).contains($0) }, "delegates come from the local committee")
        }
        XCTAssertEqual(sizes, [1, 2], "« un ou deux »")
    }

    func testAChairOrganisesAndItsAbsenceAdjournsTheMeeting() throws {
        func run(_ absence: String) throws -> (EnsembleResult, Minutes) {
            var obj = base(instances: [["id": "table", "schedule": ["periodDays": 30, "firstMeetingDay": 1], "powers": ["decide"], "organiserHours": 2,
                                        "membership": ["named": ["p0", "p1", "p2", "p3"]], "chairs": ["p0"], "chairAbsence": absence]])
            var partners = obj["partners"] as! [[String: Any]]
            partners[0]["engagement"] = 0.5   // the chair comes half the time
            obj["partners"] = partners
            let s = try TestScenarios.compile(obj)
            var rep = Replication(structure: s, seed: 2, replication: 0, recordMinutes: true)
            _ = rep.run()
            return (Ensemble.run(s, settings: RunSettings(replications: 6, seed: 2, threads: 1)), rep.minutes!)
        }
        let (held, heldMinutes) = try run("hold")
        XCTAssertEqual(held.summary(.latency, "organiserShortfallsPerYear")!.mean, 0)
        XCTAssertTrue(heldMinutes.meetings.allSatisfy { $0.organisers == [0] }, "the chair organises")
        let (adjourned, minutes) = try run("postpone")
        XCTAssertGreaterThan(adjourned.summary(.latency, "organiserShortfallsPerYear")!.mean, 3)
        XCTAssertFalse(minutes.postponements.isEmpty)
        XCTAssertGreaterThan(adjourned.summary(.latency, "meanDaysDecided")!.mean, held.summary(.latency, "meanDaysDecided")!.mean)
        // Every item was decided at a meeting the chair attended.
        for item in minutes.items { XCTAssertTrue(minutes.meetings[item.meeting].attendees.contains(0)) }
    }

    func testPartnersJoinDuringTheRunWhileThereIsRoom() throws {
        // « un partenaire peut se joindre à tout moment »: two founding members, seven seats;
        // the others join at 2 a year times their interest (p9 has none in the theme).
        var obj = base(instances: [["id": "comite", "themes": ["x"], "schedule": ["periodDays": 30], "powers": ["decide"],
                                    "membership": ["named": ["p0", "p1"], "seats": 7, "joinRatePerYear": 2]]])
        obj["themes"] = [["id": "x"]]
        var partners = obj["partners"] as! [[String: Any]]
        partners[9]["defaultInterest"] = 0
        obj["partners"] = partners
        let s = try TestScenarios.compile(obj)
        for rep in 0..<5 {
            var r = Replication(structure: s, seed: 8, replication: rep)
            let result = r.run()
            let members = r.members(of: 0)
            XCTAssertEqual(Array(members.prefix(2)), [0, 1])
            XCTAssertEqual(members.count, 7, "joins fill the seats and stop there")
            XCTAssertFalse(members.contains(9), "no interest, no join")
            XCTAssertEqual(result.values[s.catalog.index(family: .instance, group: "comite", name: "joinsPerYear")!], 5.0 / 2)
        }
        // Without joining the committee keeps its founders.
        var closed = obj
        var inst = closed["instances"] as! [[String: Any]]
        var m = inst[0]["membership"] as! [String: Any]; m["joinRatePerYear"] = 0; inst[0]["membership"] = m
        closed["instances"] = inst
        var r = Replication(structure: try TestScenarios.compile(closed), seed: 8, replication: 0)
        _ = r.run()
        XCTAssertEqual(r.members(of: 0), [0, 1])
    }
}
