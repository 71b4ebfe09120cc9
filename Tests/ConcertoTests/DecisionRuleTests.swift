import XCTest
@testable import Concerto

/// Decision rules: votes by member or by organisation.
final class DecisionRuleTests: XCTestCase {
    /// A body voting at once (threshold 1/2, a failed vote drops the issue). Organisation `a`
    /// sends three members who vote for (position 0.9); `b` and `c` one member each, against (0.1).
    func scenario(voteBy: String, aSectors: [String] = ["pour", "pour", "pour"], threshold: Double = 0.5) throws -> Structure {
        var partners: [[String: Any]] = (0..<3).map { ["id": "a\($0)", "organisation": "a", "sector": aSectors[$0], "territory": "t"] }
        partners += [["id": "b", "sector": "contre", "territory": "t"], ["id": "c", "sector": "contre", "territory": "t"]]
        for k in partners.indices { partners[k]["capacityHoursPerMonth"] = 744; partners[k]["engagement"] = 1; partners[k]["defaultInterest"] = 1 }
        return try TestScenarios.compile([
            "id": "votes", "years": 2, "sectors": [["id": "pour"], ["id": "contre"], ["id": "tiede"]], "territories": [["id": "t"]],
            "partners": partners,
            "instances": [["id": "board", "schedule": ["periodDays": 30, "firstMeetingDay": 1], "membership": ["mandatory": partners.map { $0["id"]! }],
                           "powers": ["decide"], "decisionRule": ["mode": "vote", "voteThreshold": threshold, "onVoteFailure": "drop", "voteBy": voteBy]]],
            "issueKinds": [["id": "k", "ratePerYear": 12, "route": [["act": "decide", "instance": "board"]]]],
            "attendance": ["interestFloor": 1],
            "deliberation": ["model": "probabilistic", "supportThreshold": 0.5,
                             "positionsBySector": ["pour": ["mean": 0.9, "sd": 0], "contre": ["mean": 0.1, "sd": 0], "tiede": ["mean": 0.3, "sd": 0]]],
            "engagement": ["decisionBoost": 0, "overloadDecay": 0],
        ])
    }

    func testOneVotePerOrganisation() throws {
        let settings = RunSettings(replications: 3, seed: 1, threads: 1)
        // By member 3 of 5 are for: every vote passes. By organisation 1 of 3: every vote fails.
        let members = Ensemble.run(try scenario(voteBy: "member"), settings: settings)
        XCTAssertEqual(members.summary(.latency, "voteShare")!.mean, 1)
        XCTAssertEqual(members.summary(.latency, "droppedShare")!.mean, 0)
        let organisations = Ensemble.run(try scenario(voteBy: "organisation"), settings: settings)
        XCTAssertEqual(organisations.summary(.latency, "decisionsPerYear")!.mean, 0)
        XCTAssertGreaterThan(organisations.summary(.latency, "droppedShare")!.mean, 0.9)
        // An organisation votes by its members' mean position. With a threshold of 0.3, a's vote
        // alone (1 of 3) carries: members at 0.9, 0.9, 0.3 (mean 0.7) vote for; at 0.9, 0.1, 0.1
        // (mean 0.37) against, although its first member is for.
        let high = Ensemble.run(try scenario(voteBy: "organisation", aSectors: ["pour", "pour", "tiede"], threshold: 0.3), settings: settings)
        XCTAssertEqual(high.summary(.latency, "droppedShare")!.mean, 0)
        let low = Ensemble.run(try scenario(voteBy: "organisation", aSectors: ["pour", "contre", "contre"], threshold: 0.3), settings: settings)
        XCTAssertEqual(low.summary(.latency, "decisionsPerYear")!.mean, 0)
    }

    func testUnknownVoteByIsAnError() {
        XCTAssertThrowsError(try scenario(voteBy: "sector")) { e in XCTAssertTrue("\(e)".contains("instances[board].decisionRule.voteBy"), "\(e)") }
    }
}
