import Foundation
import Dispatch

/// Settings of an ensemble of replications.
public struct RunSettings: Sendable, Equatable {
    public var replications: Int
    public var seed: UInt64
    /// Worker threads (1 = sequential). Results do not depend on it.
    public var threads: Int
    /// Replications run per parallel block; memory is bounded by one block's results.
    public var blockSize: Int
    public init(replications: Int = 100, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount, blockSize: Int = 64) {
        self.replications = replications; self.seed = seed; self.threads = Swift.max(1, threads); self.blockSize = Swift.max(1, blockSize)
    }
}

/// The measures of a structure aggregated over replications (mean, sd, 95% CI, median, p90).
public struct EnsembleResult: Sendable {
    public let scenarioID: String
    public let scenarioName: String
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

    public func summary(_ family: String, _ name: String, group: String = "") -> Summary? {
        catalog.index(family: family, group: group, name: name).map { summaries[$0] }
    }
}

/// Box giving each worker thread its own slots of a block's results.
private final class ResultSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ReplicationResult?>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// Runs replications of a structure in parallel on Dispatch and merges them in replication
/// order, so results are byte-identical whatever the thread count.
public enum Ensemble {
    /// Runs one replication.
    public static func replicate(_ structure: Structure, seed: UInt64, replication: Int) -> ReplicationResult {
        var r = Replication(structure: structure, seed: seed, replication: replication)
        return r.run()
    }

    /// Runs replications `first ..< first + count` in parallel and returns them in replication order.
    public static func runBlock(_ structure: Structure, seed: UInt64, first: Int, count n: Int, threads: Int) -> [ReplicationResult] {
        let slots = ResultSlots(count: n)
        let workers = Swift.max(1, Swift.min(threads, n))
        if workers == 1 {
            for k in 0..<n { slots.buffer[k] = replicate(structure, seed: seed, replication: first + k) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var k = w
                while k < n {
                    slots.buffer[k] = replicate(structure, seed: seed, replication: first + k)
                    k += workers
                }
            }
        }
        return (0..<n).map { slots.buffer[$0]! }
    }

    /// Runs `settings.replications` replications (indices `first ..< first + count`) and
    /// aggregates them. `progress` is called after each block with the number done.
    public static func run(_ structure: Structure, settings: RunSettings, firstReplication: Int = 0,
                           progress: (@Sendable (Int) -> Void)? = nil) -> EnsembleResult {
        var acc = EnsembleAccumulator(structure: structure)
        var done = 0
        while done < settings.replications {
            let n = Swift.min(settings.blockSize, settings.replications - done)
            for r in runBlock(structure, seed: settings.seed, first: firstReplication + done, count: n, threads: settings.threads) { acc.add(r) }
            done += n
            progress?(done)
        }
        return acc.result(settings: settings)
    }

}

/// Streaming aggregation of replication results, fed in replication order. Its memory does
/// not depend on the number of replications.
public struct EnsembleAccumulator: Sendable {
    public let structure: Structure
    public let catalog: MeasureCatalog
    var acc: [SummaryAccumulator]
    var pooled: DurationHistogram?
    var ratioBins = [Int](repeating: 0, count: 51)
    var totals = Diagnostics()
    var sectorAcc: [SummaryAccumulator]

    public init(structure: Structure) {
        self.structure = structure
        catalog = MeasureCatalog(structure: structure)
        acc = [SummaryAccumulator](repeating: SummaryAccumulator(), count: catalog.count)
        totals.maxPresentOverMembers = Int.min
        sectorAcc = [SummaryAccumulator](repeating: SummaryAccumulator(), count: structure.sectorIDs.count)
    }

    public mutating func add(_ r: ReplicationResult) {
        for m in 0..<catalog.count { acc[m].add(r.values[m]) }
        if pooled == nil { pooled = r.latency } else { pooled!.merge(r.latency) }
        for x in r.partnerLoadRatios where x.isFinite { ratioBins[Swift.min(50, Swift.max(0, Int(x * 10)))] += 1 }
        totals.add(r.diagnostics)
        for (k, x) in r.sectorSharesAtDecisions.enumerated() where k < sectorAcc.count { sectorAcc[k].add(x) }
    }

    public func result(settings: RunSettings) -> EnsembleResult {
        let s = structure.scenario
        return EnsembleResult(scenarioID: s.id, scenarioName: s.name, settings: settings, years: s.years, warmupYears: s.warmupYears,
                              catalog: catalog, summaries: acc.map { $0.summary() },
                              pooledLatency: pooled ?? DurationHistogram(binWidth: 1, maxDuration: Swift.max(1, s.years * 365)),
                              loadRatioHistogram: ratioBins, totals: totals,
                              sectorIDs: structure.sectorIDs, sectorNames: s.sectors.map(\.name),
                              sectorReference: structure.sectorReference,
                              sectorPartnerShares: Representativity.shares(structure.sectorIDs.indices.map { k in
                                  Double(structure.partners.filter { $0.sector == k }.count) }),
                              sectorShares: sectorAcc.map { $0.summary() })
    }
}

extension Diagnostics {
    mutating func add(_ d: Diagnostics) {
        emerged += d.emerged; decided += d.decided; dropped += d.dropped; open += d.open
        informationItems += d.informationItems
        partnerHours += d.partnerHours; meetingHours += d.meetingHours; surveyHours += d.surveyHours
        meetings += d.meetings
        maxPresentOverMembers = Swift.max(maxPresentOverMembers, d.maxPresentOverMembers)
        events += d.events
        for k in 0..<4 { decisionsByMode[k] += d.decisionsByMode[k] }
    }
}
