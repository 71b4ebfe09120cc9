import XCTest
@testable import Concerto

/// Sensitivity of explorations whose results are known functions: the Ishigami function through
/// a Saltelli design, the G-function through Morris trajectories, a monotone result through LHS.
final class ExploreSensitivityTests: XCTestCase {
    func rows(_ s: ExploreSensitivity, _ subject: String, _ index: String) -> [ExploreSensitivity.Row] {
        s.rows.filter { $0.subject == subject && $0.index == index }
    }

    func testSobolOnIshigamiThroughTheExploration() throws {
        let design = SaltelliDesign(parameters: 3, baseRows: 2048)
        let ishigami = { (x: [Double]) -> Double in
            let v = x.map { -Double.pi + 2 * Double.pi * $0 }
            return Foundation.sin(v[0]) + 7 * Foundation.pow(Foundation.sin(v[1]), 2) + 0.1 * Foundation.pow(v[2], 4) * Foundation.sin(v[0])
        }
        // b = a + 1 everywhere: their difference is constant and has no sensitivity.
        let a = try SyntheticExplore.analysis(unitPoints: design.points, structures: ["a", "b"], outcomes: ["hoursPerPartnerYear"], replications: 1,
                                              design: .object([("name", .string("sobol")), ("baseRows", .number(2048))])) { _, s, x, _ in
            ishigami(x) + Double(s)
        }
        let s = ExploreSensitivity(a)
        let first = [0.3139, 0.4424, 0.0], total = [0.5576, 0.4424, 0.2437]
        for (j, r) in rows(s, "a", "S1").enumerated() {
            XCTAssertEqual(r.parameter, "x\(j + 1)")
            XCTAssertTrue(r.ciLow <= first[j] && first[j] <= r.ciHigh, "S1 x\(j + 1): \(r.value) [\(r.ciLow), \(r.ciHigh)]")
            XCTAssertEqual(r.halfSample, r.value, accuracy: 0.1, "half the sample is close")
        }
        for (j, r) in rows(s, "a", "ST").enumerated() {
            XCTAssertTrue(r.ciLow <= total[j] && total[j] <= r.ciHigh, "ST x\(j + 1): \(r.value) [\(r.ciLow), \(r.ciHigh)]")
        }
        for (x, y) in zip(rows(s, "b", "S1"), rows(s, "a", "S1")) { XCTAssertEqual(x.value, y.value, accuracy: 1e-9, "a constant shift changes no index") }
        let diff = s.rows.filter { $0.subject == "b - a" }
        XCTAssertEqual(diff.count, 1)
        XCTAssertEqual(diff.first?.note, "constant over the points")
    }

    func testMorrisRanksTheGFunction() throws {
        let a = [0, 1, 4.5, 9, 99, 99, 99, 99]
        let design = MorrisDesign(parameters: 8, trajectories: 40, levels: 4, seed: 5)
        let g = { (x: [Double]) -> Double in
            zip(x, a).reduce(1) { $0 * (Swift.abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }
        }
        let ex = try SyntheticExplore.analysis(unitPoints: design.points, structures: ["a"], outcomes: ["medianDaysKM"], replications: 1,
                                               design: .object([("name", .string("morris")), ("trajectories", .number(40)), ("levels", .number(4))]),
                                               seed: 5) { _, _, x, _ in g(x) }
        let s = ExploreSensitivity(ex)
        let muStar = rows(s, "a", "mu_star").map(\.value)
        XCTAssertEqual(muStar.count, 8)
        XCTAssertGreaterThan(muStar[0], muStar[1]); XCTAssertGreaterThan(muStar[1], muStar[2]); XCTAssertGreaterThan(muStar[2], muStar[3])
        XCTAssertGreaterThan(muStar[3], muStar[4...].max()!)
        for r in rows(s, "a", "mu_star") { XCTAssertTrue(r.ciLow <= r.value && r.value <= r.ciHigh) }
    }

    func testSpearmanScreeningOnLHS() throws {
        let points = SyntheticExplore.lhs(200, 2)
        let a = try SyntheticExplore.analysis(unitPoints: points, structures: ["a"], outcomes: ["medianDaysKM"], replications: 1) { _, _, x, _ in
            Foundation.exp(3 * x[0])
        }
        let r = rows(ExploreSensitivity(a), "a", "spearman")
        XCTAssertEqual(r[0].value, 1, accuracy: 1e-12)
        XCTAssertLessThan(Swift.abs(r[1].value), 0.2)
        XCTAssertTrue(r[1].ciLow < 0 && 0 < r[1].ciHigh, "x2 does not matter: its interval holds 0")
    }

    func testUndefinedOutputsAreSaidNotGuessed() throws {
        let a = try SyntheticExplore.analysis(unitPoints: SyntheticExplore.lhs(20, 2), structures: ["a"], outcomes: ["medianDaysKM"], replications: 1) { _, _, x, _ in
            x[0] < 0.1 ? .nan : x[0]
        }
        let r = ExploreSensitivity(a).rows
        XCTAssertEqual(r.count, 1)
        XCTAssertEqual(r[0].note, "undefined at 2 of 20 points")
        XCTAssertTrue(ExploreSensitivity(a).csv().contains("undefined at 2 of 20 points"))
    }
}
