/// A tidy CSV of a run's measures: one row per measure (and per instance / issue kind).
public enum ResultCSV {
    public static let header = ["scenario", "family", "group", "measure", "unit", "mean", "sd", "ci95_lo", "ci95_hi", "median", "p90", "n"]

    public static func render(_ r: EnsembleResult) -> String {
        var w = CSVWriter(header: header)
        for (k, m) in r.catalog.measures.enumerated() {
            let s = r.summaries[k]
            w.addRow([r.scenarioID, m.family.rawValue, m.group, m.name, m.unit.rawValue, NumberFormat.json(s.mean), NumberFormat.json(s.sd),
                      NumberFormat.json(s.ci95Low), NumberFormat.json(s.ci95High), NumberFormat.json(s.median),
                      NumberFormat.json(s.p90), String(s.n)])
        }
        return w.text
    }
}
