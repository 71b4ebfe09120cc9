/// The words of an exploration's conclusions, in French and English: what it means for one
/// structure to beat another on a measure (« ORBITE décide plus vite que Sept-Rivières »), and
/// how each explored assumption is named in a condition (« la capacité des partenaires est sous
/// 16 h/mois »).
public enum ExploreWording {
    /// "A beats B on `measure`" as a sentence subject, with the structures' names.
    public static func beats(_ a: String, _ b: String, measure: String, language: ReportLanguage) -> String {
        let fr = language == .fr
        func que(_ name: String) -> String { BoxDescription.elided("que", name) }
        switch measure {
        case "hoursPerPartnerYear":
            return fr ? "\(a) demande moins d'heures aux partenaires \(que(b))" : "\(a) asks partners for fewer hours than \(b)"
        case "totalHoursPerPartnerYear":
            return fr ? "\(a) laisse aux partenaires moins d'heures de concertation au total \(que(b))" : "\(a) leaves partners fewer concertation hours in all than \(b)"
        case "hypersollicitedShare":
            return fr ? "\(a) surcharge moins de partenaires \(que(b))" : "\(a) overloads fewer partners than \(b)"
        case "medianDaysKM", "medianDaysCIF", "meanDaysDecided", "p90Days":
            return fr ? "\(a) décide plus vite \(que(b)) (\(measure))" : "\(a) decides faster than \(b) (\(measure))"
        case "decisionsPerYear":
            return fr ? "\(a) prend plus de décisions par an \(que(b))" : "\(a) takes more decisions a year than \(b)"
        case "undecidedShare":
            return fr ? "\(a) laisse moins d'enjeux sans décision \(que(b))" : "\(a) leaves fewer issues undecided than \(b)"
        case "sectorGallagher", "sectorLoosemoreHanby":
            return fr ? "\(a) représente mieux les secteurs \(que(b)) (\(measure))" : "\(a) represents sectors better than \(b) (\(measure))"
        case "territoryGallagher", "territoryLoosemoreHanby":
            return fr ? "\(a) représente mieux les territoires \(que(b)) (\(measure))" : "\(a) represents territories better than \(b) (\(measure))"
        case "territoryCoverage":
            return fr ? "\(a) couvre mieux le territoire \(que(b))" : "\(a) covers the territory better than \(b)"
        default:
            let dir = MeasureDirection.of(measure)
            let how = fr ? (dir == .higher ? "plus haut" : "plus bas") : (dir == .higher ? "higher" : "lower")
            return fr ? "\(a) fait mieux \(que(b)) sur \(measure) (\(how))" : "\(a) does better than \(b) on \(measure) (\(how))"
        }
    }

    /// "A misses the threshold" as a sentence subject.
    public static func misses(_ a: String, _ t: Threshold?, language: ReportLanguage) -> String {
        let fr = language == .fr
        guard let t else { return fr ? "\(a) manque au moins un seuil" : "\(a) misses at least one threshold" }
        let n = { (x: Double) in BoxDescription.number(x, digits: nil, language: language) }
        var limit: [String] = []
        if let m = t.max { limit.append("\(t.measure) ≤ \(n(m))") }
        if let m = t.min { limit.append("\(t.measure) ≥ \(n(m))") }
        let text = limit.joined(separator: fr ? " et " : " and ")
        return fr ? "\(a) manque le seuil \(text)" : "\(a) misses the threshold \(text)"
    }

    /// How a condition names the uncertainty at `path` (its last key, and the id of the
    /// instance, issue kind or partner it belongs to); integer-valued ones get no decimals.
    public static func parameter(_ path: String, whole: Bool) -> ParameterWording {
        let parts = path.split(separator: ".").map(String.init)
        let key = parts.last ?? path
        let owner = parts.count > 2 ? parts[parts.count - 2] == "schedule" && parts.count > 3 ? parts[parts.count - 3] : parts[parts.count - 2] : nil
        func of(_ fr: String, _ en: String) -> (String, String) {
            guard let owner else { return (fr, en) }
            return (fr + " (" + owner + ")", en + " (" + owner + ")")
        }
        let digits: Int? = whole ? 0 : nil
        func q(_ w: (String, String), _ unitFr: String, _ unitEn: String) -> ParameterWording {
            ParameterWording(french: .quantity(w.0, unit: unitFr), english: .quantity(w.1, unit: unitEn), digits: digits)
        }
        switch key {
        case "capacityHoursPerMonth": return q(of("la capacité des partenaires", "partners' capacity"), "h/mois", "h/month")
        case "staffCapacityHoursPerMonth": return q(of("la capacité du personnel", "staff capacity"), "h/mois", "h/month")
        case "hoursPerMonth": return q(of("la charge hors de la structure", "the load outside the structure"), "h/mois", "h/month")
        case "ratePerYear": return q(of("le nombre d'enjeux par an", "the number of issues a year"), "", "")
        case "meetingsPerYear": return q(of("le nombre de rencontres par an", "the number of meetings a year"), "", "")
        case "meetingHours": return q(of("la durée des rencontres", "the length of meetings"), "h", "h")
        case "agendaHours", "fixedAgendaHours": return q(of("le temps à l'ordre du jour", "the agenda time"), "h", "h")
        case "discussionHours": return q(of("le temps de discussion par enjeu", "the discussion time per issue"), "h", "h")
        case "informHours": return q(of("le temps d'information par enjeu", "the information time per issue"), "h", "h")
        case "preparationHours": return q(of("la préparation par rencontre", "the preparation per meeting"), "h", "h")
        case "organiserHours": return q(of("le travail d'organisation par rencontre", "the organising work per meeting"), "h", "h")
        case "defaultTravelHours": return q(of("le temps de déplacement", "travel time"), "h", "h")
        case "epsilon": return q(of("le seuil de confiance ε", "the confidence bound ε"), "", "")
        case "mu": return q(of("la vitesse de convergence μ", "the convergence rate μ"), "", "")
        case "interestFloor": return q(of("le plancher d'intérêt pour assister", "the interest floor for attending"), "", "")
        case "consentThreshold": return q(of("le seuil de consentement", "the consent threshold"), "", "")
        case "supportThreshold": return q(of("le seuil d'appui", "the support threshold"), "", "")
        case "supportAttendanceFactor": return q(of("l'effet du soutien sur la présence", "the support's effect on attendance"), "", "")
        case "minInterest": return q(of("l'intérêt minimal pour assister", "the least interest to attend"), "", "")
        case "voteThreshold": return q(of("le seuil de vote", "the voting threshold"), "", "")
        case "engagement": return q(of("l'engagement", "engagement"), "", "")
        case "burnoutHazardPerMonth": return q(of("le risque mensuel d'épuisement", "the monthly burnout hazard"), "", "")
        case "maxPerOrganisation": return q(of("le nombre maximal de sièges par organisation", "the most seats per organisation"), "", "")
        default: return q(of(key, key), "", "")
        }
    }
}
