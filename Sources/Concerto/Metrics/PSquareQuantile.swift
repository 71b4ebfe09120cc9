/// Five `Double`s stored inline (no heap allocation), indexable 0...4 without a range check
/// (every index in this file is a marker number 0...4).
internal struct FiveDoubles: Sendable, Equatable {
    internal var v: InlineArray<5, Double>

    internal init(_ v0: Double, _ v1: Double, _ v2: Double, _ v3: Double, _ v4: Double) {
        v = [v0, v1, v2, v3, v4]
    }

    @inline(__always)
    internal subscript(i: Int) -> Double {
        get { assert(i >= 0 && i < 5); return v[unchecked: i] }
        set { assert(i >= 0 && i < 5); v[unchecked: i] = newValue }
    }

    static func == (a: FiveDoubles, b: FiveDoubles) -> Bool {
        (0..<5).allSatisfy { a[$0] == b[$0] }
    }
}

/// Jain & Chlamtac (1985) P² single-quantile estimator.
///
/// Estimates the `p`-quantile of a stream with five markers, without storing the
/// observations. While at most 5 finite values have been seen, the estimate is exact: the
/// values are kept sorted in the five marker slots and the quantile is interpolated
/// linearly (R / Hyndman–Fan type 7). From the 6th value on, the estimate is the height of
/// the middle marker, adjusted with the piecewise-parabolic (P²) formula.
///
/// The struct has a fixed size (no arrays, no references), so memory is O(1). Desired
/// marker positions are recomputed from the count (no accumulated drift), and the same
/// values in the same order always give bit-identical estimates. Non-finite values are
/// ignored.
///
/// Reference: R. Jain and I. Chlamtac, "The P² algorithm for dynamic calculation of
/// quantiles and histograms without storing observations", CACM 28(10), 1985.
public struct PSquareQuantile: Sendable, Equatable {
    /// The quantile being estimated, in [0, 1].
    public let p: Double
    /// Number of finite values added.
    public private(set) var count: Int = 0
    /// Marker heights (sorted raw values while `count <= 5`).
    private var heights = FiveDoubles(0, 0, 0, 0, 0)
    /// Actual marker positions, 0-based.
    private var positions = FiveDoubles(0, 1, 2, 3, 4)
    /// Desired-position increments per observation: 0, p/2, p, (1+p)/2, 1.
    private let increments: FiveDoubles

    /// Creates an estimator of the `p`-quantile.
    /// - Precondition: `0 <= p <= 1`.
    public init(p: Double) {
        precondition(p >= 0 && p <= 1, "PSquareQuantile: p must be in [0, 1]")
        self.p = p
        self.increments = FiveDoubles(0, p / 2, p, (1 + p) / 2, 1)
    }

    /// Adds one observation; non-finite values are ignored.
    ///
    /// - Complexity: O(1), no allocation.
    public mutating func add(_ x: Double) {
        guard x.isFinite else { return }
        if count < 5 {
            // Insertion into the sorted prefix heights[0..<count].
            var i = count
            while i > 0 && heights[i - 1] > x {
                heights[i] = heights[i - 1]
                i -= 1
            }
            heights[i] = x
            count += 1
            return
        }
        count += 1

        // Locate the cell k such that heights[k] <= x < heights[k+1], extending the extremes.
        let k: Int
        if x < heights[0] {
            heights[0] = x
            k = 0
        } else if x >= heights[4] {
            heights[4] = x
            k = 3
        } else if x < heights[1] {
            k = 0
        } else if x < heights[2] {
            k = 1
        } else if x < heights[3] {
            k = 2
        } else {
            k = 3
        }
        var j = k + 1
        while j < 5 {
            positions[j] += 1
            j += 1
        }

        // Adjust the three middle markers if they are off their desired positions.
        let last = Double(count - 1)
        for i in 1...3 {
            let desired = last * increments[i]
            let d = desired - positions[i]
            let ni = positions[i]
            if (d >= 1 && positions[i + 1] - ni > 1) || (d <= -1 && positions[i - 1] - ni < -1) {
                let s: Double = d >= 0 ? 1 : -1
                let candidate = parabolic(i, s)
                if heights[i - 1] < candidate && candidate < heights[i + 1] {
                    heights[i] = candidate
                } else {
                    heights[i] = linear(i, s)
                }
                positions[i] = ni + s
            }
        }
    }

    private func parabolic(_ i: Int, _ s: Double) -> Double {
        let qm = heights[i - 1], q = heights[i], qp = heights[i + 1]
        let nm = positions[i - 1], n = positions[i], np = positions[i + 1]
        return q + s / (np - nm) * ((n - nm + s) * (qp - q) / (np - n) + (np - n - s) * (q - qm) / (n - nm))
    }

    private func linear(_ i: Int, _ s: Double) -> Double {
        let j = s > 0 ? i + 1 : i - 1
        return heights[i] + s * (heights[j] - heights[i]) / (positions[j] - positions[i])
    }

    /// The current estimate of the `p`-quantile: exact (type 7 interpolation) while
    /// `count <= 5`, the P² middle-marker height afterwards; `NaN` if empty.
    ///
    /// - Complexity: O(1).
    public var estimate: Double {
        switch count {
        case 0:
            return .nan
        case 1...5:
            let h = Double(count - 1) * p
            let lo = Int(h.rounded(.down))
            let hi = Swift.min(lo + 1, count - 1)
            let a = heights[lo], b = heights[hi]
            return a + (h - Double(lo)) * (b - a)
        default:
            return heights[2]
        }
    }
}
