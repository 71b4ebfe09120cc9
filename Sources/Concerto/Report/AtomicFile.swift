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
    /// What went wrong, naming the path.
    public var message: String
    /// Creates an error.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Writes files atomically, so that a reader never sees a partial file and an interrupted or
/// failed write leaves the previous file (if any) as it was.
///
/// The data goes to a temporary file in the target's folder, named
/// `.<basename>.<pid>.<random>.tmp`, which is flushed to disk (`fsync`) and then renamed over
/// the target; the folder is then synced so the rename itself is durable. On any failure the
/// temporary file is removed. A symbolic link as target is followed: the file it points to is
/// replaced. A new file gets the usual permissions (0666 less the umask); a replaced file keeps
/// its permission bits.
public enum AtomicFile {
    /// Writes `data` to the file at `url`, replacing it atomically.
    ///
    /// - Throws: ``AtomicFileError`` when the target is a directory, its folder does not exist
    ///   or is not a folder, the folder is not writable, or writing, syncing or renaming fails.
    public static func write(_ data: Data, to url: URL) throws {
        try write(data, to: url, beforeRename: { _ in })
    }

    /// As ``write(_:to:)``, with a hook run after the temporary file is complete and before it
    /// is renamed (tests use it to provoke failures at that point).
    static func write(_ data: Data, to url: URL, beforeRename: (URL) throws -> Void) throws {
        let target = url.standardizedFileURL.resolvingSymlinksInPath()
        let path = target.path
        let shownPath = url.path
        let fm = FileManager.default

        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw AtomicFileError(message: "cannot write \(shownPath): it is a directory, expected a file path")
        }
        let folder = target.deletingLastPathComponent()
        if !fm.fileExists(atPath: folder.path, isDirectory: &isDir) {
            throw AtomicFileError(message: "cannot write \(shownPath): the folder \(folder.path) does not exist")
        }
        if !isDir.boolValue {
            throw AtomicFileError(message: "cannot write \(shownPath): \(folder.path) is not a folder")
        }

        var existingMode: mode_t?
        var st = stat()
        if stat(path, &st) == 0 { existingMode = st.st_mode & 0o7777 }

        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let tmp = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(random).tmp")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 {
            let reason = errnoDescription()
            throw AtomicFileError(message: "cannot write \(shownPath): cannot create a file in the folder \(folder.path) (\(reason))")
        }
        var fdOpen = true
        func cleanUp() {
            if fdOpen { _ = close(fd); fdOpen = false }
            _ = unlink(tmp.path)
        }

        // Write everything, retrying short writes and interruptions.
        let failure: String? = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errnoDescription()
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
            let reason = errnoDescription()
            cleanUp()
            throw AtomicFileError(message: "cannot write \(shownPath): flushing to disk failed (\(reason))")
        }
        let closed = close(fd)
        fdOpen = false
        if closed != 0 {
            let reason = errnoDescription()
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
            let reason = errnoDescription()
            cleanUp()
            throw AtomicFileError(message: "cannot replace \(shownPath): \(reason)")
        }
        // Make the rename durable; failure here does not undo a completed write.
        let dirFD = open(folder.path, O_RDONLY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            _ = close(dirFD)
        }
    }

    private static func errnoDescription() -> String {
        String(cString: strerror(errno)).lowercased()
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
