/// An aligned plain-text table for terminals.
///
/// Column widths come from the content, counted in grapheme clusters (`Character`s), so accented
/// French text aligns whether its accents are precomposed (`é`) or combining (`e` + U+0301).
/// East Asian wide characters and emoji, which terminals draw two cells wide, are counted as one.
/// Columns are separated by two spaces; trailing spaces are trimmed; line breaks and tabs in
/// cells are shown as spaces. The rendering is a header line, a line of `─`, then the rows; a
/// section title (``addSection(_:)``) is a line of its own that does not affect column widths.
public struct TextTable: Sendable {
    /// How a column's cells are padded.
    public enum Alignment: Sendable { case left, right }

    /// The columns: title and alignment.
    public let columns: [(title: String, alignment: Alignment)]

    enum Line: Sendable {
        case cells([String])
        case section(String)
    }
    private(set) var lines: [Line] = []

    /// A table with these columns (title, alignment).
    public init(columns: [(String, Alignment)]) {
        self.columns = columns.map { (title: TextTable.clean($0.0), alignment: $0.1) }
    }

    /// The data rows added so far (section titles not included).
    public var rows: [[String]] {
        lines.compactMap { if case .cells(let c) = $0 { return c } else { return nil } }
    }

    /// Adds a row. Missing cells are blank; cells beyond the columns are ignored.
    public mutating func addRow(_ cells: [String]) {
        lines.append(.cells(cells.prefix(columns.count).map(TextTable.clean)))
    }

    /// Adds a section title: a line of its own between rows (e.g. "Comités de travail").
    public mutating func addSection(_ title: String) {
        lines.append(.section(TextTable.clean(title)))
    }

    private static func clean(_ s: String) -> String {
        guard s.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) else { return s }
        return String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
    }

    /// Column widths in characters: the widest of the title and every cell.
    public var widths: [Int] {
        var widths = columns.map { $0.title.count }
        for case .cells(let r) in lines {
            for (k, c) in r.enumerated() where k < widths.count { widths[k] = Swift.max(widths[k], c.count) }
        }
        return widths
    }

    /// The table as text, each line ending with "\n".
    public func render() -> String {
        let widths = self.widths
        func line(_ cells: [String]) -> String {
            var s = ""
            for (k, w) in widths.enumerated() {
                let c = k < cells.count ? cells[k] : ""
                let pad = String(repeating: " ", count: Swift.max(0, w - c.count))
                if k > 0 { s += "  " }
                s += columns[k].alignment == .left ? c + pad : pad + c
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line(columns.map(\.title)) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for l in lines {
            switch l {
            case .cells(let r): out += line(r) + "\n"
            case .section(let t): out += t + "\n"
            }
        }
        return out
    }
}
