import XCTest
@testable import Concerto

/// Calibration by approximate Bayesian computation: it recovers values Concerto itself used to
/// write records, and its result does not depend on the threads.
final class CalibrationABCTests: XCTestCase {
    /// One body meeting monthly; issues at `rate` a year, consensus with probability `p`, else
    /// a vote at a later meeting. 3 years.
    func scenario(rate: Double, consensus: Double) throws -> JSONValue {
        var obj = TestScenarios.singleServer(periodDays: 30, ratePerYear: rate, years: 3)
        obj["deliberation"] = ["model": "probabilistic", "consensusProbability": consensus]
        return try JSONValue.parse(JSONSerialization.data(withJSONObject: obj))
    }

    func structure(_ tree: JSONValue) throws -> Structure {
        var c = ScenarioCompiler(file: "test.json")
        return try c.compile(try ScenarioLoader.decode(tree, file: "test.json"))
    }

    /// The records of one replication at the true values, and their statistics.
    func observed(rate: Double, consensus: Double, seed: UInt64) throws -> [Double] {
        let s = try structure(try scenario(rate: rate, consensus: consensus))
        var r = Replication(structure: s, seed: seed, replication: 0, recordMinutes: true)
        _ = r.run()
        let records = Records(minutes: r.minutes!, structure: s)
        return ObservedRun.result(records, structure: s, catalog: CalibrationStatistics.catalog(for: s)).values
    }

    let parameters = [
        Uncertainty(path: "issueKinds.k.ratePerYear", distribution: .uniform(low: 2, high: 40), nominal: 12, declaredIn: "test"),
        Uncertainty(path: "deliberation.consensusProbability", distribution: .uniform(low: 0.05, high: 1), nominal: 0.5, declaredIn: "test"),
    ]

    func settings(threads: Int) -> CalibrationSettings {
        var s = CalibrationSettings()
        s.particles = 60; s.rejectionDraws = 600; s.generations = 3; s.seed = 5; s.threads = threads; s.batch = 32
        return s
    }

    func testRecoversIssueRateAndConsensusProbability() throws {
        let truth = (rate: 24.0, consensus: 0.4)
        let obs = try observed(rate: truth.rate, consensus: truth.consensus, seed: 77)
        let r = try Calibration.run(tree: try scenario(rate: 12, consensus: 0.5), file: "test.json", parameters: parameters, observed: obs, settings: settings(threads: 2))
        XCTAssertEqual(r.values.count, 60)
        XCTAssertEqual(r.weights.reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertGreaterThan(r.tolerances.count, 1, "at least one SMC generation")
        for (k, t) in [truth.rate, truth.consensus].enumerated() {
            let (lo, hi) = r.interval(k, 0.9)
            XCTAssertTrue(lo <= t && t <= hi, "\(parameters[k].path): true \(t) outside the 90% interval [\(lo), \(hi)]")
            // The records say something: the interval is narrower than half the range tried.
            let range = parameters[k].distribution.support
            XCTAssertLessThan(hi - lo, 0.5 * (range.upperBound - range.lowerBound), "\(parameters[k].path): [\(lo), \(hi)]")
        }
    }

    func testHighestDensityIntervalIsTheShortestAndReachesABoundAtTheEdge() {
        func result(_ xs: [Double], _ ws: [Double]) -> CalibrationResult {
            CalibrationResult(parameters: [Uncertainty(path: "x", distribution: .uniform(low: 0, high: 10), nominal: 5, declaredIn: "test")],
                              statistics: [], observed: [], scales: [], values: xs.map { [$0] }, weights: ws, distances: xs.map { _ in 0 },
                              predictive: [], tolerances: [], simulations: 0, rejectedOutsidePrior: 0, stoppedEarly: false)
        }
        // Weights 0.05, 0.3, 0.3, 0.3, 0.05 on 1…5: the three middle ones hold 90%.
        let middle = result([1, 2, 3, 4, 5], [0.05, 0.3, 0.3, 0.3, 0.05]).interval(0, 0.9)
        XCTAssertEqual(middle.low, 2); XCTAssertEqual(middle.high, 4)  // 0.9 on 2…4, shorter than 1…4
        // Mass piled at the top of the range: the interval runs to the bound 10.
        let top = result([3, 8, 9, 9.5, 9.9], [0.02, 0.2, 0.25, 0.25, 0.28]).interval(0, 0.9)
        // ... but not when its end is far from it (more than 2.5% of the range).
        let far = result([3, 8, 9, 9.2, 9.4], [0.02, 0.2, 0.25, 0.25, 0.28]).interval(0, 0.9)
        XCTAssertEqual(far.high, 9.4)
        let nearLow = result([0.2, 1, 2, 3, 9], [0.3, 0.3, 0.3, 0.05, 0.05]).interval(0, 0.9)
        XCTAssertEqual(nearLow.low, 0); XCTAssertEqual(nearLow.high, 2)
        XCTAssertEqual(top.low, 8); XCTAssertEqual(top.high, 10)
    }

    func testResultDoesNotDependOnThreads() throws {
        let obs = try observed(rate: 10, consensus: 0.7, seed: 3)
        var small = settings(threads: 1)
        small.particles = 30; small.rejectionDraws = 120; small.generations = 1
        let tree = try scenario(rate: 12, consensus: 0.5)
        let one = try Calibration.run(tree: tree, file: "test.json", parameters: parameters, observed: obs, settings: small)
        small.threads = 3
        let three = try Calibration.run(tree: tree, file: "test.json", parameters: parameters, observed: obs, settings: small)
        XCTAssertEqual(one.values, three.values)
        XCTAssertEqual(one.weights, three.weights)
        XCTAssertEqual(CalibrationReport.posteriorCSV(one), CalibrationReport.posteriorCSV(three))
        XCTAssertEqual(one.simulations, three.simulations)
    }

    func testFittedScenarioCarriesMediansSourcesAndRanges() throws {
        let obs = try observed(rate: 10, consensus: 0.7, seed: 3)
        var small = settings(threads: 2)
        small.particles = 20; small.rejectionDraws = 60; small.generations = 0
        let tree = try scenario(rate: 12, consensus: 0.5)
        let r = try Calibration.run(tree: tree, file: "test.json", parameters: parameters, observed: obs, settings: small)
        var records = Records(startDate: CivilDate(year: 2024, month: 1, day: 1), measuredFrom: 0, end: 3 * 365)
        records.meetings = []
        let fitted = try r.fittedScenario(tree, records: records)
        XCTAssertEqual(fitted.value(atPath: "issueKinds.k.ratePerYear")?.doubleValue, r.quantile(0, 0.5))
        let note = fitted.value(atPath: "deliberation.sources.consensusProbability")?.stringValue ?? ""
        XCTAssertTrue(note.hasPrefix("calibrated from records, 2024-01-01 to 2026-12-30"), note)
        XCTAssertEqual(fitted.value(atPath: "deliberation.ranges.consensusProbability.range")?.arrayValue?.compactMap(\.doubleValue),
                       [r.interval(1).low, r.interval(1).high])
        XCTAssertNoThrow(try structure(fitted), "the fitted scenario compiles")
    }
}
