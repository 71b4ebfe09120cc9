/// The order of model events that fall on the same day (lower runs first; among equals, the
/// one scheduled first). Each case says why it sorts where it does. The calendar stores the
/// raw value next to the event's sequence number.
enum EventPriority: Int32 {
    /// The month closes first: engagement and last month's load ratio are settled before any
    /// meeting of the new month reads them.
    case monthTick = 0
    /// Elections renew elected seats before a meeting held the same day, so the new members sit.
    case election = 1
    /// Bodies start and end (phases, reforms) before that day's issues and meetings: an issue
    /// emerging on a reform day goes to the new body.
    case phase = 2
    /// Issues that emerge on a meeting day can be on that meeting's agenda.
    case arrival = 5
    /// Meetings: this value plus the depth of the instance's schedule coupling, so a satellite
    /// afternoon (coupled to the ORBITE morning) meets after the morning it follows, and a
    /// comité called for an extra meeting sorts like its regular meetings.
    case meeting = 10
    /// A survey of the members closes after that day's meetings (it does not take their room).
    case surveyClose = 50

    /// The priority of a meeting of an instance coupled `depth` levels below a scheduled one.
    static func meeting(couplingDepth depth: Int32) -> Int32 { EventPriority.meeting.rawValue + depth }
}

/// What a model event on the engine's calendar is (`Event.kind`), with the meaning of its
/// `subject` and `payload`.
enum ModelEvent: UInt16 {
    /// A regular (or coupled) meeting of instance `subject`.
    case meeting = 1
    /// An extra meeting of instance `subject`, called for an urgent issue.
    case extraMeeting
    /// An issue of kind `subject` emerges; `payload` is its territory index + 1 (0: no territory).
    case arrival
    /// The end of a simulated month; `payload` is the index of the month that ends.
    case monthTick
    /// The survey on the issue in slot `payload` closes.
    case surveyClose
    /// The elected seats of instance `subject` are renewed.
    case election
    /// A regular meeting of instance `subject`, put off because its organisers were short
    /// (`SupportRules.organiserShortfall == .postpone`); held whatever their load then.
    case postponedMeeting
    /// Instance `subject` starts (its phase begins).
    case bodyStart
    /// Instance `subject` ends: its waiting issues go to its successor or are dropped.
    case bodyEnd
    /// Instance `subject`, created at day `payload` (bit pattern), reaches its lifetime.
    case lifetimeEnd
}

/// Purposes of the independent random streams of one replication: separate streams keep common
/// random numbers across scenario variants (meeting more often does not shift arrivals).
enum StreamPurpose: UInt64 {
    case arrivals = 1, schedule, attendance, deliberation, membership, surveys, background, turnover, themes, joins
}
