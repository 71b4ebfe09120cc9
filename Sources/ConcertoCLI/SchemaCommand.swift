import Concerto

/// `concerto schema SCENARIO --format svg|dot|text [--lang fr|en] [--output PATH]`: the
/// governance diagram (« schéma de gouvernance ») of a scenario, without running it.
/// `concerto schema --paths`: every path of the scenario format and its type (``ScenarioFormat``).
enum SchemaCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments.parse(args, options: ["--format", "--output", "--lang"], flags: ["--help", "--paths"])
        } catch {
            return .usageError(error.message, command: "schema")
        }
        if parsed.flag("--help") { return CommandOutput(stdout: Usage.forCommandLine(args)) }
        // The scenario format itself: every path `--set`, `--vary` and explore accept, with its type.
        if parsed.flag("--paths") {
            guard parsed.positionals.isEmpty else { return .usageError("--paths lists the format's paths: give no scenario file", command: "schema") }
            let lines = ScenarioFormat.root.paths().map { "\($0.path)\t\($0.type.description)\n" }.joined()
            return deliver(lines, to: parsed.value("--output"), command: "schema")
        }
        guard parsed.positionals.count == 1 else {
            return .usageError(parsed.positionals.isEmpty ? "expected a scenario file, e.g. Scenarios/orbite.json"
                                                          : "expected one scenario file, got \(parsed.positionals.count)", command: "schema")
        }
        let format = parsed.value("--format") ?? "text"
        guard ["svg", "dot", "text"].contains(format) else {
            return .usageError("--format must be one of svg, dot, text, got \"\(format)\"", command: "schema")
        }
        let loc: Localization
        switch CommandLanguage.parse(parsed) {
        case .success(let l): loc = l
        case .failure(let e): return .usageError(e.message, command: "schema")
        }
        let structure: Structure
        do {
            structure = try ScenarioLoader.load(path: parsed.positionals[0], overrides: [], years: nil, warmupYears: nil).structure
        } catch {
            return CommandOutput(stderr: error.description + "\n", exitCode: 2)
        }
        let schema = GovernanceSchema(structure: structure)
        let text: String
        switch format {
        case "svg": text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + schema.svg(loc, standalone: true) + "\n"
        case "dot": text = schema.dot(loc)
        default: text = schema.text(loc)
        }
        return deliver(text, to: parsed.value("--output"), command: "schema")
    }
}
