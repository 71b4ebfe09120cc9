import Foundation

/// Load and engagement: availability under load, and the monthly dynamics
/// (overload erodes engagement, rest restores it, below a threshold a partner leaves).
extension Replication {
    /// Probability factor of attending at a load ratio: 1 up to 1, then falling.
    @inline(__always)
    mutating func availability(_ ratio: Double) -> Double { structure.attendance.availability(ratio) }

    /// The end of simulated month `index`: engagement dynamics, burnout and attrition, staff
    /// turnover.
    mutating func monthTick(index: Int) {
        scheduleMonthTick(ending: index + 1)
        currentMonth = index + 1
        let eng = structure.engagement
        let monthStart = months.startOfMonth(index)
        let measuring = tally.measuresMonth(startingAt: monthStart)
        let nextStart = months.startOfMonth(index + 1)
        let year = index / 12 < tally.yearCount ? index / 12 : nil
        let background = nextStart < horizon ? partners.background : nil
        let rules = partnerRules
        let engagement = partners.engagement, monthHours = partners.monthHours, prevRatio = partners.prevRatio, left = partners.left
        let history = partners.overloadHistory, vacantUntil = partners.vacantUntil
        let window: UInt64 = eng.burnoutWindowMonths >= 64 ? .max : (1 << UInt64(eng.burnoutWindowMonths)) - 1
        var vacantDays = 0.0, leftCount = 0
        for p in 0..<rules.count {
            let capacity = rules[p].capacity
            let hours = monthHours[p]
            // Within capacity the ratio is at most 1, and its exact value is never read (only
            // whether it exceeds 1, and its value when it does): skip the division.
            let ratio = hours <= capacity ? 0 : hours / capacity
            if measuring { tally.closeMonth(partner: p, hours: hours, capacity: capacity) }
            if let year { tally.yearMonth(year, partner: p, hours: hours) }
            var e = engagement[p]
            if ratio > 1 { e -= eng.overloadDecay * (ratio - 1) }
            else { e += eng.recoveryRate * (rules[p].engagement - e) }
            engagement[p] = Swift.min(1, Swift.max(0, e))
            // Overload that lasts: months over capacity in the window raise the exit hazard.
            let overloaded = (history[p] << 1 | (ratio > 1 ? 1 : 0)) & window
            history[p] = overloaded
            // (Most partners are never over capacity: no bit count for them, as the baseline
            // x86-64 target has no popcount instruction.)
            let hazard = overloaded == 0 ? 0 : eng.burnoutHazardPerMonth * Double(Swift.max(0, overloaded.nonzeroBitCount - eng.burnoutToleranceMonths))
            if rules[p].staff {
                // A vacant post: the days of this month it stayed vacant.
                let until = vacantUntil[p]
                if until > monthStart {
                    vacantDays += Swift.max(0, Swift.min(until, nextStart) - Swift.max(monthStart, until - eng.staffVacancyDays))
                }
                // Turnover (and burnout) of the holder: the post is vacant, then filled by a
                // newcomer with the baseline engagement and no history of overload.
                let risk = eng.staffTurnoverPerMonth + hazard
                if until <= nextStart && risk > 0 && rngTurnover.uniform(UInt64(p), UInt64(index)) < risk {
                    vacantUntil[p] = nextStart + eng.staffVacancyDays
                    engagement[p] = rules[p].engagement
                    history[p] = 0
                }
            } else if !left[p] {
                // The number for (p, month) is the same in every variant: common random numbers
                // without drawing for partners that run no risk.
                if engagement[p] < eng.exitThreshold || (hazard > 0 && rngTurnover.uniform(UInt64(p), UInt64(index)) < hazard) { left[p] = true }
            }
            if left[p] && !rules[p].staff { leftCount += 1 }
            prevRatio[p] = ratio
            monthHours[p] = 0
            // The next month opens with the partner's background load.
            if let background, background[p] > 0 {
                monthHours[p] = background[p]
                tally.background(partner: p, hours: background[p], monthStart: nextStart)
            }
        }
        if vacantDays > 0 { tally.vacancy(days: vacantDays, monthStart: monthStart) }
        if !structure.joiningBodies.isEmpty { joinBodies(month: index) }
        if let year { tally.yearLeft[year] = leftCount }  // the last tick of the year holds
    }
}
