import Foundation
import Dispatch

/// Settings of an approximate Bayesian computation.
public struct CalibrationSettings: Sendable, Equatable {
    /// Particles kept in each population (the posterior sample's size).
    public var particles = 200
    /// Prior draws simulated in the rejection round (the best `particles` are kept).
    public var rejectionDraws = 2000
    /// Sequential Monte Carlo generations after the rejection round.
    public var generations = 3
    /// Each generation's tolerance: this quantile of the previous population's distances.
    public var quantile = 0.5
    public var seed: UInt64 = 1
    /// Worker threads; the result does not depend on them.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Proposals are simulated in batches of this size (fixed, so results do not depend on threads).
    public var batch = 64
    /// A generation that needs more proposals than this × `particles` (acceptance below 5%:
    /// the tolerance has reached the simulations' own noise) stops the sequence.
    public var maxProposalsFactor = 20
    public init() {}
}

/// The outcome of a calibration: a weighted sample of the uncertain values (the posterior),
/// with what was simulated to get it.
public struct CalibrationResult: Sendable {
    public let parameters: [Uncertainty]
    /// The statistics compared (catalog order) and their values in the records.
    public let statistics: [MeasureInfo]
    public let observed: [Double]
    /// Each statistic's scale (median absolute deviation over the prior draws; 0: not used).
    public let scales: [Double]
    /// The posterior sample: values (particle × parameter), normalised weights, distances.
    public let values: [[Double]]
    public let weights: [Double]
    public let distances: [Double]
    /// One fresh simulation per particle (posterior predictive), particle × statistic.
    public let predictive: [[Double]]
    /// Tolerance of each population (rejection round first).
    public let tolerances: [Double]
    /// Simulations run in all (predictive ones included), and proposals outside the prior.
    public let simulations: Int
    public let rejectedOutsidePrior: Int
    /// Whether the last generation stopped below 5% acceptance (the tolerance had reached the
    /// simulations' own noise); the last full population is returned.
    public let stoppedEarly: Bool

    /// The highest-posterior-density interval of parameter `k` holding `level` of the weight:
    /// the shortest range of particles whose weights sum to `level`. An end within 2.5% of the
    /// range tried from a bound goes on to that bound: the posterior piles up against the bound
    /// (a value at the edge of its range, as capacity 20 in 4–20), where a finite sample cannot
    /// resolve its density, and the prior allows every value up to it.
    public func interval(_ k: Int, _ level: Double = 0.9) -> (low: Double, high: Double) {
        let order = values.indices.sorted { (values[$0][k], $0) < (values[$1][k], $1) }
        let x = order.map { values[$0][k] }, w = order.map { weights[$0] }
        var best = (low: x.first ?? .nan, high: x.last ?? .nan, i: 0, j: x.count - 1)
        var j = 0, sum = 0.0
        for i in x.indices {
            if j < i { j = i; sum = 0 }
            while j < x.count && sum < level - 1e-12 { sum += w[j]; j += 1 }
            if sum < level - 1e-12 { break }
            if x[j - 1] - x[i] < best.high - best.low { best = (x[i], x[j - 1], i, j - 1) }
            sum -= w[i]
        }
        let support = parameters[k].distribution.support
        let near = 0.025 * (support.upperBound - support.lowerBound)
        return (best.low - support.lowerBound <= near ? Swift.min(best.low, support.lowerBound) : best.low,
                support.upperBound - best.high <= near ? Swift.max(best.high, support.upperBound) : best.high)
    }

    /// The weighted quantile `q` of parameter `k`.
    public func quantile(_ k: Int, _ q: Double) -> Double {
        let order = values.indices.sorted { (values[$0][k], $0) < (values[$1][k], $1) }
        var c = 0.0
        for i in order {
            c += weights[i]
            if c >= q - 1e-12 { return values[i][k] }
        }
        return values[order.last!][k]
    }
}

/// Fits a scenario's uncertain values to a table's records by approximate Bayesian computation:
/// a rejection round (prior draws, the closest kept), whose simulations also choose the
/// summaries (`SemiAutomaticSummary`: each value's regression estimate from the statistics),
/// then sequential Monte Carlo (ABC-PMC,
/// Beaumont et al. 2009: each generation resamples the last population, perturbs it with a
/// Gaussian kernel twice its weighted variance, keeps proposals closer than the last
/// population's median distance, and weights them by prior over kernel density).
///
/// Parameters are handled on their prior's probability scale (u ∈ [0, 1], the value is the
/// inverse of its distribution at u), where every prior is uniform. Every proposal's random
/// numbers and its simulation's replication index are fixed by (seed, generation, proposal),
/// and proposals are accepted in index order, so the result does not depend on the threads.
public enum Calibration {
    public enum Failure: Error, Sendable { case scenario(ScenarioErrors), noStatistics, shard(CalibrationShard.Stop) }
    public typealias Job = (u: [Double], replication: Int)

    /// - Parameters: tree: the scenario (with the records' horizon) as JSON; file: its name for
    ///   messages; observed: the records' statistics (`CalibrationStatistics.catalog`); shard:
    ///   nil to simulate everything here, else the folder and share of a sharded calibration
    ///   (``CalibrationShard``: the same result, byte for byte).
    public static func run(tree: JSONValue, file: String, parameters: [Uncertainty], observed: [Double], settings: CalibrationSettings,
                           shard: CalibrationShard? = nil,
                           progress: (@Sendable (String) -> Void)? = nil) throws(Failure) -> CalibrationResult {
        let d = parameters.count
        let simulator = Simulator(tree: tree, file: file, parameters: parameters, seed: settings.seed)
        let statistics: [MeasureInfo]
        do throws(ScenarioErrors) { statistics = try simulator.structure(u: parameters.map { $0.distribution.cumulativeProbability($0.nominal) }).statistics.measures }
        catch { throw .scenario(error) }
        let failure = Locked(ScenarioErrors?.none)
        var simulations = 0

        /// Simulates the proposals (u, replication index) in parallel; nil where a proposal failed.
        func simulate(_ jobs: [Job]) -> [[Double]?] {
            let out = Locked([[Double]?](repeating: nil, count: jobs.count))
            let next = Locked(0)
            DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(settings.threads, jobs.count))) { _ in
                while true {
                    let k = next.withValue { n -> Int in n += 1; return n - 1 }
                    guard k < jobs.count else { return }
                    do throws(ScenarioErrors) {
                        let v = try simulator.simulate(u: jobs[k].u, replication: jobs[k].replication)
                        out.withValue { $0[k] = v }
                    } catch {
                        failure.withValue { if $0 == nil { $0 = error } }
                    }
                }
            }
            return out.withValue { $0 }
        }

        /// One round: batches 0 ..< count (`jobs(b)`), all of them (target nil), or up to the
        /// first batch at which the accepted simulations reach `target`, in batch order. A
        /// failed simulation stops the calibration, except in the predictive round (NaN there).
        func round(_ name: String, count: Int, target: Int?, tolerateFailures: Bool = false, jobs: (Int) -> [Job],
                   accepted: ([[Double]?]) -> Int) throws(Failure) -> [[[Double]?]] {
            func checked(_ jobs: [Job]) throws(Failure) -> [[Double]?] {
                let r = simulate(jobs)
                if !tolerateFailures, let f = failure.withValue({ $0 }) { throw .scenario(f) }
                return r
            }
            var out: [[[Double]?]] = []
            if let shard {
                out = try shard.round(name, count: count, target: target, jobs: jobs, simulate: checked, accepted: accepted)
            } else if target == nil {
                let all = (0..<count).map(jobs)
                let flat = try checked(all.flatMap { $0 })
                var i = 0
                for j in all { out.append(Array(flat[i ..< i + j.count])); i += j.count }
            } else {
                var acc = 0
                for b in 0..<count {
                    let r = try checked(jobs(b))
                    out.append(r)
                    acc += accepted(r)
                    if let target, acc >= target { break }
                }
            }
            for (b, r) in out.enumerated() where r.count != jobs(b).count {
                throw .shard(.problem("round \(name), batch \(b): \(r.count) simulations where \(jobs(b).count) were expected", cannotWrite: false))
            }
            simulations += out.reduce(0) { $0 + $1.count }
            return out
        }
        /// Fixed lists (the rejection round, the predictive one) go in batches of `settings.batch`.
        func batches(_ n: Int) -> Int { (n + settings.batch - 1) / settings.batch }
        func slice(_ b: Int, of n: Int) -> Range<Int> { b * settings.batch ..< Swift.min(n, (b + 1) * settings.batch) }

        // Rejection round.
        let n0 = Swift.max(settings.rejectionDraws, settings.particles)
        let draws: [[Double]] = (0..<n0).map { k in
            var rng = RandomStream(masterSeed: settings.seed, replication: 0, stream: 1000 + UInt64(k))
            return (0..<d).map { _ in rng.uniform() }
        }
        let prior = try round("rejection", count: batches(n0), target: nil, jobs: { b in slice(b, of: n0).map { (draws[$0], $0) } }, accepted: { _ in 0 })
            .flatMap { $0 }
        var centres = [Double](repeating: 0, count: statistics.count)
        let scales = statistics.indices.map { s -> Double in
            guard observed[s].isFinite else { return 0 }
            let xs = prior.compactMap { $0?[s] }.filter(\.isFinite).sorted()
            guard xs.count >= 10 else { return 0 }
            let med = SampleQuantile.type7(xs, 0.5)
            centres[s] = med
            let mad = SampleQuantile.type7(xs.map { abs($0 - med) }.sorted(), 0.5)
            if mad > 0 { return mad }
            let mean = xs.reduce(0, +) / Double(xs.count)
            let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)).squareRoot()
            return sd
        }
        guard scales.contains(where: { $0 > 0 }) else { throw .noStatistics }
        // The distance compares the regression estimates of the uncertain values (probability
        // scale), each divided by its spread over the prior draws.
        let summary = SemiAutomaticSummary(draws: draws, statistics: prior, centres: centres, scales: scales)
        let target = summary.project(observed)
        let projectedPrior = prior.compactMap { $0.map(summary.project) }
        let spreads = (0..<d).map { k -> Double in
            let xs = projectedPrior.map { $0[k] }
            let mean = xs.reduce(0, +) / Double(Swift.max(1, xs.count))
            let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(Swift.max(1, xs.count))).squareRoot()
            return sd > 1e-9 ? sd : 1
        }
        func distance(_ sim: [Double]?) -> Double {
            guard let sim else { return .infinity }
            let t = summary.project(sim)
            var sum = 0.0
            for k in 0..<d { let z = (t[k] - target[k]) / spreads[k]; sum += z * z }
            return (sum / Double(d)).squareRoot()
        }
        let d0 = prior.map(distance)
        let kept = d0.indices.sorted { (d0[$0], $0) < (d0[$1], $1) }.prefix(settings.particles)
        var us = kept.map { draws[$0] }
        var dist = kept.map { d0[$0] }
        var w = [Double](repeating: 1 / Double(us.count), count: us.count)
        var tolerances = [dist.max() ?? .infinity]
        progress?("rejection: \(n0) simulations, tolerance \(tolerances[0])")
        var outside = 0
        var stoppedEarly = false

        // Sequential Monte Carlo.
        var g = 1
        while g <= settings.generations {
            let eps = SampleQuantile.type7(dist.sorted(), settings.quantile)
            let sigma = (0..<d).map { i -> Double in
                let m = zip(us, w).reduce(0) { $0 + $1.0[i] * $1.1 }
                let v = zip(us, w).reduce(0) { $0 + ($1.0[i] - m) * ($1.0[i] - m) * $1.1 }
                return Swift.max((2 * v).squareRoot(), 1e-6)
            }
            var cumulative: [Double] = []
            var c = 0.0
            for x in w { c += x; cumulative.append(c) }
            var newU: [[Double]] = [], newD: [Double] = []
            let cap = settings.maxProposalsFactor * settings.particles
            /// Batch b's proposals: those inside the prior (u ∈ [0, 1)) and how many fell outside.
            func proposals(_ b: Int) -> (jobs: [Job], outside: Int) {
                var jobs: [Job] = [], outside = 0
                let k = b * settings.batch
                for b in 0..<settings.batch {
                    var rng = RandomStream(masterSeed: settings.seed, replication: UInt64(g), stream: 1000 + UInt64(k + b))
                    let r = rng.uniform() * c
                    let j = cumulative.firstIndex { $0 >= r } ?? (us.count - 1)
                    var u = us[j]
                    for i in 0..<d {
                        // Box–Muller.
                        let z = (-2 * Foundation.log(rng.uniformOpenLow())).squareRoot() * Foundation.cos(2 * Double.pi * rng.uniform())
                        u[i] += sigma[i] * z
                    }
                    if u.allSatisfy({ $0 >= 0 && $0 < 1 }) { jobs.append((u, g * 1_000_000 + k + b)) } else { outside += 1 }
                }
                return (jobs, outside)
            }
            let results = try round(String(format: "generation-%02d", g), count: (cap + settings.batch - 1) / settings.batch, target: settings.particles,
                                    jobs: { proposals($0).jobs }, accepted: { sims in sims.reduce(0) { $0 + (distance($1) <= eps ? 1 : 0) } })
            for (b, sims) in results.enumerated() {
                let p = proposals(b)
                outside += p.outside
                for (n, sim) in sims.enumerated() where newU.count < settings.particles {
                    let dd = distance(sim)
                    if dd <= eps { newU.append(p.jobs[n].u); newD.append(dd) }
                }
            }
            let k = results.count * settings.batch
            if newU.count < settings.particles { stoppedEarly = true; progress?("generation \(g): tolerance \(eps) not reached in \(cap) proposals; stopping"); break }
            // Weights: prior (uniform) over the kernel mixture.
            let newW = newU.map { u -> Double in
                var mix = 0.0
                for (j, p) in us.enumerated() {
                    var k = 1.0
                    for i in 0..<d { let z = (u[i] - p[i]) / sigma[i]; k *= Foundation.exp(-0.5 * z * z) / sigma[i] }
                    mix += w[j] * k
                }
                return mix > 0 ? 1 / mix : 0
            }
            let total = newW.reduce(0, +)
            us = newU; dist = newD; w = newW.map { $0 / total }
            tolerances.append(eps)
            progress?("generation \(g): tolerance \(eps), \(k) proposals")
            g += 1
        }

        // Posterior predictive: one fresh simulation per particle.
        let predictive = try round("predictive", count: batches(us.count), target: nil, tolerateFailures: true,
                                   jobs: { [us] b in slice(b, of: us.count).map { (us[$0], 900_000_000 + $0) } }, accepted: { _ in 0 })
            .flatMap { $0 }.map { $0 ?? statistics.map { _ in .nan } }
        let values = us.map { u in zip(parameters, u).map { $0.value(at: $1) } }
        let sims = simulations
        return CalibrationResult(parameters: parameters, statistics: statistics, observed: observed, scales: scales, values: values, weights: w,
                                 distances: dist, predictive: predictive, tolerances: tolerances, simulations: sims,
                                 rejectedOutsidePrior: outside, stoppedEarly: stoppedEarly)
    }

    /// Compiles the scenario at a point and runs one replication, returning its statistics.
    struct Simulator: Sendable {
        let tree: JSONValue
        let file: String
        let parameters: [Uncertainty]
        let seed: UInt64

        func structure(u: [Double]) throws(ScenarioErrors) -> (structure: Structure, statistics: MeasureCatalog) {
            var t = tree
            for (p, x) in zip(parameters, u) {
                do { t = try applyOverride(t, path: p.path, value: JSONValue.number(p.value(at: x)).serialized()) }
                catch { throw ScenarioErrors([ScenarioError(file: file, path: p.path, message: error.message)]) }
            }
            let scenario = try ScenarioLoader.decode(t, file: file)
            var compiler = ScenarioCompiler(file: file, allowLarge: true)
            let s = try compiler.compile(scenario)
            return (s, CalibrationStatistics.catalog(for: s))
        }

        func simulate(u: [Double], replication: Int) throws(ScenarioErrors) -> [Double] {
            let (s, catalog) = try structure(u: u)
            var r = Replication(structure: s, seed: seed, replication: replication, measures: catalog, distributions: false)
            return r.run().values
        }
    }
}
