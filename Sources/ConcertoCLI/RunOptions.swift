import Foundation
import Concerto

/// Options shared by commands that run scenarios.
struct RunOptions {
    var replications = 100
    var seed: UInt64 = 1
    var years: Double?
    var warmupYears: Double?
    var threads = ProcessInfo.processInfo.activeProcessorCount
    var format = "table"
    var output: String?
    var overrides: [(path: String, value: String)] = []
    /// `--measures a,b,...`: only these measures (nil: all).
    var measures: [String]?
    /// `--allow-large`: accept scenarios above the event budget (`ScenarioLimits`).
    var allowLarge = false
    /// `--strict`: a scenario with warnings is refused (exit 2) before anything runs.
    var strict = false
    /// `--lang fr|en`, else the environment's locale (``CommandLanguage``).
    var language = Localization(.en)

    static let valueOptions: Set<String> = ["--replications", "--seed", "--years", "--warmup-years", "--threads", "--format", "--output", "--set",
                                            "--measures", "--lang"]

    static func parse(_ a: ParsedArguments, formats: [String]) throws(UsageError) -> RunOptions {
        var o = RunOptions()
        o.replications = try a.int("--replications", default: 100, range: 1...1_000_000)
        o.seed = try a.uint64("--seed", default: 1)
        if a.value("--years") != nil { o.years = try a.double("--years", default: 3, range: 0.01...200) }
        if a.value("--warmup-years") != nil { o.warmupYears = try a.double("--warmup-years", default: 0, range: 0...200) }
        o.threads = try a.int("--threads", default: ProcessInfo.processInfo.activeProcessorCount, range: 1...1024)
        o.format = a.value("--format") ?? formats[0]
        if !formats.contains(o.format) {
            throw UsageError(message: "--format must be one of \(formats.joined(separator: ", ")), got \"\(o.format)\"")
        }
        o.output = a.value("--output")
        switch CommandLanguage.parse(a) {
        case .success(let l): o.language = l
        case .failure(let e): throw e
        }
        o.allowLarge = a.flag("--allow-large")
        o.strict = a.flag("--strict")
        if let m = a.value("--measures") {
            o.measures = m.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if o.measures!.isEmpty { throw UsageError(message: "--measures needs at least one measure name") }
        }
        for s in a.values("--set") {
            do { o.overrides.append(try parseSetArgument(s)) }
            catch { throw UsageError(message: "--set \(s): \(error.message)") }
        }
        return o
    }
}

/// Parses a running command's arguments: the parsed arguments and options, or what to print
/// (usage on `--help`, a usage error).
/// `formats` lists the accepted `--format` values, the first being the default; `extraOptions`
/// are further options with values the command reads itself (e.g. `--lang`).
func parseRunCommand(_ args: [String], command: String, formats: [String] = ["table", "json", "csv", "md"],
                     extraOptions: Set<String> = [], extraFlags: Set<String> = []) -> Result<(ParsedArguments, RunOptions), CommandError> {
    do {
        let parsed = try ParsedArguments.parse(args, options: RunOptions.valueOptions.union(extraOptions), flags: Set(["--help", "--allow-large", "--strict"]).union(extraFlags))
        if parsed.flag("--help") { return .failure(CommandError(output: CommandOutput(stdout: Usage.forCommandLine(args)))) }
        return .success((parsed, try RunOptions.parse(parsed, formats: formats)))
    } catch {
        return .failure(CommandError(output: .usageError(error.message, command: command)))
    }
}

extension RunOptions {
    /// The ensemble settings these options ask for.
    /// Tables, CSV, JSON and Markdown need no distributions; the report asks for them.
    var settings: RunSettings { RunSettings(replications: replications, seed: seed, threads: threads, measures: measures, distributions: false) }

    /// Loads every scenario with the overrides; all errors at once (exit 2), or the structures and warnings.
    func load(_ files: [String]) -> Result<(structures: [Structure], warnings: [String]), CommandError> {
        var structures: [Structure] = []
        var errors: [String] = []
        var warnings: [String] = []
        for file in files {
            do {
                let loaded = try ScenarioLoader.load(path: file, overrides: overrides, years: years, warmupYears: warmupYears, allowLarge: allowLarge)
                structures.append(loaded.structure)
                warnings += loaded.warnings
            } catch {
                errors.append(error.description)
            }
        }
        if !errors.isEmpty { return .failure(CommandError(output: CommandOutput(stderr: errors.joined(separator: "\n") + "\n", exitCode: 2))) }
        if strict && !warnings.isEmpty { return .failure(CommandError(output: strictRefusal(warnings))) }
        if let first = structures.first {
            do { _ = try settings.catalog(for: first) }
            catch { return .failure(CommandError(output: CommandOutput(stderr: "concerto: --measures: \(error.description)\n", exitCode: 2))) }
        }
        return .success((structures, warnings))
    }
}

/// Prefixes warnings to a command's standard error.
func withWarnings(_ out: CommandOutput, _ warnings: [String]) -> CommandOutput {
    var o = out
    if !warnings.isEmpty { o.stderr = warnings.map { "warning: " + $0 }.joined(separator: "\n") + "\n" + o.stderr }
    return o
}

/// `--strict` with warnings: the warnings, a line saying nothing ran, exit 2 (bad input).
func strictRefusal(_ warnings: [String]) -> CommandOutput {
    withWarnings(CommandOutput(stderr: "concerto: --strict: \(warnings.count) warning\(warnings.count == 1 ? "" : "s"): the scenario is refused (remove --strict to run it anyway)\n", exitCode: 2), warnings)
}

/// A command that ends before running, with what to print.
struct CommandError: Error { var output: CommandOutput }

/// Writes text to stdout or atomically to a file (exit 1 with a message naming the path when
/// it cannot be written: see ``AtomicFile`` for what is refused). A path ending in `/` names a
/// folder and is refused: file outputs need a file name. SIGINT/SIGTERM during the write
/// remove the temporary file (``WriteGuard``).
func deliver(_ text: String, to output: String?, command: String) -> CommandOutput {
    guard let path = output else { return CommandOutput(stdout: text) }
    if path.isEmpty { return CommandOutput(stderr: "concerto \(command): --output is empty: give a file path\n", exitCode: 1) }
    if path.hasSuffix("/") {
        return CommandOutput(stderr: "concerto \(command): cannot write \(MessageText.clean(path)): a path ending in / names a folder; --output needs a file name, e.g. \(MessageText.clean(path))result.\(command == "report" ? "html" : "txt")\n", exitCode: 1)
    }
    // For tests of interrupted writes: a pause (seconds) once the temporary file is complete.
    let pause = ProcessInfo.processInfo.environment["CONCERTO_TEST_PAUSE_BEFORE_RENAME"].flatMap(Double.init) ?? 0
    // A SIGKILL during an earlier write of this file left its temporary file: remove it now.
    AtomicFile.removeStaleTemporaries(of: URL(fileURLWithPath: path))
    do {
        try WriteGuard.during {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path), beforeRename: { _ in
                let end = Date().addingTimeInterval(min(pause, 600))
                while Date() < end { usleep(10_000) }  // a signal interrupts usleep: wait out the whole pause
            })
        }
        return CommandOutput()
    } catch let error as AtomicFileError {
        return CommandOutput(stderr: "concerto \(command): \(error.message)\n", exitCode: 1)
    } catch {
        return CommandOutput(stderr: "concerto \(command): \(FileProblem.cannotWrite(MessageText.clean(path), error))\n", exitCode: 1)
    }
}
