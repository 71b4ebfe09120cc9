/// Which way is better for a measure a planner compares structures on: less load and less
/// latency, more coverage and more decisions. Measures without a direction (meetings per year,
/// how decisions are reached) cannot rank structures.
public enum MeasureDirection: String, Sendable {
    case lower, higher

    /// The direction of a structure-level measure (by name), or nil.
    public static func of(_ measure: String) -> MeasureDirection? {
        if lowerIsBetter.contains(measure) { return .lower }
        if higherIsBetter.contains(measure) { return .higher }
        return nil
    }

    /// Whether `a` is better than `b` in this direction.
    public func better(_ a: Double, than b: Double) -> Bool { self == .lower ? a < b : a > b }

    static let lowerIsBetter: Set<String> = [
        // Load on partners (hyperconcertation).
        "hoursPerPartnerYear", "hoursPerPartnerYearP90", "hoursPerPartnerYearMax", "outsideHoursPerPartnerYear",
        "totalHoursPerPartnerYear", "loadRatioMean", "hypersollicitedShare", "hoursBeyondCapacityShare",
        "redundantHoursPerPartnerYear", "redundantHoursShare", "duplicatedHoursShare", "attritionShare",
        "overloadedOrLeftShare", "staffLoadRatio", "staffVacancyShare", "staffHoursPerYear",
        // Decision latency.
        "meanDaysDecided", "medianDaysKM", "medianDaysCIF", "p90Days", "undecidedShare", "inProgressShare", "stuckShare",
        "droppedShare", "droppedWithin365Days", "quorumFailuresPerYear", "agendaOverflowsPerYear",
        "organiserShortfallsPerYear", "meetingsCancelledPerYear", "backlogMean",
        // Representativity: distances from the reference.
        "sectorGallagher", "sectorLoosemoreHanby", "territoryGallagher", "territoryLoosemoreHanby", "ageGallagher",
        "ageLoosemoreHanby", "seatSectorGallagher", "seatTerritoryGallagher", "seatAgeGallagher", "vacantSeatShare",
    ]
    static let higherIsBetter: Set<String> = [
        "attendanceRate", "decisionsPerYear", "decidedWithin90Days", "decidedWithin365Days",
        "sectorCoverage", "territoryCoverage", "ageCoverage", "sectorCoverageMean", "sectorBlau",
    ]

    /// The outcomes compared when an experiment names none: load, latency and representativity.
    public static let defaultOutcomes = ["hoursPerPartnerYear", "totalHoursPerPartnerYear", "hypersollicitedShare",
                                         "medianDaysKM", "decisionsPerYear", "undecidedShare", "sectorGallagher", "territoryCoverage"]
}
