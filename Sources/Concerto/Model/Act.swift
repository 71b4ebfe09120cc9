/// What an instance does with an issue at one step of its route.
public enum Act: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    /// Deliberates and passes a recommendation on (Lanaudière analysis committee, CRS).
    case recommend
    /// Decides (Grande Table on priorities, a comité de travail on its enjeu).
    case decide
    /// Ratifies a decision taken below (TPL board, ORBITE on satellite envelopes).
    case ratify
    /// Is informed: takes agenda time, needs no decision.
    case inform
    /// Is consulted: discusses the issue for its discussion time, then passes it on without a
    /// decision (arrimage with a body holding the same theme).
    case consult

    public init?(name: String) {
        switch name {
        case "recommend": self = .recommend
        case "decide": self = .decide
        case "ratify": self = .ratify
        case "inform": self = .inform
        case "consult": self = .consult
        default: return nil
        }
    }
    public var name: String {
        switch self {
        case .recommend: return "recommend"
        case .decide: return "decide"
        case .ratify: return "ratify"
        case .inform: return "inform"
        case .consult: return "consult"
        }
    }
    /// Whether the act requires the room to reach a decision.
    public var needsDecision: Bool { self != .inform && self != .consult }
}

/// How a decision was reached.
public enum DecisionMode: Int, Sendable, CaseIterable, BitwiseCopyable {
    case consensus = 0, vote, delegated, survey
}
