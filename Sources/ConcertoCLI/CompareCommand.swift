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
        let structures: [Structure], warnings: [String]
        switch options.load(parsed.positionals) {
        case .success(let r): (structures, warnings) = r
        case .failure(let e): return e.output
        }
        let result = Comparison.run(structures, settings: options.settings)
        let text: String
        switch options.format {
        case "json": text = ComparisonReport.json(result, provenance: BuildInfo.provenance(files: parsed.positionals, structures: structures, options: options))
        case "csv": text = ComparisonReport.csv(result)
        case "md": text = ResultMarkdown.comparison(result, options.language)
        default: text = ComparisonReport.table(result, options.language)
        }
        return withWarnings(deliver(text, to: options.output, command: "compare"), warnings)
    }
}
