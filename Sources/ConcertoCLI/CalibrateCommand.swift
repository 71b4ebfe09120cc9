import Foundation
import Concerto

/// `concerto calibrate SCENARIO RECORDS_DIR --output DIR`: fits the scenario's uncertain values
/// (its `ranges`, or `--uncertain PATH=LO:HI`) to a table's records by approximate Bayesian
/// computation, and writes the posterior sample, the fit, the fitted scenario and the fit report.
enum CalibrateCommand {
    static let options: Set<String> = ["--uncertain", "--particles", "--draws", "--generations", "--anonymity-key", "--shard", "--wait"]
    /// Exit status of a shard that stopped waiting for the other shards' batches (EX_TEMPFAIL: run it again).
    static let waitingExit: Int32 = 75

    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments, options: RunOptions
        switch parseRunCommand(args, command: "calibrate", extraOptions: Self.options, extraFlags: ["--resume"]) {
        case .success(let r): (parsed, options) = r
        case .failure(let e): return e.output
        }
        guard parsed.positionals.count == 2 else {
            return .usageError("expected a scenario and a records folder: concerto calibrate SCENARIO RECORDS_DIR --output DIR", command: "calibrate")
        }
        guard let output = parsed.value("--output") else { return .usageError("--output DIR is needed (the folder the posterior and the report go to)", command: "calibrate") }
        var settings = CalibrationSettings()
        do {
            settings.particles = try parsed.int("--particles", default: 200, range: 10...100_000)
            settings.rejectionDraws = try parsed.int("--draws", default: 10 * settings.particles, range: 10...10_000_000)
            settings.generations = try parsed.int("--generations", default: 3, range: 0...50)
        } catch { return .usageError(error.message, command: "calibrate") }
        settings.seed = options.seed
        settings.threads = options.threads
        let (file, folder) = (parsed.positionals[0], parsed.positionals[1])

        let loaded: (records: Records, structure: Structure, warnings: [String])
        switch RecordsFolder.load(folder: folder, scenario: file, overrides: options.overrides, anonymityKey: parsed.value("--anonymity-key") ?? RecordsAnonymity.defaultKey,
                                  allowLarge: options.allowLarge, command: "calibrate") {
        case .success(let l): loaded = l
        case .failure(let e): return e.output
        }
        // The scenario as JSON: with --set, and with the records' horizon for the simulations.
        var bare: JSONValue
        do { bare = try ScenarioLoader.readTree(path: file) } catch { return CommandOutput(stderr: error.description + "\n", exitCode: 2) }
        for (p, v) in options.overrides {
            do { bare = try applyOverride(bare, path: p, value: v) } catch { return CommandOutput(stderr: "\(file): --set \(p): \(error.message)\n", exitCode: 2) }
        }
        let w = RecordsReader.window(loaded.records)
        let windowed: JSONValue
        do {
            windowed = try applyOverride(try applyOverride(bare, path: "years", value: JSONValue.number(w.years).serialized(), allowNewKeys: true),
                                         path: "warmupYears", value: JSONValue.number(w.warmupYears).serialized(), allowNewKeys: true)
        } catch { return CommandOutput(stderr: "\(file): years: \(error.message)\n", exitCode: 2) }

        // What to fit: --uncertain, else the scenario's ranges.
        var parameters: [Uncertainty] = []
        for spec in parsed.values("--uncertain") {
            guard let eq = spec.firstIndex(of: "="), let colon = spec[eq...].firstIndex(of: ":"),
                  let lo = Double(spec[spec.index(after: eq)..<colon]), let hi = Double(spec[spec.index(after: colon)...]), lo.isFinite, hi.isFinite, lo < hi else {
                return .usageError("--uncertain \(spec): expected PATH=LO:HI with LO < HI, e.g. partnerDefaults.capacityHoursPerMonth=4:20", command: "calibrate")
            }
            let path = String(spec[..<eq])
            guard let nominal = bare.value(atPath: path)?.doubleValue else {
                return CommandOutput(stderr: "concerto calibrate: --uncertain \(MessageText.clean(path)): \(MessageText.clean(file)) has no number at this path (a value left at its default must be written in the scenario first)\n", exitCode: 2)
            }
            parameters.append(Uncertainty(path: path, distribution: .uniform(low: lo, high: hi), nominal: nominal, declaredIn: "--uncertain"))
        }
        if parameters.isEmpty {
            do { parameters = try UncertaintyCollector.collect(bare, file: file) }
            catch { return CommandOutput(stderr: error.description + "\n", exitCode: 2) }
        }
        if parameters.isEmpty {
            return .usageError("nothing to fit: give --uncertain PATH=LO:HI or `ranges` in the scenario (docs/explore-ranges.md)", command: "calibrate")
        }
        if let problem = OutputFolder.prepare(output, create: false) { return CommandOutput(stderr: "concerto calibrate: \(problem)\n", exitCode: 1) }

        let catalog = CalibrationStatistics.catalog(for: loaded.structure)
        let observed = ObservedRun.result(loaded.records, structure: loaded.structure, catalog: catalog).values

        // Sharded (--shard I/N, a Slurm array, or --resume): the rounds go through DIR/rounds.
        let environment = ProcessInfo.processInfo.environment
        let sharded = parsed.value("--shard") != nil || parsed.flag("--resume")
            || (environment["SLURM_ARRAY_TASK_ID"] != nil && environment["SLURM_ARRAY_TASK_COUNT"] != nil)
        var shard: CalibrationShard? = nil
        var lock: FolderLock? = nil
        let interrupt: Interrupt? = sharded ? Interrupt() : nil
        defer { lock?.release() }
        var notices = ""
        if sharded, let interrupt {
            let index: Int, count: Int, wait: Double
            do throws(UsageError) {
                (index, count) = try SweepCommand.shard(parsed, environment: environment)
                let w = parsed.value("--wait") ?? "3600"
                guard let x = Double(w), x.isFinite, x >= 0, x <= 31_536_000 else {
                    throw UsageError(message: "--wait must be a number of seconds from 0 to 31536000, got \"\(w)\"")
                }
                wait = x
            } catch { return .usageError(error.message, command: "calibrate") }
            let fingerprint = Calibration.fingerprint(tree: windowed, parameters: parameters, observed: observed, settings: settings, version: ConcertoTool.version)
            switch CalibrationFolder.prepare(output, fingerprint: fingerprint, shards: count, index: index, resume: parsed.flag("--resume"),
                                             manifest: CalibrationFolder.manifest(fingerprint: fingerprint, file: file, shards: count, settings: settings)) {
            case .failure(let e): return e.output
            case .success(let l): lock = l; if let n = l.notice { notices += progressNotice(n, command: "calibrate", french: CommandLanguage.early(args) == .fr) }
            }
            let s = CalibrationShard(folder: output, index: index, count: count, fingerprint: fingerprint, wait: wait, stopRequested: { interrupt.received != 0 })
            let removed = s.removeStaleTemporaries()
            if removed > 0 { notices += "calibrate: \(MessageText.clean(output)): removed \(removed) temporary file(s) left by an interrupted write\n" }
            shard = s
        }
        if !notices.isEmpty { StandardStreams.progress(notices) }
        let started = Date()
        let result: CalibrationResult
        do { result = try Calibration.run(tree: windowed, file: file, parameters: parameters, observed: observed, settings: settings, shard: shard) }
        catch {
            switch error {
            case .scenario(let e): return CommandOutput(stderr: e.description + "\n", exitCode: 2)
            case .noStatistics: return CommandOutput(stderr: "concerto calibrate: no statistic of the records varies with the uncertain values: nothing to fit\n", exitCode: 2)
            case .shard(let stop):
                let who = shard.map { "shard \($0.index)/\($0.count)" } ?? "calibrate"
                let did = "\(shard?.simulated ?? 0) batch(es) simulated in this run are kept in \(MessageText.clean(output))"
                switch stop {
                case .waiting(let why):
                    return CommandOutput(stderr: "concerto calibrate: \(who): \(MessageText.clean(why)) (waited \(Int(shard?.wait ?? 0)) s); \(did). Run the other shards, then this command again with --resume (--wait SECONDS waits longer).\n", exitCode: Self.waitingExit)
                case .interrupted:
                    return CommandOutput(stderr: "concerto calibrate: \(who): interrupted; \(did). Run the same command with --resume to continue.\n", exitCode: 130)
                case .problem(let message, let cannotWrite):
                    return CommandOutput(stderr: "concerto calibrate: \(MessageText.clean(message))\n", exitCode: cannotWrite ? 1 : 2)
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let fitted: JSONValue
        do { fitted = try result.fittedScenario(bare, records: loaded.records) }
        catch { return CommandOutput(stderr: "concerto calibrate: the fitted scenario: \(error.message)\n", exitCode: 2) }
        let name = loaded.structure.shortName.isEmpty ? loaded.structure.name : loaded.structure.shortName
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let files: [(name: String, text: String)] = [
            ("posterior.csv", CalibrationReport.posteriorCSV(result)),
            ("fit.csv", CalibrationReport.fitCSV(result)),
            ("\(base)-calibrated.json", fitted.serialized(pretty: true) + "\n"),
            ("fit-report.fr.html", CalibrationReport.html(result, records: loaded.records, scenarioName: name, language: .fr)),
            ("fit-report.en.html", CalibrationReport.html(result, records: loaded.records, scenarioName: name, language: .en)),
        ]
        if let problem = RecordsFolder.write(files, to: output) { return CommandOutput(stderr: "concerto calibrate: \(problem)\n", exitCode: 1) }
        var summary = "calibrated \(parameters.count) value(s) of \(file) to \(folder): \(result.simulations) simulations in \(String(format: "%.1f", seconds)) s\n"
        for (k, p) in parameters.enumerated() {
            summary += "  \(p.path): median \(NumberFormat.fixed(result.quantile(k, 0.5), digits: 3)), 90% interval [\(NumberFormat.fixed(result.interval(k).low, digits: 3)), \(NumberFormat.fixed(result.interval(k).high, digits: 3))] (scenario: \(p.nominal))\n"
        }
        if result.stoppedEarly { summary += "  note: the last generation stopped below 5% acceptance (the simulations' own noise); the sample is the previous generation's\n" }
        return withWarnings(CommandOutput(stdout: summary), loaded.warnings)
    }
}
