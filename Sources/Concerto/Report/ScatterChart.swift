/// A scatter plot (« nuage de points »): axes from zero with their units, each point coloured on
/// a sequential colour-blind-safe scale (viridis, which also darkens monotonically, so it reads
/// in greyscale) with a legend, numbered so that a table can give its values, and optionally
/// ringed and labelled (the Pareto-efficient points of a sweep's trade-off chart).
public struct ScatterChart: Sendable {
    public struct Point: Sendable {
        /// Short text by the point (the cell's number).
        public var tag: String
        public var x: Double
        public var y: Double
        /// The value mapped to colour.
        public var colourValue: Double
        /// Ringed and labelled with `label` when true.
        public var highlighted: Bool
        public var label: String
        /// Compact label printed by a highlighted point, e.g. "(3 ; 8)".
        public var shortLabel: String
        /// Identifier written as `data-cell` on the point's group (for tests and readers).
        public var id: Int
        public init(tag: String, x: Double, y: Double, colourValue: Double, highlighted: Bool, label: String, shortLabel: String, id: Int) {
            self.tag = tag; self.shortLabel = shortLabel; self.x = x; self.y = y; self.colourValue = colourValue; self.highlighted = highlighted; self.label = label; self.id = id
        }
    }

    public var title: String
    public var xUnit: String
    public var yUnit: String
    /// Title of the colour legend (the measure and its unit).
    public var colourTitle: String
    public var colourDigits: Int
    public var points: [Point]
    /// Explains the highlighted points' labels, printed under the colour legend.
    public var labelKey: String?
    /// Prefix of ids defined in the chart (unique within a page).
    public var id: String

    public init(title: String, xUnit: String, yUnit: String, colourTitle: String, colourDigits: Int = 1, points: [Point], labelKey: String? = nil, id: String) {
        self.labelKey = labelKey
        self.title = title; self.xUnit = xUnit; self.yUnit = yUnit; self.colourTitle = colourTitle; self.colourDigits = colourDigits
        self.points = points; self.id = id
    }

    /// Viridis, sampled (dark purple → yellow).
    public static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (110, 206, 88), (181, 222, 43), (253, 231, 37),
    ]

    /// The colour of `t` in 0…1 on the viridis scale, as #rrggbb.
    public static func colour(_ t: Double) -> String {
        let u = Swift.min(1, Swift.max(0, t.isFinite ? t : 0)) * Double(viridis.count - 1)
        let i = Swift.min(viridis.count - 2, Int(u.rounded(.down))), f = u - Double(i)
        let a = viridis[i], b = viridis[i + 1]
        func hex(_ v: Double) -> String {
            let n = Int(v.rounded()), digits = Array("0123456789abcdef")
            return String(digits[n / 16]) + String(digits[n % 16])
        }
        return "#" + hex(a.0 + (b.0 - a.0) * f) + hex(a.1 + (b.1 - a.1) * f) + hex(a.2 + (b.2 - a.2) * f)
    }

    public func render(_ loc: Localization, width: Double = 1100, height: Double = 660) -> String {
        let left = 90.0, right = 250.0, top = 56.0, bottom = 84.0
        let x0 = left, x1 = width - right, y0 = height - bottom, y1 = top
        var doc = SVGDocument(width: width, height: height, title: title)
        doc.add(SVG.text(title, x: 8, y: 26, size: 18, weight: "bold"))
        let drawn = points.filter { $0.x.isFinite && $0.y.isFinite }
        let ax = ChartStyle.niceAxis((drawn.map(\.x).max() ?? 1) * 1.05), ay = ChartStyle.niceAxis((drawn.map(\.y).max() ?? 1) * 1.05)
        func px(_ v: Double) -> Double { x0 + (x1 - x0) * v / ax.max }
        func py(_ v: Double) -> Double { y0 - (y0 - y1) * v / ay.max }
        func digits(_ step: Double) -> Int { step >= 1 ? 0 : step >= 0.1 ? 1 : 2 }
        var t = 0.0
        while t <= ax.max + ax.step * 1e-9 {
            doc.add(SVG.line(x1: px(t), y1: y1, x2: px(t), y2: y0, stroke: "#e0e0e0"))
            doc.add(SVG.text(loc.number(t, digits: digits(ax.step)), x: px(t), y: y0 + 22, anchor: "middle", size: 15))
            t += ax.step
        }
        t = 0
        while t <= ay.max + ay.step * 1e-9 {
            doc.add(SVG.line(x1: x0, y1: py(t), x2: x1, y2: py(t), stroke: "#e0e0e0"))
            doc.add(SVG.text(loc.number(t, digits: digits(ay.step)), x: x0 - 8, y: py(t) + 5, anchor: "end", size: 15))
            t += ay.step
        }
        doc.add(SVG.line(x1: x0, y1: y1, x2: x0, y2: y0, stroke: "#000", width: 1.5))
        doc.add(SVG.line(x1: x0, y1: y0, x2: x1, y2: y0, stroke: "#000", width: 1.5))
        doc.add(SVG.text(xUnit, x: (x0 + x1) / 2, y: y0 + 52, anchor: "middle", size: 16))
        doc.add(SVG.text(yUnit, x: 0, y: 0, anchor: "middle", size: 16,
                         extra: [("transform", "translate(\(SVG.num(24)) \(SVG.num((y0 + y1) / 2))) rotate(-90)")]))
        // Colour scale.
        let values = drawn.map(\.colourValue).filter(\.isFinite)
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        func scaled(_ v: Double) -> Double { hi > lo ? (v - lo) / (hi - lo) : 0.5 }
        var stops = ""
        for k in 0...10 {
            let f = Double(k) / 10
            // Top of the legend = highest value.
            stops += SVG.element("stop", [("offset", SVG.num(f)), ("stop-color", Self.colour(1 - f))])
        }
        doc.define(SVG.element("linearGradient", [("id", "\(id)-scale"), ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "1")], content: stops))
        let lx = x1 + 50, ly0 = y1 + 60, ly1 = y1 + 320
        for (k, line) in Self.wrap(colourTitle, 24).enumerated() {
            doc.add(SVG.text(line, x: lx - 10, y: y1 + 8 + Double(k) * 19, size: 15, weight: "bold"))
        }
        doc.add(SVG.rect(x: lx, y: ly0, width: 26, height: ly1 - ly0, fill: "url(#\(id)-scale)", extra: [("stroke", "#000")]))
        for k in 0...4 {
            let f = Double(k) / 4, v = hi > lo ? hi - (hi - lo) * f : lo
            let y = ly0 + (ly1 - ly0) * f
            doc.add(SVG.line(x1: lx + 26, y1: y, x2: lx + 32, y2: y, stroke: "#000"))
            doc.add(SVG.text(loc.number(v, digits: colourDigits), x: lx + 36, y: y + 5, size: 15))
            if hi <= lo { break }
        }
        if let key = labelKey {
            for (k, line) in Self.wrap(key, 28).enumerated() {
                doc.add(SVG.text(line, x: lx - 10, y: ly1 + 50 + Double(k) * 18, size: 14, fill: "#222"))
            }
        }
        // Labels placed greedily where they overlap no point and no other label.
        struct Box { var x0, y0, x1, y1: Double
            func hits(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 } }
        var taken = drawn.map { p -> Box in
            let r = p.highlighted ? 17.0 : 10.0
            return Box(x0: px(p.x) - r, y0: py(p.y) - r, x1: px(p.x) + r, y1: py(p.y) + r)
        }
        var placed: [Int: (x: Double, y: Double)] = [:]
        let order = drawn.indices.sorted { (drawn[$0].highlighted ? 0 : 1, $0) < (drawn[$1].highlighted ? 0 : 1, $1) }
        for i in order {
            let p = drawn[i], cx = px(p.x), cy = py(p.y), r = p.highlighted ? 19.0 : 12.0
            let w = Double(labelText(p).count) * 7.6 + 4, h = 17.0
            var candidates: [(Double, Double)] = []
            for scale in [1.0, 1.9, 2.8] {
                let d = r * scale
                candidates += [(cx + d, cy - h / 2), (cx - d - w, cy - h / 2), (cx - w / 2, cy - d - h), (cx - w / 2, cy + d),
                               (cx + d * 0.7, cy - d * 0.7 - h), (cx + d * 0.7, cy + d * 0.7), (cx - d * 0.7 - w, cy - d * 0.7 - h), (cx - d * 0.7 - w, cy + d * 0.7)]
            }
            let fits = candidates.map { Box(x0: $0.0, y0: $0.1, x1: $0.0 + w, y1: $0.1 + h) }
                .first { b in b.x0 >= x0 + 2 && b.x1 <= x1 + right - 10 && b.y0 >= y1 - 20 && b.y1 <= y0 - 2 && !taken.contains { $0.hits(b) } }
            let b = fits ?? Box(x0: cx + r, y0: cy - h / 2, x1: cx + r + w, y1: cy + h / 2)
            taken.append(b)
            placed[i] = (b.x0 + 2, b.y0 + 13)
        }
        // Points: ordinary first, highlighted on top.
        for i in drawn.indices.sorted(by: { (drawn[$0].highlighted ? 1 : 0, $0) < (drawn[$1].highlighted ? 1 : 0, $1) }) {
            let p = drawn[i], cx = px(p.x), cy = py(p.y)
            var g = "<title>" + SVG.escape(p.tag + " : " + p.label) + "</title>"
            if p.highlighted {
                g += SVG.element("circle", [("class", "pareto-ring"), ("cx", SVG.num(cx)), ("cy", SVG.num(cy)), ("r", "16"), ("fill", "none"),
                                            ("stroke", "#000"), ("stroke-width", "2.5")])
            }
            g += SVG.element("circle", [("cx", SVG.num(cx)), ("cy", SVG.num(cy)), ("r", "9"), ("fill", Self.colour(scaled(p.colourValue))),
                                        ("stroke", "#000"), ("stroke-width", "1.2")])
            let at = placed[i]!
            g += SVG.text(labelText(p), x: at.x, y: at.y, size: 14, weight: p.highlighted ? "bold" : nil)
            doc.add(SVG.element("g", [("class", p.highlighted ? "cell pareto" : "cell"), ("data-cell", String(p.id))], content: g))
        }
        return doc.render()
    }

    /// The text by a point: its tag, and for a highlighted point its short label.
    func labelText(_ p: Point) -> String { p.highlighted ? p.tag + " " + p.shortLabel : p.tag }

    /// Splits `s` into lines of at most about `width` characters.
    static func wrap(_ s: String, _ width: Int) -> [String] {
        var lines: [String] = [], cur = ""
        for w in s.split(separator: " ") {
            if !cur.isEmpty && cur.count + w.count + 1 > width { lines.append(cur); cur = "" }
            cur += (cur.isEmpty ? "" : " ") + w
        }
        if !cur.isEmpty { lines.append(cur) }
        return lines
    }
}
