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
