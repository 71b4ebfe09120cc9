import XCTest
@testable import Concerto

final class SensitivityProblemTests: XCTestCase {
    func testValuesFollowEachParametersDistribution() {
        let problem = SensitivityProblem([
            .init(name: "meetingsPerYear", distribution: .discrete([4, 6, 10])),
            .init(name: "capacity", distribution: .uniform(low: 15, high: 25)),
        ])
        XCTAssertEqual(problem.count, 2)
        XCTAssertEqual(problem.names, ["meetingsPerYear", "capacity"])
        XCTAssertEqual(problem.values(at: [0.5, 0.5]), [6, 20])
        XCTAssertEqual(problem.values(at: [[0, 0], [0.99, 1]]), [[4, 15], [10, 25]])
    }

    func testProblemsNameTheParameter() {
        let problems = SensitivityProblem.problems(of: [
            .init(name: "a", distribution: .uniform(low: 3, high: 1)),
            .init(name: "b", distribution: .uniform(low: 0, high: 1)),
            .init(name: "b", distribution: .uniform(low: 0, high: 1)),
        ])
        XCTAssertEqual(problems.count, 2)
        XCTAssertTrue(problems[0].hasPrefix("a: uniform"), problems[0])
        XCTAssertEqual(problems[1], "b: listed twice")
        XCTAssertEqual(SensitivityProblem.problems(of: []), ["no uncertain parameter to explore"])
    }
}
