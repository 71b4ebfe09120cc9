import XCTest
@testable import Concerto

/// Closed-form results from queueing theory that the meeting cycle must reproduce.
final class QueueingOracleTests: XCTestCase {
    /// Poisson arrivals to an instance meeting every T days, unlimited agenda, consensus at the
    /// first attempt: the wait is the residual time to the next meeting, T/2 on average.
    func testPeriodicServerWaitsHalfAPeriod() throws {
        let s = try TestScenarios.compile(TestScenarios.singleServer(periodDays: 30, ratePerYear: 8, years: 10))
        let r = Ensemble.run(s, settings: RunSettings(replications: 40, seed: 5, threads: 2))
        let w = r.summary(.latency, "meanDaysDecided")!
        print("oracle T/2: expected 15, got \(w.mean) [\(w.ci95Low), \(w.ci95High)]")
        XCTAssertEqual(w.mean, 15, accuracy: 0.6, "T/2 = 15 days; got \(w.mean) [\(w.ci95Low), \(w.ci95High)]")
        XCTAssertEqual(r.summary(.latency, "consensusShare")!.mean, 1, accuracy: 1e-12)
    }

    /// One item per meeting, ρ = λT < 1: the embedded chain is the slotted M/D/1 queue and the
    /// mean wait is T / (2(1 − ρ)).
    func testOneItemPerMeetingFollowsSlottedMD1() throws {
        for rho in [0.3, 0.6] {
            let T = 30.0
            let lambdaPerYear = rho / T * 365
            let s = try TestScenarios.compile(TestScenarios.singleServer(periodDays: T, ratePerYear: lambdaPerYear, maxItems: 1,
                                                                       years: 30, warmupYears: 2))
            let r = Ensemble.run(s, settings: RunSettings(replications: 40, seed: 17, threads: 2))
            let expected = T / (2 * (1 - rho))
            let w = r.summary(.latency, "meanDaysDecided")!
            print("oracle M/D/1 ρ = \(rho): expected \(expected), got \(w.mean) [\(w.ci95Low), \(w.ci95High)]")
            XCTAssertEqual(w.mean, expected, accuracy: expected * 0.05, "ρ = \(rho): expected \(expected), got \(w.mean)")
        }
    }

    /// With no capacity limit the agenda never overflows; with one item per meeting and ρ near 1 it does.
    func testAgendaOverflowAppearsOnlyWithLimits() throws {
        let free = Ensemble.run(try TestScenarios.compile(TestScenarios.singleServer(periodDays: 30, ratePerYear: 20, years: 3)),
                                settings: RunSettings(replications: 5, seed: 1, threads: 1))
        XCTAssertEqual(TestScenarios.mean(free, .latency, "agendaOverflowsPerYear"), 0)
        let tight = Ensemble.run(try TestScenarios.compile(TestScenarios.singleServer(periodDays: 30, ratePerYear: 11, maxItems: 1, years: 3)),
                                 settings: RunSettings(replications: 5, seed: 1, threads: 1))
        XCTAssertGreaterThan(TestScenarios.mean(tight, .latency, "agendaOverflowsPerYear"), 1)
    }
}
