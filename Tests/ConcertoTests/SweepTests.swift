import XCTest
@testable import Concerto

final class SweepTests: XCTestCase {
    func testAxisParsing() throws {
        XCTAssertEqual(try SweepAxis.parse("a.b=3,6,9").values, [.number(3), .number(6), .number(9)])
        XCTAssertEqual(try SweepAxis.parse("x=0.1:0.3:0.1").values, [.number(0.1), .number(0.2), .number(0.3)])
        XCTAssertEqual(try SweepAxis.parse("m=probabilistic,boundedConfidence").values, [.string("probabilistic"), .string("boundedConfidence")])
        XCTAssertThrowsError(try SweepAxis.parse("x=5:1:1"))
        XCTAssertThrowsError(try SweepAxis.parse("x=1:5:0"))
        XCTAssertThrowsError(try SweepAxis.parse("x="))
        XCTAssertThrowsError(try SweepAxis.parse("x=1,,2"))
    }

    func testGridOrderAndShards() throws {
        let tree = try JSONValue.parse(Data(contentsOf: TestScenarios.shipped("sept-rivieres")))
        let plan = SweepPlan(scenarioFile: "s.json", baseTree: tree,
                             axes: [try SweepAxis.parse("years=1,2"), try SweepAxis.parse("warmupYears=0,1,2")], replications: 2, seed: 1)
        XCTAssertEqual(plan.cellCount, 6)
        XCTAssertEqual(plan.values(ofCell: 0), [.number(1), .number(0)])
        XCTAssertEqual(plan.values(ofCell: 1), [.number(1), .number(1)], "the last axis varies fastest")
        XCTAssertEqual(plan.values(ofCell: 5), [.number(2), .number(2)])
        let shards = (1...4).map { plan.cells(shard: $0, of: 4) }
        XCTAssertEqual(shards.flatMap { $0 }.sorted(), Array(0..<6), "shards partition the cells")
        XCTAssertEqual(try plan.structure(ofCell: 3).years, 2)
        let other = SweepPlan(scenarioFile: "s.json", baseTree: tree, axes: plan.axes, replications: 2, seed: 2)
        XCTAssertNotEqual(plan.fingerprint, other.fingerprint, "the seed is part of the sweep's identity")
    }

    func testBadCellNamesTheCell() throws {
        let tree = try JSONValue.parse(Data(contentsOf: TestScenarios.shipped("sept-rivieres")))
        let plan = SweepPlan(scenarioFile: "s.json", baseTree: tree, axes: [try SweepAxis.parse("instances.grande-table.schedule.meetingsPerYear=3,-1")],
                             replications: 2, seed: 1)
        XCTAssertNoThrow(try plan.structure(ofCell: 0))
        XCTAssertThrowsError(try plan.structure(ofCell: 1)) { e in
            XCTAssertTrue("\(e)".contains("meetingsPerYear=-1"), "\(e)")
        }
    }
}
