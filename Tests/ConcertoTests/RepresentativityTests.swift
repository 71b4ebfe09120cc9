import XCTest
@testable import Concerto

final class RepresentativityTests: XCTestCase {
    // Canada, 2015 federal election (Lib, Con, NDP, BQ, Green, others), percent.
    // Source: Elections Canada official results; Gallagher's election-indices dataset lists
    // LSq = 12.02 for Canada 2015.
    private let canada2015Votes: [Double] = [39.47, 31.89, 19.71, 4.66, 3.45, 0.82]
    private let canada2015Seats: [Double] = [54.44, 29.29, 13.02, 2.96, 0.29, 0.00]

    func testGallagherCanada2015() {
        let g = Representativity.gallagher(shares: canada2015Seats.map { $0 / 100 },
                                           reference: canada2015Votes.map { $0 / 100 })
        XCTAssertEqual(g, 12.02, accuracy: 0.01)
    }

    func testLoosemoreHanbyCanada2015() {
        let lh = Representativity.loosemoreHanby(shares: canada2015Seats.map { $0 / 100 },
                                                 reference: canada2015Votes.map { $0 / 100 })
        XCTAssertEqual(lh, 14.97, accuracy: 0.01)
    }

    func testIndicesOfPerfectProportionalityAndTotalDistortion() {
        let shares = [0.5, 0.3, 0.2]
        XCTAssertEqual(Representativity.gallagher(shares: shares, reference: shares), 0)
        XCTAssertEqual(Representativity.loosemoreHanby(shares: shares, reference: shares), 0)
        // One party takes every seat with half the votes: LH = 50, Gallagher = sqrt(½(0.25+0.25))·100 = 50.
        XCTAssertEqual(Representativity.loosemoreHanby(shares: [1, 0], reference: [0.5, 0.5]), 50, accuracy: 1e-12)
        XCTAssertEqual(Representativity.gallagher(shares: [1, 0], reference: [0.5, 0.5]), 50, accuracy: 1e-12)
        // Symmetric in its arguments.
        XCTAssertEqual(Representativity.gallagher(shares: [0.6, 0.4], reference: [0.5, 0.5]),
                       Representativity.gallagher(shares: [0.5, 0.5], reference: [0.6, 0.4]))
    }

    func testBlau() {
        XCTAssertEqual(Representativity.blau([0.5, 0.3, 0.2]), 0.62, accuracy: 1e-12)
        XCTAssertEqual(Representativity.blau([5, 3, 2]), 0.62, accuracy: 1e-12)   // normalized first
        XCTAssertEqual(Representativity.blau([1, 1, 1, 1]), 0.75, accuracy: 1e-12) // 1 − 1/k
        XCTAssertEqual(Representativity.blau([7, 0, 0]), 0)
        XCTAssertEqual(Representativity.blau([0, 0, 0]), 0)
        XCTAssertEqual(Representativity.blau([]), 0)
    }

    func testCoverage() {
        XCTAssertEqual(Representativity.coverage([3, 0, 1, 0]), 0.5)
        XCTAssertEqual(Representativity.coverage([1, 2, 3]), 1)
        XCTAssertEqual(Representativity.coverage([0, 0]), 0)
        // With a reference: the third category (reference 0) is not expected, so it is ignored.
        XCTAssertEqual(Representativity.coverage([3, 0, 1], reference: [0.6, 0.4, 0]), 0.5)
        XCTAssertEqual(Representativity.coverage([3, 2, 0], reference: [0.5, 0.5, 0]), 1)
        XCTAssertTrue(Representativity.coverage([]).isNaN)
        XCTAssertTrue(Representativity.coverage([1, 2], reference: [0, 0]).isNaN)
    }

    func testShares() {
        XCTAssertEqual(Representativity.shares([1, 3]), [0.25, 0.75])
        XCTAssertEqual(Representativity.shares([0, 0, 0]), [0, 0, 0])
        XCTAssertEqual(Representativity.shares([]), [])
        let s = Representativity.shares([2, 5, 3])
        XCTAssertEqual(s.reduce(0, +), 1, accuracy: 1e-15)
    }
}
