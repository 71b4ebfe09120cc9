import Concerto

/// A generated Québec-wide structure for the scale benchmark: 17 regions, 100 MRC territories,
/// 40 organisations and a coordinator per MRC (4,100 partners), six instances per MRC (local
/// table, comité de coordination, comité de travail, sectoral table, satellite, community of
/// practice) and a regional table per region (617 instances), and five issue kinds per MRC.
enum QuebecWide {
    static func tree(years: Double) -> JSONValue {
        func s(_ x: String) -> JSONValue { .string(x) }
        func n(_ x: Double) -> JSONValue { .number(x) }
        let sectors = ["municipal", "sante", "education", "emploi", "communautaire-famille", "communautaire-jeunes", "habitation", "economie"]
        let themes = ["developpement-social", "coordination", "securite-alimentaire", "perseverance", "logement", "pratique"]
        var territories: [JSONValue] = []
        var partners: [JSONValue] = []
        var instances: [JSONValue] = []
        for m in 0..<100 {
            let t = "mrc-\(m)"
            territories.append(.object([("id", s(t)), ("defaultTravelHours", n(Double(1 + m % 3)))]))
            partners.append(.object([("id", s("coord-\(m)")), ("sector", s("municipal")), ("territory", s(t)), ("staff", .bool(true))]))
            for k in 0..<40 {
                let interests: [(String, JSONValue)] = themes.enumerated().map { (j, th) in (th, n(Double((k * 7 + j * 3 + m) % 10) / 10)) }
                partners.append(.object([("id", s("org-\(m)-\(k)")), ("sector", s(sectors[k % sectors.count])), ("territory", s(t)),
                                         ("ageGroups", .array([s(["0-17", "18-64", "65+"][k % 3])])), ("interests", .object(interests))]))
            }
            let local: JSONValue = .array([s(t)])
            func inst(_ id: String, _ kind: String, _ theme: String, _ mpy: Double, _ membership: JSONValue, _ powers: [String]) -> JSONValue {
                .object([("id", s("\(id)-\(m)")), ("kind", s(kind)), ("territory", s(t)), ("themes", .array([s(theme)])),
                         ("schedule", .object([("meetingsPerYear", n(mpy)), ("jitterDays", n(7)), ("breakMonths", .array([n(7)]))])),
                         ("membership", membership), ("powers", .array(powers.map(s)))])
            }
            instances.append(inst("table", "local", "developpement-social", 4, .object([("open", .bool(true)), ("territories", local), ("mandatory", .array([s("coord-\(m)")]))]), ["decide", "inform"]))
            instances.append(inst("coco", "coordination", "coordination", 10, .object([("mandatory", .array([s("coord-\(m)")])), ("named", .array((0..<6).map { s("org-\(m)-\($0)") }))]), ["decide", "recommend"]))
            instances.append(inst("comite", "working", "securite-alimentaire", 6, .object([("open", .bool(true)), ("territories", local), ("minInterest", n(0.6))]), ["decide"]))
            instances.append(inst("sectorielle", "sectoral", "perseverance", 8, .object([("open", .bool(true)), ("territories", local), ("minInterest", n(0.7))]), ["decide"]))
            instances.append(inst("satellite", "satellite", "logement", 4, .object([("open", .bool(true)), ("territories", local), ("minInterest", n(0.5))]), ["recommend"]))
            instances.append(inst("cdp", "practiceCommunity", "pratique", 10, .object([("open", .bool(true)), ("territories", local), ("minInterest", n(0.8))]), ["inform"]))
        }
        for r in 0..<17 {
            let ts = (0..<100).filter { $0 % 17 == r }.map { s("mrc-\($0)") }
            instances.append(.object([("id", s("region-\(r)")), ("kind", s("strategic")), ("themes", .array([s("developpement-social")])),
                                      ("schedule", .object([("meetingsPerYear", n(4))])),
                                      ("membership", .object([("named", .array((0..<100).filter { $0 % 17 == r }.map { s("coord-\($0)") })), ("open", .bool(true)),
                                                              ("territories", .array(ts)), ("minInterest", n(0.9))])),
                                      ("powers", .array([s("decide"), s("inform")]))]))
        }
        func kind(_ id: String, _ rate: Double, _ steps: [(String, String)]) -> JSONValue {
            .object([("id", s(id)), ("ratePerYear", n(rate)), ("perTerritory", .bool(true)),
                     ("route", .array(steps.map { .object([("act", s($0.1)), ("instanceKind", s($0.0))]) }))])
        }
        let kinds: [JSONValue] = [
            kind("priorites", 1, [("local", "decide")]),
            kind("plan-action", 3, [("working", "decide"), ("local", "inform")]),
            kind("operations", 6, [("coordination", "decide")]),
            kind("positions", 2, [("sectoral", "decide")]),
            kind("projets", 2, [("satellite", "recommend"), ("local", "decide")]),
        ]
        return .object([
            ("id", s("quebec-wide")), ("years", n(years)), ("warmupYears", n(0)),
            ("sectors", .array(sectors.map { .object([("id", s($0))]) })),
            ("territories", .array(territories)),
            ("ageGroups", .array(["0-17", "18-64", "65+"].map { .object([("id", s($0))]) })),
            ("themes", .array(themes.map { .object([("id", s($0))]) })),
            ("partnerDefaults", .object([("capacityHoursPerMonth", n(6))])),
            ("partners", .array(partners)), ("instances", .array(instances)), ("issueKinds", .array(kinds)),
        ])
    }

    static func structure(years: Double) throws -> Structure {
        let scenario = try ScenarioLoader.decode(tree(years: years), file: "quebec-wide (generated)")
        var c = ScenarioCompiler(file: "quebec-wide")
        return try c.compile(scenario)
    }
}
