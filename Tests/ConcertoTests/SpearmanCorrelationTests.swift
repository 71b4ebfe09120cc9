import XCTest
@testable import Concerto

final class SpearmanCorrelationTests: XCTestCase {
    func testKnownValue() {
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233
        XCTAssertEqual(SpearmanCorrelation.coefficient([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.8207826816681233, accuracy: 1e-12)
    }

    func testMonotoneIsOneWhateverTheShape() {
        let x = (0..<50).map { Double($0) / 7 }
        XCTAssertEqual(SpearmanCorrelation.coefficient(x, x.map { $0 * $0 * $0 }), 1, accuracy: 1e-12)
        XCTAssertEqual(SpearmanCorrelation.coefficient(x, x.map { -Foundation.exp($0) }), -1, accuracy: 1e-12)
    }

    func testTiesGetTheirMeanRank() {
        XCTAssertEqual(SpearmanCorrelation.ranks([3, 1, 3, 2]), [3.5, 1, 3.5, 2])
    }

    func testConstantIsUndefined() {
        XCTAssertTrue(SpearmanCorrelation.coefficient([1, 2, 3], [4, 4, 4]).isNaN)
    }
}
