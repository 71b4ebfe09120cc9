// The access and decision structures of the garbage-can model (Cohen, March & Olsen 1972).

/// A segmentation structure of the garbage-can model. The same three shapes are used for the
/// access structure (which problems may reach which choices) and for the decision structure
/// (which decision makers may work on which choices). Indices are 0-based; a low index means
/// "important" (important problems, decision makers and choices come first).
public enum GarbageCanStructure: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Everything may reach everything.
    case unsegmented
    /// Important problems / decision makers reach more choices: problem `p` reaches choices
    /// `c ≥ p / 2`; decision maker `d` joins choices `c ≥ d`.
    case hierarchical
    /// Each problem / decision maker has one choice: problem `p` reaches only `c = p / 2`;
    /// decision maker `d` joins only `c = d`.
    case specialized

    /// The name used in the CLI and in reports.
    public var name: String {
        switch self {
        case .unsegmented: return "unsegmented"
        case .hierarchical: return "hierarchical"
        case .specialized: return "specialized"
        }
    }

    public var description: String { name }

    /// Parses `unsegmented`, `hierarchical` or `specialized`.
    public init?(name: String) {
        guard let s = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = s
    }

    /// As an access structure: may problem `problem` be attached to choice `choice`?
    @inlinable
    public func problem(_ problem: Int, reaches choice: Int) -> Bool {
        switch self {
        case .unsegmented: return true
        case .hierarchical: return choice >= problem / 2
        case .specialized: return choice == problem / 2
        }
    }

    /// As a decision structure: may decision maker `decisionMaker` work on choice `choice`?
    @inlinable
    public func decisionMaker(_ decisionMaker: Int, joins choice: Int) -> Bool {
        switch self {
        case .unsegmented: return true
        case .hierarchical: return choice >= decisionMaker
        case .specialized: return choice == decisionMaker
        }
    }
}
