/// Distribution of partners' load ratios (solicited hours / capacity) for one structure, as a
/// histogram of the share of partners per bin of 0.1, with a line at capacity = 1
/// (« répartition de la charge »).
public struct HistogramChart: Sendable {
    public var title: String
    /// Counts per bin of 0.1 from 0 (the last bin holds everything at or above `bins.count - 1` tenths).
    public var bins: [Int]
    public var series: Int
    public var id: String

    public init(title: String, bins: [Int], series: Int, id: String) {
        self.title = title; self.bins = bins; self.series = series; self.id = id
    }

    /// Right end of the x axis (a whole ratio from 2 to 5) and the bins drawn: bins beyond the
    /// axis are gathered in the last one, labelled "and above".
    public var displayed: (maxRatio: Int, counts: [Int]) {
        let lastNonEmpty = bins.lastIndex { $0 > 0 } ?? 0
        let maxRatio = Swift.min(5, Swift.max(2, (lastNonEmpty + 10) / 10))
        let n = maxRatio * 10
        var counts = Array(bins.prefix(n))
        while counts.count < n { counts.append(0) }
        counts[n - 1] += bins.dropFirst(n).reduce(0, +)
        return (maxRatio, counts)
    }

    public func render(_ loc: Localization, width: Double = 520, height: Double = 300) -> String {
        let left = 70.0, right = width - 20, top = 46.0, bottom = height - 70
        var doc = SVGDocument(width: width, height: height, title: title)
        ChartStyle.definePatterns(&doc, prefix: id)
        doc.add(SVG.text(title, x: 8, y: 24, size: 17, weight: "bold"))
        let (maxRatio, counts) = displayed
        let total = Double(Swift.max(1, bins.reduce(0, +)))
        let shares = counts.map { Double($0) / total * 100 }
        let axis = ChartStyle.niceAxis(shares.max() ?? 1, ticks: 4)
        let bw = (right - left) / Double(counts.count)
        func py(_ v: Double) -> Double { bottom - (bottom - top) * Swift.min(1, v / axis.max) }
        var t = 0.0
        while t <= axis.max + axis.step * 1e-9 {
            doc.add(SVG.line(x1: left, y1: py(t), x2: right, y2: py(t), stroke: "#d9d9d9"))
            doc.add(SVG.text(loc.number(t, digits: axis.step >= 1 ? 0 : 1), x: left - 8, y: py(t) + 5, anchor: "end", size: 14))
            t += axis.step
        }
        for (k, s) in shares.enumerated() where s > 0 {
            doc.add(ChartStyle.patternedRect(series, prefix: id, x: left + Double(k) * bw, y: py(s), width: bw - 1, height: bottom - py(s)))
        }
        for r in 0...maxRatio {
            let x = left + Double(r * 10) * bw
            doc.add(SVG.line(x1: x, y1: bottom, x2: x, y2: bottom + 6, stroke: "#000"))
            doc.add(SVG.text(loc.number(Double(r), digits: 0), x: x, y: bottom + 22, anchor: "middle", size: 14))
        }
        doc.add(SVG.text(loc.format(.overflowBin, loc.number(Double(maxRatio) - 0.1, digits: 1)), x: right, y: top - 8, anchor: "end", size: 14, fill: "#555"))
        let cx = left + 10 * bw
        doc.add(SVG.line(x1: cx, y1: top - 2, x2: cx, y2: bottom, stroke: "#D55E00", width: 3, extra: [("stroke-dasharray", "8 4")]))
        doc.add(SVG.text(loc(.capacityLine) + " = 1", x: cx + 6, y: top + 14, size: 15, weight: "bold", fill: "#A33C00"))
        doc.add(SVG.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#000", width: 1.5))
        doc.add(SVG.text(loc(.loadRatioAxis), x: (left + right) / 2, y: bottom + 48, anchor: "middle", size: 15))
        doc.add(SVG.text(loc(.partnersShareAxis), x: 0, y: 0, anchor: "middle", size: 15,
                         extra: [("transform", "translate(20 \(SVG.num((top + bottom) / 2))) rotate(-90)")]))
        return doc.render()
    }
}
