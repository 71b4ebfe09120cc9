import Foundation

/// A tornado chart (« diagramme en tornade ») of sensitivity indices: one horizontal bar per
/// parameter, largest first, with the index's 95% interval as whiskers, an optional secondary
/// index as a thin grey bar under it (Sobol S1 beside ST), and the index computed on half the
/// sample as a small red triangle above the bar (convergence). Bars of negative correlations
/// are hatched and orange, positive ones solid and blue, so the sign reads in greyscale too.
public struct TornadoChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        /// Full name, shown as the bar's tooltip (the scenario path).
        public var detail: String
        /// Length of the bar (|ρ| for a correlation).
        public var value: Double
        public var low: Double
        public var high: Double
        public var half: Double
        /// Secondary index drawn thin under the bar (Sobol S1), or nil.
        public var secondary: Double?
        /// The number printed right of the bar (signed for a correlation).
        public var valueText: String
        public var negative: Bool
        public init(label: String, detail: String, value: Double, low: Double, high: Double, half: Double, secondary: Double? = nil,
                    valueText: String, negative: Bool = false) {
            self.label = label; self.detail = detail; self.value = value; self.low = low; self.high = high; self.half = half
            self.secondary = secondary; self.valueText = valueText; self.negative = negative
        }
    }

    public var title: String
    public var axis: String
    public var bars: [Bar]
    /// Shown instead of bars when the index could not be computed.
    public var note: String?
    /// Line under the chart about the parameters not shown.
    public var more: String?
    public var mainLabel: String
    public var secondaryLabel: String?
    public var halfLabel: String
    /// Legend labels of positive and negative bars (correlations), or nil.
    public var signLabels: (positive: String, negative: String)?
    public var id: String

    public init(title: String, axis: String, bars: [Bar], note: String? = nil, more: String? = nil, mainLabel: String, secondaryLabel: String? = nil,
                halfLabel: String, signLabels: (positive: String, negative: String)? = nil, id: String) {
        self.title = title; self.axis = axis; self.bars = bars; self.note = note; self.more = more; self.mainLabel = mainLabel
        self.secondaryLabel = secondaryLabel; self.halfLabel = halfLabel; self.signLabels = signLabels; self.id = id
    }

    static let positive = "#0072B2", negative = "#D55E00", halfColour = "#C0392B"

    /// A step of 1, 2 or 5 times a power of ten near `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let mag = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
        // Subnormal or overflowing powers of ten: the raw step itself.
        guard mag.isNormal else { return raw }
        let norm = raw / mag
        let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag
        return step.isFinite ? step : raw
    }

    /// A label on at most two lines of about `width` characters (cut at a space, the second
    /// clipped).
    static func labelLines(_ s: String, _ width: Int) -> [String] {
        guard s.count > width else { return [s] }
        let lines = ScatterChart.wrap(s, width)
        guard lines.count > 1 else { return [GovernanceSchema.clip(s, width)] }
        return [lines[0], GovernanceSchema.clip(lines.dropFirst().joined(separator: " "), width)]
    }

    public func render(_ loc: Localization, width: Double = 600) -> String {
        let labelW = 236.0, valueW = 62.0
        let rowH = secondaryLabel == nil ? 34.0 : 40.0
        let titleLines = ScatterChart.wrap(title, 50)
        let top = 26.0 + Double(titleLines.count) * 20 + 30
        let x0 = labelW + 8, x1 = width - valueW
        let bottom = top + Double(Swift.max(bars.count, note == nil ? 0 : 1)) * rowH
        let height = bottom + (note == nil ? 58 : 14) + (more == nil ? 0 : 22)
        var doc = SVGDocument(width: width, height: height, title: title)
        doc.define(SVG.element("pattern", [("id", "\(id)-neg"), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")],
                               content: SVG.rect(x: 0, y: 0, width: 6, height: 6, fill: Self.negative) + SVG.line(x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#fff", width: 2.5)))
        for (k, line) in titleLines.enumerated() { doc.add(SVG.text(line, x: 8, y: 20 + Double(k) * 20, size: 16, weight: "bold")) }
        if let note {
            doc.add(SVG.text(note, x: 12, y: top + 4, size: 14, fill: "#333", extra: [("class", "tornado-note")]))
            return doc.render()
        }
        // Legend.
        var lx = 10.0
        let ly = top - 20
        func legend(_ mark: String, _ text: String) {
            doc.add(mark)
            doc.add(SVG.text(text, x: lx + 26, y: ly + 4, size: 13))
            lx += 34 + Double(text.count) * 6.6
        }
        if let signs = signLabels {
            legend(SVG.rect(x: lx, y: ly - 6, width: 20, height: 11, fill: Self.positive, extra: [("stroke", "#000")]), signs.positive)
            legend(SVG.rect(x: lx, y: ly - 6, width: 20, height: 11, fill: "url(#\(id)-neg)", extra: [("stroke", "#000")]), signs.negative)
        } else {
            legend(SVG.rect(x: lx, y: ly - 6, width: 20, height: 11, fill: Self.positive, extra: [("stroke", "#000")]), mainLabel)
        }
        if let s = secondaryLabel { legend(SVG.rect(x: lx, y: ly - 3, width: 20, height: 6, fill: "#999", extra: [("stroke", "#000"), ("stroke-width", "0.6")]), s) }
        legend(Self.triangle(x: lx + 10, y: ly - 4), halfLabel)
        // Axis.
        let values = bars.flatMap { [$0.value, $0.low, $0.high, $0.half, $0.secondary ?? 0] }.filter(\.isFinite)
        var lo = Swift.min(0, values.min() ?? 0), hi = Swift.max(values.max() ?? 1, lo + 1e-9)
        let step = Self.niceStep((hi - lo) / 4)
        lo = Foundation.floor(lo / step - 1e-9) * step
        hi = Foundation.ceil(hi / step - 1e-9) * step
        if hi <= lo { hi = lo + step }
        func px(_ v: Double) -> Double { x0 + (x1 - x0) * (Swift.min(hi, Swift.max(lo, v)) - lo) / (hi - lo) }
        let digits = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3
        var t = lo
        var drawn = 0
        // At most a few dozen ticks, and never a step too small to move t (huge bounds).
        while t <= hi + step * 1e-6, drawn < 64 {
            drawn += 1
            doc.add(SVG.line(x1: px(t), y1: top - 4, x2: px(t), y2: bottom, stroke: Swift.abs(t) < step * 1e-6 ? "#000" : "#d8d8d8",
                             width: Swift.abs(t) < step * 1e-6 ? 1.5 : 1))
            doc.add(SVG.text(loc.number(Swift.abs(t) < step * 1e-6 ? 0 : t, digits: digits), x: px(t), y: bottom + 18, anchor: "middle", size: 13))
            t += step
        }
        for (k, b) in bars.enumerated() {
            let y = top + Double(k) * rowH
            let barY = y + 6, barH = 14.0, cy = barY + barH / 2
            var g = "<title>" + SVG.escape(b.detail + " : " + b.valueText) + "</title>"
            let lines = Self.labelLines(b.label, 33)
            for (k, line) in lines.enumerated() {
                g += SVG.text(line, x: labelW, y: cy + 5 + (Double(k) - Double(lines.count - 1) / 2) * 14, anchor: "end", size: 12.5)
            }
            if b.value.isFinite {
                let a = px(Swift.min(0, b.value)), z = px(Swift.max(0, b.value))
                g += SVG.rect(x: a, y: barY, width: z - a, height: barH, fill: b.negative ? "url(#\(id)-neg)" : Self.positive, extra: [("stroke", "#000"), ("stroke-width", "0.8")])
            }
            if let s = b.secondary, s.isFinite {
                let a = px(Swift.min(0, s)), z = px(Swift.max(0, s))
                g += SVG.rect(x: a, y: barY + barH + 3, width: z - a, height: 7, fill: "#999", extra: [("class", "secondary"), ("stroke", "#000"), ("stroke-width", "0.6")])
            }
            var right = px(Swift.max(0, b.value.isFinite ? b.value : 0))
            if b.low.isFinite && b.high.isFinite {
                let l = px(b.low), r = px(b.high)
                g += SVG.line(x1: l, y1: cy, x2: r, y2: cy, stroke: "#000", width: 1.6)
                g += SVG.line(x1: l, y1: cy - 6, x2: l, y2: cy + 6, stroke: "#000", width: 1.6)
                g += SVG.line(x1: r, y1: cy - 6, x2: r, y2: cy + 6, stroke: "#000", width: 1.6)
                right = Swift.max(right, r)
            }
            if b.half.isFinite { g += Self.triangle(x: px(b.half), y: barY - 1) }
            g += SVG.text(b.valueText, x: Swift.min(right + 5, x1 + 2), y: cy + 5, size: 13, weight: "bold")
            doc.add(SVG.element("g", [("class", "tornado-bar")], content: g))
        }
        doc.add(SVG.line(x1: x0, y1: bottom, x2: x1, y2: bottom, stroke: "#000", width: 1.2))
        doc.add(SVG.text(axis, x: (x0 + x1) / 2, y: bottom + 40, anchor: "middle", size: 13))
        if let more { doc.add(SVG.text(more, x: labelW, y: bottom + 60, anchor: "end", size: 13, fill: "#333")) }
        return doc.render()
    }

    /// The half-sample mark: a small downward triangle whose tip touches the bar.
    static func triangle(x: Double, y: Double) -> String {
        SVG.element("polygon", [("class", "half"), ("points", "\(SVG.num(x - 5)),\(SVG.num(y - 8)) \(SVG.num(x + 5)),\(SVG.num(y - 8)) \(SVG.num(x)),\(SVG.num(y))"),
                                ("fill", halfColour), ("stroke", "#000"), ("stroke-width", "0.8")])
    }
}
