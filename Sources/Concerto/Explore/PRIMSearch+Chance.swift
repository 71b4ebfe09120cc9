extension PRIMSearch {
    /// The chance check of a candidate of `mass` and `density` (see `PRIM`): `(1 + k) / (1 + R)`
    /// where `k` of `R = prim.permutations` shuffles of `outcome` peel to a density at least
    /// `density` at a mass at least `mass`. The shuffles are Fisher–Yates draws from one
    /// `RandomStream` seeded with `prim.seed`, each shuffling the previous one.
    /// - Complexity: R peeling runs.
    func chanceP(outcome: [Bool], mass: Double, density: Double) -> Double {
        var rng = RandomStream(seed: prim.seed)
        var y = outcome
        var atLeast = 0
        let n = Double(design.count)
        for _ in 0..<prim.permutations {
            for i in stride(from: y.count - 1, to: 0, by: -1) { y.swapAt(i, rng.index(i + 1)) }
            let steps = peel(y)
            // Density never falls along a trajectory: the last step heavy enough is its best.
            let reached = steps.last { Double($0.points) / n >= mass } ?? steps[0]
            if Double(reached.cases) / Double(reached.points) >= density { atLeast += 1 }
        }
        return Double(1 + atLeast) / Double(1 + prim.permutations)
    }
}
