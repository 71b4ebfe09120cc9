/// One dimension of an explore design as PRIM sees it: its name, the interval it was sampled
/// over, and whether it takes a few separate values (a count of meetings, a number of seats)
/// rather than any value of the interval.
///
/// The interval is the box PRIM starts from: a side of a box is *restricted* when its limit
/// differs from the parameter's bound, whatever the sampled points' smallest or largest value.
public struct PRIMParameter: Sendable, Hashable {
    /// The name the design uses (a `--set` path such as `partnerDefaults.capacityHoursPerMonth`).
    public var name: String
    /// The smallest value the parameter may take.
    public var lower: Double
    /// The largest value the parameter may take.
    public var upper: Double
    /// True when the parameter takes separate values: PRIM then peels and pastes whole values
    /// and the box's limits are values that occur in the design (inclusive), never midpoints.
    public var isDiscrete: Bool

    public init(name: String, lower: Double, upper: Double, isDiscrete: Bool = false) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.isDiscrete = isDiscrete
    }
}
