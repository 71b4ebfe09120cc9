/// RFC 4180 CSV with "\n" line ends: fields with commas, quotes or line breaks are quoted.
public struct CSVWriter: Sendable {
    public private(set) var text = ""
    public init(header: [String]) { addRow(header) }
    public mutating func addRow(_ cells: [String]) {
        text += cells.map(CSVWriter.quote).joined(separator: ",") + "\n"
    }
    public static func quote(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
