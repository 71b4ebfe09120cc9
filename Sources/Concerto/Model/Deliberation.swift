import Foundation

/// Deliberation on one agenda item: consensus by the selected model, vote fallback at the k-th
/// attempt, and what a failed vote does.
///
/// - `probabilistic`: consensus with probability p × (1 − penalty × Blau heterogeneity of the
///   sectors present).
/// - `boundedConfidence`: present members hold positions in [0,1] (drawn per sector the first
///   time they sit on the issue, kept across meetings); during the item's discussion time random
///   pairs closer than ε move a fraction μ toward each other (Deffuant et al. 2000). Consensus
///   holds when nobody present is below the consent threshold.
/// A vote passes when the share of those present at or above the support threshold reaches the
/// instance's vote threshold.
extension Replication {
    /// Returns true when the issue stays in this instance's waiting list.
    mutating func deliberateItem(_ s: Int, instance i: Int) -> Bool {
        let kind = structure.issueKinds[Int(issues[s].kind)]
        let step = kind.steps[Int(issues[s].step)]
        if measuring && issues[s].measured { tally.discussion() }
        issues[s].meetings += 1
        if step.act == .inform {
            advance(s)
            return false
        }
        if present.isEmpty { return true }  // everyone present recused
        issues[s].attempts += 1
        let inst = structure.instances[i]
        let del = structure.scenario.deliberation
        if bounded { drawMissingPositions(s, kind: kind) }
        var consensus = false
        if !inst.voteOnly {
            if bounded {
                runExchanges(s, hours: kind.discussionHours)
                consensus = BoundedConfidence.consensus(issues[s].positions, members: presentSlot, threshold: del.consentThreshold)
            } else {
                var p = del.consensusProbability
                if del.heterogeneityPenalty > 0 { p *= 1 - del.heterogeneityPenalty * presentSectorBlau() }
                consensus = rngDeliberation.uniform() < p
            }
        }
        if consensus {
            succeed(s, mode: .consensus, instance: i)
            return false
        }
        if inst.voteOnly || Int(issues[s].attempts) >= inst.voteAtAttempt {
            var votesFor = 0
            for k in 0..<present.count {
                let position: Double
                if bounded { position = issues[s].positions[Int(presentSlot[k])] }
                else { position = drawPosition(sector: structure.partners[Int(present[k])].sector, kind: kind) }
                if position >= del.supportThreshold { votesFor += 1 }
            }
            if Double(votesFor) >= inst.voteThreshold * Double(present.count) - 1e-9 {
                succeed(s, mode: .vote, instance: i)
                return false
            }
            switch inst.onVoteFailure {
            case .carryOver:
                // A rejected proposal comes back reworked: members judge the new version afresh.
                for k in issues[s].positions.indices { issues[s].positions[k] = .nan }
                return true
            case .drop:
                endIssue(s, outcome: .dropped)
                return false
            case .escalate:
                if let to = inst.escalateTo {
                    moveToInstance(s, to)
                    return false
                }
                return true
            }
        }
        return true
    }

    mutating func presentSectorBlau() -> Double {
        if present.isEmpty { return 0 }
        for k in scratchSector.indices { scratchSector[k] = 0 }
        for p in present { scratchSector[structure.partners[Int(p)].sector] += 1 }
        let n = Double(present.count)
        var sum = 0.0
        for c in scratchSector { sum += (c / n) * (c / n) }
        return 1 - sum
    }

    mutating func drawPosition(sector: Int, kind: IssueKindDef) -> Double {
        if let o = kind.positionOverride { return rngDeliberation.clippedNormal(mean: o.mean, sd: o.sd) }
        return rngDeliberation.clippedNormal(mean: structure.positionMean[sector], sd: structure.positionSD[sector])
    }

    mutating func drawMissingPositions(_ s: Int, kind: IssueKindDef) {
        for k in 0..<presentSlot.count {
            let slot = Int(presentSlot[k])
            if issues[s].positions[slot].isNaN {
                issues[s].positions[slot] = drawPosition(sector: structure.partners[Int(present[k])].sector, kind: kind)
            }
        }
    }

    /// Deffuant exchanges among the present members during `hours` of discussion.
    mutating func runExchanges(_ s: Int, hours: Double) {
        let del = structure.scenario.deliberation
        let exchanges = Int((del.exchangesPerHour * hours).rounded())
        BoundedConfidence.exchange(&issues[s].positions, members: presentSlot, count: exchanges,
                                   epsilon: del.epsilon, mu: del.mu, rng: &rngDeliberation)
    }
}
