/// An aligned plain-text table for terminals (widths count characters, so accents align).
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }
    public let columns: [(title: String, alignment: Alignment)]
    public private(set) var rows: [[String]] = []

    public init(columns: [(String, Alignment)]) { self.columns = columns.map { (title: $0.0, alignment: $0.1) } }

    public mutating func addRow(_ cells: [String]) { rows.append(cells) }

    public func render() -> String {
        var widths = columns.map { $0.title.count }
        for r in rows { for (k, c) in r.enumerated() where k < widths.count { widths[k] = Swift.max(widths[k], c.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (k, w) in widths.enumerated() {
                let c = k < cells.count ? cells[k] : ""
                let pad = String(repeating: " ", count: w - c.count)
                parts.append(columns[k].alignment == .left ? c + pad : pad + c)
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line(columns.map(\.title)) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for r in rows { out += line(r) + "\n" }
        return out
    }
}
