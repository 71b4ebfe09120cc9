import Concerto

/// `concerto compare SCENARIO...`: runs structures with the same seeds and replications and
/// puts them side by side, marking differences to the first beyond noise.
enum CompareCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments, options: RunOptions
        switch parseRunCommand(args, command: "compare") {
        case .success(let r): (parsed, options) = r
        case .failure(let e): return e.output
        }
        if parsed.positionals.count < 2 { return .usageError("expected two or more scenario files, e.g. concerto compare Scenarios/*.json", command: "compare") }
        var structures: [Structure] = []
        var errors: [String] = []
        var warnings: [String] = []
        for file in parsed.positionals {
            do {
                let loaded = try ScenarioLoader.load(path: file, overrides: options.overrides, years: options.years, warmupYears: options.warmupYears)
                structures.append(loaded.structure)
                warnings += loaded.warnings
            } catch {
                errors.append(error.description)
            }
        }
        if !errors.isEmpty { return CommandOutput(stderr: errors.joined(separator: "\n") + "\n", exitCode: 2) }
        let result = Comparison.run(structures, settings: RunSettings(replications: options.replications, seed: options.seed, threads: options.threads))
        let text: String
        switch options.format {
        case "json": text = ComparisonReport.json(result)
        case "csv": text = ComparisonReport.csv(result)
        case "md": text = ResultMarkdown.comparison(result)
        default: text = ComparisonReport.table(result)
        }
        var out = deliver(text, to: options.output, command: "compare")
        if !warnings.isEmpty { out.stderr = warnings.map { "warning: " + $0 }.joined(separator: "\n") + "\n" + out.stderr }
        return out
    }
}
