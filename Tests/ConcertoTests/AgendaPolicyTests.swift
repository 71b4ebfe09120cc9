import XCTest
@testable import Concerto

/// Agenda policies: in what order waiting items are taken when they do not all fit. One
/// monthly body with 1 h of agenda; short items (0.25 h) and one-hour items, consensus not
/// always reached, so older items come back meeting after meeting.
final class AgendaPolicyTests: XCTestCase {
    func scenario(_ policy: String) throws -> Structure {
        let partners: [[String: Any]] = (0..<4).map { ["id": "p\($0)", "sector": "s", "territory": "t", "capacityHoursPerMonth": 744, "engagement": 1, "defaultInterest": 1] }
        return try TestScenarios.compile([
            "id": "agenda", "years": 20, "sectors": [["id": "s"]], "territories": [["id": "t"]], "partners": partners,
            "instances": [["id": "a", "schedule": ["periodDays": 30, "firstMeetingDay": 1], "membership": ["mandatory": partners.map { $0["id"]! }],
                           "powers": ["decide"], "meetingHours": 1, "agendaPolicy": policy, "decisionRule": ["voteAtAttempt": 4]]],
            "issueKinds": [["id": "long", "ratePerYear": 2, "discussionHours": 1, "route": [["act": "decide", "instance": "a"]]],
                           ["id": "short", "ratePerYear": 24, "discussionHours": 0.25, "route": [["act": "decide", "instance": "a"]]]],
            "attendance": ["interestFloor": 1], "deliberation": ["model": "probabilistic", "consensusProbability": 0.4],
            "engagement": ["decisionBoost": 0, "overloadDecay": 0],
        ])
    }

    /// For each one-hour item, the meetings at which it waited while a younger item was
    /// discussed (passed over), from the minutes; the worst over the run.
    func worstPassOvers(_ policy: String) throws -> Int {
        let s = try scenario(policy)
        var rep = Replication(structure: s, seed: 4, replication: 0, recordMinutes: true)
        _ = rep.run()
        let m = rep.minutes!
        let long = s.issueKinds.firstIndex { $0.id == "long" }!
        var discussedAt = [Int: [Int]]()   // meeting → issues discussed
        for item in m.items { discussedAt[item.meeting, default: []].append(item.issue) }
        var worst = 0
        for issue in m.issues where issue.kind == long {
            let end = issue.ended ?? .infinity
            var passed = 0
            for (k, meeting) in m.meetings.enumerated() where meeting.day > issue.emergence && meeting.day < end {
                let here = discussedAt[k] ?? []
                if !here.contains(issue.id) && here.contains(where: { m.issues[$0 - 1].emergence > issue.emergence }) { passed += 1 }
            }
            worst = Swift.max(worst, passed)
        }
        return worst
    }

    func testLongItemsAreNotPassedOverAgainAndAgain() throws {
        let skip = try worstPassOvers("skipLong"), priority = try worstPassOvers("priorityThenAge"), inOrder = try worstPassOvers("inOrder")
        print("agenda policies, worst pass-overs of a one-hour item: skipLong \(skip), priorityThenAge \(priority), inOrder \(inOrder)")
        XCTAssertEqual(inOrder, 0, "in order, nothing younger is taken before an item")
        XCTAssertLessThanOrEqual(priority, 1, "passed over once, it goes first next time")
        XCTAssertGreaterThanOrEqual(skip, 3, "skipLong lets shorter, younger items through meeting after meeting")
    }

    func testUnknownPolicyIsAnError() {
        XCTAssertThrowsError(try scenario("fifo")) { e in
            XCTAssertTrue("\(e)".contains("instances[a].agendaPolicy"), "\(e)")
        }
    }
}
