import Foundation
import Concerto

/// `concerto report SCENARIO... [run options] [--lang fr|en] --output FILE.html`: runs one
/// scenario (Ensemble) or compares several (Comparison, common random numbers) and writes the
/// planners' self-contained HTML report atomically. `concerto report SWEEP_DIR [--lang fr|en]
/// --output FILE.html` reports a finished sweep folder instead (nothing is run), and
/// `concerto report EXPLORE_DIR` a finished exploration (`concerto explore`): which structure is
/// best how surely, regret, sensitivity and scenario discovery.
enum ReportCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments, options: RunOptions
        switch parseRunCommand(args, command: "report", formats: ["html"], extraOptions: ["--lang"]) {
        case .success(let r): (parsed, options) = r
        case .failure(let e): return e.output
        }
        if options.measures != nil { return .usageError("--measures applies to run and compare; the report shows its own selection of measures", command: "report") }
        if parsed.positionals.isEmpty { return .usageError("expected one or more scenario files, e.g. concerto report Scenarios/*.json --output report.html, or one sweep folder", command: "report") }
        guard let output = options.output else { return .usageError("--output FILE.html is required (the report is one HTML file)", command: "report") }
        let loc: Localization
        switch CommandLanguage.parse(parsed) {
        case .success(let l): loc = l
        case .failure(let e): return .usageError(e.message, command: "report")
        }
        let folders = parsed.positionals.filter { isFolder($0) }
        if !folders.isEmpty {
            guard parsed.positionals.count == 1 else {
                return .usageError("a sweep report takes one sweep folder and nothing else; give either one folder or scenario files (got \(folders.count) folder(s) among \(parsed.positionals.count) arguments)", command: "report")
            }
            let runOnly = ["--replications", "--seed", "--years", "--warmup-years", "--threads", "--set"].filter { parsed.value($0) != nil }
            if !runOnly.isEmpty {
                return .usageError("\(runOnly.joined(separator: ", ")) cannot be used with a sweep or exploration folder: it is already run (only --lang and --output apply)", command: "report")
            }
            do {
                if ExploreReport.isExploreFolder(folders[0]) {
                    return wrote(deliver(try ExploreReport(folder: folders[0]).render(loc), to: output, command: "report"), output)
                }
                let report = try SweepReport(folder: folders[0])
                return wrote(deliver(report.render(loc), to: output, command: "report"), output)
            } catch {
                return CommandOutput(stderr: "concerto report: \(MessageText.clean(error.message))\n", exitCode: 2)
            }
        }
        let structures: [Structure], warnings: [String]
        switch options.load(parsed.positionals) {
        case .success(let r): (structures, warnings) = r
        case .failure(let e): return e.output
        }
        var settings = options.settings
        settings.distributions = true  // the report draws survival curves, load histograms and sector shares
        let schemas = structures.map { GovernanceSchema(structure: $0) }
        let provenance = BuildInfo.provenance(files: parsed.positionals, structures: structures, options: options)
        let report = structures.count == 1 ? HTMLReport(results: [Ensemble.run(structures[0], settings: settings)], schemas: schemas, provenance: provenance)
                                           : HTMLReport(comparison: Comparison.run(structures, settings: settings), schemas: schemas, provenance: provenance)
        let html = report.render(loc)
        return withWarnings(wrote(deliver(html, to: output, command: "report"), output), warnings)
    }

    /// On success, says on standard error what was written: "report: wrote FILE (N KB)".
    static func wrote(_ out: CommandOutput, _ output: String, command: String = "report") -> CommandOutput {
        guard out.exitCode == 0 else { return out }
        var o = out
        let size = ((try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? NSNumber)?.intValue ?? 0
        o.stderr += "\(command): wrote \(MessageText.clean(output)) (\(max(1, (size + 512) / 1024)) KB)\n"
        return o
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
