import Foundation

/// Who comes to meetings: P(attend) = engagement × availability(load ratio) × max(interestFloor, interest).
public struct AttendanceSpec: Codable, Sendable, Equatable {
    /// Lowest interest factor (default 0.3).
    public var interestFloor: Double = 0.3
    /// Interest factor of members holding a seat by mandate (quota, named, elected): the seat
    /// is a commitment, whatever the theme (default 0.9).
    public var mandateInterest: Double = 0.9
    /// Shape of availability beyond a load ratio of 1: exponential (exp(−s(r−1))) | linear (max(0, 1 − s(r−1))) (default exponential).
    public var availabilityShape: String = "exponential"
    /// Steepness s of the availability fall (default 1.5).
    public var availabilitySteepness: Double = 1.5
    /// Share of the meeting and preparation hours an absent member still spends (reading, reporting back; default 0.25).
    public var absentCostFraction: Double = 0.25
    /// Hours a member spends answering a decision survey (default 0.5).
    public var surveyHours: Double = 0.5
    enum CodingKeys: String, CodingKey, CaseIterable { case interestFloor, mandateInterest, availabilityShape, availabilitySteepness, absentCostFraction, surveyHours }
    public init() {}
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AttendanceSpec()
        interestFloor = try c.value(.interestFloor, default: d.interestFloor)
        mandateInterest = try c.value(.mandateInterest, default: d.mandateInterest)
        availabilityShape = try c.value(.availabilityShape, default: d.availabilityShape)
        availabilitySteepness = try c.value(.availabilitySteepness, default: d.availabilitySteepness)
        absentCostFraction = try c.value(.absentCostFraction, default: d.absentCostFraction)
        surveyHours = try c.value(.surveyHours, default: d.surveyHours)
    }
}

/// Distribution of initial positions in [0,1] on an issue: a normal clipped to [0,1].
public struct PositionDistribution: Codable, Sendable, Equatable, BitwiseCopyable {
    public var mean: Double
    public var sd: Double
    enum CodingKeys: String, CodingKey, CaseIterable { case mean, sd }
    public init(mean: Double, sd: Double) { self.mean = mean; self.sd = sd }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mean = try c.decode(Double.self, forKey: .mean)
        sd = try c.decode(Double.self, forKey: .sd)
    }
}

/// How a room reaches a decision.
public struct DeliberationSpec: Codable, Sendable, Equatable {
    /// probabilistic | boundedConfidence (default boundedConfidence).
    public var model: String = "boundedConfidence"
    /// probabilistic: probability of consensus at one attempt (default 0.6).
    public var consensusProbability: Double = 0.6
    /// probabilistic: the probability is multiplied by (1 − penalty × Blau heterogeneity of the room's sectors) (default 0).
    public var heterogeneityPenalty: Double = 0
    /// boundedConfidence: confidence bound ε (default 0.3).
    public var epsilon: Double = 0.3
    /// boundedConfidence: convergence rate μ (default 0.3).
    public var mu: Double = 0.3
    /// boundedConfidence: pairwise exchanges per hour of discussion (default 30).
    public var exchangesPerHour: Double = 30
    /// Consensus holds when no present member's position is below this (nobody blocks; default 0.3).
    public var consentThreshold: Double = 0.3
    /// A member votes for when its position is at least this (default 0.5).
    public var supportThreshold: Double = 0.5
    /// Initial positions of members of sectors not listed in `bySector` (default mean 0.6, sd 0.2).
    public var positions: PositionDistribution = PositionDistribution(mean: 0.6, sd: 0.2)
    /// Initial positions per sector id.
    public var positionsBySector: [String: PositionDistribution] = [:]
    enum CodingKeys: String, CodingKey, CaseIterable {
        case model, consensusProbability, heterogeneityPenalty, epsilon, mu, exchangesPerHour, consentThreshold, supportThreshold, positions, positionsBySector
    }
    public init() {}
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DeliberationSpec()
        model = try c.value(.model, default: d.model)
        consensusProbability = try c.value(.consensusProbability, default: d.consensusProbability)
        heterogeneityPenalty = try c.value(.heterogeneityPenalty, default: d.heterogeneityPenalty)
        epsilon = try c.value(.epsilon, default: d.epsilon)
        mu = try c.value(.mu, default: d.mu)
        exchangesPerHour = try c.value(.exchangesPerHour, default: d.exchangesPerHour)
        consentThreshold = try c.value(.consentThreshold, default: d.consentThreshold)
        supportThreshold = try c.value(.supportThreshold, default: d.supportThreshold)
        positions = try c.value(.positions, default: d.positions)
        positionsBySector = try c.value(.positionsBySector, default: d.positionsBySector)
    }
}

/// Monthly engagement dynamics and attrition.
public struct EngagementSpec: Codable, Sendable, Equatable {
    /// Engagement lost per month per unit of load ratio above 1 (default 0.08).
    public var overloadDecay: Double = 0.08
    /// Share of the gap to baseline recovered per month when under capacity (default 0.15).
    public var recoveryRate: Double = 0.15
    /// Engagement gained by each member present when an issue it deliberated on is decided (default 0.01).
    public var decisionBoost: Double = 0.01
    /// Below this engagement a partner leaves the open instances (attrition; default 0.2).
    public var exitThreshold: Double = 0.2
    /// Overload that lasts: the months over capacity counted over this many months (default 12, at most 60)...
    public var burnoutWindowMonths: Int = 12
    /// ...beyond this many (a busy month now and then is normal; default 3)...
    public var burnoutToleranceMonths: Int = 3
    /// ...each raise the monthly probability that an organisation leaves (or a coordinator
    /// quits) by this much (default 0.01: overloaded 6 months out of 12, about 3 % a month). Assumption.
    public var burnoutHazardPerMonth: Double = 0.01
    /// Share of staff (coordinators) who leave their post in a year (default 0.3: CALIBRATION 25–35 %).
    public var staffTurnoverPerYear: Double = 0.3
    /// Days a post stays vacant when its holder leaves (default 90).
    public var staffVacancyDays: Double = 90
    enum CodingKeys: String, CodingKey, CaseIterable {
        case overloadDecay, recoveryRate, decisionBoost, exitThreshold, burnoutWindowMonths, burnoutToleranceMonths, burnoutHazardPerMonth, staffTurnoverPerYear, staffVacancyDays
    }
    public init() {}
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = EngagementSpec()
        overloadDecay = try c.value(.overloadDecay, default: d.overloadDecay)
        recoveryRate = try c.value(.recoveryRate, default: d.recoveryRate)
        decisionBoost = try c.value(.decisionBoost, default: d.decisionBoost)
        exitThreshold = try c.value(.exitThreshold, default: d.exitThreshold)
        burnoutWindowMonths = try c.value(.burnoutWindowMonths, default: d.burnoutWindowMonths)
        burnoutToleranceMonths = try c.value(.burnoutToleranceMonths, default: d.burnoutToleranceMonths)
        burnoutHazardPerMonth = try c.value(.burnoutHazardPerMonth, default: d.burnoutHazardPerMonth)
        staffTurnoverPerYear = try c.value(.staffTurnoverPerYear, default: d.staffTurnoverPerYear)
        staffVacancyDays = try c.value(.staffVacancyDays, default: d.staffVacancyDays)
    }
}

/// Support that pays off: meetings need their organisers. When an organiser is over capacity or
/// its post is vacant, a meeting is postponed or held with a shorter prepared agenda; a support
/// team (an instance of kind `support`, e.g. the ADOC) that convenes a body's members raises
/// their attendance.
public struct SupportSpec: Codable, Sendable, Equatable {
    /// none | postpone | shortenAgenda (default postpone).
    public var organiserShortfall: String = "postpone"
    /// Days a meeting is put off when its organisers are short (default 14); put off again while
    /// they stay short, and cancelled when that would reach the body's next meeting.
    public var postponeDays: Double = 14
    /// Share of the agenda time a meeting keeps when its organiser is short (default 0.5).
    public var shortenedAgendaShare: Double = 0.5
    /// Attendance probability multiplier at bodies organised by a support team's member (default 1.15).
    public var supportAttendanceFactor: Double = 1.15
    enum CodingKeys: String, CodingKey, CaseIterable { case organiserShortfall, postponeDays, shortenedAgendaShare, supportAttendanceFactor }
    public init() {}
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SupportSpec()
        organiserShortfall = try c.value(.organiserShortfall, default: d.organiserShortfall)
        postponeDays = try c.value(.postponeDays, default: d.postponeDays)
        shortenedAgendaShare = try c.value(.shortenedAgendaShare, default: d.shortenedAgendaShare)
        supportAttendanceFactor = try c.value(.supportAttendanceFactor, default: d.supportAttendanceFactor)
    }
}
