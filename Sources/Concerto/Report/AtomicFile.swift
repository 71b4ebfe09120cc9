import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; `message` names the path and the reason in plain words.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, naming the path (control characters escaped, see ``MessageText``).
    public var message: String
    /// Creates an error.
    public init(message: String) { self.message = MessageText.clean(message) }
    /// The message.
    public var description: String { message }
}

/// Writes files atomically, so that a reader never sees a partial file and an interrupted or
/// failed write leaves the previous file (if any) as it was.
///
/// The data goes to a temporary file in the target's folder, named
/// `.<basename>.<pid>.<random>.tmp` (``temporaryName(for:)``, recognised by
/// ``isTemporaryName(_:)``), which is flushed to disk (`fsync`) and then renamed over the
/// target; the folder is then synced so the rename itself is durable. On any failure the
/// temporary file is removed; a process killed outright (SIGKILL, power loss) can leave one,
/// which ``removeStaleTemporaries(in:maxAge:)`` clears.
///
/// Only a regular file or a missing path is written: a folder, a device (`/dev/null`,
/// `/dev/full`), a FIFO or a socket is refused and left as it is, and so is a path ending in
/// `/` (it names a folder). A symbolic link to a regular file is followed: the file it points to
/// is replaced and the link stays; a dangling link, or a link to anything else, is refused.
/// A new file gets the usual permissions (0666 less the umask); a replaced file keeps its
/// permission bits.
///
/// The temporary files being written are registered, so that a signal handler can remove them
/// (``abandonPendingWrites()``) before the process ends.
public enum AtomicFile {
    /// Writes `data` to the file at `url`, replacing it atomically.
    ///
    /// - Throws: ``AtomicFileError`` when the target is not a regular file or a missing path,
    ///   its folder does not exist or is not a folder, the folder is not writable, or writing,
    ///   syncing or renaming fails.
    public static func write(_ data: Data, to url: URL) throws {
        try write(data, to: url, beforeRename: { _ in })
    }

    /// As ``write(_:to:)``, with a hook run after the temporary file is complete and before it
    /// is renamed (tests use it to provoke failures, or a delay, at that point).
    package static func write(_ data: Data, to url: URL, beforeRename: (URL) throws -> Void) throws {
        let shownPath = url.path
        if url.hasDirectoryPath && !shownPath.isEmpty && shownPath != "/" && !isExistingFolder(shownPath) {
            throw AtomicFileError(message: "cannot write \(shownPath)/: a path ending in / names a folder; give a file name")
        }
        let given = url.standardizedFileURL
        let path: String
        var existingMode: mode_t?
        var st = stat()
        if lstat(given.path, &st) == 0 {
            if FileProblem.isLink(st.st_mode) {
                var target = stat()
                if stat(given.path, &target) != 0 {
                    let reason = errno == ENOENT ? "it is a symbolic link to a missing file (\(linkDestination(given.path)))"
                                                 : "it is a symbolic link that cannot be followed (\(FileProblem.reason(errno: errno)))"
                    throw AtomicFileError(message: "cannot write \(shownPath): \(reason)")
                }
                if let kind = FileProblem.kind(mode: target.st_mode) {
                    throw AtomicFileError(message: "cannot write \(shownPath): " + refusal(kind: kind, link: true))
                }
                path = given.resolvingSymlinksInPath().path
                existingMode = target.st_mode & 0o7777
            } else if let kind = FileProblem.kind(mode: st.st_mode) {
                throw AtomicFileError(message: "cannot write \(shownPath): " + refusal(kind: kind, link: false))
            } else {
                path = given.path
                existingMode = st.st_mode & 0o7777
            }
        } else if errno == ENOENT {
            path = given.path
        } else if errno == ENOTDIR {
            // Checked below with the folder, for a message naming it.
            path = given.path
        } else {
            throw AtomicFileError(message: "cannot write \(shownPath): \(FileProblem.reason(errno: errno))")
        }
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        var fst = stat()
        if stat(folder.path, &fst) != 0 {
            if errno == ENOENT { throw AtomicFileError(message: "cannot write \(shownPath): the folder \(folder.path) does not exist") }
            if errno == ENOTDIR { throw AtomicFileError(message: "cannot write \(shownPath): \(folder.path) is not a folder") }
            throw AtomicFileError(message: "cannot write \(shownPath): the folder \(folder.path) cannot be reached (\(FileProblem.reason(errno: errno)))")
        }
        if !FileProblem.isFolder(fst.st_mode) {
            throw AtomicFileError(message: "cannot write \(shownPath): \(folder.path) is not a folder")
        }

        let tmp = folder.appendingPathComponent(temporaryName(for: target.lastPathComponent))
        let fd: Int32
        do { fd = try pending.create(tmp.path) }
        catch let reason as PendingFiles.Refused {
            throw AtomicFileError(message: "cannot write \(shownPath): \(reason.message)")
        }
        if fd < 0 {
            let reason = FileProblem.reason(errno: errno)
            pending.forget(tmp.path)
            throw AtomicFileError(message: "cannot write \(shownPath): cannot create a file in the folder \(folder.path) (\(reason))")
        }
        var fdOpen = true
        func cleanUp() {
            if fdOpen { _ = close(fd); fdOpen = false }
            _ = unlink(tmp.path)
            pending.forget(tmp.path)
        }

        // Write everything, retrying short writes and interruptions.
        let failure: String? = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return FileProblem.reason(errno: errno)
                }
                offset += n
            }
            return nil
        }
        if let failure {
            cleanUp()
            throw AtomicFileError(message: "cannot write \(shownPath): \(failure)")
        }
        if let mode = existingMode { _ = fchmod(fd, mode) }
        if fsync(fd) != 0 {
            let reason = FileProblem.reason(errno: errno)
            cleanUp()
            throw AtomicFileError(message: "cannot write \(shownPath): flushing to disk failed (\(reason))")
        }
        let closed = close(fd)
        fdOpen = false
        if closed != 0 {
            let reason = FileProblem.reason(errno: errno)
            cleanUp()
            throw AtomicFileError(message: "cannot write \(shownPath): \(reason)")
        }
        do {
            try beforeRename(tmp)
        } catch {
            cleanUp()
            throw error
        }
        if rename(tmp.path, path) != 0 {
            let reason = FileProblem.reason(errno: errno)
            cleanUp()
            throw AtomicFileError(message: "cannot replace \(shownPath): \(reason)")
        }
        pending.forget(tmp.path)
        // Make the rename durable; failure here does not undo a completed write.
        let dirFD = open(folder.path, O_RDONLY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            _ = close(dirFD)
        }
    }

    // MARK: Temporary files

    /// A fresh temporary file name for a target named `basename`:
    /// `.<basename>.<pid>.<16 hexadecimal digits>.tmp`.
    public static func temporaryName(for basename: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return ".\(basename).\(getpid()).\(String(repeating: "0", count: 16 - random.count))\(random).tmp"
    }

    /// The process id in a temporary file name made by ``temporaryName(for:)`` (or by earlier
    /// versions, whose random part may be shorter), or nil when `name` is not such a name.
    /// With `basename`, only temporaries of that target count.
    public static func temporaryProcess(_ name: String, basename: String? = nil) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let random = parts[parts.count - 1], pid = parts[parts.count - 2]
        let base = parts[..<(parts.count - 2)].joined(separator: ".")
        guard !base.isEmpty, !random.isEmpty, random.count <= 16, random.allSatisfy(\.isHexDigit),
              !pid.isEmpty, pid.count <= 10, pid.allSatisfy({ $0.isASCII && $0.isNumber }), let p = Int32(pid) else { return nil }
        if let basename, base != basename { return nil }
        return p
    }

    /// Whether `name` is a temporary file name made by ``temporaryName(for:)``.
    public static func isTemporaryName(_ name: String, basename: String? = nil) -> Bool {
        temporaryProcess(name, basename: basename) != nil
    }

    /// Removes the temporary files that a killed process left in `folder` (not its subfolders):
    /// every file named as ``temporaryName(for:)`` makes whose process is no longer running on
    /// this machine, and, when `maxAge` is given, every one older than `maxAge` seconds whatever
    /// its process (on a folder shared by several machines a process id says nothing).
    /// Temporaries of live processes (another shard writing into the same folder) are kept.
    ///
    /// - Returns: the names removed, sorted.
    @discardableResult
    public static func removeStaleTemporaries(in folder: URL, maxAge: TimeInterval? = nil) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        let now = Date().timeIntervalSince1970
        for name in names.sorted() {
            guard let pid = temporaryProcess(name) else { continue }
            let path = folder.appendingPathComponent(name).path
            var st = stat()
            guard lstat(path, &st) == 0, FileProblem.kind(mode: st.st_mode) == nil else { continue }
            var stale = pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
            #if canImport(Darwin)
            let modified = Double(st.st_mtimespec.tv_sec)
            #else
            let modified = Double(st.st_mtim.tv_sec)
            #endif
            if let maxAge, now - modified > maxAge { stale = true }
            if stale && unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// Removes the temporary files of `target` that killed processes left beside it (a
    /// SIGKILL during an earlier write of the same file): those named for `target` whose process
    /// is no longer running on this machine. Single-file outputs call it before writing.
    @discardableResult
    public static func removeStaleTemporaries(of target: URL) -> [String] {
        let folder = target.deletingLastPathComponent(), base = target.lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = temporaryProcess(name, basename: base), pid != getpid() else { continue }
            let path = folder.appendingPathComponent(name).path
            var st = stat()
            guard lstat(path, &st) == 0, FileProblem.kind(mode: st.st_mode) == nil else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH && unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// Removes the temporary files this process is writing and makes later writes fail: for a
    /// SIGINT/SIGTERM handler about to end the process, so that no temporary file is left.
    public static func abandonPendingWrites() { pending.abandon() }

    /// The temporary files being written by this process.
    private static let pending = PendingFiles()

    final class PendingFiles: @unchecked Sendable {
        struct Refused: Error { var message: String }
        private let lock = NSLock()
        private var paths: Set<String> = []
        private var abandoned = false

        /// Creates the file, registered before it exists; -1 with errno on failure.
        func create(_ path: String) throws -> Int32 {
            lock.lock(); defer { lock.unlock() }
            if abandoned { throw Refused(message: "the process is ending (interrupted)") }
            paths.insert(path)
            return open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }

        func forget(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }

        func abandon() {
            lock.lock(); defer { lock.unlock() }
            abandoned = true
            for p in paths { _ = unlink(p) }
            paths = []
        }
    }

    private static func refusal(kind: String, link: Bool) -> String {
        let what = link ? "it is a symbolic link to \(kind)" : "it is \(kind)"
        if kind == "a folder" { return link ? "it is a symbolic link to a directory, expected a file path" : "it is a directory, expected a file path" }
        return "\(what), not a regular file; only a regular file or a new path is written"
    }

    private static func isExistingFolder(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && FileProblem.isFolder(st.st_mode)
    }

    private static func linkDestination(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }
}

/// The POSIX `write(2)`, named apart from `AtomicFile.write`.
@inline(__always)
private func posixWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.write(fd, buf, count)
    #elseif canImport(Glibc)
    return Glibc.write(fd, buf, count)
    #else
    return Musl.write(fd, buf, count)
    #endif
}
