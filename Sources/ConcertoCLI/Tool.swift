import Foundation
import Concerto

/// What a command produced: text for stdout and stderr, and the exit code.
/// Exit codes: 0 success, 2 bad input (usage or scenario), 1 failure writing output.
public struct CommandOutput: Sendable {
    public var stdout = ""
    public var stderr = ""
    public var exitCode: Int32 = 0
    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout; self.stderr = stderr; self.exitCode = exitCode
    }
    static func usageError(_ message: String, command: String) -> CommandOutput {
        CommandOutput(stderr: "concerto \(command): \(MessageText.clean(message))\nRun `concerto help` for usage.\n", exitCode: 2)
    }
}

/// The `concerto` tool: parses the command word and hands over to a command.
public enum ConcertoTool {
    public static let version = "0.1.0"

    /// Runs a command line; its messages (standard error) are in French when `--lang fr` is
    /// given or the locale is French (``CommandLanguage``, ``MessageFrench``).
    public static func run(_ args: [String]) -> CommandOutput {
        var out = dispatch(args)
        if CommandLanguage.early(args) == .fr && !out.stderr.isEmpty { out.stderr = MessageFrench.translate(out.stderr) }
        return out
    }

    static func dispatch(_ args: [String]) -> CommandOutput {
        guard let command = args.first else { return CommandOutput(stdout: Usage.forCommandLine(args)) }
        let rest = Array(args.dropFirst())
        switch command {
        case "run": return RunCommand.run(rest)
        case "validate": return ValidateCommand.run(rest)
        case "compare": return CompareCommand.run(rest)
        case "sweep": return SweepCommand.run(rest)
        case "merge": return MergeCommand.run(rest)
        case "explore": return ExploreCommand.run(rest)
        case "schema": return SchemaCommand.run(rest)
        case "report": return ReportCommand.run(rest)
        case "init": return InitCommand.run(rest)
        case "observe": return ObserveCommand.run(rest)
        case "calibrate": return CalibrateCommand.run(rest)
        case "gcm":
            let r = runGCMCommand(withoutLanguage(rest))
            return CommandOutput(stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode)
        case "help", "--help", "-h": return CommandOutput(stdout: Usage.forCommandLine(rest))
        case "version", "--version": return CommandOutput(stdout: "concerto \(version)\n")
        default:
            var msg = "unknown command `\(MessageText.clean(command))`"
            if let near = closestKey(to: command, among: ["run", "compare", "sweep", "explore", "merge", "report", "observe", "calibrate", "schema", "validate", "init", "gcm", "help", "version"]) { msg += " (did you mean `\(near)`?)" }
            return CommandOutput(stderr: "concerto: \(msg)\nRun `concerto help` for usage.\n", exitCode: 2)
        }
    }
}

/// `args` without `--lang X` / `--lang=X` (for `gcm`, whose own parser does not know it: its
/// tables are the 1972 study's, in English; its messages follow the language).
func withoutLanguage(_ args: [String]) -> [String] {
    var out: [String] = []
    var k = 0
    while k < args.count {
        if args[k] == "--lang" && k + 1 < args.count { k += 2; continue }
        if args[k].hasPrefix("--lang=") { k += 1; continue }
        out.append(args[k]); k += 1
    }
    return out
}

/// Entry point used by the executable: runs the tool and writes its output.
///
/// Exit 1 when standard output cannot be written (a full disk, a closed stream), with a message
/// on standard error; exit 1 too when standard error itself cannot be written (then silently).
public func runConcerto(_ args: [String]) -> Int32 {
    let closed = StandardStreams.reserveClosed()
    let out = ConcertoTool.run(args)
    var code = out.exitCode
    var stderr = StandardStreams.safeForTerminal(out.stderr)
    if !out.stdout.isEmpty {
        let failure = closed.contains(1) ? "it is closed" : StandardStreams.write(out.stdout, to: 1)
        if let failure {
            stderr += "concerto: cannot write to standard output: \(failure)\n"
            if code == 0 { code = 1 }
        }
    }
    if !stderr.isEmpty {
        if closed.contains(2) || StandardStreams.write(stderr, to: 2) != nil {
            if code == 0 { code = 1 }
        }
    }
    return code
}
