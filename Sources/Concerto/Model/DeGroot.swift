/// DeGroot (1974) opinion pooling: each member's opinion becomes the weighted average of the
/// opinions it listens to, x ← W x, with W row-stochastic. For an irreducible aperiodic W the
/// room converges to the consensus π·x₀, where π is W's stationary left eigenvector. Used to
/// validate the averaging at the core of deliberation against a closed form.
public enum DeGroot {
    /// Opinions after `steps` rounds of x ← W x.
    public static func iterate(_ w: [[Double]], _ x0: [Double], steps: Int) -> [Double] {
        var x = x0
        var next = x0
        for _ in 0..<steps {
            for i in w.indices {
                var s = 0.0
                for j in w[i].indices { s += w[i][j] * x[j] }
                next[i] = s
            }
            swap(&x, &next)
        }
        return x
    }

    /// The social-influence weights π (π W = π, Σπ = 1), by power iteration on the left.
    public static func influenceWeights(_ w: [[Double]], steps: Int = 10_000) -> [Double] {
        let n = w.count
        var p = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<steps {
            var q = [Double](repeating: 0, count: n)
            for i in 0..<n { for j in 0..<n { q[j] += p[i] * w[i][j] } }
            p = q
        }
        return p
    }
}
