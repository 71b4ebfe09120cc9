import Foundation

/// The upper tail of the binomial distribution, P(X ≥ k) for X ~ Binomial(n, p): the one-sided
/// test behind PRIM's quasi-p-values (Bryant & Lempert 2010), as SciPy's
/// `binomtest(k, n, p, alternative="greater")` computes it.
public enum BinomialTail {
    /// P(X ≥ `successes`) for `trials` independent draws of probability `probability`: 1 when
    /// `successes` ≤ 0, 0 when `successes` > `trials`. The terms are computed in logarithms,
    /// the first from ln C(n, k) = Σ ln((n − k + i) / i), each next one from the previous, so
    /// large `trials` neither overflow nor lose the small tail.
    /// - Complexity: O(trials).
    public static func atLeast(_ successes: Int, trials: Int, probability p: Double) -> Double {
        if successes <= 0 { return 1 }
        if successes > trials { return 0 }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        let n = Double(trials), k0 = Double(successes)
        let lp = Foundation.log(p), lq = Foundation.log1p(-p)
        var lnTerm = k0 * lp + (n - k0) * lq
        for i in 1...successes { lnTerm += Foundation.log((n - k0 + Double(i)) / Double(i)) }
        var sum = 0.0
        var k = k0
        while true {
            sum += Foundation.exp(lnTerm)
            if k >= n { break }
            lnTerm += Foundation.log((n - k) / (k + 1)) + lp - lq
            k += 1
        }
        return Swift.min(1, sum)
    }
}
