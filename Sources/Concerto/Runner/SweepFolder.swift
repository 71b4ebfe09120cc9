import Foundation

/// Why a sweep folder cannot be used or merged.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A plan whose cells are written to a folder one by one (a sweep, an exploration): what a
/// folder needs to check, resume, shard and merge it.
public protocol CellPlan: Sendable {
    var fingerprint: String { get }
    var cellCount: Int { get }
    /// What the folder's `manifest.json` records (identical for every shard).
    func manifest(version: String) -> JSONValue
    static func cellFileName(_ k: Int) -> String
    /// Writes the outputs computed from every cell's record into `folder`; `cell(k)` reads cell
    /// k (k in 0 ..< cellCount, asked in increasing order), so a plan may read them one at a time.
    static func writeOutputs(manifest: JSONValue, cellCount: Int, cell: (Int) throws -> JSONValue, to folder: URL) throws
}

/// A sweep's (or an exploration's) folder: `manifest.json`, one atomically written
/// `cells/cell-NNNNNN.json` per finished cell, and the outputs (`results.csv`...) once every
/// cell is there. A cell file is complete or absent
/// (temporary files start with a dot and are ignored), so a sweep killed at any moment loses at
/// most the cells in progress, and `--resume` skips the finished ones.
public struct SweepFolder: Sendable {
    public let url: URL
    public init(_ path: String) { url = URL(fileURLWithPath: path) }
    var cellsURL: URL { url.appendingPathComponent("cells") }
    var manifestURL: URL { url.appendingPathComponent("manifest.json") }
    public var resultsURL: URL { url.appendingPathComponent("results.csv") }

    /// Creates or checks the folder for `plan`. An existing folder must hold the same sweep, and
    /// finished cells are only reused with `resume`.
    public func prepare<P: CellPlan>(_ plan: P, version: String, resume: Bool) throws(SweepError) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
            throw SweepError("\(url.path) is a file, expected a folder for the sweep's results")
        }
        do { try fm.createDirectory(at: cellsURL, withIntermediateDirectories: true) }
        catch { throw SweepError("cannot create \(cellsURL.path): \(error.localizedDescription)") }
        let manifest = plan.manifest(version: version)
        if let existing = try? JSONValue.parse(Data(contentsOf: manifestURL)) {
            if existing["fingerprint"] != manifest["fingerprint"] {
                throw SweepError("\(url.path) holds another sweep (fingerprint \(existing["fingerprint"]?.stringValue ?? "?"), this one is \(plan.fingerprint)): choose another --output")
            }
        } else {
            do { try AtomicFile.write(Data((manifest.serialized(pretty: true) + "\n").utf8), to: manifestURL) }
            catch { throw SweepError("\(error)") }
        }
        let done = finishedCells(plan)
        if !done.isEmpty && !resume {
            throw SweepError("\(url.path) already has \(done.count) finished cell(s) of this sweep: add --resume to continue it, or choose another --output")
        }
    }

    /// Cells whose file is complete and belongs to this sweep.
    public func finishedCells<P: CellPlan>(_ plan: P) -> Set<Int> {
        var done = Set<Int>()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cellsURL.path)) ?? []
        for name in names where name.hasPrefix("cell-") && name.hasSuffix(".json") {
            guard let v = try? JSONValue.parse(Data(contentsOf: cellsURL.appendingPathComponent(name))),
                  v["fingerprint"]?.stringValue == plan.fingerprint, let k = v["cell"]?.doubleValue,
                  name == P.cellFileName(Int(k)) else { continue }
            done.insert(Int(k))
        }
        return done
    }

    /// Writes a finished cell atomically.
    public func write<P: CellPlan>(cell k: Int, _ record: JSONValue, of plan: P.Type = SweepPlan.self) throws {
        try AtomicFile.write(Data((record.serialized(pretty: true) + "\n").utf8), to: cellsURL.appendingPathComponent(P.cellFileName(k)))
    }

    /// Writes `results.csv` if every cell is finished; returns whether it did.
    @discardableResult
    public func writeResultsIfComplete<P: CellPlan>(_ plan: P, version: String = "") throws -> Bool {
        let done = finishedCells(plan)
        guard done.count == plan.cellCount else { return false }
        let manifest = (try? JSONValue.parse(Data(contentsOf: manifestURL))) ?? plan.manifest(version: version)
        try P.writeOutputs(manifest: manifest, cellCount: plan.cellCount, cell: { k in
            try JSONValue.parse(Data(contentsOf: cellsURL.appendingPathComponent(P.cellFileName(k))))
        }, to: url)
        return true
    }

    /// Merges shard folders of one sweep into `output`: refuses folders of different sweeps
    /// (scenario, seed, replications or grid), and a merge that lacks cells.
    public static func merge(_ inputs: [String], into output: String) throws(SweepError) -> (cells: Int, csv: URL) {
        var manifest: JSONValue? = nil
        var cells: [Int: (data: Data, from: String)] = [:]
        for path in inputs {
            let folder = SweepFolder(path)
            guard let m = try? JSONValue.parse(Data(contentsOf: folder.manifestURL)) else {
                throw SweepError("\(path): no readable manifest.json: not a sweep folder")
            }
            if let first = manifest {
                for key in ["fingerprint", "scenario", "seed", "replications", "grid", "concertoVersion"] where first[key] != m[key] {
                    throw SweepError("\(path): its \(key) (\(m[key]?.serialized() ?? "none")) differs from \(inputs[0]) (\(first[key]?.serialized() ?? "none")): these are not shards of the same sweep or exploration")
                }
            } else { manifest = m }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.cellsURL.path)) ?? []
            for name in names.sorted() where name.hasPrefix("cell-") && name.hasSuffix(".json") && !name.hasPrefix(".") {
                guard let data = try? Data(contentsOf: folder.cellsURL.appendingPathComponent(name)),
                      let v = try? JSONValue.parse(data), v["fingerprint"] == m["fingerprint"], let k = v["cell"]?.doubleValue else { continue }
                if let other = cells[Int(k)], other.data != data {
                    throw SweepError("cell \(Int(k)) differs between \(other.from) and \(path)")
                }
                cells[Int(k)] = (data, path)
            }
        }
        guard let m = manifest else { throw SweepError("nothing to merge") }
        let total = Int(m["cells"]?.doubleValue ?? 0)
        let missing = (0..<total).filter { cells[$0] == nil }
        if !missing.isEmpty {
            throw SweepError("\(missing.count) of \(total) cells are missing (first: \(missing.prefix(5).map(String.init).joined(separator: ", "))): run the missing shards (or resume them) first")
        }
        let out = SweepFolder(output)
        let explore = m["kind"]?.stringValue == "explore"
        func fileName(_ k: Int) -> String { explore ? ExplorePlan.cellFileName(k) : SweepPlan.cellFileName(k) }
        do {
            try FileManager.default.createDirectory(at: out.cellsURL, withIntermediateDirectories: true)
            try AtomicFile.write(Data((m.serialized(pretty: true) + "\n").utf8), to: out.manifestURL)
            for k in 0..<total { try AtomicFile.write(cells[k]!.data, to: out.cellsURL.appendingPathComponent(fileName(k))) }
            let read = { (k: Int) throws -> JSONValue in try JSONValue.parse(cells[k]!.data) }
            if explore { try ExplorePlan.writeOutputs(manifest: m, cellCount: total, cell: read, to: out.url) }
            else { try SweepPlan.writeOutputs(manifest: m, cellCount: total, cell: read, to: out.url) }
        } catch let e as SweepError {
            throw e
        } catch {
            throw SweepError("cannot write \(output): \(error)")
        }
        return (total, out.resultsURL)
    }
}
