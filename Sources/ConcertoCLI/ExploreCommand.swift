import Foundation
import Concerto

/// `concerto explore SCENARIO... --output DIR`: the structures compared across the uncertainty
/// space (their `ranges`), every structure at every point with the same seeds; cells written
/// atomically as they finish, `--resume`, `--shard I/N` (Slurm arrays) and `concerto merge`
/// as for sweeps; then design.csv, results.csv, robustness.csv, sensitivity.csv and discovery.
enum ExploreCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments
        var settings = ExploreSetup.Settings()
        let threads: Int
        let shardIndex: Int, shardCount: Int
        do throws(UsageError) {
            parsed = try ParsedArguments.parse(args, options: ["--experiment", "--design", "--points", "--levels", "--replications", "--seed", "--threads",
                                                               "--output", "--shard", "--measures", "--threshold", "--set", "--years", "--warmup-years", "--lang", "--from-posterior"],
                                               flags: ["--help", "--resume", "--allow-large"])
            if parsed.flag("--help") { return CommandOutput(stdout: Usage.forCommandLine(args)) }
            settings.allowLarge = parsed.flag("--allow-large")
            settings.design = parsed.value("--design")
            if parsed.value("--points") != nil { settings.points = try parsed.int("--points", default: 0, range: 1...10_000_000) }
            if parsed.value("--levels") != nil { settings.levels = try parsed.int("--levels", default: 0, range: 2...1000) }
            if parsed.value("--replications") != nil { settings.replications = try parsed.int("--replications", default: 0, range: 1...1_000_000) }
            if parsed.value("--seed") != nil { settings.seed = try parsed.uint64("--seed", default: 1) }
            if parsed.value("--years") != nil { settings.years = try parsed.double("--years", default: 3, range: 0.01...200) }
            if parsed.value("--warmup-years") != nil { settings.warmupYears = try parsed.double("--warmup-years", default: 0, range: 0...200) }
            threads = try parsed.int("--threads", default: ProcessInfo.processInfo.activeProcessorCount, range: 1...1024)
            if let m = parsed.value("--measures") {
                settings.outcomes = m.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            for t in parsed.values("--threshold") { settings.thresholds.append(try parseThreshold(t)) }
            for s in parsed.values("--set") {
                do { settings.overrides.append(try parseSetArgument(s)) } catch { throw UsageError(message: "--set \(s): \(error.message)") }
            }
            (shardIndex, shardCount) = try SweepCommand.shard(parsed, environment: ProcessInfo.processInfo.environment)
        } catch {
            return .usageError(error.message, command: "explore")
        }
        guard let output = parsed.value("--output") else { return .usageError("expected --output DIR: the folder that receives the cells and the tables", command: "explore") }
        let plan: ExplorePlan
        do throws(ScenarioErrors) {
            var experiment = try parsed.value("--experiment").map { path throws(ScenarioErrors) in try ExperimentSpec.load(path: path) }
            // A calibration's posterior as the uncertainty of the calibrated values (docs/records.md).
            if let posterior = parsed.value("--from-posterior") {
                var spec = experiment ?? ExperimentSpec()
                let fromPosterior = try CalibrationPosterior.uncertainties(folder: posterior)
                spec.uncertainties.removeAll { u in fromPosterior.contains { $0.path == u.path } }
                spec.uncertainties += fromPosterior
                experiment = spec
            }
            if parsed.positionals.isEmpty && (experiment?.structures.isEmpty ?? true) {
                return .usageError("expected two or more scenario files (or an experiment file naming its structures)", command: "explore")
            }
            plan = try ExploreSetup.plan(files: parsed.positionals, experiment: experiment, settings: settings)
        } catch {
            return CommandOutput(stderr: error.description + "\n", exitCode: 2)
        }
        if let problem = OutputFolder.prepare(output, create: true) { return CommandOutput(stderr: "concerto explore: \(problem)\n", exitCode: 1) }
        // Signals are caught before the folder is locked, so that every way out releases the lock.
        let interrupt = Interrupt()
        let folder = SweepFolder(output)
        let lock: FolderLock
        do { lock = try folder.prepare(plan, version: ConcertoTool.version, resume: parsed.flag("--resume"), command: "explore") }
        catch { return CommandOutput(stderr: "concerto explore: \(MessageText.clean(error.message))\n", exitCode: error.cannotWrite ? 1 : 2) }
        defer { lock.release() }
        let french = CommandLanguage.early(args) == .fr
        if let notice = lock.notice { StandardStreams.progress(progressNotice(notice, command: "explore", french: french)) }

        let mine = plan.cells(shard: shardIndex, of: shardCount)
        let done: Set<Int>
        do { done = try folder.finishedCells(plan) } catch { return CommandOutput(stderr: "concerto explore: \(error.message)\n", exitCode: 2) }
        let todo = mine.filter { !done.contains($0) }
        let tty = isatty(2) == 1
        let start = Date()
        let total = todo.count
        let replications = plan.replications
        do {
            _ = try ExploreRunner.run(plan, cells: todo, folder: folder, threads: threads, stop: { interrupt.received != 0 }, progress: { n in
                guard tty, n % 8 == 0 || n == total else { return }
                let elapsed = Date().timeIntervalSince(start)
                let rate = Double(n * replications) / Swift.max(elapsed, 1e-9)
                StandardStreams.progress(progressLine(command: "explore", done: n, of: total, rate: rate, secondsLeft: elapsed / Double(n) * Double(total - n), french: french))
            })
        } catch {
            switch error {
            case .scenario(let e): return CommandOutput(stderr: e.description + "\n", exitCode: 2)
            case .write(_, let m): return CommandOutput(stderr: "concerto explore: \(MessageText.clean(m))\n", exitCode: 1)
            }
        }
        if tty { StandardStreams.progress("\n") }
        if interrupt.received != 0 {
            return CommandOutput(stderr: "concerto explore: interrupted; the finished cells are kept in \(MessageText.clean(output)). Run the same command with --resume to continue.\n", exitCode: 130)
        }
        do {
            if try folder.writeResultsIfComplete(plan, version: ConcertoTool.version) {
                let seconds = Date().timeIntervalSince(start)
                return CommandOutput(stderr: String(format: "explore: %d structures × %d points × %d replications in %.1f s; tables in %@\n",
                                                    plan.members.count, plan.pointCount, plan.replications, seconds, output)
                                     + "explore: wrote \(OutputFolder.written(output))\n")
            }
            return CommandOutput(stderr: "explore: shard \(shardIndex)/\(shardCount) done (\(mine.count) of \(plan.cellCount) cells); merge the shards with `concerto merge`\n")
        } catch let e as SweepError {
            return CommandOutput(stderr: "concerto explore: \(MessageText.clean(e.message))\n", exitCode: e.cannotWrite ? 1 : 2)
        } catch {
            return CommandOutput(stderr: "concerto explore: \(FileProblem.cannotWrite("the tables", error))\n", exitCode: 1)
        }
    }

    /// `MEASURE<=X` or `MEASURE>=X`.
    static func parseThreshold(_ s: String) throws(UsageError) -> Threshold {
        for (op, isMax) in [("<=", true), (">=", false)] {
            if let r = s.range(of: op) {
                let m = String(s[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
                guard let x = DecimalComma.number(s[r.upperBound...].trimmingCharacters(in: .whitespaces)), x.isFinite, !m.isEmpty else { break }
                return isMax ? Threshold(measure: m, max: x) : Threshold(measure: m, min: x)
            }
        }
        throw UsageError(message: "--threshold must be MEASURE<=X or MEASURE>=X, e.g. medianDaysKM<=90, got \"\(s)\"")
    }
}
