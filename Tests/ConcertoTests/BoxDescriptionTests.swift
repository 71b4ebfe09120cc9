import XCTest
@testable import Concerto

final class BoxDescriptionTests: XCTestCase {
    let capacity = PRIMParameter(name: "partnerDefaults.capacityHoursPerMonth", lower: 2, upper: 20)
    let issues = PRIMParameter(name: "issues.perYear", lower: 5, upper: 60)
    let seats = PRIMParameter(name: "seats.community", lower: 0, upper: 10, isDiscrete: true)
    let length = PRIMParameter(name: "meetings.hours", lower: 1, upper: 4)
    let coordination = PRIMParameter(name: "coordination.hoursPerYear", lower: 0, upper: 5000)

    var description: BoxDescription {
        BoxDescription(wordings: [
            capacity.name: ParameterWording(french: .quantity("la capacité des partenaires", unit: "h/mois"),
                                            english: .quantity("partners' capacity", unit: "h/month")),
            issues.name: ParameterWording(french: .count("enjeux émergent par an"), english: .count("issues emerge a year")),
            seats.name: ParameterWording(french: .count("sièges sont réservés aux organismes communautaires"),
                                         english: .count("seats are reserved for community organisations")),
            length.name: ParameterWording(french: .quantity("la durée des réunions", unit: "h"), english: .quantity("meeting length", unit: "h")),
            coordination.name: ParameterWording(french: .quantity("le temps de coordination", unit: "h/an"),
                                                english: .quantity("coordination time", unit: "h/year")),
        ])
    }

    /// A box with the given restrictions (statistics are not read by the description).
    func box(_ restrictions: [(PRIMParameter, Double?, Double?)]) -> PRIMBox {
        PRIMBox(lower: [], upper: [], points: 0, cases: 0, coverage: 0, density: 0, mass: 0,
                restrictions: restrictions.enumerated().map { PRIMBox.Restriction(index: $0.offset, parameter: $0.element.0, lower: $0.element.1, upper: $0.element.2) })
    }

    func testTwoConditionsInFrenchAndEnglish() {
        let b = box([(capacity, nil, 6), (issues, 30, nil)])
        XCTAssertEqual(description.sentence(subject: "ORBITE décide plus lentement que Sept-Rivières", box: b, language: .fr),
                       "ORBITE décide plus lentement que Sept-Rivières lorsque la capacité des partenaires est sous 6\u{00A0}h/mois et que plus de 30 enjeux émergent par an")
        XCTAssertEqual(description.sentence(subject: "ORBITE decides more slowly than Sept-Rivières", box: b, language: .en),
                       "ORBITE decides more slowly than Sept-Rivières when partners' capacity is below 6\u{00A0}h/month and more than 30 issues emerge a year")
    }

    func testThreeConditionsElisionDecimalsAndThousands() {
        let b = box([(seats, 3, nil), (length, 1.26, 2.5), (coordination, 1234.4, nil)])
        XCTAssertEqual(description.sentence(subject: "ORBITE décide plus vite", box: b, language: .fr),
                       "ORBITE décide plus vite lorsqu'au moins 3 sièges sont réservés aux organismes communautaires, "
                       + "que la durée des réunions est entre 1,3 et 2,5\u{00A0}h et que le temps de coordination dépasse 1\u{202F}234\u{00A0}h/an")
        XCTAssertEqual(description.sentence(subject: "ORBITE decides faster", box: b, language: .en),
                       "ORBITE decides faster when at least 3 seats are reserved for community organisations, "
                       + "meeting length is between 1.3 and 2.5\u{00A0}h and coordination time is above 1,234\u{00A0}h/year")
    }

    func testEveryKindOfCondition() {
        let d = description
        func clause(_ p: PRIMParameter, _ lo: Double?, _ hi: Double?, _ lang: ReportLanguage) -> String {
            d.clause(PRIMBox.Restriction(index: 0, parameter: p, lower: lo, upper: hi), language: lang)
        }
        // Continuous count: below, between.
        XCTAssertEqual(clause(issues, nil, 12.6, .fr), "moins de 13 enjeux émergent par an")  // 2 significant digits
        XCTAssertEqual(clause(issues, nil, 12.6, .en), "fewer than 13 issues emerge a year")
        XCTAssertEqual(clause(issues, 10, 20, .fr), "entre 10 et 20 enjeux émergent par an")
        // Discrete count: at most, from…to, exactly.
        XCTAssertEqual(clause(seats, nil, 4, .fr), "au plus 4 sièges sont réservés aux organismes communautaires")
        XCTAssertEqual(clause(seats, 2, 5, .en), "from 2 to 5 seats are reserved for community organisations")
        XCTAssertEqual(clause(seats, 3, 3, .fr), "exactement 3 sièges sont réservés aux organismes communautaires")
        // Discrete quantity: at least, at most, from…to, one value.
        let members = PRIMParameter(name: "members", lower: 5, upper: 40, isDiscrete: true)
        let md = BoxDescription(wordings: ["members": ParameterWording(french: .quantity("la taille du comité", unit: "membres"),
                                                                       english: .quantity("the committee's size", unit: "members"))])
        func mc(_ lo: Double?, _ hi: Double?, _ lang: ReportLanguage) -> String {
            md.clause(PRIMBox.Restriction(index: 0, parameter: members, lower: lo, upper: hi), language: lang)
        }
        XCTAssertEqual(mc(12, nil, .fr), "la taille du comité est d'au moins 12\u{00A0}membres")
        XCTAssertEqual(mc(nil, 12, .en), "the committee's size is at most 12\u{00A0}members")
        XCTAssertEqual(mc(8, 12, .fr), "la taille du comité est de 8 à 12\u{00A0}membres")
        XCTAssertEqual(mc(9, 9, .en), "the committee's size is 9\u{00A0}members")
        // A percentage follows the report's rule; a parameter without wording is named by its name.
        let share = PRIMParameter(name: "overload", lower: 0, upper: 100)
        let sd = BoxDescription(wordings: ["overload": ParameterWording(french: .quantity("la part de partenaires surchargés", unit: "%"),
                                                                        english: .quantity("the share of overloaded partners", unit: "%"), digits: 1)])
        XCTAssertEqual(sd.clause(PRIMBox.Restriction(index: 0, parameter: share, lower: 12.5, upper: nil), language: .fr),
                       "la part de partenaires surchargés dépasse 12,5\u{202F}%")
        XCTAssertEqual(sd.clause(PRIMBox.Restriction(index: 0, parameter: share, lower: 12.5, upper: nil), language: .en),
                       "the share of overloaded partners is above 12.5%")
        XCTAssertEqual(BoxDescription().clause(PRIMBox.Restriction(index: 0, parameter: share, lower: nil, upper: 40), language: .en),
                       "overload is below 40")
    }

    func testJoiningOneConditionNoneAndElision() {
        let d = description
        XCTAssertEqual(d.sentence(subject: "A", box: box([(capacity, 8, nil)]), language: .fr),
                       "A lorsque la capacité des partenaires dépasse 8\u{00A0}h/mois")
        XCTAssertEqual(d.sentence(subject: "A", box: box([(capacity, 8, nil)]), language: .en),
                       "A when partners' capacity is above 8\u{00A0}h/month")
        XCTAssertEqual(d.sentence(subject: "A", box: box([]), language: .fr), "A")
        // « que » and « lorsque » elide before a vowel, accented or capital ones included.
        XCTAssertEqual(BoxDescription.elided("que", "une part"), "qu'une part")
        XCTAssertEqual(BoxDescription.elided("lorsque", "Énergie"), "lorsqu'Énergie")
        XCTAssertEqual(BoxDescription.elided("que", "la part"), "que la part")
        XCTAssertEqual(BoxDescription.elided("que", "12 enjeux"), "que 12 enjeux")
    }

    func testNumbers() {
        XCTAssertEqual(BoxDescription.number(5.87, digits: nil, language: .fr), "5,9")
        XCTAssertEqual(BoxDescription.number(6.02, digits: nil, language: .fr), "6")
        XCTAssertEqual(BoxDescription.number(0.2036, digits: nil, language: .en), "0.2")
        XCTAssertEqual(BoxDescription.number(0.0123, digits: nil, language: .fr), "0,012")
        XCTAssertEqual(BoxDescription.number(1234.4, digits: nil, language: .fr), "1\u{202F}234")
        XCTAssertEqual(BoxDescription.number(-0.55, digits: nil, language: .en), "-0.55")
        XCTAssertEqual(BoxDescription.number(0, digits: nil, language: .fr), "0")
        XCTAssertEqual(BoxDescription.number(6, digits: 2, language: .fr), "6,00", "fixed decimals are kept")
    }

    func testDescribesAReportedBox() throws {
        // The planted box of PRIMTests, worded.
        let (design, y, _) = PRIMTests.planted()
        let box = try XCTUnwrap(PRIM(permutations: 0).find(in: design, outcome: y).box)
        let d = BoxDescription(wordings: ["x1": ParameterWording(french: .quantity("x1", unit: ""), english: .quantity("x1", unit: "")),
                                          "x3": ParameterWording(french: .quantity("x3", unit: ""), english: .quantity("x3", unit: ""))])
        XCTAssertEqual(d.sentence(subject: "y = 1", box: box, language: .fr), "y = 1 lorsque x1 est entre 0,2 et 0,51 et que x3 dépasse 0,68")
        XCTAssertEqual(d.sentence(subject: "y = 1", box: box, language: .en), "y = 1 when x1 is between 0.2 and 0.51 and x3 is above 0.68")
    }
}
