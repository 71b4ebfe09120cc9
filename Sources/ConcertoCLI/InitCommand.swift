import Concerto

/// `concerto init [--lang fr|en]`: writes a commented starting scenario to standard output
/// (`concerto init --lang fr > ma-table.json && concerto run ma-table.json`).
enum InitCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments
        do { parsed = try ParsedArguments.parse(args, options: ["--lang"], flags: ["--help"]) }
        catch { return .usageError(error.message, command: "init") }
        if parsed.flag("--help") { return CommandOutput(stdout: Usage.forCommandLine(args)) }
        if let extra = parsed.positionals.first {
            return .usageError("takes no file (it writes to standard output: concerto init > ma-table.json), got \"\(extra)\"", command: "init")
        }
        switch CommandLanguage.parse(parsed) {
        case .success(let loc): return CommandOutput(stdout: StarterScenario.text(loc.language))
        case .failure(let e): return .usageError(e.message, command: "init")
        }
    }
}
