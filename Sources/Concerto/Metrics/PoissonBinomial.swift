import Foundation

/// The number of successes among independent trials of unequal probabilities (the Poisson
/// binomial distribution): how many members of a body come to a meeting when each comes with
/// its own probability. Computed exactly by the usual recurrence, one trial at a time.
public enum PoissonBinomial {
    /// P(N = k) for k = 0...n, where N counts successes among trials of probabilities `p`
    /// (each clamped to [0, 1]).
    /// - Complexity: O(n²).
    public static func distribution(_ p: [Double]) -> [Double] {
        var dist = [Double](repeating: 0, count: p.count + 1)
        dist[0] = 1
        for (j, raw) in p.enumerated() {
            let q = Swift.min(1, Swift.max(0, raw.isNaN ? 0 : raw))
            // After j trials, dist[0...j] holds the distribution; add trial j+1 in place, from the top.
            for k in stride(from: j + 1, through: 1, by: -1) { dist[k] = dist[k] * (1 - q) + dist[k - 1] * q }
            dist[0] *= 1 - q
        }
        return dist
    }

    /// P(N < k): fewer than `k` successes.
    public static func below(_ k: Int, _ p: [Double]) -> Double {
        if k <= 0 { return 0 }
        let d = distribution(p)
        return Swift.min(1, d.prefix(k).reduce(0, +))
    }
}
