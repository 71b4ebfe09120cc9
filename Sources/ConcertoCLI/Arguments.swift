import Concerto

/// A command-line usage error, shown to the user as is.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Parsed options of one command: positionals, options with values (repeatable), flags.
/// Accepts `--opt value` and `--opt=value`; `--` ends options; a value may start with `-`.
public struct ParsedArguments: Sendable {
    public var positionals: [String] = []
    var valuesByName: [String: [String]] = [:]
    var flags: Set<String> = []

    public func value(_ name: String) -> String? { valuesByName[name]?.last }
    public func values(_ name: String) -> [String] { valuesByName[name] ?? [] }
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    public static func parse(_ args: [String], options: Set<String>, flags: Set<String>) throws(UsageError) -> ParsedArguments {
        var p = ParsedArguments()
        var k = 0
        var onlyPositionals = false
        while k < args.count {
            let a = args[k]
            k += 1
            if onlyPositionals || !a.hasPrefix("--") || a == "-" {
                if !onlyPositionals && a.hasPrefix("-") && a.count > 1 && Double(a) == nil {
                    throw UsageError(message: "unknown option \(a) (options start with --)")
                }
                p.positionals.append(a); continue
            }
            if a == "--" { onlyPositionals = true; continue }
            var name = a
            var inline: String? = nil
            if let eq = a.firstIndex(of: "=") { name = String(a[..<eq]); inline = String(a[a.index(after: eq)...]) }
            if options.contains(name) {
                if let v = inline { p.valuesByName[name, default: []].append(v); continue }
                guard k < args.count else { throw UsageError(message: "option \(name) needs a value") }
                p.valuesByName[name, default: []].append(args[k]); k += 1
            } else if flags.contains(name) {
                if inline != nil { throw UsageError(message: "option \(name) takes no value") }
                p.flags.insert(name)
            } else {
                var msg = "unknown option \(name)"
                if let near = closestKey(to: name, among: Array(options.union(flags)).sorted()) { msg += " (did you mean \(near)?)" }
                throw UsageError(message: msg)
            }
        }
        return p
    }

    public func int(_ name: String, default d: Int, range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let s = value(name) else { return d }
        guard let v = Int(s), range.contains(v) else {
            throw UsageError(message: "\(name) must be an integer between \(range.lowerBound) and \(range.upperBound), got \"\(s)\"")
        }
        return v
    }

    public func double(_ name: String, default d: Double, range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let s = value(name) else { return d }
        guard let v = Double(s), v.isFinite, range.contains(v) else {
            throw UsageError(message: "\(name) must be a number between \(NumberFormat.json(range.lowerBound)) and \(NumberFormat.json(range.upperBound)), got \"\(s)\"")
        }
        return v
    }

    public func uint64(_ name: String, default d: UInt64) throws(UsageError) -> UInt64 {
        guard let s = value(name) else { return d }
        guard let v = UInt64(s) else {
            throw UsageError(message: "\(name) must be an integer between 0 and \(UInt64.max), got \"\(s)\"")
        }
        return v
    }
}
