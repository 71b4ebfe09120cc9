import XCTest
@testable import Concerto

/// The paper's qualitative findings, checked as orderings over random entry sequences
/// (200 runs per variant, seed 1). Numbers measured with these exact rules are in docs/gcm.md.
final class GarbageCanPropertyTests: XCTestCase {
    /// 200 random-entry runs of each of the 81 variants (float arithmetic, seed 1), computed once.
    private static let runs: [GarbageCanVariant: [GarbageCanRunResult]] = {
        var all: [GarbageCanVariant: [GarbageCanRunResult]] = [:]
        for v in GarbageCanVariant.all { all[v] = GarbageCanExperiment.runs(v, mode: .random(runs: 200, seed: 1)) }
        return all
    }()

    /// Mean of `f` over every run of every variant that passes `filter`.
    private func mean(where filter: (GarbageCanVariant) -> Bool, _ f: (GarbageCanRunResult) -> Double) -> Double {
        var sum = 0.0, n = 0
        for (v, rs) in Self.runs where filter(v) { for r in rs { sum += f(r); n += 1 } }
        return sum / Double(n)
    }

    /// Resolutions fall as load rises, averaged over energy, access and decision structures
    /// (measured: light 4.74, moderate 2.40, heavy 1.85).
    func testResolutionsFallAsLoadRises() {
        let r = GarbageCanLoad.allCases.map { l in mean(where: { $0.load == l }) { Double($0.resolution) } }
        XCTAssertGreaterThan(r[0], r[1] + 1)
        XCTAssertGreaterThan(r[1], r[2] + 0.25)
        // Problems solved fall too.
        let s = GarbageCanLoad.allCases.map { l in mean(where: { $0.load == l }) { Double($0.problemsSolved) } }
        XCTAssertGreaterThan(s[0], s[1]); XCTAssertGreaterThan(s[1], s[2])
    }

    /// Specialized access: no choice is ever made by flight, and it has the most resolutions
    /// (measured: specialized 5.58, hierarchical 2.16, unsegmented 1.24).
    func testSpecializedAccessHasNoFlightAndMostResolutions() {
        for (v, rs) in Self.runs where v.access == .specialized {
            for r in rs { XCTAssertEqual(r.flight, 0, "\(v)") }
        }
        let r = GarbageCanStructure.allCases.map { a in mean(where: { $0.access == a }) { Double($0.resolution) } }
        XCTAssertGreaterThan(r[2], r[1] + 1)
        XCTAssertGreaterThan(r[1], r[0])
        // Under the other access structures flight is the most common style.
        for a in [GarbageCanStructure.unsegmented, .hierarchical] {
            XCTAssertGreaterThan(mean(where: { $0.access == a }) { Double($0.flight) },
                                 mean(where: { $0.access == a }) { Double($0.resolution) })
        }
    }

    /// Unsegmented access under moderate or heavy load solves no problem at all, in every run.
    func testUnsegmentedAccessUnderModerateOrHeavyLoadSolvesNothing() {
        for (v, rs) in Self.runs where v.access == .unsegmented && v.load != .light {
            for r in rs { XCTAssertEqual(r.problemsSolved, 0, "\(v)") }
        }
        // Under light load it does solve problems (measured mean 10.05 of 20).
        XCTAssertGreaterThan(mean(where: { $0.access == .unsegmented && $0.load == .light }) { Double($0.problemsSolved) }, 5)
    }

    /// Hierarchical access: important problems (0–9) are solved more often than unimportant ones
    /// (10–19) (measured 0.363 vs 0.303), and important choices (0–4) are made by resolution less
    /// often than unimportant ones (5–9) (measured 0.164 vs 0.267).
    func testHierarchicalAccessFavoursImportantProblemsAndNotImportantChoices() {
        let h: (GarbageCanVariant) -> Bool = { $0.access == .hierarchical }
        let importantProblems = mean(where: h) { Double($0.problemSolvedByChoice[0..<10].compactMap { $0 }.count) / 10 }
        let otherProblems = mean(where: h) { Double($0.problemSolvedByChoice[10..<20].compactMap { $0 }.count) / 10 }
        XCTAssertGreaterThan(importantProblems, otherProblems + 0.03)
        let importantChoices = mean(where: h) { Double($0.choiceStyle[0..<5].filter { $0 == .resolution }.count) / 5 }
        let otherChoices = mean(where: h) { Double($0.choiceStyle[5..<10].filter { $0 == .resolution }.count) / 5 }
        XCTAssertLessThan(importantChoices, otherChoices - 0.05)
        // The most important problem pair beats the least important pair; the least important
        // choice resolves most often.
        let pairRate = { (p: Int) in self.mean(where: h) { Double(($0.problemSolvedByChoice[p] != nil ? 1 : 0) + ($0.problemSolvedByChoice[p + 1] != nil ? 1 : 0)) / 2 } }
        XCTAssertGreaterThan(pairRate(0), pairRate(18))
        let choiceRate = { (c: Int) in self.mean(where: h) { $0.choiceStyle[c] == .resolution ? 1 : 0 } }
        XCTAssertGreaterThan(choiceRate(9), choiceRate(0))
    }

    /// The same orderings hold for the four original entry sequences and in exact arithmetic.
    func testOrderingsAlsoHoldForOriginalEntriesInBothArithmetics() {
        for arithmetic in GarbageCanArithmetic.allCases {
            let s = GarbageCanExperiment.summaries(arithmetic: arithmetic)
            func avg(_ filter: (GarbageCanSummary) -> Bool, _ f: (GarbageCanSummary) -> Double) -> Double {
                let m = s.filter(filter); return m.map(f).reduce(0, +) / Double(m.count)
            }
            let load = GarbageCanLoad.allCases.map { l in avg({ $0.variant.load == l }, \.resolution) }
            XCTAssertGreaterThan(load[0], load[1]); XCTAssertGreaterThan(load[1], load[2])
            XCTAssertEqual(avg({ $0.variant.access == .specialized }, \.flight), 0)
            let access = GarbageCanStructure.allCases.map { a in avg({ $0.variant.access == a }, \.resolution) }
            XCTAssertGreaterThan(access[2], access[1]); XCTAssertGreaterThan(access[1], access[0])
            XCTAssertEqual(avg({ $0.variant.access == .unsegmented && $0.variant.load != .light }, \.problemsSolved), 0)
        }
    }
}
