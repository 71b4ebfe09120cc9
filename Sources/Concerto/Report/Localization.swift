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
    // The exploration report (ExploreReport).
    case exploreTitle, exploreNote, designLHS, designSobol, designMorris, designGrid, exploreStructuresHeading
    case uncertaintiesHeading, uncertaintiesNote, assumptionColumn, pathColumn, rangeColumn, distributionColumn, nominalColumn, reasonColumn
    case distUniform, distTriangular, distNormal, distDiscrete
    case bestHeading, bestNote, measureColumn, lowerIsBetter, higherIsBetter, beyondNoise, ci95Range
    case bestSentence, bestTieSentence, bestNotComparable, bestPointsUsed, unrankedMeasures
    case thresholdsHeading, thresholdsNote, meetsAllColumn, structureColumn
    case regretHeading, regretNote, regretTitle, regretMean, regretP90, regretAxis
    case sensitivityHeading, sensitivitySobolNote, sensitivityMorrisNote, sensitivitySpearmanNote, sensitivityPanelsNote
    case subjectDifference, sobolTotal, sobolFirst, morrisMuStar, spearmanRho, halfSampleTick, moreParameters
    case noteUndefined, noteConstant
    case discoveryHeading, discoveryNote, boxStats, noBoxAtAll, noBoxHeading, noBoxNote
    case reasonNever, reasonEverywhere, reasonNotDense, reasonChance, reasonUndefined
    case scatterTitle, scatterCase, scatterOther, scatterBox, scatterSecondAxis, scatterHiddenNote
    case totalHoursPerPartner, territoryCoverage, unitPercentagePoints
    // The conclusions (Conclusions) and the one median.
    case reportTitleSingle, conclusionsHeading, conclusionsMethod, conclHighest, conclLowest, conclNoRanking, conclNoDifference
    case conclHoursHigher, conclTotalHoursHigher, conclHypersollicitedHigher, conclLatencyHigher, conclGallagherHigher
    case assumptionsHeading, assumptionsText, medianEstimatorNote, medianBarUnit
    // Board-ready page (issue 14): at a glance, data tables, downloads, provenance, staff and rhythm, toggles.
    case glanceTitle, glanceNote, conclChainLabel, conclChainNote, conclPairsSummary, dataSummary, dataSummaryNamed
    case downloadsHeading, downloadCSV, downloadJSON, downloadsNote
    case provenanceHeading, provVersion, provCommit, provNoCommit, provDate, provSeed, provReplications, provOverrides, provNone
    case provScenarioFile, provHorizon, provHash, provWarmup
    case resourcesFamily, staffHours, unitHoursPerStaffYear, summaryStaffSentence, summaryNoStaff
    case toggleLabel, meanColumn, ciLowColumn, ciHighColumn, daysColumn, loadBinColumn, partnersShareColumn
    case sectorColumn, presentColumn, referenceColumn
    // The calibration fit report (CalibrationReport).
    case calTitle, calIntro, calMethod, calParametersHeading, calParameter, calPrior, calMedian, calInterval, calScenarioValue
    case calFitHeading, calFitNote, calStatistic, calGroup, calObserved, calSimulated, calInside, calYes, calNo, calStoppedEarly, calHistogramNote
    // A structure's page measured in its records (`concerto observe --format html`).
    case obsTitle, obsGeneratedFrom, obsNote, obsSourceHeading, obsSourceText, obsBarsNote, obsGlanceNote, obsMedianBarUnit, obsMedianEstimatorNote
    case obsUnavailable, obsUnavailableNote, obsLoadUnavailable, obsSummarySentence, obsSummaryStaffUnavailable, obsFooter, obsValueColumn

    var pair: (fr: String, en: String) {
        switch self {
        case .reportTitle: return ("Rapport Concerto : structures de concertation comparées", "Concerto report: concertation structures compared")
        case .generatedFrom: return ("Scénarios simulés", "Simulated scenarios")
        case .replicationsNote: return ("{0} réplications de {1} ans chacune, série aléatoire n° {2}. Les barres montrent la moyenne et son intervalle de confiance à 95 % (moustaches).",
                                        "{0} replications of {1} years each, seed {2}. Bars show the mean and its 95% confidence interval (whiskers).")
        case .howToRead: return ("Comment lire ce rapport", "How to read this report")
        case .howToReadText: return ("Trois familles de mesures : la surcharge de concertation (hyperconcertation), le temps pour décider (latence) et qui est présent quand on décide (représentativité). Chaque structure garde la même couleur et le même motif dans tous les graphiques.",
                                     "Three families of measures: the load of concertation on partners (hyperconcertation), the time it takes to decide (latency) and who is in the room when decisions are made (representativity). Each structure keeps the same colour and pattern in every chart.")
        case .structuresHeading: return ("Les structures", "The structures")
        case .comparisonHeading: return ("Les mesures, famille par famille", "The measures, family by family")
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
        case .elected: return ("sièges pourvus par élection", "elected")
        case .observers: return ("observateur(s)", "observer(s)")
        case .named: return ("nommé(s)", "named")
        case .onDemand: return ("créée au besoin", "created on demand")
        case .level: return ("niveau", "level")
        case .decidesFor: return ("Décide", "Decides")
        case .ratifiesFor: return ("Entérine", "Ratifies")
        case .recommendsFor: return ("Recommande", "Recommends")
        case .issueKinds: return ("types d'enjeux", "issue kinds")
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
        case .sweepTitle: return ("Rapport des variantes : {0}", "Sweep report: {0}")
        case .sweepNote: return ("{0} variantes (une par combinaison des valeurs des paramètres), {1} réplications chacune, série aléatoire n° {2}. Paramètres variés : {3}.",
                                 "{0} cells (one per combination of the parameters' values), {1} replications each, seed {2}. Varied parameters: {3}.")
        case .labelKey: return ("Cercle noir : variante sans meilleur compromis, avec son numéro et ses valeurs {0}.", "Black ring: efficient cell, with its number and its values {0}.")
        case .tradeOffHeading: return ("Le compromis : temps pour décider et heures de réunion", "The trade-off: time to decide and meeting hours")
        case .tradeOffNote: return ("Chaque point est une variante ; son numéro renvoie au tableau plus bas. En bas à gauche : on décide vite avec peu d'heures de réunion. La couleur donne l'écart de représentativité (Gallagher : plus foncé = plus proche de la référence). Cercle noir et étiquette : variante sans meilleur compromis (Pareto) — aucune autre variante ne fait au moins aussi bien sur les deux axes et mieux sur l'un. Axes à partir de zéro.",
                                    "Each point is a cell; its number refers to the table below. Bottom left: fast decisions with few meeting hours. Colour gives the representativity gap (Gallagher: darker = closer to the reference). Black ring and label: an efficient (Pareto) cell — no other cell does at least as well on both axes and better on one. Axes start at zero.")
        case .tradeOffTitle: return ("Délai médian de décision et heures de réunion par partenaire, une variante par point",
                                     "Median time to decision and meeting hours per partner, one cell per point")
        case .colourLegend: return ("Représentativité : Gallagher (points de %, 0 = parfait)", "Representativity: Gallagher (percentage points, 0 = perfect)")
        case .notDrawn: return ("Variantes non placées (une valeur non définie) : {0}.", "Cells not drawn (an undefined value): {0}.")
        case .paretoHeading: return ("Les variantes sans meilleur compromis (Pareto)", "The efficient (Pareto) cells")
        case .paretoNote: return ("Pour chacune, aucune autre variante ne fait nettement mieux : aucune ne décide au moins aussi vite avec au plus autant d'heures par partenaire en faisant mieux au-delà du bruit (intervalles de confiance à 95 % séparés) sur l'un des deux. Une variante un peu moins bonne, mais dans le bruit, reste donc dans la liste. Choisir entre elles, c'est arbitrer entre vitesse et charge (et représentativité).",
                                  "For each, no other cell does clearly better: none decides at least as fast with at most as many hours per partner while doing better beyond noise (separate 95% confidence intervals) on one of the two. A cell slightly worse but within the noise therefore stays on the list. Choosing among them trades speed against load (and representativity).")
        case .cellsHeading: return ("Toutes les variantes", "All cells")
        case .cellColumn: return ("Variante", "Cell")
        case .paretoColumn: return ("Sans meilleur compromis", "Efficient")
        case .parametersHeading: return ("L'effet de chaque paramètre", "The effect of each parameter")
        case .parameterTitle: return ("Mesures principales selon {0}", "Headline measures by {0}")
        case .parameterNoteCI: return ("Chaque point : la variante qui a cette valeur ; moustaches : intervalle de confiance à 95 % de sa moyenne.",
                                       "Each point: the cell with this value; whiskers: 95% confidence interval of its mean.")
        case .parameterNoteRange: return ("Chaque point : moyenne des {0} variantes qui ont cette valeur ; moustaches : plage (minimum–maximum) de ces variantes quand les autres paramètres varient (pas un intervalle de confiance).",
                                          "Each point: mean of the {0} cells with this value; whiskers: range (minimum–maximum) of those cells as the other parameters vary (not a confidence interval).")
        case .exploreTitle: return ("Exploration de l'incertitude : {0}", "Exploring uncertainty: {0}")
        case .exploreNote: return ("Plan d'expérience : {0}. {1} points (mondes possibles) de l'espace des hypothèses incertaines, {2} réplications par structure et par point, série aléatoire n° {3}. Toutes les structures sont simulées à chaque point avec les mêmes nombres aléatoires : leurs écarts ne tiennent pas au hasard des tirages.",
                                   "Design: {0}. {1} points (possible worlds) of the space of uncertain assumptions, {2} replications per structure and point, seed {3}. Every structure is simulated at every point with the same random numbers: their differences are not luck of the draw.")
        case .designLHS: return ("hypercube latin", "Latin hypercube")
        case .designSobol: return ("plan de Saltelli pour les indices de Sobol ({0} lignes de base)", "Saltelli design for Sobol indices ({0} base rows)")
        case .designMorris: return ("trajectoires de Morris ({0} trajectoires, {1} niveaux)", "Morris trajectories ({0} trajectories, {1} levels)")
        case .designGrid: return ("grille ({0} niveaux par hypothèse)", "grid ({0} levels per assumption)")
        case .exploreStructuresHeading: return ("Les structures comparées", "The structures compared")
        case .uncertaintiesHeading: return ("Les hypothèses incertaines explorées", "The uncertain assumptions explored")
        case .uncertaintiesNote: return ("Chaque hypothèse varie dans sa plage selon sa loi ; un point de l'exploration fixe une valeur pour chacune. Une hypothèse propre à une structure ne change que celle-là.",
                                         "Each assumption varies over its range according to its distribution; a point of the exploration sets a value for each. An assumption specific to one structure changes that structure only.")
        case .assumptionColumn: return ("Hypothèse", "Assumption")
        case .pathColumn: return ("Chemin dans le scénario", "Path in the scenario")
        case .rangeColumn: return ("Plage", "Range")
        case .distributionColumn: return ("Loi", "Distribution")
        case .nominalColumn: return ("Valeur du scénario", "Scenario value")
        case .reasonColumn: return ("Raison de la plage", "Reason for the range")
        case .distUniform: return ("uniforme", "uniform")
        case .distTriangular: return ("triangulaire, mode {0}", "triangular, mode {0}")
        case .distNormal: return ("normale {0} ± {1}, tronquée", "normal {0} ± {1}, truncated")
        case .distDiscrete: return ("valeurs équiprobables {0}", "equally likely values {0}")
        case .bestHeading: return ("Quelle structure l'emporte, et avec quelle assurance", "Which structure wins, and how surely")
        case .bestNote: return ("Pour chaque mesure, la part des mondes explorés où chaque structure est la meilleure (à égalité, la part est partagée), en gras, avec son intervalle de confiance à 95 % (Wilson) ; dessous, la part des mondes où elle est la meilleure au-delà du bruit (sa différence avec chacune des autres, réplication par réplication, a un intervalle à 95 % du bon côté de zéro).",
                                "For each measure, the share of the worlds explored where each structure is the best (ties share the point), in bold, with its 95% confidence interval (Wilson); below, the share of worlds where it is the best beyond noise (its difference to every other structure, replication by replication, has a 95% interval on the better side of zero).")
        case .measureColumn: return ("Mesure", "Measure")
        case .lowerIsBetter: return ("plus bas = mieux", "lower is better")
        case .higherIsBetter: return ("plus haut = mieux", "higher is better")
        case .beyondNoise: return ("au-delà du bruit : {0}", "beyond noise: {0}")
        case .ci95Range: return ("IC 95 % {0}–{1}", "95% CI {0}–{1}")
        case .bestSentence: return ("{0} : {1} est la meilleure dans {2} des mondes explorés ({3}) ; au-delà du bruit dans {4}.",
                                    "{0}: {1} is the best in {2} of the worlds explored ({3}); beyond noise in {4}.")
        case .bestTieSentence: return ("{0} : {1} sont à égalité, chacune la meilleure dans {2} des mondes explorés.",
                                       "{0}: {1} are tied, each the best in {2} of the worlds explored.")
        case .bestNotComparable: return ("{0} : non comparable, la mesure n'est définie pour toutes les structures à aucun point.",
                                         "{0}: not comparable, the measure is defined for every structure at no point.")
        case .bestPointsUsed: return ("Seulement {0} points sur {1} comptent : ailleurs, la mesure n'est pas définie pour toutes les structures.",
                                      "Only {0} of {1} points count: elsewhere the measure is not defined for every structure.")
        case .unrankedMeasures: return ("Mesures sans sens « meilleur » (non classées) : {0}.", "Measures without a \"better\" direction (not ranked): {0}.")
        case .thresholdsHeading: return ("Les seuils du planificateur", "The planner's thresholds")
        case .thresholdsNote: return ("Part de l'espace exploré où chaque structure respecte tous les seuils ({0}), avec son intervalle de confiance à 95 % (Wilson).",
                                      "Share of the space explored where each structure meets every threshold ({0}), with its 95% confidence interval (Wilson).")
        case .meetsAllColumn: return ("Respecte tous les seuils", "Meets every threshold")
        case .structureColumn: return ("Structure", "Structure")
        case .regretHeading: return ("Ce qu'on perd en choisissant la mauvaise structure (regret)", "What choosing the wrong structure costs (regret)")
        case .regretNote: return ("Le regret d'une structure en un point est son écart à la meilleure structure en ce point (zéro là où elle est la meilleure). Barre : regret moyen sur les mondes explorés ; losange noir : 90e centile (dans un monde sur dix, le regret dépasse ce niveau). Plus court = plus robuste.",
                                  "A structure's regret at a point is its gap to the best structure at that point (zero where it is the best). Bar: mean regret over the worlds explored; black diamond: 90th percentile (in one world in ten the regret exceeds it). Shorter = more robust.")
        case .regretTitle: return ("Regret : {0}", "Regret: {0}")
        case .regretMean: return ("regret moyen", "mean regret")
        case .regretP90: return ("90e centile", "90th percentile")
        case .regretAxis: return ("écart à la meilleure, en {0}", "gap to the best, in {0}")
        case .sensitivityHeading: return ("Les hypothèses qui comptent (sensibilité)", "The assumptions that matter (sensitivity)")
        case .sensitivitySobolNote: return ("Indices de Sobol. Barre : indice total ST (part de la variance due à l'hypothèse, seule et en interaction), moustaches : son intervalle de confiance à 95 % ; barre grise fine dessous : indice de premier ordre S1 (l'hypothèse seule) ; petit triangle rouge : ST estimé sur la moitié de l'échantillon (loin de la barre : l'estimation n'a pas convergé).",
                                            "Sobol indices. Bar: total index ST (the share of the variance due to the assumption, alone and in interaction), whiskers: its 95% confidence interval; thin grey bar below: first-order index S1 (the assumption alone); small red triangle: ST from half the sample (far from the bar: the estimate has not converged).")
        case .sensitivityMorrisNote: return ("Méthode de Morris. Barre : μ* (effet absolu moyen quand l'hypothèse parcourt sa plage, dans l'unité de la mesure), moustaches : son intervalle de confiance à 95 % ; petit triangle rouge : μ* sur la moitié des trajectoires (loin de la barre : pas de convergence).",
                                             "Morris method. Bar: μ* (mean absolute effect when the assumption crosses its range, in the measure's unit), whiskers: its 95% confidence interval; small red triangle: μ* from half the trajectories (far from the bar: not converged).")
        case .sensitivitySpearmanNote: return ("Criblage par corrélation de rang de Spearman (effets monotones seulement). Barre : |ρ|, avec son signe à droite (+ : la mesure monte avec l'hypothèse, − : elle baisse), moustaches : intervalle de confiance à 95 % ; petit triangle rouge : |ρ| sur la moitié des points.",
                                               "Screening by Spearman rank correlation (monotone effects only). Bar: |ρ|, its sign on the right (+: the measure rises with the assumption, −: it falls), whiskers: 95% confidence interval; small red triangle: |ρ| from half the points.")
        case .sensitivityPanelsNote: return ("Un panneau par mesure ; dans chacun, un graphique par structure, puis un par écart entre une structure et la première (ce qui décide de la comparaison). Les {0} hypothèses les plus influentes, de la plus forte à la plus faible.",
                                             "One panel per measure; in each, one chart per structure, then one per difference between a structure and the first (what decides the comparison). The {0} most influential assumptions, strongest first.")
        case .subjectDifference: return ("écart {0} − {1}", "difference {0} − {1}")
        case .sobolTotal: return ("ST (total)", "ST (total)")
        case .sobolFirst: return ("S1 (seule)", "S1 (alone)")
        case .morrisMuStar: return ("μ*, en {0}", "μ*, in {0}")
        case .spearmanRho: return ("|ρ| de Spearman", "Spearman |ρ|")
        case .halfSampleTick: return ("moitié de l'échantillon", "half sample")
        case .moreParameters: return ("+ {0} autres, plus faibles", "+ {0} more, weaker")
        case .noteUndefined: return ("indéfinie à {0} points sur {1} : pas d'analyse", "undefined at {0} of {1} points: no analysis")
        case .noteConstant: return ("constante sur les points : rien à expliquer", "constant over the points: nothing to explain")
        case .discoveryHeading: return ("Où le classement bascule (découverte de scénarios)", "Where the ranking flips (scenario discovery)")
        case .discoveryNote: return ("Chaque phrase décrit une région de l'espace (une boîte trouvée par PRIM) où le cas se produit. Couverture : part de tous les cas qui tombent dans la boîte ; densité : part des points de la boîte qui sont des cas. Sous chaque phrase, les points explorés sur les deux hypothèses les plus restreintes : cas en disques pleins, autres points en croix, la boîte en tireté ; les hypothèses à valeurs entières sont un peu étalées autour de chaque valeur pour que les points ne se cachent pas.",
                                     "Each sentence describes a region of the space (a box found by PRIM) where the case happens. Coverage: the share of all cases that fall in the box; density: the share of the box's points that are cases. Under each sentence, the points explored on the two most restricted assumptions: cases as filled discs, other points as crosses, the box dashed; whole-number assumptions are spread a little around each value so that points do not hide one another.")
        case .boxStats: return ("couverture {0}, densité {1} ({2} des {3} cas, {4} points dans la boîte)", "coverage {0}, density {1} ({2} of {3} cases, {4} points in the box)")
        case .noBoxAtAll: return ("Aucune région de l'espace n'explique un renversement ni un seuil manqué.", "No region of the space explains a flip or a missed threshold.")
        case .noBoxHeading: return ("Cas sans boîte", "Cases without a box")
        case .noBoxNote: return ("Renversements et seuils manqués cherchés sans région qui les explique, et pourquoi.", "Flips and missed thresholds searched without a region that explains them, and why.")
        case .reasonNever: return ("n'arrive jamais", "never happens")
        case .reasonEverywhere: return ("arrive partout", "happens everywhere")
        case .reasonNotDense: return ("aucune boîte assez dense (meilleure densité {0})", "no box dense enough (best density {0})")
        case .reasonChance: return ("pas mieux que le hasard (p = {0})", "no better than chance (p = {0})")
        case .reasonUndefined: return ("mesure indéfinie à {0} points sur {1}", "measure undefined at {0} of {1} points")
        case .scatterTitle: return ("Boîte {0}", "Box {0}")
        case .scatterCase: return ("cas", "case")
        case .scatterOther: return ("autre point", "other point")
        case .scatterBox: return ("boîte", "box")
        case .scatterSecondAxis: return ("Une seule hypothèse est restreinte ; l'axe vertical montre {0}, la plus liée au cas (corrélation de rang).",
                                         "Only one assumption is restricted; the vertical axis shows {0}, the most related to the case (rank correlation).")
        case .scatterHiddenNote: return ("La boîte restreint aussi d'autres hypothèses : les points qui sortent de la boîte sur l'une d'elles sont pâlis.",
                                         "The box also restricts other assumptions: points outside the box on one of them are faded.")
        case .totalHoursPerPartner: return ("Heures de concertation par partenaire et par an, au total (dans et hors de la structure)", "All concertation hours per partner per year (in and outside the structure)")
        case .territoryCoverage: return ("Part des territoires présents à une décision", "Share of territories present at a decision")
        case .unitPercentagePoints: return ("points de %", "percentage points")
        case .reportTitleSingle: return ("Rapport Concerto : une structure de concertation simulée", "Concerto report: one concertation structure simulated")
        case .conclusionsHeading: return ("Ce qu'on peut conclure", "What can be concluded")
        case .conclusionsMethod: return ("Chaque écart compare deux structures sur les mêmes {0} réplications (mêmes nombres aléatoires, différences appariées). Un écart n'est affirmé que si son intervalle de confiance à 95 % exclut zéro ; sinon, la simulation ne permet pas de trancher. Des moustaches qui se chevauchent dans les graphiques ne veulent pas dire « pas de différence », et des moustaches séparées ne suffisent pas à en prouver une : ce sont ces conclusions qui font foi.",
                                      "Each difference compares two structures on the same {0} replications (same random numbers, paired differences). A difference is stated only when its 95% confidence interval excludes zero; otherwise the simulation cannot tell. Overlapping whiskers in the charts do not mean \"no difference\", and separate whiskers do not prove one: these conclusions are what counts.")
        case .conclHighest: return ("le plus élevé : {0}", "highest: {0}")
        case .conclLowest: return ("le plus bas : {0}", "lowest: {0}")
        case .conclNoRanking: return ("aucune structure ne se détache de toutes les autres", "no structure stands apart from all the others")
        case .conclNoDifference: return ("Entre {0} et {1} : aucune différence détectable avec {2} réplications.", "Between {0} and {1}: no detectable difference with {2} replications.")
        case .conclHoursHigher: return ("{0} demande {1} h de plus par partenaire et par an que {2} (IC 95 % {3} à {4}).",
                                        "{0} asks {1} h more per partner per year than {2} (95% CI {3} to {4}).")
        case .conclTotalHoursHigher: return ("Avec {0}, les partenaires donnent à toute la concertation (dans et hors de la structure) {1} h de plus par an qu'avec {2} (IC 95 % {3} à {4}).",
                "With {0}, partners give all concertation (in and outside the structure) {1} h more a year than with {2} (95% CI {3} to {4}).")
        case .conclHypersollicitedHigher: return ("Avec {0}, la part des partenaires au-delà de leur capacité est plus haute de {1} points de % qu'avec {2} (IC 95 % {3} à {4}).",
                "With {0}, the share of partners beyond their capacity is {1} percentage points higher than with {2} (95% CI {3} to {4}).")
        case .conclLatencyHigher: return ("{0} décide plus lentement que {2} : son délai médian est plus long de {1} jours, en moyenne sur les réplications appariées (IC 95 % {3} à {4}).",
                                          "{0} decides more slowly than {2}: its median time to decision is {1} days longer, on average over the paired replications (95% CI {3} to {4}).")
        case .conclGallagherHigher: return ("{0} représente moins bien les secteurs que {2} : son écart de Gallagher est plus grand de {1} points (IC 95 % {3} à {4}).",
                                            "{0} represents sectors less well than {2}: its Gallagher gap is {1} points larger (95% CI {3} to {4}).")
        case .medianBarUnit: return ("jours — médiane de Kaplan–Meier, toutes réplications ensemble", "days — Kaplan–Meier median, all replications together")
        case .glanceTitle: return ("En un coup d'œil", "At a glance")
        case .glanceNote: return ("Moyenne sur les réplications et intervalle de confiance à 95 % (trait) ; délai : médiane de Kaplan–Meier. Chaque structure garde son symbole dans tous les graphiques.",
                                  "Mean over replications and 95% confidence interval (line); time to decide: Kaplan–Meier median. Each structure keeps its marker in every chart.")
        case .conclChainLabel: return ("Du plus élevé au plus bas", "From highest to lowest")
        case .conclChainNote: return ("Dans chaque classement, « > » sépare deux voisins dont l'écart apparié dépasse le bruit ; « ≈ » joint deux voisins sans différence détectable.",
                                      "In each ranking, \">\" separates two neighbours whose paired difference is beyond noise; \"≈\" joins two neighbours with no detectable difference.")
        case .conclPairsSummary: return ("Les {0} comparaisons deux à deux, avec la taille de chaque écart", "The {0} pairwise comparisons, with the size of each difference")
        case .dataSummary: return ("Les chiffres du graphique", "The chart's numbers")
        case .dataSummaryNamed: return ("Les chiffres du graphique : {0}", "The chart's numbers: {0}")
        case .downloadsHeading: return ("Télécharger les résultats", "Download the results")
        case .downloadCSV: return ("Résultats détaillés (CSV, pour un tableur)", "Detailed results (CSV, for a spreadsheet)")
        case .downloadJSON: return ("Résultats détaillés (JSON)", "Detailed results (JSON)")
        case .downloadsNote: return ("Les deux fichiers sont contenus dans cette page : ils se téléchargent même hors ligne.", "Both files are inside this page: they download even offline.")
        case .provenanceHeading: return ("D'où viennent ces résultats", "Where these results come from")
        case .provVersion: return ("Version de Concerto", "Concerto version")
        case .provCommit: return ("Commit", "Commit")
        case .provNoCommit: return ("inconnu (programme installé hors d'un dépôt git)", "unknown (program installed outside a git checkout)")
        case .provDate: return ("Date du calcul (UTC)", "Date of the run (UTC)")
        case .provSeed: return ("Série aléatoire n°", "Seed")
        case .provReplications: return ("Réplications", "Replications")
        case .provOverrides: return ("Valeurs modifiées à la ligne de commande (--set)", "Values changed on the command line (--set)")
        case .provNone: return ("aucune", "none")
        case .provScenarioFile: return ("Fichier de scénario", "Scenario file")
        case .provHorizon: return ("Années mesurées", "Years measured")
        case .provWarmup: return ("Mise en route écartée (années)", "Warm-up discarded (years)")
        case .provHash: return ("Empreinte SHA-256", "SHA-256 fingerprint")
        case .resourcesFamily: return ("Coordination et rythme", "Staff and rhythm")
        case .staffHours: return ("Heures par personne de coordination et par an", "Hours per coordination staff member per year")
        case .unitHoursPerStaffYear: return ("heures par personne et par an", "hours per person per year")
        case .summaryStaffSentence: return ("La coordination y consacre {0} par personne et par an, pour {1} réunions par an, toutes instances.",
                                            "Coordination staff give it {0} per person per year, for {1} meetings a year, all bodies.")
        case .summaryNoStaff: return ("{0} réunions par an, toutes instances (aucun personnel de coordination déclaré).", "{0} meetings a year, all bodies (no coordination staff declared).")
        case .toggleLabel: return ("Structures affichées :", "Structures shown:")
        case .meanColumn: return ("Moyenne", "Mean")
        case .ciLowColumn: return ("IC 95 % bas", "95% CI low")
        case .ciHighColumn: return ("IC 95 % haut", "95% CI high")
        case .daysColumn: return ("Jours", "Days")
        case .loadBinColumn: return ("Charge / capacité", "Load / capacity")
        case .partnersShareColumn: return ("Part des partenaires", "Share of partners")
        case .sectorColumn: return ("Secteur", "Sector")
        case .presentColumn: return ("Part parmi les présents aux décisions", "Share among those present at decisions")
        case .referenceColumn: return ("Part de référence", "Reference share")
        case .assumptionsHeading: return ("Principales hypothèses", "Main assumptions")
        case .assumptionsText: return ("La capacité d'un partenaire est le temps qu'une direction peut donner à TOUTE la concertation, de 15 à 25 h par mois ; les tables hors de la structure et la charge de fond sont déclarées dans chaque scénario ; les taux d'apparition des enjeux sont des hypothèses, pas des observations. Pour voir si ces conclusions tiennent quand ces hypothèses varient, lancer « concerto explore » (voir docs/explore.md).",
                                       "A partner's capacity is the time a director can give to ALL concertation, 15 to 25 h a month; tables outside the structure and the background load are declared in each scenario; issue rates are assumptions, not observations. To see whether these conclusions hold when these assumptions vary, run \"concerto explore\" (see docs/explore.md).")
        case .medianEstimatorNote: return ("Le délai médian de décision de ce rapport (« En bref », barres et courbe) est la médiane de Kaplan–Meier de tous les enjeux de toutes les réplications mis ensemble, enjeux abandonnés ou encore ouverts comptés comme censurés : le jour où la courbe croise « la moitié » (barre sans moustaches, car c'est une seule courbe ; les écarts au-delà du bruit sont dans les conclusions, sur les médianes réplication par réplication).",
                                           "The median time to decision in this report (\"In short\", bars and curve) is the Kaplan–Meier median of all issues of all replications together, dropped or still open issues counted as censored: the day the curve crosses \"half\" (the bar has no whiskers, as it is a single curve; differences beyond noise are in the conclusions, on the replication-by-replication medians).")
        case .calTitle: return ("Calibration sur les procès-verbaux : {0}", "Calibration to the minutes: {0}")
        case .calIntro: return ("Les valeurs incertaines du scénario ont été ajustées aux procès-verbaux du {0} au {1} : {2} réunions, {3} points à l'ordre du jour, {4} dossiers.",
                                "The scenario's uncertain values were fitted to the minutes from {0} to {1}: {2} meetings, {3} agenda items, {4} issues.")
        case .calMethod: return ("Méthode : calcul bayésien approché (rejet puis Monte Carlo séquentiel), {0} simulations, {1} particules, tolérances successives {2}. Une valeur est plausible si les procès-verbaux qu'elle simule ressemblent aux vrais sur les statistiques ci-dessous.",
                                 "Method: approximate Bayesian computation (rejection, then sequential Monte Carlo), {0} simulations, {1} particles, successive tolerances {2}. A value is plausible when the minutes it simulates look like the real ones on the statistics below.")
        case .calParametersHeading: return ("Valeurs ajustées (lois a posteriori)", "Fitted values (posterior distributions)")
        case .calParameter: return ("Valeur", "Value")
        case .calPrior: return ("Plage essayée", "Range tried")
        case .calMedian: return ("Médiane a posteriori", "Posterior median")
        case .calInterval: return ("Intervalle à 90 %", "90% interval")
        case .calScenarioValue: return ("Valeur du scénario", "Scenario's value")
        case .calFitHeading: return ("Observé et simulé", "Observed and simulated")
        case .calFitNote: return ("Pour chaque statistique : la valeur des procès-verbaux, et ce que simulent les valeurs ajustées (médiane et intervalle prédictif à 90 %, une simulation par particule). Une valeur observée hors de l'intervalle signale ce que le modèle reproduit mal.",
                                  "For each statistic: the value in the minutes, and what the fitted values simulate (median and 90% predictive interval, one simulation per particle). An observed value outside the interval shows what the model reproduces poorly.")
        case .calStatistic: return ("Statistique", "Statistic")
        case .calGroup: return ("Instance ou type", "Body or kind")
        case .calObserved: return ("Observé", "Observed")
        case .calSimulated: return ("Simulé : médiane [5 %, 95 %]", "Simulated: median [5%, 95%]")
        case .calInside: return ("Dans l'intervalle", "Inside")
        case .calYes: return ("oui", "yes")
        case .calNo: return ("non", "no")
        case .calStoppedEarly: return ("La dernière génération s'est arrêtée sous 5 % de propositions acceptées (la tolérance atteignait le bruit des simulations) : l'échantillon est celui de la génération précédente.",
                                       "The last generation stopped below 5% of proposals accepted (the tolerance had reached the simulations' own noise): the sample is the previous generation's.")
        case .calHistogramNote: return ("Barres : poids des particules par dixième de la plage essayée ; trait : valeur du scénario.",
                                        "Bars: particle weight per tenth of the range tried; line: the scenario's value.")
        case .shareNote: return ("Barre pleine : part moyenne du secteur parmi les personnes présentes aux décisions ; barre grise hachurée : part de référence du scénario.",
                                 "Solid bar: the sector's mean share among those present at decisions; grey hatched bar: the scenario's reference share.")
        case .obsTitle: return ("Rapport Concerto : une structure de concertation mesurée dans ses procès-verbaux",
                                "Concerto report: one concertation structure measured in its minutes")
        case .obsGeneratedFrom: return ("Structure mesurée", "Structure measured")
        case .obsNote: return ("Mesuré dans les procès-verbaux {0} : du {1} au {2} ({3} ans ; {4} réunions, {5} points à l'ordre du jour, {6} enjeux). Une seule valeur par mesure, calculée par le code de mesure du simulateur : ce ne sont pas des réplications simulées, et il n'y a pas d'intervalle de confiance.",
                               "Measured in the minutes {0}: {1} to {2} ({3} years; {4} meetings, {5} agenda items, {6} issues). One value per measure, computed by the simulator's own measure code: these are not simulated replications, and there is no confidence interval.")
        case .obsSourceHeading: return ("D'où viennent les chiffres", "Where the numbers come from")
        case .obsSourceText: return ("Les procès-verbaux (réunions, présences, points, décisions, apparition des enjeux) sont rejoués dans les enregistreurs du simulateur ; chaque mesure est celle qu'une simulation calculerait sur la même histoire. Ce que les procès-verbaux ne disent pas (heures hors de la structure et capacité des partenaires, donc charge au-delà de la capacité ; redondance ; sièges détenus ; personnel de coordination) est marqué « non disponible dans les procès-verbaux », jamais zéro (voir docs/records.md).",
                                     "The minutes (meetings, attendance, items, decisions, when issues emerged) are replayed into the simulator's recorders; each measure is the one a simulation would compute on the same history. What minutes do not say (hours outside the structure and partners' capacity, hence load beyond capacity; redundancy; seats held; coordination staff) is marked \"not available in the minutes\", never zero (see docs/records.md).")
        case .obsBarsNote: return ("Barres : la valeur mesurée dans les procès-verbaux (une seule histoire, donc pas de moustaches). Axes à partir de zéro.",
                                   "Bars: the value measured in the minutes (a single history, so no whiskers). Axes start at zero.")
        case .obsGlanceNote: return ("Valeurs mesurées dans les procès-verbaux ; délai : médiane de Kaplan–Meier des enjeux des procès-verbaux.",
                                     "Values measured in the minutes; time to decision: Kaplan–Meier median of the issues in the minutes.")
        case .obsMedianBarUnit: return ("jours — médiane de Kaplan–Meier des enjeux des procès-verbaux", "days — Kaplan–Meier median of the issues in the minutes")
        case .obsMedianEstimatorNote: return ("Le délai médian de décision de cette page (« En bref », barres et courbe) est la médiane de Kaplan–Meier des enjeux des procès-verbaux, enjeux abandonnés ou encore ouverts à la fin des procès-verbaux comptés comme censurés : le jour où la courbe croise « la moitié ».",
                                              "The median time to decision on this page (\"In short\", bars and curve) is the Kaplan–Meier median of the issues in the minutes, dropped issues and issues still open when the minutes end counted as censored: the day the curve crosses \"half\".")
        case .obsUnavailable: return ("non disponible dans les procès-verbaux", "not available in the minutes")
        case .obsUnavailableNote: return ("{0} : non disponible dans les procès-verbaux (les procès-verbaux ne disent pas ce qu'il faut pour la calculer ; voir docs/records.md).",
                                          "{0}: not available in the minutes (minutes do not say what it needs; see docs/records.md).")
        case .obsLoadUnavailable: return ("Charge rapportée à la capacité : non disponible dans les procès-verbaux. Elle demande les heures de chaque partenaire hors de la structure et sa capacité mois par mois, que les procès-verbaux ne donnent pas.",
                                          "Load relative to capacity: not available in the minutes. It needs each partner's hours outside the structure and capacity month by month, which minutes do not give.")
        case .obsSummarySentence: return ("Dans les procès-verbaux, les partenaires consacrent en moyenne {0} par an aux réunions de la structure ; la part d'entre eux au-delà de leur capacité n'est pas disponible dans les procès-verbaux.",
                                          "In the minutes, partners give on average {0} a year to the structure's meetings; the share of them beyond their capacity is not available in the minutes.")
        case .obsSummaryStaffUnavailable: return ("{0} réunions par an, toutes instances (heures du personnel de coordination : non disponible dans les procès-verbaux).",
                                                  "{0} meetings a year, all bodies (coordination staff hours: not available in the minutes).")
        case .obsFooter: return ("Produit par Concerto, simulateur de structures de concertation. Les chiffres sont mesurés dans les procès-verbaux de la structure, pas simulés.",
                                 "Produced by Concerto, a simulator of concertation structures. Figures are measured in the structure's minutes, not simulated.")
        case .obsValueColumn: return ("Valeur mesurée", "Measured value")
        }
    }
}
