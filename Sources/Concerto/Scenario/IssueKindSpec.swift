import Foundation

/// A kind of issue (dossier) arriving as a Poisson process, with the route it follows:
/// priority setting, action-plan adoption, fund allocation, project approval, position-taking,
/// urgent decision, information sharing.
public struct IssueKindSpec: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// priority | actionPlan | budget | project | position | urgent | information | other (reporting only).
    public var category: String
    public var theme: String?
    /// Instead of `theme`: each issue's theme drawn from these shares (theme id → share, summing
    /// to 1), so one kind covers every thematic committee (with `instanceWithTheme` steps).
    public var themeShares: [String: Double]?
    /// Mean arrivals per year (per territory when `perTerritory`).
    public var ratePerYear: Double
    /// One Poisson process per territory; the issue belongs to that territory (default false).
    public var perTerritory: Bool
    /// Restricts `perTerritory` to these territories (default: all).
    public var territories: [String]?
    /// Share of issues of this kind that are urgent (default 0; 1 for category urgent).
    public var urgentShare: Double
    /// Agenda hours each discussion of the issue takes (default 0.5).
    public var discussionHours: Double
    /// Agenda hours the issue takes at an `inform` step (a report-back; default 0.15).
    public var informHours: Double
    /// The steps, in order.
    public var route: [RouteStepSpec]
    /// An issue still undecided this many days after it emerged is dropped (default: never).
    public var dropAfterDays: Double?
    /// An issue still open at the horizon this many days after it emerged counts as stuck rather
    /// than in progress (`stuckShare`, `inProgressShare`); measures only (default 365).
    public var stuckAfterDays: Double?
    /// Overrides the position distribution of every sector for this kind.
    public var positions: PositionDistribution?
    /// Arrimage with the other bodies of the territory that hold the kind's theme: none (default),
    /// inform or consult them before the decision.
    public var arrimage: ArrimageSpec
    /// Arrivals only from `start` to `end` (days from day 0, or `2y`, `18m`; default: the whole run).
    public var start: Double?
    public var end: Double?
    /// A template instance: the final decision on an issue creates that template's body for the
    /// issue's theme (Sept-Rivières: « un comité de travail pour chaque enjeu priorisé »).
    public var creates: String?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, category, theme, themeShares, ratePerYear, perTerritory, territories, urgentShare, discussionHours, informHours, route, dropAfterDays, positions
        case stuckAfterDays, arrimage, start, end, creates
    }
    /// Age beyond which an issue open at the horizon is stuck, when the scenario does not say.
    public static let defaultStuckAfterDays = 365.0
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.value(.name, default: id)
        category = try c.value(.category, default: "other")
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        themeShares = try c.decodeIfPresent([String: Double].self, forKey: .themeShares)
        ratePerYear = try c.decode(Double.self, forKey: .ratePerYear)
        perTerritory = try c.value(.perTerritory, default: false)
        territories = try c.decodeIfPresent([String].self, forKey: .territories)
        urgentShare = try c.value(.urgentShare, default: category == "urgent" ? 1 : 0)
        discussionHours = try c.value(.discussionHours, default: 0.5)
        informHours = try c.value(.informHours, default: 0.15)
        route = try c.decode([RouteStepSpec].self, forKey: .route)
        dropAfterDays = try c.decodeIfPresent(Double.self, forKey: .dropAfterDays)
        stuckAfterDays = try c.decodeIfPresent(Double.self, forKey: .stuckAfterDays)
        positions = try c.decodeIfPresent(PositionDistribution.self, forKey: .positions)
        arrimage = try c.value(.arrimage, default: ArrimageSpec())
        start = try c.days(.start)
        end = try c.days(.end)
        creates = try c.decodeIfPresent(String.self, forKey: .creates)
    }
}

/// One step of a route: an instance (or "the instance of this kind in the issue's territory",
/// or "the instance of this kind holding the issue's theme") and an act: recommend, decide,
/// ratify, inform or consult.
public struct RouteStepSpec: Codable, Sendable, Equatable {
    public var instance: String?
    /// Instead of `instance`: the instance of this kind whose territory is the issue's.
    public var instanceKind: String?
    /// Instead of `instance`: the instance of this kind that holds the issue's theme.
    public var instanceWithTheme: String?
    public var act: String
    enum CodingKeys: String, CodingKey, CaseIterable { case instance, instanceKind, instanceWithTheme, act }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        instance = try c.decodeIfPresent(String.self, forKey: .instance)
        instanceKind = try c.decodeIfPresent(String.self, forKey: .instanceKind)
        instanceWithTheme = try c.decodeIfPresent(String.self, forKey: .instanceWithTheme)
        act = try c.decode(String.self, forKey: .act)
    }
}

/// *Arrimage*: before a decision, the issue goes to the other bodies of the territory (the
/// structure's or outside it) that hold its theme, to inform or consult them. Written as a word
/// (`"none"`, `"inform"`, `"consult"`: every other body holding the theme) or as an object
/// naming the bodies (`{"act": "consult", "with": ["table-cdc"]}`).
public struct ArrimageSpec: Codable, Sendable, Equatable {
    /// none | inform | consult.
    public var act: String
    /// The bodies (default: every body holding the theme that is not on the route).
    public var with: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable { case act, with }
    public init() { act = "none"; with = nil }
    public init(from decoder: any Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            act = word; with = nil
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        act = try c.decode(String.self, forKey: .act)
        with = try c.decodeIfPresent([String].self, forKey: .with)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(act, forKey: .act)
        try c.encodeIfPresent(with, forKey: .with)
    }
}
