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
        let structure: Structure, warnings: [String]
        switch options.load([file]) {
        case .success(let r): (structure, warnings) = (r.structures[0], r.warnings)
        case .failure(let e): return e.output
        }
        let result = Ensemble.run(structure, settings: options.settings)
        let text: String
        switch options.format {
        case "json": text = ResultJSON.render(result, provenance: BuildInfo.provenance(files: [file], structures: [structure], options: options))
        case "csv": text = ResultCSV.render(result)
        case "md": text = ResultMarkdown.render(result, options.language)
        default: text = ResultTable.render(result, options.language)
        }
        return withWarnings(deliver(text, to: options.output, command: "run"), warnings)
    }
}
