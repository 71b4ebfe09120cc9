import Foundation
import Concerto

/// `concerto sweep SCENARIO --vary PATH=V1,V2 ... --output DIR`: the full grid of variants, each
/// cell with the same seeds, cells written atomically as they finish; `--shard I/N` runs a
/// share of the cells (Slurm job arrays: `SLURM_ARRAY_TASK_ID`/`SLURM_ARRAY_TASK_COUNT`);
/// `--resume` continues an interrupted sweep.
enum SweepCommand {
    static func shard(_ parsed: ParsedArguments, environment: [String: String]) throws(UsageError) -> (Int, Int) {
        if let s = parsed.value("--shard") {
            guard let (i, n) = parseShard(s) else {
                throw UsageError(message: "--shard must be I/N with 1 ≤ I ≤ N, digits only, e.g. 2/8, got \"\(s)\"")
            }
            return (i, n)
        }
        if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap(digits), let count = environment["SLURM_ARRAY_TASK_COUNT"].flatMap(digits) {
            let min = environment["SLURM_ARRAY_TASK_MIN"].flatMap(digits) ?? 0
            let i = id - min + 1
            guard count >= 1, i >= 1, i <= count else {
                throw UsageError(message: "SLURM_ARRAY_TASK_ID=\(id) (min \(min)) does not fit SLURM_ARRAY_TASK_COUNT=\(count)")
            }
            return (i, count)
        }
        return (1, 1)
    }

    /// `I/N` with 1 ≤ I ≤ N, both plain decimal digits (no sign, space or empty part).
    static func parseShard(_ s: String) -> (Int, Int)? {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = digits(parts[0]), let n = digits(parts[1]), i >= 1, i <= n else { return nil }
        return (i, n)
    }

    /// A non-negative integer written with ASCII digits only (at most 9 of them).
    static func digits<S: StringProtocol>(_ s: S) -> Int? {
        guard !s.isEmpty, s.count <= 9, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments, options: RunOptions
        let axes: [SweepAxis]
        let shardIndex: Int, shardCount: Int
        do throws(UsageError) {
            parsed = try ParsedArguments.parse(args, options: RunOptions.valueOptions.union(["--vary", "--shard"]), flags: ["--help", "--resume", "--allow-large"])
            if parsed.flag("--help") { return CommandOutput(stdout: Usage.forCommandLine(args)) }
            options = try RunOptions.parse(parsed, formats: ["table"])
            if options.measures != nil { throw UsageError(message: "--measures applies to run and compare; a sweep records every measure of the three families") }
            var a: [SweepAxis] = []
            for spec in parsed.values("--vary") {
                do { a.append(try SweepAxis.parse(spec)) } catch { throw UsageError(message: error.message) }
            }
            if a.isEmpty { throw UsageError(message: "expected at least one --vary PATH=V1,V2,... (or PATH=LO:HI:STEP)") }
            axes = a
            (shardIndex, shardCount) = try shard(parsed, environment: ProcessInfo.processInfo.environment)
        } catch {
            return .usageError(error.message, command: "sweep")
        }
        guard parsed.positionals.count == 1 else { return .usageError("expected one scenario file", command: "sweep") }
        guard let output = options.output else { return .usageError("expected --output DIR: the folder that receives the cells and results.csv", command: "sweep") }
        let file = parsed.positionals[0]
        // The base scenario with --set and horizon overrides; each cell is checked before anything runs.
        let plan: SweepPlan
        do throws(ScenarioErrors) {
            let tree = try ScenarioLoader.withOverrides(try ScenarioLoader.readTree(path: file), file: file, overrides: options.overrides,
                                                        years: options.years, warmupYears: options.warmupYears)
            plan = SweepPlan(scenarioFile: file, baseTree: tree, axes: axes, replications: options.replications, seed: options.seed, allowLarge: options.allowLarge)
            if plan.cellCount > 100_000 { return .usageError("the grid has \(plan.cellCount) cells; at most 100000", command: "sweep") }
            // This shard's cells are checked before anything runs (the other shards check theirs).
            for k in plan.cells(shard: shardIndex, of: shardCount) { _ = try plan.structure(ofCell: k) }
        } catch {
            return CommandOutput(stderr: error.description + "\n", exitCode: 2)
        }
        if let problem = OutputFolder.prepare(output, create: true) { return CommandOutput(stderr: "concerto sweep: \(problem)\n", exitCode: 1) }
        // Signals are caught before the folder is locked, so that every way out releases the lock.
        let interrupt = Interrupt()
        let folder = SweepFolder(output)
        let lock: FolderLock
        do { lock = try folder.prepare(plan, version: ConcertoTool.version, resume: parsed.flag("--resume"), command: "sweep") }
        catch { return CommandOutput(stderr: "concerto sweep: \(MessageText.clean(error.message))\n", exitCode: error.cannotWrite ? 1 : 2) }
        defer { lock.release() }
        let french = CommandLanguage.early(args) == .fr
        if let notice = lock.notice { StandardStreams.progress(progressNotice(notice, command: "sweep", french: french)) }

        let mine = plan.cells(shard: shardIndex, of: shardCount)
        let done: Set<Int>
        do { done = try folder.finishedCells(plan) } catch { return CommandOutput(stderr: "concerto sweep: \(error.message)\n", exitCode: 2) }
        let todo = mine.filter { !done.contains($0) }
        let tty = isatty(2) == 1
        let start = Date()
        var finished = 0
        for k in todo {
            if interrupt.received != 0 { break }
            let structure: Structure
            do { structure = try plan.structure(ofCell: k) } catch { return CommandOutput(stderr: error.description + "\n", exitCode: 2) }
            let result = Ensemble.run(structure, settings: RunSettings(replications: plan.replications, seed: plan.seed, threads: options.threads,
                                                                      distributions: false))
            do { try folder.write(cell: k, plan.cellRecord(k, result: result)) }
            catch { return CommandOutput(stderr: "concerto sweep: \(FileProblem.cannotWrite("cell \(k)", error))\n", exitCode: 1) }
            finished += 1
            if tty {
                let elapsed = Date().timeIntervalSince(start)
                let rate = Double(finished * plan.replications) / Swift.max(elapsed, 1e-9)
                let left = elapsed / Double(finished) * Double(todo.count - finished)
                StandardStreams.progress(progressLine(command: "sweep", done: finished + (mine.count - todo.count), of: mine.count, rate: rate, secondsLeft: left, french: french))
            }
        }
        if tty { StandardStreams.progress("\n") }
        if interrupt.received != 0 {
            return CommandOutput(stderr: "concerto sweep: interrupted; \(finished) cell(s) finished in this run are kept in \(MessageText.clean(output)). Run the same command with --resume to continue.\n", exitCode: 130)
        }
        var out = CommandOutput()
        do {
            if try folder.writeResultsIfComplete(plan) {
                // Provenance beside the results (the grid itself is in manifest.json).
                let first = try? plan.structure(ofCell: 0)
                let provenance = BuildInfo.provenance(files: first == nil ? [] : [file], structures: first.map { [$0] } ?? [], options: options)
                try AtomicFile.write(Data((provenance.json.serialized(pretty: true) + "\n").utf8), to: URL(fileURLWithPath: output).appendingPathComponent("provenance.json"))
                out.stderr = "sweep: \(plan.cellCount) cells done; results in \(folder.resultsURL.path)\nsweep: wrote \(OutputFolder.written(output))\n"
            } else {
                out.stderr = "sweep: shard \(shardIndex)/\(shardCount) done (\(mine.count) of \(plan.cellCount) cells); merge the shards with `concerto merge`\n"
            }
        } catch let e as SweepError {
            return CommandOutput(stderr: "concerto sweep: \(MessageText.clean(e.message))\n", exitCode: e.cannotWrite ? 1 : 2)
        } catch {
            return CommandOutput(stderr: "concerto sweep: \(FileProblem.cannotWrite("the results", error))\n", exitCode: 1)
        }
        return out
    }
}

/// `concerto merge DIR... --output DIR`: combines the shards of one sweep.
enum MergeCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments
        do { parsed = try ParsedArguments.parse(args, options: ["--output", "--lang"], flags: ["--help"]) }
        catch { return .usageError(error.message, command: "merge") }
        if parsed.flag("--help") { return CommandOutput(stdout: Usage.forCommandLine(args)) }
        guard let output = parsed.value("--output") else { return .usageError("expected --output DIR", command: "merge") }
        if parsed.positionals.isEmpty { return .usageError("expected one or more sweep folders", command: "merge") }
        if let problem = OutputFolder.prepare(output, create: false) { return CommandOutput(stderr: "concerto merge: \(problem)\n", exitCode: 1) }
        do {
            let r = try SweepFolder.merge(parsed.positionals, into: output)
            return CommandOutput(stderr: "merge: \(r.cells) cells; results in \(r.csv.path)\nmerge: wrote \(OutputFolder.written(output))\n")
        } catch {
            return CommandOutput(stderr: "concerto merge: \(MessageText.clean(error.message))\n", exitCode: error.cannotWrite ? 1 : 2)
        }
    }
}

/// A folder lock's notices, one line each prefixed by the command, in French when asked.
func progressNotice(_ notice: String, command: String, french: Bool) -> String {
    notice.split(separator: "\n").map { french ? "\(command) : " + MessageFrench.translateLine(String($0)) : "\(command): \($0)" }
        .joined(separator: "\n") + "\n"
}

/// The live progress line of a sweep or an exploration on a terminal (rewritten in place).
func progressLine(command: String, done: Int, of total: Int, rate: Double, secondsLeft: Double, french: Bool) -> String {
    french ? "\r\(command) : " + String(format: "%d/%d variantes, %.0f réplications/s, encore %.0f s   ", done, total, rate, secondsLeft)
           : "\r\(command): " + String(format: "%d/%d cells, %.0f replications/s, %.0f s left   ", done, total, rate, secondsLeft)
}
