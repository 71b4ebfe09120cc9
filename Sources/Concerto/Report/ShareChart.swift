/// Sector shares among those present at decisions against the scenario's reference shares:
/// grouped horizontal bars, one group per sector (« secteurs présents aux décisions »).
public struct ShareChart: Sendable {
    /// One sector: its name, mean share present at decisions (with 95% CI) and reference share.
    public struct Group: Sendable {
        public var label: String
        public var present: Summary
        public var reference: Double
        public init(label: String, present: Summary, reference: Double) {
            self.label = label; self.present = present; self.reference = reference
        }
    }

    public var title: String
    public var groups: [Group]
    public var series: Int
    public var id: String

    public init(title: String, groups: [Group], series: Int, id: String) {
        self.title = title; self.groups = groups; self.series = series; self.id = id
    }

    public func render(_ loc: Localization, width: Double = 1060) -> String {
        let labelW = 380.0, rowH = 46.0, top = 82.0
        let x0 = labelW + 12, x1 = width - 90
        let bottom = top + Double(groups.count) * rowH
        var doc = SVGDocument(width: width, height: bottom + 70, title: title)
        ChartStyle.definePatterns(&doc, prefix: id)
        doc.define(SVG.element("pattern", [("id", "\(id)-ref"), ("width", "8"), ("height", "8"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(-45)")],
                               content: SVG.rect(x: 0, y: 0, width: 8, height: 8, fill: "#e6e6e6") + SVG.line(x1: 0, y1: 0, x2: 0, y2: 8, stroke: ChartStyle.reference, width: 3)))
        doc.add(SVG.text(title, x: 8, y: 26, size: 18, weight: "bold"))
        // Legend.
        doc.add(ChartStyle.patternedRect(series, prefix: id, x: x0, y: 42, width: 28, height: 16))
        doc.add(SVG.text(loc(.presentAtDecisions), x: x0 + 36, y: 56, size: 15))
        doc.add(SVG.rect(x: x0 + 280, y: 42, width: 28, height: 16, fill: "url(#\(id)-ref)", extra: [("stroke", "#000")]))
        doc.add(SVG.text(loc(.referenceShare), x: x0 + 316, y: 56, size: 15))
        let maxV = groups.flatMap { [$0.present.ci95High, $0.present.mean, $0.reference] }.filter(\.isFinite).max() ?? 0.01
        let axis = ChartStyle.niceAxis(maxV * 100, ticks: 5)
        func px(_ share: Double) -> Double { x0 + (x1 - x0) * Swift.min(1, Swift.max(0, share * 100 / axis.max)) }
        var t = 0.0
        while t <= axis.max + axis.step * 1e-9 {
            doc.add(SVG.line(x1: px(t / 100), y1: top - 4, x2: px(t / 100), y2: bottom, stroke: "#d9d9d9"))
            doc.add(SVG.text(loc.number(t, digits: axis.step >= 1 ? 0 : 1), x: px(t / 100), y: bottom + 20, anchor: "middle", size: 14))
            t += axis.step
        }
        for (k, g) in groups.enumerated() {
            let y = top + Double(k) * rowH
            // The sector's name, wrapped on two lines, whole in the tooltip.
            let lines = GovernanceSchema.wrap(g.label, width: 44, lines: 2)
            var label = "<g class=\"sector\"><title>" + SVG.escape(g.label + (loc.language == .fr ? " : " : ": ") + loc.percent(g.present.mean, digits: 1)
                + " (" + loc(.referenceShare) + " " + loc.percent(g.reference, digits: 1) + ")") + "</title>"
            for (l, line) in lines.enumerated() {
                label += SVG.text(line, x: labelW, y: y + rowH / 2 + 5 + (Double(l) - Double(lines.count - 1) / 2) * 16, anchor: "end", size: 14)
            }
            doc.add(label + "</g>")
            let barH = (rowH - 10) / 2
            if g.present.mean.isFinite {
                doc.add(ChartStyle.patternedRect(series, prefix: id, x: x0, y: y + 4, width: px(g.present.mean) - x0, height: barH))
                var right = px(g.present.mean)
                if g.present.ci95Low.isFinite && g.present.ci95High.isFinite {
                    let cy = y + 4 + barH / 2, lo = px(g.present.ci95Low), hi = px(g.present.ci95High)
                    doc.add(SVG.line(x1: lo, y1: cy, x2: hi, y2: cy, stroke: "#000", width: 1.5))
                    doc.add(SVG.line(x1: lo, y1: cy - 5, x2: lo, y2: cy + 5, stroke: "#000", width: 1.5))
                    doc.add(SVG.line(x1: hi, y1: cy - 5, x2: hi, y2: cy + 5, stroke: "#000", width: 1.5))
                    right = Swift.max(right, hi)
                }
                doc.add(SVG.text(loc.percent(g.present.mean, digits: 0), x: right + 5, y: y + 4 + barH - 3, size: 14))
            }
            doc.add(SVG.rect(x: x0, y: y + 4 + barH, width: px(g.reference) - x0, height: barH, fill: "url(#\(id)-ref)", extra: [("stroke", "#000")]))
            doc.add(SVG.text(loc.percent(g.reference, digits: 0), x: px(g.reference) + 5, y: y + 4 + 2 * barH - 3, size: 14, fill: "#333"))
        }
        doc.add(SVG.line(x1: x0, y1: top - 4, x2: x0, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.line(x1: x0, y1: bottom, x2: x1, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.text(loc(.shareAxis), x: (x0 + x1) / 2, y: bottom + 46, anchor: "middle", size: 15))
        return doc.render()
    }
}
