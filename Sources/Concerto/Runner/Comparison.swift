/// Several structures run with the same seed and replication indices (common random numbers),
/// side by side, with paired differences to the first structure.
public struct ComparisonResult: Sendable {
    public let results: [EnsembleResult]
    /// For each structure after the first, per family measure (catalog index < `familyCount`):
    /// the summary of replication-wise differences (structure − first).
    public let differences: [[Summary]]
    /// Number of leading catalog entries shared by all structures (the three families).
    public let familyCount: Int
    /// Every other pair: `laterPairs[i - 1][j - i - 1][m]` summarises (structure j − structure i)
    /// for 1 ≤ i < j, on the same paired replications. Pairs with the first are in `differences`.
    public let laterPairs: [[[Summary]]]

    public init(results: [EnsembleResult], differences: [[Summary]], familyCount: Int, laterPairs: [[[Summary]]] = []) {
        self.results = results; self.differences = differences; self.familyCount = familyCount; self.laterPairs = laterPairs
    }

    /// The paired difference (structure b − structure a) of family measure m, for any a ≠ b;
    /// nil when it was not kept. Swapping a and b negates the mean and the interval.
    public func difference(_ a: Int, _ b: Int, measure m: Int) -> Summary? {
        guard a != b, m < familyCount else { return nil }
        if a > b { return difference(b, a, measure: m).map(Self.negated) }
        if a == 0 { return b - 1 < differences.count ? differences[b - 1][m] : nil }
        guard a - 1 < laterPairs.count, b - a - 1 < laterPairs[a - 1].count else { return nil }
        return laterPairs[a - 1][b - a - 1][m]
    }

    /// Whether a difference's 95% confidence interval excludes zero (the rule of `beyondNoise`).
    public static func excludesZero(_ d: Summary) -> Bool {
        d.n >= 2 && d.ci95Low.isFinite && d.ci95High.isFinite && (d.ci95Low > 0 || d.ci95High < 0)
    }

    static func negated(_ d: Summary) -> Summary {
        Summary(n: d.n, mean: -d.mean, sd: d.sd, ci95Low: -d.ci95High, ci95High: -d.ci95Low, median: -d.median, p90: .nan)
    }

    /// A difference is beyond noise when its 95% confidence interval excludes zero.
    public func beyondNoise(structure k: Int, measure m: Int) -> Bool {
        guard k > 0, m < familyCount else { return false }
        let d = differences[k - 1][m]
        return d.n >= 2 && d.ci95Low.isFinite && d.ci95High.isFinite && (d.ci95Low > 0 || d.ci95High < 0)
    }
}

public enum Comparison {
    /// Runs every structure on replications 0 ..< N with the same seed, pairing replication r
    /// of each structure with replication r of the first.
    /// An unknown name in `settings.measures` is a precondition failure: check it first.
    public static func run(_ structures: [Structure], settings: RunSettings) -> ComparisonResult {
        let catalogs: [MeasureCatalog]
        do { catalogs = try structures.map { s throws(MeasureSelectionError) in try settings.catalog(for: s) } }
        catch { preconditionFailure(error.description) }
        let nf = catalogs[0].structureCount
        struct State {
            var accs: [EnsembleAccumulator]
            var diffs: [[SummaryAccumulator]]
            var later: [[[SummaryAccumulator]]]
        }
        let state = Locked(State(accs: structures.indices.map { EnsembleAccumulator(structure: structures[$0], catalog: catalogs[$0], replications: settings.replications) },
                                 diffs: (1..<Swift.max(1, structures.count)).map { _ in
                                     // One each (not copies of one), so each takes its own room for exact quantiles.
                                     (0..<nf).map { _ in SummaryAccumulator(expectedCount: settings.replications) }
                                 },
                                 later: (1..<Swift.max(1, structures.count)).map { i in
                                     ((i + 1)..<Swift.max(i + 1, structures.count)).map { _ in
                                         (0..<nf).map { _ in SummaryAccumulator(expectedCount: settings.replications) }
                                     }
                                 }))
        Ensemble.forEachReplication(structures, catalogs: catalogs, distributions: settings.distributions, seed: settings.seed, count: settings.replications, threads: settings.threads) { rs in
            state.withValue { st in
                for k in structures.indices {
                    st.accs[k].add(rs[k])
                    if k > 0 {
                        for m in 0..<nf { st.diffs[k - 1][m].add(rs[k].values[m] - rs[0].values[m]) }
                        for i in 1..<k {
                            for m in 0..<nf { st.later[i - 1][k - i - 1][m].add(rs[k].values[m] - rs[i].values[m]) }
                        }
                    }
                }
            }
        }
        return state.withValue { st in
            ComparisonResult(results: st.accs.map { $0.result(settings: settings) },
                             differences: st.diffs.map { $0.map { $0.summary() } }, familyCount: nf,
                             laterPairs: st.later.map { $0.map { $0.map { $0.summary() } } })
        }
    }
}
