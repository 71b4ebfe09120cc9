import Foundation
@testable import Concerto

/// A small table for records tests: four organisations (sectors s0, s1, s0, s1) on one body
/// meeting 2 h with 1 h of preparation and no travel, a decision kind and an information kind.
enum RecordsTestSupport {
    static func structure() throws -> Structure {
        let partners: [[String: Any]] = (0..<4).map {
            ["id": "p\($0)", "sector": "s\($0 % 2)", "territory": "t", "capacityHoursPerMonth": 744, "engagement": 1]
        }
        return try TestScenarios.compile([
            "id": "hand-made", "years": 1, "warmupYears": 0,
            "sectors": [["id": "s0", "referenceShare": 0.5], ["id": "s1", "referenceShare": 0.5]], "territories": [["id": "t"]],
            "partners": partners,
            "instances": [["id": "table", "kind": "assembly", "schedule": ["meetingsPerYear": 4], "membership": ["open": true],
                           "meetingHours": 2, "preparationHours": 1, "organiserHours": 0, "powers": ["decide", "inform"]]],
            "issueKinds": [["id": "k", "ratePerYear": 3, "route": [["act": "decide", "instance": "table"]]],
                           ["id": "info", "category": "information", "ratePerYear": 1, "route": [["act": "inform", "instance": "table"]]]],
            "attendance": ["absentCostFraction": 0.25],
        ])
    }

    /// A folder holding `files` (name → text), removed by the caller.
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concerto-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    /// Three meetings, five items, four issues (docs/records.md, "A worked example").
    static let handMade: [String: String] = [
        "period.csv": "start,end\n2023-01-01,2024-01-01\n",
        // French headers and dates as minutes write them.
        "issues.csv": "dossier,type,émergence\nd1,k,10/01/2023\nd2,k,01/02/2023\nd3,k,01/03/2023\nd4,info,15/02/2023\n",
        "meetings.csv": "réunion,instance,date,heures,présents,absents\nm1,table,2023-01-20,2,p0;p1;p2,p3\nm2,table,2023-02-20,2,p0;p1,p2;p3\nm3,table,2023-04-01,3,p0;p1;p2;p3,\n",
        "items.csv": "item,issue,body,meeting,act,outcome\ni1,d1,table,m1,decide,consensus\ni2,d2,table,m2,decide,deferred\ni3,d4,table,m2,inform,informed\ni4,d2,table,m3,decide,vote-passed\ni5,d3,table,m3,decide,deferred\n",
    ]
}
