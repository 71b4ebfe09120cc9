/// Horizontal bars, one per structure, from zero, with 95% confidence-interval whiskers and the
/// unit under the axis (« barres avec intervalles de confiance »).
public struct BarChart: Sendable {
    /// One bar: a structure's mean and 95% CI, drawn in series `series`'s colour and pattern.
    public struct Bar: Sendable {
        public var label: String
        public var mean: Double
        public var low: Double
        public var high: Double
        public var series: Int
        public init(label: String, mean: Double, low: Double, high: Double, series: Int) {
            self.label = label; self.mean = mean; self.low = low; self.high = high; self.series = series
        }
    }

    public var title: String
    /// Axis label with the unit, e.g. "heures par partenaire par an".
    public var unit: String
    public var bars: [Bar]
    /// Values are multiplied by `scale` before drawing (100 for shares shown in %).
    public var scale: Double
    public var digits: Int
    /// Prefix of the ids of the chart's patterns (unique within a page).
    public var id: String

    public init(title: String, unit: String, bars: [Bar], scale: Double = 1, digits: Int = 1, id: String) {
        self.title = title; self.unit = unit; self.bars = bars; self.scale = scale; self.digits = digits; self.id = id
    }

    public func render(_ loc: Localization, width: Double = 520) -> String {
        let labelW = 178.0, valueW = 78.0, rowH = 40.0, top = 48.0
        let x0 = labelW + 12, x1 = width - valueW
        // The unit under the axis, on two lines when it is longer than the axis.
        let unitLines = GovernanceSchema.wrap(unit, width: Swift.max(20, Int((width - 20) / 8.2)), lines: 2)
        let height = top + Double(bars.count) * rowH + 64 + 18 * Double(unitLines.count - 1)
        var doc = SVGDocument(width: width, height: height, title: title)
        ChartStyle.definePatterns(&doc, prefix: id)
        doc.add(SVG.text(title, x: 8, y: 24, size: 17, weight: "bold"))
        let values = bars.flatMap { [$0.mean, $0.high] }.filter(\.isFinite).map { $0 * scale }
        let axis = ChartStyle.niceAxis(values.max() ?? 1)
        func px(_ v: Double) -> Double { x0 + (x1 - x0) * Swift.min(1, Swift.max(0, v / axis.max)) }
        let bottom = top + Double(bars.count) * rowH
        var t = 0.0
        while t <= axis.max + axis.step * 1e-9 {
            doc.add(SVG.line(x1: px(t), y1: top - 4, x2: px(t), y2: bottom, stroke: "#d0d0d0"))
            doc.add(SVG.text(loc.number(t, digits: tickDigits(axis.step)), x: px(t), y: bottom + 20, anchor: "middle", size: 14))
            t += axis.step
        }
        for (k, b) in bars.enumerated() {
            let y = top + Double(k) * rowH
            // One group per structure: its marker, its name (wrapped, whole in the tooltip), bar and value.
            var tip = b.label + (loc.language == .fr ? " : " : ": ") + loc.number(b.mean * scale, digits: digits)
            if b.low.isFinite && b.high.isFinite {
                tip += " [" + loc.number(b.low * scale, digits: digits) + (loc.language == .fr ? " ; " : "; ") + loc.number(b.high * scale, digits: digits) + "]"
            }
            var g = "<g class=\"bar\" data-structure=\"\(b.series)\"><title>" + SVG.escape(tip) + "</title>"
            let lines = GovernanceSchema.wrap(b.label, width: 19, lines: 2)
            for (l, line) in lines.enumerated() {
                let dy = (Double(l) - Double(lines.count - 1) / 2) * 16
                g += SVG.text(line, x: labelW - 10, y: y + rowH / 2 + 5 + dy, anchor: "end", size: 15)
            }
            g += ChartStyle.marker(b.series, x: labelW + 1, y: y + rowH / 2, size: 5)
            guard b.mean.isFinite else {
                g += SVG.text(loc(.noData), x: x0 + 4, y: y + rowH / 2 + 5, size: 14, fill: "#555")
                doc.add(g + "</g>")
                continue
            }
            g += ChartStyle.patternedRect(b.series, prefix: id, x: x0, y: y + 6, width: px(b.mean * scale) - x0, height: rowH - 12)
            var right = px(b.mean * scale)
            if b.low.isFinite && b.high.isFinite {
                let lo = px(b.low * scale), hi = px(b.high * scale), cy = y + rowH / 2
                g += SVG.line(x1: lo, y1: cy, x2: hi, y2: cy, stroke: "#000", width: 2)
                g += SVG.line(x1: lo, y1: cy - 8, x2: lo, y2: cy + 8, stroke: "#000", width: 2)
                g += SVG.line(x1: hi, y1: cy - 8, x2: hi, y2: cy + 8, stroke: "#000", width: 2)
                right = Swift.max(right, hi)
            }
            g += SVG.text(loc.number(b.mean * scale, digits: digits), x: Swift.min(right + 6, x1 + 4), y: y + rowH / 2 + 5, size: 15, weight: "bold")
            doc.add(g + "</g>")
        }
        doc.add(SVG.line(x1: x0, y1: top - 4, x2: x0, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.line(x1: x0, y1: bottom, x2: x1, y2: bottom, stroke: "#000", width: 1.5))
        for (l, line) in unitLines.enumerated() {
            doc.add(SVG.text(line, x: width / 2, y: bottom + 44 + 18 * Double(l), anchor: "middle", size: 15))
        }
        return doc.render()
    }

    func tickDigits(_ step: Double) -> Int { step >= 1 ? 0 : step >= 0.1 ? 1 : 2 }
}
