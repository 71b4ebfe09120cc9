extension PRIMSearch {
    /// Lifts the limits that do not matter (see `PRIM.restrictionSignificance`): while some
    /// restricted side has a quasi-p-value above `level`, the side with the highest one (ties:
    /// first parameter, lower side first) whose lifting leaves a box that still `qualifies` is
    /// set back to its parameter's bound, and the quasi-p-values are computed again.
    /// - Complexity: O(r²·k·n) for `r` restricted sides.
    func prune(_ box: PRIMBox, level: Double, outcome: [Bool], totalCases: Int,
               qualifies: (PRIMBox) -> Bool) -> PRIMBox {
        var box = box
        while true {
            var sides: [(p: Double, dim: Int, isLower: Bool)] = []
            for r in box.restrictions {
                if let p = r.lowerQuasiP, p > level { sides.append((p, r.index, true)) }
                if let p = r.upperQuasiP, p > level { sides.append((p, r.index, false)) }
            }
            // Stable: equal quasi-p-values keep the design's order, lower side first.
            sides = sides.enumerated().sorted { $0.element.p > $1.element.p || ($0.element.p == $1.element.p && $0.offset < $1.offset) }.map(\.element)
            var lifted: PRIMBox? = nil
            for s in sides {
                var lo = box.lower, hi = box.upper
                if s.isLower { lo[s.dim] = design.parameters[s.dim].lower } else { hi[s.dim] = design.parameters[s.dim].upper }
                let candidate = self.box(lower: lo, upper: hi, outcome: outcome, totalCases: totalCases)
                if qualifies(candidate) { lifted = candidate; break }
            }
            guard let next = lifted else { return box }
            box = next
        }
    }
}
