import XCTest
@testable import Concerto

/// Measure labels and units at the terminal, in French and English (issue 15, item 2).
final class MeasureWordingTests: XCTestCase {
    func testEveryStructureMeasureHasAFrenchLabel() {
        let missing = Measures.structureMeasures.filter { MeasureWording.french[$0.labelKey] == nil }.map(\.labelKey)
        XCTAssertEqual(missing, [], "measures shown in English in a French table")
        let unused = Set(MeasureWording.french.keys).subtracting(Measures.structureMeasures.map(\.labelKey))
        XCTAssertEqual(unused, [], "French labels of measures that no longer exist")
    }

    func testLabelsAndUnitsFollowTheLanguage() throws {
        let hours = try XCTUnwrap(Measures.structureMeasures.first { $0.name == "hoursPerPartnerYear" })
        XCTAssertEqual(MeasureWording.label(hours, .en), hours.label)
        XCTAssertTrue(MeasureWording.label(hours, .fr).hasPrefix("Heures de réunion"))
        XCTAssertEqual(MeasureWording.unit(.hoursPerPartnerYear, .fr), "h/partenaire/an")
        XCTAssertEqual(MeasureWording.unit(.hoursPerPartnerYear, .en), "h/partner/year")
        XCTAssertEqual(MeasureWording.unit(.share, .fr), "%")
        // Every unit has a French spelling of its own or is the same word in both languages.
        let same: Set<MeasureUnit> = [.ratio, .share, .instances, .points]
        for u in MeasureUnit.allCases where !same.contains(u) { XCTAssertNotEqual(MeasureWording.unit(u, .fr), u.display, "\(u)") }
    }
}
