import Foundation
import Concerto
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error written without trapping: a full disk (`> /dev/full`), a closed
/// stream or any other write error gives exit 1 and, when standard error still works, a message
/// there. (A reader that has gone away ends the process with SIGPIPE, as for any Unix tool.)
enum StandardStreams {
    /// Which of standard input, output and error were closed when the process started. Each is
    /// then opened on /dev/null, so that no file the command opens takes descriptor 1 or 2.
    static func reserveClosed() -> Set<Int32> {
        var closed: Set<Int32> = []
        for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            closed.insert(fd)
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd { _ = dup2(null, fd); _ = close(null) }
        }
        return closed
    }

    /// Writes all of `text` to `fd`; nil on success, else the reason.
    static func write(_ text: String, to fd: Int32) -> String? {
        let failed = Array(text.utf8).withUnsafeBytes { FileDescriptorWrite.all(fd, $0) }
        return failed == 0 ? nil : FileProblem.reason(errno: failed)
    }

    /// Progress lines and the like: written if possible, failures ignored.
    static func progress(_ text: String) { _ = write(text, to: 2) }

    /// Escapes control characters other than line breaks and tabs in what goes to standard
    /// error, as a last guard (messages are already cleaned where they are made).
    static func safeForTerminal(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(separator: "\t", omittingEmptySubsequences: false).map { MessageText.escapeControls(String($0)) }.joined(separator: "\t") }
            .joined(separator: "\n")
    }
}
