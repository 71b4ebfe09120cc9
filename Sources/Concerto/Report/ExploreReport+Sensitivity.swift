import Foundation

/// Sensitivity: one tornado panel per measure, one chart per structure and per difference.
extension ExploreReport {
    /// The subjects of a measure's sensitivity rows, in order, with their rows.
    func sensitivitySubjects(_ measure: String) -> [(subject: String, rows: [ExploreSensitivity.Row])] {
        var out: [(String, [ExploreSensitivity.Row])] = []
        for r in sensitivity.rows where r.measure == measure {
            if let k = out.firstIndex(where: { $0.0 == r.subject }) { out[k].1.append(r) } else { out.append((r.subject, [r])) }
        }
        return out.map { (subject: $0.0, rows: $0.1) }
    }

    /// A subject in words: a structure's short name, or « écart B − A ».
    func subjectText(_ subject: String, _ loc: Localization) -> String {
        if analysis.structureIDs.contains(subject) { return shortName(subject) }
        let parts = subject.components(separatedBy: " - ")
        if parts.count == 2 { return loc.format(.subjectDifference, shortName(parts[0]), shortName(parts[1])) }
        return subject
    }

    /// A note of the sensitivity table in the report's language.
    static func noteText(_ note: String, _ loc: Localization) -> String {
        if note.hasPrefix("undefined at ") {
            let numbers = note.split(whereSeparator: { !$0.isNumber }).map(String.init)
            if numbers.count >= 2 { return loc.format(.noteUndefined, numbers[0], numbers[1]) }
        }
        if note.hasPrefix("constant") { return loc(.noteConstant) }
        return note
    }

    /// A number with two significant digits (at least `minDigits` decimals, none dropped below).
    static func significant(_ x: Double, _ loc: Localization) -> String {
        guard x.isFinite else { return "–" }
        let a = Swift.abs(x)
        let d = a >= 10 ? 0 : a >= 1 ? 1 : 2
        return loc.number(x, digits: d)
    }

    func tornado(measure: String, subject: String, rows: [ExploreSensitivity.Row], id: String, _ loc: Localization) -> TornadoChart {
        let a = analysis
        let d = Self.measure(measure, loc)
        let title = subjectText(subject, loc)
        func label(_ path: String) -> String {
            guard let u = a.uncertainties.first(where: { $0.path == path }) else { return path }
            return Self.parameterLabel(ExploreWording.parameter(u.path, whole: u.whole), loc)
        }
        let method = rows.first?.method ?? "spearman"
        let half = loc(.halfSampleTick)
        if let note = rows.first(where: { !$0.note.isEmpty })?.note, rows.allSatisfy({ $0.parameter.isEmpty }) {
            return TornadoChart(title: title, axis: "", bars: [], note: Self.noteText(note, loc), mainLabel: "", halfLabel: half, id: id)
        }
        var bars: [TornadoChart.Bar] = []
        let axis: String, mainLabel: String
        var secondary: String? = nil
        var signs: (positive: String, negative: String)? = nil
        switch method {
        case "sobol":
            axis = loc(.sobolTotal) + " · " + loc(.sobolFirst)
            mainLabel = loc(.sobolTotal); secondary = loc(.sobolFirst)
            for r in rows where r.index == "ST" {
                let s1 = rows.first { $0.index == "S1" && $0.parameter == r.parameter }
                bars.append(TornadoChart.Bar(label: label(r.parameter), detail: r.parameter, value: r.value, low: r.ciLow, high: r.ciHigh, half: r.halfSample,
                                             secondary: s1?.value ?? .nan, valueText: loc.number(r.value, digits: 2)))
            }
        case "morris":
            let unit = d.gapUnit.isEmpty ? "" : d.gapUnit
            axis = unit.isEmpty ? "μ*" : loc.format(.morrisMuStar, unit)
            mainLabel = "μ*"
            // μ* is never negative: its (symmetric) interval is drawn from zero at least.
            for r in rows where r.index == "mu_star" {
                bars.append(TornadoChart.Bar(label: label(r.parameter), detail: r.parameter, value: r.value * d.scale, low: Swift.max(0, r.ciLow) * d.scale, high: r.ciHigh * d.scale,
                                             half: r.halfSample * d.scale, valueText: Self.significant(r.value * d.scale, loc)))
            }
        default:
            axis = loc(.spearmanRho)
            mainLabel = "|ρ|"
            signs = ("ρ > 0", "ρ < 0")
            for r in rows where r.index == "spearman" {
                let neg = r.value < 0
                // |ρ| and its interval on the same side.
                let (lo, hi) = neg ? (-r.ciHigh, -r.ciLow) : (r.ciLow, r.ciHigh)
                let text = (r.value > 0 ? "+" : r.value < 0 ? "−" : "") + loc.number(Swift.abs(r.value), digits: 2)
                bars.append(TornadoChart.Bar(label: label(r.parameter), detail: r.parameter, value: Swift.abs(r.value), low: lo, high: hi,
                                             half: Swift.abs(r.halfSample), valueText: text, negative: neg))
            }
        }
        bars.sort { ($0.value.isFinite ? $0.value : -.infinity) > ($1.value.isFinite ? $1.value : -.infinity) }
        let hidden = Swift.max(0, bars.count - Self.topParameters)
        return TornadoChart(title: title, axis: axis, bars: Array(bars.prefix(Self.topParameters)),
                            more: hidden > 0 ? loc.format(.moreParameters, String(hidden)) : nil, mainLabel: mainLabel,
                            secondaryLabel: secondary, halfLabel: half, signLabels: signs, id: id)
    }

    func sensitivitySection(_ loc: Localization) -> String {
        let a = analysis
        let methodNote: L10n = a.designName == "sobol" ? .sensitivitySobolNote : a.designName == "morris" ? .sensitivityMorrisNote : .sensitivitySpearmanNote
        var h = "<h2>" + e(loc(.sensitivityHeading)) + "</h2>\n<p class=\"note\">" + e(loc(methodNote)) + "</p>\n"
        h += "<p class=\"note\">" + e(loc.format(.sensitivityPanelsNote, String(Self.topParameters))) + "</p>\n"
        for (o, m) in a.outcomes.enumerated() {
            let subjects = sensitivitySubjects(m)
            guard !subjects.isEmpty else { continue }
            h += "<section class=\"tornado-panel\" data-measure=\"" + e(m) + "\">\n<h3>" + e(Self.measure(m, loc).name) + "</h3>\n"
            // Subjects that could not be analysed are listed in words, the others drawn.
            var notes: [String] = [], figures = ""
            for (k, (subject, rows)) in subjects.enumerated() {
                let chart = tornado(measure: m, subject: subject, rows: rows, id: "tn\(o)-\(k)", loc)
                if let note = chart.note {
                    notes.append("<li class=\"tornado-note\" data-subject=\"" + e(subject) + "\">" + e(chart.title + (loc.language == .fr ? " : " : ": ") + note) + "</li>")
                } else {
                    figures += "<figure class=\"tornado\" data-subject=\"" + e(subject) + "\">" + chart.render(loc) + "</figure>\n"
                }
            }
            if !notes.isEmpty { h += "<ul class=\"note\">\n" + notes.joined(separator: "\n") + "\n</ul>\n" }
            if !figures.isEmpty { h += "<div class=\"charts\">\n" + figures + "</div>\n" }
            h += "</section>\n"
        }
        return h
    }
}
