import XCTest
@testable import Concerto

/// Peeling and pasting steps, on designs small enough to follow by hand.
final class PRIMSearchTests: XCTestCase {
    /// One continuous parameter `x` on [0, 1] with the given values.
    func line(_ xs: [Double], discrete: Bool = false, upper: Double = 1) throws -> PRIMDesign {
        try PRIMDesign(parameters: [PRIMParameter(name: "x", lower: 0, upper: upper, isDiscrete: discrete)], points: xs.map { [$0] })
    }

    func testContinuousPeelMovesPastTiedValues() throws {
        // 20 points, the three lowest tied at 0: the 5 % quantile's order statistics (ranks 0
        // and 1) are tied, so the upper one moves to the first other value (rank 3, x = 1) and
        // the limit is 0.5, peeling all three.
        let xs = [0, 0, 0] + (1...17).map(Double.init)
        let design = try line(xs, upper: 17)
        let y = xs.map { $0 >= 1 }  // the tied points are the non-cases
        let steps = PRIMSearch(design: design, prim: PRIM()).peel(y)
        XCTAssertEqual(steps.count, 2)
        guard steps.count == 2 else { return }
        XCTAssertEqual(steps[1].lower, [0.5])
        XCTAssertEqual(steps[1].upper, [17])
        XCTAssertEqual(steps[1].points, 17)
        XCTAssertEqual(steps[1].cases, 17)
    }

    func testDiscretePeelRemovesAtLeastOneWholeValue() throws {
        // Values 0…4, 20 points each: the lowest value alone is 20 % of the box, more than
        // α = 5 %, and is still peeled whole; the limit is the next value, 1.
        let xs = (0..<100).map { Double($0 % 5) }
        let design = try line(xs, discrete: true, upper: 4)
        let y = xs.map { $0 >= 1 }
        let steps = PRIMSearch(design: design, prim: PRIM()).peel(y)
        XCTAssertEqual(steps.count, 2)
        guard steps.count == 2 else { return }
        XCTAssertEqual(steps[1].lower, [1])
        XCTAssertEqual(steps[1].points, 80)
    }

    func testPeelingStopsAtTheMinimumMass() throws {
        // y = 1 only at the top point: peeling from below would go on to that point alone, but
        // stops at 10 points, as the next peel (one point) would leave fewer than 10 %.
        let xs = (0..<100).map { (Double($0) + 0.5) / 100 }
        let design = try line(xs)
        let y = xs.indices.map { $0 == 99 }
        let steps = PRIMSearch(design: design, prim: PRIM(minimumMass: 0.1)).peel(y)
        XCTAssertEqual(steps.last!.points, 10)
        XCTAssertEqual(steps.last!.lower[0], 0.9, accuracy: 1e-12)
        XCTAssertEqual(steps.last!.cases, 1)
    }

    func testPastingTakesBackASlabOfCases() throws {
        // 200 points on a line; cases below 0.5, except every tenth point in [0.2, 0.5). From the
        // box [0.2, 0.5] (density 0.9), the points below 0.2 are all cases: pasting takes them
        // back, slab after slab, to the bound 0; the points above 0.5 are not cases: no paste.
        let xs = (0..<200).map { (Double($0) + 0.5) / 200 }
        let design = try line(xs)
        let y = xs.indices.map { i in xs[i] < 0.5 && !(xs[i] >= 0.2 && i % 10 == 0) }
        let search = PRIMSearch(design: design, prim: PRIM())
        let pasted = search.paste(lower: [0.2], upper: [0.5], outcome: y)
        XCTAssertEqual(pasted.lower, [0])
        XCTAssertEqual(pasted.upper, [0.5])
    }

    func testPastingKeepsTheBoxWhenEveryPasteLowersTheDensity() throws {
        let xs = (0..<200).map { (Double($0) + 0.5) / 200 }
        let design = try line(xs)
        let y = xs.map { $0 > 0.3 && $0 < 0.6 }
        let pasted = PRIMSearch(design: design, prim: PRIM()).paste(lower: [0.3], upper: [0.6], outcome: y)
        XCTAssertEqual(pasted.lower, [0.3])
        XCTAssertEqual(pasted.upper, [0.6])
    }

    func testPastingADiscreteParameterAddsWholeValues() throws {
        // Values 0…9, 10 points each; cases: values 0…6 except one point of each of 3…6.
        // From [3, 6] (density 0.9), values 2, 1, 0 are all cases: pasted one by one, to 0.
        let xs = (0..<100).map { Double($0 % 10) }
        let design = try line(xs, discrete: true, upper: 9)
        let y = xs.indices.map { i in xs[i] <= 6 && !(xs[i] >= 3 && i < 10) }
        let search = PRIMSearch(design: design, prim: PRIM())
        let pasted = search.paste(lower: [3], upper: [6], outcome: y)
        XCTAssertEqual(pasted.lower, [0])
        XCTAssertEqual(pasted.upper, [6])
    }

    func testPastingFromPRIMNeverLowersTheDensity() throws {
        let (design, y, _) = PRIMTests.planted(seed: 4)
        let plain = try XCTUnwrap(PRIM(restrictionSignificance: nil, permutations: 0).find(in: design, outcome: y).box)
        let pasted = try XCTUnwrap(PRIM(pastes: true, restrictionSignificance: nil, permutations: 0).find(in: design, outcome: y).box)
        XCTAssertGreaterThanOrEqual(pasted.density, plain.density)
        XCTAssertGreaterThanOrEqual(pasted.mass, plain.mass)
    }
}
