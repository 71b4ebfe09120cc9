import XCTest
@testable import Concerto

/// Terminal tables: widths in characters, so accented French text aligns.
final class TextTableTests: XCTestCase {
    func testAlignmentWithAccentedText() {
        var t = TextTable(columns: [("instance", .left), ("h", .right)])
        t.addRow(["Comité de coordination", "12.5"])
        t.addRow(["Grande Table", "3"])
        t.addRow(["Re\u{301}gion e\u{301}largie", "100"])  // combining accents
        let lines = t.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines, [
            "instance                   h",
            "──────────────────────  ────",
            "Comité de coordination  12.5",
            "Grande Table               3",
            "Re\u{301}gion e\u{301}largie           100",
            "",
        ])
        XCTAssertEqual(Set(lines.dropLast().map(\.count)), [28], "every line is 28 characters wide")
    }

    func testCombiningAccentsCountOnce() {
        var t = TextTable(columns: [("lieu", .left), ("n", .right)])
        t.addRow(["Re\u{301}gion e\u{301}largie", "1"])  // 14 characters, 16 scalars, 18 bytes
        t.addRow(["Sept-Îles", "22"])
        XCTAssertEqual(t.widths, [14, 2])
        XCTAssertEqual(t.render(), "lieu             n\n──────────────  ──\nRe\u{301}gion e\u{301}largie   1\nSept-Îles       22\n")
    }

    func testLeftAlignedLastColumnTrimsTrailingSpaces() {
        var t = TextTable(columns: [("n", .right), ("nom", .left)])
        t.addRow(["1", "Été"])
        t.addRow(["10", "Maison de la famille"])
        XCTAssertEqual(t.render(), """
         n  nom
        ──  ────────────────────
         1  Été
        10  Maison de la famille

        """)
    }

    func testSectionsMissingCellsAndLineBreaks() {
        var t = TextTable(columns: [("mesure", .left), ("valeur", .right)])
        t.addSection("HYPERCONCERTATION — un titre plus long que le tableau")
        t.addRow(["heures", "3.5"])
        t.addSection("LATENCE")
        t.addRow(["délai\nmédian"])
        t.addRow(["a", "b", "ignored"])
        XCTAssertEqual(t.widths, [12, 6], "section titles do not widen columns")
        XCTAssertEqual(t.rows.count, 3)
        XCTAssertEqual(t.render(), """
        mesure        valeur
        ────────────  ──────
        HYPERCONCERTATION — un titre plus long que le tableau
        heures           3.5
        LATENCE
        délai médian
        a                  b

        """)
    }
}

/// Tables fitted to a terminal width: wrapped labels and titles (issue 15).
final class TextTableFittingTests: XCTestCase {
    func testWrapCutsAtSpacesAndInsideTooLongWords() {
        XCTAssertEqual(TextTable.wrap("Heures de réunion par partenaire", width: 12), ["Heures de", "réunion par", "partenaire"])
        XCTAssertEqual(TextTable.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextTable.wrap("", width: 5), [""])
    }

    func testFittedTableWrapsTheLabelColumnAndTitles() {
        var t = TextTable(columns: [("measure", .left), ("meetings per year", .right)])
        t.addRow(["Meeting hours solicited per partner per year", "12.5"])
        t.addRow(["Short", "3"])
        // The number column is as wide as its widest title word ("meetings", 8; "per year" fits
        // under it); the label gets 24 - 8 - 2 = 14 characters.
        let text = t.render(width: 24, minimum: 10)
        XCTAssertEqual(text, """
                            meetings
            measure         per year
            ──────────────  ────────
            Meeting hours       12.5
            solicited per
            partner per
            year
            Short                  3

            """)
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 24 })
        // Below the minimum the label keeps its minimum and the line is wider than asked.
        XCTAssertEqual(t.render(width: 24).split(separator: "\n")[2].count, 16 + 2 + 8)
    }
}
