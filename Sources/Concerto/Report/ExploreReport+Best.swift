import Foundation

/// Probability of best, thresholds and regret.
extension ExploreReport {
    /// The measures ranked (those with a direction), in the exploration's order, with their rows.
    var rankedMeasures: [(measure: String, rows: [ExploreRobustness.Row])] {
        var out: [(String, [ExploreRobustness.Row])] = []
        for r in robustness.rows {
            if let k = out.firstIndex(where: { $0.0 == r.measure }) { out[k].1.append(r) } else { out.append((r.measure, [r])) }
        }
        return out.map { (measure: $0.0, rows: $0.1) }
    }

    /// One sentence per measure: the structure most often best and how surely.
    func conclusion(_ measure: String, _ rows: [ExploreRobustness.Row], _ loc: Localization) -> String {
        let name = Self.measure(measure, loc).name
        guard let points = rows.first?.points, points > 0, let top = rows.map(\.probabilityBest).filter(\.isFinite).max() else {
            return loc.format(.bestNotComparable, name)
        }
        let leaders = rows.filter { $0.probabilityBest == top }
        var s: String
        if leaders.count > 1 {
            let names = leaders.map { shortName($0.structure) }
            let joined = names.dropLast().joined(separator: ", ") + (loc.language == .fr ? " et " : " and ") + names.last!
            s = loc.format(.bestTieSentence, name, joined, loc.percent(top))
        } else {
            let r = leaders[0]
            s = loc.format(.bestSentence, name, shortName(r.structure), loc.percent(r.probabilityBest), interval(r.ciLow, r.ciHigh, loc), loc.percent(r.bestBeyondNoise))
        }
        if points < analysis.pointCount { s += " " + loc.format(.bestPointsUsed, String(points), String(analysis.pointCount)) }
        return s
    }

    func bestSection(_ loc: Localization) -> String {
        let a = analysis
        let ranked = rankedMeasures
        var h = "<h2>" + e(loc(.bestHeading)) + "</h2>\n"
        h += "<ul class=\"conclusions\">\n"
        for (m, rows) in ranked { h += "<li data-measure=\"" + e(m) + "\">" + e(conclusion(m, rows, loc)) + "</li>\n" }
        h += "</ul>\n<p class=\"note\">" + e(loc(.bestNote)) + "</p>\n"
        h += "<div class=\"scroll\"><table class=\"data pbest\">\n<tr><th>" + e(loc(.measureColumn)) + "</th>"
        for s in a.structureIDs.indices {
            h += "<th>" + HTMLReport.swatch(s, id: "pb\(s)") + " " + e(a.structureShortNames[s]) + "</th>"
        }
        h += "</tr>\n"
        for (m, rows) in ranked {
            let top = rows.map(\.probabilityBest).filter(\.isFinite).max()
            let dir = rows.first?.direction == .higher ? loc(.higherIsBetter) : loc(.lowerIsBetter)
            h += "<tr data-measure=\"" + e(m) + "\"><td>" + e(Self.measure(m, loc).name) + "<span class=\"dir\">" + e(dir) + "</span></td>"
            for id in a.structureIDs {
                guard let r = rows.first(where: { $0.structure == id }), r.probabilityBest.isFinite else {
                    h += "<td class=\"cell\" data-structure=\"" + e(id) + "\">–</td>"
                    continue
                }
                let best = r.probabilityBest == top && (top ?? 0) > 0
                h += "<td class=\"cell" + (best ? " best" : "") + "\" data-structure=\"" + e(id) + "\"><span class=\"pct\">" + e(loc.percent(r.probabilityBest))
                    + "</span><span class=\"ci\">" + e(interval(r.ciLow, r.ciHigh, loc)) + "</span><span class=\"noise\">"
                    + e(loc.format(.beyondNoise, loc.percent(r.bestBeyondNoise))) + "</span></td>"
            }
            h += "</tr>\n"
        }
        h += "</table></div>\n"
        let unranked = a.outcomes.filter { MeasureDirection.of($0) == nil }
        if !unranked.isEmpty {
            h += "<p class=\"note\">" + e(loc.format(.unrankedMeasures, unranked.map { Self.measure($0, loc).name }.joined(separator: ", "))) + "</p>\n"
        }
        if !robustness.thresholdRows.isEmpty {
            let list = a.thresholds.map { thresholdText($0, loc) }.joined(separator: loc.language == .fr ? " ; " : "; ")
            h += "<h3>" + e(loc(.thresholdsHeading)) + "</h3>\n<p class=\"note\">" + e(loc.format(.thresholdsNote, list)) + "</p>\n"
            h += "<div class=\"scroll\"><table class=\"data thresholds\">\n<tr><th>" + e(loc(.structureColumn)) + "</th><th>" + e(loc(.meetsAllColumn)) + "</th></tr>\n"
            for t in robustness.thresholdRows {
                let s = a.structureIDs.firstIndex(of: t.structure) ?? 0
                h += "<tr data-structure=\"" + e(t.structure) + "\"><td>" + HTMLReport.swatch(s, id: "th\(s)") + " " + e(shortName(t.structure))
                    + "</td><td class=\"r\"><span class=\"pct\">" + e(loc.percent(t.share)) + "</span><span class=\"ci\">" + e(interval(t.ciLow, t.ciHigh, loc)) + "</span></td></tr>\n"
            }
            h += "</table></div>\n"
        }
        return h
    }

    /// A threshold in words: « Délai médian de décision ≤ 90 jours ».
    func thresholdText(_ t: Threshold, _ loc: Localization) -> String {
        let d = Self.measure(t.measure, loc)
        func n(_ x: Double) -> String {
            let v = BoxDescription.number(x * d.scale, digits: nil, language: loc.language)
            if d.unit.isEmpty { return v }
            return d.unit == "%" ? BoxDescription.withUnit(v, "%", language: loc.language) : v + "\u{00A0}" + d.unit
        }
        var parts: [String] = []
        if let m = t.min { parts.append("≥ " + n(m)) }
        if let m = t.max { parts.append("≤ " + n(m)) }
        return d.name + " " + parts.joined(separator: ", ")
    }

    func regretSection(_ loc: Localization) -> String {
        var h = "<h2>" + e(loc(.regretHeading)) + "</h2>\n<p class=\"note\">" + e(loc(.regretNote)) + "</p>\n<div class=\"charts\">\n"
        for (k, (m, rows)) in rankedMeasures.enumerated() {
            let d = Self.measure(m, loc)
            let bars = analysis.structureIDs.enumerated().map { s, id -> RegretChart.Bar in
                let r = rows.first { $0.structure == id }
                return RegretChart.Bar(label: analysis.structureShortNames[s], mean: (r?.meanRegret ?? .nan) * d.scale, p90: (r?.p90Regret ?? .nan) * d.scale, series: s)
            }
            let chart = RegretChart(title: loc.format(.regretTitle, d.name), axis: d.gapUnit.isEmpty ? loc(.regretMean) : loc.format(.regretAxis, d.gapUnit),
                                    bars: bars, digits: d.digits, meanLabel: loc(.regretMean), p90Label: loc(.regretP90), id: "regret\(k)")
            h += "<figure class=\"regret\" data-measure=\"" + e(m) + "\">" + chart.render(loc) + "</figure>\n"
        }
        return h + "</div>\n"
    }
}
