/// Deffuant–Weisbuch bounded-confidence dynamics (Deffuant et al. 2000): a random pair of
/// members whose positions differ by less than ε both move a fraction μ toward each other.
public enum BoundedConfidence {
    /// Runs `count` pairwise exchanges among the entries of `positions` listed in `members`.
    /// - Complexity: O(count); no allocation.
    public static func exchange(_ positions: inout [Double], members: [Int32], count: Int,
                                epsilon: Double, mu: Double, rng: inout RandomStream) {
        positions.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }
            members.withUnsafeBufferPointer { m in
                exchange(base, members: m, count: count, epsilon: epsilon, mu: mu, rng: &rng)
            }
        }
    }

    /// The same on raw storage (the simulation's positions of an issue, its room's seat slots).
    @inlinable
    public static func exchange(_ positions: UnsafeMutablePointer<Double>, members: UnsafeBufferPointer<Int32>, count: Int,
                                epsilon: Double, mu: Double, rng: inout RandomStream) {
        let n = members.count
        if n < 2 { return }
        for _ in 0..<count {
            let a = rng.index(n)
            var b = rng.index(n - 1)
            if b >= a { b += 1 }
            let sa = Int(members[a]), sb = Int(members[b])
            let xa = positions[sa], xb = positions[sb]
            if abs(xa - xb) < epsilon {
                positions[sa] = xa + mu * (xb - xa)
                positions[sb] = xb + mu * (xa - xb)
            }
        }
    }

    /// Whether nobody among `members` holds a position below the consent threshold.
    public static func consensus(_ positions: [Double], members: [Int32], threshold: Double) -> Bool {
        if members.isEmpty { return true }
        return positions.withUnsafeBufferPointer { p in
            members.withUnsafeBufferPointer { m in consensus(p.baseAddress!, members: m, threshold: threshold) }
        }
    }

    /// The same on raw storage.
    @inlinable
    public static func consensus(_ positions: UnsafePointer<Double>, members: UnsafeBufferPointer<Int32>, threshold: Double) -> Bool {
        for m in members where positions[Int(m)] < threshold { return false }
        return true
    }

    /// Number of opinion clusters: sorted positions split where consecutive gaps exceed `gap`.
    public static func clusters(_ positions: [Double], gap: Double) -> Int {
        if positions.isEmpty { return 0 }
        let s = positions.sorted()
        var c = 1
        for k in 1..<s.count where s[k] - s[k - 1] > gap { c += 1 }
        return c
    }
}
