import Concerto

/// `concerto gcm ...`: runs the garbage-can model (Cohen, March & Olsen 1972) and returns what to
/// print and the exit code (0 success, 2 bad input); never calls exit(), never prints.
/// `arguments` excludes the word "gcm".
public func runGCMCommand(_ arguments: [String]) -> (stdout: String, stderr: String, exitCode: Int32) {
    if arguments.contains("--help") || arguments.contains("-h") { return (GCMCommand.usage, "", 0) }
    switch GCMCommand.Options.parse(arguments) {
    case .failure(let error):
        return ("", "concerto gcm: \(error.message) (see `concerto gcm --help`)\n", 2)
    case .success(let options):
        let variants = options.variant.map { [$0] } ?? GarbageCanVariant.all
        let summaries = GarbageCanExperiment.summaries(variants, mode: options.mode, arithmetic: options.arithmetic)
        switch options.format {
        case .table: return (GCMCommand.table(summaries, options: options), "", 0)
        case .json: return (GCMCommand.json(summaries), "", 0)
        case .csv: return (GCMCommand.csv(summaries), "", 0)
        }
    }
}

/// The `gcm` command's options and output formats.
enum GCMCommand {
    static let usage = """
    concerto gcm — the garbage-can model of organizational choice (Cohen, March & Olsen 1972)

    USAGE
      concerto gcm [--variant LOAD,ENERGY,ACCESS,DECISION] [--random-entry [--runs N] [--seed S]]
                   [--exact] [--format table|json|csv]

    Without --random-entry, each variant runs the 4 entry sequences of the original study.
    Prints, per variant, the means over its runs of: choices made by resolution, flight and
    oversight; problems solved; problem latency (problem-periods active but unattached);
    problem activity (problem-periods attached and unsolved); decision-maker moves (times a
    decision maker works on a different choice than in the previous period); choices unmade.

    OPTIONS
      --variant V      one variant instead of all 81: LOAD light|moderate|heavy,
                       ENERGY imp-less|equal|imp-more, ACCESS and DECISION
                       unsegmented|hierarchical|specialized, e.g. light,equal,hierarchical,specialized
      --random-entry   random entry orders of choices and problems instead of the original four
      --runs N         runs per variant with --random-entry, 1 ... 1000000 (default 100)
      --seed S         master seed with --random-entry, 0 ... 2^64-1 (default 1); same seed, same output
      --exact          exact integer energies (units of 1/100) instead of IEEE doubles
      --format F       table (default), json or csv

    EXIT CODES
      0 success · 2 bad input

    """

    enum Format: String { case table, json, csv }

    struct Failure: Error { var message: String }

    struct Options {
        var variant: GarbageCanVariant?
        var randomEntry = false
        var runs: Int?
        var seed: UInt64?
        var arithmetic = GarbageCanArithmetic.float
        var format = Format.table

        var mode: GarbageCanEntryMode {
            randomEntry ? .random(runs: runs ?? 100, seed: seed ?? 1) : .original
        }

        static let valueOptions = ["--variant", "--runs", "--seed", "--format"]
        static let flagOptions = ["--random-entry", "--exact", "--help"]

        /// Parses `--name value`, `--name=value` and flags, then checks values and combinations.
        static func parse(_ args: [String]) -> Result<Options, Failure> {
            var o = Options()
            var i = 0
            while i < args.count {
                let arg = args[i]
                i += 1
                var name = arg
                var inline: String? = nil
                if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                    name = String(arg[..<eq])
                    inline = String(arg[arg.index(after: eq)...])
                }
                if flagOptions.contains(name) {
                    if inline != nil { return .failure(Failure(message: "option \(name) takes no value")) }
                    if name == "--random-entry" { o.randomEntry = true }
                    if name == "--exact" { o.arithmetic = .exact }
                    continue
                }
                guard valueOptions.contains(name) else {
                    if arg.hasPrefix("-") {
                        return .failure(Failure(message: "unknown option \(name); expected one of --variant, --random-entry, --runs, --seed, --exact, --format, --help"))
                    }
                    return .failure(Failure(message: "unexpected argument \"\(arg)\"; gcm takes only options"))
                }
                let value: String
                if let inline { value = inline } else {
                    guard i < args.count else { return .failure(Failure(message: "option \(name) needs a value")) }
                    value = args[i]
                    i += 1
                }
                switch name {
                case "--variant":
                    guard let v = GarbageCanVariant(parsing: value) else {
                        return .failure(Failure(message: "--variant expects LOAD,ENERGY,ACCESS,DECISION with LOAD light|moderate|heavy, ENERGY imp-less|equal|imp-more, ACCESS and DECISION unsegmented|hierarchical|specialized; got \"\(value)\""))
                    }
                    o.variant = v
                case "--runs":
                    guard let n = Int(value), (1...1_000_000).contains(n) else {
                        return .failure(Failure(message: "--runs expects an integer between 1 and 1000000, got \"\(value)\""))
                    }
                    o.runs = n
                case "--seed":
                    guard let s = UInt64(value) else {
                        return .failure(Failure(message: "--seed expects an integer between 0 and 18446744073709551615, got \"\(value)\""))
                    }
                    o.seed = s
                default: // "--format"
                    guard let f = Format(rawValue: value) else {
                        return .failure(Failure(message: "--format expects table, json or csv, got \"\(value)\""))
                    }
                    o.format = f
                }
            }
            if !o.randomEntry {
                if o.runs != nil { return .failure(Failure(message: "--runs needs --random-entry (the original study has exactly 4 entry sequences)")) }
                if o.seed != nil { return .failure(Failure(message: "--seed needs --random-entry (the original entry sequences use no randomness)")) }
            }
            return .success(o)
        }
    }

    // MARK: Output

    /// The measure columns, in output order: name and value.
    static func measures(_ s: GarbageCanSummary) -> [(String, Double)] {
        [("resolution", s.resolution), ("flight", s.flight), ("oversight", s.oversight),
         ("problemsSolved", s.problemsSolved), ("problemLatency", s.problemLatency),
         ("problemActivity", s.problemActivity), ("decisionMakerMoves", s.decisionMakerMoves),
         ("choicesUnmade", s.choicesUnmade)]
    }

    /// A JSON array, one object per variant; keys in a fixed order, numbers as Swift's shortest
    /// round-trip `Double.description`, so the bytes are the same on every run.
    static func json(_ summaries: [GarbageCanSummary]) -> String {
        var out = "[\n"
        for (k, s) in summaries.enumerated() {
            out += "  {\"load\": \"\(s.variant.load.name)\", \"energy\": \"\(s.variant.energy.name)\", "
            out += "\"access\": \"\(s.variant.access.name)\", \"decision\": \"\(s.variant.decision.name)\", "
            out += "\"runs\": \(s.runs)"
            for (name, value) in measures(s) { out += ", \"\(name)\": \(value.description)" }
            out += k == summaries.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    /// A header line and one line per variant.
    static func csv(_ summaries: [GarbageCanSummary]) -> String {
        var out = "load,energy,access,decision,runs,resolution,flight,oversight,problemsSolved,problemLatency,problemActivity,decisionMakerMoves,choicesUnmade\n"
        for s in summaries {
            out += "\(s.variant.load.name),\(s.variant.energy.name),\(s.variant.access.name),\(s.variant.decision.name),\(s.runs)"
            for (_, value) in measures(s) { out += ",\(value.description)" }
            out += "\n"
        }
        return out
    }

    /// An aligned text table for people.
    static func table(_ summaries: [GarbageCanSummary], options: Options) -> String {
        let runs = GarbageCanExperiment.runCount(options.mode)
        var title = "Garbage-can model (Cohen, March & Olsen 1972): \(summaries.count) variant\(summaries.count == 1 ? "" : "s"), "
        switch options.mode {
        case .original: title += "the 4 original entry sequences each"
        case .random(let n, let seed): title += "\(n) random entry sequence\(n == 1 ? "" : "s") each (seed \(seed))"
        }
        title += ", \(options.arithmetic == .exact ? "exact integer" : "floating-point") energies\n"
        title += "Means per run over \(runs) run\(runs == 1 ? "" : "s"): choices made by resolution, oversight and flight (of 10), problems solved (of 20),\n"
        title += "problem latency (problem-periods active but unattached), decision-maker moves.\n\n"

        let header = ["load", "energy", "access", "decision", "resolution", "oversight", "flight", "problems solved", "problem latency", "DM moves"]
        let textColumns = 4
        var rows: [[String]] = []
        for s in summaries {
            rows.append([s.variant.load.name, s.variant.energy.name, s.variant.access.name, s.variant.decision.name,
                         fixed2(s.resolution), fixed2(s.oversight), fixed2(s.flight), fixed2(s.problemsSolved),
                         fixed2(s.problemLatency), fixed2(s.decisionMakerMoves)])
        }
        var widths = header.map(\.count)
        for row in rows { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (j, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                parts.append(j < textColumns ? cell + pad : pad + cell)
            }
            var l = parts.joined(separator: "  ")
            while l.last == " " { l.removeLast() }
            return l + "\n"
        }
        var out = title + line(header)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in rows { out += line(row) }
        return out
    }

    /// `value` (non-negative) with exactly two decimals, rounded half away from zero.
    static func fixed2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
