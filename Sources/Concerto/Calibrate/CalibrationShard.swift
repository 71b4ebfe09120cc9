import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One shard of a calibration shared by several processes through one folder.
///
/// A calibration is a sequence of rounds (the rejection round, each SMC generation, the
/// predictive round), each a list of batches of `settings.batch` simulations whose inputs are
/// fixed by (seed, round, batch) and by the previous rounds' results. Batch b of a round belongs
/// to shard (b mod N) + 1. A shard simulates its batches of the current round and writes each one
/// atomically to `DIR/rounds/ROUND/batch-NNNNNN.txt` (the statistics as the hexadecimal bit
/// patterns of the doubles, so what is read back is exactly what was simulated); then it reads
/// the round's batches in order, waiting for the other shards' ones, and every shard computes the
/// next round from them with the same code as an unsharded calibration: the result is the same,
/// byte for byte. A generation needs its batches only up to the one at which enough proposals are
/// accepted: a shard skips a batch once the batches before it that are there already accept
/// enough. A shard that has waited `wait` seconds for a batch stops (``Stop/waiting(_:)``), to be
/// run again with `--resume`.
public final class CalibrationShard: @unchecked Sendable {
    /// Why a shard stopped before the calibration was complete.
    public enum Stop: Error, Sendable {
        /// Another shard's batch is not there yet (after waiting): run this shard again later.
        case waiting(String)
        /// Interrupted (SIGINT, SIGTERM) between two batches.
        case interrupted
        /// A damaged, foreign or unwritable round file.
        case problem(String, cannotWrite: Bool)
    }

    public let folder: URL
    /// The folder as the user named it (for messages).
    public let shownPath: String
    /// This shard (1-based) and the number of shards.
    public let index: Int, count: Int
    public let fingerprint: String
    /// Seconds to wait in all for the other shards' batches before stopping; 0: do not wait.
    public let wait: Double
    /// Seconds between two looks at the folder while waiting.
    public var poll = 0.5
    let stopRequested: @Sendable () -> Bool
    /// Batches simulated by this process, and batches read from the folder.
    public private(set) var simulated = 0
    private var waited = 0.0

    public init(folder: String, index: Int, count: Int, fingerprint: String, wait: Double, stopRequested: @escaping @Sendable () -> Bool = { false }) {
        self.folder = URL(fileURLWithPath: folder); shownPath = folder
        self.index = index; self.count = count; self.fingerprint = fingerprint; self.wait = wait; self.stopRequested = stopRequested
    }

    var roundsURL: URL { folder.appendingPathComponent("rounds") }
    public static func batchFileName(_ b: Int) -> String { String(format: "batch-%06d.txt", b) }
    func url(_ round: String, _ b: Int) -> URL { roundsURL.appendingPathComponent(round).appendingPathComponent(Self.batchFileName(b)) }
    func shown(_ round: String, _ b: Int) -> String {
        (shownPath.hasSuffix("/") ? shownPath : shownPath + "/") + "rounds/\(round)/" + Self.batchFileName(b)
    }
    func owner(_ b: Int) -> Int { b % count + 1 }

    /// Batch files of this shard's share already in the folder (in any round).
    public func ownBatches() -> Int {
        let fm = FileManager.default
        var n = 0
        for round in (try? fm.contentsOfDirectory(atPath: roundsURL.path)) ?? [] {
            for name in (try? fm.contentsOfDirectory(atPath: roundsURL.appendingPathComponent(round).path)) ?? [] {
                if let b = Self.index(name), owner(b) == index { n += 1 }
            }
        }
        return n
    }

    /// Removes the temporary files of this shard's interrupted writes (`.batch-NNNNNN.txt.PID.RANDOM.tmp`);
    /// the other shards' are theirs. Call it holding this shard's lock. Returns how many.
    @discardableResult
    public func removeStaleTemporaries() -> Int {
        let fm = FileManager.default
        var removed = 0
        for round in (try? fm.contentsOfDirectory(atPath: roundsURL.path)) ?? [] {
            let dir = roundsURL.appendingPathComponent(round)
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasPrefix(".batch-") && name.hasSuffix(".tmp") {
                if let b = Self.index(String(name.dropFirst())), owner(b) == index, (try? fm.removeItem(at: dir.appendingPathComponent(name))) != nil { removed += 1 }
            }
        }
        return removed
    }

    /// The batch index in `batch-NNNNNN.txt...`, or nil.
    static func index(_ name: String) -> Int? {
        guard name.hasPrefix("batch-") else { return nil }
        let digits = name.dropFirst(6).prefix(6)
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), name.dropFirst(12).hasPrefix(".txt") else { return nil }
        return Int(digits)
    }

    func header(_ round: String, _ b: Int, _ n: Int) -> String {
        "concerto calibration batch\nfingerprint \(fingerprint)\nround \(round) batch \(b) simulations \(n)\n"
    }

    func write(_ round: String, _ b: Int, _ sims: [[Double]?]) throws(Stop) {
        var text = header(round, b, sims.count)
        for s in sims {
            text += s.map { $0.map { String(format: "%016llx", $0.bitPattern) }.joined(separator: " ") } ?? "-"
            text += "\n"
        }
        do {
            try FileManager.default.createDirectory(at: roundsURL.appendingPathComponent(round), withIntermediateDirectories: true)
            try AtomicFile.write(Data(text.utf8), to: url(round, b))
        } catch let e as AtomicFileError {
            throw .problem(e.message, cannotWrite: true)
        } catch {
            throw .problem(FileProblem.cannotWrite(shown(round, b), error), cannotWrite: true)
        }
    }

    /// Batch b of `round`, or nil if it is not there yet.
    func read(_ round: String, _ b: Int, expected n: Int) throws(Stop) -> [[Double]?]? {
        let u = url(round, b)
        guard FileManager.default.fileExists(atPath: u.path) else { return nil }
        let file = shown(round, b)
        guard let data = try? Data(contentsOf: u), let text = String(data: data, encoding: .utf8) else {
            throw .problem("\(file): cannot read it", cannotWrite: false)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == "concerto calibration batch", lines[1].hasPrefix("fingerprint ") else {
            throw .problem("\(file): not a calibration batch file (delete it and run the shard again with --resume)", cannotWrite: false)
        }
        let theirs = lines[1].dropFirst("fingerprint ".count)
        guard theirs == fingerprint else {
            throw .problem("\(file) belongs to another calibration (fingerprint \(theirs), this one is \(fingerprint)): shards of different calibrations cannot share a folder; choose another --output", cannotWrite: false)
        }
        guard String(text) == header(round, b, n) + lines[3...].joined(separator: "\n"), lines.count == n + 4, lines[n + 3].isEmpty else {
            throw .problem("\(file): damaged (expected \(n) simulations of round \(round), batch \(b)); delete it and run its shard again with --resume", cannotWrite: false)
        }
        var out: [[Double]?] = []
        for line in lines[3 ..< n + 3] {
            if line == "-" { out.append(nil); continue }
            var row: [Double] = []
            for f in line.split(separator: " ", omittingEmptySubsequences: false) {
                guard f.count == 16, let bits = UInt64(f, radix: 16) else {
                    throw .problem("\(file): damaged (\"\(f.prefix(20))\" is not a 16-digit hexadecimal number); delete it and run its shard again with --resume", cannotWrite: false)
                }
                row.append(Double(bitPattern: bits))
            }
            out.append(row)
        }
        return out
    }

    /// The batches of `round` that the calibration uses (all `count` of them when `target` is
    /// nil, else up to the first at which the accepted simulations reach `target`), simulating
    /// this shard's share and waiting for the others'.
    func round(_ round: String, count n: Int, target: Int?, jobs: (Int) -> [Calibration.Job],
               simulate: ([Calibration.Job]) throws(Calibration.Failure) -> [[Double]?],
               accepted: ([[Double]?]) -> Int) throws(Calibration.Failure) -> [[[Double]?]] {
        var cache: [Int: (sims: [[Double]?], accepted: Int)] = [:]
        func load(_ b: Int) throws(Calibration.Failure) -> (sims: [[Double]?], accepted: Int)? {
            if let c = cache[b] { return c }
            do throws(Stop) {
                guard let s = try read(round, b, expected: jobs(b).count) else { return nil }
                let c = (s, target == nil ? 0 : accepted(s))
                cache[b] = c
                return c
            } catch { throw .shard(error) }
        }
        func compute(_ b: Int) throws(Calibration.Failure) {
            if stopRequested() { throw .shard(.interrupted) }
            let s = try simulate(jobs(b))
            do throws(Stop) { try write(round, b, s) } catch { throw .shard(error) }
            simulated += 1
            cache[b] = (s, target == nil ? 0 : accepted(s))
        }
        // This shard's batches, skipping those a generation cannot need.
        for b in stride(from: index - 1, to: n, by: count) {
            if let target {
                var acc = 0
                for e in 0..<b { if let c = try load(e) { acc += c.accepted } }
                if acc >= target { break }
            }
            if try load(b) == nil { try compute(b) }
        }
        // The round, in batch order.
        var out: [[[Double]?]] = []
        var acc = 0
        var b = 0
        while b < n {
            if let c = try load(b) {
                out.append(c.sims); acc += c.accepted; b += 1
                if let target, acc >= target { break }
                continue
            }
            if owner(b) == index { try compute(b); continue }
            if stopRequested() { throw .shard(.interrupted) }
            if waited >= wait {
                throw .shard(.waiting("round \(round) needs batch \(b), shard \(owner(b))/\(count)'s, which is not in \(shownPath) yet"))
            }
            let step = Swift.min(poll, wait - waited)
            usleep(useconds_t(step * 1_000_000))
            waited += step
        }
        return out
    }
}

extension Calibration {
    /// A fingerprint of everything that determines a calibration's result: the scenario (with
    /// the records' horizon), the uncertain values, the records' statistics, the settings (not
    /// the threads) and the version (SHA-256, hexadecimal).
    public static func fingerprint(tree: JSONValue, parameters: [Uncertainty], observed: [Double], settings: CalibrationSettings, version: String) -> String {
        var text = "concerto calibration|\(version)|" + tree.serialized() + "|"
        text += parameters.map { "\($0.path)=\($0.distribution)|\($0.whole)|\($0.nominal.bitPattern)" }.joined(separator: ";")
        text += "|" + observed.map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
        text += "|\(settings.particles)|\(settings.rejectionDraws)|\(settings.generations)|\(settings.quantile.bitPattern)|\(settings.seed)|\(settings.batch)|\(settings.maxProposalsFactor)"
        return SHA256.hex(SHA256.digest(Array(text.utf8)))
    }
}
