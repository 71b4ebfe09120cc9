import XCTest
@testable import Concerto

final class PRIMTests: XCTestCase {
    /// x1…x4 uniform on [0, 1]: `n` points drawn from a fixed seed.
    static func uniformDesign(n: Int, seed: UInt64) -> (PRIMDesign, [[Double]]) {
        var rng = RandomStream(seed: seed)
        let points = (0..<n).map { _ in (0..<4).map { _ in rng.uniform() } }
        let params = (1...4).map { PRIMParameter(name: "x\($0)", lower: 0, upper: 1) }
        return (try! PRIMDesign(parameters: params, points: points), points)
    }

    /// The planted box: y = 1 when 0.2 < x1 < 0.5 and x3 > 0.7; elsewhere y = 1 with
    /// probability 0.05 (noise). Also returns which points are inside the planted box.
    static func planted(n: Int = 2000, seed: UInt64 = 13) -> (design: PRIMDesign, y: [Bool], inside: [Bool]) {
        let (design, points) = uniformDesign(n: n, seed: seed)
        var noise = RandomStream(seed: seed &+ 1)
        let inside = points.map { x in x[0] > 0.2 && x[0] < 0.5 && x[2] > 0.7 }
        let y = inside.map { inBox in noise.bernoulli(0.05) || inBox }
        return (design, y, inside)
    }

    /// The box restricts x1 (both sides) and x3 (lower side) only, within 0.05 of the planted edges.
    func assertRecovers(_ box: PRIMBox?, _ note: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let box else { return XCTFail("no box (\(note))", file: file, line: line) }
        XCTAssertEqual(box.restrictions.map(\.parameter.name), ["x1", "x3"], note, file: file, line: line)
        let x1 = box.restriction("x1"), x3 = box.restriction("x3")
        XCTAssertEqual(x1?.lower ?? .nan, 0.2, accuracy: 0.05, note, file: file, line: line)
        XCTAssertEqual(x1?.upper ?? .nan, 0.5, accuracy: 0.05, note, file: file, line: line)
        XCTAssertEqual(x3?.lower ?? .nan, 0.7, accuracy: 0.05, note, file: file, line: line)
        XCTAssertNil(x3?.upper, note, file: file, line: line)
    }

    func testRecoversThePlantedBox() throws {
        let (design, y, inside) = Self.planted()
        let r = try PRIM().find(in: design, outcome: y)
        assertRecovers(r.box, "seed 13")
        let box = try XCTUnwrap(r.box)
        // Recorded values (seed 13): x1 in [0.2047, 0.5089], x3 ≥ 0.6821; 190 points, 182 of
        // them cases: coverage 182/279 = 0.652 (the other 97 cases are noise spread over the
        // whole space), density 182/190 = 0.958, mass 0.095.
        XCTAssertEqual(box.lower[0], 0.2047, accuracy: 1e-4)
        XCTAssertEqual(box.upper[0], 0.5089, accuracy: 1e-4)
        XCTAssertEqual(box.lower[2], 0.6821, accuracy: 1e-4)
        XCTAssertEqual(box.points, 190)
        XCTAssertEqual(box.cases, 182)
        XCTAssertEqual(r.cases, 279)
        XCTAssertEqual(box.coverage, 182.0 / 279)
        XCTAssertEqual(box.density, 182.0 / 190)
        XCTAssertGreaterThanOrEqual(box.density, PRIM().densityThreshold)
        // Nearly every planted point is inside the box.
        let planted = inside.indices.filter { inside[$0] }
        let caught = planted.filter { design.contains(point: $0, lower: box.lower, upper: box.upper) }
        XCTAssertGreaterThan(Double(caught.count) / Double(planted.count), 0.9)
        // Not chance: no shuffle comes close (the smallest p-value 99 shuffles can give).
        XCTAssertEqual(r.chanceP, 0.01)
        // Every limit matters.
        for restriction in box.restrictions {
            for p in [restriction.lowerQuasiP, restriction.upperQuasiP].compactMap({ $0 }) { XCTAssertLessThan(p, 1e-10) }
        }
    }

    func testRecoversThePlantedBoxWhateverTheSeed() throws {
        for seed in UInt64(1)...8 {
            let (design, y, _) = Self.planted(seed: seed)
            assertRecovers(try PRIM(permutations: 0).find(in: design, outcome: y).box, "seed \(seed)")
        }
    }

    func testRecoversThePlantedBoxWithTheGainPerPointObjective() throws {
        let (design, y, _) = Self.planted()
        assertRecovers(try PRIM(objective: .densityGainPerPoint, permutations: 0).find(in: design, outcome: y).box, "lenient objective")
    }

    func testPruningLiftsALimitThatDoesNotMatter() throws {
        // Seed 1: an early peel of x2 (upper limit 0.948) survives to the candidate; its
        // quasi-p-value is 0.25, and lifting it keeps the box dense.
        let (design, y, _) = Self.planted(seed: 1)
        let unpruned = try XCTUnwrap(PRIM(restrictionSignificance: nil, permutations: 0).find(in: design, outcome: y).box)
        XCTAssertEqual(unpruned.restrictions.map(\.parameter.name), ["x1", "x2", "x3"])
        let q = try XCTUnwrap(unpruned.restriction("x2")?.upperQuasiP)
        XCTAssertGreaterThan(q, 0.05)
        let pruned = try XCTUnwrap(PRIM(permutations: 0).find(in: design, outcome: y).box)
        XCTAssertEqual(pruned.restrictions.map(\.parameter.name), ["x1", "x3"])
        XCTAssertGreaterThan(pruned.coverage, unpruned.coverage)
        XCTAssertGreaterThanOrEqual(pruned.density, 0.8)
    }

    func testTrajectoryCoverageFallsMassFallsDensityRises() throws {
        let (design, y, _) = Self.planted()
        let prim = PRIM()
        let r = try prim.find(in: design, outcome: y)
        let t = r.trajectory
        XCTAssertGreaterThan(t.count, 10)
        XCTAssertEqual(t[0].mass, 1)
        XCTAssertEqual(t[0].coverage, 1)
        XCTAssertEqual(t[0].density, r.baseRate)
        XCTAssertEqual(t[0].restrictedCount, 0)
        for s in 1..<t.count {
            XCTAssertLessThanOrEqual(t[s].coverage, t[s - 1].coverage, "step \(s)")
            XCTAssertLessThan(t[s].mass, t[s - 1].mass, "step \(s)")
            XCTAssertGreaterThan(t[s].density, t[s - 1].density, "step \(s)")
            XCTAssertGreaterThanOrEqual(t[s].mass, prim.minimumMass, "step \(s)")
            for j in 0..<4 {  // each box inside the previous one
                XCTAssertGreaterThanOrEqual(t[s].lower[j], t[s - 1].lower[j])
                XCTAssertLessThanOrEqual(t[s].upper[j], t[s - 1].upper[j])
            }
        }
        let c = try XCTUnwrap(r.candidateStep)
        XCTAssertGreaterThanOrEqual(t[c].density, prim.densityThreshold)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(r.box).density, prim.densityThreshold)
        // The selection rule: no qualifying step has a higher F1 score.
        func f1(_ b: PRIMBox) -> Double { 2 * b.coverage * b.density / (b.coverage + b.density) }
        for b in t where b.density >= prim.densityThreshold { XCTAssertLessThanOrEqual(f1(b), f1(t[c])) }
    }

    func testHighestCoverageSelectionTakesTheFirstDenseEnoughStep() throws {
        let (design, y, _) = Self.planted()
        let prim = PRIM(selection: .highestCoverage, permutations: 0)
        let r = try prim.find(in: design, outcome: y)
        let c = try XCTUnwrap(r.candidateStep)
        XCTAssertGreaterThanOrEqual(r.trajectory[c].density, 0.8)
        XCTAssertLessThan(r.trajectory[c - 1].density, 0.8)
        let f1 = try XCTUnwrap(PRIM(permutations: 0).find(in: design, outcome: y).candidateStep)
        XCTAssertLessThan(c, f1)
    }

    func testNoBoxWhenTheOutcomeIgnoresTheParameters() throws {
        for seed in UInt64(1)...3 {
            let (design, _) = Self.uniformDesign(n: 2000, seed: seed)
            var rng = RandomStream(seed: 100 + seed)
            let y = (0..<2000).map { _ in rng.bernoulli(0.3) }
            let r = try PRIM().find(in: design, outcome: y)
            XCTAssertNil(r.box, "seed \(seed)")
            guard case let .notDenseEnough(best)? = r.noBox else { return XCTFail("seed \(seed): \(String(describing: r.noBox))") }
            XCTAssertLessThan(best, 0.8)
            XCTAssertGreaterThan(best, r.baseRate)  // peeling did find something denser, by chance
        }
    }

    /// `n` points, y ~ Bernoulli(`rate`) whatever x.
    static func noise(n: Int, rate: Double, seed: UInt64) -> (PRIMDesign, [Bool]) {
        let (design, _) = uniformDesign(n: n, seed: seed)
        var rng = RandomStream(seed: seed + 1)
        return (design, (0..<n).map { _ in rng.bernoulli(rate) })
    }

    func testChanceCheckRejectsABoxPeeledFromNoiseOnFewPoints() throws {
        // 40 points, y ~ Bernoulli(0.6) whatever x: peeling reaches density 0.83 on 18 points by
        // chance; shuffled outcomes do as well 19 times in 99, so no box.
        let (design, y) = Self.noise(n: 40, rate: 0.6, seed: 6)
        let unchecked = try PRIM(permutations: 0).find(in: design, outcome: y)
        XCTAssertNotNil(unchecked.box, "the threshold alone lets noise through")
        let r = try PRIM().find(in: design, outcome: y)
        XCTAssertNil(r.box)
        guard case let .notBetterThanChance(p)? = r.noBox else { return XCTFail(String(describing: r.noBox)) }
        XCTAssertEqual(p, 0.2)
        XCTAssertEqual(r.chanceP, p)
    }

    func testChanceCheckKeepsFalseBoxesRare() throws {
        // 40 noise data sets of 40 points: without the check, 14 give a box; with it, 2 (a 5 %
        // check: about 2 in 40 expected).
        var unchecked = 0, checked = 0
        for seed in UInt64(1)...40 {
            let (design, y) = Self.noise(n: 40, rate: 0.6, seed: seed)
            if try PRIM(permutations: 0).find(in: design, outcome: y).box != nil { unchecked += 1 }
            if try PRIM().find(in: design, outcome: y).box != nil { checked += 1 }
        }
        XCTAssertGreaterThanOrEqual(unchecked, 10)
        XCTAssertLessThanOrEqual(checked, 4)
    }

    func testNoBoxWithoutACaseOfInterest() throws {
        let (design, _) = Self.uniformDesign(n: 500, seed: 3)
        let r = try PRIM().find(in: design, outcome: Array(repeating: false, count: 500))
        XCTAssertNil(r.box)
        XCTAssertEqual(r.noBox, .noCaseOfInterest)
        XCTAssertEqual(r.trajectory.count, 1, "no peel raises a density of zero")
        let all = try PRIM().find(in: design, outcome: Array(repeating: true, count: 500))
        XCTAssertEqual(all.noBox, .everyPointIsACase)
    }

    func testTwoIdenticalStructuresGiveNoBox() throws {
        // "A decides faster than B", with A and B the same structure under common random numbers:
        // the same latency at every point, so the case never happens.
        let (design, points) = Self.uniformDesign(n: 400, seed: 5)
        let latencyA = points.map { 100 + 300 * $0[0] * $0[1] }
        let latencyB = latencyA
        let r = try PRIM().find(in: design, outcome: zip(latencyA, latencyB).map { $0 < $1 })
        XCTAssertNil(r.box)
        XCTAssertEqual(r.noBox, .noCaseOfInterest)
    }

    func testDiscreteParameterIsPeeledByWholeValues() throws {
        // seats in 0…9 (whole values), x uniform; the case: at least 7 seats.
        var rng = RandomStream(seed: 21)
        let points = (0..<1000).map { _ in [Double(rng.index(10)), rng.uniform()] }
        let design = try PRIMDesign(parameters: [PRIMParameter(name: "seats", lower: 0, upper: 9, isDiscrete: true),
                                                 PRIMParameter(name: "x", lower: 0, upper: 1)], points: points)
        let y = points.map { $0[0] >= 7 }
        let r = try PRIM().find(in: design, outcome: y)
        for b in r.trajectory { XCTAssertEqual(b.lower[0], b.lower[0].rounded(), "limits are values, never midpoints") }
        let box = try XCTUnwrap(r.box)
        XCTAssertEqual(box.restrictions.map(\.parameter.name), ["seats"])
        XCTAssertEqual(box.restriction("seats")?.lower, 7)
        XCTAssertNil(box.restriction("seats")?.upper)
        XCTAssertEqual(box.density, 1)
        XCTAssertEqual(box.coverage, 1)
    }

    func testSameInputsSameResult() throws {
        let (design, y, _) = Self.planted(n: 500, seed: 2)
        let a = try PRIM().find(in: design, outcome: y)
        XCTAssertEqual(a, try PRIM().find(in: design, outcome: y))
        // Another shuffle seed changes at most the chance p-value, never the trajectory.
        let b = try PRIM(seed: 99).find(in: design, outcome: y)
        XCTAssertEqual(a.trajectory, b.trajectory)
        XCTAssertEqual(a.candidateStep, b.candidateStep)
    }

    func testRejectsAnOutcomeOfTheWrongLengthAndOptionsOutOfRange() throws {
        let (design, _) = Self.uniformDesign(n: 10, seed: 1)
        XCTAssertThrowsError(try PRIM().find(in: design, outcome: [true])) {
            XCTAssertEqual(($0 as? PRIMError)?.message, "the outcome has 1 values for 10 points")
        }
        let y = Array(repeating: false, count: 10)
        XCTAssertThrowsError(try PRIM(peelAlpha: 0.5).find(in: design, outcome: y)) {
            XCTAssertEqual(($0 as? PRIMError)?.message, "peelAlpha = 0.5 is outside (0, 0.5)")
        }
        XCTAssertThrowsError(try PRIM(minimumMass: 0).find(in: design, outcome: y))
        XCTAssertThrowsError(try PRIM(permutations: -1).find(in: design, outcome: y))
        XCTAssertNoThrow(try PRIM(minimumMass: 1, densityThreshold: 0, minimumLift: 0).find(in: design, outcome: y))
    }
}
