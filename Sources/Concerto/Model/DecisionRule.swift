/// How an instance decides, compiled from `DecisionRuleSpec`: consensus first (or a vote at
/// once, for ratifying boards), a vote at the k-th attempt without consensus, what a failed vote
/// does, recusal of members from the territory, and surveys of the members in
/// exceptional cases. Deliberation (`Replication+Deliberation`) asks it when to vote and whether
/// a vote carries. A new rule is declared in `DecisionRuleSpec`, compiled and applied here.
public struct DecisionRule: Sendable, Equatable, BitwiseCopyable {
    /// Votes at once (ratifying boards) instead of seeking consensus first.
    public var voteOnly: Bool
    /// Votes at this attempt when there is no consensus.
    public var voteAtAttempt: Int32
    /// Share of the room voting for that carries a vote.
    public var voteThreshold: Double
    public var onVoteFailure: VoteFailure
    /// Members from the territory step out for the item.
    public var recuseSameTerritory: Bool
    /// Share of decisions taken by survey of the members, and how long a survey stays open.
    public var surveyShare: Double
    public var surveyDays: Double
    /// One vote per organisation present (its members' mean position) instead of per member.
    public var byOrganisation: Bool

    /// Whether the room votes at this attempt (when there is no consensus).
    @inline(__always)
    func votes(atAttempt attempt: Int32) -> Bool { voteOnly || attempt >= voteAtAttempt }

    /// Whether `votesFor` of a room of `present` carries the vote.
    @inline(__always)
    func carries(votesFor: Int, present: Int) -> Bool { Double(votesFor) >= voteThreshold * Double(present) - 1e-9 }
}

extension ScenarioCompiler {
    /// Checks and compiles an instance's decision rule (`path` is the instance's JSON path).
    mutating func compileDecisionRule(_ r: DecisionRuleSpec, instance i: Int, parents: [String], path: String,
                                      instanceMap: [String: Int]) -> DecisionRule {
            let rp = path + ".decisionRule"
            if r.mode != "consensus" && r.mode != "vote" { fail(rp + ".mode", "expected `consensus` or `vote`, found `\(r.mode)`") }
            if r.voteAtAttempt < 1 { fail(rp + ".voteAtAttempt", "expected an attempt number of at least 1, found \(r.voteAtAttempt)") }
            check(r.voteThreshold, rp + ".voteThreshold", min: 0, max: 1, minOpen: true, what: "a share of those present")
            check(r.surveyShare, rp + ".surveyShare", min: 0, max: 1, what: "a share")
            check(r.surveyDays, rp + ".surveyDays", min: 0, max: 365, minOpen: true, what: "days")
            enum Failure { case carryOver, escalate, drop }
            var vf = Failure.carryOver
            switch r.onVoteFailure {
            case "carryOver": vf = .carryOver
            case "escalate": vf = .escalate
            case "drop": vf = .drop
            default: fail(rp + ".onVoteFailure", "expected one of carryOver, escalate, drop, found `\(r.onVoteFailure)`")
            }
            var escalateTo: Int? = nil
            if let e = r.escalateTo { escalateTo = lookup(instanceMap, e, rp + ".escalateTo", what: "instance") }
            else if vf == .escalate {
                if let p = parents.first, let j = instanceMap[p] { escalateTo = j }
                else { fail(rp + ".onVoteFailure", "`escalate` needs `escalateTo` or a parent instance") }
            }
            if escalateTo == i { fail(rp + ".escalateTo", "an instance cannot escalate to itself") }
            if r.voteBy != "member" && r.voteBy != "organisation" { fail(rp + ".voteBy", "expected `member` or `organisation`, found `\(r.voteBy)`") }
        return DecisionRule(voteOnly: r.mode == "vote", voteAtAttempt: Int32(Swift.max(1, Swift.min(r.voteAtAttempt, Int(Int32.max)))),
                            voteThreshold: r.voteThreshold,
                            onVoteFailure: vf == .escalate ? .escalate(to: escalateTo.map { Int32($0) }) : (vf == .drop ? .drop : .carryOver),
                            recuseSameTerritory: r.recuseSameTerritory, surveyShare: r.surveyShare, surveyDays: r.surveyDays,
                            byOrganisation: r.voteBy == "organisation")
    }
}
