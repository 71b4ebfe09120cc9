import Foundation

/// What is known about one uncertain scenario value (a meeting frequency, a capacity, a
/// probability of consensus): the range it may take and which values are more plausible.
///
/// A design places its points in the unit cube; `value(at:)` turns a point's coordinate u into
/// the parameter's value by the inverse of the cumulative distribution (the quantile), so
/// points spread evenly in the cube are spread according to the distribution in the parameter.
public enum UncertaintyDistribution: Sendable, Hashable {
    /// Every value in [low, high] equally plausible.
    case uniform(low: Double, high: Double)
    /// Values near `mode` most plausible, falling linearly to zero at `low` and `high`.
    case triangular(low: Double, mode: Double, high: Double)
    /// A normal distribution of the given mean and standard deviation, restricted to
    /// [low, high] (either bound may be infinite) and rescaled to total probability 1.
    case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)
    /// Each listed value equally plausible. The unit interval is cut into as many equal parts,
    /// in the order given: list ordered values in increasing order so that a larger u never
    /// gives a smaller value (Morris elementary effects read the direction of a step).
    case discrete([Double])

    /// What is wrong with the distribution, in plain words, or `nil` when it is well formed.
    public var problem: String? {
        switch self {
        case let .uniform(low, high):
            guard low.isFinite, high.isFinite else { return "uniform bounds must be finite numbers" }
            return low <= high ? nil : "uniform: low (\(low)) is above high (\(high))"
        case let .triangular(low, mode, high):
            guard low.isFinite, mode.isFinite, high.isFinite else { return "triangular bounds and mode must be finite numbers" }
            return low <= mode && mode <= high ? nil : "triangular: expected low ≤ mode ≤ high, got \(low), \(mode), \(high)"
        case let .truncatedNormal(mean, sd, low, high):
            guard mean.isFinite, sd.isFinite else { return "truncated normal: mean and sd must be finite numbers" }
            guard sd > 0 else { return "truncated normal: sd must be positive, got \(sd)" }
            guard !low.isNaN, !high.isNaN, low < high else { return "truncated normal: low must be below high, got \(low), \(high)" }
            let (lower, upper) = low > mean
                ? Self.tailProbabilities(mean: -mean, sd: sd, low: -high, high: -low)
                : Self.tailProbabilities(mean: mean, sd: sd, low: low, high: high)
            return upper - lower > 0 ? nil : "truncated normal: [\(low), \(high)] is too far in the tail of N(\(mean), \(sd)) to hold any probability"
        case let .discrete(values):
            guard !values.isEmpty else { return "discrete: at least one value is needed" }
            return values.allSatisfy(\.isFinite) ? nil : "discrete values must be finite numbers"
        }
    }

    /// The smallest and largest values the parameter can take.
    /// - Precondition: the distribution is well formed (`problem == nil`).
    public var support: ClosedRange<Double> {
        switch self {
        case let .uniform(low, high), let .triangular(low, _, high), let .truncatedNormal(_, _, low, high):
            return low...high
        case let .discrete(values):
            return values.min()!...values.max()!
        }
    }

    /// The parameter value at unit coordinate `u`: the smallest value whose cumulative
    /// probability reaches u (the quantile). Designs give u in [0, 1); u = 1 (the top level of a
    /// Morris grid) gives the upper end of the support. The truncated normal uses the normal
    /// quantile of `StandardNormal`, computed in the tail nearer the interval so that intervals
    /// far from the mean keep their accuracy.
    ///
    /// - Precondition: the distribution is well formed (`problem == nil`) and `0 <= u <= 1`.
    /// - Complexity: O(1).
    public func value(at u: Double) -> Double {
        precondition(u >= 0 && u <= 1, "UncertaintyDistribution.value(at:): u must lie in [0, 1], got \(u)")
        switch self {
        case let .uniform(low, high):
            return Swift.min(high, low + u * (high - low))
        case let .triangular(low, mode, high):
            let width = high - low
            guard width > 0 else { return low }
            if u * width < mode - low {
                return low + (u * width * (mode - low)).squareRoot()
            }
            return high - ((1 - u) * width * (high - mode)).squareRoot()
        case let .truncatedNormal(mean, sd, low, high):
            // Work on whichever side of the mean keeps the probabilities small (accurate): if the
            // interval lies above the mean, take the mirror image N(−mean, sd) on [−high, −low].
            let mirrored = low > mean
            let (m, lo, hi, v) = mirrored ? (-mean, -high, -low, 1 - u) : (mean, low, high, u)
            let (lower, upper) = Self.tailProbabilities(mean: m, sd: sd, low: lo, high: hi)
            let p = lower + v * (upper - lower)
            let x = m + sd * StandardNormal.quantile(Swift.min(Swift.max(p, 0), 1))
            let y = Swift.min(Swift.max(x, lo), hi)
            return mirrored ? -y : y
        case let .discrete(values):
            return values[Swift.min(Int(u * Double(values.count)), values.count - 1)]
        }
    }

    /// The probability that the parameter is at most `x` (the cumulative distribution).
    /// For `discrete`, the share of listed values at most `x`.
    /// - Complexity: O(1), O(values) for `discrete`.
    public func cumulativeProbability(_ x: Double) -> Double {
        switch self {
        case let .uniform(low, high):
            if x < low { return 0 }
            return x >= high ? 1 : (x - low) / (high - low)
        case let .triangular(low, mode, high):
            if x < low { return 0 }
            if x >= high { return 1 }
            if x <= mode { return (x - low) * (x - low) / ((high - low) * (mode - low)) }
            return 1 - (high - x) * (high - x) / ((high - low) * (high - mode))
        case let .truncatedNormal(mean, sd, low, high):
            if x < low { return 0 }
            if x >= high { return 1 }
            let (lower, upper) = Self.tailProbabilities(mean: mean, sd: sd, low: low, high: high)
            let (_, below) = Self.tailProbabilities(mean: mean, sd: sd, low: low, high: x)
            return (below - lower) / (upper - lower)
        case let .discrete(values):
            return Double(values.lazy.filter { $0 <= x }.count) / Double(values.count)
        }
    }

    /// Φ((low − mean)/sd) and Φ((high − mean)/sd).
    private static func tailProbabilities(mean: Double, sd: Double, low: Double, high: Double) -> (Double, Double) {
        (StandardNormal.cumulativeProbability((low - mean) / sd),
         StandardNormal.cumulativeProbability((high - mean) / sd))
    }
}
