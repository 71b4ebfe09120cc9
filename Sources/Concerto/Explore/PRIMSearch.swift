/// PRIM's working state for one design: the design's points sorted once per parameter, so
/// that each peeling step costs O(k·n) and the chance check's shuffles reuse the sort.
/// The rules are documented on `PRIM`; this type applies them.
struct PRIMSearch: Sendable {
    /// The limits of one step of a trajectory, and what it holds.
    struct Step: Sendable, Equatable {
        var lower: [Double]
        var upper: [Double]
        var points: Int
        var cases: Int
    }

    let design: PRIMDesign
    let prim: PRIM
    /// `order[j]`: the points' indices sorted by parameter `j` (ties by index).
    let order: [[Int]]

    init(design: PRIMDesign, prim: PRIM) {
        self.design = design
        self.prim = prim
        order = design.columns.map { col in
            col.indices.sorted { col[$0] < col[$1] || (col[$0] == col[$1] && $0 < $1) }
        }
    }

    /// A candidate peel: parameter `dim`, side, the points it removes (a prefix of the box's
    /// sorted points on the lower side, a suffix on the upper side) and the new limit.
    private struct Peel {
        var dim: Int
        var isLower: Bool
        var removed: Int
        var removedCases: Int
        var limit: Double
    }

    /// The peeling trajectory for `outcome`: step 0 is the whole space.
    /// - Complexity: O(k·n) per step.
    func peel(_ outcome: [Bool]) -> [Step] {
        let n = design.count, k = design.parameters.count
        var lower = design.parameters.map(\.lower), upper = design.parameters.map(\.upper)
        var sorted = order
        var inBox = [Bool](repeating: true, count: n)
        var count = n
        var cases = outcome.reduce(0) { $0 + ($1 ? 1 : 0) }
        var steps = [Step(lower: lower, upper: upper, points: count, cases: cases)]
        func restricted(_ j: Int) -> Bool {
            lower[j] != design.parameters[j].lower || upper[j] != design.parameters[j].upper
        }
        while true {
            let density = Double(cases) / Double(count)
            let restrictedNow = (0..<k).reduce(0) { $0 + (restricted($1) ? 1 : 0) }
            var best: (peel: Peel, score: Double, restricted: Int)? = nil
            for j in 0..<k {
                for isLower in [true, false] {
                    guard let p = candidate(dim: j, isLower: isLower, sorted: sorted[j], outcome: outcome) else { continue }
                    let left = count - p.removed
                    guard left > 0, Double(left) / Double(n) >= prim.minimumMass else { continue }
                    let newDensity = Double(cases - p.removedCases) / Double(left)
                    guard newDensity > density else { continue }
                    let score = prim.objective == .density ? newDensity : (newDensity - density) / Double(p.removed)
                    let r = restrictedNow + (restricted(j) ? 0 : 1)
                    if let b = best, !(score > b.score || (score == b.score && r < b.restricted)) { continue }
                    best = (p, score, r)
                }
            }
            guard let p = best?.peel else { return steps }
            let s = sorted[p.dim]
            let gone = p.isLower ? s[..<p.removed] : s[(s.count - p.removed)...]
            for i in gone { inBox[i] = false }
            if p.isLower { lower[p.dim] = p.limit } else { upper[p.dim] = p.limit }
            count -= p.removed
            cases -= p.removedCases
            for j in 0..<k { sorted[j].removeAll { !inBox[$0] } }
            steps.append(Step(lower: lower, upper: upper, points: count, cases: cases))
        }
    }

    /// The peel of one side of parameter `dim`, given the box's points sorted on it; `nil` when
    /// it would remove nothing or everything.
    private func candidate(dim: Int, isLower: Bool, sorted s: [Int], outcome: [Bool]) -> Peel? {
        let m = s.count
        guard m > 1 else { return nil }
        let col = design.columns[dim]
        // v(t): the t-th smallest value from the peeled side (t = 0 is the outermost point).
        func v(_ t: Int) -> Double { isLower ? col[s[t]] : col[s[m - 1 - t]] }
        var removed: Int
        var limit: Double
        if design.parameters[dim].isDiscrete {
            removed = 1
            while removed < m && v(removed) == v(0) { removed += 1 }
            while removed < m {
                var next = removed + 1
                while next < m && v(next) == v(removed) { next += 1 }
                guard Double(next) <= prim.peelAlpha * Double(m) else { break }
                removed = next
            }
            guard removed < m else { return nil }
            limit = v(removed)
        } else {
            // SDToolkit's quantile: the order statistics around (m − 1)·α, moved inwards past
            // ties, and the limit halfway between them.
            let h = Double(m - 1) * prim.peelAlpha
            let lo = Int(h.rounded(.down))
            var hi = Int(h.rounded(.up))
            while hi < m - 1 && v(lo) == v(hi) { hi += 1 }
            limit = (v(lo) + v(hi)) / 2
            removed = 0
            while removed < m && (isLower ? v(removed) < limit : v(removed) > limit) { removed += 1 }
            guard removed > 0, removed < m else { return nil }
        }
        var removedCases = 0
        for t in 0..<removed where outcome[isLower ? s[t] : s[m - 1 - t]] { removedCases += 1 }
        return Peel(dim: dim, isLower: isLower, removed: removed, removedCases: removedCases, limit: limit)
    }
}
