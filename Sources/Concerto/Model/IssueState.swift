/// An issue (dossier) in flight: where it is on its route and what happened to it so far.
/// Slots are recycled when an issue ends, so memory follows the number of open issues, not the
/// length of the run.
struct IssueState {
    var kind: Int32 = 0
    var territory: Int32 = -1
    var step: Int32 = 0
    var instance: Int32 = -1
    var emergence: Double = 0
    var attempts: Int32 = 0
    var meetings: Int32 = 0
    var urgent = false
    var delegated = false
    var measured = false
    /// The final decision was taken; remaining steps only inform.
    var decided = false
    var active = false
    /// Positions of the current instance's members (by member slot), NaN until drawn.
    var positions: [Double] = []
}

/// How an issue left the system (or not).
enum IssueOutcome { case decided, dropped, open }
