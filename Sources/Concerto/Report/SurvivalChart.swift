/// Kaplan–Meier step curves, one per structure: the share of issues still undecided (y, %)
/// against the days since they emerged (x), with a line at one half (« courbes de survie »).
public struct SurvivalChart: Sendable {
    /// One structure's curve: points (days, survival 0–1) of a right-continuous step function.
    public struct Series: Sendable {
        public var label: String
        public var points: [(time: Double, survival: Double)]
        public var series: Int
        public init(label: String, points: [(time: Double, survival: Double)], series: Int) {
            self.label = label; self.points = points; self.series = series
        }
    }

    public var title: String
    public var series: [Series]
    /// Right end of the time axis (days), e.g. the measured horizon.
    public var maxDays: Double

    public init(title: String, series: [Series], maxDays: Double) {
        self.title = title; self.series = series; self.maxDays = maxDays
    }

    public func render(_ loc: Localization, width: Double = 1060, height: Double = 520) -> String {
        let left = 90.0, right = width - 250, top = 50.0, bottom = height - 80
        var doc = SVGDocument(width: width, height: height, title: title)
        doc.add(SVG.text(title, x: 8, y: 26, size: 18, weight: "bold"))
        let axis = ChartStyle.niceAxis(maxDays, ticks: 6)
        func px(_ d: Double) -> Double { left + (right - left) * Swift.min(1, Swift.max(0, d / axis.max)) }
        func py(_ s: Double) -> Double { bottom - (bottom - top) * Swift.min(1, Swift.max(0, s)) }
        for k in 0...4 {
            let s = Double(k) / 4
            doc.add(SVG.line(x1: left, y1: py(s), x2: right, y2: py(s), stroke: "#d9d9d9"))
            doc.add(SVG.text(loc.number(s * 100, digits: 0), x: left - 8, y: py(s) + 5, anchor: "end", size: 15))
        }
        var t = 0.0
        while t <= axis.max + axis.step * 1e-9 {
            doc.add(SVG.line(x1: px(t), y1: bottom, x2: px(t), y2: bottom + 6, stroke: "#000"))
            doc.add(SVG.text(loc.number(t, digits: 0), x: px(t), y: bottom + 24, anchor: "middle", size: 15))
            t += axis.step
        }
        doc.add(SVG.line(x1: left, y1: py(0.5), x2: right, y2: py(0.5), stroke: "#444", width: 1.5, extra: [("stroke-dasharray", "2 4")]))
        doc.add(SVG.text(loc(.halfLine), x: right - 4, y: py(0.5) - 6, anchor: "end", size: 14, fill: "#444"))
        for s in series {
            var pts: [(Double, Double)] = [(px(0), py(1))]
            var last = 1.0
            for p in s.points where p.time.isFinite {
                let x = px(p.time)
                pts.append((x, py(last)))
                pts.append((x, py(p.survival)))
                last = p.survival
            }
            pts.append((right, py(last)))
            var extra: [(String, String)] = [("stroke-linejoin", "round")]
            if !ChartStyle.dash(s.series).isEmpty { extra.append(("stroke-dasharray", ChartStyle.dash(s.series))) }
            var g = "<g class=\"curve\" data-structure=\"\(s.series)\"><title>" + SVG.escape(s.label) + "</title>"
            g += SVG.path(pts, stroke: ChartStyle.colour(s.series), width: 3.5, extra: extra)
            // Markers every tenth of the axis so curves stay apart in greyscale; each says its value.
            for m in 1...9 {
                let d = axis.max * Double(m) / 10 + Double(s.series) * axis.max / 60
                let v = survival(s.points, at: d)
                g += "<g><title>" + SVG.escape(s.label + (loc.language == .fr ? " : " : ": ") + loc.number(d, digits: 0) + " " + loc(.unitDays) + ", " + loc.percent(v, digits: 0)) + "</title>"
                g += ChartStyle.marker(s.series, x: px(d), y: py(v), size: 6) + "</g>"
            }
            doc.add(g + "</g>")
        }
        doc.add(SVG.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.text(loc(.survivalXAxis), x: (left + right) / 2, y: bottom + 56, anchor: "middle", size: 16))
        doc.add(SVG.text(loc(.survivalYAxis), x: 0, y: 0, anchor: "middle", size: 16,
                         extra: [("transform", "translate(24 \(SVG.num((top + bottom) / 2))) rotate(-90)")]))
        for (k, s) in series.enumerated() {
            let y = top + 10 + Double(k) * 34
            var extra: [(String, String)] = []
            if !ChartStyle.dash(s.series).isEmpty { extra.append(("stroke-dasharray", ChartStyle.dash(s.series))) }
            doc.add(SVG.line(x1: right + 20, y1: y, x2: right + 70, y2: y, stroke: ChartStyle.colour(s.series), width: 3.5, extra: extra))
            doc.add(ChartStyle.marker(s.series, x: right + 45, y: y, size: 6))
            doc.add(SVG.element("text", [("x", SVG.num(right + 78)), ("y", SVG.num(y + 5)), ("font-size", "15")],
                                content: "<title>" + SVG.escape(s.label) + "</title>" + SVG.escape(GovernanceSchema.clip(s.label, 20))))
        }
        return doc.render()
    }

    /// Survival at time `d` on the step function.
    func survival(_ points: [(time: Double, survival: Double)], at d: Double) -> Double {
        var s = 1.0
        for p in points { if p.time <= d { s = p.survival } else { break } }
        return s
    }
}
