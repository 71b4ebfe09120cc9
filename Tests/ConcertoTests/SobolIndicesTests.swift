import Foundation
import XCTest
@testable import Concerto

final class SobolIndicesTests: XCTestCase {
    /// The Ishigami function (Ishigami & Homma 1990), a = 7, b = 0.1, x_i uniform on [−π, π].
    static let problem = SensitivityProblem((1...3).map {
        .init(name: "x\($0)", distribution: .uniform(low: -Double.pi, high: Double.pi))
    })
    static func ishigami(_ x: [Double]) -> Double {
        sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    /// Analytic indices (Sobol & Levitan 1999; Saltelli et al. 2008, §4.8): with
    /// V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13.
    static let analytic: (firstOrder: [Double], total: [Double]) = {
        let (a, b, pi4) = (7.0, 0.1, pow(Double.pi, 4))
        let v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5)
        let v2 = a * a / 8
        let v13 = b * b * pi4 * pi4 * (1.0 / 18 - 1.0 / 50)
        let v = v1 + v2 + v13
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }()

    func testAnalyticIshigamiIndicesAreThePublishedOnes() {
        let published = ([0.3139, 0.4424, 0], [0.5576, 0.4424, 0.2437])
        for i in 0..<3 {
            XCTAssertEqual(Self.analytic.firstOrder[i], published.0[i], accuracy: 1e-4)
            XCTAssertEqual(Self.analytic.total[i], published.1[i], accuracy: 1e-4)
        }
    }

    func testIshigamiIndicesFallInTheirBootstrapIntervals() throws {
        let design = SaltelliDesign(parameters: 3, baseRows: 4096)
        let s = try SobolIndices(problem: Self.problem, design: design, seed: 2024, model: Self.ishigami)
        for i in 0..<3 {
            for (name, e, truth) in [("S1", s.firstOrder[i], Self.analytic.firstOrder[i]), ("ST", s.total[i], Self.analytic.total[i])] {
                XCTAssertTrue(e.low <= truth && truth <= e.high, "\(name)_\(i + 1) = \(e.value) ± \(e.halfWidth) misses \(truth)")
                XCTAssertTrue(e.percentileLow <= truth && truth <= e.percentileHigh, "\(name)_\(i + 1) percentile interval misses \(truth)")
                // SALib reports the interval as its half-width z·sd (`S1_conf`): below 0.05 here.
                XCTAssertLessThan(e.halfWidth, 0.05, "\(name)_\(i + 1) interval too wide")
                XCTAssertGreaterThan(e.halfWidth, 0)
            }
        }
        for i in 0..<3 {
            print(String(format: "Ishigami x%d  S1 %.4f ± %.4f [%.4f, %.4f]  ST %.4f ± %.4f [%.4f, %.4f]  half-sample S1 %.4f ST %.4f", i + 1,
                         s.firstOrder[i].value, s.firstOrder[i].halfWidth, s.firstOrder[i].percentileLow, s.firstOrder[i].percentileHigh,
                         s.total[i].value, s.total[i].halfWidth, s.total[i].percentileLow, s.total[i].percentileHigh,
                         s.convergence.firstOrder[i], s.convergence.total[i]))
        }
        // V of Ishigami is a²/8 + bπ⁴/5 + b²π⁸/18 + ½ = 13.8446.
        XCTAssertEqual(s.variance, 13.8446, accuracy: 0.3)
        XCTAssertEqual(s.convergence.baseRows, 2048)
        XCTAssertLessThan(s.convergence.largestChange, 0.05)
        XCTAssertEqual(s.convergence.firstOrder.count, 3)
    }

    func testAnAdditiveModelsIndicesAreItsShares() throws {
        // f = Σ c_i x_i with x_i uniform: S1_i = ST_i = c_i² / Σ c_j²; a parameter the model
        // ignores gets 0 with a zero-width interval around it.
        let c = [1.0, 2.0, 3.0, 0.0]
        let problem = SensitivityProblem((0..<4).map { .init(name: "p\($0)", distribution: .uniform(low: 0, high: 1)) })
        let s = try SobolIndices(problem: problem, design: SaltelliDesign(parameters: 4, baseRows: 1024), resamples: 200, seed: 3) {
            zip(c, $0).reduce(0) { $0 + $1.0 * $1.1 }
        }
        for i in 0..<4 {
            XCTAssertEqual(s.firstOrder[i].value, c[i] * c[i] / 14, accuracy: 0.01)
            XCTAssertEqual(s.total[i].value, c[i] * c[i] / 14, accuracy: 0.01)
        }
        XCTAssertEqual(s.total[3].value, 0)
        XCTAssertEqual(s.total[3].halfWidth, 0)
    }

    func testOutputsInDesignOrderGiveTheClosureResult() throws {
        // The runner's path (design, then outputs) and the closure's path agree; shuffling the
        // outputs across roles destroys the indices (the estimator reads rows by role).
        let design = SaltelliDesign(parameters: 3, baseRows: 256)
        let outputs = design.points.map { Self.ishigami(Self.problem.values(at: $0)) }
        let byOutputs = try SobolIndices(design: design, outputs: outputs, resamples: 50, seed: 9)
        let byClosure = try SobolIndices(problem: Self.problem, design: design, resamples: 50, seed: 9, model: Self.ishigami)
        XCTAssertEqual(byOutputs, byClosure)
        let rotated = Array(outputs[1...]) + [outputs[0]]
        let wrong = try SobolIndices(design: design, outputs: rotated, resamples: 50, seed: 9)
        XCTAssertGreaterThan(abs(wrong.firstOrder[1].value - byOutputs.firstOrder[1].value), 0.1)
    }

    func testBootstrapIsDeterministicGivenItsSeed() throws {
        let design = SaltelliDesign(parameters: 3, baseRows: 128)
        let outputs = design.points.map { Self.ishigami(Self.problem.values(at: $0)) }
        let a = try SobolIndices(design: design, outputs: outputs, resamples: 100, seed: 1)
        XCTAssertEqual(a, try SobolIndices(design: design, outputs: outputs, resamples: 100, seed: 1))
        XCTAssertNotEqual(a.firstOrder[0].halfWidth, try SobolIndices(design: design, outputs: outputs, resamples: 100, seed: 2).firstOrder[0].halfWidth)
    }

    func testCenteringOnTheMeanAsSALibDoes() throws {
        // Adding a constant to every output leaves SALib's indices unchanged (it centres Y);
        // without centring, S1 = mean(f(B)(f(AB) − f(A)))/V would move with the constant.
        let design = SaltelliDesign(parameters: 3, baseRows: 256)
        let outputs = design.points.map { Self.ishigami(Self.problem.values(at: $0)) }
        let plain = try SobolIndices(design: design, outputs: outputs, resamples: 20)
        let shifted = try SobolIndices(design: design, outputs: outputs.map { $0 + 1000 }, resamples: 20)
        for i in 0..<3 { XCTAssertEqual(plain.firstOrder[i].value, shifted.firstOrder[i].value, accuracy: 1e-9) }
    }

    func testOutputsThatCannotBeAnalysed() {
        let design = SaltelliDesign(parameters: 2, baseRows: 4)
        XCTAssertThrowsError(try SobolIndices(design: design, outputs: [1, 2, 3])) {
            XCTAssertEqual($0 as? SensitivityError, .outputCount(expected: 16, got: 3))
        }
        var outputs = [Double](repeating: 1, count: 16)
        outputs[5] = .nan
        XCTAssertThrowsError(try SobolIndices(design: design, outputs: outputs)) {
            XCTAssertEqual(($0 as? SensitivityError)?.description, "the output of design row 5 is nan, not a finite number")
        }
        let constant = try? SobolIndices(design: design, outputs: [Double](repeating: 4, count: 16), resamples: 10)
        XCTAssertEqual(constant?.firstOrder.map(\.value), [0, 0])
        XCTAssertEqual(constant?.total.map(\.halfWidth), [0, 0])
    }

    /// Writes Concerto's Ishigami design, outputs, indices and bootstrap resamples as CSV for
    /// `Benchmarks/peers/salib_check.py`; runs only when CONCERTO_SALIB_OUT names a folder.
    func testWritesTheIshigamiCaseForSALib() throws {
        guard let folder = ProcessInfo.processInfo.environment["CONCERTO_SALIB_OUT"] else {
            throw XCTSkip("set CONCERTO_SALIB_OUT to a folder to write the SALib cross-check files")
        }
        let n = 1024, resamples = 100, seed: UInt64 = 77
        let design = SaltelliDesign(parameters: 3, baseRows: n)
        let values = Self.problem.values(at: design.points)
        let outputs = values.map(Self.ishigami)
        let s = try SobolIndices(design: design, outputs: outputs, resamples: resamples, seed: seed)
        func csv(_ header: String, _ rows: [[Double]]) -> String {
            ([header] + rows.map { $0.map { "\($0)" }.joined(separator: ",") }).joined(separator: "\n") + "\n"
        }
        let url = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try csv("u1,u2,u3", design.points).write(to: url.appendingPathComponent("saltelli_unit.csv"), atomically: true, encoding: .utf8)
        try csv("x1,x2,x3,y", zip(values, outputs).map { $0 + [$1] }).write(to: url.appendingPathComponent("ishigami.csv"), atomically: true, encoding: .utf8)
        try csv("S1,S1_conf,ST,ST_conf", (0..<3).map { [s.firstOrder[$0].value, s.firstOrder[$0].halfWidth, s.total[$0].value, s.total[$0].halfWidth] })
            .write(to: url.appendingPathComponent("concerto_sobol.csv"), atomically: true, encoding: .utf8)
        let rows = SobolIndices.bootstrapRows(baseRows: n, resamples: resamples, seed: seed)
        try csv((0..<n).map { "r\($0)" }.joined(separator: ","), rows.map { $0.map(Double.init) })
            .write(to: url.appendingPathComponent("bootstrap_rows.csv"), atomically: true, encoding: .utf8)
        try "\(n),\(resamples),\(design.skipped)\n".write(to: url.appendingPathComponent("saltelli_meta.csv"), atomically: true, encoding: .utf8)
    }
}
