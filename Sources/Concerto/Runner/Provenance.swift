import Foundation

/// Where a result comes from (« provenance »): the Concerto version (and commit when the binary
/// sits in a git checkout), the date, the seed, the number of replications, every `--set`
/// override and, for each scenario file, its path, horizon and SHA-256 — so that a board member
/// holding a report, or a researcher holding a JSON file, can tell exactly what was run and run
/// it again. Written in the report page and in the `--format json` outputs of run, compare and
/// sweep. It never includes the thread count: outputs stay byte-identical whatever it is.
public struct Provenance: Sendable, Equatable {
    /// One scenario file as read: path as given, its SHA-256, and the horizon actually simulated.
    public struct ScenarioFile: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var scenarioID: String
        public var years: Double
        public var warmupYears: Double
        public init(path: String, sha256: String, scenarioID: String, years: Double, warmupYears: Double) {
            self.path = path; self.sha256 = sha256; self.scenarioID = scenarioID; self.years = years; self.warmupYears = warmupYears
        }
    }

    public var version: String
    /// The commit of the git checkout holding the binary, read when it runs; nil when the binary
    /// is not inside a checkout (installed elsewhere).
    public var commit: String?
    /// UTC date and time of the run, ISO 8601 (`SOURCE_DATE_EPOCH` fixes it, for reproducible files).
    public var date: String
    public var seed: UInt64
    public var replications: Int
    /// Every `--set PATH=VALUE`, in the order given.
    public var overrides: [String]
    public var scenarios: [ScenarioFile]

    public init(version: String, commit: String?, date: String, seed: UInt64, replications: Int, overrides: [String], scenarios: [ScenarioFile]) {
        self.version = version; self.commit = commit; self.date = date; self.seed = seed
        self.replications = replications; self.overrides = overrides; self.scenarios = scenarios
    }

    /// ISO 8601 UTC of `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when it
    /// is set to a whole number, else of `now`.
    public static func date(environment: [String: String], now: Date = Date()) -> String {
        let seconds: Double
        if let e = environment["SOURCE_DATE_EPOCH"], let s = Int64(e.trimmingCharacters(in: .whitespaces)), s >= 0, s < 253_402_300_800 {
            seconds = Double(s)
        } else {
            seconds = now.timeIntervalSince1970.rounded(.down)
        }
        return iso8601(seconds)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970 (proleptic Gregorian, UTC), locale-free.
    public static func iso8601(_ seconds: Double) -> String {
        let s = Int64(seconds)
        var days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let secs = s - days * 86_400
        // Civil from days (H. Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(m) + "-" + two(d)
            + "T" + two(secs / 3600) + ":" + two(secs % 3600 / 60) + ":" + two(secs % 60) + "Z"
    }

    /// The JSON object written under `"provenance"`.
    public var json: JSONValue {
        var o: [(String, JSONValue)] = [("concerto", .string(version))]
        o.append(("commit", commit.map(JSONValue.string) ?? .null))
        o.append(("date", .string(date)))
        o.append(("seed", .string(String(seed))))
        o.append(("replications", .number(Double(replications))))
        o.append(("overrides", .array(overrides.map(JSONValue.string))))
        o.append(("scenarioFiles", .array(scenarios.map { f in
            .object([("path", .string(f.path)), ("sha256", .string(f.sha256)), ("scenario", .string(f.scenarioID)),
                     ("years", .number(f.years)), ("warmupYears", .number(f.warmupYears))])
        })))
        return .object(o)
    }

    /// `value` (a JSON object) with `"provenance"` appended; other values unchanged.
    public func appended(to value: JSONValue) -> JSONValue {
        guard case .object(var members) = value else { return value }
        members.append(("provenance", json))
        return .object(members)
    }
}
