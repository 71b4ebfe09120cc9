// Inputs and outputs of one run of the garbage-can model.

/// The order in which choices and problems enter: in step `t = 0…9` (period `t + 1`), choice
/// `choiceOrder[t]` and problems `problemOrder[2t]`, `problemOrder[2t + 1]` become active.
public struct GarbageCanEntrySequence: Hashable, Sendable {
    /// A permutation of the 10 choices (0-based ids).
    public let choiceOrder: [Int]
    /// A permutation of the 20 problems (0-based ids).
    public let problemOrder: [Int]

    /// `nil` unless `choiceOrder` is a permutation of `0..<10` and `problemOrder` of `0..<20`.
    public init?(choiceOrder: [Int], problemOrder: [Int]) {
        guard Self.isPermutation(choiceOrder, of: GarbageCanModel.choiceCount),
              Self.isPermutation(problemOrder, of: GarbageCanModel.problemCount) else { return nil }
        self.choiceOrder = choiceOrder
        self.problemOrder = problemOrder
    }

    private static func isPermutation(_ values: [Int], of n: Int) -> Bool {
        guard values.count == n else { return false }
        var seen = [Bool](repeating: false, count: n)
        for v in values {
            guard (0..<n).contains(v), !seen[v] else { return false }
            seen[v] = true
        }
        return true
    }

    /// The two choice orders of the original study (0-based).
    public static let originalChoiceOrders: [[Int]] = [
        [9, 6, 8, 4, 1, 2, 3, 0, 5, 7],
        [5, 4, 1, 9, 7, 8, 6, 3, 0, 2],
    ]

    /// The two problem orders of the original study (0-based).
    public static let originalProblemOrders: [[Int]] = [
        [7, 19, 13, 15, 5, 6, 14, 16, 1, 12, 10, 18, 3, 8, 2, 11, 0, 9, 4, 17],
        [3, 13, 10, 19, 2, 4, 1, 11, 0, 5, 7, 18, 6, 14, 15, 16, 9, 17, 8, 12],
    ]

    /// Original entry sequence `k` (0…3): choice order `k % 2`, problem order `(k / 2) % 2`.
    public static func original(_ k: Int) -> GarbageCanEntrySequence {
        GarbageCanEntrySequence(choiceOrder: originalChoiceOrders[k % 2],
                                problemOrder: originalProblemOrders[(k / 2) % 2])!
    }

    /// The four original entry sequences, k = 0…3.
    public static let originals: [GarbageCanEntrySequence] = (0..<4).map { original($0) }

    /// A random entry sequence: uniform random permutations of the choices (one per period
    /// over periods 1–10) and of the problems (two per period). Draws the choice permutation
    /// first, then the problem permutation.
    public static func random(using rng: inout GarbageCanRandom) -> GarbageCanEntrySequence {
        var choices = Array(0..<GarbageCanModel.choiceCount)
        var problems = Array(0..<GarbageCanModel.problemCount)
        rng.shuffle(&choices)
        rng.shuffle(&problems)
        return GarbageCanEntrySequence(choiceOrder: choices, problemOrder: problems)!
    }
}

/// How a choice was made.
public enum GarbageCanDecisionStyle: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The choice solved at least one problem.
    case resolution
    /// It solved none, but problems had been attached to it at some point (its required energy
    /// was above zero in some period): they left before it was made.
    case flight
    /// It solved none and no problem was ever attached to it: made while nobody looked.
    case oversight

    public var name: String {
        switch self {
        case .resolution: return "resolution"
        case .flight: return "flight"
        case .oversight: return "oversight"
        }
    }

    public var description: String { name }
}

/// Everything one run of the model produced.
public struct GarbageCanRunResult: Hashable, Sendable {
    /// For each choice (0-based), the period 1…20 in which it was made; `nil` if never.
    public var choiceClosePeriod: [Int?]
    /// For each problem (0-based), the 0-based choice that solved it; `nil` if unsolved.
    public var problemSolvedByChoice: [Int?]
    /// For each choice, how it was made; `nil` if never made.
    public var choiceStyle: [GarbageCanDecisionStyle?]
    /// Choices made by resolution.
    public var resolution: Int
    /// Choices made by flight.
    public var flight: Int
    /// Choices made by oversight.
    public var oversight: Int
    /// Problems solved by the end of period 20.
    public var problemsSolved: Int
    /// Problem latency: the number of (problem, period) pairs in which the problem was active
    /// (entered, unsolved) but attached to no choice because no accessible choice was active.
    public var problemLatency: Int
    /// Problem activity: the number of (problem, period) pairs in which the problem was attached
    /// to a choice and still unsolved at the end of the period (its choice was not made then).
    public var problemActivity: Int
    /// Decision-maker moves: the number of (decision maker, period) pairs, periods 2…20, in which
    /// the decision maker worked on a choice in the previous period and works on a different
    /// choice in this period. Being idle (no active choice it may join) in either period is not
    /// a move; a decision maker whose choice was made necessarily moves if it works again.
    public var decisionMakerMoves: Int
    /// Choices still unmade at the end of period 20.
    public var choicesUnmade: Int

    public init(choiceClosePeriod: [Int?], problemSolvedByChoice: [Int?], choiceStyle: [GarbageCanDecisionStyle?],
                resolution: Int, flight: Int, oversight: Int, problemsSolved: Int,
                problemLatency: Int, problemActivity: Int, decisionMakerMoves: Int, choicesUnmade: Int) {
        self.choiceClosePeriod = choiceClosePeriod
        self.problemSolvedByChoice = problemSolvedByChoice
        self.choiceStyle = choiceStyle
        self.resolution = resolution
        self.flight = flight
        self.oversight = oversight
        self.problemsSolved = problemsSolved
        self.problemLatency = problemLatency
        self.problemActivity = problemActivity
        self.decisionMakerMoves = decisionMakerMoves
        self.choicesUnmade = choicesUnmade
    }
}
