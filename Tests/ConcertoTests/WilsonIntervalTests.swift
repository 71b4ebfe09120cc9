import XCTest
@testable import Concerto

final class WilsonIntervalTests: XCTestCase {
    func testKnownValues() {
        // Wilson interval of 8 of 10 at 95% (Newcombe 1998, Table II): 0.4902 to 0.9433.
        let ci = WilsonInterval.interval(successes: 8, n: 10)
        XCTAssertEqual(ci.low, 0.4902, accuracy: 1e-4)
        XCTAssertEqual(ci.high, 0.9433, accuracy: 1e-4)
    }

    func testEndsAreExact() {
        XCTAssertEqual(WilsonInterval.interval(successes: 0, n: 512).low, 0)
        XCTAssertEqual(WilsonInterval.interval(successes: 512, n: 512).high, 1)
        XCTAssertEqual(WilsonInterval.interval(successes: 0, n: 512).high, 0.0075, accuracy: 1e-4)
        XCTAssertTrue(WilsonInterval.interval(successes: 1, n: 0).low.isNaN)
    }
}
