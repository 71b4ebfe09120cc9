/// Language of a report (« langue du rapport »): French by default, since planners are in Québec.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case fr, en
}

/// Every label, title, unit and sentence of the report in French and English, and numbers
/// written the way each language writes them: in French a decimal comma and a narrow no-break
/// space (U+202F) between thousands and before « % »; in English a decimal point, commas
/// between thousands and no space before "%".
public struct Localization: Sendable, Equatable {
    public let language: ReportLanguage
    public init(_ language: ReportLanguage = .fr) { self.language = language }

    /// The narrow no-break space (espace fine insécable).
    public static let thinSpace = "\u{202F}"

    /// `x` with `digits` decimals; "–" when undefined.
    public func number(_ x: Double, digits: Int) -> String {
        if !x.isFinite { return x.isNaN ? "–" : (x > 0 ? "∞" : "-∞") }
        let plain = NumberFormat.fixed(x, digits: digits)
        var sign = ""
        var body = Substring(plain)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let frac = parts.count > 1 ? String(parts[1]) : ""
        let group = language == .fr ? Self.thinSpace : ","
        var grouped = ""
        for (k, c) in intPart.reversed().enumerated() {
            if k > 0 && k % 3 == 0 { grouped = group + grouped }
            grouped = String(c) + grouped
        }
        let decimal = language == .fr ? "," : "."
        return sign + grouped + (frac.isEmpty ? "" : decimal + frac)
    }

    /// A share (0–1) as a percentage: "12,5 %" (fr) or "12.5%" (en).
    public func percent(_ share: Double, digits: Int = 0) -> String {
        guard share.isFinite else { return "–" }
        return number(share * 100, digits: digits) + (language == .fr ? Self.thinSpace + "%" : "%")
    }

    /// The text of a key in this language.
    public func callAsFunction(_ key: L10n) -> String {
        let p = key.pair
        return language == .fr ? p.fr : p.en
    }

    /// A template with `{0}`, `{1}`… replaced by `args` (already formatted).
    public func format(_ key: L10n, _ args: String...) -> String {
        var s = self(key)
        for (k, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(k)}", with: a) }
        return s
    }

    /// The French or English name of an act.
    public func act(_ a: Act) -> String {
        switch a {
        case .decide: return self(.actDecide)
        case .ratify: return self(.actRatify)
        case .recommend: return self(.actRecommend)
        case .inform: return self(.actInform)
        case .consult: return self(.actConsult)
        }
    }
}

/// The report's texts. Every key has a French and an English version (the switch is
/// exhaustive, so a missing translation does not compile).
public enum L10n: String, Sendable, CaseIterable {
    case reportTitle, generatedFrom, replicationsNote, howToRead, howToReadText
    case structuresHeading, comparisonHeading, loadHeading, latencyHeading, representativityHeading
    case schemaHeading, summaryHeading, outsideTablesHeading
    case hyperconcertationFamily, latencyFamily, representativityFamily
    case hoursPerPartner, hypersollicited, meetingsPerYear, medianDays, undecided, decisionsPerYear
    case gallagher, coverage
    case unitHoursPerPartnerYear, unitPercent, unitMeetingsPerYear, unitDays, unitDecisionsPerYear, unitPoints
    case ciNote
    case loadRatioAxis, partnersShareAxis, capacityLine, loadChartTitle, overflowBin
    case survivalTitle, survivalYAxis, survivalXAxis, halfLine
    case shareTitle, shareAxis, presentAtDecisions, referenceShare
    case summarySentence, summaryHalfUndecided, summaryCommunity, summaryNoCommunity, summaryNoDecision
    case actDecide, actRatify, actRecommend, actInform, actConsult
    case reportsTo, members, mandatory, open, elected, observers, named, onDemand, level
    case decidesFor, ratifiesFor, recommendsFor, issueKinds, schemaLegend
    case footer, noData, unitDaysShort, barsNote, loadNote, survivalNote, shareNote
    case sweepTitle, sweepNote, labelKey, tradeOffHeading, tradeOffNote, tradeOffTitle, colourLegend, notDrawn
    case paretoHeading, paretoNote, cellsHeading, cellColumn, paretoColumn, parametersHeading, parameterTitle
    case parameterNoteCI, parameterNoteRange

    var pair: (fr: String, en: String) {
        switch self {
        case .reportTitle: return ("Rapport Concerto : structures de concertation comparées", "Concerto report: concertation structures compared")
        case .generatedFrom: return ("Scénarios simulés", "Simulated scenarios")
        case .replicationsNote: return ("{0} réplications de {1} ans chacune, graine {2}. Les barres montrent la moyenne et son intervalle de confiance à 95 % (moustaches).",
                                        "{0} replications of {1} years each, seed {2}. Bars show the mean and its 95% confidence interval (whiskers).")
        case .howToRead: return ("Comment lire ce rapport", "How to read this report")
        case .howToReadText: return ("Trois familles de mesures : la surcharge de concertation (hyperconcertation), le temps pour décider (latence) et qui est présent quand on décide (représentativité). Chaque structure garde la même couleur et le même motif dans tous les graphiques.",
                                     "Three families of measures: the load of concertation on partners (hyperconcertation), the time it takes to decide (latency) and who is in the room when decisions are made (representativity). Each structure keeps the same colour and pattern in every chart.")
        case .structuresHeading: return ("Les structures", "The structures")
        case .comparisonHeading: return ("Les trois familles, structure par structure", "The three families, structure by structure")
        case .loadHeading: return ("Charge des partenaires", "Load on partners")
        case .latencyHeading: return ("Temps pour décider", "Time to decide")
        case .representativityHeading: return ("Qui est présent aux décisions", "Who is present at decisions")
        case .schemaHeading: return ("Schéma de gouvernance", "Governance diagram")
        case .outsideTablesHeading: return ("Autres tables du territoire (hors de la structure)", "The territory's other tables (outside the structure)")
        case .summaryHeading: return ("En bref", "In short")
        case .hyperconcertationFamily: return ("Hyperconcertation", "Hyperconcertation")
        case .latencyFamily: return ("Latence décisionnelle", "Decision latency")
        case .representativityFamily: return ("Représentativité", "Representativity")
        case .hoursPerPartner: return ("Heures de réunion par partenaire et par an", "Meeting hours per partner per year")
        case .hypersollicited: return ("Partenaires au-delà de leur capacité", "Partners beyond their capacity")
        case .meetingsPerYear: return ("Réunions par an (toutes instances)", "Meetings per year (all bodies)")
        case .medianDays: return ("Délai médian de décision", "Median time to decision")
        case .undecided: return ("Enjeux encore sans décision à la fin", "Issues still undecided at the end")
        case .decisionsPerYear: return ("Décisions par an", "Decisions per year")
        case .gallagher: return ("Écart à la représentation de référence (Gallagher)", "Gap to reference representation (Gallagher)")
        case .coverage: return ("Part des secteurs présents à une décision", "Share of sectors present at a decision")
        case .unitHoursPerPartnerYear: return ("heures par partenaire par an", "hours per partner per year")
        case .unitPercent: return ("%", "%")
        case .unitMeetingsPerYear: return ("réunions par an", "meetings per year")
        case .unitDays: return ("jours", "days")
        case .unitDecisionsPerYear: return ("décisions par an", "decisions per year")
        case .unitPoints: return ("points de pourcentage (0 = parfait)", "percentage points (0 = perfect)")
        case .ciNote: return ("moyenne et IC 95 %", "mean and 95% CI")
        case .loadRatioAxis: return ("Ratio de charge (heures sollicitées / capacité)", "Load ratio (hours solicited / capacity)")
        case .partnersShareAxis: return ("% des partenaires", "% of partners")
        case .capacityLine: return ("capacité", "capacity")
        case .loadChartTitle: return ("Répartition des partenaires selon leur charge, par structure", "Partners by load ratio, per structure")
        case .overflowBin: return ("dernière barre : {0} et plus", "last bar: {0} and above")
        case .survivalTitle: return ("Part des enjeux encore sans décision, selon le temps écoulé", "Share of issues still undecided, by time elapsed")
        case .survivalYAxis: return ("% des enjeux sans décision", "% of issues undecided")
        case .survivalXAxis: return ("Jours depuis l'apparition de l'enjeu", "Days since the issue emerged")
        case .halfLine: return ("la moitié", "half")
        case .shareTitle: return ("Secteurs présents aux décisions et part de référence", "Sectors present at decisions vs reference share")
        case .shareAxis: return ("% des personnes présentes", "% of those present")
        case .presentAtDecisions: return ("présents aux décisions", "present at decisions")
        case .referenceShare: return ("référence", "reference")
        case .summarySentence: return ("En moyenne, les partenaires consacrent {0} par an aux réunions ; {1} d'entre eux dépassent leur capacité.",
                                       "On average, partners spend {0} a year in meetings; {1} are over their capacity.")
        case .summaryHalfUndecided: return ("La moitié des enjeux sont décidés en {0}.", "Half of the issues are decided within {0}.")
        case .summaryNoDecision: return ("Moins de la moitié des enjeux sont décidés dans l'horizon simulé.", "Fewer than half of the issues are decided within the simulated horizon.")
        case .summaryCommunity: return ("Les organismes communautaires forment {0} des personnes présentes aux décisions, contre {1} des partenaires.",
                                        "Community organisations make up {0} of those present at decisions, against {1} of partners.")
        case .summaryNoCommunity: return ("Ce scénario ne distingue aucun secteur communautaire : la part des organismes communautaires ne peut pas être calculée.",
                                          "This scenario has no community sector: the share of community organisations cannot be computed.")
        case .actDecide: return ("décide", "decides")
        case .actRatify: return ("entérine", "ratifies")
        case .actRecommend: return ("recommande", "recommends")
        case .actInform: return ("est informée", "is informed")
        case .actConsult: return ("est consultée", "is consulted")
        case .reportsTo: return ("rend compte à", "reports to")
        case .members: return ("membres", "members")
        case .mandatory: return ("d'office", "ex officio")
        case .open: return ("ouverte", "open")
        case .elected: return ("élu(s)", "elected")
        case .observers: return ("observateur(s)", "observer(s)")
        case .named: return ("nommé(s)", "named")
        case .onDemand: return ("créée au besoin", "created on demand")
        case .level: return ("niveau", "level")
        case .decidesFor: return ("Décide", "Decides")
        case .ratifiesFor: return ("Entérine", "Ratifies")
        case .recommendsFor: return ("Recommande", "Recommends")
        case .issueKinds: return ("type(s) d'enjeu", "issue kind(s)")
        case .schemaLegend: return ("Flèche : rend compte à l'instance au-dessus. Bordure épaisse : décide ; double bordure : entérine.",
                                    "Arrow: reports to the body above. Thick border: decides; double border: ratifies.")
        case .footer: return ("Produit par Concerto, simulateur de structures de concertation. Les chiffres sont des moyennes sur les réplications simulées, pas des observations.",
                              "Produced by Concerto, a simulator of concertation structures. Figures are means over simulated replications, not observations.")
        case .noData: return ("aucune donnée", "no data")
        case .unitDaysShort: return ("{0} jours", "{0} days")
        case .barsNote: return ("Barres : moyenne sur les réplications ; moustaches : intervalle de confiance à 95 %. Axes à partir de zéro.",
                                "Bars: mean over replications; whiskers: 95% confidence interval. Axes start at zero.")
        case .loadNote: return ("Chaque barre : part des partenaires (organismes) dont la charge tombe dans l'intervalle. À droite de la ligne « capacité », un partenaire est sollicité au-delà de ce qu'il peut donner.",
                                "Each bar: share of partners (organisations) whose load falls in the interval. Right of the \"capacity\" line, a partner is solicited beyond what it can give.")
        case .survivalNote: return ("Courbe de Kaplan–Meier : plus elle descend vite, plus les décisions sont rapides. Là où elle croise « la moitié », on lit le délai médian. L'axe du temps s'arrête quand toutes les courbes sont sous 2 %.",
                                    "Kaplan–Meier curve: the faster it falls, the faster decisions are made. Where it crosses \"half\", read the median time. The time axis stops when every curve is below 2%.")
        case .sweepTitle: return ("Rapport de balayage : {0}", "Sweep report: {0}")
        case .sweepNote: return ("{0} cellules (une par combinaison des valeurs des paramètres), {1} réplications chacune, graine {2}. Paramètres variés : {3}.",
                                 "{0} cells (one per combination of the parameters' values), {1} replications each, seed {2}. Varied parameters: {3}.")
        case .labelKey: return ("Cercle noir : cellule efficace, avec son numéro et ses valeurs {0}.", "Black ring: efficient cell, with its number and its values {0}.")
        case .tradeOffHeading: return ("Le compromis : temps pour décider et heures de réunion", "The trade-off: time to decide and meeting hours")
        case .tradeOffNote: return ("Chaque point est une cellule ; son numéro renvoie au tableau plus bas. En bas à gauche : on décide vite avec peu d'heures de réunion. La couleur donne l'écart de représentativité (Gallagher : plus foncé = plus proche de la référence). Cercle noir et étiquette : cellule efficace (Pareto) — aucune autre cellule ne fait au moins aussi bien sur les deux axes et mieux sur l'un. Axes à partir de zéro.",
                                    "Each point is a cell; its number refers to the table below. Bottom left: fast decisions with few meeting hours. Colour gives the representativity gap (Gallagher: darker = closer to the reference). Black ring and label: an efficient (Pareto) cell — no other cell does at least as well on both axes and better on one. Axes start at zero.")
        case .tradeOffTitle: return ("Délai médian de décision et heures de réunion par partenaire, une cellule par point",
                                     "Median time to decision and meeting hours per partner, one cell per point")
        case .colourLegend: return ("Représentativité : Gallagher (points de %, 0 = parfait)", "Representativity: Gallagher (percentage points, 0 = perfect)")
        case .notDrawn: return ("Cellules non placées (une valeur non définie) : {0}.", "Cells not drawn (an undefined value): {0}.")
        case .paretoHeading: return ("Les cellules efficaces (Pareto)", "The efficient (Pareto) cells")
        case .paretoNote: return ("Pour chacune, aucune autre cellule ne décide au moins aussi vite avec au plus autant d'heures par partenaire en faisant mieux sur l'un des deux. Choisir entre elles, c'est arbitrer entre vitesse et charge (et représentativité).",
                                  "For each, no other cell decides at least as fast with at most as many hours per partner while doing better on one of the two. Choosing among them trades speed against load (and representativity).")
        case .cellsHeading: return ("Toutes les cellules", "All cells")
        case .cellColumn: return ("Cellule", "Cell")
        case .paretoColumn: return ("Efficace", "Efficient")
        case .parametersHeading: return ("L'effet de chaque paramètre", "The effect of each parameter")
        case .parameterTitle: return ("Mesures principales selon {0}", "Headline measures by {0}")
        case .parameterNoteCI: return ("Chaque point : la cellule qui a cette valeur ; moustaches : intervalle de confiance à 95 % de sa moyenne.",
                                       "Each point: the cell with this value; whiskers: 95% confidence interval of its mean.")
        case .parameterNoteRange: return ("Chaque point : moyenne des {0} cellules qui ont cette valeur ; moustaches : plage (minimum–maximum) de ces cellules quand les autres paramètres varient (pas un intervalle de confiance).",
                                          "Each point: mean of the {0} cells with this value; whiskers: range (minimum–maximum) of those cells as the other parameters vary (not a confidence interval).")
        case .shareNote: return ("Barre pleine : part moyenne du secteur parmi les personnes présentes aux décisions ; barre grise hachurée : part de référence du scénario.",
                                 "Solid bar: the sector's mean share among those present at decisions; grey hatched bar: the scenario's reference share.")
        }
    }
}
