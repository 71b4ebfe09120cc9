/// Spearman's rank correlation: the Pearson correlation of the ranks (ties get their mean rank).
/// It measures how monotone a result is in an assumption, whatever the shape of the relation.
public enum SpearmanCorrelation {
    /// ρ between `x` and `y` (same length); NaN when either is constant or shorter than 2.
    public static func coefficient(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "SpearmanCorrelation: x and y differ in length")
        guard x.count >= 2 else { return .nan }
        return pearson(ranks(x), ranks(y))
    }

    /// Ranks from 1, ties sharing their mean rank.
    public static func ranks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { (v[$0], $0) < (v[$1], $1) }
        var r = [Double](repeating: 0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            let mean = Double(i + j) / 2 + 1
            for q in i...j { r[order[q]] = mean }
            i = j + 1
        }
        return r
    }

    /// Pearson's correlation; NaN when either is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        guard sxx > 0, syy > 0 else { return .nan }
        return sxy / (sxx * syy).squareRoot()
    }
}
