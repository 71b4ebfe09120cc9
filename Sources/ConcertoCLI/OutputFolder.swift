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

    /// What a finished sweep, exploration or merge left in its folder, for the closing line:
    /// "DIR: design.csv, results.csv, …; cells/ (24 files)". Hidden files (the lock) and
    /// temporary files and the lock are not listed.
    static func written(_ path: String) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") && !$0.contains(".tmp") && $0 != FolderLock.fileName }.sorted()
        var files: [String] = [], folders: [String] = []
        for name in names {
            var isDir: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                let n = ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).filter { !$0.hasPrefix(".") }.count
                folders.append("\(name)/ (\(n) file\(n == 1 ? "" : "s"))")
            } else {
                files.append(name)
            }
        }
        return MessageText.clean(path) + ": " + (files + folders).joined(separator: ", ")
    }
}
