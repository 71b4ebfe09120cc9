import Foundation

/// The exploration report: one self-contained HTML file (inline SVG and CSS, no script, no
/// network) reading a finished `concerto explore` folder back through ``ExploreAnalysis`` and
/// its three analyses: what was explored (structures, design, the uncertain assumptions), which
/// structure is best how often and how surely (probability of best, thresholds), what choosing
/// the wrong one costs (regret), which assumptions drive each result and each comparison
/// (sensitivity, as tornado charts) and where the ranking flips (scenario discovery, each PRIM
/// box as a sentence and a scatter of the design's points).
public struct ExploreReport: Sendable {
    public let analysis: ExploreAnalysis
    public let robustness: ExploreRobustness
    public let sensitivity: ExploreSensitivity
    public let discovery: ExploreDiscovery
    /// Parameters shown per tornado chart.
    public static let topParameters = 8

    public init(analysis: ExploreAnalysis) {
        self.analysis = analysis
        robustness = ExploreRobustness(analysis)
        sensitivity = ExploreSensitivity(analysis)
        discovery = ExploreDiscovery(analysis)
    }

    /// Reads the exploration folder at `path` (see ``load(_:)``) and analyses it.
    public init(folder path: String) throws(SweepError) { self.init(analysis: try Self.load(path)) }

    /// Whether `path` is a folder whose manifest says it holds an exploration.
    public static func isExploreFolder(_ path: String) -> Bool {
        guard let data = try? Data(contentsOf: SweepFolder(path).manifestURL), let m = try? JSONValue.parse(data) else { return false }
        return m["kind"]?.stringValue == "explore"
    }

    /// Reads an exploration folder's manifest and cells; fails with a clear message when it is
    /// not an exploration folder or the exploration is not finished.
    public static func load(_ path: String) throws(SweepError) -> ExploreAnalysis {
        let folder = SweepFolder(path)
        guard FileManager.default.fileExists(atPath: folder.manifestURL.path) else {
            throw SweepError("\(path): no readable manifest.json: not an exploration folder (made by concerto explore --output DIR)")
        }
        let manifest = try folder.readManifest()
        guard manifest.kind == .explore else {
            throw SweepError("\(path): manifest.json is not an exploration's (kind \(manifest.json["kind"]?.stringValue ?? "none"))")
        }
        let total = manifest.cells
        let present = (0..<total).filter { FileManager.default.fileExists(atPath: folder.cellsURL.appendingPathComponent(ExplorePlan.cellFileName($0)).path) }.count
        if present < total {
            throw SweepError("\(path): the exploration is not finished: \(present) of \(total) cells (resume it with concerto explore ... --resume, or merge its shards with concerto merge)")
        }
        // The cells are read (and checked) one at a time.
        do {
            return try ExploreAnalysis(manifest: manifest.json, cellCount: total) { k in
                let name = ExplorePlan.cellFileName(k)
                let file = folder.shown("cells/" + name)
                let v = try FolderCheck.readJSON(folder.cellsURL.appendingPathComponent(name), shown: file)
                try FolderCheck.cell(v, file: file, expected: k, of: manifest)
                return v
            }
        } catch let e as SweepError {
            throw e
        } catch {
            throw SweepError("\(path)/manifest.json: \(error)")
        }
    }

    static let css = HTMLReport.css + """

    .scroll { overflow-x: auto; max-width: 100%; }
    table.data { border-collapse: collapse; font-size: 16px; margin: 8px 0 20px; }
    table.data th, table.data td { border: 1px solid #bbb; padding: 5px 9px; vertical-align: top; text-align: left; }
    table.data th { background: #f0f0f0; }
    table.data td.r { text-align: right; white-space: nowrap; }
    table.pbest td.cell { text-align: center; min-width: 7em; }
    table.pbest td.best { outline: 3px solid #000; outline-offset: -3px; background: #eaf2fa; }
    table.pbest th svg, table.legend svg, table.thresholds svg { display: inline-block; vertical-align: middle; width: 44px; min-width: 44px; max-width: none; }
    .pct { display: block; font-weight: bold; font-size: 20px; }
    .ci, .noise, .dir { display: block; font-size: 14px; color: #333; }
    .dir { font-style: italic; }
    ul.conclusions li { margin: 5px 0; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 540px), 1fr)); gap: 18px 28px; }
    .tornado-panel { margin: 10px 0 26px; }
    .box-case { border-left: 6px solid #0072B2; padding: 2px 0 2px 12px; margin: 18px 0 24px; max-width: 760px; }
    .box-case p { margin: 4px 0 8px; }
    .stats { color: #333; font-size: 16px; }
    ul.nobox, ul.note { font-size: 16px; color: #333; }
    code { font-size: 14px; }
    @media (max-width: 700px) {
      body { font-size: 16px; }
      main { padding: 8px 10px 24px; }
      h1 { font-size: 24px; }
      h2 { font-size: 21px; }
      table.data { font-size: 13px; }
      table.data th, table.data td { padding: 3px 4px; }
      .pct { font-size: 16px; }
      .ci, .noise, .dir { font-size: 12px; }
      table.pbest td.cell { min-width: 0; }
      table.pbest th svg, table.legend svg, table.thresholds svg { width: 30px; min-width: 30px; }
      table.uncertainties, table.uncertainties tbody, table.uncertainties tr, table.uncertainties td { display: block; border: none; }
      table.uncertainties tr:first-child { display: none; }
      table.uncertainties tr { border-top: 1px solid #bbb; padding: 6px 0; }
      table.data.uncertainties td { padding: 1px 0; text-align: left; white-space: normal; }
      table.data.uncertainties td:first-child { font-size: 15px; font-weight: bold; }
      table.uncertainties td[data-label]::before { content: attr(data-label); color: #555; }
    }
    @media print { .charts { display: block; } figure, .box-case, tr { break-inside: avoid; } }
    """

    public func render(_ loc: Localization) -> String {
        let a = analysis
        let title = loc.format(.exploreTitle, a.structureShortNames.joined(separator: ", "))
        var h = "<!DOCTYPE html>\n<html lang=\"\(loc.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>" + e(title) + "</title>\n<style>\n" + Self.css + "\n</style>\n</head>\n<body>\n<main>\n"
        h += "<h1>" + e(title) + "</h1>\n"
        h += "<p class=\"note\">" + e(loc.format(.exploreNote, designText(loc), String(a.pointCount), String(a.replications), String(a.seed))) + "</p>\n"
        h += structuresSection(loc)
        h += uncertaintiesSection(loc)
        h += bestSection(loc)
        h += regretSection(loc)
        h += sensitivitySection(loc)
        h += discoverySection(loc)
        h += "<footer>" + e(loc(.footer)) + "</footer>\n</main>\n</body>\n</html>\n"
        return h
    }

    func e(_ s: String) -> String { SVG.escape(s) }

    /// The design in words.
    func designText(_ loc: Localization) -> String {
        let a = analysis
        switch a.designName {
        case "lhs": return loc(.designLHS)
        case "sobol": return loc.format(.designSobol, String(a.pointCount / Swift.max(1, a.uncertainties.count + 2)))
        case "morris": return loc.format(.designMorris, a.morrisTrajectories.map(String.init) ?? "?", a.morrisLevels.map(String.init) ?? "?")
        case "grid":
            let k = Double(Swift.max(1, a.uncertainties.count))
            return loc.format(.designGrid, String(Int(Foundation.pow(Double(a.pointCount), 1 / k).rounded())))
        default: return a.designName
        }
    }

    // MARK: - What was explored

    func structuresSection(_ loc: Localization) -> String {
        let a = analysis
        var h = "<h2>" + e(loc(.exploreStructuresHeading)) + "</h2>\n<table class=\"legend\">\n"
        for s in a.structureIDs.indices {
            h += "<tr data-structure=\"" + e(a.structureIDs[s]) + "\"><td>" + HTMLReport.swatch(s, id: "lg\(s)") + "</td><td class=\"id\">"
                + e(a.structureShortNames[s]) + "</td><td>" + e(a.structureNames[s]) + "</td></tr>\n"
        }
        return h + "</table>\n"
    }

    func uncertaintiesSection(_ loc: Localization) -> String {
        let a = analysis
        var h = "<h2>" + e(loc(.uncertaintiesHeading)) + "</h2>\n<p class=\"note\">" + e(loc(.uncertaintiesNote)) + "</p>\n"
        h += "<div class=\"scroll\"><table class=\"data uncertainties\">\n<tr><th>" + e(loc(.assumptionColumn)) + "</th><th>" + e(loc(.rangeColumn))
            + "</th><th>" + e(loc(.distributionColumn)) + "</th><th>" + e(loc(.nominalColumn)) + "</th><th>" + e(loc(.reasonColumn)) + "</th></tr>\n"
        for u in a.uncertainties {
            let w = ExploreWording.parameter(u.path, whole: u.whole)
            let support = u.distribution.support
            let range = value(support.lowerBound, u, loc, unit: false) + " – " + value(support.upperBound, u, loc, unit: true)
            h += "<tr data-path=\"" + e(u.path) + "\"><td>" + e(Self.parameterLabel(w, loc)) + "<br/><code>" + e(u.path).replacingOccurrences(of: ".", with: ".<wbr/>") + "</code></td>"
            func label(_ key: L10n) -> String { " data-label=\"" + e(loc(key) + (loc.language == .fr ? " : " : ": ")) + "\"" }
            h += "<td class=\"r\"" + label(.rangeColumn) + ">" + e(range) + "</td><td" + label(.distributionColumn) + ">" + e(distributionText(u, loc)) + "</td>"
            h += "<td class=\"r\"" + label(.nominalColumn) + ">" + e(u.nominal.isFinite ? value(u.nominal, u, loc, unit: true) : "–") + "</td>"
            h += "<td" + label(.reasonColumn) + ">" + e(u.reason ?? "–") + "</td></tr>\n"
        }
        return h + "</table></div>\n"
    }

    /// A value of uncertainty `u` with up to four significant digits (trailing zeros dropped), with its unit.
    func value(_ x: Double, _ u: Uncertainty, _ loc: Localization, unit: Bool) -> String {
        let w = ExploreWording.parameter(u.path, whole: u.whole)
        let n = Self.precise(x, loc)
        guard unit, case let .quantity(_, unitText) = w.phrase(loc.language) else { return n }
        return BoxDescription.withUnit(n, unitText, language: loc.language)
    }

    /// `x` with up to four significant digits, trailing zeros dropped (1.15 → « 1,15 », 20 → « 20 »).
    static func precise(_ x: Double, _ loc: Localization) -> String {
        guard x.isFinite, x != 0 else { return loc.number(x, digits: 0) }
        let decimals = Swift.min(6, Swift.max(0, 3 - Int(Foundation.floor(Foundation.log10(Swift.abs(x))))))
        var s = loc.number(x, digits: decimals)
        if decimals > 0 {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(",") || s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    func distributionText(_ u: Uncertainty, _ loc: Localization) -> String {
        func n(_ x: Double) -> String { Self.precise(x, loc) }
        switch u.distribution {
        case .uniform: return loc(.distUniform)
        case let .triangular(_, mode, _): return loc.format(.distTriangular, n(mode))
        case let .truncatedNormal(mean, sd, _, _): return loc.format(.distNormal, n(mean), n(sd))
        case let .discrete(values): return loc.format(.distDiscrete, values.map(n).joined(separator: loc.language == .fr ? " ; " : ", "))
        }
    }

    /// An assumption's name for tables and axes: its wording without the leading article,
    /// capitalised (« Capacité des partenaires (orbite) »).
    static func parameterLabel(_ w: ParameterWording, _ loc: Localization) -> String {
        var s: String
        switch w.phrase(loc.language) {
        case let .quantity(label, _): s = label
        case let .count(words): s = words
        }
        for article in ["la ", "le ", "les ", "l'", "the "] where s.hasPrefix(article) {
            s = String(s.dropFirst(article.count))
            break
        }
        return s.prefix(1).uppercased() + s.dropFirst()
    }

    /// An assumption's axis title: its label and unit.
    func parameterAxisTitle(_ u: Uncertainty, _ loc: Localization) -> String {
        let w = ExploreWording.parameter(u.path, whole: u.whole)
        let label = Self.parameterLabel(w, loc)
        if case let .quantity(_, unit) = w.phrase(loc.language), !unit.isEmpty { return label + " (" + unit + ")" }
        return label
    }

    // MARK: - Measures

    /// How a measure is shown: its name, its unit in words, the factor applied before display
    /// (100 for shares, shown in %) and the decimals.
    struct MeasureDisplay {
        var name: String
        var unit: String
        /// Unit of a difference between two structures (regret, Morris effects): percentage points for shares.
        var gapUnit: String
        var scale: Double
        var digits: Int
    }

    static func measure(_ name: String, _ loc: Localization) -> MeasureDisplay {
        let def = Measures.structureMeasures.first { $0.name == name }
        let key: L10n? = switch name {
        case "hoursPerPartnerYear": .hoursPerPartner
        case "totalHoursPerPartnerYear": .totalHoursPerPartner
        case "hypersollicitedShare": .hypersollicited
        case "medianDaysKM": .medianDays
        case "undecidedShare": .undecided
        case "decisionsPerYear": .decisionsPerYear
        case "sectorGallagher": .gallagher
        case "sectorCoverageMean": .coverage
        case "territoryCoverage": .territoryCoverage
        case "meetingsPerYear": .meetingsPerYear
        default: nil
        }
        let title = key.map { loc($0) } ?? def?.label ?? name
        guard let unit = def?.unit else { return MeasureDisplay(name: title, unit: "", gapUnit: "", scale: 1, digits: 2) }
        switch unit {
        case .share: return MeasureDisplay(name: title, unit: "%", gapUnit: loc(.unitPercentagePoints), scale: 100, digits: 1)
        case .hoursPerPartnerYear: return MeasureDisplay(name: title, unit: loc(.unitHoursPerPartnerYear), gapUnit: loc(.unitHoursPerPartnerYear), scale: 1, digits: 1)
        case .days: return MeasureDisplay(name: title, unit: loc(.unitDays), gapUnit: loc(.unitDays), scale: 1, digits: 1)
        case .decisionsPerYear: return MeasureDisplay(name: title, unit: loc(.unitDecisionsPerYear), gapUnit: loc(.unitDecisionsPerYear), scale: 1, digits: 2)
        case .meetingsPerYear: return MeasureDisplay(name: title, unit: loc(.unitMeetingsPerYear), gapUnit: loc(.unitMeetingsPerYear), scale: 1, digits: 2)
        case .points: return MeasureDisplay(name: title, unit: loc(.unitPercentagePoints), gapUnit: loc(.unitPercentagePoints), scale: 1, digits: 2)
        case .ratio, .index: return MeasureDisplay(name: title, unit: "", gapUnit: "", scale: 1, digits: 3)
        default: return MeasureDisplay(name: title, unit: unit.rawValue, gapUnit: unit.rawValue, scale: 1, digits: 2)
        }
    }

    /// The short name of a structure id.
    func shortName(_ id: String) -> String {
        analysis.structureIDs.firstIndex(of: id).map { analysis.structureShortNames[$0] } ?? id
    }

    /// A percentage and its 95% interval: "IC 95 % 69–79 %".
    func interval(_ low: Double, _ high: Double, _ loc: Localization) -> String {
        loc.format(.ci95Range, loc.number(low * 100, digits: 0), loc.percent(high))
    }
}
