import Foundation

/// Warnings before surprises: what a compiled structure predicts that a planner would want to
/// know before running it — bodies where few members are expected or the quorum often fails
/// (``AttendanceForecast``), bodies no issue ever reaches, and issue kinds whose route can never
/// complete. They never stop a run (`--strict` makes them errors: docs/errors.md).
public enum ScenarioWarnings {
    /// Expected attendance below this share is warned about.
    public static let lowAttendance = 0.40
    /// A quorum failing in more than this share of meetings is warned about.
    public static let frequentQuorumFailure = 0.20

    /// The warnings for structure `s` read from `file`, one line each, in the structure's order.
    public static func check(_ s: Structure, file: String) -> [String] {
        let forecast = AttendanceForecast(structure: s)
        var out: [String] = []
        func pct(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }
        func at(_ i: Int) -> String { "\(file): instances[\(s.instances[i].id)]" }
        var quorumNever = Set<Int>()
        for b in forecast.bodies {
            if b.expectedAttendance < lowAttendance {
                out.append("\(at(b.instance)): expected attendance \(pct(b.expectedAttendance)) of its seats, under \(pct(lowAttendance)) (predicted from the attendance formula: engagement × availability × max(interestFloor, interest))")
            }
            if b.quorumFailure > frequentQuorumFailure {
                if b.quorumFailure > 1 - 1e-12 { quorumNever.insert(b.instance) }
                out.append("\(at(b.instance)): its quorum (\(b.quorumNeeded) of \(b.votingSeats) voting seats) is expected to fail at \(pct(b.quorumFailure)) of meetings, over \(pct(frequentQuorumFailure)) (\(String(format: "%.1f", b.expectedPresent)) voting members expected)")
            }
        }
        // Bodies issues can reach: every step of a kind that arrives, then urgent delegates,
        // escalations and successors of those bodies.
        let arriving = s.issueKinds.filter { $0.rules.ratePerYear > 0 && $0.rules.endDay > $0.rules.startDay }
        var reached = Set(arriving.flatMap { $0.steps.flatMap(\.instances) })
        var frontier = Array(reached)
        while let i = frontier.popLast() {
            let r = s.instances[i].rules
            var next: [Int] = []
            if let d = r.urgentDelegate { next.append(Int(d)) }
            if case .escalate(let to) = r.decision.onVoteFailure {
                if let to { next.append(Int(to)) } else if let parent = s.instances[i].parents.first { next.append(parent) }
            }
            if let succ = r.successor { next.append(Int(succ)) }
            for j in next where reached.insert(j).inserted { frontier.append(j) }
        }
        for i in 0..<s.insideCount where !reached.contains(i) && !s.instances[i].rules.bornFromDecision && s.instances[i].kind != "support" {
            out.append("\(at(i)): no issue ever reaches this body (no route step of an arriving issue kind, delegation, escalation or reform leads to it); it meets and loads its members, and decides nothing")
        }
        // Routes that can never complete.
        for k in arriving {
            let where_ = "\(file): issueKinds[\(k.id)].route"
            for (n, step) in k.steps.enumerated() {
                switch step.target {
                case .instance(let i):
                    if quorumNever.contains(i) {
                        out.append("\(where_)[\(n)]: `\(s.instances[i].id)` can never reach its quorum, so issues of this kind never get past this step")
                    } else if s.instances[i].rules.endDay <= k.rules.startDay && s.instances[i].rules.successor == nil {
                        out.append("\(where_)[\(n)]: `\(s.instances[i].id)` ends before issues of this kind arrive, and no reform gives it a successor")
                    }
                case .byTerritory(let table):
                    let reachable = k.territories.isEmpty ? [] : k.territories.compactMap { table[$0] }
                    if reachable.isEmpty { out.append("\(where_)[\(n)]: no body of the issue's territory exists for any territory of this kind, so its issues never get past this step") }
                case .byTheme(let table):
                    let reachable = k.themeShares.filter { $0.share > 0 }.compactMap { table[$0.theme] }
                    if reachable.isEmpty { out.append("\(where_)[\(n)]: no body holds any theme of this kind, so its issues never get past this step") }
                }
            }
        }
        return out
    }
}
