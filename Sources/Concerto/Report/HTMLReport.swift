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
    /// Mean hours per coordination staff member per year (NaN when the structure has no staff)
    /// and meetings held per year, all bodies.
    public var staffHoursPerYear: Double
    public var meetingsPerYear: Double

    public init(_ r: EnsembleResult) {
        hoursPerPartnerYear = r.summary(.hyperconcertation, "hoursPerPartnerYear")?.mean ?? .nan
        overCapacityShare = r.summary(.hyperconcertation, "hypersollicitedShare")?.mean ?? .nan
        medianDays = HTMLReport.pooledMedianDays(r)
        staffHoursPerYear = r.summary(.hyperconcertation, "staffHoursPerYear")?.mean ?? .nan
        meetingsPerYear = r.summary(.hyperconcertation, "meetingsPerYear")?.mean ?? .nan
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
    /// `observed`: the numbers come from records (`concerto observe`), where a NaN share beyond
    /// capacity or staff hours means « not available in the minutes », not « none ».
    public func html(_ loc: Localization, observed: Bool = false) -> [String] {
        func n(_ s: String) -> String { "<span class=\"num\">" + SVG.escape(s) + "</span>" }
        func sentence(_ key: L10n, _ args: String...) -> String {
            var s = SVG.escape(loc(key))
            for (k, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(k)}", with: a) }
            return s
        }
        var out = [observed && !overCapacityShare.isFinite ? sentence(.obsSummarySentence, n(loc.number(hoursPerPartnerYear, digits: 0) + " h"))
                   : sentence(.summarySentence, n(loc.number(hoursPerPartnerYear, digits: 0) + " h"), n(Self.percent(overCapacityShare, loc)))]
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
        if meetingsPerYear.isFinite {
            let meetings = n(loc.number(meetingsPerYear, digits: 0))
            out.append(staffHoursPerYear.isFinite ? sentence(.summaryStaffSentence, n(loc.number(staffHoursPerYear, digits: 0) + " h"), meetings)
                       : sentence(observed ? .obsSummaryStaffUnavailable : .summaryNoStaff, meetings))
        }
        return out
    }
}

/// The planners' report: one self-contained XHTML-compatible HTML file (inline SVG, CSS and a
/// few lines of optional script, no network) that opens with what can be concluded and the
/// headline measures at a glance, then, per structure, a plain-language summary, the three
/// families side by side, the numbers behind every chart, the schéma de gouvernance, the
/// results to download and where they come from (provenance). It prints on Letter or A4 with
/// the conclusions first, and reads at phone width.
public struct HTMLReport: Sendable {
    public let results: [EnsembleResult]
    public let schemas: [GovernanceSchema]
    /// The paired comparison behind the conclusions; nil for a single structure.
    public let comparison: ComparisonResult?
    /// What was run, by which version, when; nil leaves the section out.
    public var provenance: Provenance?
    /// Set when the one result was measured in a table's records (`concerto observe --format
    /// html`): the page says so, shows no interval, and marks what records cannot carry
    /// « non disponible dans les procès-verbaux » instead of drawing it.
    public var observation: Observation?

    /// The records an observed result was measured in: folder, first and last day measured,
    /// years, and how many meetings, agenda items and issues they hold.
    public struct Observation: Sendable {
        public var source: String, from: String, to: String
        public var years: Double
        public var meetings: Int, items: Int, issues: Int
        public init(source: String, from: String, to: String, years: Double, meetings: Int, items: Int, issues: Int) {
            self.source = source; self.from = from; self.to = to; self.years = years
            self.meetings = meetings; self.items = items; self.issues = issues
        }
    }

    /// The page of one result measured in records (see ``observation``).
    public init(observed result: EnsembleResult, schema: GovernanceSchema, observation: Observation, provenance: Provenance? = nil) {
        self.init(results: [result], schemas: [schema], provenance: provenance)
        self.observation = observation
    }

    /// `results[k]` and `schemas[k]` describe the same structure.
    public init(results: [EnsembleResult], schemas: [GovernanceSchema], comparison: ComparisonResult? = nil, provenance: Provenance? = nil) {
        precondition(results.count == schemas.count, "HTMLReport: one schema per result")
        self.results = results; self.schemas = schemas; self.comparison = comparison; self.provenance = provenance
    }

    /// A comparison's report, with its conclusions.
    public init(comparison: ComparisonResult, schemas: [GovernanceSchema], provenance: Provenance? = nil) {
        self.init(results: comparison.results, schemas: schemas, comparison: comparison, provenance: provenance)
    }

    /// The one "median time to decision" of the page (card, bar and survival curve): the
    /// Kaplan–Meier median of the pooled issues, where `survivalCurve(r)` first falls to one half.
    public static func pooledMedianDays(_ r: EnsembleResult) -> Double { r.pooledLatency.kaplanMeierMedian() }

    /// The survival curve drawn for a structure: Kaplan–Meier of the pooled issues.
    public static func survivalCurve(_ r: EnsembleResult) -> [(time: Double, survival: Double)] { r.pooledLatency.kaplanMeierSurvival() }

    /// A structure's name in charts and sentences: its short name (« ORBITE »), else its name.
    public static func displayName(_ r: EnsembleResult) -> String { r.scenarioShortName.isEmpty ? r.scenarioName : r.scenarioShortName }

    /// The headline measures drawn as bars, by family: (family title, [(family, name, title, unit, scale, digits)]).
    static let headline: [(L10n, [(MeasureFamily, String, L10n, L10n, Double, Int)])] = [
        (.hyperconcertationFamily, [(.hyperconcertation, "hoursPerPartnerYear", .hoursPerPartner, .unitHoursPerPartnerYear, 1, 0),
                                    (.hyperconcertation, "hypersollicitedShare", .hypersollicited, .unitPercent, 100, 1)]),
        (.latencyFamily, [(.latency, "medianDaysKM", .medianDays, .unitDays, 1, 0),
                          (.latency, "undecidedShare", .undecided, .unitPercent, 100, 0)]),
        (.representativityFamily, [(.representativity, "sectorGallagher", .gallagher, .unitPoints, 1, 1),
                                   (.representativity, "sectorCoverageMean", .coverage, .unitPercent, 100, 0)]),
        (.resourcesFamily, [(.hyperconcertation, "staffHoursPerYear", .staffHours, .unitHoursPerStaffYear, 1, 0),
                            (.hyperconcertation, "meetingsPerYear", .meetingsPerYear, .unitMeetingsPerYear, 1, 0)]),
    ]

    /// Page geometry shared by the style sheet and the legibility test: side padding of the
    /// page and gap between the two columns of a chart grid (px).
    public static let pagePadding = 28.0
    public static let gridGap = 20.0
    /// Width (px) a chart is drawn at: full-width charts and half-width ones (two per row).
    public static let fullChartWidth = 1060.0
    public static let halfChartWidth = 520.0

    static let css = """
    body { font-family: Helvetica, Arial, sans-serif; font-size: 18px; line-height: 1.45; color: #111; margin: 0; background: #fff; }
    main { max-width: 1360px; margin: 0 auto; padding: 16px \(SVG.num(pagePadding))px 40px; }
    h1 { font-size: 32px; margin: 12px 0 6px; }
    h2 { font-size: 26px; border-bottom: 3px solid #0072B2; padding-bottom: 4px; margin-top: 40px; }
    h3 { font-size: 21px; margin: 18px 0 6px; }
    p.note { color: #333; font-size: 16px; margin: 4px 0 12px; }
    svg { max-width: 100%; height: auto; display: block; }
    .legend { border-collapse: collapse; margin: 8px 0; }
    .legend td { padding: 4px 10px 4px 0; vertical-align: middle; }
    .legend td.id { font-weight: bold; }
    .legend td svg { min-width: 64px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(400px, 100%), 1fr)); gap: 16px; }
    .card { border: 2px solid #ccc; border-radius: 8px; padding: 10px 16px; }
    h3 svg, td svg { display: inline-block; vertical-align: middle; margin-right: 10px; }
    .card p { margin: 6px 0; }
    .num { font-weight: bold; }
    .family h3 { border-left: 6px solid #0072B2; padding-left: 8px; }
    .grid2 { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: \(SVG.num(gridGap))px; }
    figure { margin: 0 0 18px; }
    figcaption { font-size: 16px; color: #333; }
    .chain { font-size: 17px; }
    details { margin: 4px 0 10px; }
    summary { cursor: pointer; color: #0b4f7c; font-size: 16px; }
    .table-wrap { overflow-x: auto; max-width: 100%; }
    table.data { border-collapse: collapse; font-size: 15px; margin: 6px 0; }
    table.data th, table.data td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
    table.data th:first-child, table.data td:first-child { text-align: left; }
    table.data th { background: #f2f2f2; }
    .schema { overflow-x: auto; border: 1px solid #ddd; padding: 8px; margin-bottom: 24px; }
    .schema svg { max-width: none; }
    #toggles { margin: 10px 0; font-size: 16px; }
    #toggles label { margin-right: 14px; white-space: nowrap; }
    .downloads a { display: inline-block; margin: 4px 18px 4px 0; }
    table.data.provenance th, table.data.provenance td { text-align: left; vertical-align: top; }
    .hash { font-family: monospace; font-size: 13px; word-break: break-all; }
    footer { margin-top: 40px; font-size: 15px; color: #444; border-top: 1px solid #ccc; padding-top: 8px; }
    @media screen and (max-width: 760px) {
      body { font-size: 17px; }
      main { padding: 8px 10px 30px; }
      h1 { font-size: 26px; } h2 { font-size: 22px; }
      .grid2 { grid-template-columns: minmax(0, 1fr); }
      .legend td { padding-right: 6px; }
      figure { overflow-x: auto; }
      figure > svg { width: 640px; max-width: none; }
    }
    @page { margin: 12mm; }
    @media print {
      body { font-size: 10.5pt; line-height: 1.3; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 18pt; margin-top: 0; } h2 { font-size: 14pt; margin-top: 12pt; } h3 { font-size: 12pt; margin: 8pt 0 4pt; }
      p.note, .chain, summary, table.data, figcaption { font-size: 9.5pt; }
      h2 { break-after: avoid; }
      #structures-heading { break-before: page; }
      h3 { break-after: avoid; }
      #conclusions h2 { break-before: avoid; }
      .card, figure, .glance, li, tr, .schema, .legend, svg { break-inside: avoid; }
      .cards, .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 8pt; }
      #toggles, details.data, details.pairs { display: none; }
      .schema { overflow: visible; border: none; }
      .schema svg { max-width: 100%; }
      .table-wrap { overflow: visible; }
      table { max-width: 100%; }
      a { color: #000; }
    }
    """

    /// A few lines that let a reader hide or show structures (checkboxes shown only when script
    /// runs: with it off, the page shows everything and the checkboxes stay hidden).
    static let script = """
    (function () {
      var box = document.getElementById('toggles');
      if (!box || !document.querySelectorAll) { return; }
      box.hidden = false;
      box.addEventListener('change', function (e) {
        var shown = e.target.checked;
        var all = document.querySelectorAll('[data-structure="' + e.target.value + '"]');
        for (var i = 0; i < all.length; i++) { all[i].style.display = shown ? '' : 'none'; }
      });
    })();
    """

    /// A small swatch of series `k` (colour and pattern) with its marker, for legends.
    static func swatch(_ k: Int, id: String) -> String {
        var doc = SVGDocument(width: 64, height: 24, title: "")
        ChartStyle.definePatterns(&doc, prefix: id)
        doc.add(ChartStyle.patternedRect(k, prefix: id, x: 1, y: 1, width: 42, height: 22))
        doc.add(ChartStyle.marker(k, x: 55, y: 12, size: 6))
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

    /// A chart's numbers as a folded table (`<details>`), beside the chart.
    static func dataTable(_ summary: String, header: [String], rows: [[String]], structures: [Int?] = []) -> String {
        var h = "<details class=\"data\"><summary>" + escape(summary) + "</summary>\n<div class=\"table-wrap\"><table class=\"data\">\n<tr>"
        for c in header { h += "<th>" + escape(c) + "</th>" }
        h += "</tr>\n"
        for (i, row) in rows.enumerated() {
            let k = structures.indices.contains(i) ? structures[i] : nil
            h += k.map { "<tr data-structure=\"\($0)\">" } ?? "<tr>"
            for c in row { h += "<td>" + escape(c) + "</td>" }
            h += "</tr>\n"
        }
        return h + "</table></div></details>\n"
    }

    /// A download link carrying `text` as a `data:` URI (base64), so the page stays one file.
    static func download(_ label: String, file: String, mime: String, text: String) -> String {
        "<a download=\"" + escape(file) + "\" href=\"data:" + mime + ";charset=utf-8;base64," + Data(text.utf8).base64EncodedString() + "\">" + escape(label) + "</a>"
    }

    /// The results as CSV and JSON (the `compare` or `run` formats, with provenance in the JSON).
    public var downloads: (csv: String, json: String) {
        if let c = comparison, results.count > 1 { return (ComparisonReport.csv(c), ComparisonReport.json(c, provenance: provenance)) }
        return (ResultCSV.render(results[0]), ResultJSON.render(results[0], provenance: provenance))
    }

    func mean(_ r: EnsembleResult, _ family: MeasureFamily, _ name: String) -> (mean: Double, low: Double, high: Double) {
        if name == "medianDaysKM" { return (Self.pooledMedianDays(r), .nan, .nan) }
        let s = r.summary(family, name) ?? .empty
        // One history measured in records: its value, no interval.
        if observation != nil { return (s.mean, .nan, .nan) }
        return (s.mean, s.ci95Low, s.ci95High)
    }

    /// Whether an observed page must say the measure is not in the records (left out of the
    /// observed result, or NaN there); never for a simulated page.
    func unavailable(_ r: EnsembleResult, _ family: MeasureFamily, _ name: String) -> Bool {
        guard observation != nil else { return false }
        if name == "medianDaysKM" { return false }  // the pooled issues of the records: always there
        guard let s = r.summary(family, name) else { return true }
        return !s.mean.isFinite
    }

    public func render(_ loc: Localization) -> String {
        let first = results[0]
        let names = results.map(Self.displayName)
        let colon = loc.language == .fr ? " : " : ": "
        var h = "<!DOCTYPE html>\n<html lang=\"\(loc.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        let obs = observation
        let title = obs != nil ? loc(.obsTitle) : loc(results.count > 1 ? .reportTitle : .reportTitleSingle)
        h += "<title>" + Self.escape(title) + "</title>\n<style>\n" + Self.css + "\n</style>\n</head>\n<body>\n<main>\n"
        h += "<h1>" + Self.escape(title) + "</h1>\n"
        if let o = obs {
            h += "<p class=\"note\" id=\"observed\">" + Self.escape(loc.format(.obsNote, "« " + o.source + " »", o.from, o.to, loc.number(o.years, digits: 2),
                                                                              String(o.meetings), String(o.items), String(o.issues))) + "</p>\n"
        } else {
            h += "<p class=\"note\">" + Self.escape(loc.format(.replicationsNote, String(first.settings.replications),
                                                               loc.number(first.years, digits: first.years == first.years.rounded() ? 0 : 1),
                                                               String(first.settings.seed))) + "</p>\n"
        }
        if results.count > 1 {
            h += "<div id=\"toggles\" hidden=\"hidden\">" + Self.escape(loc(.toggleLabel)) + " "
            for (k, name) in names.enumerated() {
                h += "<label><input type=\"checkbox\" checked=\"checked\" value=\"\(k)\"/> " + Self.escape(name) + "</label>"
            }
            h += "</div>\n"
        }
        // Conclusions, opening with the headline measures at a glance.
        let conclusions = obs != nil
            ? "<section id=\"conclusions\">\n<h2>" + Self.escape(loc(.obsSourceHeading)) + "</h2>\n<p>" + Self.escape(loc(.obsSourceText)) + "</p>\n</section>\n"
            : Conclusions.html(results.count > 1 ? comparison : nil, loc)
        let glance = glanceFigure(loc, names: names)
        if let heading = conclusions.range(of: "</h2>\n") {
            h += conclusions[..<heading.upperBound] + glance + conclusions[heading.upperBound...]
        } else {
            h += glance + conclusions
        }
        // Legend: each structure's colour, pattern and marker, short and full name.
        h += "<h2>" + Self.escape(loc(obs != nil ? .obsGeneratedFrom : .generatedFrom)) + "</h2>\n<table class=\"legend\">\n"
        for (k, r) in results.enumerated() {
            h += "<tr data-structure=\"\(k)\"><td>" + Self.swatch(k, id: "lg\(k)") + "</td><td class=\"id\">" + Self.escape(names[k]) + "</td><td>" + Self.escape(r.scenarioName) + "</td></tr>\n"
        }
        h += "</table>\n"
        h += "<p class=\"note\"><strong>" + Self.escape(loc(.howToRead)) + ".</strong> " + Self.escape(loc(.howToReadText)) + "</p>\n"
        // Summaries.
        h += "<h2>" + Self.escape(loc(.summaryHeading)) + "</h2>\n<div class=\"cards\">\n"
        for (k, r) in results.enumerated() {
            h += "<div class=\"card\" id=\"summary-\(Self.escape(r.scenarioID))\" data-structure=\"\(k)\">\n<h3>" + Self.swatch(k, id: "sm\(k)") + Self.escape(names[k]) + "</h3>\n"
            for s in PlainSummary(r).html(loc, observed: obs != nil) { h += "<p>" + s + "</p>\n" }
            h += "</div>\n"
        }
        h += "</div>\n"
        // The families side by side, two charts a row, each with its numbers.
        h += "<h2>" + Self.escape(loc(.comparisonHeading)) + "</h2>\n<p class=\"note\">" + Self.escape(loc(obs != nil ? .obsBarsNote : .barsNote)) + "</p>\n"
        for (f, (familyTitle, measures)) in Self.headline.enumerated() {
            h += "<div class=\"family\">\n<h3>" + Self.escape(loc(familyTitle)) + "</h3>\n<div class=\"grid2\">\n"
            for (m, (family, name, title, unit, scale, digits)) in measures.enumerated() {
                if obs != nil {
                    if unavailable(first, family, name) {
                        h += "<figure class=\"half unavailable\" id=\"unavailable-\(Self.escape(name))\"><h4>" + Self.escape(loc(title)) + "</h4>\n<p class=\"note\">"
                            + Self.escape(loc.format(.obsUnavailableNote, loc(title))) + "</p></figure>\n"
                        continue
                    }
                    let v = mean(first, family, name)
                    let chart = BarChart(title: loc(title), unit: name == "medianDaysKM" ? loc(.obsMedianBarUnit) : loc(unit),
                                         bars: [BarChart.Bar(label: names[0], mean: v.mean, low: .nan, high: .nan, series: 0)], scale: scale, digits: digits, id: "bar\(f)-\(m)")
                    h += "<figure class=\"half\">" + chart.render(loc, width: Self.halfChartWidth)
                    h += Self.dataTable(loc.format(.dataSummaryNamed, loc(title)), header: [loc(.structureColumn), loc(.obsValueColumn) + " (" + loc(unit) + ")"],
                                        rows: [[names[0], loc.number(v.mean * scale, digits: digits)]], structures: [0]) + "</figure>\n"
                    continue
                }
                let values = results.map { mean($0, family, name) }
                let bars = values.enumerated().map { k, v in BarChart.Bar(label: names[k], mean: v.mean, low: v.low, high: v.high, series: k) }
                let chart = BarChart(title: loc(title), unit: name == "medianDaysKM" ? loc(.medianBarUnit) : loc(unit) + " — " + loc(.ciNote), bars: bars, scale: scale, digits: digits, id: "bar\(f)-\(m)")
                let rows = values.enumerated().map { k, v in [names[k], loc.number(v.mean * scale, digits: digits), loc.number(v.low * scale, digits: digits), loc.number(v.high * scale, digits: digits)] }
                h += "<figure class=\"half\">" + chart.render(loc, width: Self.halfChartWidth)
                h += Self.dataTable(loc.format(.dataSummaryNamed, loc(title)), header: [loc(.structureColumn), loc(.meanColumn) + " (" + loc(unit) + ")", loc(.ciLowColumn), loc(.ciHighColumn)],
                                    rows: rows, structures: results.indices.map { $0 }) + "</figure>\n"
            }
            h += "</div>\n</div>\n"
        }
        // Load distribution.
        if obs != nil {
            h += "<h2>" + Self.escape(loc(.loadHeading)) + "</h2>\n<p class=\"note\" id=\"load-unavailable\">" + Self.escape(loc(.obsLoadUnavailable)) + "</p>\n"
        } else {
            h += "<h2>" + Self.escape(loc(.loadHeading)) + "</h2>\n<h3>" + Self.escape(loc(.loadChartTitle)) + "</h3>\n<p class=\"note\">" + Self.escape(loc(.loadNote)) + "</p>\n<div class=\"grid2\">\n"
            for (k, r) in results.enumerated() {
                let chart = HistogramChart(title: names[k], bins: r.loadRatioHistogram, series: k, id: "hist\(k)")
                let counts = chart.displayed.counts
                let total = Double(Swift.max(1, r.loadRatioHistogram.reduce(0, +)))
                let rows = counts.enumerated().compactMap { i, c -> [String]? in
                    guard c > 0 else { return nil }
                    let lo = Double(i) / 10, hi = Double(i + 1) / 10
                    let bin = i == counts.count - 1 ? "≥ " + loc.number(lo, digits: 1) : loc.number(lo, digits: 1) + " – " + loc.number(hi, digits: 1)
                    return [bin, loc.percent(Double(c) / total, digits: 1)]
                }
                    h += "<figure class=\"half\" data-structure=\"\(k)\">" + chart.render(loc, width: Self.halfChartWidth)
                h += Self.dataTable(loc.format(.dataSummaryNamed, names[k]), header: [loc(.loadBinColumn), loc(.partnersShareColumn)], rows: rows) + "</figure>\n"
            }
            h += "</div>\n"
        }
        // Survival curves.
        h += "<h2>" + Self.escape(loc(.latencyHeading)) + "</h2>\n<p class=\"note\">" + Self.escape(loc(.survivalNote)) + "</p>\n"
        h += "<p class=\"note\" id=\"median-estimator\">" + Self.escape(loc(obs != nil ? .obsMedianEstimatorNote : .medianEstimatorNote)) + "</p>\n"
        let curves = results.enumerated().map { k, r in SurvivalChart.Series(label: names[k], points: Self.survivalCurve(r), series: k) }
        let maxDays = Self.survivalAxisDays(curves, horizon: results.map { $0.years * 365 }.max() ?? 365)
        let survival = SurvivalChart(title: loc(.survivalTitle), series: curves, maxDays: maxDays)
        let days = [7.0, 30, 60, 90, 180, 365, 730].filter { $0 <= Swift.max(maxDays, 30) }
        let survivalRows = days.map { d in [loc.number(d, digits: 0)] + curves.map { c in loc.percent(survival.survival(c.points, at: d), digits: 0) } }
        h += "<figure class=\"full\">" + survival.render(loc, width: Self.fullChartWidth)
        h += Self.dataTable(loc.format(.dataSummaryNamed, loc(.survivalTitle)), header: [loc(.daysColumn)] + names, rows: survivalRows) + "</figure>\n"
        // Sector shares.
        h += "<h2>" + Self.escape(loc(.representativityHeading)) + "</h2>\n<p class=\"note\">" + Self.escape(loc(.shareNote)) + "</p>\n"
        for (k, r) in results.enumerated() {
            let groups = r.sectorIDs.indices.map { i -> ShareChart.Group in
                var present = r.sectorShares[i]
                if obs != nil { present.ci95Low = .nan; present.ci95High = .nan }  // one history: no interval
                return ShareChart.Group(label: r.sectorNames[i], present: present, reference: r.sectorReference[i])
            }
            let chart = ShareChart(title: loc(.shareTitle) + " — " + names[k], groups: groups, series: k, id: "share\(k)")
            let rows = groups.map { [$0.label, loc.percent($0.present.mean, digits: 1), loc.percent($0.reference, digits: 1)] }
            h += "<figure class=\"full\" data-structure=\"\(k)\">" + chart.render(loc, width: Self.fullChartWidth)
            h += Self.dataTable(loc.format(.dataSummaryNamed, names[k]), header: [loc(.sectorColumn), loc(.presentColumn), loc(.referenceColumn)], rows: rows) + "</figure>\n"
        }
        // Governance diagrams.
        h += "<h2 id=\"structures-heading\">" + Self.escape(loc(.structuresHeading)) + "</h2>\n"
        for (k, r) in results.enumerated() {
            h += "<div data-structure=\"\(k)\"><h3 id=\"structure-\(Self.escape(r.scenarioID))\">" + Self.swatch(k, id: "st\(k)") + Self.escape(r.scenarioName) + "</h3>\n"
            h += "<div class=\"schema\">" + schemas[k].svg(loc, id: "schema\(k)") + "</div>\n"
            if !schemas[k].outsideTables.isEmpty {
                h += "<p class=\"note\">" + Self.escape(loc(.outsideTablesHeading)) + colon
                    + schemas[k].outsideTables.map { Self.escape($0.name) }.joined(separator: " · ") + "</p>\n"
            }
            h += "</div>\n"
        }
        // Downloads and provenance.
        let files = downloads
        let base = results.count > 1 ? "concerto-comparaison" : "concerto-" + first.scenarioID
        h += "<h2>" + Self.escape(loc(.downloadsHeading)) + "</h2>\n<p class=\"downloads\">"
        h += Self.download(loc(.downloadCSV), file: base + ".csv", mime: "text/csv", text: files.csv)
        h += Self.download(loc(.downloadJSON), file: base + ".json", mime: "application/json", text: files.json)
        h += "</p>\n<p class=\"note\">" + Self.escape(loc(.downloadsNote)) + "</p>\n"
        if let p = provenance { h += Self.provenanceHTML(p, loc, observed: obs != nil) }
        h += "<footer>" + Self.escape(loc(obs != nil ? .obsFooter : .footer)) + "</footer>\n</main>\n"
        h += "<script>\n//<![CDATA[\n" + Self.script + "\n//]]>\n</script>\n</body>\n</html>\n"
        return h
    }

    /// « En un coup d'œil »: hours per partner, median days and Gallagher for every structure,
    /// with its numbers in a folded table.
    func glanceFigure(_ loc: Localization, names: [String]) -> String {
        let picks: [(MeasureFamily, String, L10n, L10n, Double, Int)] = [
            (.hyperconcertation, "hoursPerPartnerYear", .hoursPerPartner, .unitHoursPerPartnerYear, 1, 0),
            (.latency, "medianDaysKM", .medianDays, .unitDays, 1, 0),
            (.representativity, "sectorGallagher", .gallagher, .unitPoints, 1, 1),
        ]
        let panels = picks.map { family, name, title, unit, scale, digits in
            HeadlineChart.Panel(title: loc(title), unit: loc(unit), values: results.map { mean($0, family, name) }, scale: scale, digits: digits)
        }
        let chart = HeadlineChart(title: loc(.glanceTitle), labels: names, fullNames: results.map(\.scenarioName), panels: panels)
        var rows: [[String]] = []
        for k in results.indices {
            var row = [names[k]]
            for p in panels {
                let v = p.values[k]
                row.append(loc.number(v.mean * p.scale, digits: p.digits) + (v.low.isFinite ? " [" + loc.number(v.low * p.scale, digits: p.digits) + " ; " + loc.number(v.high * p.scale, digits: p.digits) + "]" : ""))
            }
            rows.append(row)
        }
        var h = "<figure class=\"glance full\" id=\"glance\"><h3>" + Self.escape(loc(.glanceTitle)) + "</h3>\n" + chart.render(loc)
        h += "<figcaption>" + Self.escape(loc(observation != nil ? .obsGlanceNote : .glanceNote)) + "</figcaption>\n"
        h += Self.dataTable(loc(.dataSummary), header: [loc(.structureColumn)] + panels.map { $0.title + " (" + $0.unit + ")" }, rows: rows, structures: results.indices.map { $0 })
        return h + "</figure>\n"
    }

    /// The provenance table: version, commit, date, seed, replications, `--set`, and per scenario
    /// file its path, horizon, warm-up and SHA-256.
    /// `observed`: a page measured in records, which has no seed nor replications to show.
    static func provenanceHTML(_ p: Provenance, _ loc: Localization, observed: Bool = false) -> String {
        var h = "<section id=\"provenance\">\n<h2>" + escape(loc(.provenanceHeading)) + "</h2>\n<div class=\"table-wrap\"><table class=\"data provenance\">\n"
        func row(_ k: L10n, _ v: String, cls: String? = nil) {
            h += "<tr><th>" + escape(loc(k)) + "</th><td" + (cls.map { " class=\"\($0)\"" } ?? "") + ">" + escape(v) + "</td></tr>\n"
        }
        row(.provVersion, p.version)
        row(.provCommit, p.commit ?? loc(.provNoCommit), cls: "hash")
        row(.provDate, p.date)
        if !observed {
            row(.provSeed, String(p.seed))
            row(.provReplications, String(p.replications))
        }
        row(.provOverrides, p.overrides.isEmpty ? loc(.provNone) : p.overrides.joined(separator: " · "))
        h += "</table></div>\n<div class=\"table-wrap\"><table class=\"data provenance\">\n<tr><th>" + escape(loc(.provScenarioFile)) + "</th><th>" + escape(loc(.provHorizon))
            + "</th><th>" + escape(loc(.provWarmup)) + "</th><th>" + escape(loc(.provHash)) + "</th></tr>\n"
        for f in p.scenarios {
            h += "<tr><td>" + escape(f.path) + "</td><td>" + escape(loc.number(f.years, digits: f.years == f.years.rounded() ? 0 : 1)) + "</td><td>"
                + escape(loc.number(f.warmupYears, digits: f.warmupYears == f.warmupYears.rounded() ? 0 : 1)) + "</td><td class=\"hash\">" + escape(f.sha256) + "</td></tr>\n"
        }
        return h + "</table></div>\n</section>\n"
    }
}
