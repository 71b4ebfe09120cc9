/// Lines against one parameter (« effet d'un paramètre »): one panel per measure, side by side,
/// each with its own y axis from zero and its unit; x is the parameter's values (spaced by value
/// when they are all numbers, evenly otherwise). Each point has a vertical whisker (its CI, or a
/// range, as the caption says) and its value printed.
public struct LineChart: Sendable {
    public struct Point: Sendable {
        public var mean: Double
        public var low: Double
        public var high: Double
        public init(mean: Double, low: Double, high: Double) { self.mean = mean; self.low = low; self.high = high }
    }

    public struct Panel: Sendable {
        public var title: String
        public var unit: String
        public var digits: Int
        /// One point per parameter value, in the order of `LineChart.xLabels`.
        public var points: [Point]
        public init(title: String, unit: String, digits: Int, points: [Point]) {
            self.title = title; self.unit = unit; self.digits = digits; self.points = points
        }
    }

    public var title: String
    /// The parameter's name (x axis title).
    public var xTitle: String
    /// Parameter values as displayed.
    public var xLabels: [String]
    /// Numeric positions of the values, or nil to space them evenly.
    public var xValues: [Double]?
    public var panels: [Panel]

    public init(title: String, xTitle: String, xLabels: [String], xValues: [Double]?, panels: [Panel]) {
        self.title = title; self.xTitle = xTitle; self.xLabels = xLabels; self.xValues = xValues; self.panels = panels
    }

    public func render(_ loc: Localization, width: Double = 1300) -> String {
        let panelW = width / Double(Swift.max(1, panels.count)), height = 400.0
        var doc = SVGDocument(width: width, height: height, title: title)
        doc.add(SVG.text(title, x: 8, y: 24, size: 18, weight: "bold"))
        let n = xLabels.count
        // x positions in 0…1.
        let pos: [Double]
        if let xs = xValues, let lo = xs.min(), let hi = xs.max(), hi > lo {
            pos = xs.map { ($0 - lo) / (hi - lo) }
        } else {
            pos = (0..<n).map { n > 1 ? Double($0) / Double(n - 1) : 0.5 }
        }
        for (k, panel) in panels.enumerated() {
            let ox = Double(k) * panelW
            let x0 = ox + 78, x1 = ox + panelW - 30, top = 92.0, y0 = height - 86
            let xa = x0 + 18, xb = x1 - 18
            for (j, line) in ScatterChart.wrap(panel.title, Int(panelW / 9.5)).prefix(2).enumerated() {
                doc.add(SVG.text(line, x: ox + 12, y: 52 + Double(j) * 19, size: 16, weight: "bold"))
            }
            let values = panel.points.flatMap { [$0.mean, $0.high] }.filter(\.isFinite)
            let axis = ChartStyle.niceAxis((values.max() ?? 1) * 1.08)
            func py(_ v: Double) -> Double { y0 - (y0 - top) * Swift.min(1, Swift.max(0, v / axis.max)) }
            func px(_ j: Int) -> Double { xa + (xb - xa) * pos[j] }
            var t = 0.0
            while t <= axis.max + axis.step * 1e-9 {
                doc.add(SVG.line(x1: x0, y1: py(t), x2: x1, y2: py(t), stroke: "#e0e0e0"))
                doc.add(SVG.text(loc.number(t, digits: axis.step >= 1 ? 0 : axis.step >= 0.1 ? 1 : 2), x: x0 - 6, y: py(t) + 5, anchor: "end", size: 14))
                t += axis.step
            }
            doc.add(SVG.line(x1: x0, y1: top, x2: x0, y2: y0, stroke: "#000", width: 1.5))
            doc.add(SVG.line(x1: x0, y1: y0, x2: x1, y2: y0, stroke: "#000", width: 1.5))
            for j in 0..<n {
                doc.add(SVG.line(x1: px(j), y1: y0, x2: px(j), y2: y0 + 6, stroke: "#000"))
                doc.add(SVG.text(xLabels[j], x: px(j), y: y0 + 24, anchor: "middle", size: 14))
            }
            doc.add(SVG.text(xTitle, x: (x0 + x1) / 2, y: y0 + 50, anchor: "middle", size: 15))
            doc.add(SVG.text(panel.unit, x: 0, y: 0, anchor: "middle", size: 14,
                             extra: [("transform", "translate(\(SVG.num(ox + 18)) \(SVG.num((top + y0) / 2))) rotate(-90)")]))
            let finite = (0..<n).filter { $0 < panel.points.count && panel.points[$0].mean.isFinite }
            doc.add(SVG.path(finite.map { (px($0), py(panel.points[$0].mean)) }, stroke: ChartStyle.colour(0), width: 2.5))
            for j in finite {
                let p = panel.points[j], cx = px(j)
                if p.low.isFinite && p.high.isFinite {
                    doc.add(SVG.line(x1: cx, y1: py(p.low), x2: cx, y2: py(p.high), stroke: "#000", width: 1.8))
                    doc.add(SVG.line(x1: cx - 6, y1: py(p.low), x2: cx + 6, y2: py(p.low), stroke: "#000", width: 1.8))
                    doc.add(SVG.line(x1: cx - 6, y1: py(p.high), x2: cx + 6, y2: py(p.high), stroke: "#000", width: 1.8))
                }
                doc.add(ChartStyle.marker(0, x: cx, y: py(p.mean), size: 6))
                doc.add(SVG.text(loc.number(p.mean, digits: panel.digits), x: cx + 9, y: py(p.mean) - 8, size: 13, weight: "bold"))
            }
        }
        return doc.render()
    }
}
