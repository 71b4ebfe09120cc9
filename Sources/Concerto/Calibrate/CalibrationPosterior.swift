import Foundation

/// A calibration's posterior as the uncertainty of `explore` (`--from-posterior DIR`): each
/// calibrated value varies over its posterior marginal, given as 100 equally likely values (the
/// weighted quantiles at 0.5%, 1.5%, … 99.5% of `posterior.csv`). The design combines the
/// marginals independently: correlations between calibrated values are not kept.
public enum CalibrationPosterior {
    public static let levels = 100

    /// The uncertainties of `folder/posterior.csv`, as an experiment file would give them.
    public static func uncertainties(folder: String) throws(ScenarioErrors) -> [(path: String, range: JSONValue, reason: String?)] {
        let path = (folder as NSString).appendingPathComponent("posterior.csv")
        func fail(_ m: String) -> ScenarioErrors { ScenarioErrors([ScenarioError(file: path, path: "", message: m)]) }
        let data: Data
        do { data = try InputFile.read(path: path, maxSize: RecordsReader.maxFileSize) } catch { throw fail(error.message + " (a folder written by concerto calibrate)") }
        let csv: RecordsCSV
        do { csv = try RecordsCSV(text: String(decoding: data, as: UTF8.self), file: path) }
        catch { throw ScenarioErrors([ScenarioError(file: path, path: "line \(error.line), column \(error.column)", message: error.message)]) }
        guard let w = csv.column(["weight"]), csv.header.count > 3, !csv.rows.isEmpty else { throw fail("expected the columns particle, weight, distance and one per calibrated value, and rows") }
        // Raw header names (the normalised ones lose the dots' neighbours' case).
        let names = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 1).first.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? []
        var out: [(path: String, range: JSONValue, reason: String?)] = []
        for c in 3..<csv.header.count where c < names.count {
            var pairs: [(Double, Double)] = []
            for (r, row) in csv.rows.enumerated() {
                guard c < row.count, w < row.count, let x = Double(row[c].text), let wt = Double(row[w].text), x.isFinite, wt.isFinite, wt >= 0 else {
                    throw ScenarioErrors([ScenarioError(file: path, path: "line \(csv.lines[r])", message: "expected numbers in the weight and value columns")])
                }
                pairs.append((x, wt))
            }
            pairs.sort { $0.0 < $1.0 }
            let total = pairs.reduce(0) { $0 + $1.1 }
            guard total > 0 else { throw fail("the weights sum to zero") }
            var values: [Double] = []
            var k = 0, cum = pairs[0].1 / total
            for i in 0..<levels {
                let q = (Double(i) + 0.5) / Double(levels)
                while cum < q && k < pairs.count - 1 { k += 1; cum += pairs[k].1 / total }
                values.append(pairs[k].0)
            }
            out.append((names[c], .object([("values", .array(values.map { .number($0) }))]),
                        "posterior of concerto calibrate (\(folder)): its marginal as \(levels) equally likely values"))
        }
        return out
    }
}
