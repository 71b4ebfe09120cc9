import Foundation

/// Scenario discovery: each box as its sentence with coverage and density, and a scatter of the
/// design's points on its two most restricted assumptions.
extension ExploreReport {
    /// Per point, whether it is a case of interest of `c` (as ``ExploreDiscovery`` defines it:
    /// the subject strictly better than the object, or the subject missing the threshold(s));
    /// nil when the case cannot be read back.
    func caseOutcome(_ c: ExploreDiscovery.Case) -> [Bool]? {
        let a = analysis
        guard let s = a.structureIDs.firstIndex(of: c.subject) else { return nil }
        let points = 0..<a.pointCount
        if c.kind == "beats" {
            guard let o = a.outcomes.firstIndex(of: c.measure), let t = a.structureIDs.firstIndex(of: c.object),
                  let dir = MeasureDirection.of(c.measure) else { return nil }
            return points.map { p in
                let x = a.means[o][p][s], y = a.means[o][p][t]
                return x.isFinite && y.isFinite && dir.better(x, than: y)
            }
        }
        let list = c.object == "all thresholds" ? a.thresholds : a.thresholds.filter { $0.description == c.object }
        guard !list.isEmpty else { return nil }
        return points.map { p in
            !list.allSatisfy { th in
                guard let o = a.outcomes.firstIndex(of: th.measure) else { return false }
                return th.satisfied(by: a.means[o][p][s])
            }
        }
    }

    /// The two assumptions a box is drawn on (indices into the uncertainties): the two most
    /// restricted (the largest share of their range cut off); with one restriction, it and the
    /// assumption most rank-correlated with the case, or the next one.
    func scatterAxes(_ box: PRIMBox, outcome: [Bool]?) -> (x: Int, y: Int?)? {
        let a = analysis
        func cut(_ r: PRIMBox.Restriction) -> Double {
            let p = r.parameter, span = p.upper - p.lower
            guard span > 0 else { return 0 }
            return 1 - ((r.upper ?? p.upper) - (r.lower ?? p.lower)) / span
        }
        let ranked = box.restrictions.enumerated().sorted { (cut($0.element), -$0.offset) > (cut($1.element), -$1.offset) }.map(\.element.index)
        guard let first = ranked.first, first < a.uncertainties.count else { return nil }
        if ranked.count >= 2, ranked[1] < a.uncertainties.count { return (first, ranked[1]) }
        let others = a.uncertainties.indices.filter { $0 != first }
        guard !others.isEmpty else { return (first, nil) }
        if let y = outcome?.map({ $0 ? 1.0 : 0.0 }) {
            let columns = a.parameterColumns
            let scored = others.map { j in (j, Swift.abs(SpearmanCorrelation.coefficient(columns[j], y))) }.filter { $0.1.isFinite }
            if let best = scored.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }) { return (first, best.0) }
        }
        return (first, others.first { $0 > first } ?? others[0])
    }

    /// Why a case has no box, in the report's language.
    func reasonText(_ c: ExploreDiscovery.Case, _ loc: Localization) -> String {
        if let s = c.skipped {
            let numbers = s.split(whereSeparator: { !$0.isNumber }).map(String.init)
            if s.hasPrefix("undefined at "), numbers.count >= 2 { return loc.format(.reasonUndefined, numbers[0], numbers[1]) }
            return s
        }
        switch c.result?.noBox {
        case .noCaseOfInterest?: return loc(.reasonNever)
        case .everyPointIsACase?: return loc(.reasonEverywhere)
        case .notDenseEnough(let d)?: return loc.format(.reasonNotDense, loc.percent(d))
        case .notBetterThanChance(let p)?: return loc.format(.reasonChance, loc.number(p, digits: 2))
        case nil: return ExploreDiscovery.reason(c)
        }
    }

    func discoverySection(_ loc: Localization) -> String {
        let a = analysis
        let fr = loc.language == .fr
        var h = "<h2>" + e(loc(.discoveryHeading)) + "</h2>\n<p class=\"note\">" + e(loc(.discoveryNote)) + "</p>\n"
        let found = discovery.cases.enumerated().filter { $0.element.result?.box != nil }
        if found.isEmpty { h += "<p>" + e(loc(.noBoxAtAll)) + "</p>\n" }
        for (k, c) in found {
            let r = c.result!, b = r.box!
            let sentence = fr ? c.sentenceFr : c.sentenceEn
            h += "<div class=\"box-case\" data-case=\"\(k + 1)\">\n<p><strong>(\(k + 1))</strong> " + e(sentence) + ". <span class=\"stats\">"
                + e(loc.format(.boxStats, loc.percent(b.coverage), loc.percent(b.density), String(b.cases), String(r.cases), String(b.points))) + "</span></p>\n"
            if !b.restrictions.isEmpty {
                let outcome = caseOutcome(c)
                if let axes = scatterAxes(b, outcome: outcome) {
                    h += "<figure class=\"box-scatter\" data-case=\"\(k + 1)\">" + scatter(case: k + 1, box: b, axes: axes, outcome: outcome, loc) + "</figure>\n"
                    if b.restrictions.count > 2 {
                        h += "<p class=\"note\">" + e(loc(.scatterHiddenNote)) + "</p>\n"
                    }
                    if b.restrictions.count == 1, let y = axes.y {
                        h += "<p class=\"note\">" + e(loc.format(.scatterSecondAxis, Self.parameterLabel(ExploreWording.parameter(a.uncertainties[y].path, whole: a.uncertainties[y].whole), loc))) + "</p>\n"
                    }
                }
            }
            h += "</div>\n"
        }
        let without = discovery.cases.enumerated().filter { $0.element.result?.box == nil }
        if !without.isEmpty {
            h += "<h3>" + e(loc(.noBoxHeading)) + "</h3>\n<p class=\"note\">" + e(loc(.noBoxNote)) + "</p>\n<ul class=\"nobox\">\n"
            for (k, c) in without {
                h += "<li data-case=\"\(k + 1)\">(\(k + 1)) " + e(fr ? c.sentenceFr : c.sentenceEn) + (fr ? " : " : ": ") + e(reasonText(c, loc)) + "</li>\n"
            }
            h += "</ul>\n"
        }
        return h
    }

    /// The spacing of the values a whole-number or discrete assumption takes in the design
    /// (its points are spread over ± a quarter of it so that they do not hide one another), or
    /// nil for a continuous one.
    func discreteGap(_ j: Int) -> Double? {
        let u = analysis.uncertainties[j]
        let discrete: Bool = { if case .discrete = u.distribution { return true }; return u.whole }()
        guard discrete else { return nil }
        let distinct = Array(Set(analysis.values.map { $0[j] }.filter(\.isFinite))).sorted()
        let gaps = zip(distinct.dropFirst(), distinct).map { $0 - $1 }.filter { $0 > 0 }
        return gaps.min() ?? 1
    }

    /// A deterministic offset in [−0.5, 0.5) for point `p` on axis `salt`.
    static func jitter(_ p: Int, _ salt: Int) -> Double {
        var h = UInt64(truncatingIfNeeded: p) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: salt) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31; h &*= 0x94D0_49BB_1331_11EB; h ^= h >> 29
        return Double(h % 10_007) / 10_007 - 0.5
    }

    /// The scatter of box `b` of case number `number` on the assumptions `axes`.
    func scatter(case number: Int, box b: PRIMBox, axes: (x: Int, y: Int?), outcome: [Bool]?, _ loc: Localization) -> String {
        let a = analysis
        let ux = a.uncertainties[axes.x]
        /// The axis of assumption j (widened by half a step for discrete ones) and the box's limits on it.
        func axis(_ j: Int) -> (range: ClosedRange<Double>, box: ClosedRange<Double>, gap: Double?) {
            let s = a.uncertainties[j].distribution.support
            let half = (discreteGap(j) ?? 0) / 2
            let full = (s.lowerBound - half)...(Swift.max(s.upperBound, s.lowerBound) + half)
            guard let r = b.restrictions.first(where: { $0.index == j }) else { return (full, full, discreteGap(j)) }
            let lo = r.lower.map { $0 - half } ?? full.lowerBound, hi = r.upper.map { $0 + half } ?? full.upperBound
            return (full, Swift.min(lo, hi)...Swift.max(lo, hi), discreteGap(j))
        }
        func coordinate(_ p: Int, _ j: Int, _ gap: Double?) -> Double {
            a.values[p][j] + (gap.map { $0 * 0.5 * Self.jitter(p, j) } ?? 0)
        }
        let isCase = outcome ?? [Bool](repeating: false, count: a.pointCount)
        // Points outside the box on a restricted assumption that is not drawn.
        let hidden = b.restrictions.map(\.index).filter { $0 != axes.x && $0 != axes.y && $0 < a.uncertainties.count }
        let faded = (0..<a.pointCount).map { p in hidden.contains { j in a.values[p][j] < b.lower[j] || a.values[p][j] > b.upper[j] } }
        let xAxis = axis(axes.x)
        let yAxis: (range: ClosedRange<Double>, box: ClosedRange<Double>, gap: Double?), yTitle: String
        var points: [BoxScatterChart.Point] = []
        if let j = axes.y {
            yAxis = axis(j); yTitle = parameterAxisTitle(a.uncertainties[j], loc)
            for p in 0..<a.pointCount { points.append(BoxScatterChart.Point(x: coordinate(p, axes.x, xAxis.gap), y: coordinate(p, j, yAxis.gap), isCase: isCase[p], faded: faded[p])) }
        } else {
            // One assumption only: spread the points vertically by their number.
            yAxis = (0...1, 0...1, nil); yTitle = ""
            for p in 0..<a.pointCount {
                points.append(BoxScatterChart.Point(x: coordinate(p, axes.x, xAxis.gap), y: (Double(p) + 0.5) / Double(Swift.max(1, a.pointCount)), isCase: isCase[p], faded: faded[p]))
            }
        }
        let yName = axes.y.map { Self.parameterLabel(ExploreWording.parameter(a.uncertainties[$0].path, whole: a.uncertainties[$0].whole), loc) }
        let xName = Self.parameterLabel(ExploreWording.parameter(ux.path, whole: ux.whole), loc)
        let title = loc.format(.scatterTitle, String(number)) + (loc.language == .fr ? " : " : ": ") + xName + (yName.map { " × " + $0 } ?? "")
        var chart = BoxScatterChart(title: title, xTitle: parameterAxisTitle(ux, loc), yTitle: yTitle, xRange: xAxis.range, yRange: yAxis.range, points: points,
                                    box: (xAxis.box, yAxis.box), caseLabel: loc(.scatterCase), otherLabel: loc(.scatterOther), boxLabel: loc(.scatterBox))
        chart.xMinStep = xAxis.gap
        chart.yMinStep = yAxis.gap
        return chart.render(loc)
    }
}
