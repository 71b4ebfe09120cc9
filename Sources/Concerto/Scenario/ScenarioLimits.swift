import Foundation

/// The sizes and the workload a scenario may ask for (`docs/scenario-format.md`, "Limits"), so
/// that every scenario `validate` accepts leads to a run that finishes in bounded time and
/// memory. The ranges of single numbers are checked where they are compiled
/// (`ScenarioCompiler.compile`, `compileInstance`, `compileMembership`, `compileDecisionRule`);
/// the sizes and the predicted event budget here.
public enum ScenarioLimits {
    /// Territories: 20,000 (Québec's municipalities, MRCs and regions together are about 1,250).
    /// Memory is linear in them: the travel table holds territories × meeting places.
    public static let maxTerritories = 20_000
    /// Entries of the travel table (territories × distinct meeting places): 4,000,000 = 32 MB.
    public static let maxTravelEntries = 4_000_000
    /// Bodies: instances (template copies included) and outside tables together. Each adds
    /// measures and a row of the reporting-link matrix (bodies²).
    public static let maxInstances = 2_000
    /// Partners (organisations and staff).
    public static let maxPartners = 20_000
    /// Issue kinds, themes, sectors, age groups (each adds measures or per-seat counts).
    public static let maxIssueKinds = 1_000
    public static let maxCategories = 1_000
    /// Any count of seats (a quota, vacant seats, a body's `seats`, elected seats, delegates,
    /// `maxPerOrganisation`): a body cannot hold more seats than the scenario may have partners,
    /// plus as many vacant ones.
    public static let maxSeatsPerBody = 2 * maxPartners
    /// Seats of all bodies together (a replication's seat table).
    public static let maxTotalSeats = 2_000_000
    /// Predicted events a replication-year (meetings, coupled meetings, issue arrivals,
    /// elections, month ends): the Québec-wide benchmark structure (4,100 partners, 617 bodies)
    /// predicts about 6,000, the shipped scenarios under 1,000; 1,000,000 keeps one
    /// replication-year within seconds and a few hundred MB. `--allow-large` lifts it.
    public static let maxEventsPerReplicationYear = 1_000_000
    /// Predicted memory of the issues' positions (bounded confidence keeps one position per seat
    /// of the largest body for each issue alive): arrivals over the whole run × largest body ×
    /// 8 bytes. `--allow-large` lifts it.
    public static let maxIssuePositionBytes = 2_000_000_000
}

/// The events a structure is predicted to schedule in one replication-year, by source, biggest
/// first: an upper bound that ignores break months, cancellations and bodies that do not exist
/// all year (on-demand and template bodies are counted as if they met all year).
public struct EventBudget: Sendable {
    public struct Contributor: Sendable {
        /// JSON path of the number responsible (`instances[grande-table].schedule`).
        public var path: String
        public var eventsPerYear: Double
        public var what: String
    }
    /// Contributors, biggest first.
    public var contributors: [Contributor]
    public var eventsPerYear: Double
    /// Predicted bytes of issue positions at the end of the run if no issue ended (bounded
    /// confidence only; 0 otherwise).
    public var issuePositionBytes: Double

    public init(_ s: Structure) {
        var list: [Contributor] = [Contributor(path: "(month ends)", eventsPerYear: 12, what: "month ends")]
        // Meetings a year of each body with a schedule; coupled bodies meet with their root.
        func rate(_ i: Int) -> Double {
            var j = i, depth = 0
            while let c = s.instances[j].rules.coupledTo, depth <= s.instances.count { j = Int(c); depth += 1 }
            guard let p = s.instances[j].rules.periodDays, p > 0 else { return 0 }
            return 365 / p
        }
        for (i, inst) in s.instances.enumerated() {
            let path = (inst.rules.outside ? "outsideTables[" : "instances[") + inst.id + "].schedule"
            let m = rate(i)
            if m > 0 { list.append(Contributor(path: path, eventsPerYear: m, what: inst.rules.coupledTo == nil ? "meetings" : "coupled meetings")) }
            if let e = inst.rules.election, e.termDays > 0 {
                list.append(Contributor(path: "instances[\(inst.id)].membership.elected.termYears", eventsPerYear: 365 / e.termDays, what: "elections"))
            }
        }
        var arrivals = 0.0
        for k in s.issueKinds {
            let processes = Double(Swift.max(1, k.territories.count))
            let r = k.rules.ratePerYear * processes
            arrivals += r
            if r > 0 {
                list.append(Contributor(path: "issueKinds[\(k.id)].ratePerYear", eventsPerYear: r,
                                        what: processes > 1 ? "issue arrivals (\(EventBudget.number(k.rules.ratePerYear)) a year × \(Int(processes)) territories)" : "issue arrivals"))
            }
        }
        contributors = list.sorted { $0.eventsPerYear > $1.eventsPerYear }
        eventsPerYear = list.reduce(0) { $0 + $1.eventsPerYear }
        issuePositionBytes = s.deliberation.model == .boundedConfidence
            ? arrivals * (s.years + s.warmupYears) * Double(s.maxSeats) * 8 : 0
    }

    /// Why the structure is too large for a run without `--allow-large`, or nil.
    public var excess: String? {
        var parts: [String] = []
        if eventsPerYear > Double(ScenarioLimits.maxEventsPerReplicationYear) {
            let top = contributors.prefix(3).map { "\($0.path): \(EventBudget.number($0.eventsPerYear)) \($0.what)" }
            parts.append("the scenario predicts \(EventBudget.number(eventsPerYear)) events per replication-year, above the limit of "
                         + "\(EventBudget.number(Double(ScenarioLimits.maxEventsPerReplicationYear))) (biggest: " + top.joined(separator: "; ") + ")")
        }
        if issuePositionBytes > Double(ScenarioLimits.maxIssuePositionBytes) {
            parts.append("its issues could need \(EventBudget.number(issuePositionBytes / 1_000_000)) MB of positions (arrivals over the run × "
                         + "the largest body's seats × 8 bytes), above the limit of \(ScenarioLimits.maxIssuePositionBytes / 1_000_000) MB")
        }
        if parts.isEmpty { return nil }
        return parts.joined(separator: "; ") + "; lower these numbers, or pass --allow-large to run it anyway"
    }

    /// A number for messages: whole numbers with thousands separators, else 3 significant digits.
    static func number(_ x: Double) -> String {
        if !x.isFinite { return String(x) }
        if x >= 1 && x < 1e15 {
            let n = Int(x.rounded())
            var digits = String(n), out = ""
            while digits.count > 3 { out = "," + digits.suffix(3) + out; digits = String(digits.dropLast(3)) }
            return digits + out
        }
        return String(format: "%.3g", x)
    }
}
