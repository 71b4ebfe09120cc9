/// Several structures run with the same seed and replication indices (common random numbers),
/// side by side, with paired differences to the first structure.
public struct ComparisonResult: Sendable {
    public let results: [EnsembleResult]
    /// For each structure after the first, per family measure (catalog index < `familyCount`):
    /// the summary of replication-wise differences (structure − first).
    public let differences: [[Summary]]
    /// Number of leading catalog entries shared by all structures (the three families).
    public let familyCount: Int

    /// A difference is beyond noise when its 95% confidence interval excludes zero.
    public func beyondNoise(structure k: Int, measure m: Int) -> Bool {
        guard k > 0, m < familyCount else { return false }
        let d = differences[k - 1][m]
        return d.n >= 2 && d.ci95Low.isFinite && d.ci95High.isFinite && (d.ci95Low > 0 || d.ci95High < 0)
    }
}

public enum Comparison {
    /// Number of catalog entries of the three families (identical in every structure's catalog).
    public static var familyCount: Int {
        MeasureCatalog.hyperconcertation.count + MeasureCatalog.latency.count + MeasureCatalog.representativity.count
    }

    /// Runs every structure on replications 0 ..< N with the same seed, block by block, pairing
    /// replication r of each structure with replication r of the first.
    public static func run(_ structures: [Structure], settings: RunSettings) -> ComparisonResult {
        let nf = familyCount
        var accs = structures.map { EnsembleAccumulator(structure: $0) }
        var diffs = [[SummaryAccumulator]](repeating: [SummaryAccumulator](repeating: SummaryAccumulator(), count: nf),
                                           count: Swift.max(0, structures.count - 1))
        var done = 0
        while done < settings.replications {
            let n = Swift.min(settings.blockSize, settings.replications - done)
            let blocks = structures.map { Ensemble.runBlock($0, seed: settings.seed, first: done, count: n, threads: settings.threads) }
            for r in 0..<n {
                for k in structures.indices {
                    accs[k].add(blocks[k][r])
                    if k > 0 {
                        for m in 0..<nf { diffs[k - 1][m].add(blocks[k][r].values[m] - blocks[0][r].values[m]) }
                    }
                }
            }
            done += n
        }
        return ComparisonResult(results: accs.map { $0.result(settings: settings) },
                                differences: diffs.map { $0.map { $0.summary() } }, familyCount: nf)
    }
}
