import Foundation

/// A concertation space of the territory outside the structure (a sectoral table, the CDC's
/// table, a CISSS clinical table, a municipal committee) that solicits the same partners. It
/// meets and loads its members exactly like the structure's own bodies, and lowers their
/// availability, but it takes no issue of the structure; it may be informed or consulted on one
/// that touches its themes (arrimage). Reported apart (`outsideTables` in outputs).
public struct OutsideTableSpec: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var themes: [String]
    /// The territory it serves; where it meets (default: that territory, else the first).
    public var territory: String?
    public var venue: String?
    /// Who sits on it: the same rules as an instance's membership.
    public var membership: MembershipSpec
    public var schedule: ScheduleSpec
    /// Meeting length in hours (default 2).
    public var meetingHours: Double
    /// Preparation hours per member per meeting (default 1).
    public var preparationHours: Double
    /// Organisation hours per meeting for each organiser (default 0: its organisers are not in the scenario).
    public var organiserHours: Double
    /// Partner ids who organise its meetings (default: its staff members).
    public var organisers: [String]?
    /// Agenda hours for arrimage items (default: the meeting length).
    public var agendaHours: Double?
    public var maxItems: Int?
    /// When it exists (days, or `2y`, `18m`; default: the whole run).
    public var start: Double?
    public var end: Double?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, themes, territory, venue, membership, schedule, meetingHours, preparationHours, organiserHours, organisers
        case agendaHours, maxItems, start, end
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.value(.name, default: id)
        themes = try c.value(.themes, default: [])
        territory = try c.decodeIfPresent(String.self, forKey: .territory)
        venue = try c.decodeIfPresent(String.self, forKey: .venue)
        membership = try c.value(.membership, default: MembershipSpec())
        schedule = try c.decode(ScheduleSpec.self, forKey: .schedule)
        meetingHours = try c.value(.meetingHours, default: 2)
        preparationHours = try c.value(.preparationHours, default: 1)
        organiserHours = try c.value(.organiserHours, default: 0)
        organisers = try c.decodeIfPresent([String].self, forKey: .organisers)
        agendaHours = try c.decodeIfPresent(Double.self, forKey: .agendaHours)
        maxItems = try c.wholeNumber(.maxItems)
        start = try c.days(.start)
        end = try c.days(.end)
    }
}

/// Hours a month that partners give to concertation the scenario does not model body by body
/// (other tables, committees, one-off consultations): their background load. Each partner
/// matching every filter gets, once per replication, a number of hours a month drawn from a
/// normal(mean, sd) clipped to [0, 744]; the hours load it every month like meetings do.
public struct BackgroundLoadSpec: Codable, Sendable, Equatable {
    public var sector: String?
    public var territory: String?
    public var role: String?
    public var staff: Bool?
    /// Only these partners.
    public var partners: [String]?
    /// Mean hours a month (0 to 744).
    public var hoursPerMonth: Double
    /// Standard deviation between partners (default 0).
    public var sd: Double
    /// How many tables these hours stand for (default 0; counted in `tablesPerPartner`).
    public var tables: Double

    enum CodingKeys: String, CodingKey, CaseIterable { case sector, territory, role, staff, partners, hoursPerMonth, sd, tables }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sector = try c.decodeIfPresent(String.self, forKey: .sector)
        territory = try c.decodeIfPresent(String.self, forKey: .territory)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        staff = try c.decodeIfPresent(Bool.self, forKey: .staff)
        partners = try c.decodeIfPresent([String].self, forKey: .partners)
        hoursPerMonth = try c.decode(Double.self, forKey: .hoursPerMonth)
        sd = try c.value(.sd, default: 0)
        tables = try c.value(.tables, default: 0)
    }
}
