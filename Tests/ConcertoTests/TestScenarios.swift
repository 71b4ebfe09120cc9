import Foundation
@testable import Concerto

/// Small scenarios for oracle, invariant and metamorphic tests, and the shipped ones.
enum TestScenarios {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static func shipped(_ name: String) -> URL { root.appendingPathComponent("Scenarios/\(name).json") }

    /// Decodes and compiles a scenario given as a JSON object literal.
    static func compile(_ object: [String: Any], file: String = "test.json") throws -> Structure {
        let data = try JSONSerialization.data(withJSONObject: object)
        let scenario = try JSONDecoder().decode(Scenario.self, from: data)
        var c = ScenarioCompiler(file: file)
        return try c.compile(scenario)
    }

    static func loadShipped(_ name: String, edit: ((inout [String: Any]) -> Void)? = nil) throws -> Structure {
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: shipped(name))) as! [String: Any]
        edit?(&obj)
        return try compile(obj, file: name + ".json")
    }

    /// One instance meeting every `periodDays`, `members` always-present members (staff with huge
    /// capacity, mandatory), consensus at the first attempt, Poisson issues at `ratePerYear`.
    static func singleServer(periodDays: Double, ratePerYear: Double, maxItems: Int? = nil, members: Int = 5,
                             years: Double = 10, warmupYears: Double = 0, jitterDays: Double = 0) -> [String: Any] {
        let partners: [[String: Any]] = (0..<members).map {
            ["id": "p\($0)", "sector": "s\($0 % 2)", "territory": "t", "staff": true, "capacityHoursPerMonth": 744, "engagement": 1]
        }
        var inst: [String: Any] = [
            "id": "table", "kind": "assembly", "schedule": ["periodDays": periodDays, "firstMeetingDay": 0.5, "jitterDays": jitterDays],
            "membership": ["mandatory": partners.map { $0["id"]! }], "agendaHours": 24, "meetingHours": 2,
            "powers": ["decide"],
        ]
        if let m = maxItems { inst["maxItems"] = m }
        return [
            "id": "single-server", "years": years, "warmupYears": warmupYears,
            "sectors": [["id": "s0"], ["id": "s1"]], "territories": [["id": "t"]],
            "partners": partners, "instances": [inst],
            "issueKinds": [["id": "k", "ratePerYear": ratePerYear, "discussionHours": 0.001, "route": [["act": "decide", "instance": "table"]]]],
            "deliberation": ["model": "probabilistic", "consensusProbability": 1],
            // Staff posts that never turn over: the oracles assume the members are always there.
            "engagement": ["decisionBoost": 0, "overloadDecay": 0, "staffTurnoverPerYear": 0],
        ]
    }

    /// Organisations that always attend (engagement 1, interest 1, floor 1, ample capacity unless
    /// given), meeting in `instances` (JSON objects) on themes x and y, with one issue kind on
    /// theme x decided at `decidedAt`. No staff, so no turnover; nothing random but arrivals
    /// and deliberation when meetings have fixed days (`firstMeetingDay`, no jitter).
    static func territory(members: Int = 4, capacity: Double = 744, instances: [[String: Any]], outsideTables: [[String: Any]] = [],
                          decidedAt: String = "a", ratePerYear: Double = 6, years: Double = 4) -> [String: Any] {
        let partners: [[String: Any]] = (0..<members).map {
            ["id": "p\($0)", "sector": "s\($0 % 2)", "territory": "t", "capacityHoursPerMonth": capacity, "engagement": 1, "defaultInterest": 1]
        }
        return [
            "id": "territory", "years": years, "sectors": [["id": "s0"], ["id": "s1"]], "territories": [["id": "t"]],
            "themes": [["id": "x"], ["id": "y"]],
            "partners": partners, "instances": instances, "outsideTables": outsideTables,
            "issueKinds": [["id": "k", "theme": "x", "ratePerYear": ratePerYear, "route": [["act": "decide", "instance": decidedAt]]]],
            "attendance": ["interestFloor": 1],
            "deliberation": ["model": "probabilistic", "consensusProbability": 1],
            "engagement": ["decisionBoost": 0, "overloadDecay": 0],
        ]
    }

    /// A body of all `members` (mandatory seats) meeting every `periodDays` from `firstDay`.
    static func body(_ id: String, themes: [String], periodDays: Double = 30, firstDay: Double, members: Int = 4,
                     parents: [String] = [], extra: [String: Any] = [:]) -> [String: Any] {
        var b: [String: Any] = [
            "id": id, "themes": themes, "parents": parents, "schedule": ["periodDays": periodDays, "firstMeetingDay": firstDay],
            "membership": ["mandatory": (0..<members).map { "p\($0)" }], "powers": ["decide"], "meetingHours": 2, "preparationHours": 1,
        ]
        for (k, v) in extra { b[k] = v }
        return b
    }

    static func mean(_ r: EnsembleResult, _ family: MeasureFamily, _ name: String) -> Double { r.summary(family, name)!.mean }
}
