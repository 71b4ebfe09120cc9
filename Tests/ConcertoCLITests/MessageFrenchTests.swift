import XCTest
@testable import ConcertoCLI

/// The French wording of messages (issue 15, item 2): each family of English message gets its
/// French sentence, and what the message quotes (paths, ids, values) is kept as written.
final class MessageFrenchTests: XCTestCase {
    func testEachFamilyIsTranslatedKeepingWhatItQuotes() {
        let cases: [(String, String)] = [
            ("s.json: instances[comite-coordination].quorum.value: quorum 9 is larger than its 7 members",
             "s.json: instances[comite-coordination].quorum.value: le quorum 9 dépasse ses 7 membres"),
            ("s.json: partners[p0].id: duplicate id `p0`: ids must be unique", "s.json: partners[p0].id: id `p0` en double : les ids doivent être uniques"),
            ("s.json: issueKinds[k].route[0].instance: unknown instance `grand-table`", "s.json: issueKinds[k].route[0].instance: instance inconnue `grand-table`"),
            ("s.json: attendance.x: expected a probability between 0 and 1, found 1.5", "s.json: attendance.x: attendu : une probabilité entre 0 et 1, trouvé 1.5"),
            ("s.json: instances[gt].schedule.meetingsPerYear: expected a number, found a string (\"trois\")",
             "s.json: instances[gt].schedule.meetingsPerYear: attendu : un nombre, trouvé une chaîne (\"trois\")"),
            ("warning: s.json: backgroundLoad[2]: matches no partner", "avertissement : s.json: backgroundLoad[2] : ne correspond à aucun partenaire"),
            ("concerto report: --output FILE.html is required (the report is one HTML file)",
             "concerto report: --output FICHIER.html est obligatoire (le rapport est un seul fichier HTML)"),
        ]
        for (en, fr) in cases { XCTAssertEqual(MessageFrench.translateLine(en), fr) }
    }

    func testAnUnknownMessageStaysInEnglish() {
        let line = "s.json: reforms[0]: something no rule knows about `x`"
        XCTAssertEqual(MessageFrench.translateLine(line), line)
    }
}
