import Concerto

/// `concerto validate SCENARIO... [--strict]`: checks scenarios without running them, and
/// warns before surprises (``ScenarioWarnings``); `--strict` makes a warning exit 2.
enum ValidateCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments
        do { parsed = try ParsedArguments.parse(args, options: ["--lang"], flags: ["--help", "--allow-large", "--strict"]) }
        catch { return .usageError(error.message, command: "validate") }
        if parsed.flag("--help") { return CommandOutput(stdout: Usage.forCommandLine(args)) }
        if parsed.positionals.isEmpty { return .usageError("expected one or more scenario files", command: "validate") }
        let french: Bool
        switch CommandLanguage.parse(parsed) {
        case .success(let l): french = l.language == .fr
        case .failure(let e): return .usageError(e.message, command: "validate")
        }
        var out = CommandOutput()
        var warned = 0
        for file in parsed.positionals {
            do {
                let (s, warnings) = try ScenarioLoader.load(path: file, allowLarge: parsed.flag("--allow-large"))
                for w in warnings { out.stderr += "warning: \(w)\n" }
                warned += warnings.count
                let noted = warnings.isEmpty ? "" : french ? " avec \(warnings.count) avertissement\(warnings.count == 1 ? "" : "s")" : " with \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
                out.stdout += french ? "\(MessageText.clean(file)) : ok\(noted) — \(s.partners.count) partenaires, \(s.instances.count) instances, \(s.issueKinds.count) types d'enjeux\n"
                                     : "\(MessageText.clean(file)): ok\(noted) — \(s.partners.count) partners, \(s.instances.count) instances, \(s.issueKinds.count) issue kinds\n"
            } catch {
                out.stderr += error.description + "\n"
                out.exitCode = 2
            }
        }
        // Warnings leave the exit code alone, unless --strict.
        if parsed.flag("--strict") && warned > 0 && out.exitCode == 0 {
            out.stderr += "concerto validate: --strict: \(warned) warning\(warned == 1 ? "" : "s")\n"
            out.exitCode = 2
        }
        return out
    }
}
