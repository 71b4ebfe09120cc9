import Foundation
import XCTest
@testable import Concerto

/// One record of Fixtures/gcm-1972-golden.json (a port of the published Fortran).
private struct GarbageCanGoldenRecord: Decodable {
    struct Run: Decodable, Equatable {
        var choice_close_period: [Int?]
        var problem_solved_by_choice: [Int?]
        var resolution: Int
        var flight: Int
        var oversight: Int
        var problems_solved: Int
    }
    var load: String
    var energy: String
    var access: String
    var decision: String
    var entry_seq: Int
    var float_run: Run
    var exact_run: Run
    var identical: Bool

    /// `load` is written `light(1.1)`: the name is the part before the parenthesis.
    var variant: GarbageCanVariant? {
        let loadName = String(load.prefix { $0 != "(" })
        return GarbageCanVariant(parsing: "\(loadName),\(energy),\(access),\(decision)")
    }
}

private extension GarbageCanGoldenRecord.Run {
    init(_ r: GarbageCanRunResult) {
        self.init(choice_close_period: r.choiceClosePeriod, problem_solved_by_choice: r.problemSolvedByChoice,
                  resolution: r.resolution, flight: r.flight, oversight: r.oversight, problems_solved: r.problemsSolved)
    }
}

final class GarbageCanTests: XCTestCase {
    private static func loadGolden() throws -> [GarbageCanGoldenRecord] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gcm-1972-golden.json")
        return try JSONDecoder().decode([GarbageCanGoldenRecord].self, from: Data(contentsOf: url))
    }

    // MARK: Golden file (Cohen, March & Olsen 1972, published Fortran)

    func testGoldenFileShape() throws {
        let golden = try Self.loadGolden()
        XCTAssertEqual(golden.count, 324)
        XCTAssertEqual(golden.filter { !$0.identical }.count, 15)
        // The file lists the variants in `GarbageCanVariant.all` order, four entry sequences each.
        for (i, rec) in golden.enumerated() {
            XCTAssertEqual(rec.variant, GarbageCanVariant.all[i / 4], "record \(i)")
            XCTAssertEqual(rec.entry_seq, i % 4, "record \(i)")
        }
    }

    func testReproducesAllFloatRunsBitForBit() throws {
        let golden = try Self.loadGolden()
        var matched = 0
        for rec in golden {
            let variant = try XCTUnwrap(rec.variant)
            let got = GarbageCanGoldenRecord.Run(GarbageCanModel.run(variant, entry: .original(rec.entry_seq), arithmetic: .float))
            if got == rec.float_run { matched += 1 } else {
                XCTFail("float run differs: \(variant) entry \(rec.entry_seq)\n got \(got)\nwant \(rec.float_run)")
            }
        }
        XCTAssertEqual(matched, 324)
    }

    func testReproducesAllExactRuns() throws {
        let golden = try Self.loadGolden()
        var matched = 0
        for rec in golden {
            let variant = try XCTUnwrap(rec.variant)
            let got = GarbageCanGoldenRecord.Run(GarbageCanModel.run(variant, entry: .original(rec.entry_seq), arithmetic: .exact))
            if got == rec.exact_run { matched += 1 } else {
                XCTFail("exact run differs: \(variant) entry \(rec.entry_seq)\n got \(got)\nwant \(rec.exact_run)")
            }
        }
        XCTAssertEqual(matched, 324)
    }

    /// The 15 runs where doubles and exact integers disagree really do disagree in the model too.
    func testFloatAndExactDisagreeExactlyWhereTheGoldenFileSays() throws {
        let golden = try Self.loadGolden()
        for rec in golden {
            let variant = try XCTUnwrap(rec.variant)
            let f = GarbageCanModel.run(variant, entry: .original(rec.entry_seq), arithmetic: .float)
            let e = GarbageCanModel.run(variant, entry: .original(rec.entry_seq), arithmetic: .exact)
            XCTAssertEqual(GarbageCanGoldenRecord.Run(f) == GarbageCanGoldenRecord.Run(e), rec.identical, "\(variant) entry \(rec.entry_seq)")
        }
    }

    // MARK: Inputs

    func testEnergiesAndLoads() {
        XCTAssertEqual(GarbageCanEnergyDistribution.importantLess.exactEnergies, [6, 12, 18, 24, 30, 36, 42, 48, 54, 60])
        XCTAssertEqual(GarbageCanEnergyDistribution.equal.exactEnergies, [Int](repeating: 33, count: 10))
        XCTAssertEqual(GarbageCanEnergyDistribution.importantMore.exactEnergies, [60, 54, 48, 42, 36, 30, 24, 18, 12, 6])
        for e in GarbageCanEnergyDistribution.allCases {
            XCTAssertEqual(e.exactEnergies, e.energies.map { Int(rint($0 * 100)) })
        }
        // The doubles are the published products (0.1·k)·0.6, not the nearest doubles to k·0.06.
        XCTAssertEqual(GarbageCanEnergyDistribution.importantLess.energies[2], 0.18000000000000002)
        XCTAssertEqual(GarbageCanEnergyDistribution.importantMore.energies[9], 0.060000000000000116)
        XCTAssertEqual(GarbageCanLoad.allCases.map(\.energyPerProblem), [1.1, 2.2, 3.3])
        XCTAssertEqual(GarbageCanLoad.allCases.map(\.exactEnergyPerProblem), [110, 220, 330])
    }

    func testVariantIndexAndParsing() {
        XCTAssertEqual(GarbageCanVariant.all.count, 81)
        XCTAssertEqual(Set(GarbageCanVariant.all).count, 81)
        for (i, v) in GarbageCanVariant.all.enumerated() {
            XCTAssertEqual(v.index, i)
            XCTAssertEqual(GarbageCanVariant(parsing: v.description), v)
        }
        let v = GarbageCanVariant(parsing: "light,equal,hierarchical,specialized")
        XCTAssertEqual(v, GarbageCanVariant(load: .light, energy: .equal, access: .hierarchical, decision: .specialized))
        XCTAssertNil(GarbageCanVariant(parsing: "light,foo,x,y"))
        XCTAssertNil(GarbageCanVariant(parsing: "light,equal,hierarchical"))
        XCTAssertNil(GarbageCanVariant(parsing: "light,equal,hierarchical,specialized,extra"))
        XCTAssertNil(GarbageCanVariant(index: 81))
    }

    func testStructures() {
        XCTAssertTrue(GarbageCanStructure.hierarchical.problem(0, reaches: 0))
        XCTAssertTrue(GarbageCanStructure.hierarchical.problem(19, reaches: 9))
        XCTAssertFalse(GarbageCanStructure.hierarchical.problem(19, reaches: 8))
        XCTAssertTrue(GarbageCanStructure.specialized.problem(5, reaches: 2))
        XCTAssertFalse(GarbageCanStructure.specialized.problem(5, reaches: 3))
        XCTAssertTrue(GarbageCanStructure.hierarchical.decisionMaker(3, joins: 3))
        XCTAssertFalse(GarbageCanStructure.hierarchical.decisionMaker(3, joins: 2))
        XCTAssertTrue(GarbageCanStructure.specialized.decisionMaker(4, joins: 4))
        XCTAssertFalse(GarbageCanStructure.specialized.decisionMaker(4, joins: 5))
        XCTAssertTrue(GarbageCanStructure.unsegmented.problem(19, reaches: 0))
        XCTAssertTrue(GarbageCanStructure.unsegmented.decisionMaker(9, joins: 0))
    }

    func testEntrySequences() {
        XCTAssertEqual(GarbageCanEntrySequence.original(3).choiceOrder, [5, 4, 1, 9, 7, 8, 6, 3, 0, 2])
        XCTAssertEqual(GarbageCanEntrySequence.original(3).problemOrder.first, 3)
        XCTAssertEqual(GarbageCanEntrySequence.original(1).problemOrder.first, 7)
        XCTAssertNil(GarbageCanEntrySequence(choiceOrder: [0, 0, 1, 2, 3, 4, 5, 6, 7, 8], problemOrder: Array(0..<20)))
        XCTAssertNil(GarbageCanEntrySequence(choiceOrder: Array(0..<10), problemOrder: Array(0..<19)))
        XCTAssertNotNil(GarbageCanEntrySequence(choiceOrder: Array(0..<10), problemOrder: Array(0..<20)))
    }

    // MARK: Invariants of every run

    func testRunInvariants() {
        for arithmetic in GarbageCanArithmetic.allCases {
            for variant in GarbageCanVariant.all {
                for r in GarbageCanExperiment.runs(variant, mode: .random(runs: 10, seed: 7), arithmetic: arithmetic)
                    + GarbageCanExperiment.runs(variant, mode: .original, arithmetic: arithmetic) {
                    XCTAssertEqual(r.resolution + r.flight + r.oversight + r.choicesUnmade, 10)
                    XCTAssertEqual(r.choiceClosePeriod.compactMap { $0 }.count, 10 - r.choicesUnmade)
                    XCTAssertEqual(r.problemSolvedByChoice.compactMap { $0 }.count, r.problemsSolved)
                    XCTAssertEqual(r.choiceStyle.filter { $0 == .resolution }.count, r.resolution)
                    XCTAssertEqual(r.choiceStyle.filter { $0 == .flight }.count, r.flight)
                    XCTAssertEqual(r.choiceStyle.filter { $0 == .oversight }.count, r.oversight)
                    // Each resolved choice solved something; every solver was made; structure respected.
                    for (p, c) in r.problemSolvedByChoice.enumerated() {
                        guard let c else { continue }
                        XCTAssertEqual(r.choiceStyle[c], .resolution)
                        XCTAssertTrue(variant.access.problem(p, reaches: c))
                    }
                    // Problem-periods: latency + activity + solved periods never exceed 20 problems × 20 periods.
                    XCTAssertLessThanOrEqual(r.problemLatency + r.problemActivity, 400)
                    XCTAssertLessThanOrEqual(r.decisionMakerMoves, 10 * 19)
                    if variant.decision == .specialized { XCTAssertEqual(r.decisionMakerMoves, 0) }
                }
            }
        }
    }

    /// A hand-checked small case: with specialized access and decision, choice c only meets
    /// problems 2c, 2c+1 and decision maker c.
    func testSpecializedSpecializedIsSeparable() {
        let v = GarbageCanVariant(load: .light, energy: .equal, access: .specialized, decision: .specialized)
        let r = GarbageCanModel.run(v, entry: .original(0), arithmetic: .exact)
        for (p, c) in r.problemSolvedByChoice.enumerated() { if let c { XCTAssertEqual(c, p / 2) } }
        XCTAssertEqual(r.decisionMakerMoves, 0)
    }

    // MARK: Random entry

    func testRandomGeneratorReference() {
        // xoshiro256** reference (Vigna): state {1, 2, 3, 4} gives 11520, 0, 1509978240, 1215971899390074240.
        var r = GarbageCanRandom(state: (1, 2, 3, 4))
        XCTAssertEqual([r.next(), r.next(), r.next(), r.next()], [11520, 0, 1509978240, 1215971899390074240])
        // SplitMix64 with seed 1234567: 6457827717110365317, 3203168211198807973.
        var s: UInt64 = 1234567
        XCTAssertEqual(GarbageCanRandom.splitMix(&s), 6457827717110365317)
        XCTAssertEqual(GarbageCanRandom.splitMix(&s), 3203168211198807973)
    }

    func testBoundedDrawsAreInRangeAndRoughlyUniform() {
        var r = GarbageCanRandom(seed: 99)
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<100_000 { counts[r.next(below: 10)] += 1 }
        for c in counts { XCTAssertEqual(Double(c), 10_000, accuracy: 500) }
    }

    func testRandomEntryIsDeterministicPerSeedAndDiffersAcrossSeeds() {
        let v = GarbageCanVariant(load: .moderate, energy: .equal, access: .hierarchical, decision: .hierarchical)
        let a = GarbageCanExperiment.runs(v, mode: .random(runs: 20, seed: 5))
        let b = GarbageCanExperiment.runs(v, mode: .random(runs: 20, seed: 5))
        XCTAssertEqual(a, b)
        let e1 = (0..<20).map { GarbageCanExperiment.entrySequence(variant: v, run: $0, mode: .random(runs: 20, seed: 5)) }
        let e2 = (0..<20).map { GarbageCanExperiment.entrySequence(variant: v, run: $0, mode: .random(runs: 20, seed: 6)) }
        XCTAssertNotEqual(e1, e2)
        XCTAssertEqual(Set(e1).count, 20, "runs draw different sequences")
        // Each sequence is a valid permutation (the failable init checks it).
        for e in e1 { XCTAssertNotNil(GarbageCanEntrySequence(choiceOrder: e.choiceOrder, problemOrder: e.problemOrder)) }
    }

    // MARK: Speed

    func testAllVariantsOriginalEntriesRunFast() {
        let start = ContinuousClock.now
        let s = GarbageCanExperiment.summaries()
        let elapsed = ContinuousClock.now - start
        XCTAssertEqual(s.count, 81)
        // Well under a second even in a debug build.
        XCTAssertLessThan(elapsed, .seconds(1))
    }
}
