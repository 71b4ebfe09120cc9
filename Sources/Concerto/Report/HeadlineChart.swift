/// « En un coup d'œil »: the three headline measures side by side for every structure, one row
/// per structure, a marker at the value and its 95% confidence interval as a line — small
/// multiples compact enough to print on the report's first page with the conclusions. Each
/// structure keeps its marker shape (greyscale-safe) and each row is a group carrying
/// `data-structure` and a `<title>` with its values (shown on hover).
public struct HeadlineChart: Sendable {
    /// One measure: its title, unit and, per structure, mean and 95% CI (NaN when unknown).
    public struct Panel: Sendable {
        public var title: String
        public var unit: String
        public var values: [(mean: Double, low: Double, high: Double)]
        public var scale: Double
        public var digits: Int
        public init(title: String, unit: String, values: [(mean: Double, low: Double, high: Double)], scale: Double = 1, digits: Int = 0) {
            self.title = title; self.unit = unit; self.values = values; self.scale = scale; self.digits = digits
        }
    }

    public var title: String
    /// Row labels (short names) and the full names used in the tooltips.
    public var labels: [String]
    public var fullNames: [String]
    public var panels: [Panel]

    public init(title: String, labels: [String], fullNames: [String], panels: [Panel]) {
        self.title = title; self.labels = labels; self.fullNames = fullNames; self.panels = panels
    }

    /// Smallest font size used (px in the SVG's own coordinates).
    public static let minimumFontSize = 14.0

    public func render(_ loc: Localization, width: Double = 1000) -> String {
        let labelW = 210.0, gap = 26.0, rowH = 30.0
        let panelW = (width - labelW - gap * Double(panels.count)) / Double(Swift.max(1, panels.count))
        let titleLines = panels.map { GovernanceSchema.wrap($0.title, width: Swift.max(12, Int(panelW / 8.2)), lines: 2) }
        let top = 16 + 19 * Double(titleLines.map(\.count).max() ?? 1) + 22
        let bottom = top + Double(labels.count) * rowH
        var doc = SVGDocument(width: width, height: bottom + 58, title: title)
        // Stripes and labels.
        for (k, label) in labels.enumerated() {
            let y = top + Double(k) * rowH
            if k % 2 == 0 { doc.add(SVG.rect(x: 0, y: y, width: width, height: rowH, fill: "#f2f2f2")) }
            let lines = GovernanceSchema.wrap(label, width: 24, lines: 1)
            var tip = fullNames.indices.contains(k) ? fullNames[k] : label
            for p in panels where p.values.indices.contains(k) {
                let v = p.values[k]
                tip += "\n" + p.title + " : " + loc.number(v.mean * p.scale, digits: p.digits)
                if v.low.isFinite && v.high.isFinite { tip += " [" + loc.number(v.low * p.scale, digits: p.digits) + " ; " + loc.number(v.high * p.scale, digits: p.digits) + "]" }
            }
            var g = "<g class=\"row\" data-structure=\"\(k)\"><title>" + SVG.escape(loc.language == .fr ? tip : tip.replacingOccurrences(of: " : ", with: ": ").replacingOccurrences(of: " ; ", with: "; ")) + "</title>"
            g += ChartStyle.marker(k, x: 12, y: y + rowH / 2, size: 6)
            g += SVG.text(lines.first ?? label, x: 26, y: y + rowH / 2 + 5, size: 15)
            doc.add(g + "</g>")
        }
        for (p, panel) in panels.enumerated() {
            let x0 = labelW + gap * Double(p) + panelW * Double(p) + gap / 2, x1 = x0 + panelW
            for (l, line) in titleLines[p].enumerated() { doc.add(SVG.text(line, x: x0, y: 20 + 19 * Double(l), size: 15, weight: "bold")) }
            let finite = panel.values.flatMap { [$0.mean, $0.high] }.filter(\.isFinite).map { $0 * panel.scale }
            let axis = ChartStyle.niceAxis(finite.max() ?? 1, ticks: 2)
            func px(_ v: Double) -> Double { x0 + (x1 - x0) * Swift.min(1, Swift.max(0, v / axis.max)) }
            var t = 0.0
            while t <= axis.max + axis.step * 1e-9 {
                doc.add(SVG.line(x1: px(t), y1: top, x2: px(t), y2: bottom, stroke: "#c8c8c8"))
                doc.add(SVG.text(loc.number(t, digits: axis.step >= 1 ? 0 : 1), x: px(t), y: bottom + 19, anchor: "middle", size: 14))
                t += axis.step
            }
            doc.add(SVG.line(x1: x0, y1: bottom, x2: x1, y2: bottom, stroke: "#000", width: 1.2))
            doc.add(SVG.text(panel.unit, x: (x0 + x1) / 2, y: bottom + 42, anchor: "middle", size: 14))
            for (k, v) in panel.values.enumerated() {
                let cy = top + Double(k) * rowH + rowH / 2
                var g = "<g data-structure=\"\(k)\">"
                if v.low.isFinite && v.high.isFinite {
                    g += SVG.line(x1: px(v.low * panel.scale), y1: cy, x2: px(v.high * panel.scale), y2: cy, stroke: "#000", width: 2)
                }
                if v.mean.isFinite {
                    g += ChartStyle.marker(k, x: px(v.mean * panel.scale), y: cy, size: 6)
                } else {
                    g += SVG.text(loc(.noData), x: x0 + 4, y: cy + 5, size: 14, fill: "#555")
                }
                doc.add(g + "</g>")
            }
        }
        return doc.render()
    }
}
