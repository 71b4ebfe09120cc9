import XCTest
@testable import Concerto

final class MeasureDirectionTests: XCTestCase {
    /// Every measure given a direction exists (a misspelt name would silently never rank).
    func testEveryDirectedMeasureExists() {
        let known = Set(Measures.structureMeasures.map(\.name))
        for m in MeasureDirection.lowerIsBetter.union(MeasureDirection.higherIsBetter) {
            XCTAssertTrue(known.contains(m), "\(m) is not a structure measure")
        }
        XCTAssertTrue(MeasureDirection.lowerIsBetter.isDisjoint(with: MeasureDirection.higherIsBetter))
        for m in MeasureDirection.defaultOutcomes { XCTAssertNotNil(MeasureDirection.of(m), m) }
    }

    func testDirections() {
        XCTAssertEqual(MeasureDirection.of("hoursPerPartnerYear"), .lower)
        XCTAssertEqual(MeasureDirection.of("medianDaysKM"), .lower)
        XCTAssertEqual(MeasureDirection.of("territoryCoverage"), .higher)
        XCTAssertTrue(MeasureDirection.lower.better(1, than: 2))
        XCTAssertFalse(MeasureDirection.higher.better(1, than: 2))
        XCTAssertFalse(MeasureDirection.higher.better(2, than: 2))
    }
}
