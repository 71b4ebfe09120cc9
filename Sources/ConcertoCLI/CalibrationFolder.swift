import Foundation
import Concerto
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder of a sharded calibration (`calibrate --shard I/N --output DIR`): `calibration.json`
/// (the calibration's fingerprint and shard count, written once by whichever shard comes first),
/// `rounds/ROUND/batch-NNNNNN.txt` (``CalibrationShard``), `locks/shard-I/concerto.lock` (one
/// process per shard at a time, ``FolderLock``), and the outputs once the last round is complete.
enum CalibrationFolder {
    static func manifest(fingerprint: String, file: String, shards: Int, settings: CalibrationSettings) -> JSONValue {
        .object([
            ("kind", .string("calibration")),
            ("concertoVersion", .string(ConcertoTool.version)),
            ("fingerprint", .string(fingerprint)),
            ("scenarioFile", .string((file as NSString).lastPathComponent)),
            ("shards", .number(Double(shards))),
            ("particles", .number(Double(settings.particles))),
            ("draws", .number(Double(settings.rejectionDraws))),
            ("generations", .number(Double(settings.generations))),
            ("seed", .string(String(settings.seed))),
        ])
    }

    /// Creates or checks DIR for this calibration and takes shard `index`'s lock (returned: hold it
    /// until the command ends). Refuses a folder of another calibration or shard count (exit 2), a
    /// shard that already has batches there without `resume` (exit 2), and a shard already running.
    static func prepare(_ output: String, fingerprint: String, shards: Int, index: Int, resume: Bool, manifest: JSONValue) -> Result<FolderLock, CommandError> {
        func fail(_ message: String, _ code: Int32) -> Result<FolderLock, CommandError> {
            .failure(CommandError(output: CommandOutput(stderr: "concerto calibrate: \(MessageText.clean(message))\n", exitCode: code)))
        }
        if let problem = OutputFolder.prepare(output, create: true) { return fail(problem, 1) }
        let dir = URL(fileURLWithPath: output)
        let manifestURL = dir.appendingPathComponent("calibration.json")
        let shownManifest = (output.hasSuffix("/") ? output : output + "/") + "calibration.json"
        // Written once, exclusively (a complete temporary file hard-linked to the name), so two
        // shards starting together never replace each other's.
        if !FileManager.default.fileExists(atPath: manifestURL.path) {
            let tmp = dir.appendingPathComponent(".calibration.json.\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp")
            do { try AtomicFile.write(Data((manifest.serialized(pretty: true) + "\n").utf8), to: tmp) }
            catch { return fail(FileProblem.cannotWrite(shownManifest, error), 1) }
            _ = link(tmp.path, manifestURL.path)
            unlink(tmp.path)
        }
        guard let data = try? Data(contentsOf: manifestURL), let existing = try? JSONValue.parse(data), existing["kind"]?.stringValue == "calibration" else {
            return fail("\(shownManifest): not a calibration's manifest (damaged, or the folder holds something else): choose another --output", 2)
        }
        if existing["fingerprint"]?.stringValue != fingerprint {
            return fail("\(output) holds another calibration (fingerprint \(existing["fingerprint"]?.stringValue ?? "none"), this one is \(fingerprint)): shards of one calibration need the same scenario, records, --set, --uncertain, --particles, --draws, --generations, --seed and version; choose another --output", 2)
        }
        let theirs = existing["shards"]?.doubleValue.map { Int($0) } ?? 0
        if theirs != shards {
            return fail("\(output) holds this calibration in \(theirs) shard(s), not \(shards): give --shard I/\(theirs) (the shard count cannot change during a calibration)", 2)
        }
        let lockDir = dir.appendingPathComponent("locks").appendingPathComponent("shard-\(index)")
        do { try FileManager.default.createDirectory(at: lockDir, withIntermediateDirectories: true) }
        catch { return fail(FileProblem.cannotWrite(lockDir.path, error), 1) }
        let lock: FolderLock
        do { lock = try FolderLock.acquire(folder: lockDir, shownPath: "\(output) (shard \(index)/\(shards))", command: "calibrate") }
        catch { return fail(error.message, error.cannotWrite ? 1 : 2) }
        let probe = CalibrationShard(folder: output, index: index, count: shards, fingerprint: fingerprint, wait: 0)
        let own = probe.ownBatches()
        if own > 0 && !resume {
            lock.release()
            return fail("\(output) already has \(own) batch(es) of shard \(index)/\(shards) of this calibration: add --resume to continue it, or choose another --output", 2)
        }
        return .success(lock)
    }
}
