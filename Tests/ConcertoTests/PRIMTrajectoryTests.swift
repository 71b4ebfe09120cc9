import XCTest
@testable import Concerto

/// The peeling trajectory as CSV rows (`PRIMResult+Trajectory`).
final class PRIMTrajectoryTests: XCTestCase {
    /// 16 points at x = 1/32, 3/32, …, 31/32 (exact in binary), the cases above 1/2: each step
    /// peels the lowest point, the limit halfway to the next, until the box is [1/2, 1].
    func line() throws -> PRIMResult {
        let xs = (0..<16).map { Double(2 * $0 + 1) / 32 }
        let design = try PRIMDesign(parameters: [PRIMParameter(name: "x", lower: 0, upper: 1)], points: xs.map { [$0] })
        return try PRIM(permutations: 0).find(in: design, outcome: xs.map { $0 > 0.5 })
    }

    func testRowsByHand() throws {
        let r = try line()
        XCTAssertEqual(r.trajectoryHeader, ["step", "coverage", "density", "mass", "points", "cases", "restricted",
                                            "dimensions", "candidate", "x_lo", "x_hi"])
        let rows = r.trajectoryRows()
        XCTAssertEqual(rows.count, 9)
        XCTAssertEqual(rows[0], ["0", "1", "0.5", "1", "16", "8", "0", "", "0", "0", "1"])
        XCTAssertEqual(rows[1], ["1", "1", "0.5333333333333333", "0.9375", "15", "8", "1", "x", "0", "0.0625", "1"])
        // Density 8/10 = 0.8 first qualifies at step 6; the best F1 is the last step, density 1.
        XCTAssertEqual(rows[8], ["8", "1", "1", "0.5", "8", "8", "1", "x", "1", "0.5", "1"])
        XCTAssertEqual(rows.map { $0[8] }.filter { $0 == "1" }.count, 1, "one candidate")
    }

    func testCSVText() throws {
        let text = try line().trajectoryCSV()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 11)  // header, 9 steps, and the final newline
        XCTAssertEqual(lines[0], "step,coverage,density,mass,points,cases,restricted,dimensions,candidate,x_lo,x_hi")
        XCTAssertEqual(lines[9], "8,1,1,0.5,8,8,1,x,1,0.5,1")
        XCTAssertEqual(lines[10], "")
    }

    func testSeveralRestrictedDimensionsAndNoCase() throws {
        let (design, y, _) = PRIMTests.planted(n: 500, seed: 3)
        let r = try PRIM(permutations: 0).find(in: design, outcome: y)
        let rows = r.trajectoryRows()
        XCTAssertEqual(rows.count, r.trajectory.count)
        for (s, row) in rows.enumerated() {
            XCTAssertEqual(row.count, r.trajectoryHeader.count)
            XCTAssertEqual(row[7], r.trajectory[s].restrictions.map(\.parameter.name).joined(separator: ";"))
            XCTAssertEqual(Int(row[6]), r.trajectory[s].restrictedCount)
        }
        XCTAssertTrue(rows.contains { $0[7].contains(";") }, "some step restricts two dimensions")
        // No case of interest: coverage 0, no candidate.
        let none = try PRIM().find(in: design, outcome: Array(repeating: false, count: 500))
        XCTAssertEqual(none.trajectoryRows()[0][1], "0")
        XCTAssertEqual(none.trajectoryRows()[0][8], "0")
    }
}
