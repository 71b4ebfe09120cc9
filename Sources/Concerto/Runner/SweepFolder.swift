import Foundation

/// Why a sweep folder cannot be used or merged.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The folder could not be written (exit 1), rather than a bad or mismatched input (exit 2).
    public var cannotWrite: Bool
    public init(_ message: String, cannotWrite: Bool = false) { self.message = message; self.cannotWrite = cannotWrite }
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
/// most the cells in progress, and `--resume` skips the finished ones. One command works in a
/// folder at a time (``FolderLock``), and what is read back is validated (``FolderCheck``).
public struct SweepFolder: Sendable {
    public let url: URL
    /// The folder as the user named it (for messages).
    public let shownPath: String
    public init(_ path: String) { url = URL(fileURLWithPath: path); shownPath = path }
    var cellsURL: URL { url.appendingPathComponent("cells") }
    var manifestURL: URL { url.appendingPathComponent("manifest.json") }
    public var resultsURL: URL { url.appendingPathComponent("results.csv") }
    /// `name` inside the folder, as messages show it.
    func shown(_ name: String) -> String { (shownPath.hasSuffix("/") ? shownPath : shownPath + "/") + name }

    /// Creates or checks the folder for `plan`, under the folder's lock, which it returns: hold
    /// it until the command is done (it is released by ``FolderLock/release()`` or when freed).
    /// An existing folder must hold the same sweep, and finished cells are only reused with
    /// `resume`. Temporary files left by an interrupted write (a `kill -9`) are removed.
    /// - Parameter command: the command named in the lock (`sweep`, `explore`).
    @discardableResult
    public func prepare<P: CellPlan>(_ plan: P, version: String, resume: Bool, command: String = "sweep") throws(SweepError) -> FolderLock {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
            throw SweepError("\(shownPath) is a file, expected a folder for the sweep's results")
        }
        guard plan.cellCount <= FolderCheck.maxCells else {
            throw SweepError("\(plan.cellCount) cells; a folder holds at most \(FolderCheck.maxCells)")
        }
        do { try fm.createDirectory(at: cellsURL, withIntermediateDirectories: true) }
        catch { throw SweepError("cannot create \(shown("cells")): \(FileProblem.reason(error))", cannotWrite: true) }
        let lock = try FolderLock.acquire(folder: url, shownPath: shownPath, command: command)
        do throws(SweepError) {
            let removed = removeStaleTemporaries()
            if removed > 0 {
                lock.addNotice("\(shownPath): removed \(removed) temporary file(s) left by an interrupted write")
            }
            let manifest = plan.manifest(version: version)
            if fm.fileExists(atPath: manifestURL.path) {
                let existing = try readManifest()
                if existing.json["fingerprint"] != manifest["fingerprint"] {
                    throw SweepError("\(shownPath) holds another sweep (fingerprint \(existing.fingerprint), this one is \(plan.fingerprint)): choose another --output")
                }
            } else {
                do { try AtomicFile.write(Data((manifest.serialized(pretty: true) + "\n").utf8), to: manifestURL) }
                catch { throw SweepError(FileProblem.cannotWrite(shown("manifest.json"), error), cannotWrite: true) }
            }
            let done = try finishedCells(plan)
            if !done.isEmpty && !resume {
                throw SweepError("\(shownPath) already has \(done.count) finished cell(s) of this sweep: add --resume to continue it, or choose another --output")
            }
        } catch {
            lock.release()
            throw error
        }
        return lock
    }

    /// Removes the temporary files of interrupted atomic writes (`.NAME.PID.RANDOM.tmp`, see
    /// ``AtomicFile``) of cells in `cells/` and of the manifest and tables in the folder; other
    /// files are left alone. Call it holding the lock. Returns how many it removed.
    @discardableResult
    public func removeStaleTemporaries() -> Int {
        let fm = FileManager.default
        var removed = 0
        for (dir, inCells) in [(cellsURL, true), (url, false)] {
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where FolderCheck.isStaleTemporary(name, inCells: inCells) {
                if (try? fm.removeItem(at: dir.appendingPathComponent(name))) != nil { removed += 1 }
            }
        }
        return removed
    }

    /// The folder's manifest, validated.
    public func readManifest() throws(SweepError) -> FolderCheck.Manifest {
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            throw SweepError("\(shownPath): no readable manifest.json: not a sweep folder (made by concerto sweep --output DIR or concerto explore --output DIR)")
        }
        return try FolderCheck.manifest(FolderCheck.readJSON(manifestURL, shown: shown("manifest.json")), file: shown("manifest.json"))
    }

    /// Cells whose file is complete and belongs to this sweep. A cell file that is damaged, of
    /// another sweep, or whose content does not match its name is an error.
    public func finishedCells<P: CellPlan>(_ plan: P) throws(SweepError) -> Set<Int> {
        // The plan's manifest as it is written (non-finite numbers become null), to check cells against.
        let written = (try? JSONValue.parse(plan.manifest(version: "").serialized())) ?? plan.manifest(version: "")
        let manifest = try FolderCheck.manifest(written, file: shown("manifest.json"))
        var done = Set<Int>()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cellsURL.path)) ?? []
        for name in names.sorted() where name.hasPrefix("cell-") && name.hasSuffix(".json") {
            let file = shown("cells/" + name)
            guard let k = FolderCheck.index(inName: name), name == P.cellFileName(k) else {
                throw SweepError("\(file): not a cell file's name (expected \(P.cellFileName(0)), \(P.cellFileName(1)), …)")
            }
            let v = try FolderCheck.readJSON(cellsURL.appendingPathComponent(name), shown: file)
            done.insert(try FolderCheck.cell(v, file: file, expected: k, of: manifest))
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
        let done = try finishedCells(plan)
        guard done.count == plan.cellCount else { return false }
        let manifest = FileManager.default.fileExists(atPath: manifestURL.path) ? try readManifest().json : plan.manifest(version: version)
        try P.writeOutputs(manifest: manifest, cellCount: plan.cellCount, cell: { k in
            try JSONValue.parse(Data(contentsOf: cellsURL.appendingPathComponent(P.cellFileName(k))))
        }, to: url)
        return true
    }

    /// Merges shard folders of one sweep into `output`: refuses folders of different sweeps
    /// (scenario, seed, replications or grid), damaged manifests and cells, and a merge that
    /// lacks cells. The output folder is locked while it is written.
    public static func merge(_ inputs: [String], into output: String) throws(SweepError) -> (cells: Int, csv: URL) {
        var manifest: FolderCheck.Manifest? = nil
        var cells: [Int: (data: Data, from: String)] = [:]
        for path in inputs {
            let folder = SweepFolder(path)
            let m = try folder.readManifest()
            if let first = manifest {
                for key in ["fingerprint", "scenario", "seed", "replications", "grid", "concertoVersion", "cells", "kind"] where first.json[key] != m.json[key] {
                    throw SweepError("\(path): its \(key) (\(m.json[key]?.serialized() ?? "none")) differs from \(inputs[0]) (\(first.json[key]?.serialized() ?? "none")): these are not shards of the same sweep or exploration")
                }
            } else { manifest = m }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.cellsURL.path)) ?? []
            for name in names.sorted() where name.hasPrefix("cell-") && name.hasSuffix(".json") {
                let file = folder.shown("cells/" + name)
                let canonical = FolderCheck.index(inName: name).map { m.kind == .explore ? ExplorePlan.cellFileName($0) : SweepPlan.cellFileName($0) }
                guard let k = FolderCheck.index(inName: name), canonical == name else {
                    throw SweepError("\(file): not a cell file's name (expected \(m.kind == .explore ? ExplorePlan.cellFileName(0) : SweepPlan.cellFileName(0)), …)")
                }
                let data: Data
                do { data = try Data(contentsOf: folder.cellsURL.appendingPathComponent(name)) }
                catch { throw SweepError("\(file): cannot read it (\(error.localizedDescription))") }
                let v: JSONValue
                do { v = try JSONValue.parse(data) } catch { throw SweepError("\(file): not valid JSON: \(error.description)") }
                try FolderCheck.cell(v, file: file, expected: k, of: m)
                if let other = cells[k], other.data != data {
                    throw SweepError("cell \(k) differs between \(other.from) and \(path)")
                }
                cells[k] = (data, path)
            }
        }
        guard let m = manifest else { throw SweepError("nothing to merge") }
        let total = m.cells
        let missing = (0..<total).filter { cells[$0] == nil }
        if !missing.isEmpty {
            throw SweepError("\(missing.count) of \(total) cells are missing (first: \(missing.prefix(5).map(String.init).joined(separator: ", "))): run the missing shards (or resume them) first")
        }
        let out = SweepFolder(output)
        let explore = m.kind == .explore
        func fileName(_ k: Int) -> String { explore ? ExplorePlan.cellFileName(k) : SweepPlan.cellFileName(k) }
        do { try FileManager.default.createDirectory(at: out.cellsURL, withIntermediateDirectories: true) }
        catch { throw SweepError(FileProblem.cannotWrite(output, error), cannotWrite: true) }
        let lock = try FolderLock.acquire(folder: out.url, shownPath: output, command: "merge")
        defer { lock.release() }
        do {
            out.removeStaleTemporaries()
            try AtomicFile.write(Data((m.json.serialized(pretty: true) + "\n").utf8), to: out.manifestURL)
            for k in 0..<total { try AtomicFile.write(cells[k]!.data, to: out.cellsURL.appendingPathComponent(fileName(k))) }
            let read = { (k: Int) throws -> JSONValue in try JSONValue.parse(cells[k]!.data) }
            if explore { try ExplorePlan.writeOutputs(manifest: m.json, cellCount: total, cell: read, to: out.url) }
            else { try SweepPlan.writeOutputs(manifest: m.json, cellCount: total, cell: read, to: out.url) }
        } catch let e as SweepError {
            throw e
        } catch {
            throw SweepError(FileProblem.cannotWrite(output, error), cannotWrite: true)
        }
        return (total, out.resultsURL)
    }
}
