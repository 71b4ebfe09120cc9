import Foundation
import Concerto

/// The language a command speaks at the terminal (tables, summaries, error messages) and in the
/// documents it writes: `--lang fr|en` on every command; without it, the locale of the
/// environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first one set and non-empty, as
/// POSIX does): French when it starts with `fr` (`fr_CA.UTF-8`), else English.
enum CommandLanguage {
    /// The language the environment asks for.
    static func fromEnvironment(_ environment: [String: String]) -> ReportLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[name], !v.isEmpty { return v.lowercased().hasPrefix("fr") ? .fr : .en }
        }
        return .en
    }

    /// `--lang` as given to the command, else the environment's language.
    static func parse(_ parsed: ParsedArguments, environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<Localization, UsageError> {
        guard let value = parsed.value("--lang") else { return .success(Localization(fromEnvironment(environment))) }
        guard let lang = ReportLanguage(rawValue: value) else {
            return .failure(UsageError(message: "--lang must be fr or en, got \"\(value)\""))
        }
        return .success(Localization(lang))
    }

    /// The language of a command line before it is parsed (for its error messages, which may
    /// come from parsing itself): the last `--lang fr|en` or `--lang=fr|en` among `args`, else
    /// the environment's. An invalid value counts as absent (parsing then says it is invalid).
    static func early(_ args: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> ReportLanguage {
        var found: ReportLanguage?
        for (k, a) in args.enumerated() {
            if a == "--" { break }
            if a == "--lang", k + 1 < args.count, let l = ReportLanguage(rawValue: args[k + 1]) { found = l }
            if a.hasPrefix("--lang="), let l = ReportLanguage(rawValue: String(a.dropFirst(7))) { found = l }
        }
        return found ?? fromEnvironment(environment)
    }
}
