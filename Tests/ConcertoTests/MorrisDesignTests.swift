import XCTest
@testable import Concerto

final class MorrisDesignTests: XCTestCase {
    func testTrajectoriesMoveOneParameterByDeltaAtATimeOnTheGrid() {
        let k = 5
        for levels in [2, 4, 6] {
            let design = MorrisDesign(parameters: k, trajectories: 40, levels: levels, seed: 11)
            let delta = Double(levels) / (2 * Double(levels - 1))
            XCTAssertEqual(design.delta, delta, accuracy: 1e-15)
            XCTAssertEqual(design.count, 40 * (k + 1))
            let grid = (0..<levels).map { Double($0) / Double(levels - 1) }
            for t in 0..<40 {
                XCTAssertEqual(design.steps[t].sorted(), Array(0..<k), "each parameter moves once")
                for m in 0...k {
                    for x in design.points[design.row(trajectory: t, point: m)] {
                        XCTAssertTrue(grid.contains { abs($0 - x) < 1e-12 }, "\(x) is not on the \(levels)-level grid")
                    }
                }
                for (m, i) in design.steps[t].enumerated() {
                    let before = design.points[design.row(trajectory: t, point: m)]
                    let after = design.points[design.row(trajectory: t, point: m + 1)]
                    for j in 0..<k {
                        XCTAssertEqual(abs(after[j] - before[j]), j == i ? delta : 0, accuracy: 1e-12)
                    }
                }
            }
        }
    }

    func testDirectionsAndStartsAreRandomAndSeeded() {
        // p = 4: each coordinate starts at 0 or 1/3 going up, or at 2/3 or 1 going down,
        // about equally often; the same seed gives the same trajectories.
        let design = MorrisDesign(parameters: 3, trajectories: 2000, seed: 5)
        var starts = [Double: Int]()
        for t in 0..<2000 { for x in design.points[design.row(trajectory: t, point: 0)] { starts[(x * 3).rounded(), default: 0] += 1 } }
        XCTAssertEqual(starts.keys.sorted(), [0, 1, 2, 3])
        for (_, c) in starts { XCTAssertEqual(Double(c), 1500, accuracy: 150) }
        XCTAssertEqual(design, MorrisDesign(parameters: 3, trajectories: 2000, seed: 5))
        XCTAssertNotEqual(design.points, MorrisDesign(parameters: 3, trajectories: 2000, seed: 6).points)
    }
}
