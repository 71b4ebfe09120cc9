import Foundation

/// What a value of the scenario format may be: a number, a whole number, a duration, text, a
/// yes/no, a list, a table keyed by ids (`interests`, `travelHours`) or an object with known
/// keys. ``ScenarioFormat`` describes the whole format with it, so that `--set`, `--vary` and
/// explore paths may name any value of the format, written in the file or left at its default.
public indirect enum FormatType: Sendable, Equatable {
    /// A number (`0.3`, `20`).
    case number
    /// A whole number (`12`).
    case wholeNumber
    /// A number of days or a duration written `2y`, `18m`, `45d`.
    case days
    /// Text (an id, a name, a word such as `exponential`).
    case text
    /// `true` or `false`.
    case boolean
    /// A list; its elements are addressed by their `id` (or index) or all at once with `*`.
    case list(FormatType)
    /// An object whose keys are ids chosen by the planner (`interests`: theme id → interest).
    case table(FormatType)
    /// An object with known keys; `annotationKeys` (`source`, `sources`, `note`, ...) are allowed too.
    case object([String: FormatType])
    /// Either of two forms (`arrimage`: a word or an object; a delegation `count`: a number or `{min, max}`).
    case either(FormatType, FormatType)
    /// Anything (the `ranges` notes of explore, checked elsewhere).
    case any

    /// The type of member `key` of an object (or of a table entry), nil when the format has no such key.
    public func member(_ key: String) -> FormatType? {
        switch self {
        case .object(let keys):
            if let t = keys[key] { return t }
            switch key {
            case "sources": return .table(.text)
            case "ranges": return .any
            case "source", "note", "comment", "description": return .text
            default: return nil
            }
        case .table(let t): return t
        case .either(let a, let b): return a.member(key) ?? b.member(key)
        case .any: return .any
        default: return nil
        }
    }

    /// The type of the elements of a list, nil when this is not a list.
    public var element: FormatType? {
        switch self {
        case .list(let t): return t
        case .either(let a, let b): return a.element ?? b.element
        case .any: return .any
        default: return nil
        }
    }

    /// The known keys of an object (sorted), for messages; empty for other types.
    public var keys: [String] {
        switch self {
        case .object(let keys): return keys.keys.sorted()
        case .either(let a, let b): return a.keys + b.keys
        default: return []
        }
    }

    /// Whether a key of an object may be any id (a table), so that a new one may be written.
    public var acceptsAnyKey: Bool {
        switch self {
        case .table, .any: return true
        case .either(let a, let b): return a.acceptsAnyKey || b.acceptsAnyKey
        default: return false
        }
    }

    /// An empty container of this type, created when a path goes through a key left at its
    /// default (`attendance` absent: `{}`), nil for a single value.
    public var emptyContainer: JSONValue? {
        switch self {
        case .object, .table: return .object([])
        case .list: return .array([])
        case .either(let a, let b): return a.emptyContainer ?? b.emptyContainer
        default: return nil
        }
    }

    /// Whether a value of this type is text (so that `--set name=2026` stays the text "2026").
    public var isText: Bool { self == .text }

    /// The type in words, for messages and docs: "a number", "a list of objects".
    public var description: String {
        switch self {
        case .number: return "a number"
        case .wholeNumber: return "a whole number"
        case .days: return "a number of days or a duration (2y, 18m, 45d)"
        case .text: return "text"
        case .boolean: return "true or false"
        case .list(let t): return "a list of " + t.plural
        case .table(let t): return "a table of " + t.plural + " by id"
        case .object: return "an object"
        case .either(let a, let b): return a.description + " or " + b.description
        case .any: return "any value"
        }
    }

    private var plural: String {
        switch self {
        case .number: return "numbers"
        case .wholeNumber: return "whole numbers"
        case .days: return "days"
        case .text: return "texts"
        case .boolean: return "true/false values"
        case .list: return "lists"
        case .table: return "tables"
        case .object: return "objects"
        case .either, .any: return "values"
        }
    }

    /// Every path below this type with the type found there, lists written `*`, table keys
    /// `ID` (`partners.*.interests.ID`), in alphabetical order of keys. Annotation keys are left out.
    public func paths(prefix: String = "") -> [(path: String, type: FormatType)] {
        func join(_ k: String) -> String { prefix.isEmpty ? k : prefix + "." + k }
        switch self {
        case .object(let keys):
            return keys.keys.sorted().flatMap { k in [(join(k), keys[k]!)] + keys[k]!.paths(prefix: join(k)) }
        case .list(let t): return [(join("*"), t)] + t.paths(prefix: join("*"))
        case .table(let t): return [(join("ID"), t)] + t.paths(prefix: join("ID"))
        case .either(let a, let b): return a.paths(prefix: prefix) + b.paths(prefix: prefix)
        default: return []
        }
    }
}
