import XCTest
@testable import Concerto

/// Closed-form and published results the concertation model must reproduce (docs/validation.md).
final class AnalyticOracleTests: XCTestCase {
    /// Uneven meeting spacing: with intervals X the mean residual wait is E[X²] / (2 E[X]).
    /// Jitter ±J on a period T gives X = T + U₂ − U₁, E[X²] = T² + 2J²/3.
    func testUnevenSpacingResidualWait() throws {
        let T = 30.0, J = 14.0
        let s = try TestScenarios.compile(TestScenarios.singleServer(periodDays: T, ratePerYear: 10, years: 20, jitterDays: J))
        let r = Ensemble.run(s, settings: RunSettings(replications: 30, seed: 21, threads: 2))
        let expected = (T * T + 2 * J * J / 3) / (2 * T)
        let w = r.summary(.latency, "meanDaysDecided")!
        print("oracle uneven spacing: expected \(expected), got \(w.mean) [\(w.ci95Low), \(w.ci95High)]")
        XCTAssertEqual(w.mean, expected, accuracy: 0.4)
        XCTAssertGreaterThan(w.mean, T / 2 + 1, "uneven spacing waits longer than T/2")
    }

    /// Quorum as a binomial tail: 40 members each present with probability 0.6, quorum 21:
    /// P(X ≥ 21) = 0.870.
    func testQuorumProbabilityIsABinomialTail() throws {
        let partners: [[String: Any]] = (0..<40).map { ["id": "p\($0)", "sector": "s", "territory": "t", "capacityHoursPerMonth": 744, "engagement": 0.6, "defaultInterest": 1] }
        let obj: [String: Any] = [
            "id": "quorum", "years": 10, "sectors": [["id": "s"]], "territories": [["id": "t"]], "partners": partners,
            "instances": [["id": "a", "schedule": ["periodDays": 1], "membership": ["open": true], "quorum": ["kind": "count", "value": 21], "powers": ["decide"], "preparationHours": 0, "meetingHours": 0.1]],
            "issueKinds": [["id": "k", "ratePerYear": 1, "route": [["act": "decide", "instance": "a"]]]],
            "attendance": ["interestFloor": 1], "engagement": ["decisionBoost": 0, "overloadDecay": 0, "recoveryRate": 0],
        ]
        let r = Ensemble.run(try TestScenarios.compile(obj), settings: RunSettings(replications: 4, seed: 2, threads: 2))
        let fail = r.summary(.latency, "quorumFailuresPerYear")!.mean / r.summary(.instance, "meetingsPerYear", group: "a")!.mean
        print("oracle quorum: expected 0.870, got \(1 - fail) over \(r.totals.meetings) meetings")
        XCTAssertEqual(1 - fail, 0.870, accuracy: 0.01)
    }

    /// A 2/3 vote passing as a binomial tail: 24 present, each for with probability 0.7:
    /// P(X ≥ 16) = 0.725. Positions N(0.6049, 0.2) clipped: P(position ≥ 0.5) = 0.700.
    func testTwoThirdsVoteIsABinomialTail() throws {
        var obj = TestScenarios.singleServer(periodDays: 1, ratePerYear: 2000, members: 24, years: 4)
        var inst = obj["instances"] as! [[String: Any]]
        inst[0]["decisionRule"] = ["voteAtAttempt": 1, "voteThreshold": 2.0 / 3.0, "onVoteFailure": "drop"]
        obj["instances"] = inst
        obj["deliberation"] = ["model": "probabilistic", "consensusProbability": 0, "positions": ["mean": 0.5 + 0.2 * 0.524401, "sd": 0.2]]
        let r = Ensemble.run(try TestScenarios.compile(obj), settings: RunSettings(replications: 4, seed: 3, threads: 2))
        let passed = r.summary(.latency, "voteShare")!.mean * (1 - r.summary(.latency, "droppedShare")!.mean - r.summary(.latency, "undecidedShare")!.mean)
        let pass = 1 - r.summary(.latency, "droppedShare")!.mean - r.summary(.latency, "undecidedShare")!.mean
        print("oracle 2/3 vote: expected 0.725, got \(pass)")
        XCTAssertEqual(pass, 0.725, accuracy: 0.01)
        XCTAssertEqual(passed, pass, accuracy: 1e-9, "every decision is a vote")
    }

    /// Little's law: the time-average backlog equals the arrival rate times the mean wait.
    func testLittlesLaw() throws {
        let s = try TestScenarios.compile(TestScenarios.singleServer(periodDays: 30, ratePerYear: 9, maxItems: 1, years: 30, warmupYears: 2))
        let r = Ensemble.run(s, settings: RunSettings(replications: 20, seed: 4, threads: 2))
        let L = r.summary(.latency, "backlogMean")!.mean
        let lambda = r.summary(.latency, "issuesPerYear")!.mean / 365
        let W = r.summary(.latency, "meanDaysDecided")!.mean
        print("oracle Little: L = \(L), λW = \(lambda * W)")
        XCTAssertEqual(L, lambda * W, accuracy: 0.03 * L)
    }

    /// DeGroot: W = [[1/3,1/3,1/3],[1/2,1/2,0],[0,1/4,3/4]] gives influence weights (3/11, 4/11, 4/11).
    func testDeGrootConsensus() {
        let w: [[Double]] = [[1 / 3, 1 / 3, 1 / 3], [0.5, 0.5, 0], [0, 0.25, 0.75]]
        let pi = DeGroot.influenceWeights(w)
        for (a, b) in zip(pi, [3.0 / 11, 4.0 / 11, 4.0 / 11]) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        let x = DeGroot.iterate(w, [0, 0.5, 1], steps: 500)
        let expected = 3.0 / 11 * 0 + 4.0 / 11 * 0.5 + 4.0 / 11 * 1
        for v in x { XCTAssertEqual(v, expected, accuracy: 1e-9) }
    }

    /// Deffuant et al. (2000): uniform initial opinions end in about ⌊1/(2ε)⌋ major clusters.
    func testDeffuantClusterCount() {
        for (eps, expected) in [(0.25, 2), (0.15, 3), (0.1, 5)] {
            var total = 0
            let seeds = 12
            for seed in 1...seeds {
                var rng = RandomStream(seed: UInt64(seed) &* 1000 &+ UInt64(eps * 100))
                let n = 500
                var x = (0..<n).map { _ in rng.uniform() }
                BoundedConfidence.exchange(&x, members: (0..<n).map { Int32($0) }, count: 400_000, epsilon: eps, mu: 0.5, rng: &rng)
                // Major clusters: groups (gap > 0.01) holding at least 2% of the agents.
                let sorted = x.sorted()
                var sizes: [Int] = [1]
                for k in 1..<n { if sorted[k] - sorted[k - 1] > 0.01 { sizes.append(1) } else { sizes[sizes.count - 1] += 1 } }
                total += sizes.filter { $0 >= n / 50 }.count
            }
            let mean = Double(total) / Double(seeds)
            print("oracle Deffuant ε = \(eps): expected \(expected), mean major clusters \(mean)")
            XCTAssertEqual(mean, Double(expected), accuracy: 0.75, "ε = \(eps)")
        }
    }
}
