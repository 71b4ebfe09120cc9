/// How a measure and its unit are named to a planner at the terminal, in French or English:
/// the English label is the measure's own (``MeasureDefinition/label``); the French one is
/// kept here, by measure name, so that a new measure without a translation shows its English
/// label rather than nothing (``MeasureWordingTests`` lists those missing: none today).
public enum MeasureWording {
    /// The measure's label in `language`.
    public static func label(_ d: MeasureDefinition, _ language: ReportLanguage) -> String {
        language == .fr ? (french[d.labelKey] ?? d.label) : d.label
    }

    /// The unit as a table heads it ("%" for shares).
    public static func unit(_ u: MeasureUnit, _ language: ReportLanguage) -> String {
        guard language == .fr else { return u.display }
        switch u {
        case .hoursPerPartnerYear: return "h/partenaire/an"
        case .hoursPerStaffYear: return "h/employé/an"
        case .hoursPerYear: return "h/an"
        case .ratio: return "ratio"
        case .share: return "%"
        case .index: return "indice 0–1"
        case .instances: return "instances"
        case .meetingsPerYear: return "réunions/an"
        case .days: return "jours"
        case .decisionsPerYear: return "décisions/an"
        case .meetings: return "réunions"
        case .issuesPerYear: return "enjeux/an"
        case .issues: return "enjeux"
        case .points: return "points"
        case .members: return "membres"
        case .creationsPerYear: return "créations/an"
        }
    }

    /// French labels of the structure's measures, by `family.name`.
    static let french: [String: String] = [
        "hyperconcertation.hoursPerPartnerYear": "Heures de réunion sollicitées par partenaire et par an (organisations, pas le personnel)",
        "hyperconcertation.hoursPerPartnerYearP90": "90e centile des heures sollicitées par partenaire et par an",
        "hyperconcertation.hoursPerPartnerYearMax": "Heures par an du partenaire le plus sollicité",
        "hyperconcertation.outsideHoursPerPartnerYear": "Heures par partenaire et par an aux autres tables du territoire et en charge de fond",
        "hyperconcertation.totalHoursPerPartnerYear": "Toutes les heures de concertation par partenaire et par an (dans la structure et hors d'elle)",
        "hyperconcertation.loadRatioMean": "Ratio de charge moyen (heures de concertation / capacité)",
        "hyperconcertation.hypersollicitedShare": "Part des partenaires sollicités au-delà de leur capacité (toute la concertation, ratio > 1)",
        "hyperconcertation.hoursBeyondCapacityShare": "Part des heures de concertation au-delà de la capacité mensuelle",
        "hyperconcertation.instancesPerPartner": "Instances distinctes par partenaire",
        "hyperconcertation.instancesPerPartnerMax": "Le plus d'instances tenues par un partenaire",
        "hyperconcertation.redundantHoursPerPartnerYear": "Heures par partenaire et par an sur un thème déjà couvert ce mois-là dans une instance sans lien de reddition",
        "hyperconcertation.redundantHoursShare": "Part des heures de concertation redondantes",
        "hyperconcertation.duplicationJaccard": "Chevauchement moyen (Jaccard) des membres d'instances sœurs partageant un thème (sans lien de reddition ; descriptif)",
        "hyperconcertation.duplicatedHoursShare": "Part des heures-partenaires passées dans des instances partageant un thème avec une autre",
        "hyperconcertation.attendanceRate": "Membres présents / membres sollicités, toutes réunions",
        "hyperconcertation.attritionShare": "Part des partenaires ayant quitté des instances ouvertes à l'horizon",
        "hyperconcertation.overloadedOrLeftShare": "Part des partenaires au-delà de leur capacité ou partis par surcharge",
        "hyperconcertation.bodiesPerPartner": "Instances par partenaire, autres tables du territoire comprises",
        "hyperconcertation.tablesPerPartner": "Tables par partenaire : instances, autres tables du territoire et celles que représente la charge de fond (CALIBRATION : 3–8)",
        "hyperconcertation.staffLoadRatio": "Heures de concertation du personnel (coordination) / capacité",
        "hyperconcertation.staffVacancyShare": "Part du temps du personnel avec le poste vacant (roulement)",
        "hyperconcertation.staffHoursPerYear": "Heures par membre du personnel et par an",
        "hyperconcertation.meetingsPerYear": "Réunions tenues par an, toutes instances",
        "latency.meanDaysDecided": "Jours moyens de l'émergence à la décision finale (enjeux décidés)",
        "latency.medianDaysKM": "Médiane Kaplan–Meier des jours jusqu'à la décision si rien n'était abandonné (abandons et enjeux ouverts censurés)",
        "latency.medianDaysCIF": "Jours jusqu'à ce que la moitié des enjeux soient décidés, un abandon comptant comme jamais décidé (incidence cumulée)",
        "latency.decidedWithin90Days": "Part des enjeux décidés en 90 jours (incidence cumulée ; abandons concurrents, enjeux ouverts censurés)",
        "latency.decidedWithin365Days": "Part des enjeux décidés en 365 jours (incidence cumulée)",
        "latency.droppedWithin365Days": "Part des enjeux abandonnés en 365 jours (incidence cumulée)",
        "latency.p90Days": "90e centile des jours jusqu'à la décision (enjeux décidés)",
        "latency.undecidedShare": "Part des enjeux encore ouverts à l'horizon (en cours et bloqués)",
        "latency.inProgressShare": "Part des enjeux ouverts à l'horizon et plus jeunes que le stuckAfterDays de leur type",
        "latency.stuckShare": "Part des enjeux ouverts à l'horizon depuis le stuckAfterDays de leur type ou plus",
        "latency.decisionsPerYear": "Décisions finales par an",
        "latency.meetingsPerDecision": "Réunions où un enjeu décidé était à l'ordre du jour",
        "latency.consensusShare": "Part des décisions prises par consensus",
        "latency.voteShare": "Part des décisions prises par vote",
        "latency.delegatedShare": "Part des décisions prises par un délégué pour un enjeu urgent",
        "latency.surveyShare": "Part des décisions prises par sondage des membres",
        "latency.droppedShare": "Part des enjeux abandonnés",
        "latency.quorumFailuresPerYear": "Réunions sans quorum par an",
        "latency.agendaOverflowsPerYear": "Réunions dont l'ordre du jour n'a pas pu prendre tous les enjeux en attente, par an",
        "latency.organiserShortfallsPerYear": "Réunions régulières reportées ou écourtées faute d'organisateurs disponibles (surcharge ou poste vacant), par an",
        "latency.meetingsCancelledPerYear": "Réunions régulières annulées, les organisateurs restant indisponibles jusqu'à la réunion suivante, par an",
        "latency.issuesPerYear": "Enjeux à décider apparus par an",
        "latency.backlogMean": "Nombre moyen (dans le temps) d'enjeux en attente de décision",
        "representativity.sectorGallagher": "Indice de Gallagher, secteurs présents aux décisions vs référence",
        "representativity.sectorLoosemoreHanby": "Indice de Loosemore–Hanby, secteurs présents aux décisions vs référence",
        "representativity.territoryGallagher": "Indice de Gallagher, territoires présents aux décisions",
        "representativity.territoryLoosemoreHanby": "Indice de Loosemore–Hanby, territoires présents aux décisions",
        "representativity.ageGallagher": "Indice de Gallagher, groupes d'âge servis par les présents aux décisions",
        "representativity.ageLoosemoreHanby": "Indice de Loosemore–Hanby, groupes d'âge présents aux décisions",
        "representativity.sectorCoverage": "Part des secteurs présents à au moins une décision",
        "representativity.territoryCoverage": "Part des territoires présents à au moins une décision",
        "representativity.ageCoverage": "Part des groupes d'âge présents à au moins une décision",
        "representativity.sectorCoverageMean": "Part moyenne des secteurs présents à une décision",
        "representativity.sectorBlau": "Hétérogénéité de Blau des secteurs présents aux décisions",
        "representativity.vacantSeatShare": "Part des sièges de la structure réservés à une catégorie et occupés par personne",
        "representativity.seatSectorGallagher": "Indice de Gallagher, secteurs des sièges (toutes instances, sièges réservés vacants compris) vs référence",
        "representativity.seatTerritoryGallagher": "Indice de Gallagher, territoires des sièges",
        "representativity.seatAgeGallagher": "Indice de Gallagher, groupes d'âge des sièges",
    ]
}
