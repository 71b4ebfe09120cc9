import Foundation

/// Checks of what a sweep or exploration folder holds when it is read back (`--resume`,
/// `concerto merge`, `concerto report DIR`, the exploration's analysis): the manifest and each
/// cell file are validated like a scenario (types, whole numbers, ranges, required keys,
/// fingerprints, consistency between the manifest and the cells), and a failure names the file
/// and the JSON path: `runs/x/manifest.json: cells: expected a whole number from 1 to 10000000,
/// found 1e300`. A folder edited by hand or damaged is refused rather than trusted.
public enum FolderCheck {
    /// The most cells a sweep or exploration folder may hold.
    public static let maxCells = 10_000_000
    /// The most replications a manifest may record (as `--replications` allows).
    public static let maxReplications = 1_000_000

    public enum Kind: Sendable, Equatable { case sweep, explore }

    /// A validated manifest: its kind and number of cells (and, for explorations, structures).
    public struct Manifest: Sendable {
        public let json: JSONValue
        public let kind: Kind
        public let cells: Int
        public let fingerprint: String
        /// Sweeps: the grid's paths; explorations: the structures' ids.
        let sweepPaths: [String]
        let structureIDs: [String]
        let outcomes: [String]
        let replications: Int
    }

    static func fail(_ file: String, _ path: String, _ message: String) -> SweepError {
        SweepError(path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)")
    }

    /// How a value found is shown: JSON as in the file (`1e300`, `"x"`, `-5`), or "nothing".
    static func found(_ v: JSONValue?) -> String {
        guard let v else { return "nothing (the key is missing)" }
        switch v {
        case .number(let x): return x == x.rounded() && Swift.abs(x) >= 1e15 ? String(format: "%g", x).replacingOccurrences(of: "e+", with: "e") : v.serialized()
        case .array: return "an array"
        case .object: return "an object"
        default: return v.serialized()
        }
    }

    /// A whole number in `range` at `path`.
    static func whole(_ v: JSONValue?, _ range: ClosedRange<Int>, _ file: String, _ path: String) throws(SweepError) -> Int {
        guard let x = v?.doubleValue, x.isFinite, x == x.rounded(), x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            throw fail(file, path, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(found(v))")
        }
        return Int(x)
    }

    static func string(_ v: JSONValue?, _ file: String, _ path: String, nonEmpty: Bool = false) throws(SweepError) -> String {
        guard let s = v?.stringValue, !nonEmpty || !s.isEmpty else {
            throw fail(file, path, "expected \(nonEmpty ? "a non-empty string" : "a string"), found \(found(v))")
        }
        return s
    }

    static func array(_ v: JSONValue?, _ file: String, _ path: String, nonEmpty: Bool = false) throws(SweepError) -> [JSONValue] {
        guard let a = v?.arrayValue, !nonEmpty || !a.isEmpty else {
            throw fail(file, path, "expected \(nonEmpty ? "a non-empty array" : "an array"), found \(v?.arrayValue != nil ? "an empty array" : found(v))")
        }
        return a
    }

    static func object(_ v: JSONValue?, _ file: String, _ path: String) throws(SweepError) -> [(String, JSONValue)] {
        guard let o = v?.objectValue else { throw fail(file, path, "expected an object, found \(found(v))") }
        return o
    }

    /// A number or null (a summary of no replication).
    static func numberOrNull(_ v: JSONValue?, _ file: String, _ path: String) throws(SweepError) {
        if let v, v.isNull || v.doubleValue?.isFinite == true { return }
        throw fail(file, path, "expected a number or null, found \(found(v))")
    }

    /// Reads and parses a JSON file of a folder.
    public static func readJSON(_ url: URL, shown file: String) throws(SweepError) -> JSONValue {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw SweepError("\(file): cannot read it (\(error.localizedDescription))") }
        do { return try JSONValue.parse(data) } catch { throw SweepError("\(file): not valid JSON: \(error.description)") }
    }

    /// Validates a manifest written by `concerto sweep` or `concerto explore`.
    public static func manifest(_ m: JSONValue, file: String) throws(SweepError) -> Manifest {
        _ = try object(m, file, "")
        let kind: Kind
        switch m["kind"] {
        case nil: kind = .sweep
        case .string("explore")?: kind = .explore
        case let other: throw fail(file, "kind", "expected \"explore\" (or no kind: a sweep), found \(found(other))")
        }
        _ = try string(m["concertoVersion"], file, "concertoVersion")
        let fingerprint = try string(m["fingerprint"], file, "fingerprint", nonEmpty: true)
        guard fingerprint.count <= 16, fingerprint.allSatisfy(\.isHexDigit) else {
            throw fail(file, "fingerprint", "expected up to 16 hexadecimal digits, found \(found(m["fingerprint"]))")
        }
        let seed = try string(m["seed"], file, "seed")
        guard UInt64(seed) != nil else { throw fail(file, "seed", "expected a whole number from 0 to \(UInt64.max) in a string, found \(found(m["seed"]))") }
        let replications = try whole(m["replications"], 1...maxReplications, file, "replications")
        let cells = try whole(m["cells"], 1...maxCells, file, "cells")
        switch kind {
        case .sweep:
            _ = try string(m["scenario"], file, "scenario")
            let grid = try array(m["grid"], file, "grid", nonEmpty: true)
            var product = 1
            var paths: [String] = []
            for (a, axis) in grid.enumerated() {
                _ = try object(axis, file, "grid[\(a)]")
                paths.append(try string(axis["path"], file, "grid[\(a)].path", nonEmpty: true))
                let n = try array(axis["values"], file, "grid[\(a)].values", nonEmpty: true).count
                product = product > maxCells ? product : product * n
            }
            guard product == cells else {
                throw fail(file, "cells", "\(cells) does not match the grid (\(grid.map { String($0["values"]?.arrayValue?.count ?? 0) }.joined(separator: " × ")) = \(product) cells)")
            }
            return Manifest(json: m, kind: kind, cells: cells, fingerprint: fingerprint, sweepPaths: paths, structureIDs: [], outcomes: [], replications: replications)
        case .explore:
            let shape = try exploreShape(m, file: file)
            let (ids, k, n) = (shape.ids, shape.uncertainties, shape.points)
            guard n * ids.count == cells else {
                throw fail(file, "cells", "\(cells) does not match \(n) points × \(ids.count) structures = \(n * ids.count)")
            }
            func setting(_ key: String, _ range: ClosedRange<Int>) throws(SweepError) -> Int { try whole(m["design"]?[key], range, file, "design.\(key)") }
            switch try string(m["design"]?["name"], file, "design.name") {
            case "lhs":
                guard try setting("points", 1...maxCells) == n else { throw fail(file, "design.points", "\(found(m["design"]?["points"])) does not match the \(n) points") }
            case "sobol":
                guard try setting("baseRows", 1...maxCells) * (k + 2) == n else { throw fail(file, "design.baseRows", "\(found(m["design"]?["baseRows"])) × \(k + 2) does not match the \(n) points") }
            case "morris":
                let r = try setting("trajectories", 1...maxCells)
                guard r * (k + 1) == n else { throw fail(file, "design.trajectories", "\(r) × \(k + 1) does not match the \(n) points") }
            case "grid":
                _ = try setting("levels", 2...1000)
            default:
                break  // refused by exploreShape
            }
            return Manifest(json: m, kind: kind, cells: cells, fingerprint: fingerprint, sweepPaths: [], structureIDs: ids, outcomes: shape.outcomes, replications: replications)
        }
    }

    /// Checks what the analysis of an exploration reads from its manifest (structures,
    /// uncertainties, points, design, outcomes, thresholds, replications), so that a damaged or
    /// edited manifest is refused instead of crashing or allocating without bound.
    /// - Returns: the structures' ids, the number of uncertainties, points and the outcomes.
    public static func exploreShape(_ m: JSONValue, file: String) throws(SweepError) -> (ids: [String], uncertainties: Int, points: Int, outcomes: [String]) {
        _ = try object(m, file, "")
        _ = try whole(m["replications"], 1...maxReplications, file, "replications")
        let structures = try array(m["structures"], file, "structures", nonEmpty: true)
        var ids: [String] = []
        for (s, st) in structures.enumerated() {
            _ = try object(st, file, "structures[\(s)]")
            let id = try string(st["id"], file, "structures[\(s)].id", nonEmpty: true)
            if ids.contains(id) { throw fail(file, "structures[\(s)].id", "\"\(id)\" appears twice") }
            ids.append(id)
            _ = try string(st["name"], file, "structures[\(s)].name")
            if let short = st["shortName"], !short.isNull { _ = try string(short, file, "structures[\(s)].shortName") }
        }
        let uncertainties = try array(m["uncertainties"], file, "uncertainties")
        for (j, u) in uncertainties.enumerated() {
            _ = try object(u, file, "uncertainties[\(j)]")
            let path = try string(u["path"], file, "uncertainties[\(j)].path", nonEmpty: true)
            do { _ = try UncertaintyCollector.distribution(u["distribution"] ?? .null, at: "uncertainties[\(j)].distribution", file: file) }
            catch { throw SweepError(error.description + " (for \(path))") }
            if let w = u["whole"], w.boolValue == nil { throw fail(file, "uncertainties[\(j)].whole", "expected true or false, found \(found(w))") }
            if let n = u["nominal"] { try numberOrNull(n, file, "uncertainties[\(j)].nominal") }
        }
        let k = uncertainties.count
        let points = try array(m["points"], file, "points", nonEmpty: true)
        guard points.count * ids.count <= maxCells else {
            throw fail(file, "points", "\(points.count) points × \(ids.count) structures: more than \(maxCells) cells")
        }
        for (p, point) in points.enumerated() {
            let xs = try array(point, file, "points[\(p)]")
            guard xs.count == k else { throw fail(file, "points[\(p)]", "expected \(k) coordinates (one per uncertainty), found \(xs.count)") }
            for (j, x) in xs.enumerated() {
                guard let v = x.doubleValue, v >= 0, v <= 1 else {
                    throw fail(file, "points[\(p)][\(j)]", "expected a number from 0 to 1, found \(found(x))")
                }
            }
        }
        _ = try object(m["design"], file, "design")
        let name = try string(m["design"]?["name"], file, "design.name")
        guard ["lhs", "sobol", "morris", "grid"].contains(name) else {
            throw fail(file, "design.name", "expected lhs, sobol, morris or grid, found \(found(m["design"]?["name"]))")
        }
        for (key, range) in [("points", 1...maxCells), ("baseRows", 1...maxCells), ("trajectories", 1...maxCells), ("levels", 2...1000)] {
            if let v = m["design"]?[key] { _ = try whole(v, range, file, "design.\(key)") }
        }
        let outcomes = try array(m["outcomes"], file, "outcomes", nonEmpty: true)
        var names: [String] = []
        for (o, v) in outcomes.enumerated() { names.append(try string(v, file, "outcomes[\(o)]", nonEmpty: true)) }
        for (t, th) in try array(m["thresholds"] ?? .array([]), file, "thresholds").enumerated() {
            _ = try object(th, file, "thresholds[\(t)]")
            _ = try string(th["measure"], file, "thresholds[\(t)].measure", nonEmpty: true)
            for key in ["max", "min"] { if let v = th[key] { try numberOrNull(v, file, "thresholds[\(t)].\(key)") } }
        }
        return (ids, k, points.count, names)
    }

    /// Validates cell file `v` of `manifest`; returns its index.
    /// - Parameter expected: the index the file's name says (nil: any).
    @discardableResult
    public static func cell(_ v: JSONValue, file: String, expected: Int?, of manifest: Manifest) throws(SweepError) -> Int {
        _ = try object(v, file, "")
        let fp = try string(v["fingerprint"], file, "fingerprint")
        guard fp == manifest.fingerprint else {
            throw fail(file, "fingerprint", "\"\(fp)\" is not the folder's (\"\(manifest.fingerprint)\" in manifest.json): a cell of another sweep or exploration")
        }
        let k = try whole(v["cell"], 0...(manifest.cells - 1), file, "cell")
        if let e = expected, e != k { throw fail(file, "cell", "\(k) does not match the file's name (cell \(e))") }
        let measures = try object(v["measures"], file, "measures")
        switch manifest.kind {
        case .sweep:
            let params = try array(v["parameters"], file, "parameters")
            guard params.count == manifest.sweepPaths.count else {
                throw fail(file, "parameters", "expected \(manifest.sweepPaths.count) values (one per varied path), found \(params.count)")
            }
            for (a, p) in params.enumerated() {
                let path = try string(p["path"], file, "parameters[\(a)].path")
                guard path == manifest.sweepPaths[a] else { throw fail(file, "parameters[\(a)].path", "expected \"\(manifest.sweepPaths[a])\", found \"\(path)\"") }
                if p["value"] == nil { throw fail(file, "parameters[\(a)].value", "missing") }
            }
            for (family, members) in measures {
                for (name, s) in try object(members, file, "measures.\(family)") {
                    let at = "measures.\(family).\(name)"
                    _ = try object(s, file, at)
                    for key in ["mean", "sd", "median", "p90"] where s[key] != nil { try numberOrNull(s[key], file, at + "." + key) }
                    if let ci = s["ci95"] {
                        let a = try array(ci, file, at + ".ci95")
                        guard a.count == 2 else { throw fail(file, at + ".ci95", "expected two bounds, found \(a.count)") }
                        for (i, b) in a.enumerated() { try numberOrNull(b, file, at + ".ci95[\(i)]") }
                    }
                    if let n = s["n"] { _ = try whole(n, 0...Int(Int32.max), file, at + ".n") }
                }
            }
        case .explore:
            let ns = manifest.structureIDs.count
            let p = try whole(v["point"], 0...(manifest.cells / ns - 1), file, "point")
            guard p == k / ns else { throw fail(file, "point", "\(p) does not match cell \(k) (point \(k / ns))") }
            let id = try string(v["structure"], file, "structure")
            guard id == manifest.structureIDs[k % ns] else {
                throw fail(file, "structure", "expected \"\(manifest.structureIDs[k % ns])\" (cell \(k)), found \"\(id)\"")
            }
            for name in manifest.outcomes {
                let at = "measures.\(name)"
                guard let s = v["measures"]?[name] else { throw fail(file, at, "missing (an outcome of the exploration)") }
                _ = try object(s, file, at)
                try numberOrNull(s["mean"], file, at + ".mean")
                let ci = try array(s["ci95"], file, at + ".ci95")
                guard ci.count == 2 else { throw fail(file, at + ".ci95", "expected two bounds, found \(ci.count)") }
                for (i, b) in ci.enumerated() { try numberOrNull(b, file, at + ".ci95[\(i)]") }
                _ = try whole(s["n"], 0...manifest.replications, file, at + ".n")
                let values = try array(s["values"], file, at + ".values")
                guard values.count == manifest.replications else {
                    throw fail(file, at + ".values", "expected \(manifest.replications) values (one per replication), found \(values.count)")
                }
                for (r, x) in values.enumerated() { try numberOrNull(x, file, at + ".values[\(r)]") }
            }
            _ = measures
        }
        return k
    }

    /// The index in a cell file's name (`cell-000042.json` → 42), or nil when the name is not a
    /// cell file's.
    public static func index(inName name: String) -> Int? {
        guard name.hasPrefix("cell-"), name.hasSuffix(".json") else { return nil }
        let digits = name.dropFirst(5).dropLast(5)
        guard (6...8).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// Whether `name` is a temporary file left by an interrupted atomic write (`AtomicFile`:
    /// `.<name>.<pid>.<random hex>.tmp`) of a file the folder holds: a cell in `cells/`, or
    /// the manifest, an output table or the lock in the folder itself.
    public static func isStaleTemporary(_ name: String, inCells: Bool) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        let random = parts[parts.count - 1], pid = parts[parts.count - 2]
        guard !random.isEmpty, random.count <= 16, random.allSatisfy(\.isHexDigit),
              !pid.isEmpty, pid.count <= 10, pid.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let target = parts[0..<(parts.count - 2)].joined(separator: ".")
        if inCells { return index(inName: target) != nil }
        return outputNames.contains(target)
    }

    /// Files a sweep or exploration writes at the top of its folder.
    static let outputNames: Set<String> = ["manifest.json", "results.csv", "design.csv", "robustness.csv", "sensitivity.csv", "discovery.csv",
                                           "discovery-trajectories.csv", "discovery.md"]
}
