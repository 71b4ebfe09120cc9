import Foundation
import Concerto
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks (and creates) the folder a sweep, an exploration or a merge writes to, before anything
/// runs: a problem with it is a problem writing the output (exit 1), worded plainly.
enum OutputFolder {
    /// nil when `path` is a folder (or a symbolic link to one) that can be written, or was
    /// created; else the message (without the command prefix).
    static func prepare(_ path: String, create: Bool, attempt: Int = 0) -> String? {
        let shown = MessageText.clean(path)
        if path.isEmpty { return "--output is empty: give a folder path" }
        var st = stat()
        if stat(path, &st) == 0 {
            if let kind = FileProblem.kind(mode: st.st_mode), kind == "a folder" {
                if access(path, W_OK | X_OK) != 0 {
                    return "cannot write to the folder \(shown): \(FileProblem.reason(errno: errno))"
                }
                return nil
            }
            let kind = FileProblem.kind(mode: st.st_mode) ?? "a file"
            return "cannot write to \(shown): it is \(kind), expected a folder (give a new or existing folder)"
        }
        let err = errno
        var lst = stat()
        if err == ENOENT && lstat(path, &lst) == 0 {
            if (lst.st_mode & S_IFMT) == S_IFLNK { return "cannot write to \(shown): it is a symbolic link to a missing folder" }
            // Created meanwhile (another concerto starting into the same folder): check again;
            // the folder's lock then decides which of the two goes on.
            return attempt < 3 ? prepare(path, create: create, attempt: attempt + 1) : "cannot write to \(shown): it changed while being checked"
        }
        if err != ENOENT {
            return "cannot write to \(shown): \(FileProblem.reason(errno: err))"
        }
        guard create else { return nil }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            return "cannot create the folder \(shown): \(FileProblem.reason(error))"
        }
        return nil
    }
}
