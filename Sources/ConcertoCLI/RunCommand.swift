import Foundation
import Concerto

/// `concerto run SCENARIO ...`: runs replications of one structure and reports the three
/// families of measures.
enum RunCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments, options: RunOptions
        switch parseRunCommand(args, command: "run", extraOptions: ["--records", "--records-replications", "--anonymity-key"], extraFlags: ["--anonymise"]) {
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
        let recordsCount: Int
        do { recordsCount = try parsed.int("--records-replications", default: 1, range: 1...10_000) }
        catch { return .usageError(error.message, command: "run") }
        if parsed.value("--records") == nil && (parsed.has("--records-replications") || parsed.flag("--anonymise")) {
            return .usageError("--records-replications and --anonymise go with --records DIR", command: "run")
        }
        if let folder = parsed.value("--records"), folder.isEmpty { return .usageError("--records needs a folder", command: "run") }
        let result = Ensemble.run(structure, settings: options.settings)
        let text: String
        switch options.format {
        case "json": text = ResultJSON.render(result, provenance: BuildInfo.provenance(files: [file], structures: [structure], options: options))
        case "csv": text = ResultCSV.render(result)
        case "md": text = ResultMarkdown.render(result, options.language)
        default: text = ResultTable.render(result, options.language)
        }
        var out = deliver(text, to: options.output, command: "run")
        if out.exitCode == 0, let folder = parsed.value("--records") {
            // The minutes of the first replications, in the records format (the measures above
            // do not change: keeping minutes draws no random number).
            let key = parsed.flag("--anonymise") ? (parsed.value("--anonymity-key") ?? RecordsAnonymity.defaultKey) : nil
            var files: [(name: String, text: String)] = []
            for n in 0..<recordsCount {
                var r = Replication(structure: structure, seed: options.seed, replication: n, recordMinutes: true, distributions: false)
                _ = r.run()
                let written = RecordsWriter.files(Records(minutes: r.minutes!, structure: structure), structure: structure, anonymityKey: key)
                files += written.map { (recordsCount == 1 ? $0.name : "replication-\(n + 1)/" + $0.name, $0.text) }
            }
            if recordsCount > 1 {
                for n in 0..<recordsCount {
                    if let problem = OutputFolder.prepare((folder as NSString).appendingPathComponent("replication-\(n + 1)"), create: true) {
                        out.stderr += "concerto run: \(problem)\n"; out.exitCode = 1
                        return withWarnings(out, warnings)
                    }
                }
            }
            if let problem = RecordsFolder.write(files, to: folder) { out.stderr += "concerto run: \(problem)\n"; out.exitCode = 1 }
        }
        return withWarnings(out, warnings)
    }
}
