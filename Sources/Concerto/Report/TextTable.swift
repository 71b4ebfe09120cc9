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

    /// `text` cut into lines of at most `width` characters at spaces (a word longer than the
    /// width is cut inside); at least one line, possibly empty.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = Swift.max(1, width)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var w = word
            while w.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(w.prefix(width)))
                w = String(w.dropFirst(width))
            }
            if line.isEmpty { line = w }
            else if line.count + 1 + w.count <= width { line += " " + w }
            else { lines.append(line); line = w }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The table fitted to `width` characters (a terminal of 100 columns): each title wraps at
    /// its spaces so that a column is only as wide as its widest cell or title word, and the
    /// cells of column `wrap` (a left-aligned text column, e.g. a measure's label) wrap at spaces
    /// onto continuation lines to the room the other columns leave (at least `minimum`
    /// characters). Section titles wrap to `width`. A line exceeds `width` only when the other
    /// columns alone do.
    public func render(width: Int, wrap wrapped: Int = 0, minimum: Int = 16) -> String {
        let n = columns.count
        let titleWords = columns.map { $0.title.split(separator: " ").map(\.count).max() ?? 0 }
        var widths = titleWords
        for case .cells(let r) in lines {
            for (k, c) in r.enumerated() where k < n && k != wrapped { widths[k] = Swift.max(widths[k], c.count) }
        }
        if wrapped < n {
            var natural = titleWords[wrapped]
            for case .cells(let r) in lines where wrapped < r.count { natural = Swift.max(natural, r[wrapped].count) }
            let others = widths.enumerated().filter { $0.offset != wrapped }.map(\.element).reduce(0, +) + 2 * (n - 1)
            widths[wrapped] = Swift.max(Swift.min(natural, width - others), Swift.min(natural, minimum))
        }
        func line(_ cells: [String]) -> String { self.line(cells, widths: widths) }
        // Titles: wrapped, bottom-aligned over their column.
        let titleLines = columns.enumerated().map { TextTable.wrap($0.element.title, width: widths[$0.offset]) }
        let height = titleLines.map(\.count).max() ?? 1
        var out = ""
        for h in 0..<height {
            out += line(titleLines.map { t in h >= height - t.count ? t[h - (height - t.count)] : "" }) + "\n"
        }
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for l in lines {
            switch l {
            case .cells(let r):
                guard wrapped < n, wrapped < r.count, r[wrapped].count > widths[wrapped] else { out += line(r) + "\n"; continue }
                let parts = TextTable.wrap(r[wrapped], width: widths[wrapped])
                for (j, part) in parts.enumerated() {
                    var cells = j == 0 ? r : [String](repeating: "", count: n)
                    cells[wrapped] = part
                    out += line(cells) + "\n"
                }
            case .section(let t):
                out += TextTable.wrap(t, width: width).joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    /// One line: each cell padded to its column's width and alignment, two spaces between
    /// columns, no trailing spaces.
    func line(_ cells: [String], widths: [Int]) -> String {
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

    /// The table as text, each line ending with "\n".
    public func render() -> String {
        let widths = self.widths
        func line(_ cells: [String]) -> String { self.line(cells, widths: widths) }
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
