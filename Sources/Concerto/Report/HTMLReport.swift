import Foundation

/// The numbers of a structure's plain-language summary (« en bref »), all taken from an
/// ensemble result.
public struct PlainSummary: Sendable, Equatable {
    /// Mean meeting hours solicited per partner (organisation) per year.
    public var hoursPerPartnerYear: Double
    /// Mean share of partners solicited beyond their capacity.
    public var overCapacityShare: Double
    /// Kaplan–Meier median days to decision of all issues of all replications pooled (the day
    /// the report's survival curve crosses one half); +inf when it never does, NaN when no issue.
    public var medianDays: Double
    /// Mean share of community sectors (ids starting with "communautaire") among those present
    /// at decisions, and their share among the scenario's partners; nil when no such sector.
    public var communityPresentShare: Double?
    public var communityPartnerShare: Double?

    public init(_ r: EnsembleResult) {
        hoursPerPartnerYear = r.summary(.hyperconcertation, "hoursPerPartnerYear")?.mean ?? .nan
        overCapacityShare = r.summary(.hyperconcertation, "hypersollicitedShare")?.mean ?? .nan
        medianDays = HTMLReport.pooledMedianDays(r)
        let community = r.sectorIDs.indices.filter { r.sectorIDs[$0].hasPrefix("communautaire") }
        if community.isEmpty {
            communityPresentShare = nil; communityPartnerShare = nil
        } else {
            communityPresentShare = community.map { r.sectorShares[$0].mean }.reduce(0, +)
            communityPartnerShare = community.map { r.sectorPartnerShares[$0] }.reduce(0, +)
        }
    }

    /// A share in %, with one decimal below 10 % so that small shares do not read as zero.
    public static func percent(_ share: Double, _ loc: Localization) -> String {
        loc.percent(share, digits: abs(share) < 0.1 ? 1 : 0)
    }

    /// The sentences, with each number marked `<span class="num">…</span>` (markup, escaped).
    public func html(_ loc: Localization) -> [String] {
        func n(_ s: String) -> String { "<span class=\"num\">" + SVG.escape(s) + "</span>" }
        func sentence(_ key: L10n, _ args: String...) -> String {
            var s = SVG.escape(loc(key))
            for (k, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(k)}", with: a) }
            return s
        }
        var out = [sentence(.summarySentence, n(loc.number(hoursPerPartnerYear, digits: 0) + " h"), n(Self.percent(overCapacityShare, loc)))]
        if medianDays.isFinite {
            out.append(sentence(.summaryHalfUndecided, n(loc.format(.unitDaysShort, loc.number(medianDays, digits: 0)))))
        } else {
            out.append(sentence(.summaryNoDecision))
        }
        if let p = communityPresentShare, let q = communityPartnerShare {
            out.append(sentence(.summaryCommunity, n(Self.percent(p, loc)), n(Self.percent(q, loc))))
        } else {
            out.append(sentence(.summaryNoCommunity))
        }
        return out
    }
}

/// The planners' report: one self-contained XHTML-compatible HTML file (inline SVG and CSS, no
/// script, no network) with, per structure, a plain-language summary and the schéma de
/// gouvernance, and the three families side by side across structures.
public struct HTMLReport: Sendable {
    public let results: [EnsembleResult]
    public let schemas: [GovernanceSchema]
    /// The paired comparison behind the conclusions; nil for a single structure.
    public let comparison: ComparisonResult?

    /// `results[k]` and `schemas[k]` describe the same structure.
    public init(results: [EnsembleResult], schemas: [GovernanceSchema], comparison: ComparisonResult? = nil) {
        precondition(results.count == schemas.count, "HTMLReport: one schema per result")
        self.results = results; self.schemas = schemas; self.comparison = comparison
    }

    /// A comparison's report, with its conclusions.
    public init(comparison: ComparisonResult, schemas: [GovernanceSchema]) {
        self.init(results: comparison.results, schemas: schemas, comparison: comparison)
    }

    /// The one "median time to decision" of the page (card, bar and survival curve): the
    /// Kaplan–Meier median of the pooled issues, where `survivalCurve(r)` first falls to one half.
    public static func pooledMedianDays(_ r: EnsembleResult) -> Double { r.pooledLatency.kaplanMeierMedian() }

    /// The survival curve drawn for a structure: Kaplan–Meier of the pooled issues.
    public static func survivalCurve(_ r: EnsembleResult) -> [(time: Double, survival: Double)] { r.pooledLatency.kaplanMeierSurvival() }

    /// The headline measures drawn as bars, by family: (family title, [(family, name, title, unit, scale, digits)]).
    static let headline: [(L10n, [(MeasureFamily, String, L10n, L10n, Double, Int)])] = [
        (.hyperconcertationFamily, [(.hyperconcertation, "hoursPerPartnerYear", .hoursPerPartner, .unitHoursPerPartnerYear, 1, 0),
                                    (.hyperconcertation, "hypersollicitedShare", .hypersollicited, .unitPercent, 100, 1)]),
        (.latencyFamily, [(.latency, "medianDaysKM", .medianDays, .unitDays, 1, 0),
                          (.latency, "undecidedShare", .undecided, .unitPercent, 100, 0)]),
        (.representativityFamily, [(.representativity, "sectorGallagher", .gallagher, .unitPoints, 1, 1),
                                   (.representativity, "sectorCoverageMean", .coverage, .unitPercent, 100, 0)]),
    ]

    static let css = """
    body { font-family: Helvetica, Arial, sans-serif; font-size: 18px; line-height: 1.45; color: #111; margin: 0; background: #fff; }
    main { max-width: 1360px; margin: 0 auto; padding: 16px 28px 40px; }
    h1 { font-size: 32px; margin: 12px 0 6px; }
    h2 { font-size: 26px; border-bottom: 3px solid #0072B2; padding-bottom: 4px; margin-top: 40px; }
    h3 { font-size: 21px; margin: 18px 0 6px; }
    p.note { color: #333; font-size: 16px; margin: 4px 0 12px; }
    svg { max-width: 100%; height: auto; display: block; }
    .legend { border-collapse: collapse; margin: 8px 0; }
    .legend td { padding: 4px 10px 4px 0; vertical-align: middle; }
    .legend td.id { font-weight: bold; white-space: nowrap; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 16px; }
    .card { border: 2px solid #ccc; border-radius: 8px; padding: 10px 16px; }
    h3 svg { display: inline-block; vertical-align: middle; margin-right: 10px; }
    .card p { margin: 6px 0; }
    .num { font-weight: bold; }
    .families { display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; }
    .family h3 { border-left: 6px solid #0072B2; padding-left: 8px; }
    .grid2 { display: grid; grid-template-columns: repeat(2, 1fr); gap: 20px; }
    figure { margin: 0 0 18px; }
    figcaption { font-size: 16px; color: #333; }
    .schema { overflow-x: auto; border: 1px solid #ddd; padding: 8px; margin-bottom: 24px; }
    footer { margin-top: 40px; font-size: 15px; color: #444; border-top: 1px solid #ccc; padding-top: 8px; }
    @media print { h2 { page-break-before: always; } .cards, .families, .grid2 { display: block; } }
    """

    /// A small swatch of series `k` (colour and pattern) for legends.
    static func swatch(_ k: Int, id: String) -> String {
        var doc = SVGDocument(width: 44, height: 24, title: "")
        ChartStyle.definePatterns(&doc, prefix: id)
        doc.add(ChartStyle.patternedRect(k, prefix: id, x: 1, y: 1, width: 42, height: 22))
        return doc.render()
    }

    static func escape(_ s: String) -> String { SVG.escape(s) }

    /// Right end of the survival time axis: where every curve has fallen to 2 % (the rest is a
    /// flat tail that would squeeze the interesting part), or the horizon if one never does.
    static func survivalAxisDays(_ curves: [SurvivalChart.Series], horizon: Double) -> Double {
        var end = 30.0
        for c in curves {
            guard let t = c.points.first(where: { $0.survival <= 0.02 })?.time else { return horizon }
            end = Swift.max(end, t)
        }
        return Swift.min(horizon, end)
    }

    public func render(_ loc: Localization) -> String {
        let first = results[0]
        var h = "<!DOCTYPE html>\n<html lang=\"\(loc.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        let title = loc(results.count > 1 ? .reportTitle : .reportTitleSingle)
        h += "<title>" + Self.escape(title) + "</title>\n<style>\n" + Self.css + "\n</style>\n</head>\n<body>\n<main>\n"
        h += "<h1>" + Self.escape(title) + "</h1>\n"
        h += "<p class=\"note\">" + Self.escape(loc.format(.replicationsNote, String(first.settings.replications),
                                                           loc.number(first.years, digits: first.years == first.years.rounded() ? 0 : 1),
                                                           String(first.settings.seed))) + "</p>\n"
        h += Conclusions.html(results.count > 1 ? comparison : nil, loc)
        // Legend: each structure's colour and pattern, id and full name.
        h += "<h2>" + Self.escape(loc(.generatedFrom)) + "</h2>\n<table class=\"legend\">\n"
        for (k, r) in results.enumerated() {
            h += "<tr><td>" + Self.swatch(k, id: "lg\(k)") + "</td><td class=\"id\">" + Self.escape(r.scenarioID) + "</td><td>" + Self.escape(r.scenarioName) + "</td></tr>\n"
        }
        h += "</table>\n"
        h += "<p class=\"note\"><strong>" + Self.escape(loc(.howToRead)) + ".</strong> " + Self.escape(loc(.howToReadText)) + "</p>\n"
        // Summaries.
        h += "<h2>" + Self.escape(loc(.summaryHeading)) + "</h2>\n<div class=\"cards\">\n"
        for (k, r) in results.enumerated() {
            h += "<div class=\"card\" id=\"summary-\(Self.escape(r.scenarioID))\">\n<h3>" + Self.swatch(k, id: "sm\(k)") + Self.escape(r.scenarioID) + "</h3>\n"
            for s in PlainSummary(r).html(loc) { h += "<p>" + s + "</p>\n" }
            h += "</div>\n"
        }
        h += "</div>\n"
        // The three families side by side.
        h += "<h2>" + Self.escape(loc(.comparisonHeading)) + "</h2>\n<p class=\"note\">" + Self.escape(loc(.barsNote)) + "</p>\n<div class=\"families\">\n"
        for (f, (familyTitle, measures)) in Self.headline.enumerated() {
            h += "<div class=\"family\">\n<h3>" + Self.escape(loc(familyTitle)) + "</h3>\n"
            for (m, (family, name, title, unit, scale, digits)) in measures.enumerated() {
                let bars = results.enumerated().map { k, r in
                    if name == "medianDaysKM" {
                        // The page's one median: the pooled Kaplan–Meier median, a single curve, so no whiskers.
                        return BarChart.Bar(label: r.scenarioID, mean: Self.pooledMedianDays(r), low: .nan, high: .nan, series: k)
                    }
                    let s = r.summary(family, name) ?? .empty
                    return BarChart.Bar(label: r.scenarioID, mean: s.mean, low: s.ci95Low, high: s.ci95High, series: k)
                }
                let chart = BarChart(title: loc(title), unit: name == "medianDaysKM" ? loc(.medianBarUnit) : loc(unit) + " — " + loc(.ciNote), bars: bars, scale: scale, digits: digits, id: "bar\(f)-\(m)")
                h += "<figure>" + chart.render(loc) + "</figure>\n"
            }
            h += "</div>\n"
        }
        h += "</div>\n"
        // Load distribution.
        h += "<h2>" + Self.escape(loc(.loadHeading)) + "</h2>\n<h3>" + Self.escape(loc(.loadChartTitle)) + "</h3>\n<p class=\"note\">" + Self.escape(loc(.loadNote)) + "</p>\n<div class=\"grid2\">\n"
        for (k, r) in results.enumerated() {
            let chart = HistogramChart(title: r.scenarioID, bins: r.loadRatioHistogram, series: k, id: "hist\(k)")
            h += "<figure>" + chart.render(loc) + "</figure>\n"
        }
        h += "</div>\n"
        // Survival curves.
        h += "<h2>" + Self.escape(loc(.latencyHeading)) + "</h2>\n<p class=\"note\">" + Self.escape(loc(.survivalNote)) + "</p>\n"
        h += "<p class=\"note\" id=\"median-estimator\">" + Self.escape(loc(.medianEstimatorNote)) + "</p>\n"
        let curves = results.enumerated().map { k, r in SurvivalChart.Series(label: r.scenarioID, points: Self.survivalCurve(r), series: k) }
        let survival = SurvivalChart(title: loc(.survivalTitle), series: curves, maxDays: Self.survivalAxisDays(curves, horizon: results.map { $0.years * 365 }.max() ?? 365))
        h += "<figure>" + survival.render(loc) + "</figure>\n"
        // Sector shares.
        h += "<h2>" + Self.escape(loc(.representativityHeading)) + "</h2>\n<p class=\"note\">" + Self.escape(loc(.shareNote)) + "</p>\n"
        for (k, r) in results.enumerated() {
            let groups = r.sectorIDs.indices.map { ShareChart.Group(label: GovernanceSchema.clip(r.sectorNames[$0], 44), present: r.sectorShares[$0], reference: r.sectorReference[$0]) }
            let chart = ShareChart(title: loc(.shareTitle) + " — " + r.scenarioID, groups: groups, series: k, id: "share\(k)")
            h += "<figure>" + chart.render(loc) + "</figure>\n"
        }
        // Governance diagrams.
        h += "<h2>" + Self.escape(loc(.structuresHeading)) + "</h2>\n"
        for (k, r) in results.enumerated() {
            h += "<h3 id=\"structure-\(Self.escape(r.scenarioID))\">" + Self.swatch(k, id: "st\(k)") + Self.escape(r.scenarioName) + "</h3>\n"
            h += "<div class=\"schema\">" + schemas[k].svg(loc, id: "schema\(k)") + "</div>\n"
            if !schemas[k].outsideTables.isEmpty {
                h += "<p class=\"note\">" + Self.escape(loc(.outsideTablesHeading)) + (loc.language == .fr ? " : " : ": ")
                    + schemas[k].outsideTables.map { Self.escape($0.name) }.joined(separator: " · ") + "</p>\n"
            }
        }
        h += "<footer>" + Self.escape(loc(.footer)) + "</footer>\n</main>\n</body>\n</html>\n"
        return h
    }
}
