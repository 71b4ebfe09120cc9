import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file operation failed, in the project's words rather than Foundation's
/// ("The operation could not be completed", `Error Domain=NSCocoaErrorDomain Code=512`).
///
/// Commands print `cannot write PATH: REASON` (exit 1) or `PATH: REASON` (exit 2 for inputs)
/// with a reason from here.
public enum FileProblem {
    /// The reason for a POSIX error number: `no space left on the device`, `the file system is
    /// read-only`, `permission denied`, `a part of the path is not a folder`, `it is a folder`...
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on the device"
        case EROFS: return "the file system is read-only"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder"
        case ENOENT: return "no such file or folder"
        case EDQUOT: return "the disk quota is exceeded"
        case ENAMETOOLONG: return "the name is too long"
        case ELOOP: return "too many levels of symbolic links"
        case EEXIST: return "it already exists"
        case EIO: return "input/output error (a failing disk or a lost network file system?)"
        case EMFILE, ENFILE: return "too many open files"
        case EFBIG: return "the file is too large for the file system"
        case EPIPE: return "the reader has gone (broken pipe)"
        case EBADF: return "it is closed"
        case ENXIO, ENODEV: return "no such device"
        case EXDEV: return "it is on another file system"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    /// "cannot write PATH: reason", said once: an ``AtomicFileError`` already names its path and
    /// keeps its own message (no "cannot write X: cannot write X: …").
    public static func cannotWrite(_ shownPath: String, _ error: Error) -> String {
        if let e = error as? AtomicFileError { return e.message }
        return "cannot write \(shownPath): \(reason(error))"
    }

    /// The reason for any error thrown by a file operation: POSIX errors and Foundation's file
    /// errors are worded as ``reason(errno:)`` does; errors of this project keep their message.
    public static func reason(_ error: Error) -> String {
        if let e = error as? AtomicFileError { return e.message }
        if let e = error as? POSIXError { return reason(errno: e.code.rawValue) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return reason(errno: Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case 4, 260: return reason(errno: ENOENT)            // NSFileNoSuchFileError, NSFileReadNoSuchFileError
            case 257, 513: return reason(errno: EACCES)          // read / write no permission
            case 516: return reason(errno: EEXIST)               // NSFileWriteFileExistsError
            case 640: return reason(errno: ENOSPC)               // NSFileWriteOutOfSpaceError
            case 642: return reason(errno: EROFS)                // NSFileWriteVolumeReadOnlyError
            case 258, 514: return "the name is not valid"        // invalid file name
            case 256, 264: return "the file cannot be read"      // NSFileReadUnknownError, corrupt
            case 261, 517: return "the text encoding is not supported"
            case 512: return "the file system refused the write" // NSFileWriteUnknownError without a cause
            default: break
            }
        }
        return MessageText.clean("\(error)")
    }

    /// What a file is, from its `st_mode`: "a folder", "a character device", "a FIFO (named
    /// pipe)"..., or nil for a regular file.
    public static func kind(mode: mode_t) -> String? {
        switch mode & 0o170000 {
        case 0o100000: return nil
        case 0o040000: return "a folder"
        case 0o020000: return "a character device"
        case 0o060000: return "a block device"
        case 0o010000: return "a FIFO (named pipe)"
        case 0o140000: return "a socket"
        case 0o120000: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// Whether `st_mode` is that of a folder.
    static func isFolder(_ mode: mode_t) -> Bool { mode & 0o170000 == 0o040000 }
    /// Whether `st_mode` is that of a symbolic link.
    static func isLink(_ mode: mode_t) -> Bool { mode & 0o170000 == 0o120000 }
}
