/// Indices of (dis)proportionality and diversity, as used in political science and in
/// Concerto's representativity measures.
///
/// Shares are fractions in [0, 1] (they need not sum exactly to 1); the Gallagher and
/// Loosemore–Hanby results are in **percentage points** (0...100).
public enum Representativity {
    /// Gallagher least-squares index `sqrt(½ Σ (s_i − r_i)²)`, shares as fractions,
    /// result ×100 (percentage points).
    ///
    /// Reference: M. Gallagher, "Proportionality, disproportionality and electoral
    /// systems", Electoral Studies 10(1), 1991.
    /// - Parameters:
    ///   - shares: observed shares (e.g. seat or voice shares), fractions.
    ///   - reference: reference shares (e.g. vote or population shares), fractions.
    /// - Precondition: `shares.count == reference.count`.
    /// - Complexity: O(n).
    public static func gallagher(shares: [Double], reference: [Double]) -> Double {
        precondition(shares.count == reference.count,
                     "Representativity.gallagher: shares and reference must have the same count")
        var sum = 0.0
        for i in shares.indices {
            let d = shares[i] - reference[i]
            sum += d * d
        }
        return (sum / 2).squareRoot() * 100
    }

    /// Loosemore–Hanby index `½ Σ |s_i − r_i|`, shares as fractions, result ×100
    /// (percentage points).
    ///
    /// Reference: J. Loosemore and V. J. Hanby, "The theoretical limits of maximum
    /// distortion", British Journal of Political Science 1(4), 1971.
    /// - Precondition: `shares.count == reference.count`.
    /// - Complexity: O(n).
    public static func loosemoreHanby(shares: [Double], reference: [Double]) -> Double {
        precondition(shares.count == reference.count,
                     "Representativity.loosemoreHanby: shares and reference must have the same count")
        var sum = 0.0
        for i in shares.indices {
            sum += abs(shares[i] - reference[i])
        }
        return sum / 2 * 100
    }

    /// Blau heterogeneity index `1 − Σ p_i²`, where `p` is `counts` normalized to sum 1
    /// first; 0 if all counts are zero (or `counts` is empty). Counts are expected to be
    /// non-negative.
    ///
    /// Reference: P. M. Blau, "Inequality and Heterogeneity", 1977 (equivalent to the
    /// Gini–Simpson index).
    /// - Complexity: O(n), no allocation.
    public static func blau(_ counts: [Double]) -> Double {
        var total = 0.0
        for c in counts { total += c }
        guard total > 0 else { return 0 }
        var sumSquares = 0.0
        for c in counts {
            let p = c / total
            sumSquares += p * p
        }
        return 1 - sumSquares
    }

    /// Share of categories with a positive count.
    ///
    /// Without a reference, the denominator is the number of categories; with a reference,
    /// only categories whose reference share is > 0 are considered (both for the numerator
    /// and the denominator). Returns `NaN` when no category is considered (empty input, or a
    /// reference with no positive share).
    /// - Precondition: when given, `reference.count == counts.count`.
    /// - Complexity: O(n).
    public static func coverage(_ counts: [Double], reference: [Double]? = nil) -> Double {
        var considered = 0
        var covered = 0
        if let reference {
            precondition(reference.count == counts.count,
                         "Representativity.coverage: counts and reference must have the same count")
            for i in counts.indices where reference[i] > 0 {
                considered += 1
                if counts[i] > 0 { covered += 1 }
            }
        } else {
            considered = counts.count
            for c in counts where c > 0 { covered += 1 }
        }
        guard considered > 0 else { return .nan }
        return Double(covered) / Double(considered)
    }

    /// Converts counts to shares summing to 1; all zeros (or a non-positive total) gives
    /// all zeros.
    /// - Complexity: O(n); allocates the result array.
    public static func shares(_ counts: [Double]) -> [Double] {
        var total = 0.0
        for c in counts { total += c }
        guard total > 0 else { return [Double](repeating: 0, count: counts.count) }
        return counts.map { $0 / total }
    }
}
