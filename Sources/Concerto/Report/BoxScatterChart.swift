import Foundation

/// The design's points on two parameters, cases of interest as filled discs and other points as
/// grey crosses, with a PRIM box drawn as a dashed rectangle (« nuage des points et boîte »).
/// Axes span the parameters' ranges, not zero.
public struct BoxScatterChart: Sendable {
    public struct Point: Sendable {
        public var x: Double
        public var y: Double
        public var isCase: Bool
        /// Outside the box on a dimension not drawn: drawn faint.
        public var faded: Bool
        public init(x: Double, y: Double, isCase: Bool, faded: Bool = false) { self.x = x; self.y = y; self.isCase = isCase; self.faded = faded }
    }

    public var title: String
    public var xTitle: String
    public var yTitle: String
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var points: [Point]
    /// The box's limits on x and y (the axis's range where unrestricted).
    public var box: (x: ClosedRange<Double>, y: ClosedRange<Double>)
    public var caseLabel: String
    public var otherLabel: String
    public var boxLabel: String
    /// The smallest tick step per axis (1 for whole numbers), or nil.
    public var xMinStep: Double? = nil
    public var yMinStep: Double? = nil

    public init(title: String, xTitle: String, yTitle: String, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, points: [Point],
                box: (x: ClosedRange<Double>, y: ClosedRange<Double>), caseLabel: String, otherLabel: String, boxLabel: String) {
        self.title = title; self.xTitle = xTitle; self.yTitle = yTitle; self.xRange = xRange; self.yRange = yRange; self.points = points
        self.box = box; self.caseLabel = caseLabel; self.otherLabel = otherLabel; self.boxLabel = boxLabel
    }

    /// Ticks of 1, 2 or 5 times a power of ten inside `r`.
    static func ticks(_ r: ClosedRange<Double>, minStep: Double? = nil) -> (values: [Double], digits: Int) {
        let span = r.upperBound - r.lowerBound
        guard span > 0, span.isFinite else { return ([r.lowerBound], 2) }
        let step = Swift.max(TornadoChart.niceStep(span / 5), minStep.map(TornadoChart.niceStep) ?? 0)
        var out: [Double] = []
        var t = Foundation.ceil(r.lowerBound / step - 1e-9) * step
        // At most a few dozen ticks: a step too small to move t (huge bounds) cannot loop forever.
        while t <= r.upperBound + step * 1e-9, out.count < 64 { out.append(Swift.abs(t) < step * 1e-9 ? 0 : t); t += step }
        let digits = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3
        return (out, digits)
    }

    public func render(_ loc: Localization, width: Double = 540, height: Double = 440) -> String {
        let left = 70.0, right = 16.0, bottom = 62.0
        let titleLines = ScatterChart.wrap(title, 54)
        let top = 24.0 + Double(titleLines.count) * 19 + 30
        let x0 = left, x1 = width - right, y0 = height - bottom, y1 = top
        var doc = SVGDocument(width: width, height: height, title: title)
        for (k, line) in titleLines.enumerated() { doc.add(SVG.text(line, x: 8, y: 20 + Double(k) * 19, size: 15, weight: "bold")) }
        func pad(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
            let s = r.upperBound - r.lowerBound
            let p = s > 0 ? s * 0.04 : Swift.max(Swift.abs(r.lowerBound) * 0.1, 0.5)
            return (r.lowerBound - p)...(r.upperBound + p)
        }
        let xr = pad(xRange), yr = pad(yRange)
        func px(_ v: Double) -> Double { x0 + (x1 - x0) * (v - xr.lowerBound) / (xr.upperBound - xr.lowerBound) }
        func py(_ v: Double) -> Double { y0 - (y0 - y1) * (v - yr.lowerBound) / (yr.upperBound - yr.lowerBound) }
        // Legend.
        let ly = top - 16
        doc.add(Self.disc(x: x0 + 6, y: ly))
        doc.add(SVG.text(caseLabel, x: x0 + 16, y: ly + 5, size: 13))
        var lx = x0 + 32 + Double(caseLabel.count) * 7
        doc.add(Self.cross(x: lx, y: ly))
        doc.add(SVG.text(otherLabel, x: lx + 10, y: ly + 5, size: 13))
        lx += 26 + Double(otherLabel.count) * 7
        doc.add(SVG.rect(x: lx - 6, y: ly - 6, width: 20, height: 12, fill: "none", extra: [("stroke", "#000"), ("stroke-width", "2"), ("stroke-dasharray", "5 3")]))
        doc.add(SVG.text(boxLabel, x: lx + 20, y: ly + 5, size: 13))
        // Grid and axes.
        let xt = Self.ticks(xRange, minStep: xMinStep), yt = Self.ticks(yRange, minStep: yMinStep)
        for t in xt.values {
            doc.add(SVG.line(x1: px(t), y1: y1, x2: px(t), y2: y0, stroke: "#e4e4e4"))
            doc.add(SVG.text(loc.number(t, digits: xt.digits), x: px(t), y: y0 + 18, anchor: "middle", size: 13))
        }
        for t in yt.values {
            doc.add(SVG.line(x1: x0, y1: py(t), x2: x1, y2: py(t), stroke: "#e4e4e4"))
            doc.add(SVG.text(loc.number(t, digits: yt.digits), x: x0 - 6, y: py(t) + 4, anchor: "end", size: 13))
        }
        doc.add(SVG.rect(x: x0, y: y1, width: x1 - x0, height: y0 - y1, fill: "none", extra: [("stroke", "#000"), ("stroke-width", "1.2")]))
        doc.add(SVG.text(xTitle, x: (x0 + x1) / 2, y: y0 + 42, anchor: "middle", size: 14))
        doc.add(SVG.text(GovernanceSchema.clip(yTitle, Swift.max(8, Int((y0 - y1) / 7.4))), x: 0, y: 0, anchor: "middle", size: 14,
                         extra: [("transform", "translate(16 \(SVG.num((y0 + y1) / 2))) rotate(-90)")]))
        // The box, shaded under the points, outlined over them.
        let bx0 = px(box.x.lowerBound), bx1 = px(box.x.upperBound), by0 = py(box.y.upperBound), by1 = py(box.y.lowerBound)
        doc.add(SVG.rect(x: bx0, y: by0, width: bx1 - bx0, height: by1 - by0, fill: "#E69F00", extra: [("fill-opacity", "0.14")]))
        let order = points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { ($0.faded ? 0 : 1, $0.isCase ? 1 : 0) < ($1.faded ? 0 : 1, $1.isCase ? 1 : 0) }
        for p in order {
            let mark = p.isCase ? Self.disc(x: px(p.x), y: py(p.y), cls: "case") : Self.cross(x: px(p.x), y: py(p.y), cls: "other")
            doc.add(p.faded ? SVG.element("g", [("opacity", "0.25")], content: mark) : mark)
        }
        doc.add(SVG.rect(x: bx0, y: by0, width: bx1 - bx0, height: by1 - by0, fill: "none",
                         extra: [("class", "prim-box"), ("stroke", "#000"), ("stroke-width", "2.5"), ("stroke-dasharray", "8 4")]))
        return doc.render()
    }

    static func disc(x: Double, y: Double, cls: String? = nil) -> String {
        SVG.element("circle", (cls.map { [("class", $0)] } ?? []) + [("cx", SVG.num(x)), ("cy", SVG.num(y)), ("r", "4.2"), ("fill", "#0072B2"), ("stroke", "#000"), ("stroke-width", "0.8")])
    }

    static func cross(x: Double, y: Double, cls: String? = nil) -> String {
        let d = "M\(SVG.num(x - 3.5)) \(SVG.num(y - 3.5)) L\(SVG.num(x + 3.5)) \(SVG.num(y + 3.5)) M\(SVG.num(x - 3.5)) \(SVG.num(y + 3.5)) L\(SVG.num(x + 3.5)) \(SVG.num(y - 3.5))"
        return SVG.element("path", (cls.map { [("class", $0)] } ?? []) + [("d", d), ("stroke", "#777"), ("stroke-width", "1.4"), ("fill", "none")])
    }
}
