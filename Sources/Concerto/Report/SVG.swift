/// A tiny SVG builder: escaped text and attributes, deterministic number formatting, no
/// external reference. Charts and the schéma de gouvernance are built with it.
public struct SVGDocument: Sendable {
    public let width: Double
    public let height: Double
    /// Accessible title (first child `<title>`).
    public var title: String
    public private(set) var body: [String] = []
    var defs: [String] = []

    public init(width: Double, height: Double, title: String) {
        self.width = width; self.height = height; self.title = title
    }

    /// Appends raw, already well-formed markup (built with ``SVG``).
    public mutating func add(_ markup: String) { body.append(markup) }
    /// Appends a definition (pattern, marker) to `<defs>`.
    public mutating func define(_ markup: String) { defs.append(markup) }

    /// The document. `standalone` adds the SVG namespace (needed in a .svg file, not inside HTML).
    public func render(standalone: Bool = false) -> String {
        var attrs: [(String, String)] = []
        if standalone { attrs.append(("xmlns", "http://www.w3.org/2000/svg")) }
        attrs += [("viewBox", "0 0 \(SVG.num(width)) \(SVG.num(height))"), ("width", SVG.num(width)), ("height", SVG.num(height)),
                  ("role", "img"), ("font-family", "Helvetica, Arial, sans-serif"), ("font-size", "16")]
        var out = "<svg" + SVG.attributes(attrs) + ">\n"
        out += "<title>" + SVG.escape(title) + "</title>\n"
        if !defs.isEmpty { out += "<defs>\n" + defs.joined(separator: "\n") + "\n</defs>\n" }
        out += body.joined(separator: "\n")
        out += "\n</svg>"
        return out
    }
}

/// Markup helpers shared by the SVG and HTML writers.
public enum SVG {
    /// Escapes text and attribute values for XML (&, <, >, quotes).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A coordinate: at most two decimals, no trailing zeros, never "-0", locale-free.
    public static func num(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 100).rounded() / 100
        var s = NumberFormat.fixed(r, digits: 2)
        while s.contains(".") && (s.hasSuffix("0") || s.hasSuffix(".")) { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    static func attributes(_ attrs: [(String, String)]) -> String {
        attrs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// An element; `content` is raw markup (escape text with ``escape(_:)`` or use ``text``).
    public static func element(_ name: String, _ attrs: [(String, String)], content: String? = nil) -> String {
        guard let content else { return "<\(name)\(attributes(attrs))/>" }
        return "<\(name)\(attributes(attrs))>\(content)</\(name)>"
    }

    public static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: [(String, String)] = []) -> String {
        element("rect", [("x", num(x)), ("y", num(y)), ("width", num(Swift.max(0, width))), ("height", num(Swift.max(0, height))), ("fill", fill)] + extra)
    }

    public static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#000", width: Double = 1, extra: [(String, String)] = []) -> String {
        element("line", [("x1", num(x1)), ("y1", num(y1)), ("x2", num(x2)), ("y2", num(y2)), ("stroke", stroke), ("stroke-width", num(width))] + extra)
    }

    /// Text, escaped. `anchor`: start | middle | end.
    public static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 16, weight: String? = nil,
                            fill: String = "#000", extra: [(String, String)] = []) -> String {
        var attrs = [("x", num(x)), ("y", num(y)), ("text-anchor", anchor), ("font-size", num(size)), ("fill", fill)]
        if let weight { attrs.append(("font-weight", weight)) }
        return element("text", attrs + extra, content: escape(s))
    }

    /// A polyline path through points.
    public static func path(_ points: [(Double, Double)], stroke: String, width: Double = 2, extra: [(String, String)] = []) -> String {
        guard let first = points.first else { return "" }
        var d = "M\(num(first.0)) \(num(first.1))"
        for p in points.dropFirst() { d += " L\(num(p.0)) \(num(p.1))" }
        return element("path", [("d", d), ("fill", "none"), ("stroke", stroke), ("stroke-width", num(width))] + extra)
    }
}

/// Okabe–Ito colour-blind-safe palette, with a hatching pattern and a dash/marker per series so
/// that series stay distinguishable in greyscale.
public enum ChartStyle {
    public static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
    /// Reference / neutral grey.
    public static let reference = "#7F7F7F"
    public static func colour(_ k: Int) -> String { colours[k % colours.count] }
    public static let dashes = ["", "10 5", "3 4", "12 4 3 4", "6 3", "2 2", "14 6", "8 3 2 3"]
    public static func dash(_ k: Int) -> String { dashes[k % dashes.count] }

    /// Pattern definition `id` for series `k` (white strokes over the colour); nil for series 0 (solid).
    public static func pattern(_ k: Int, id: String) -> String? {
        let kinds = k % 6
        if kinds == 0 { return nil }
        let content: String
        switch kinds {
        case 1: content = SVG.line(x1: 0, y1: 0, x2: 0, y2: 8, stroke: "#fff", width: 3)
        case 2: content = SVG.line(x1: 0, y1: 4, x2: 8, y2: 4, stroke: "#fff", width: 2.5)
        case 3: content = SVG.element("circle", [("cx", "4"), ("cy", "4"), ("r", "1.8"), ("fill", "#fff")])
        case 4: content = SVG.line(x1: 0, y1: 0, x2: 0, y2: 8, stroke: "#fff", width: 2) + SVG.line(x1: 0, y1: 4, x2: 8, y2: 4, stroke: "#fff", width: 2)
        default: content = SVG.line(x1: 4, y1: 0, x2: 4, y2: 8, stroke: "#fff", width: 2.5)
        }
        let rotate = (kinds == 1) ? [("patternTransform", "rotate(45)")] : []
        return SVG.element("pattern", [("id", id), ("width", "8"), ("height", "8"), ("patternUnits", "userSpaceOnUse")] + rotate, content: content)
    }

    /// A filled rectangle in series `k`'s colour with its pattern on top, outlined in black.
    static func patternedRect(_ k: Int, prefix: String, x: Double, y: Double, width: Double, height: Double) -> String {
        var s = SVG.rect(x: x, y: y, width: width, height: height, fill: colour(k), extra: [("stroke", "#000"), ("stroke-width", "1")])
        if k % 6 != 0 { s += SVG.rect(x: x, y: y, width: width, height: height, fill: "url(#\(prefix)-p\(k % 6))") }
        return s
    }

    /// A marker shape for series `k` at (x, y), distinct in greyscale for ten series: circle,
    /// square, triangle, diamond, inverted triangle, filled for series 0–4 and hollow (white with
    /// a thick coloured outline) for series 5–9.
    static func marker(_ k: Int, x: Double, y: Double, size: Double = 6) -> String {
        let c = colour(k)
        let hollow = (k / 5) % 2 == 1
        let paint: [(String, String)] = hollow ? [("fill", "#fff"), ("stroke", "#000"), ("stroke-width", "2")] : [("fill", c), ("stroke", "#000")]
        // A hollow marker carries its colour in a dot at its centre.
        let dot = hollow ? SVG.element("circle", [("cx", SVG.num(x)), ("cy", SVG.num(y + (k % 5 == 2 ? size * 0.2 : k % 5 == 4 ? -size * 0.2 : 0))), ("r", SVG.num(size * 0.38)), ("fill", c)]) : ""
        func poly(_ pts: [(Double, Double)]) -> String {
            SVG.element("polygon", [("points", pts.map { SVG.num($0.0) + "," + SVG.num($0.1) }.joined(separator: " "))] + paint)
        }
        switch k % 5 {
        case 0: return SVG.element("circle", [("cx", SVG.num(x)), ("cy", SVG.num(y)), ("r", SVG.num(size * 0.8))] + paint) + dot
        case 1: return SVG.element("rect", [("x", SVG.num(x - size * 0.7)), ("y", SVG.num(y - size * 0.7)), ("width", SVG.num(size * 1.4)), ("height", SVG.num(size * 1.4))] + paint) + dot
        case 2: return poly([(x, y - size), (x + size, y + size * 0.8), (x - size, y + size * 0.8)]) + dot
        case 3: return poly([(x, y - size), (x + size, y), (x, y + size), (x - size, y)]) + dot
        default: return poly([(x - size, y - size * 0.8), (x + size, y - size * 0.8), (x, y + size)]) + dot
        }
    }

    /// Adds the patterns of series 1…5 to a document under `prefix`.
    static func definePatterns(_ doc: inout SVGDocument, prefix: String) {
        for k in 1..<6 { if let p = pattern(k, id: "\(prefix)-p\(k)") { doc.define(p) } }
    }

    /// "Nice" axis maximum and tick step for values up to `maxValue` (axis from zero). Safe for
    /// any input: a maximum that is not finite, not positive or vanishingly small (below 1e-300,
    /// subnormal) draws the axis to 1; a huge one whose nice maximum would overflow keeps the
    /// maximum itself. The result is finite and positive, with at most `ticks` + 1 steps.
    static func niceAxis(_ maxValue: Double, ticks: Int = 5) -> (max: Double, step: Double) {
        let ticks = Swift.max(1, ticks)
        let m = maxValue.isFinite && maxValue >= 1e-300 ? maxValue : 1
        let raw = m / Double(ticks)
        let mag = pow10(floorLog10(raw))
        let norm = raw / mag
        let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag
        let top = (m / step).rounded(.up) * step
        guard step.isFinite, step > 0, top.isFinite, top > 0 else { return (m, m / Double(ticks)) }
        return (top, step)
    }

    /// ⌊log10 x⌋ for a finite positive x (0 for zero, negative or non-finite x); at most about
    /// 330 steps, never an endless loop.
    static func floorLog10(_ x: Double) -> Int {
        guard x.isFinite, x > 0 else { return 0 }
        var e = 0, v = x
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }

    static func pow10(_ e: Int) -> Double {
        let e = Swift.min(Swift.max(e, -400), 400)
        var r = 1.0
        if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
        return r
    }
}
