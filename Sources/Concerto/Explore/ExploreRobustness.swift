import Foundation

/// Which structure wins, how surely, and by how much it loses elsewhere. For each outcome with
/// a direction: the probability that each structure is the best at a point of the uncertainty
/// space (tied structures share a point equally; Wilson 95% interval over the points), its
/// regret (the gap to the best structure at the same point: mean and 90th percentile over
/// points); and the share of the space where each structure meets every planner threshold.
public struct ExploreRobustness: Sendable {
    public struct Row: Sendable {
        public let measure: String
        public let direction: MeasureDirection
        public let structure: String
        public let probabilityBest: Double
        /// Share of points where the structure is best beyond noise: its paired difference
        /// (replication by replication, common random numbers) to every other structure has a
        /// 95% confidence interval on the better side of zero.
        public let bestBeyondNoise: Double
        public let ciLow: Double
        public let ciHigh: Double
        public let meanRegret: Double
        public let p90Regret: Double
        public let meanValue: Double
        /// Points where the structure's value is defined.
        public let points: Int
    }
    public struct ThresholdRow: Sendable {
        public let structure: String
        public let share: Double
        public let ciLow: Double
        public let ciHigh: Double
    }

    public let rows: [Row]
    public let thresholdRows: [ThresholdRow]

    public init(_ a: ExploreAnalysis) {
        let ns = a.structureIDs.count
        var rows: [Row] = []
        for (o, name) in a.outcomes.enumerated() {
            guard let dir = MeasureDirection.of(name) else { continue }
            // Shares of tied points in units of 1/2520 (divisible by 1...10), so that shares
            // add up exactly (three tied structures get exactly a third each).
            var wins = [Int](repeating: 0, count: ns)
            var sure = [Int](repeating: 0, count: ns)
            var regrets = [[Double]](repeating: [], count: ns)
            var sums = [Double](repeating: 0, count: ns), counts = [Int](repeating: 0, count: ns)
            var usable = 0
            for p in 0..<a.pointCount {
                let v = a.means[o][p]
                for s in 0..<ns where v[s].isFinite { sums[s] += v[s]; counts[s] += 1 }
                // A point counts when every structure has a value there.
                guard v.allSatisfy(\.isFinite) else { continue }
                usable += 1
                let best = dir == .lower ? v.min()! : v.max()!
                let tied = (0..<ns).filter { v[$0] == best }
                for s in tied { wins[s] += 2520 / tied.count }
                if let b = a.bestBeyondNoise[o][p] { sure[b] += 1 }
                for s in 0..<ns { regrets[s].append(Swift.abs(v[s] - best)) }
            }
            for s in 0..<ns {
                let won = Double(wins[s]) / 2520
                let ci = WilsonInterval.interval(successes: won, n: usable)
                let sorted = regrets[s].sorted()
                rows.append(Row(measure: name, direction: dir, structure: a.structureIDs[s],
                                probabilityBest: usable > 0 ? Double(wins[s]) / (2520 * Double(usable)) : .nan,
                                bestBeyondNoise: usable > 0 ? Double(sure[s]) / Double(usable) : .nan, ciLow: ci.low, ciHigh: ci.high,
                                meanRegret: sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count),
                                p90Regret: sorted.isEmpty ? .nan : SampleQuantile.type7(sorted, 0.9),
                                meanValue: counts[s] > 0 ? sums[s] / Double(counts[s]) : .nan, points: usable))
            }
        }
        self.rows = rows
        var trows: [ThresholdRow] = []
        if !a.thresholds.isEmpty {
            for s in 0..<ns {
                var ok = 0
                for p in 0..<a.pointCount {
                    let all = a.thresholds.allSatisfy { t in
                        guard let o = a.outcomes.firstIndex(of: t.measure) else { return false }
                        return t.satisfied(by: a.means[o][p][s])
                    }
                    if all { ok += 1 }
                }
                let ci = WilsonInterval.interval(successes: Double(ok), n: a.pointCount)
                trows.append(ThresholdRow(structure: a.structureIDs[s], share: a.pointCount > 0 ? Double(ok) / Double(a.pointCount) : .nan, ciLow: ci.low, ciHigh: ci.high))
            }
        }
        thresholdRows = trows
    }

    /// `robustness.csv`: one row per outcome and structure, then one per structure for the thresholds.
    public func csv() -> String {
        let n = ExploreAnalysis.number
        var w = CSVWriter(header: ["measure", "better", "structure", "probability_best", "ci95_lo", "ci95_hi", "best_beyond_noise", "mean_regret", "p90_regret", "mean_value", "points"])
        for r in rows {
            w.addRow([r.measure, r.direction.rawValue, r.structure, n(r.probabilityBest), n(r.ciLow), n(r.ciHigh), n(r.bestBeyondNoise), n(r.meanRegret), n(r.p90Regret), n(r.meanValue), String(r.points)])
        }
        for t in thresholdRows {
            w.addRow(["all thresholds", "meets", t.structure, n(t.share), n(t.ciLow), n(t.ciHigh), "", "", "", "", ""])
        }
        return w.text
    }
}
