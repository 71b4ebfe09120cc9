/// A problem in a table's records: the file, the line and column (1-based; line 1 is the
/// header) and what was expected. Line 0 names the whole file.
public struct RecordsError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
    public var description: String {
        line > 0 ? "\(file): line \(line), column \(column): \(message)" : "\(file): \(message)"
    }
}

/// Every problem found in a records folder (reading goes on after a bad row, so the
/// coordinator sees them together, up to a limit).
public struct RecordsErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [RecordsError]
    public init(_ errors: [RecordsError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
