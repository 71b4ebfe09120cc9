import XCTest
@testable import Concerto

final class SaltelliDesignTests: XCTestCase {
    func testRowsFollowSALibsOrder() {
        // For each base row j: A_j, AB_j^(1), …, AB_j^(k), B_j, with A and B the halves of a
        // 2k-dimensional Sobol point (SALib 1.6 saltelli.sample, calc_second_order=False).
        let k = 3, n = 8
        let design = SaltelliDesign(parameters: k, baseRows: n)
        XCTAssertEqual(design.count, n * (k + 2))
        XCTAssertEqual(design.skipped, 16, "SALib skips max(16, next power of two ≥ N)")
        let base = SobolSequence(dimensions: 2 * k).points(count: n, skipping: 16)
        for j in 0..<n {
            let a = Array(base[j][0..<k]), b = Array(base[j][k...])
            XCTAssertEqual(design.points[j * (k + 2)], a)
            for i in 0..<k {
                var ab = a
                ab[i] = b[i]
                XCTAssertEqual(design.points[j * (k + 2) + 1 + i], ab)
            }
            XCTAssertEqual(design.points[j * (k + 2) + k + 1], b)
        }
    }

    func testTheFirstRowsAsSALibPrintsThem() {
        // SALib 1.6: saltelli.sample({'num_vars': 2, 'bounds': [[0, 1]] * 2}, 4,
        // calc_second_order=False)[:4] (skip 16: Sobol point 16 in 4 dimensions).
        let design = SaltelliDesign(parameters: 2, baseRows: 4)
        XCTAssertEqual(Array(design.points[0..<4]), [[0.09375, 0.46875], [0.46875, 0.46875],
                                                    [0.09375, 0.65625], [0.46875, 0.65625]])
    }

    func testRowAndRoleAreInverse() {
        let design = SaltelliDesign(parameters: 4, baseRows: 16, base: .random(seed: 5))
        for r in 0..<design.count {
            let (j, role) = design.role(ofRow: r)
            XCTAssertEqual(design.row(j, role), r)
        }
        XCTAssertEqual(design.role(ofRow: 6).baseRow, 1)
        XCTAssertEqual(design.role(ofRow: 6).role, .a)
        XCTAssertEqual(design.role(ofRow: 9).role, .ab(2))
        XCTAssertEqual(design.role(ofRow: 11).role, .b)
    }

    func testSkipsAndBases() {
        XCTAssertEqual(SaltelliDesign.defaultSkip(baseRows: 1), 16)
        XCTAssertEqual(SaltelliDesign.defaultSkip(baseRows: 16), 16)
        XCTAssertEqual(SaltelliDesign.defaultSkip(baseRows: 17), 32)
        XCTAssertEqual(SaltelliDesign.defaultSkip(baseRows: 4096), 4096)
        XCTAssertEqual(SaltelliDesign.defaultSkip(baseRows: 5000), 8192)
        let unskipped = SaltelliDesign(parameters: 1, baseRows: 4, base: .sobol(skip: 0))
        XCTAssertEqual(unskipped.points[0], [0], "point 0 of the sequence is the origin")
        let r1 = SaltelliDesign(parameters: 2, baseRows: 8, base: .random(seed: 1))
        XCTAssertEqual(r1, SaltelliDesign(parameters: 2, baseRows: 8, base: .random(seed: 1)))
        XCTAssertNotEqual(r1.points, SaltelliDesign(parameters: 2, baseRows: 8, base: .random(seed: 2)).points)
        XCTAssertEqual(SaltelliDesign.maximumParameters, 32)
    }
}
