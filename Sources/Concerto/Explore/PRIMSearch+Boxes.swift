extension PRIMSearch {
    /// Points and cases of interest inside `lower...upper`.
    /// - Complexity: O(k·n).
    func tally(lower: [Double], upper: [Double], outcome: [Bool]) -> (points: Int, cases: Int) {
        var points = 0, cases = 0
        for i in 0..<design.count where design.contains(point: i, lower: lower, upper: upper) {
            points += 1
            if outcome[i] { cases += 1 }
        }
        return (points, cases)
    }

    /// The box `lower...upper` measured on `outcome`, with the quasi-p-value of every
    /// restricted side (Bryant & Lempert 2010): lift that side's limit to its parameter's bound,
    /// take the density `p` of the larger box, and compute P(X ≥ cases) for X ~ Binomial(points, p).
    /// - Complexity: O(k·n) per restricted side.
    func box(lower: [Double], upper: [Double], outcome: [Bool], totalCases: Int) -> PRIMBox {
        let (points, cases) = tally(lower: lower, upper: upper, outcome: outcome)
        func quasiP(_ j: Int, lowerSide: Bool) -> Double {
            var lo = lower, hi = upper
            if lowerSide { lo[j] = design.parameters[j].lower } else { hi[j] = design.parameters[j].upper }
            let wider = tally(lower: lo, upper: hi, outcome: outcome)
            return BinomialTail.atLeast(cases, trials: points, probability: Double(wider.cases) / Double(wider.points))
        }
        var restrictions: [PRIMBox.Restriction] = []
        for (j, p) in design.parameters.enumerated() {
            let l = lower[j] != p.lower ? lower[j] : nil
            let u = upper[j] != p.upper ? upper[j] : nil
            guard l != nil || u != nil else { continue }
            restrictions.append(PRIMBox.Restriction(index: j, parameter: p, lower: l, upper: u,
                                                    lowerQuasiP: l == nil ? nil : quasiP(j, lowerSide: true),
                                                    upperQuasiP: u == nil ? nil : quasiP(j, lowerSide: false)))
        }
        return PRIMBox(lower: lower, upper: upper, points: points, cases: cases,
                       coverage: totalCases == 0 ? 0 : Double(cases) / Double(totalCases), density: Double(cases) / Double(points),
                       mass: Double(points) / Double(design.count), restrictions: restrictions)
    }
}
