import Foundation

/// A finished sweep read back from its folder (`manifest.json` and `results.csv`): the varied
/// paths and, per cell (in cell order), its parameter values and each measure's mean and 95% CI.
public struct SweepResults: Sendable {
    /// One measure of one cell.
    public struct Estimate: Sendable, Equatable {
        public var mean: Double
        public var low: Double
        public var high: Double
        public init(mean: Double, low: Double, high: Double) { self.mean = mean; self.low = low; self.high = high }
    }

    /// One cell of the grid.
    public struct Cell: Sendable {
        /// Index in the grid (0-based, the cell file's number).
        public var index: Int
        /// Parameter values, one per varied path, as written in results.csv.
        public var values: [String]
        /// Estimates keyed by "family.measure".
        public var measures: [String: Estimate]
        public init(index: Int, values: [String], measures: [String: Estimate]) {
            self.index = index; self.values = values; self.measures = measures
        }
        public func estimate(_ family: String, _ name: String) -> Estimate? { measures[family + "." + name] }
        public func mean(_ family: String, _ name: String) -> Double { measures[family + "." + name]?.mean ?? .nan }
    }

    public var scenario: String
    public var seed: String
    public var replications: Int
    public var paths: [String]
    public var cells: [Cell]

    public init(scenario: String, seed: String, replications: Int, paths: [String], cells: [Cell]) {
        self.scenario = scenario; self.seed = seed; self.replications = replications; self.paths = paths; self.cells = cells
    }

    /// Reads a sweep folder; fails with a clear message when it is not a sweep folder or the sweep
    /// is not finished (no results.csv yet).
    public static func load(_ path: String) throws(SweepError) -> SweepResults {
        let folder = SweepFolder(path)
        guard FileManager.default.fileExists(atPath: folder.manifestURL.path) else {
            throw SweepError("\(path): no readable manifest.json: not a sweep folder (made by concerto sweep --output DIR)")
        }
        let checked = try folder.readManifest()
        guard checked.kind == .sweep else { throw SweepError("\(folder.shown("manifest.json")): an exploration's manifest, not a sweep's") }
        let manifest = checked.json
        let total = checked.cells
        let paths = checked.sweepPaths
        guard let csvData = try? Data(contentsOf: folder.resultsURL) else {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.cellsURL.path)) ?? []
            let done = names.filter { $0.hasPrefix("cell-") && $0.hasSuffix(".json") }.count
            throw SweepError("\(path): the sweep is not finished: \(done) of \(total) cells (results.csv is written when every cell is there; resume it with concerto sweep ... --resume, or merge its shards)")
        }
        let csvFile = folder.shown("results.csv")
        let rows = parseCSV(String(decoding: csvData, as: UTF8.self))
        guard let header = rows.first, header.count >= paths.count + 10, Array(header.prefix(paths.count)) == paths else {
            throw SweepError("\(csvFile): unexpected header (expected the varied paths, then family, measure, unit, mean, sd, ci95_lo, ci95_hi, …)")
        }
        func col(_ name: String) -> Int { header.firstIndex(of: name) ?? -1 }
        let (cf, cm, cmean, clo, chi) = (col("family"), col("measure"), col("mean"), col("ci95_lo"), col("ci95_hi"))
        guard [cf, cm, cmean, clo, chi].allSatisfy({ $0 >= 0 }) else { throw SweepError("\(csvFile): missing columns") }
        // Every row has the header's fields, and its numbers are numbers (or empty: undefined).
        var body: [[String]] = []
        for (r, row) in rows.enumerated().dropFirst() {
            if row == [""] { continue }  // a blank line
            guard row.count == header.count else {
                throw SweepError("\(csvFile): line \(r + 1): \(row.count) fields, expected \(header.count) as in the header")
            }
            for c in [cmean, clo, chi] where !row[c].isEmpty {
                guard let x = Double(row[c]), x.isFinite else {
                    throw SweepError("\(csvFile): line \(r + 1), column \(header[c]): expected a number (or nothing), found \"\(row[c].prefix(40))\"")
                }
            }
            body.append(row)
        }
        guard body.count % total == 0, body.count > 0 else {
            throw SweepError("\(csvFile): \(body.count) rows do not split into \(total) cells")
        }
        let perCell = body.count / total
        func number(_ s: String) -> Double { Double(s) ?? .nan }
        var cells: [Cell] = []
        for k in 0..<total {
            let chunk = body[k * perCell ..< (k + 1) * perCell]
            var measures: [String: Estimate] = [:]
            for r in chunk { measures[r[cf] + "." + r[cm]] = Estimate(mean: number(r[cmean]), low: number(r[clo]), high: number(r[chi])) }
            cells.append(Cell(index: k, values: Array(chunk.first!.prefix(paths.count)), measures: measures))
        }
        return SweepResults(scenario: manifest["scenario"]?.stringValue ?? "", seed: manifest["seed"]?.stringValue ?? "",
                            replications: checked.replications, paths: paths, cells: cells)
    }

    /// RFC 4180 fields (quoted fields may hold commas, doubled quotes and line breaks).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, wasQuoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted: quoted = true; wasQuoted = true
            case ",": row.append(field); field = ""; wasQuoted = false
            case "\n", "\r\n": row.append(field); rows.append(row); row = []; field = ""; wasQuoted = false
            case "\r": break
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Cells (indices into `cells`) that no other cell beats beyond noise on the pair low
    /// `medianDaysKM`, low `hoursPerPartnerYear` (« sans meilleur compromis »). Cell q beats cell
    /// p when q's means are at least as good on both measures and, on at least one, q's 95%
    /// confidence interval lies wholly below p's (the intervals separate). A cell worse by less
    /// than the noise is therefore still listed: the simulation cannot tell it apart. Cells with
    /// an undefined value on either measure are left out.
    public func paretoCells() -> [Int] {
        let pts = cells.indices.compactMap { k -> (Int, Estimate, Estimate)? in
            guard let x = cells[k].estimate("latency", "medianDaysKM"), let y = cells[k].estimate("hyperconcertation", "hoursPerPartnerYear"),
                  x.mean.isFinite, y.mean.isFinite else { return nil }
            return (k, x, y)
        }
        func separates(_ better: Estimate, _ worse: Estimate) -> Bool {
            better.high.isFinite && worse.low.isFinite && better.high < worse.low
        }
        return pts.filter { p in
            !pts.contains { q in
                q.0 != p.0 && q.1.mean <= p.1.mean && q.2.mean <= p.2.mean && (separates(q.1, p.1) || separates(q.2, p.2))
            }
        }.map(\.0)
    }

    /// Last component of a path, for compact labels ("meetingsPerYear").
    public static func shortName(_ path: String) -> String {
        String(path.split(separator: ".").last ?? Substring(path))
    }

    /// "meetingsPerYear = 3, capacityHoursPerMonth = 5" for cell `k`.
    public func label(ofCell k: Int, _ loc: Localization) -> String {
        zip(paths, cells[k].values).map { Self.shortName($0) + " = " + Self.display($1, loc) }.joined(separator: ", ")
    }

    /// "(3 ; 8)" (fr) or "(3, 8)" (en): the values of cell `k` in the order of the paths.
    public func shortLabel(ofCell k: Int, _ loc: Localization) -> String {
        shortLabel(paths: cells[k].values.map { Self.display($0, loc) }, loc)
    }

    /// Items in parentheses, separated as the language separates them next to decimal commas.
    public func shortLabel(paths items: [String], _ loc: Localization) -> String {
        "(" + items.joined(separator: loc.language == .fr ? " ; " : ", ") + ")"
    }

    /// A parameter value for display: numbers in the language's notation, other values as is.
    public static func display(_ value: String, _ loc: Localization) -> String {
        guard let x = Double(value), x.isFinite else { return value }
        let digits = x == x.rounded() ? 0 : (x * 10 == (x * 10).rounded() ? 1 : (x * 100 == (x * 100).rounded() ? 2 : 3))
        return loc.number(x, digits: digits)
    }
}
