import Foundation
import Concerto

/// `concerto report SCENARIO... [run options] [--lang fr|en] --output FILE.html`: runs one
/// scenario (Ensemble) or compares several (Comparison, common random numbers) and writes the
/// planners' self-contained HTML report atomically.
enum ReportCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments, options: RunOptions
        switch parseRunCommand(args, command: "report", formats: ["html"], extraOptions: ["--lang"]) {
        case .success(let r): (parsed, options) = r
        case .failure(let e): return e.output
        }
        if parsed.positionals.isEmpty { return .usageError("expected one or more scenario files, e.g. concerto report Scenarios/*.json --output report.html", command: "report") }
        guard let output = options.output else { return .usageError("--output FILE.html is required (the report is one HTML file)", command: "report") }
        let loc: Localization
        switch parseLanguage(parsed) {
        case .success(let l): loc = l
        case .failure(let e): return .usageError(e.message, command: "report")
        }
        var structures: [Structure] = []
        var errors: [String] = []
        var warnings: [String] = []
        for file in parsed.positionals {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isDir), isDir.boolValue {
                errors.append("\(file) is a folder: sweep reports (concerto report SWEEP_DIR) are not available yet; give scenario files")
                continue
            }
            do {
                let loaded = try ScenarioLoader.load(path: file, overrides: options.overrides, years: options.years, warmupYears: options.warmupYears)
                structures.append(loaded.structure)
                warnings += loaded.warnings
            } catch {
                errors.append(error.description)
            }
        }
        if !errors.isEmpty { return CommandOutput(stderr: errors.joined(separator: "\n") + "\n", exitCode: 2) }
        let settings = RunSettings(replications: options.replications, seed: options.seed, threads: options.threads)
        let results = structures.count == 1 ? [Ensemble.run(structures[0], settings: settings)] : Comparison.run(structures, settings: settings).results
        let html = HTMLReport(results: results, schemas: structures.map { GovernanceSchema(structure: $0) }).render(loc)
        var out = deliver(html, to: output, command: "report")
        if !warnings.isEmpty { out.stderr = warnings.map { "warning: " + $0 }.joined(separator: "\n") + "\n" + out.stderr }
        return out
    }
}
