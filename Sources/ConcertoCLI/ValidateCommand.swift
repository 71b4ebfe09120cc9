import Concerto

/// `concerto validate SCENARIO...`: checks scenarios without running them.
enum ValidateCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments
        do { parsed = try ParsedArguments.parse(args, options: ["--lang"], flags: ["--help", "--allow-large"]) }
        catch { return .usageError(error.message, command: "validate") }
        if parsed.flag("--help") { return CommandOutput(stdout: Usage.text) }
        if parsed.positionals.isEmpty { return .usageError("expected one or more scenario files", command: "validate") }
        let french: Bool
        switch CommandLanguage.parse(parsed) {
        case .success(let l): french = l.language == .fr
        case .failure(let e): return .usageError(e.message, command: "validate")
        }
        var out = CommandOutput()
        for file in parsed.positionals {
            do {
                let (s, warnings) = try ScenarioLoader.load(path: file, allowLarge: parsed.flag("--allow-large"))
                for w in warnings { out.stderr += "warning: \(w)\n" }
                out.stdout += french ? "\(MessageText.clean(file)) : ok — \(s.partners.count) partenaires, \(s.instances.count) instances, \(s.issueKinds.count) types d'enjeux\n"
                                     : "\(MessageText.clean(file)): ok — \(s.partners.count) partners, \(s.instances.count) instances, \(s.issueKinds.count) issue kinds\n"
            } catch {
                out.stderr += error.description + "\n"
                out.exitCode = 2
            }
        }
        return out
    }
}
