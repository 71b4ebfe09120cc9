import Foundation
import XCTest
@testable import Concerto

final class MorrisEffectsTests: XCTestCase {
    /// Sobol's G-function, Π (|4x_i − 2| + a_i)/(1 + a_i) on [0, 1]^8: the smaller a_i, the
    /// more x_i matters (Saltelli et al. 2008, §3.7; Campolongo et al. 2007).
    static let a: [Double] = [0, 1, 4.5, 9, 99, 99, 99, 99]
    static func g(_ x: [Double]) -> Double {
        zip(x, a).reduce(1) { $0 * (abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }
    }
    static let problem = SensitivityProblem((1...8).map { .init(name: "x\($0)", distribution: .uniform(low: 0, high: 1)) })

    func testMuStarRanksTheGFunctionsParametersInTheirKnownOrder() throws {
        let design = MorrisDesign(parameters: 8, trajectories: 100, seed: 2024)
        let m = try MorrisEffects(problem: Self.problem, design: design, seed: 7, model: Self.g)
        print("G-function μ*: " + m.parameters.enumerated().map { String(format: "x%d %.4f±%.4f", $0 + 1, $1.muStar, $1.muStarHalfWidth) }.joined(separator: ", "))
        print("G-function ranking by μ*: \(m.ranking.map { $0 + 1 })")
        XCTAssertEqual(Array(m.ranking.prefix(4)), [0, 1, 2, 3])
        let mu = m.parameters.map(\.muStar)
        for i in 0..<3 {
            XCTAssertGreaterThan(mu[i] - m.parameters[i].muStarHalfWidth, mu[i + 1] + m.parameters[i + 1].muStarHalfWidth,
                                 "x\(i + 1) above x\(i + 2) beyond their intervals")
        }
        // The four with a = 99: small (a tenth of x4's or less) and nearly equal.
        let small = mu[4...]
        XCTAssertLessThan(small.max()!, 0.2 * mu[3])
        XCTAssertLessThan(small.max()! / small.min()!, 1.5)
        for p in m.parameters { XCTAssertTrue(p.muStarPercentileLow <= p.muStar && p.muStar <= p.muStarPercentileHigh) }
    }

    func testRankingFollowsTheParametersNotThePositions() throws {
        // Metamorphic: feeding the G-function its coordinates in reverse reverses the ranking.
        let design = MorrisDesign(parameters: 8, trajectories: 100, seed: 2024)
        let m = try MorrisEffects(problem: Self.problem, design: design, seed: 7) { Self.g($0.reversed()) }
        XCTAssertEqual(Array(m.ranking.prefix(4)), [7, 6, 5, 4])
    }

    func testALinearModelsEffectsAreItsSlopes() throws {
        // f = Σ c_i x_i on x uniform in [lo, hi]: every effect of x_i is c_i·(hi − lo) per unit
        // of the cube, so μ = c_i(hi − lo), μ* = |μ|, σ = 0.
        let c = [3.0, -2.0, 0.5]
        let problem = SensitivityProblem((0..<3).map { .init(name: "p\($0)", distribution: .uniform(low: 10, high: 14)) })
        let design = MorrisDesign(parameters: 3, trajectories: 10, levels: 6, seed: 1)
        let m = try MorrisEffects(problem: problem, design: design, resamples: 50) { zip(c, $0).reduce(0) { $0 + $1.0 * $1.1 } }
        for i in 0..<3 {
            XCTAssertEqual(m.parameters[i].mu, c[i] * 4, accuracy: 1e-9)
            XCTAssertEqual(m.parameters[i].muStar, abs(c[i]) * 4, accuracy: 1e-9)
            XCTAssertEqual(m.parameters[i].sigma, 0, accuracy: 1e-9)
            XCTAssertEqual(m.parameters[i].muStarHalfWidth, 0, accuracy: 1e-9)
        }
        XCTAssertEqual(m.ranking, [0, 1, 2])
    }

    func testEffectsFromOutputsMatchTheClosureAndCheckTheirCount() throws {
        let design = MorrisDesign(parameters: 8, trajectories: 20, seed: 3)
        let outputs = design.points.map { Self.g(Self.problem.values(at: $0)) }
        XCTAssertEqual(try MorrisEffects(design: design, outputs: outputs, resamples: 30),
                       try MorrisEffects(problem: Self.problem, design: design, resamples: 30, model: Self.g))
        XCTAssertThrowsError(try MorrisEffects(design: design, outputs: Array(outputs.dropLast()))) {
            XCTAssertEqual($0 as? SensitivityError, .outputCount(expected: 180, got: 179))
        }
    }

    /// Writes a Morris design on the G-function and Concerto's μ, μ*, σ for
    /// `Benchmarks/peers/salib_check.py`; runs only when CONCERTO_SALIB_OUT names a folder.
    func testWritesTheGFunctionCaseForSALib() throws {
        guard let folder = ProcessInfo.processInfo.environment["CONCERTO_SALIB_OUT"] else {
            throw XCTSkip("set CONCERTO_SALIB_OUT to a folder to write the SALib cross-check files")
        }
        let design = MorrisDesign(parameters: 8, trajectories: 100, seed: 2024)
        let outputs = design.points.map(Self.g)
        let m = try MorrisEffects(design: design, outputs: outputs, seed: 7)
        let url = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let rows = zip(design.points, outputs).map { ($0 + [$1]).map { "\($0)" }.joined(separator: ",") }
        try ((["x1,x2,x3,x4,x5,x6,x7,x8,y"] + rows).joined(separator: "\n") + "\n")
            .write(to: url.appendingPathComponent("morris_g.csv"), atomically: true, encoding: .utf8)
        let summary = m.parameters.map { "\($0.mu),\($0.muStar),\($0.sigma),\($0.muStarHalfWidth)" }
        try ((["mu,mu_star,sigma,mu_star_conf"] + summary).joined(separator: "\n") + "\n")
            .write(to: url.appendingPathComponent("concerto_morris.csv"), atomically: true, encoding: .utf8)
    }
}
