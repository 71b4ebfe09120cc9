import Concerto

/// A command-line usage error, shown to the user as is (exit code 2).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. "option --seed needs a value".
    public var message: String
    /// Creates an error; control characters are escaped and long values shortened (``MessageText``).
    public init(message: String) { self.message = MessageText.clean(message) }
    /// Creates an error; control characters are escaped and long values shortened (``MessageText``).
    public init(_ message: String) { self.message = MessageText.clean(message) }
    /// The message.
    public var description: String { message }
}

/// The parsed arguments of one subcommand: positionals, options with values, and flags.
///
/// Syntax accepted by ``parse(_:options:flags:)``:
/// - `--opt value` and `--opt=value` for options that take a value; a value may start with `-`
///   (`--seed -1` gives `--seed` the value "-1"), but not with `--` unless written `--opt=--x`;
/// - `--flag` for flags (`--flag=x` is an error);
/// - `--` ends options: everything after it is positional;
/// - `-` alone and negative numbers (`-3`, `-0.5`) are positionals;
/// - options may repeat (`--set a=1 --set b=2`): ``values(_:)`` returns all in order and
///   ``value(_:)`` the last;
/// - single-dash names (`-o`) are options or flags only when listed in `options` or `flags`.
public struct ParsedArguments: Sendable {
    /// Arguments that are not options, in order.
    public var positionals: [String] = []
    /// Option values by option name (with its dashes), in the order given.
    var valuesByName: [String: [String]] = [:]
    /// Flags present.
    var flagsPresent: Set<String> = []

    /// An empty result (no positionals, options or flags).
    public init() {}

    /// The value of an option given once or more (the last one wins), or nil when absent.
    public func value(_ name: String) -> String? { valuesByName[name]?.last }

    /// All values of a repeatable option (`--set`, `--vary`), in command-line order.
    public func values(_ name: String) -> [String] { valuesByName[name] ?? [] }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { flagsPresent.contains(name) }

    /// Whether an option or flag was given at all.
    public func has(_ name: String) -> Bool { valuesByName[name] != nil || flagsPresent.contains(name) }

    /// Whether `s` reads as a number (so `-1` is a value or positional, not an option).
    static func isNumber(_ s: String) -> Bool {
        DecimalComma.number(s) != nil
    }

    /// Parses a subcommand's arguments (the subcommand word already removed).
    ///
    /// - Parameters:
    ///   - options: names (with dashes, e.g. `--seed`) of options that take a value.
    ///   - flags: names of options that take no value.
    /// - Throws: ``UsageError`` for an unknown option (suggesting the closest known name:
    ///   "unknown option --replicatons (did you mean --replications?)"), an option without its
    ///   value ("option --seed needs a value"), or a flag given a value.
    public static func parse(_ args: [String], options: Set<String>, flags: Set<String>) throws(UsageError) -> ParsedArguments {
        var p = ParsedArguments()
        let known = options.union(flags).sorted()
        var k = 0
        while k < args.count {
            let a = args[k]
            k += 1
            if a == "--" {
                p.positionals.append(contentsOf: args[k...])
                break
            }
            guard a.hasPrefix("-"), a != "-", !isNumber(a) else {
                p.positionals.append(a)
                continue
            }
            var name = a
            var inline: String?
            if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
                name = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            if options.contains(name) {
                if let v = inline {
                    if v.isEmpty { throw UsageError(message: "option \(name) needs a value (nothing after '=')") }
                    p.valuesByName[name, default: []].append(v)
                    continue
                }
                guard k < args.count, !(args[k].hasPrefix("--") && !isNumber(args[k])) else {
                    throw UsageError(message: "option \(name) needs a value")
                }
                p.valuesByName[name, default: []].append(args[k])
                k += 1
            } else if flags.contains(name) {
                if inline != nil { throw UsageError(message: "option \(name) takes no value") }
                p.flagsPresent.insert(name)
            } else {
                var message = "unknown option \(name)"
                let bare = name.drop(while: { $0 == "-" })
                if let near = closestKey(to: name, among: known)
                    ?? known.first(where: { $0.drop(while: { $0 == "-" }) == bare }) {
                    message += " (did you mean \(near)?)"
                } else if known.isEmpty {
                    message += " (this command takes no options)"
                } else {
                    message += " (options: \(known.joined(separator: ", ")))"
                }
                throw UsageError(message: message)
            }
        }
        return p
    }

    /// The integer value of an option, or `default` when absent.
    ///
    /// - Throws: ``UsageError`` like `--replications must be an integer between 1 and 1000000,
    ///   got "0"` when the value is not an integer or is outside `range`.
    public func int(_ name: String, default d: Int, range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let s = value(name) else { return d }
        guard let v = Int(s), range.contains(v) else {
            throw UsageError(message: "\(name) must be an integer between \(range.lowerBound) and \(range.upperBound), got \"\(s)\"")
        }
        return v
    }

    /// The numeric value of an option, or `default` when absent; a decimal comma is accepted
    /// (`--years 2,5`). NaN and infinities are refused.
    ///
    /// - Throws: ``UsageError`` like `--years must be a number between 0.01 and 200, got "1e9"`.
    public func double(_ name: String, default d: Double, range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let s = value(name) else { return d }
        guard let v = DecimalComma.number(s), v.isFinite, range.contains(v) else {
            throw UsageError(message: "\(name) must be a number between \(NumberFormat.json(range.lowerBound)) and \(NumberFormat.json(range.upperBound)), got \"\(s)\"")
        }
        return v
    }

    /// The unsigned 64-bit value of an option (e.g. a seed), or `default` when absent.
    ///
    /// - Throws: ``UsageError`` like `--seed must be an integer between 0 and
    ///   18446744073709551615, got "-1"`.
    public func uint64(_ name: String, default d: UInt64, range: ClosedRange<UInt64> = 0...UInt64.max) throws(UsageError) -> UInt64 {
        guard let s = value(name) else { return d }
        guard let v = UInt64(s), range.contains(v) else {
            throw UsageError(message: "\(name) must be an integer between \(range.lowerBound) and \(range.upperBound), got \"\(s)\"")
        }
        return v
    }
}
