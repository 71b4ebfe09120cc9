/// A table's records (*procès-verbaux*) as Concerto reads them: its meetings with who was there,
/// the items on their agendas with what became of them, and the issues (dossiers) with the day
/// each emerged. Real minutes and simulated ones (`concerto run --records`) have this one form,
/// so the measures of both come from the same computation (`ObservedRun`).
///
/// Bodies, partners, issue kinds, themes and territories are indices into the scenario the
/// records are read with; days count from `startDate` (day 0). docs/records.md describes the
/// files.
public struct Records: Sendable {
    /// What happened to a meeting.
    public enum MeetingStatus: String, Sendable, CaseIterable {
        /// Held with its quorum: its agenda was worked through.
        case held
        /// Held without quorum: nothing decided.
        case noQuorum = "no-quorum"
        /// Adjourned because no chair came (the model then reconvenes it later).
        case adjourned
    }

    public struct Meeting: Sendable, Equatable {
        public var id: String
        public var body: Int
        public var day: Double
        /// Length of the meeting (hours), preparation and travel excluded.
        public var hours: Double
        /// Voting members present, observers present, members called who did not come, and who
        /// organised it (in the order the minutes list them).
        public var attendees: [Int]
        public var observers: [Int]
        public var absentees: [Int]
        public var organisers: [Int]
        public var status: MeetingStatus
    }

    /// What became of an item.
    public enum Outcome: String, Sendable, CaseIterable {
        case consensus
        case votePassed = "vote-passed"
        case voteFailed = "vote-failed"
        /// Discussed, no decision yet (no consensus and no vote, or nobody could sit).
        case deferred
        /// A failed vote that ended the issue.
        case dropped
        /// Heard for information.
        case informed
        /// The body was consulted (no decision needed).
        case consulted
        /// Decided (or not) by a survey of the members outside a meeting.
        case surveyPassed = "survey-passed"
        case surveyFailed = "survey-failed"

        /// Whether the step it closes succeeded with a decision (recommended, decided or ratified).
        public var succeeded: Bool { self == .consensus || self == .votePassed || self == .surveyPassed }
    }

    public struct Item: Sendable, Equatable {
        public var id: String
        /// Index of its issue in `issues`.
        public var issue: Int
        public var body: Int
        /// Index of its meeting in `meetings`; nil for a survey outside meetings.
        public var meeting: Int?
        public var day: Double
        public var act: Act
        public var outcome: Outcome
        /// Taken by the urgent delegate (the coordination committee between two Grande Tables).
        public var delegated: Bool
        /// Who voted (the room): for a survey its respondents; for an item at a meeting, the
        /// voting members present minus those who stepped out (`recused`).
        public var room: [Int]
    }

    public struct Issue: Sendable, Equatable {
        public var id: String
        public var kind: Int
        public var theme: Int?
        public var territory: Int?
        public var urgent: Bool
        public var emerged: Double
        /// Dropped outside a meeting (a deadline passed, its body ended), if it was.
        public var dropped: Double?
    }

    /// Day 0, as a calendar date.
    public var startDate: CivilDate
    /// Start of the measured window (a simulated warm-up before it) and end (days).
    public var measuredFrom: Double
    public var end: Double
    public var meetings: [Meeting] = []
    public var items: [Item] = []
    public var issues: [Issue] = []

    public init(startDate: CivilDate, measuredFrom: Double, end: Double) {
        self.startDate = startDate; self.measuredFrom = measuredFrom; self.end = end
    }

    /// Measured years (the span from `measuredFrom` to `end`).
    public var years: Double { (end - measuredFrom) / 365 }
}

/// A calendar date (proleptic Gregorian), with day arithmetic.
public struct CivilDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    public func adding(days n: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + n) }

    /// `YYYY-MM-DD` or `DD/MM/YYYY` (as French minutes write it); nil otherwise or if not a real date.
    public init?(parsing s: String) {
        let t = s.trimmingCharacters(in: .whitespaces)
        let parts: [Substring]
        let y: Int?, m: Int?, d: Int?
        if t.contains("-") {
            parts = t.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4 else { return nil }
            (y, m, d) = (Int(parts[0]), Int(parts[1]), Int(parts[2]))
        } else if t.contains("/") {
            parts = t.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4 else { return nil }
            (y, m, d) = (Int(parts[2]), Int(parts[1]), Int(parts[0]))
        } else { return nil }
        guard let y, let m, let d, (1...12).contains(m), d >= 1, y >= 1 else { return nil }
        let c = CivilDate(year: y, month: m, day: d)
        guard CivilDate(dayNumber: c.dayNumber) == c else { return nil }
        self = c
    }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: Swift.max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}

import Foundation
