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
    enum CodingKeys: String, CodingKey, CaseIterable { case overloadDecay, recoveryRate, decisionBoost, exitThreshold }
    public init() {}
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = EngagementSpec()
        overloadDecay = try c.value(.overloadDecay, default: d.overloadDecay)
        recoveryRate = try c.value(.recoveryRate, default: d.recoveryRate)
        decisionBoost = try c.value(.decisionBoost, default: d.decisionBoost)
        exitThreshold = try c.value(.exitThreshold, default: d.exitThreshold)
    }
}
