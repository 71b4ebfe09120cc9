import Foundation

/// A CSV table of records read with the place of every field: RFC 4180 (quoted fields may hold
/// commas, quotes doubled, line breaks), "\n" or "\r\n" line ends, UTF-8 with or without a byte
/// order mark, `,` or `;` as separator (the separator of the header line). Headers are matched
/// in French or English, accents, case, spaces, `_` and `-` ignored.
struct RecordsCSV {
    struct Field { var text: String; var line: Int; var column: Int }
    /// The file's name as errors show it.
    let file: String
    /// Normalised header names and the row of each data line.
    let header: [String]
    let rows: [[Field]]
    /// Line of each data row (1-based, the header is line 1).
    let lines: [Int]

    /// Parses `text`. - Throws: an unterminated quote, a stray quote.
    init(text: String, file: String) throws(RecordsError) {
        self.file = file
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var records: [[Field]] = []
        var recordLines: [Int] = []
        var row: [Field] = []
        var field = ""
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1
        var rowLine = 1
        var quoted = false, wasQuoted = false
        var separator: Unicode.Scalar? = nil
        // The separator: the first `,` or `;` outside quotes on the header line.
        var inQ = false
        for c in chars {
            if c == "\"" { inQ.toggle() } else if !inQ && (c == "," || c == ";") { separator = c; break } else if !inQ && c == "\n" { break }
        }
        let sep = separator ?? ","
        var i = 0
        func endField() {
            row.append(Field(text: wasQuoted ? field : field.trimmingCharacters(in: .whitespaces), line: fieldLine, column: fieldColumn))
            field = ""; wasQuoted = false
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 2; column += 2; continue }
                    quoted = false; i += 1; column += 1; continue
                }
                field.unicodeScalars.append(c)
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
                continue
            }
            if c == "\"" {
                if !field.trimmingCharacters(in: .whitespaces).isEmpty || wasQuoted {
                    throw RecordsError(file: file, line: line, column: column, message: "a quote inside an unquoted field: quote the whole field (\"...\") and double the quotes inside it")
                }
                field = ""; quoted = true; wasQuoted = true; i += 1; column += 1; continue
            }
            if c == sep {
                endField(); i += 1; column += 1; fieldLine = line; fieldColumn = column; continue
            }
            if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1; continue }
            if c == "\n" {
                endField()
                if !(row.count == 1 && row[0].text.isEmpty) { records.append(row); recordLines.append(rowLine) }
                row = []
                i += 1; line += 1; column = 1; fieldLine = line; fieldColumn = 1; rowLine = line
                continue
            }
            if wasQuoted && c != " " {
                throw RecordsError(file: file, line: line, column: column, message: "text after a closing quote: a quoted field ends at its closing quote")
            }
            field.unicodeScalars.append(c); i += 1; column += 1
        }
        if quoted { throw RecordsError(file: file, line: fieldLine, column: fieldColumn, message: "a quoted field is never closed (a missing \")") }
        if !field.isEmpty || wasQuoted || !row.isEmpty {
            endField()
            if !(row.count == 1 && row[0].text.isEmpty) { records.append(row); recordLines.append(rowLine) }
        }
        guard let head = records.first else { throw RecordsError(file: file, line: 1, column: 1, message: "the file is empty: expected a header line") }
        header = head.map { RecordsCSV.normalise($0.text) }
        rows = Array(records.dropFirst())
        lines = Array(recordLines.dropFirst())
    }

    /// A header or keyword as matched: lower case, no accents, no spaces, `_` or `-`.
    static func normalise(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "'" && $0 != "’" }
    }

    /// The column of the first of `names` (normalised) in the header, or nil.
    func column(_ names: [String]) -> Int? {
        for n in names { if let k = header.firstIndex(of: RecordsCSV.normalise(n)) { return k } }
        return nil
    }
}
