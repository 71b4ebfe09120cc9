extension PRIMResult {
    /// The columns of the peeling trajectory's CSV: `step` (0 = the whole space), `coverage`,
    /// `density`, `mass`, `points`, `cases` (of interest, inside), `restricted` (number of
    /// restricted dimensions), `dimensions` (their names, in the design's order, joined by
    /// ";"), `candidate` (1 on the step the selection rule picked, else 0), then for every
    /// parameter `NAME_lo` and `NAME_hi`, its limits (the parameter's bounds when unrestricted).
    public var trajectoryHeader: [String] {
        ["step", "coverage", "density", "mass", "points", "cases", "restricted", "dimensions", "candidate"]
            + parameters.flatMap { ["\($0.name)_lo", "\($0.name)_hi"] }
    }

    /// One row per step of the trajectory, in the header's order. Numbers are written in
    /// shortest round-trip form ("0.25", "1"), as the JSON output writes them.
    /// - Complexity: O(steps·k).
    public func trajectoryRows() -> [[String]] {
        trajectory.enumerated().map { step, box in
            var row = [String(step), NumberFormat.json(box.coverage), NumberFormat.json(box.density),
                       NumberFormat.json(box.mass), String(box.points), String(box.cases),
                       String(box.restrictedCount), box.restrictions.map(\.parameter.name).joined(separator: ";"),
                       step == candidateStep ? "1" : "0"]
            for j in parameters.indices { row += [NumberFormat.json(box.lower[j]), NumberFormat.json(box.upper[j])] }
            return row
        }
    }

    /// The trajectory as CSV text (header, then `trajectoryRows()`), ready to be written.
    public func trajectoryCSV() -> String {
        var w = CSVWriter(header: trajectoryHeader)
        for row in trajectoryRows() { w.addRow(row) }
        return w.text
    }
}
