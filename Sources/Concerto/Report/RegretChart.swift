/// Horizontal bars of each structure's mean regret from zero, with the 90th percentile as a
/// black diamond (« regret moyen et 90e centile »); bars in each structure's colour and pattern.
public struct RegretChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var mean: Double
        public var p90: Double
        public var series: Int
        public init(label: String, mean: Double, p90: Double, series: Int) {
            self.label = label; self.mean = mean; self.p90 = p90; self.series = series
        }
    }

    public var title: String
    /// Axis title with the unit.
    public var axis: String
    public var bars: [Bar]
    public var digits: Int
    public var meanLabel: String
    public var p90Label: String
    /// Prefix of the chart's pattern ids (unique within a page).
    public var id: String

    public init(title: String, axis: String, bars: [Bar], digits: Int, meanLabel: String, p90Label: String, id: String) {
        self.title = title; self.axis = axis; self.bars = bars; self.digits = digits
        self.meanLabel = meanLabel; self.p90Label = p90Label; self.id = id
    }

    public func render(_ loc: Localization, width: Double = 540) -> String {
        let labelW = 130.0, valueW = 76.0, rowH = 40.0
        let titleLines = ScatterChart.wrap(title, 52)
        let top = 30.0 + Double(titleLines.count) * 20 + 26
        let x0 = labelW + 10, x1 = width - valueW
        let bottom = top + Double(bars.count) * rowH
        let height = bottom + 66
        var doc = SVGDocument(width: width, height: height, title: title)
        ChartStyle.definePatterns(&doc, prefix: id)
        for (k, line) in titleLines.enumerated() { doc.add(SVG.text(line, x: 8, y: 22 + Double(k) * 20, size: 17, weight: "bold")) }
        // Legend: a bar and a diamond.
        let ly = top - 18
        doc.add(SVG.rect(x: 10, y: ly - 8, width: 22, height: 12, fill: "#bbb", extra: [("stroke", "#000")]))
        doc.add(SVG.text(meanLabel, x: 38, y: ly + 3, size: 14))
        let dx = 60 + Double(meanLabel.count) * 7.5
        doc.add(Self.diamond(x: dx, y: ly - 2, size: 6))
        doc.add(SVG.text(p90Label, x: dx + 12, y: ly + 3, size: 14))
        let values = bars.flatMap { [$0.mean, $0.p90] }.filter(\.isFinite)
        let axisScale = ChartStyle.niceAxis(values.max() ?? 1)
        func px(_ v: Double) -> Double { x0 + (x1 - x0) * Swift.min(1, Swift.max(0, v / axisScale.max)) }
        var t = 0.0
        let tickDigits = axisScale.step >= 1 ? 0 : axisScale.step >= 0.1 ? 1 : 2
        while t <= axisScale.max + axisScale.step * 1e-9 {
            doc.add(SVG.line(x1: px(t), y1: top - 2, x2: px(t), y2: bottom, stroke: "#d0d0d0"))
            doc.add(SVG.text(loc.number(t, digits: tickDigits), x: px(t), y: bottom + 20, anchor: "middle", size: 14))
            t += axisScale.step
        }
        for (k, b) in bars.enumerated() {
            let y = top + Double(k) * rowH, cy = y + rowH / 2
            doc.add(SVG.text(GovernanceSchema.clip(b.label, 16), x: labelW, y: cy + 5, anchor: "end", size: 15))
            guard b.mean.isFinite else {
                doc.add(SVG.text(loc(.noData), x: x0 + 4, y: cy + 5, size: 14, fill: "#555"))
                continue
            }
            var g = ChartStyle.patternedRect(b.series, prefix: id, x: x0, y: y + 8, width: px(b.mean) - x0, height: rowH - 16)
            var right = px(b.mean)
            if b.p90.isFinite {
                g += SVG.line(x1: px(b.mean), y1: cy, x2: px(b.p90), y2: cy, stroke: "#000", width: 1.5, extra: [("stroke-dasharray", "3 3")])
                g += Self.diamond(x: px(b.p90), y: cy, size: 7)
                right = Swift.max(right, px(b.p90) + 7)
            }
            g += "<title>" + SVG.escape(b.label + " — " + meanLabel + " " + loc.number(b.mean, digits: digits) + ", " + p90Label + " " + loc.number(b.p90, digits: digits)) + "</title>"
            doc.add(SVG.element("g", [("class", "regret-bar")], content: g))
            doc.add(SVG.text(loc.number(b.mean, digits: digits), x: right + 5, y: cy + 5, size: 14, weight: "bold"))
        }
        doc.add(SVG.line(x1: x0, y1: top - 2, x2: x0, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.line(x1: x0, y1: bottom, x2: x1, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.text(axis, x: (x0 + x1) / 2, y: bottom + 44, anchor: "middle", size: 14))
        return doc.render()
    }

    static func diamond(x: Double, y: Double, size: Double) -> String {
        SVG.element("polygon", [("class", "p90"), ("points", "\(SVG.num(x)),\(SVG.num(y - size)) \(SVG.num(x + size)),\(SVG.num(y)) \(SVG.num(x)),\(SVG.num(y + size)) \(SVG.num(x - size)),\(SVG.num(y))"),
                                ("fill", "#000"), ("stroke", "#fff"), ("stroke-width", "1.5")])
    }
}
