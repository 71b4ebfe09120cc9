import Foundation
import Dispatch

/// Settings of an ensemble of replications.
public struct RunSettings: Sendable, Equatable {
    public var replications: Int
    public var seed: UInt64
    /// Worker threads (1 = sequential). Results do not depend on it.
    public var threads: Int
    /// The measures to compute and report (names as in `MeasureCatalog.selecting`); nil: all.
    public var measures: [String]?
    /// Keep the distributions reports draw (pooled latencies for survival curves, organisations'
    /// load ratios, sector shares at decisions). Tables, CSV, JSON and sweeps do not need them.
    public var distributions: Bool
    public init(replications: Int = 100, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                measures: [String]? = nil, distributions: Bool = true) {
        self.replications = replications; self.seed = seed; self.threads = Swift.max(1, threads); self.measures = measures
        self.distributions = distributions
    }

    /// The catalog of `structure` these settings compute (all measures, or the selection).
    public func catalog(for structure: Structure) throws(MeasureSelectionError) -> MeasureCatalog {
        try structure.catalog.selecting(measures)
    }
}

/// The measures of a structure aggregated over replications (mean, sd, 95% CI, median, p90).
public struct EnsembleResult: Sendable {
    public let scenarioID: String
    public let scenarioName: String
    /// The name in sentences (« ORBITE »): the scenario's `shortName`, else its name.
    public var scenarioShortName: String = ""
    public let settings: RunSettings
    public let years: Double
    public let warmupYears: Double
    public let catalog: MeasureCatalog
    public let summaries: [Summary]
    /// Latency histogram pooled over replications (for survival curves).
    public let pooledLatency: DurationHistogram
    /// Load ratios of organisations pooled over replications, as a fixed-bin histogram
    /// (bins of 0.1 from 0 to 5; the last bin holds everything above).
    public let loadRatioHistogram: [Int]
    /// Sums of diagnostics over replications.
    public let totals: Diagnostics
    /// Sector ids and names, in scenario order (for representativity charts).
    public let sectorIDs: [String]
    public let sectorNames: [String]
    /// Reference share of each sector (sums to 1).
    public let sectorReference: [Double]
    /// Share of each sector among the scenario's partners (all listed partners, staff included,
    /// like the decision rooms).
    public let sectorPartnerShares: [Double]
    /// Per sector, the summary over replications of its share among those present at decisions.
    public let sectorShares: [Summary]

    /// Names of the bodies (instances and the territory's other tables) and of the issue kinds,
    /// by id, for tables that show labels rather than ids.
    public var bodyNames: [String: String] = [:]
    public var kindNames: [String: String] = [:]

    public func summary(_ family: MeasureFamily, _ name: String, group: String = "") -> Summary? {
        catalog.index(family: family, group: group, name: name).map { summaries[$0] }
    }

    /// A body's name (its id when it has none).
    public func bodyName(_ id: String) -> String { bodyNames[id].flatMap { $0.isEmpty ? nil : $0 } ?? id }
    /// An issue kind's name (its id when it has none).
    public func kindName(_ id: String) -> String { kindNames[id].flatMap { $0.isEmpty ? nil : $0 } ?? id }
}

/// Runs replications in parallel on Dispatch and merges them in replication order, so results
/// are byte-identical whatever the thread count.
///
/// Workers take replication indices from a shared counter, each with its own reusable
/// `ReplicationWorkspace`; a finished result waits in a window of at most `window` pending
/// results until every earlier one has been merged (by whichever worker finishes the missing
/// one). There is no barrier between blocks, and memory is bounded by the threads: a worker
/// more than `window` replications ahead of the merge waits.
public enum Ensemble {
    /// Runs one replication (with a fresh workspace).
    public static func replicate(_ structure: Structure, seed: UInt64, replication: Int) -> ReplicationResult {
        var r = Replication(structure: structure, seed: seed, replication: replication)
        return r.run()
    }

    /// Runs replications `first ..< first + count` of each structure (replication r of every
    /// structure together) on `threads` workers and hands `merge` the results of each
    /// replication index in increasing order, on one thread at a time.
    public static func forEachReplication(_ structures: [Structure], catalogs: [MeasureCatalog]? = nil, distributions: Bool = true,
                                          seed: UInt64, first: Int = 0, count: Int, threads: Int,
                                          merge: @escaping ([ReplicationResult]) -> Void) {
        let workers = Swift.max(1, Swift.min(threads, count))
        let catalogs = catalogs ?? structures.map(\.catalog)
        if workers == 1 {
            let spaces = structures.map { ReplicationWorkspace(structure: $0) }
            for n in 0..<count {
                merge(structures.indices.map { k in
                    var r = Replication(structure: structures[k], seed: seed, replication: first + n, workspace: spaces[k], measures: catalogs[k],
                                        distributions: distributions)
                    return r.run()
                })
            }
            return
        }
        let queue = OrderedMerge(window: 4 * workers, merge: merge)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let spaces = structures.map { ReplicationWorkspace(structure: $0) }
            while let n = queue.nextIndex(limit: count) {
                let results = structures.indices.map { k in
                    var r = Replication(structure: structures[k], seed: seed, replication: first + n, workspace: spaces[k], measures: catalogs[k],
                                        distributions: distributions)
                    return r.run()
                }
                queue.deliver(n, results)
            }
        }
    }

    /// Runs `settings.replications` replications (indices `first ..< first + count`) and
    /// aggregates them. `progress` is called with the number merged so far. An unknown name in
    /// `settings.measures` is a precondition failure: check it first with `settings.catalog(for:)`.
    public static func run(_ structure: Structure, settings: RunSettings, firstReplication: Int = 0,
                           progress: (@Sendable (Int) -> Void)? = nil) -> EnsembleResult {
        let catalog: MeasureCatalog
        do { catalog = try settings.catalog(for: structure) } catch { preconditionFailure(error.description) }
        let acc = Locked(EnsembleAccumulator(structure: structure, catalog: catalog, replications: settings.replications))
        forEachReplication([structure], catalogs: [catalog], distributions: settings.distributions, seed: settings.seed,
                           first: firstReplication, count: settings.replications,
                           threads: settings.threads) { r in
            let done = acc.withValue { a -> Int in a.add(r[0]); return a.count }
            progress?(done)
        }
        return acc.withValue { $0.result(settings: settings) }
    }
}

/// A value behind a lock, for state shared by the workers (the ordered merge holds it anyway).
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withValue<R>(_ body: (inout Value) -> R) -> R {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
    }
}

/// Hands out replication indices and merges results in index order, keeping at most `window`
/// results waiting.
final class OrderedMerge: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var merged = 0
    private var waiting: [Int: [ReplicationResult]] = [:]
    private var merging = false
    private let window: Int
    private let merge: ([ReplicationResult]) -> Void

    init(window: Int, merge: @escaping ([ReplicationResult]) -> Void) {
        self.window = window
        self.merge = merge
    }

    /// The next replication index to run, or nil when all are handed out; waits while the
    /// worker would run too far ahead of the merge.
    func nextIndex(limit: Int) -> Int? {
        condition.lock(); defer { condition.unlock() }
        while next < limit && next >= merged + window { condition.wait() }
        if next >= limit { return nil }
        next += 1
        return next - 1
    }

    /// A finished replication; merges it and every waiting successor if it is the next one.
    func deliver(_ n: Int, _ results: [ReplicationResult]) {
        condition.lock()
        waiting[n] = results
        // One merger at a time, in order; the others leave their results and go on.
        if merging { condition.unlock(); return }
        merging = true
        while let r = waiting.removeValue(forKey: merged) {
            condition.unlock()
            merge(r)
            condition.lock()
            merged += 1
            condition.broadcast()
        }
        merging = false
        condition.unlock()
    }
}

/// Streaming aggregation of replication results, fed in replication order. Its memory grows
/// with the replications only up to 100,000 of them (8 bytes per measure and replication, kept
/// for exact medians and p90, `SummaryAccumulator`), then stays constant.
public struct EnsembleAccumulator: Sendable {
    public let structure: Structure
    public let catalog: MeasureCatalog
    var acc: [SummaryAccumulator]
    var pooled: DurationHistogram
    var ratioBins = [Int](repeating: 0, count: 51)
    var totals = Diagnostics()
    var sectorAcc: [SummaryAccumulator]
    /// Replications added.
    public private(set) var count = 0

    /// `replications`: how many will be added, if known (room for exact quantiles is taken once).
    public init(structure: Structure, catalog: MeasureCatalog? = nil, replications: Int = 0) {
        self.structure = structure
        self.catalog = catalog ?? structure.catalog
        acc = self.catalog.measures.map { SummaryAccumulator(isShare: $0.unit == .share, expectedCount: replications) }
        totals.maxPresentOverMembers = Int.min
        sectorAcc = structure.sectorIDs.map { _ in SummaryAccumulator(isShare: true, expectedCount: replications) }
        pooled = DurationHistogram(binWidth: ReplicationSnapshot.latencyBinWidth(years: structure.years),
                                   maxDuration: Swift.max(1, structure.years * 365))
    }

    public mutating func add(_ r: ReplicationResult) {
        // In place: a summary accumulator is a few hundred bytes; never copy one per value.
        r.values.withUnsafeBufferPointer { v in
            acc.withUnsafeMutableBufferPointer { a in
                for m in 0..<a.count { a[m].add(v[m]) }
            }
        }
        if let l = r.latency { pooled.merge(l) }
        for x in r.partnerLoadRatios where x.isFinite {
            // Clamped before the conversion: a ratio can exceed Int's range (tiny capacities).
            let b = x * 10
            ratioBins[b >= 50 ? 50 : (b > 0 ? Int(b) : 0)] += 1
        }
        totals.add(r.diagnostics)
        for (k, x) in r.sectorSharesAtDecisions.enumerated() where k < sectorAcc.count { sectorAcc[k].add(x) }
        count += 1
    }

    public func result(settings: RunSettings) -> EnsembleResult {
        let s = structure
        let pooledLatency = count > 0 ? pooled : DurationHistogram(binWidth: 1, maxDuration: Swift.max(1, s.years * 365))
        var result = EnsembleResult(scenarioID: s.id, scenarioName: s.name, scenarioShortName: s.shortName, settings: settings, years: s.years, warmupYears: s.warmupYears,
                              catalog: catalog, summaries: acc.map { $0.summary() },
                              pooledLatency: pooledLatency, loadRatioHistogram: ratioBins, totals: totals,
                              sectorIDs: s.sectorIDs, sectorNames: s.sectorNames,
                              sectorReference: s.sectorReference,
                              sectorPartnerShares: Representativity.shares(s.sectorIDs.indices.map { k in
                                  Double(s.partners.filter { $0.sector == k }.count) }),
                              sectorShares: sectorAcc.map { $0.summary() })
        result.bodyNames = Dictionary(s.instances.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        result.kindNames = Dictionary(s.issueKinds.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return result
    }
}
