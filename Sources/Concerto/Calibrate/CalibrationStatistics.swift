/// The summary statistics calibration compares, simulated and observed: measures that records
/// carry (`ObservedRun.carriedMeasures`), computed for records and for simulations by the same
/// measure definitions. Attendance and meetings held per body, hours per partner (mean and
/// 90th percentile), decisions and issues per year, decision modes, quorum failures, and the
/// latency distribution (Kaplan–Meier median and the shares decided within 90 and 365 days,
/// overall and per issue kind).
public enum CalibrationStatistics {
    public static let names: [String] = [
        "hyperconcertation.hoursPerPartnerYear", "hyperconcertation.hoursPerPartnerYearP90", "hyperconcertation.attendanceRate",
        "hyperconcertation.meetingsPerYear", "latency.decisionsPerYear", "latency.issuesPerYear", "latency.consensusShare",
        "latency.voteShare", "latency.delegatedShare", "latency.quorumFailuresPerYear", "latency.medianDaysKM",
        "latency.decidedWithin90Days", "latency.decidedWithin365Days",
        "instance.attendanceRate", "instance.meetingsPerYear",
        "issueKind.issuesPerYear", "issueKind.medianDaysKM", "issueKind.decidedWithin365Days",
    ]

    /// The statistics of `structure`, as a catalog (one entry per body and kind for breakdowns).
    public static func catalog(for structure: Structure) -> MeasureCatalog {
        do { return try structure.catalog.selecting(names) } catch { preconditionFailure(error.description) }
    }
}
