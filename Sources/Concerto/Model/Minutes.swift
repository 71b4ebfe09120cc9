/// The minutes (*procès-verbaux*) of one replication, kept only when asked for (tests, and
/// records written in the format of a table's real minutes): every meeting with who attended,
/// every agenda item with its outcome and room, every survey, every issue from emergence to
/// its end. Indices are the structure's (partners, instances, issue kinds); issues carry a
/// serial number. Ordinary runs keep none of this.
public struct Minutes: Sendable {
    public struct Meeting: Sendable {
        public var instance: Int
        public var day: Double
        /// Called for an urgent issue rather than scheduled.
        public var extra: Bool
        /// Voting members present.
        public var attendees: [Int] = []
        /// Observers present.
        public var observers: [Int] = []
        /// Members solicited who did not attend.
        public var absentees: [Int] = []
        /// Who organised it (carries the organisation hours).
        public var organisers: [Int] = []
        public var quorumMet = false
        /// Adjourned because no chair came (reconvened later).
        public var adjourned = false
    }

    /// What happened to an item at a meeting.
    public enum ItemOutcome: String, Sendable {
        /// An information item was heard (no decision needed).
        case informed
        /// The body was consulted (arrimage): discussed, no decision needed.
        case consulted
        case consensus
        case votePassed
        case voteFailed
        /// Discussed without consensus; no vote yet.
        case noConsensus
        /// Everyone present stepped out (recusal); not discussed.
        case nobodyInRoom
    }

    public struct Item: Sendable {
        /// Index of the meeting in `meetings`.
        public var meeting: Int
        public var issue: Int
        /// The step of the issue's route (0-based).
        public var step: Int
        public var act: Act
        public var outcome: ItemOutcome
        /// The voting members in the room.
        public var room: [Int]
        /// Decided by the urgent delegate for the instance of its step.
        public var delegated: Bool
    }

    public struct Survey: Sendable {
        public var issue: Int
        public var step: Int
        /// Held by the urgent delegate for the instance of its step.
        public var delegated: Bool
        public var instance: Int
        public var day: Double
        public var respondents: [Int]
        public var passed: Bool
    }

    public enum DropReason: String, Sendable { case deadline, voteFailed, bodyEnded }

    public struct Issue: Sendable {
        public var id: Int
        public var kind: Int
        public var territory: Int?
        /// Its theme (the kind's, or drawn from the kind's shares).
        public var theme: Int?
        public var urgent: Bool
        public var emergence: Double
        /// Day of its final decision, and by which mode.
        public var decided: (day: Double, mode: DecisionMode)?
        public var dropped: (day: Double, reason: DropReason)?
        /// Day it left the system (after its last step, or dropped); nil: open at the horizon.
        public var ended: Double?
    }

    public private(set) var meetings: [Meeting] = []
    public private(set) var items: [Item] = []
    public private(set) var surveys: [Survey] = []
    /// Issues by serial number (`issues[id - 1]`).
    public private(set) var issues: [Issue] = []
    /// Regular meetings put off because their organisers were short: the instance and the day
    /// it was put off (the meeting itself is in `meetings` on the day it was held).
    public private(set) var postponements: [(instance: Int, day: Double)] = []
    /// Regular meetings cancelled because their organisers stayed short until the body's next meeting.
    public private(set) var cancellations: [(instance: Int, day: Double)] = []

    public init() {}

    mutating func postponed(instance i: Int, at day: Double) { postponements.append((i, day)) }
    mutating func cancelled(instance i: Int, at day: Double) { cancellations.append((i, day)) }

    mutating func beginMeeting(instance i: Int, at day: Double, extra: Bool) {
        meetings.append(Meeting(instance: i, day: day, extra: extra))
    }
    mutating func attended(partner p: Int, observer: Bool) {
        if observer { meetings[meetings.count - 1].observers.append(p) } else { meetings[meetings.count - 1].attendees.append(p) }
    }
    mutating func absent(partner p: Int) { meetings[meetings.count - 1].absentees.append(p) }
    mutating func organised(by p: Int) { meetings[meetings.count - 1].organisers.append(p) }
    mutating func quorum(met: Bool) { meetings[meetings.count - 1].quorumMet = met }
    mutating func adjourned() { meetings[meetings.count - 1].adjourned = true }

    mutating func item(issue: Int32, step: Int32, act: Act, outcome: ItemOutcome, room: Room, delegated: Bool) {
        items.append(Item(meeting: meetings.count - 1, issue: Int(issue), step: Int(step), act: act, outcome: outcome,
                          room: room.partnerBuffer.map { Int($0) }, delegated: delegated))
    }
    mutating func survey(issue: Int32, step: Int32, delegated: Bool, instance: Int, at day: Double, respondents: Room, passed: Bool) {
        surveys.append(Survey(issue: Int(issue), step: Int(step), delegated: delegated, instance: instance, day: day,
                              respondents: respondents.partnerBuffer.map { Int($0) }, passed: passed))
    }
    mutating func emerged(issue: Int32, kind: Int, territory: Int32?, theme: Int?, urgent: Bool, at day: Double) {
        issues.append(Issue(id: Int(issue), kind: kind, territory: territory.map { Int($0) }, theme: theme, urgent: urgent, emergence: day))
    }
    mutating func decided(issue: Int32, at day: Double, mode: DecisionMode) { issues[Int(issue) - 1].decided = (day, mode) }
    mutating func dropped(issue: Int32, at day: Double, reason: DropReason) { issues[Int(issue) - 1].dropped = (day, reason) }
    mutating func ended(issue: Int32, at day: Double) { issues[Int(issue) - 1].ended = day }
}
