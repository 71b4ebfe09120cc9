/// Builds CSV text per RFC 4180, except that lines end with "\n" (not CRLF), which every
/// spreadsheet and data tool reads and which keeps files diff-friendly on all platforms.
///
/// A field is quoted when it contains a comma, a double quote, a CR or an LF, or starts or ends
/// with a space (so tools that trim cannot change it); double quotes inside a quoted field are
/// doubled. Every row has the header's number of fields: shorter rows are padded with empty
/// fields, longer rows are written as given.
public struct CSVWriter: Sendable {
    /// The CSV text so far: the header line, then one line per row, each ending with "\n".
    public private(set) var text = ""
    /// Number of fields in the header.
    public let columnCount: Int
    /// Number of data rows added (the header not counted).
    public private(set) var rowCount = 0

    /// Starts a CSV document with its header line.
    public init(header: [String]) {
        columnCount = header.count
        append(header)
    }

    /// Adds one data row.
    public mutating func addRow(_ cells: [String]) {
        var cells = cells
        if cells.count < columnCount { cells += Array(repeating: "", count: columnCount - cells.count) }
        append(cells)
        rowCount += 1
    }

    private mutating func append(_ cells: [String]) {
        var first = true
        for c in cells {
            if !first { text += "," }
            first = false
            text += CSVWriter.quote(c)
        }
        text += "\n"
    }

    /// One field as it is written: quoted when needed (see the type's documentation).
    public static func quote(_ s: String) -> String {
        let needsQuotes = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || s.utf8.first == 0x20 || s.utf8.last == 0x20
        guard needsQuotes else { return s }
        var out = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        out += "\""
        return out
    }
}
