extension PRIMSearch {
    /// Friedman & Fisher's pasting from the box `lower...upper` (see `PRIM`): each restricted
    /// side may take back, from the points outside it that satisfy every other limit, the
    /// nearest `pasteAlpha` share of the box's points (at least one; whole tied values; whole
    /// values for a discrete parameter, the nearest one at least); when that takes the whole
    /// slab, the limit goes back to the parameter's bound. The paste giving the highest density
    /// is applied (ties: first parameter, lower side first) if it does not lower the density,
    /// until every paste would lower it.
    /// - Complexity: O(k·n log n) per paste.
    func paste(lower: [Double], upper: [Double], outcome: [Bool]) -> (lower: [Double], upper: [Double]) {
        var lower = lower, upper = upper
        let params = design.parameters
        while true {
            let (points, cases) = tally(lower: lower, upper: upper, outcome: outcome)
            let density = Double(cases) / Double(points)
            let quota = Swift.max(1, Int((prim.pasteAlpha * Double(points)).rounded(.up)))
            var best: (dim: Int, isLower: Bool, limit: Double, density: Double)? = nil
            for j in params.indices {
                for isLower in [true, false] {
                    let bound = isLower ? params[j].lower : params[j].upper
                    guard (isLower ? lower[j] : upper[j]) != bound else { continue }
                    // The slab: points outside this side only, nearest first.
                    var lo = lower, hi = upper
                    if isLower { lo[j] = bound } else { hi[j] = bound }
                    let col = design.columns[j]
                    var slab: [Int] = []
                    for i in 0..<design.count where design.contains(point: i, lower: lo, upper: hi)
                        && (isLower ? col[i] < lower[j] : col[i] > upper[j]) { slab.append(i) }
                    guard !slab.isEmpty else { continue }
                    slab.sort { isLower ? (col[$0] > col[$1] || (col[$0] == col[$1] && $0 < $1))
                                        : (col[$0] < col[$1] || (col[$0] == col[$1] && $0 < $1)) }
                    var added = 1
                    while added < slab.count && col[slab[added]] == col[slab[0]] { added += 1 }
                    if params[j].isDiscrete {
                        while added < slab.count {
                            var next = added + 1
                            while next < slab.count && col[slab[next]] == col[slab[added]] { next += 1 }
                            guard next <= quota else { break }
                            added = next
                        }
                    } else {
                        added = Swift.max(added, Swift.min(quota, slab.count))
                        while added < slab.count && col[slab[added]] == col[slab[added - 1]] { added += 1 }
                    }
                    let limit: Double
                    if added == slab.count { limit = bound }
                    else if params[j].isDiscrete { limit = col[slab[added - 1]] }
                    else { limit = (col[slab[added - 1]] + col[slab[added]]) / 2 }
                    let addedCases = slab[..<added].reduce(0) { $0 + (outcome[$1] ? 1 : 0) }
                    let newDensity = Double(cases + addedCases) / Double(points + added)
                    guard newDensity >= density else { continue }
                    if let b = best, newDensity <= b.density { continue }
                    best = (j, isLower, limit, newDensity)
                }
            }
            guard let b = best else { return (lower, upper) }
            if b.isLower { lower[b.dim] = b.limit } else { upper[b.dim] = b.limit }
        }
    }
}
