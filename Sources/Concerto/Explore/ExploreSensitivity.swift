import Foundation

/// Which assumptions drive each result, and which decide a comparison: for every outcome, each
/// structure's mean at the points of the design, and the difference between each structure and
/// the first (the reference, as in `compare`), analysed by the design's method:
/// - `sobol` (Saltelli scheme): first-order index S1 (the share of the variance the assumption
///   explains alone) and total index ST (alone and in interaction), Saltelli 2010 and Jansen
///   estimators, bootstrap 95% intervals (z × bootstrap sd, as SALib), and the indices from the
///   first half of the base rows beside them (convergence);
/// - `morris`: μ* (mean absolute elementary effect: how much the result moves when the
///   assumption crosses its whole range, in the measure's unit), σ (their spread: interactions
///   or non-linearity) and μ, with a bootstrap 95% interval for μ* and μ* from the first half of
///   the trajectories;
/// - `lhs` and `grid`: a screening by Spearman's rank correlation between the assumption and the
///   result over the points (monotone effects only), 95% interval by Fisher's z,
///   and the correlation on the first half of the points.
/// An output undefined at some point (a median latency with too few decisions) cannot be
/// analysed: its row says so instead of giving a number.
public struct ExploreSensitivity: Sendable {
    public struct Row: Sendable, Equatable {
        public let measure: String
        /// A structure id, or "B - A" for the difference between structure B and the first.
        public let subject: String
        public let method: String
        public let parameter: String
        /// `S1`, `ST`, `mu_star`, `sigma`, `mu`, `spearman`.
        public let index: String
        public let value: Double
        public let ciLow: Double
        public let ciHigh: Double
        /// The same index from half the sample (convergence check).
        public let halfSample: Double
        public let note: String
    }

    public let rows: [Row]
    public static let resamples = 500

    public init(_ a: ExploreAnalysis) {
        var rows: [Row] = []
        let k = a.uncertainties.count
        var subjects: [(String, (Int) -> [Double])] = []
        for o in a.outcomes.indices {
            subjects = a.structureIDs.indices.map { s in (a.structureIDs[s], { o in (0..<a.pointCount).map { a.means[o][$0][s] } }) }
            if a.structureIDs.count > 1 {
                for s in 1..<a.structureIDs.count {
                    subjects.append(("\(a.structureIDs[s]) - \(a.structureIDs[0])", { o in a.difference(o, s, minus: 0) }))
                }
            }
            for (name, outputs) in subjects {
                let y = outputs(o)
                rows += Self.analyse(a, measure: a.outcomes[o], subject: name, outputs: y, parameters: k)
            }
        }
        self.rows = rows
    }

    static func analyse(_ a: ExploreAnalysis, measure: String, subject: String, outputs y: [Double], parameters k: Int) -> [Row] {
        let names = a.uncertainties.map(\.path)
        let undefined = y.filter { !$0.isFinite }.count
        func note(_ method: String, _ text: String) -> [Row] {
            [Row(measure: measure, subject: subject, method: method, parameter: "", index: "", value: .nan, ciLow: .nan, ciHigh: .nan, halfSample: .nan, note: text)]
        }
        let method = a.designName == "sobol" ? "sobol" : a.designName == "morris" ? "morris" : "spearman"
        if undefined > 0 { return note(method, "undefined at \(undefined) of \(y.count) points") }
        // Constant up to rounding (a difference of two sums that differ by a constant): indices of
        // rounding noise would mean nothing.
        let spread = (y.max() ?? 0) - (y.min() ?? 0), scale = Swift.max(1, y.map { Swift.abs($0) }.max() ?? 0)
        if spread <= 1e-9 * scale { return note(method, "constant over the points") }
        var rows: [Row] = []
        switch a.designName {
        case "sobol":
            let base = a.pointCount / (k + 2)
            let design = SaltelliDesign(parameters: k, baseRows: base)
            guard design.count == y.count, let s = try? SobolIndices(design: design, outputs: y, resamples: resamples, seed: a.seed) else {
                return note(method, "the points are not the Saltelli design of this exploration")
            }
            for j in 0..<k {
                rows.append(Row(measure: measure, subject: subject, method: method, parameter: names[j], index: "S1", value: s.firstOrder[j].value,
                                ciLow: s.firstOrder[j].low, ciHigh: s.firstOrder[j].high, halfSample: s.convergence.firstOrder[j], note: ""))
                rows.append(Row(measure: measure, subject: subject, method: method, parameter: names[j], index: "ST", value: s.total[j].value,
                                ciLow: s.total[j].low, ciHigh: s.total[j].high, halfSample: s.convergence.total[j], note: ""))
            }
        case "morris":
            guard case let (r?, levels?) = (a.morrisTrajectories, a.morrisLevels) else { return note(method, "the design's trajectories are unknown") }
            let design = MorrisDesign(parameters: k, trajectories: r, levels: levels, seed: a.seed)
            guard design.count == y.count, let m = try? MorrisEffects(design: design, outputs: y, resamples: resamples, seed: a.seed) else {
                return note(method, "the points are not the Morris design of this exploration")
            }
            let half = Swift.max(1, r / 2)
            for j in 0..<k {
                let p = m.parameters[j]
                let halfStar = p.effects.prefix(half).reduce(0) { $0 + Swift.abs($1) } / Double(half)
                rows.append(Row(measure: measure, subject: subject, method: method, parameter: names[j], index: "mu_star", value: p.muStar,
                                ciLow: p.muStar - p.muStarHalfWidth, ciHigh: p.muStar + p.muStarHalfWidth, halfSample: halfStar, note: ""))
                rows.append(Row(measure: measure, subject: subject, method: method, parameter: names[j], index: "sigma", value: p.sigma,
                                ciLow: .nan, ciHigh: .nan, halfSample: .nan, note: ""))
                rows.append(Row(measure: measure, subject: subject, method: method, parameter: names[j], index: "mu", value: p.mu,
                                ciLow: .nan, ciHigh: .nan, halfSample: .nan, note: ""))
            }
        default:
            let columns = a.parameterColumns
            let n = y.count
            // Interval: Fisher's z of ρ with the standard error 1.06 / √(n − 3) of Fieller,
            // Hartley & Pearson (1957) for Spearman's coefficient.
            let se = n > 3 ? 1.06 / Double(n - 3).squareRoot() : .nan
            for j in 0..<k {
                let x = columns[j]
                let rho = SpearmanCorrelation.coefficient(x, y)
                let z = Foundation.atanh(Swift.min(Swift.max(rho, -0.999_999_999), 0.999_999_999))
                let halfN = n / 2
                rows.append(Row(measure: measure, subject: subject, method: method, parameter: names[j], index: "spearman", value: rho,
                                ciLow: Foundation.tanh(z - 1.959963984540054 * se), ciHigh: Foundation.tanh(z + 1.959963984540054 * se),
                                halfSample: SpearmanCorrelation.coefficient(Array(x.prefix(halfN)), Array(y.prefix(halfN))), note: ""))
            }
        }
        return rows
    }

    /// `sensitivity.csv`: one row per measure, subject, parameter and index.
    public func csv() -> String {
        let n = ExploreAnalysis.number
        var w = CSVWriter(header: ["measure", "subject", "method", "parameter", "index", "value", "ci95_lo", "ci95_hi", "half_sample", "note"])
        for r in rows {
            w.addRow([r.measure, r.subject, r.method, r.parameter, r.index, n(r.value), n(r.ciLow), n(r.ciHigh), n(r.halfSample), r.note])
        }
        return w.text
    }
}
