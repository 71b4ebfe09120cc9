import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive lock of a sweep or exploration folder: the file `DIR/concerto.lock`, created
/// atomically (a complete temporary file hard-linked to that name, which fails when the name
/// exists; `O_CREAT|O_EXCL` where the file system has no hard links), holding the holder's pid,
/// host, command, start time and Slurm job. Only one `concerto sweep` / `explore` / `merge`
/// works in a folder at a time; the others are refused with a message naming the holder.
///
/// A lock whose holder ran on this host and is no longer alive (killed with `kill -9`, a crash)
/// is stale: the next command takes it over and says so. Taking over is serialised with
/// `flock(2)` on the folder, and the lock is re-read under it, so two newcomers never both take
/// it. A lock held on another host cannot be checked from here: it is refused, and the message
/// says how to remove it once that job is known to be gone.
public final class FolderLock: @unchecked Sendable {
    /// The lock file's name inside the folder.
    public static let fileName = "concerto.lock"

    /// What a lock file says about its holder.
    public struct Holder: Sendable, Equatable {
        public var pid: Int32
        public var host: String
        public var command: String
        public var started: String
        public var slurmJob: String?
        /// A random token telling this holder from a later one with the same pid.
        public var token: String

        /// "sweep, pid 1234 on host node7 since 2026-12-01T10:00:00Z, Slurm job 42".
        public var description: String {
            "\(command), pid \(pid) on host \(host) since \(started)" + (slurmJob.map { ", Slurm job \($0)" } ?? "")
        }

        var json: JSONValue {
            .object([("pid", .number(Double(pid))), ("host", .string(host)), ("command", .string(command)), ("started", .string(started)),
                     ("slurmJob", slurmJob.map { .string($0) } ?? .null), ("token", .string(token))])
        }

        init(pid: Int32, host: String, command: String, started: String, slurmJob: String?, token: String) {
            self.pid = pid; self.host = host; self.command = command; self.started = started; self.slurmJob = slurmJob; self.token = token
        }

        init?(_ v: JSONValue) {
            guard let pid = v["pid"]?.doubleValue, pid == pid.rounded(), pid >= 1, pid <= Double(Int32.max),
                  let host = v["host"]?.stringValue, let token = v["token"]?.stringValue else { return nil }
            self.init(pid: Int32(pid), host: host, command: v["command"]?.stringValue ?? "concerto", started: v["started"]?.stringValue ?? "?",
                      slurmJob: v["slurmJob"]?.stringValue, token: token)
        }
    }

    public let folder: URL
    /// The folder as the user named it (for messages).
    public let shownPath: String
    public let holder: Holder
    /// Said once the lock is taken: a stale lock taken over, or nil.
    public private(set) var notice: String?
    private let lock = NSLock()
    private var held = true

    var fileURL: URL { folder.appendingPathComponent(Self.fileName) }

    private init(folder: URL, shownPath: String, holder: Holder, notice: String?) {
        self.folder = folder; self.shownPath = shownPath; self.holder = holder; self.notice = notice
    }

    deinit { release() }

    /// This host's name.
    public static var hostName: String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, buf.count - 1) == 0 else { return "localhost" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether process `pid` exists on this host (a process of another user counts).
    public static func isAlive(_ pid: Int32) -> Bool {
        if pid <= 0 { return false }
        if kill(pid, 0) == 0 { return true }
        return errno == EPERM
    }

    /// Takes the lock of `folder` (which must exist) for `command`, or throws naming its holder.
    /// - Parameter shownPath: the folder as the user named it, for messages.
    public static func acquire(folder: URL, shownPath: String? = nil, command: String) throws(SweepError) -> FolderLock {
        let shown = shownPath ?? folder.path
        let env = ProcessInfo.processInfo.environment
        let job = env["SLURM_JOB_ID"].map { id in env["SLURM_ARRAY_TASK_ID"].map { "\(id)_\($0)" } ?? id }
        let me = Holder(pid: getpid(), host: hostName, command: command, started: ISO8601DateFormatter().string(from: Date()),
                        slurmJob: job, token: String(UInt64.random(in: 0...UInt64.max), radix: 16))
        let lockPath = folder.appendingPathComponent(fileName).path
        let content = Data((me.json.serialized(pretty: true) + "\n").utf8)
        var notices: [String] = []
        for _ in 0..<20 {
            switch try create(lockPath, content: content, in: folder, shown: shown) {
            case .created:
                return FolderLock(folder: folder, shownPath: shown, holder: me, notice: notices.isEmpty ? nil : notices.joined(separator: "\n"))
            case .exists:
                break
            }
            // Someone holds it: read who.
            guard let data = read(lockPath) else { continue }  // just released: try again
            guard let other = (try? JSONValue.parse(data)).flatMap(Holder.init) else {
                // Unreadable: being written by an O_EXCL creator, or damaged.
                usleep(50_000)
                if let again = read(lockPath), again == data {
                    throw SweepError("\(shown) is locked by \(shown)/\(fileName), which is not a lock concerto can read: if no concerto works in this folder, remove that file")
                }
                continue
            }
            if other.host == me.host && !isAlive(other.pid) {
                if try breakStale(lockPath, expected: data, in: folder, shown: shown) {
                    notices.append("\(shown): took over the lock of a \(other.command) that is no longer running (pid \(other.pid) on this host, since \(other.started))")
                }
                continue
            }
            let hint = other.host == me.host
                ? "wait for it to finish, or stop it (kill \(other.pid)), or choose another --output"
                : "wait for it to finish, or choose another --output; if that process is gone (its job ended or its node failed), remove \(shown)/\(fileName)"
            throw SweepError("\(shown) is in use by another concerto (\(other.description)): \(hint)")
        }
        throw SweepError("\(shown): could not take the lock \(shown)/\(fileName) (it keeps changing hands): try again")
    }

    private enum Created { case created, exists }

    /// Creates the lock file with `content`, complete, or reports that it exists.
    private static func create(_ path: String, content: Data, in folder: URL, shown: String) throws(SweepError) -> Created {
        let tmp = folder.appendingPathComponent(".\(fileName).\(getpid()).\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).tmp").path
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw SweepError("cannot create the lock \(shown)/\(fileName): \(String(cString: strerror(errno)).lowercased())") }
        let ok = writeAll(fd, content) && fsync(fd) == 0
        close(fd)
        defer { unlink(tmp) }
        if !ok { throw SweepError("cannot write the lock \(shown)/\(fileName): \(String(cString: strerror(errno)).lowercased())") }
        if link(tmp, path) == 0 { return .created }
        let err = errno
        if err == EEXIST { return .exists }
        // No hard links here (some network or FUSE file systems): create the name exclusively.
        let direct = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if direct < 0 {
            if errno == EEXIST { return .exists }
            throw SweepError("cannot create the lock \(shown)/\(fileName): \(String(cString: strerror(errno)).lowercased())")
        }
        let written = writeAll(direct, content) && fsync(direct) == 0
        close(direct)
        if !written {
            unlink(path)
            throw SweepError("cannot write the lock \(shown)/\(fileName): \(String(cString: strerror(errno)).lowercased())")
        }
        return .created
    }

    /// Removes a stale lock if it still holds `expected`, under `flock` on the folder, so that
    /// of several newcomers only one removes it (the others then see the new holder's lock).
    private static func breakStale(_ path: String, expected: Data, in folder: URL, shown: String) throws(SweepError) -> Bool {
        let dirFD = open(folder.path, O_RDONLY | O_CLOEXEC)
        if dirFD < 0 { throw SweepError("cannot open \(shown) to take over its stale lock: \(String(cString: strerror(errno)).lowercased())") }
        defer { close(dirFD) }
        while flock(dirFD, LOCK_EX) != 0 {
            if errno != EINTR { break }  // no flock here: proceed (the re-read below still narrows the race)
        }
        defer { flock(dirFD, LOCK_UN) }
        guard let now = read(path), now == expected else { return false }
        return unlink(path) == 0
    }

    private static func read(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    private static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { FileDescriptorWrite.all(fd, $0) == 0 }
    }

    /// Adds a line to ``notice``.
    func addNotice(_ line: String) { notice = notice.map { $0 + "\n" + line } ?? line }

    /// Removes the lock if it is still this holder's (idempotent).
    public func release() {
        lock.lock(); defer { lock.unlock() }
        guard held else { return }
        held = false
        let path = fileURL.path
        guard let data = FileManager.default.contents(atPath: path), let v = try? JSONValue.parse(data), Holder(v)?.token == holder.token else { return }
        unlink(path)
    }
}
