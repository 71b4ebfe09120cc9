/// What `concerto calibrate` writes: the posterior sample and the fit as CSV, and the fit report
/// (HTML, French or English): each fitted value's posterior (median, 90% interval, histogram)
/// and each statistic observed in the minutes against what the fitted values simulate.
public enum CalibrationReport {
    /// One row per particle: its weight, distance and values (columns named by path).
    public static func posteriorCSV(_ r: CalibrationResult) -> String {
        var w = CSVWriter(header: ["particle", "weight", "distance"] + r.parameters.map(\.path))
        for (k, v) in r.values.enumerated() {
            w.addRow([String(k + 1), r.weights[k].description, r.distances[k].description] + v.map(\.description))
        }
        return w.text
    }

    /// One row per statistic: observed, scale, and the posterior predictive median and 5%/95% quantiles.
    public static func fitCSV(_ r: CalibrationResult) -> String {
        var w = CSVWriter(header: ["family", "group", "statistic", "observed", "scale", "simulatedMedian", "simulatedP05", "simulatedP95"])
        for (s, m) in r.statistics.enumerated() {
            let q = predictive(r, s)
            w.addRow([m.family.rawValue, m.group, m.name, r.observed[s].description, r.scales[s].description,
                      q.median.description, q.low.description, q.high.description])
        }
        return w.text
    }

    /// The weighted median and 5%/95% quantiles of statistic `s` over the predictive simulations.
    static func predictive(_ r: CalibrationResult, _ s: Int) -> (median: Double, low: Double, high: Double) {
        let pairs = zip(r.predictive.map { $0[s] }, r.weights).filter { $0.0.isFinite }.sorted { $0.0 < $1.0 }
        let total = pairs.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return (.nan, .nan, .nan) }
        func q(_ p: Double) -> Double {
            var c = 0.0
            for (x, w) in pairs { c += w / total; if c >= p - 1e-12 { return x } }
            return pairs.last!.0
        }
        return (q(0.5), q(0.05), q(0.95))
    }

    public static func html(_ r: CalibrationResult, records: Records, scenarioName: String, language: ReportLanguage) -> String {
        let loc = Localization(language)
        func esc(_ s: String) -> String { SVG.escape(s) }
        func num(_ x: Double) -> String {
            let a = abs(x)
            return loc.number(x, digits: a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3)
        }
        let end = records.startDate.adding(days: Int(records.end.rounded(.down)) - 1)
        let from = records.startDate.adding(days: Int(records.measuredFrom.rounded(.down)))
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>\(esc(loc.format(.calTitle, scenarioName)))</title>\n"
        h += "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}.out{color:#b00020;font-weight:600}</style></head><body>\n"
        h += "<h1>\(esc(loc.format(.calTitle, scenarioName)))</h1>\n"
        h += "<p>\(esc(loc.format(.calIntro, from.description, end.description, String(records.meetings.count), String(records.items.count), String(records.issues.count))))</p>\n"
        h += "<p>\(esc(loc.format(.calMethod, String(r.simulations), String(r.values.count), r.tolerances.map(num).joined(separator: " → "))))</p>\n"
        if r.stoppedEarly { h += "<p>\(esc(loc(.calStoppedEarly)))</p>\n" }
        h += "<h2>\(esc(loc(.calParametersHeading)))</h2>\n<table><tr><th>\(esc(loc(.calParameter)))</th><th>\(esc(loc(.calPrior)))</th><th>\(esc(loc(.calScenarioValue)))</th><th>\(esc(loc(.calMedian)))</th><th>\(esc(loc(.calInterval)))</th><th></th></tr>\n"
        for (k, p) in r.parameters.enumerated() {
            let lo = p.distribution.support.lowerBound, hi = p.distribution.support.upperBound
            h += "<tr><td><code>\(esc(p.path))</code></td><td class=n>\(num(lo)) – \(num(hi))</td><td class=n>\(num(p.nominal))</td>"
            h += "<td class=n>\(num(r.quantile(k, 0.5)))</td><td class=n>[\(num(r.interval(k).low)), \(num(r.interval(k).high))]</td>"
            h += "<td>\(histogram(r, k, low: lo, high: hi))</td></tr>\n"
        }
        h += "</table>\n<p>\(esc(loc(.calHistogramNote)))</p>\n"
        h += "<h2>\(esc(loc(.calFitHeading)))</h2>\n<p>\(esc(loc(.calFitNote)))</p>\n"
        h += "<table><tr><th>\(esc(loc(.calStatistic)))</th><th>\(esc(loc(.calGroup)))</th><th>\(esc(loc(.calObserved)))</th><th>\(esc(loc(.calSimulated)))</th><th>\(esc(loc(.calInside)))</th></tr>\n"
        for (s, m) in r.statistics.enumerated() where r.observed[s].isFinite {
            let q = predictive(r, s)
            let inside = r.observed[s] >= q.low - 1e-12 && r.observed[s] <= q.high + 1e-12
            let share = m.unit == .share
            func show(_ x: Double) -> String { share ? loc.percent(x, digits: 1) : num(x) }
            h += "<tr><td>\(esc(m.label))</td><td>\(esc(m.group))</td><td class=n>\(show(r.observed[s]))</td>"
            h += "<td class=n>\(show(q.median)) [\(show(q.low)), \(show(q.high))]</td><td\(inside ? "" : " class=out")>\(esc(loc(inside ? .calYes : .calNo)))</td></tr>\n"
        }
        h += "</table>\n</body></html>\n"
        return h
    }

    /// A small inline histogram of parameter `k`'s posterior weights over ten bins of its range.
    static func histogram(_ r: CalibrationResult, _ k: Int, low: Double, high: Double) -> String {
        guard high > low else { return "" }
        var bins = [Double](repeating: 0, count: 10)
        for (v, w) in zip(r.values, r.weights) { bins[Swift.min(9, Swift.max(0, Int((v[k] - low) / (high - low) * 10)))] += w }
        let top = Swift.max(bins.max() ?? 1, 1e-12)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"40\" role=\"img\">"
        for (b, x) in bins.enumerated() {
            let hgt = 36 * x / top
            svg += "<rect x=\"\(b * 16)\" y=\"\(NumberFormat.fixed(38 - hgt, digits: 1))\" width=\"14\" height=\"\(NumberFormat.fixed(hgt, digits: 1))\" fill=\"#3b6ea8\"/>"
        }
        let nominal = r.parameters[k].nominal
        if nominal >= low && nominal <= high {
            let x = NumberFormat.fixed(160 * (nominal - low) / (high - low), digits: 1)
            svg += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"0\" y2=\"40\" stroke=\"#b00020\" stroke-width=\"1.5\"/>"
        }
        return svg + "</svg>"
    }
}
