import Foundation

/// Load and engagement: availability under load, and the monthly dynamics
/// (overload erodes engagement, rest restores it, below a threshold a partner leaves).
extension Replication {
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

    /// The end of simulated month `index`: engagement dynamics and attrition.
    mutating func monthTick(index: Int) {
        scheduleMonthTick(ending: index + 1)
        currentMonth = index + 1
        let eng = structure.engagement
        let measuring = tally.measuresMonth(startingAt: months.startOfMonth(index))
        let nextStart = months.startOfMonth(index + 1)
        let background = nextStart < horizon ? partners.background : nil
        let rules = partnerRules
        let engagement = partners.engagement, monthHours = partners.monthHours, prevRatio = partners.prevRatio, left = partners.left
        for p in 0..<rules.count {
            let capacity = rules[p].capacity
            let hours = monthHours[p]
            // Within capacity the ratio is at most 1, and its exact value is never read (only
            // whether it exceeds 1, and its value when it does): skip the division.
            let ratio = hours <= capacity ? 0 : hours / capacity
            if measuring { tally.closeMonth(partner: p, hours: hours, capacity: capacity) }
            var e = engagement[p]
            if ratio > 1 { e -= eng.overloadDecay * (ratio - 1) }
            else { e += eng.recoveryRate * (rules[p].engagement - e) }
            engagement[p] = Swift.min(1, Swift.max(0, e))
            if !left[p] && engagement[p] < eng.exitThreshold && !rules[p].staff {
                left[p] = true
            }
            prevRatio[p] = ratio
            monthHours[p] = 0
            // The next month opens with the partner's background load.
            if let background, background[p] > 0 {
                monthHours[p] = background[p]
                tally.background(partner: p, hours: background[p], monthStart: nextStart)
            }
        }
    }
}
