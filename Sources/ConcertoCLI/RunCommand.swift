import Foundation
import Concerto

/// `concerto run SCENARIO ...`: runs replications of one structure and reports the three
/// families of measures.
enum RunCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments, options: RunOptions
        switch parseRunCommand(args, command: "run") {
        case .success(let r): (parsed, options) = r
        case .failure(let e): return e.output
        }
        guard parsed.positionals.count == 1 else {
            return .usageError(parsed.positionals.isEmpty ? "expected a scenario file, e.g. Scenarios/sept-rivieres.json"
                                                          : "expected one scenario file, got \(parsed.positionals.count)", command: "run")
        }
        let file = parsed.positionals[0]
        let loaded: (structure: Structure, warnings: [String])
        do {
            loaded = try ScenarioLoader.load(path: file, overrides: options.overrides, years: options.years, warmupYears: options.warmupYears)
        } catch {
            return CommandOutput(stderr: error.description + "\n", exitCode: 2)
        }
        let settings = RunSettings(replications: options.replications, seed: options.seed, threads: options.threads)
        let result = Ensemble.run(loaded.structure, settings: settings)
        let text: String
        switch options.format {
        case "json": text = ResultJSON.render(result)
        case "csv": text = ResultCSV.render(result)
        case "md": text = ResultMarkdown.render(result)
        default: text = ResultTable.render(result)
        }
        var out = deliver(text, to: options.output, command: "run")
        if !loaded.warnings.isEmpty { out.stderr = loaded.warnings.map { "warning: " + $0 }.joined(separator: "\n") + "\n" + out.stderr }
        return out
    }
}
