/// The sample quantile Concerto reports wherever it has the values themselves (organisations'
/// hours within a run, medians and p90 over replications): linear interpolation between order
/// statistics at rank `(n − 1)·p` (Hyndman & Fan 1996 type 7, R's and NumPy's default).
public enum SampleQuantile {
    /// Quantile `p` (in [0, 1]) of values sorted in increasing order; `NaN` if there are none.
    /// - Complexity: O(1).
    public static func type7(_ sorted: [Double], _ p: Double) -> Double {
        if sorted.isEmpty { return .nan }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
