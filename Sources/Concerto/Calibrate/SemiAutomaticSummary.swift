/// Summary statistics chosen by regression (Fearnhead and Prangle 2012, "semi-automatic ABC"):
/// on the rejection round's simulations, each uncertain value (on its prior's probability scale)
/// is regressed on the statistics (scaled, and their squares); the fitted values — one estimate
/// per uncertain value — are the summaries the distance compares. A statistic that says nothing
/// about any value gets a coefficient near zero instead of adding its noise to the distance.
struct SemiAutomaticSummary: Sendable {
    /// Per statistic: its centre and scale (0: left out).
    let centres: [Double]
    let scales: [Double]
    /// Per uncertain value: intercept then one coefficient per feature.
    let coefficients: [[Double]]

    /// Fits on `draws` (u per draw) and their simulated statistics (nil: a failed draw).
    init(draws: [[Double]], statistics: [[Double]?], centres: [Double], scales: [Double]) {
        self.centres = centres
        self.scales = scales
        let rows = zip(draws, statistics).compactMap { u, s in s.map { (u, $0) } }
        let p = 1 + 2 * scales.filter { $0 > 0 }.count
        var coefficients: [[Double]] = []
        let features = rows.map { Self.features($0.1, centres: centres, scales: scales) }
        // Normal equations X'X b = X'y with a small ridge (the intercept unpenalised).
        var xtx = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for f in features { for a in 0..<p { for b in a..<p { xtx[a][b] += f[a] * f[b] } } }
        for a in 0..<p { for b in 0..<a { xtx[a][b] = xtx[b][a] } }
        let ridge = 1e-3 * Double(Swift.max(1, rows.count))
        for a in 1..<p { xtx[a][a] += ridge }
        for k in 0..<(draws.first?.count ?? 0) {
            var xty = [Double](repeating: 0, count: p)
            for (f, row) in zip(features, rows) { for a in 0..<p { xty[a] += f[a] * row.0[k] } }
            coefficients.append(Self.solve(xtx, xty))
        }
        self.coefficients = coefficients
    }

    /// Intercept, then each used statistic scaled, then its square (a non-finite value counts
    /// as the centre).
    static func features(_ s: [Double], centres: [Double], scales: [Double]) -> [Double] {
        var z: [Double] = []
        for k in s.indices where scales[k] > 0 {
            let v = s[k].isFinite ? (s[k] - centres[k]) / scales[k] : 0
            z.append(Swift.min(10, Swift.max(-10, v)))
        }
        return [1] + z + z.map { $0 * $0 }
    }

    /// The estimate of each uncertain value (probability scale) from statistics `s`.
    func project(_ s: [Double]) -> [Double] {
        let f = Self.features(s, centres: centres, scales: scales)
        return coefficients.map { b in zip(b, f).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Solves A x = b by Gaussian elimination with partial pivoting (A symmetric positive
    /// definite here, thanks to the ridge).
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double] {
        var m = a, y = b
        let n = y.count
        for c in 0..<n {
            var pivot = c
            for r in (c + 1)..<n where abs(m[r][c]) > abs(m[pivot][c]) { pivot = r }
            if pivot != c { m.swapAt(pivot, c); y.swapAt(pivot, c) }
            let d = m[c][c]
            if abs(d) < 1e-300 { continue }
            for r in (c + 1)..<n {
                let f = m[r][c] / d
                if f == 0 { continue }
                for k in c..<n { m[r][k] -= f * m[c][k] }
                y[r] -= f * y[c]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for c in stride(from: n - 1, through: 0, by: -1) {
            var s = y[c]
            for k in (c + 1)..<n { s -= m[c][k] * x[k] }
            x[c] = abs(m[c][c]) < 1e-300 ? 0 : s / m[c][c]
        }
        return x
    }
}
