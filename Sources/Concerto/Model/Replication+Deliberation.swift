import Foundation

/// Deliberation on one agenda item: consensus by the selected model, vote fallback at the k-th
/// attempt, and what a failed vote does.
///
/// - `probabilistic`: consensus with probability p × (1 − penalty × Blau heterogeneity of the
///   sectors in the room).
/// - `boundedConfidence`: the room's members hold positions in [0,1] (drawn per sector the first
///   time they sit on the issue, kept across meetings); during the item's discussion time random
///   pairs closer than ε move a fraction μ toward each other (Deffuant et al. 2000). Consensus
///   holds when nobody in the room is below the consent threshold.
/// A vote passes when the share of the room at or above the support threshold reaches the
/// instance's vote threshold.
extension Replication {
    /// Deliberates on the issue in slot `s` at instance `i` with `room` (the voting members
    /// present, after recusals). Returns true when the issue stays in `i`'s waiting list.
    mutating func deliberateItem(_ s: Int, instance i: Int, room: Room) -> Bool {
        let k = Int(issues.slots[s].kind)
        let act = steps[Int(kindRules[k].steps.start) + Int(issues.slots[s].step)].act
        tally.discussion(emergence: issues.slots[s].emergence)
        issues.slots[s].meetings += 1
        if !act.needsDecision {  // informed or consulted: heard, then passed on
            minutes?.item(issue: issues.slots[s].id, step: issues.slots[s].step, act: act, outcome: act == .consult ? .consulted : .informed,
                          room: room, delegated: issues.slots[s].delegated)
            advance(s)
            return false
        }
        if room.isEmpty {  // everyone present recused
            minutes?.item(issue: issues.slots[s].id, step: issues.slots[s].step, act: act, outcome: .nobodyInRoom, room: room, delegated: issues.slots[s].delegated)
            return true
        }
        issues.slots[s].attempts += 1
        let rule = structure.deliberation
        let decision = instanceRules[i].decision
        let voteOnly = decision.voteOnly
        if bounded { drawMissingPositions(s, kind: k, room: room) }
        var consensus = false
        if !voteOnly {
            if bounded {
                let positions = positionsOf(s)
                // At most 1,000 × 24 = 24,000 (validation bounds both numbers), so the conversion is exact.
                let exchanges = Int((rule.exchangesPerHour * kindRules[k].discussionHours).rounded())
                var rng = rngDeliberation  // in a local, so its state can stay in registers
                BoundedConfidence.exchange(positions, members: room.slotBuffer, count: exchanges,
                                           epsilon: rule.epsilon, mu: rule.mu, rng: &rng)
                rngDeliberation = rng
                consensus = BoundedConfidence.consensus(UnsafePointer(positions), members: room.slotBuffer, threshold: rule.consentThreshold)
            } else {
                var p = rule.consensusProbability
                if rule.heterogeneityPenalty > 0 { p *= 1 - rule.heterogeneityPenalty * sectorBlau(of: room) }
                consensus = rngDeliberation.uniform() < p
            }
        }
        if consensus {
            minutes?.item(issue: issues.slots[s].id, step: issues.slots[s].step, act: act, outcome: .consensus, room: room, delegated: issues.slots[s].delegated)
            succeed(s, mode: .consensus, instance: i, room: room)
            return false
        }
        if decision.votes(atAttempt: issues.slots[s].attempts) {
            let (votesFor, voters) = countVote(s, kind: k, room: room, drawn: !bounded, byOrganisation: decision.byOrganisation)
            if decision.carries(votesFor: votesFor, present: voters) {
                minutes?.item(issue: issues.slots[s].id, step: issues.slots[s].step, act: act, outcome: .votePassed, room: room, delegated: issues.slots[s].delegated)
                succeed(s, mode: .vote, instance: i, room: room)
                return false
            }
            minutes?.item(issue: issues.slots[s].id, step: issues.slots[s].step, act: act, outcome: .voteFailed, room: room, delegated: issues.slots[s].delegated)
            switch decision.onVoteFailure {
            case .carryOver:
                // A rejected proposal comes back reworked: members judge the new version afresh.
                if bounded { forgetPositions(s, seats: Int(instances.seatCount[i])) }
                return true
            case .drop:
                minutes?.dropped(issue: issues.slots[s].id, at: sim.now, reason: .voteFailed)
                endIssue(s, outcome: .dropped)
                return false
            case .escalate(let to):
                if let to {
                    moveToInstance(s, Int(to))
                    return false
                }
                return true
            }
        }
        minutes?.item(issue: issues.slots[s].id, step: issues.slots[s].step, act: act, outcome: .noConsensus, room: room, delegated: issues.slots[s].delegated)
        return true
    }

    /// Blau heterogeneity of the sectors in the room.
    mutating func sectorBlau(of room: Room) -> Double {
        if room.isEmpty { return 0 }
        let counts = tally.scratchSector  // all zero between uses (the tally's decision rooms rely on it)
        for m in 0..<room.count { counts[Int(partnerRules[room.partner(m)].sector)] += 1 }
        let n = Double(room.count)
        var sum = 0.0
        for c in 0..<counts.count { sum += (counts[c] / n) * (counts[c] / n) }
        counts.fill(0)
        return 1 - sum
    }

    /// A position drawn from the kind's distribution, else the sector's.
    mutating func drawPosition(sector c: Int, kind k: Int) -> Double {
        if let o = kindRules[k].positions { return rngDeliberation.clippedNormal(mean: o.mean, sd: o.sd) }
        let d = sectorPositions[c]
        return rngDeliberation.clippedNormal(mean: d.mean, sd: d.sd)
    }

    /// The positions of issue `s` (one per seat of its current instance).
    @inline(__always)
    mutating func positionsOf(_ s: Int) -> UnsafeMutablePointer<Double> { issues.positions.base + s * maxSeats }

    /// Draws a position for each member of the room who has none on the issue yet.
    mutating func drawMissingPositions(_ s: Int, kind k: Int, room: Room) {
        let positions = positionsOf(s)
        for m in 0..<room.count where positions[room.slot(m)].isNaN {
            positions[room.slot(m)] = drawPosition(sector: Int(partnerRules[room.partner(m)].sector), kind: k)
        }
    }

    /// Forgets every position on issue `s` (the first `seats` seats of its instance).
    mutating func forgetPositions(_ s: Int, seats: Int) {
        positionsOf(s).update(repeating: .nan, count: seats)
    }

    /// A vote of `room` on issue `s`: the votes for (a position at or above the support
    /// threshold) and the votes cast. Positions are the members' own (bounded confidence) or
    /// drawn afresh (`drawn`, in room order). By organisation, each organisation present casts one
    /// vote, from its members' mean position.
    mutating func countVote(_ s: Int, kind k: Int, room: Room, drawn: Bool, byOrganisation: Bool) -> (votesFor: Int, cast: Int) {
        let threshold = structure.deliberation.supportThreshold
        if !byOrganisation {
            var votesFor = 0
            for m in 0..<room.count {
                let position = drawn ? drawPosition(sector: Int(partnerRules[room.partner(m)].sector), kind: k) : positionsOf(s)[room.slot(m)]
                if position >= threshold { votesFor += 1 }
            }
            return (votesFor, room.count)
        }
        scratch.vote &+= 1
        if scratch.vote == 0 { scratch.voteStamp.fill(0); scratch.vote = 1 }
        let stamp = scratch.vote
        scratch.voteOrgs.removeAll()
        for m in 0..<room.count {
            let p = room.partner(m)
            let position = drawn ? drawPosition(sector: Int(partnerRules[p].sector), kind: k) : positionsOf(s)[room.slot(m)]
            let o = Int(partnerRules[p].organisation)
            if scratch.voteStamp[o] != stamp {
                scratch.voteStamp[o] = stamp; scratch.voteSum[o] = 0; scratch.voteCount[o] = 0
                scratch.voteOrgs.append(Int32(o))
            }
            scratch.voteSum[o] += position
            scratch.voteCount[o] += 1
        }
        var votesFor = 0
        for q in 0..<scratch.voteOrgs.count {
            let o = Int(scratch.voteOrgs[q])
            if scratch.voteSum[o] / Double(scratch.voteCount[o]) >= threshold { votesFor += 1 }
        }
        return (votesFor, scratch.voteOrgs.count)
    }
}
