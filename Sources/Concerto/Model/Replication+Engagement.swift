import Foundation

/// Load and engagement: hours solicited, load ratios, availability, and the monthly dynamics
/// (overload erodes engagement, rest restores it, below a threshold a partner leaves).
extension Replication {
    /// The partner's load ratio in the current month window: the larger of last month's ratio
    /// and this month's hours so far over capacity.
    @inline(__always)
    mutating func loadRatio(_ p: Int) -> Double {
        Swift.max(partners.prevRatio[p], partners.monthHours[p] / partnerRules[p].capacity)
    }

    /// The availability of partner `p` now: 1 while its load ratio is at most 1. The ratio is
    /// only computed (a division) when it may exceed 1: `monthHours <= capacity` implies a
    /// quotient of at most 1, so the result is the same as `availability(loadRatio(p))`.
    @inline(__always)
    mutating func availability(of p: Int) -> Double {
        if partners.prevRatio[p] <= 1 && partners.monthHours[p] <= partnerRules[p].capacity { return 1 }
        return availability(loadRatio(p))
    }

    /// Probability factor of attending at a load ratio: 1 up to 1, then falling.
    @inline(__always)
    mutating func availability(_ ratio: Double) -> Double {
        if ratio <= 1 { return 1 }
        let steepness = structure.attendance.availabilitySteepness
        switch structure.attendance.availabilityShape {
        case .linear: return Swift.max(0, 1 - steepness * (ratio - 1))
        case .exponential: return Foundation.exp(-steepness * (ratio - 1))
        }
    }

    /// Partner `p` spends `h` hours on instance `i` now.
    @inline(__always)
    mutating func addHours(_ p: Int, _ h: Double, instance i: Int) {
        partners.monthHours[p] += h
        tally.addHours(partner: p, instance: i, hours: h, at: sim.now)
    }

    /// The end of simulated month `index`: engagement dynamics and attrition.
    mutating func monthTick(index: Int) {
        scheduleMonthTick(ending: index + 1)
        let eng = structure.engagement
        let monthStart = months.startOfMonth(index)
        for p in 0..<partnerRules.count {
            let capacity = partnerRules[p].capacity
            let hours = partners.monthHours[p]
            // Within capacity the ratio is at most 1, and its exact value is never read (only
            // whether it exceeds 1, and its value when it does): skip the division.
            let ratio = hours <= capacity ? 0 : hours / capacity
            tally.closeMonth(partner: p, hours: hours, capacity: capacity, monthStart: monthStart)
            var e = partners.engagement[p]
            if ratio > 1 { e -= eng.overloadDecay * (ratio - 1) }
            else { e += eng.recoveryRate * (partnerRules[p].engagement - e) }
            partners.engagement[p] = Swift.min(1, Swift.max(0, e))
            if !partners.left[p] && partners.engagement[p] < eng.exitThreshold && !partnerRules[p].staff {
                partners.left[p] = true
            }
            partners.prevRatio[p] = ratio
            partners.monthHours[p] = 0
        }
    }
}
