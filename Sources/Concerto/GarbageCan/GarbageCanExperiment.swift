// Batches of garbage-can runs and their per-variant means.

/// The means of a batch of runs of one variant.
public struct GarbageCanSummary: Hashable, Sendable {
    public var variant: GarbageCanVariant
    /// Number of runs averaged.
    public var runs: Int
    /// Mean number of choices made by resolution, flight and oversight.
    public var resolution: Double
    public var flight: Double
    public var oversight: Double
    /// Mean number of problems solved.
    public var problemsSolved: Double
    /// Mean problem latency (problem-periods active but unattached).
    public var problemLatency: Double
    /// Mean problem activity (problem-periods attached and unsolved).
    public var problemActivity: Double
    /// Mean decision-maker moves (see `GarbageCanRunResult.decisionMakerMoves`).
    public var decisionMakerMoves: Double
    /// Mean number of choices unmade after 20 periods.
    public var choicesUnmade: Double

    /// Averages `results` (at least one) of `variant`. Sums are exact integers divided once.
    public init(variant: GarbageCanVariant, results: [GarbageCanRunResult]) {
        precondition(!results.isEmpty, "a summary needs at least one run")
        self.variant = variant
        runs = results.count
        let n = Double(results.count)
        func mean(_ f: (GarbageCanRunResult) -> Int) -> Double { Double(results.reduce(0) { $0 + f($1) }) / n }
        resolution = mean(\.resolution)
        flight = mean(\.flight)
        oversight = mean(\.oversight)
        problemsSolved = mean(\.problemsSolved)
        problemLatency = mean(\.problemLatency)
        problemActivity = mean(\.problemActivity)
        decisionMakerMoves = mean(\.decisionMakerMoves)
        choicesUnmade = mean(\.choicesUnmade)
    }
}

/// How entry sequences are chosen for a batch.
public enum GarbageCanEntryMode: Hashable, Sendable {
    /// The four entry sequences of the original study.
    case original
    /// `runs` random entry sequences per variant; run `r` of variant `v` draws from
    /// `GarbageCanRandom(seed: seed, variantIndex: v.index, run: r)`.
    case random(runs: Int, seed: UInt64)
}

/// Runs batches of the model.
public enum GarbageCanExperiment {
    /// The entry sequence of run `run` of `variant` under `mode`.
    public static func entrySequence(variant: GarbageCanVariant, run: Int, mode: GarbageCanEntryMode) -> GarbageCanEntrySequence {
        switch mode {
        case .original:
            return GarbageCanEntrySequence.original(run)
        case .random(_, let seed):
            var rng = GarbageCanRandom(seed: seed, variantIndex: variant.index, run: run)
            return GarbageCanEntrySequence.random(using: &rng)
        }
    }

    /// Number of runs per variant under `mode`.
    public static func runCount(_ mode: GarbageCanEntryMode) -> Int {
        switch mode {
        case .original: return GarbageCanEntrySequence.originals.count
        case .random(let runs, _): return runs
        }
    }

    /// All runs of `variant` under `mode`, in run order. Deterministic.
    public static func runs(_ variant: GarbageCanVariant, mode: GarbageCanEntryMode,
                            arithmetic: GarbageCanArithmetic = .float) -> [GarbageCanRunResult] {
        (0..<runCount(mode)).map {
            GarbageCanModel.run(variant, entry: entrySequence(variant: variant, run: $0, mode: mode), arithmetic: arithmetic)
        }
    }

    /// The summary of each of `variants` (default: all 81) under `mode`, in the given order.
    public static func summaries(_ variants: [GarbageCanVariant] = GarbageCanVariant.all,
                                 mode: GarbageCanEntryMode = .original,
                                 arithmetic: GarbageCanArithmetic = .float) -> [GarbageCanSummary] {
        variants.map { GarbageCanSummary(variant: $0, results: runs($0, mode: mode, arithmetic: arithmetic)) }
    }
}
