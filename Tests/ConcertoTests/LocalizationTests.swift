import XCTest
@testable import Concerto

final class LocalizationTests: XCTestCase {
    func testFrenchDecimalCommaAndThinSpaces() {
        let fr = Localization(.fr)
        XCTAssertEqual(fr.number(1234567.891, digits: 2), "1\u{202F}234\u{202F}567,89")
        XCTAssertEqual(fr.number(-0.04, digits: 1), "0,0")
        XCTAssertEqual(fr.number(-1234, digits: 0), "-1\u{202F}234")
        XCTAssertEqual(fr.percent(0.125, digits: 1), "12,5\u{202F}%")
        XCTAssertEqual(fr.number(.nan, digits: 1), "–")
    }

    func testEnglishDecimalPoint() {
        let en = Localization(.en)
        XCTAssertEqual(en.number(1234567.891, digits: 2), "1,234,567.89")
        XCTAssertEqual(en.percent(0.125, digits: 1), "12.5%")
        XCTAssertEqual(en.number(999, digits: 0), "999")
    }

    func testEveryKeyHasBothLanguages() {
        for key in L10n.allCases {
            XCTAssertFalse(Localization(.fr)(key).isEmpty, key.rawValue)
            XCTAssertFalse(Localization(.en)(key).isEmpty, key.rawValue)
        }
        XCTAssertEqual(Localization(.fr)(.capacityLine), "capacité")
        XCTAssertEqual(Localization(.en)(.capacityLine), "capacity")
        XCTAssertEqual(Localization(.fr).format(.unitDaysShort, "12"), "12 jours")
    }
}
