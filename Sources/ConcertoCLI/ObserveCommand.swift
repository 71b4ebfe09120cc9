import Foundation
import Concerto

/// `concerto observe RECORDS_DIR --scenario S`: the measures of a table's own records (its
/// minutes), computed by the code that computes a simulation's, in the same output formats.
enum ObserveCommand {
    static func run(_ args: [String]) -> CommandOutput {
        let parsed: ParsedArguments, options: RunOptions
        switch parseRunCommand(args, command: "observe", formats: ["table", "json", "csv", "md", "html"], extraOptions: ["--scenario", "--anonymity-key"]) {
        case .success(let r): (parsed, options) = r
        case .failure(let e): return e.output
        }
        guard parsed.positionals.count == 1 else {
            return .usageError(parsed.positionals.isEmpty ? "expected a records folder (meetings.csv, items.csv, issues.csv; docs/records.md)"
                                                          : "expected one records folder, got \(parsed.positionals.count)", command: "observe")
        }
        guard let scenario = parsed.value("--scenario") else {
            return .usageError("--scenario SCENARIO is needed: it gives the bodies, partners (sectors, territories, capacities) and issue kinds the records name", command: "observe")
        }
        if options.format == "html" && options.output == nil {
            return .usageError("--format html needs --output FILE.html (the page is one HTML file)", command: "observe")
        }
        if options.format == "html" && options.measures != nil {
            return .usageError("--measures applies to table, json, csv and md; the html page shows its own selection of measures", command: "observe")
        }
        let loaded: (records: Records, structure: Structure, warnings: [String])
        switch RecordsFolder.load(folder: parsed.positionals[0], scenario: scenario, overrides: options.overrides, anonymityKey: parsed.value("--anonymity-key") ?? RecordsAnonymity.defaultKey,
                                  allowLarge: options.allowLarge, command: "observe") {
        case .success(let l): loaded = l
        case .failure(let e): return e.output
        }
        var catalog = ObservedRun.catalog(for: loaded.structure)
        if let m = options.measures {
            do { catalog = try catalog.selecting(m) }
            catch { return CommandOutput(stderr: "concerto observe: --measures: \(error.description)\n", exitCode: 2) }
        }
        let result = ObservedRun.result(loaded.records, structure: loaded.structure, catalog: catalog)
        var acc = EnsembleAccumulator(structure: loaded.structure, catalog: catalog, replications: 1)
        acc.add(result)
        let ensemble = acc.result(settings: RunSettings(replications: 1, seed: 0, threads: 1, measures: options.measures, distributions: false))
        let r = loaded.records
        let from = r.startDate.adding(days: Int(r.measuredFrom.rounded(.down))), end = r.startDate.adding(days: Int(r.end.rounded(.down)) - 1)
        if options.format == "html", let output = options.output {
            // The planners' page of `concerto report`, for one history measured in the records.
            var provOptions = options
            provOptions.replications = 1; provOptions.seed = 0
            let provenance = BuildInfo.provenance(files: [scenario], structures: [loaded.structure], options: provOptions)
            let observation = HTMLReport.Observation(source: MessageText.clean(parsed.positionals[0]), from: "\(from)", to: "\(end)", years: r.years,
                                                     meetings: r.meetings.count, items: r.items.count, issues: r.issues.count)
            let html = HTMLReport(observed: ensemble, schema: GovernanceSchema(structure: loaded.structure), observation: observation, provenance: provenance).render(options.language)
            return withWarnings(ReportCommand.wrote(deliver(html, to: output, command: "observe"), output, command: "observe"), loaded.warnings)
        }
        var text: String
        switch options.format {
        case "json": text = ResultJSON.render(ensemble)
        case "csv": text = ResultCSV.render(ensemble)
        case "md": text = ResultMarkdown.render(ensemble)
        default: text = ResultTable.render(ensemble)
        }
        // The run's header line says what was simulated; say what was observed instead.
        if options.format == "table" || options.format == "md" {
            let header = "Observed in the records \(MessageText.clean(parsed.positionals[0])): \(from) to \(end) (\(NumberFormat.fixed(r.years, digits: 2)) years; "
                + "\(r.meetings.count) meetings, \(r.items.count) agenda items, \(r.issues.count) issues). One value per measure: mean, CI, median and p90 all show it."
            var lines = text.components(separatedBy: "\n")
            if let k = lines.firstIndex(where: { $0.hasPrefix("1 replications ×") }) { lines[k] = header }
            text = lines.joined(separator: "\n")
        }
        return withWarnings(deliver(text, to: options.output, command: "observe"), loaded.warnings)
    }
}
