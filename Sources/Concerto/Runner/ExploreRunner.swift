import Foundation
import Dispatch

/// Runs the cells of an exploration in parallel: each worker takes the next cell, compiles the
/// structure at its point, runs its replications on one thread (the same seed and replication
/// indices in every cell: common random numbers) and writes the cell's file atomically. The
/// result of a cell does not depend on which worker ran it, so the folder is byte-identical for
/// any thread count, shard split or resumption; memory depends on the workers, not the points.
public enum ExploreRunner {
    public enum Failure: Error, Sendable {
        case scenario(ScenarioErrors)
        case write(cell: Int, message: String)
    }

    /// Runs `cells` of `plan` into `folder`. `stop` is polled between cells (an interrupt);
    /// `progress` receives the number of cells finished so far.
    /// - Returns: the cells finished.
    public static func run(_ plan: ExplorePlan, cells: [Int], folder: SweepFolder, threads: Int,
                           stop: @escaping @Sendable () -> Bool = { false },
                           progress: (@Sendable (Int) -> Void)? = nil) throws(Failure) -> Int {
        let next = Locked(0)
        let finished = Locked(0)
        let failure = Locked<Failure?>(nil)
        let workers = Swift.max(1, Swift.min(threads, cells.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let settings = RunSettings(replications: plan.replications, seed: plan.seed, threads: 1, measures: plan.outcomes, distributions: false)
            while true {
                if stop() || failure.withValue({ $0 != nil }) { return }
                let q = next.withValue { n -> Int in let v = n; n += 1; return v }
                guard q < cells.count else { return }
                let k = cells[q]
                let structure: Structure
                do throws(ScenarioErrors) { structure = try plan.structure(ofCell: k) } catch {
                    failure.withValue { if $0 == nil { $0 = .scenario(error) } }
                    return
                }
                let catalog: MeasureCatalog
                do throws(MeasureSelectionError) { catalog = try settings.catalog(for: structure) } catch { preconditionFailure(error.description) }
                // A workspace holds views into the structure it was made for: one per cell (a
                // cell runs dozens of replications, so this costs nothing measurable).
                let space = ReplicationWorkspace(structure: structure)
                let values = replicate(structure, catalog: catalog, outcomes: plan.outcomes, seed: plan.seed,
                                       count: plan.replications, workspace: space)
                do { try folder.write(cell: k, plan.cellRecord(k, values: values, units: catalog), of: ExplorePlan.self) }
                catch { failure.withValue { if $0 == nil { $0 = .write(cell: k, message: FileProblem.cannotWrite("cell \(k)", error)) } }; return }
                let done = finished.withValue { n -> Int in n += 1; return n }
                progress?(done)
            }
        }
        if let f = failure.withValue({ $0 }) { throw f }
        return finished.withValue { $0 }
    }

    /// Each outcome's value in replications 0 ..< count of `structure` (outcome × replication;
    /// NaN where a replication leaves it undefined), on this thread.
    static func replicate(_ structure: Structure, catalog: MeasureCatalog, outcomes: [String], seed: UInt64,
                          count: Int, workspace: ReplicationWorkspace) -> [[Double]] {
        let index = outcomes.map { name in catalog.measures.firstIndex { $0.group.isEmpty && $0.name == name } }
        var values = [[Double]](repeating: [], count: outcomes.count)
        for o in values.indices { values[o].reserveCapacity(count) }
        for n in 0..<count {
            var r = Replication(structure: structure, seed: seed, replication: n, workspace: workspace, measures: catalog, distributions: false)
            let result = r.run()
            for (o, i) in index.enumerated() { values[o].append(i.map { result.values[$0] } ?? .nan) }
        }
        return values
    }
}
