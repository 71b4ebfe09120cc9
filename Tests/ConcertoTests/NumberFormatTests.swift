import XCTest
@testable import Concerto

/// Locale-free, deterministic number text.
final class NumberFormatTests: XCTestCase {
    func testFixed() {
        XCTAssertEqual(NumberFormat.fixed(3.14159, digits: 2), "3.14")
        XCTAssertEqual(NumberFormat.fixed(2.5, digits: 0), "2")
        XCTAssertEqual(NumberFormat.fixed(3.5, digits: 0), "4")
        XCTAssertEqual(NumberFormat.fixed(1234567.891, digits: 1), "1234567.9", "no grouping, '.' separator")
        XCTAssertEqual(NumberFormat.fixed(-1.25, digits: 3), "-1.250")
        XCTAssertEqual(NumberFormat.fixed(-0.0001, digits: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(-0.0, digits: 1), "0.0")
        XCTAssertEqual(NumberFormat.fixed(0.5, digits: -3), "0", "negative digits clamp to 0")
        XCTAssertEqual(NumberFormat.fixed(.nan, digits: 2), "–")
        XCTAssertEqual(NumberFormat.fixed(.infinity, digits: 2), "∞")
        XCTAssertEqual(NumberFormat.fixed(-.infinity, digits: 2), "-∞")
        XCTAssertEqual(NumberFormat.fixed(1e20, digits: 0), "100000000000000000000")
    }

    func testJSON() {
        XCTAssertEqual(NumberFormat.json(3), "3")
        XCTAssertEqual(NumberFormat.json(-42), "-42")
        XCTAssertEqual(NumberFormat.json(-0.0), "0")
        XCTAssertEqual(NumberFormat.json(0.1), "0.1")
        XCTAssertEqual(NumberFormat.json(1.0 / 3), "0.3333333333333333")
        XCTAssertEqual(NumberFormat.json(1e300), "1e+300")
        XCTAssertEqual(NumberFormat.json(Double.leastNonzeroMagnitude), "5e-324")
        XCTAssertEqual(NumberFormat.json(9_007_199_254_740_991), "9007199254740991")
        XCTAssertEqual(NumberFormat.json(.nan), "null")
        XCTAssertEqual(NumberFormat.json(-.infinity), "null")
        for x in [0.1, 1.0 / 3, 2.5e-8, 123456.789, -7e22, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude] {
            XCTAssertEqual(Double(NumberFormat.json(x)), x, "round trip of \(x)")
        }
    }
}
