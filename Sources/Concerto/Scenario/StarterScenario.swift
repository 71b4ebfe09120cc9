import Foundation

/// The starting scenario `concerto init` writes: a small *table de concertation* a planner can
/// edit into their own (an assembly, a coordination committee, two working committees, partners
/// written as groups), explained by `comment` notes, which the model never reads (JSON has no
/// comments; `comment`, `note`, `description`, `source` and `sources` are allowed on every
/// object). It validates and runs as written. The structure is written once; only its words
/// (names and comments) differ between French and English.
public enum StarterScenario {
    /// The scenario's JSON text, in `language`.
    public static func text(_ language: ReportLanguage) -> String {
        let words = language == .fr ? french : english
        var out = template
        for (key, value) in words { out = out.replacingOccurrences(of: "«\(key)»", with: value) }
        return out
    }

    static let template = """
    {
      "id": "ma-table", "name": "«tableName»", "years": 3, "warmupYears": 1,
      "comment": "«cTop»",
      "sectors": [
        {"id": "municipal", "name": "«secMunicipal»"}, {"id": "sante-services-sociaux", "name": "«secHealth»"},
        {"id": "education", "name": "«secEducation»"}, {"id": "communautaire", "name": "«secCommunity»"}
      ],
      "territories": [
        {"id": "ville-nord", "name": "«townNorth»", "travelHours": {"ville-sud": 1}},
        {"id": "ville-sud", "name": "«townSouth»", "travelHours": {"ville-nord": 1}}
      ],
      "ageGroups": [{"id": "0-17", "name": "«ageYoung»"}, {"id": "18-64", "name": "«ageAdult»"}, {"id": "65+", "name": "«ageOld»"}],
      "themes": [
        {"id": "developpement-social", "name": "«thSocial»"}, {"id": "coordination", "name": "«thCoordination»"},
        {"id": "logement", "name": "«thHousing»"}, {"id": "alimentation", "name": "«thFood»"}
      ],
      "partnerDefaults": {"capacityHoursPerMonth": 20, "engagement": 0.85, "comment": "«cDefaults»"},
      "partners": [
        {"id": "coordination", "name": "«coordinator»", "sector": "communautaire", "territory": "ville-nord", "staff": true,
         "ageGroups": ["0-17", "18-64", "65+"], "interests": {"developpement-social": 1, "logement": 1, "alimentation": 1}}
      ],
      "partnerGroups": [
        {"territories": ["ville-nord", "ville-sud"], "interests": {"developpement-social": 0.8},
         "comment": "«cGroups»",
         "groups": [
           {"idPattern": "ville-{territory}", "namePattern": "«townHall»", "sector": "municipal",
            "ageGroups": ["0-17", "18-64", "65+"], "interests": {"developpement-social": 0.8, "logement": 0.8}},
           {"idPattern": "cisss-oc-{territory}", "namePattern": "«organiser»", "sector": "sante-services-sociaux",
            "role": "organisateur-communautaire", "capacityHoursPerMonth": 40, "ageGroups": ["0-17", "18-64", "65+"]},
           {"idPattern": "ecole-{territory}", "namePattern": "«school»", "sector": "education", "ageGroups": ["0-17"]},
           {"idPattern": "logement-{territory}-{n}", "namePattern": "«housingGroup»", "sector": "communautaire", "count": 2,
            "ageGroups": ["18-64", "65+"], "interests": {"developpement-social": 0.8, "logement": 1}},
           {"idPattern": "alimentation-{territory}-{n}", "namePattern": "«foodGroup»", "sector": "communautaire", "count": 2,
            "ageGroups": ["0-17", "18-64", "65+"], "interests": {"developpement-social": 0.8, "alimentation": 1}}
         ]}
      ],
      "instances": [
        {"id": "assemblee", "name": "«assembly»", "kind": "assembly", "themes": ["developpement-social"], "venue": "ville-nord",
         "comment": "«cAssembly»",
         "membership": {"open": true, "mandatory": ["coordination"]},
         "schedule": {"meetingsPerYear": 3, "breakMonths": [7, 8]}, "meetingHours": 3, "agendaHours": 2.5,
         "powers": ["decide", "inform"], "decisionRule": {"voteAtAttempt": 2, "voteThreshold": 0.6667},
         "urgentDelegate": "comite-coordination"},
        {"id": "comite-coordination", "name": "«coordCommittee»", "kind": "coordination", "themes": ["coordination"],
         "venue": "ville-nord", "parents": ["assemblee"], "comment": "«cCoordination»",
         "membership": {"mandatory": ["coordination"], "quotas": [{"count": 2, "role": "organisateur-communautaire"}],
                        "elected": {"by": "assemblee", "seats": 3, "balance": ["sector", "territory"]}},
         "schedule": {"meetingsPerYear": 10, "breakMonths": [7, 8]}, "quorum": {"kind": "count", "value": 3},
         "powers": ["recommend", "decide", "inform"], "extraMeetings": true},
        {"id": "comite-logement", "name": "«housingCommittee»", "kind": "working", "themes": ["logement"], "venue": "ville-sud",
         "parents": ["assemblee"], "comment": "«cWorking»",
         "membership": {"open": true, "minInterest": 0.5, "mandatory": ["coordination"]},
         "schedule": {"meetingsPerYear": 6, "breakMonths": [7]}, "powers": ["decide", "inform"]},
        {"id": "comite-alimentation", "name": "«foodCommittee»", "kind": "working", "themes": ["alimentation"], "venue": "ville-nord",
         "parents": ["assemblee"], "membership": {"open": true, "minInterest": 0.5, "mandatory": ["coordination"]},
         "schedule": {"meetingsPerYear": 6, "breakMonths": [7]}, "powers": ["decide", "inform"]}
      ],
      "issueKinds": [
        {"id": "priorites", "name": "«kPriorities»", "category": "priority", "theme": "developpement-social", "ratePerYear": 1,
         "comment": "«cKinds»", "route": [{"act": "decide", "instance": "assemblee"}]},
        {"id": "coordination", "name": "«kCoordination»", "theme": "coordination", "ratePerYear": 6,
         "route": [{"act": "decide", "instance": "comite-coordination"}, {"act": "inform", "instance": "assemblee"}]},
        {"id": "action-logement", "name": "«kHousing»", "category": "actionPlan", "theme": "logement", "ratePerYear": 3,
         "route": [{"act": "decide", "instance": "comite-logement"}, {"act": "inform", "instance": "assemblee"}]},
        {"id": "action-alimentation", "name": "«kFood»", "category": "actionPlan", "theme": "alimentation", "ratePerYear": 3,
         "route": [{"act": "decide", "instance": "comite-alimentation"}, {"act": "inform", "instance": "assemblee"}]}
      ],
      "attendance": {"interestFloor": 0.6, "comment": "«cAttendance»"}
    }

    """

    static let french: [String: String] = [
        "tableName": "Ma table de concertation",
        "cTop": "Scénario de départ écrit par `concerto init`. Les clés comment, note, description et sources sont des notes que le modèle ne lit pas. Format complet : docs/scenario-format.md. Vérifier : concerto validate ma-table.json ; lancer : concerto run ma-table.json",
        "secMunicipal": "Municipal", "secHealth": "Santé et services sociaux", "secEducation": "Éducation", "secCommunity": "Communautaire",
        "townNorth": "Ville du Nord", "townSouth": "Ville du Sud",
        "ageYoung": "Jeunes (0–17)", "ageAdult": "Adultes (18–64)", "ageOld": "Aînés (65+)",
        "thSocial": "Développement social", "thCoordination": "Coordination", "thHousing": "Logement", "thFood": "Sécurité alimentaire",
        "cDefaults": "Heures par mois qu'une organisation donne à TOUTE la concertation (15–25 h pour une direction) ; engagement de base entre 0 et 1",
        "coordinator": "Coordination de la table",
        "cGroups": "Groupes de partenaires : pour chaque ville, dans l'ordre, les membres de chaque groupe ; ids et noms par motifs ({territory}, {territoryName}, {n}). Les champs du bloc (ici interests) valent pour les groupes qui ne les donnent pas",
        "townHall": "Municipalité ({territoryName})", "organiser": "CISSS — organisation communautaire ({territoryName})",
        "school": "École secondaire ({territoryName})", "housingGroup": "Organisme en logement {n} ({territoryName})",
        "foodGroup": "Organisme en sécurité alimentaire {n} ({territoryName})",
        "assembly": "Assemblée des partenaires",
        "cAssembly": "Ouverte à tous les partenaires ; décide par consensus, vote aux 2/3 à la 2e rencontre sans consensus",
        "coordCommittee": "Comité de coordination",
        "cCoordination": "La coordination, les deux organisateurs communautaires et trois membres élus par l'assemblée (équilibre des secteurs et des villes)",
        "housingCommittee": "Comité de travail — logement",
        "cWorking": "Comités de travail : ouverts aux partenaires dont l'intérêt pour l'enjeu est d'au moins 0,5",
        "foodCommittee": "Comité de travail — sécurité alimentaire",
        "kPriorities": "Priorisation des enjeux", "kCoordination": "Décision de coordination",
        "kHousing": "Plan d'action — logement", "kFood": "Plan d'action — sécurité alimentaire",
        "cKinds": "Dossiers qui arrivent (par an) et leur parcours d'instance en instance",
        "cAttendance": "Présence = engagement × disponibilité × max(interestFloor, intérêt) : voir docs/scenario-format.md",
    ]

    static let english: [String: String] = [
        "tableName": "My concertation table",
        "cTop": "Starting scenario written by `concerto init`. The keys comment, note, description and sources are notes the model never reads. Full format: docs/scenario-format.md. Check: concerto validate my-table.json; run: concerto run my-table.json",
        "secMunicipal": "Municipal", "secHealth": "Health and social services", "secEducation": "Education", "secCommunity": "Community",
        "townNorth": "North Town", "townSouth": "South Town",
        "ageYoung": "Young people (0–17)", "ageAdult": "Adults (18–64)", "ageOld": "Seniors (65+)",
        "thSocial": "Social development", "thCoordination": "Coordination", "thHousing": "Housing", "thFood": "Food security",
        "cDefaults": "Hours a month an organisation gives to ALL concertation (15–25 h for a director); baseline engagement between 0 and 1",
        "coordinator": "Table coordinator",
        "cGroups": "Partner groups: for each town in turn, the members of each group; ids and names from patterns ({territory}, {territoryName}, {n}). The set's fields (here interests) apply to the groups that do not give them",
        "townHall": "Municipality ({territoryName})", "organiser": "CISSS — community organiser ({territoryName})",
        "school": "High school ({territoryName})", "housingGroup": "Housing organisation {n} ({territoryName})",
        "foodGroup": "Food security organisation {n} ({territoryName})",
        "assembly": "Partners' assembly",
        "cAssembly": "Open to every partner; decides by consensus, votes at 2/3 at the 2nd meeting without consensus",
        "coordCommittee": "Coordination committee",
        "cCoordination": "The coordinator, the two community organisers and three members elected by the assembly (balancing sectors and towns)",
        "housingCommittee": "Working committee — housing",
        "cWorking": "Working committees: open to partners whose interest in the theme is at least 0.5",
        "foodCommittee": "Working committee — food security",
        "kPriorities": "Setting priorities", "kCoordination": "Coordination decision",
        "kHousing": "Action plan — housing", "kFood": "Action plan — food security",
        "cKinds": "Issues that arrive (a year) and their route from body to body",
        "cAttendance": "Attendance = engagement × availability × max(interestFloor, interest): see docs/scenario-format.md",
    ]
}
