import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file (a scenario, an experiment file) safely: the file type is checked before
/// opening, so a FIFO never blocks, a device is never read and a folder is named as such.
public enum InputFile {
    /// Why an input cannot be read, in plain words ("no such file", "is not a regular file: it is
    /// a FIFO (named pipe)", "cannot be read: permission denied").
    public struct Problem: Error, Sendable, Equatable { public var message: String }

    /// For a missing file, the existing file of its folder whose name is closest (a misspelled
    /// `sept-riviere.json` → `Scenarios/sept-rivieres.json`), written with the folder as given;
    /// nil when nothing is close or the folder cannot be listed.
    public static func suggestion(for path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        guard !name.isEmpty,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return nil }
        let files = names.filter { !$0.hasPrefix(".") }.sorted()
        // Closest by the whole name, else by the name without its extension (`orbit` → `orbite.json`).
        if let near = closestKey(to: name, among: files) { return folder + near }
        let stems = files.map { ($0 as NSString).deletingPathExtension }
        if let near = closestKey(to: (name as NSString).deletingPathExtension, among: stems), let k = stems.firstIndex(of: near) {
            return folder + files[k]
        }
        return nil
    }

    /// Reads the regular file at `path` (a symbolic link is followed), at most `maxSize` bytes.
    public static func read(path: String, maxSize: Int) throws(Problem) -> Data {
        var st = stat()
        if stat(path, &st) != 0 {
            switch errno {
            case ENOENT:
                var lst = stat()
                if lstat(path, &lst) == 0 { throw Problem(message: "is a symbolic link to a missing file") }
                throw Problem(message: "no such file" + (suggestion(for: path).map { " (did you mean \(MessageText.clean($0))?)" } ?? ""))
            case EACCES, EPERM: throw Problem(message: "cannot be read: permission denied (on a folder of its path)")
            case ENOTDIR: throw Problem(message: "no such file (a part of the path is not a folder)")
            default: throw Problem(message: "cannot be read: \(FileProblem.reason(errno: errno))")
            }
        }
        if FileProblem.isFolder(st.st_mode) { throw Problem(message: "is a directory, expected a scenario JSON file") }
        if let kind = FileProblem.kind(mode: st.st_mode) { throw Problem(message: "is not a regular file: it is \(kind)") }
        // O_NONBLOCK: should a FIFO replace the file between the check and the open, opening it
        // does not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if errno == EACCES || errno == EPERM { throw Problem(message: "cannot be read: permission denied") }
            throw Problem(message: "cannot be read: \(FileProblem.reason(errno: errno))")
        }
        defer { close(fd) }
        var fst = stat()
        guard fstat(fd, &fst) == 0 else { throw Problem(message: "cannot be read: \(FileProblem.reason(errno: errno))") }
        if let kind = FileProblem.kind(mode: fst.st_mode) { throw Problem(message: "is not a regular file: it is \(kind)") }
        let size = Int(fst.st_size)
        if size > maxSize {
            throw Problem(message: "the file is \(size / 1_048_576) MiB; scenarios are limited to \(maxSize / 1_048_576) MiB")
        }
        var data = Data(count: size)
        var offset = 0
        var failure: Int32 = 0
        data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            while offset < size {
                let n = posixRead(fd, raw.baseAddress! + offset, size - offset)
                if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; failure = errno; return }
                if n == 0 { break }  // the file shrank while being read
                offset += n
            }
        }
        if failure != 0 {
            if failure == EISDIR { throw Problem(message: "is a directory, expected a scenario JSON file") }
            throw Problem(message: "cannot be read: \(FileProblem.reason(errno: failure))")
        }
        if offset < size { data.removeSubrange(offset..<size) }
        return data
    }
}

/// The POSIX `read(2)`, named apart from `InputFile.read`.
@inline(__always)
private func posixRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buf, count)
    #elseif canImport(Glibc)
    return Glibc.read(fd, buf, count)
    #else
    return Musl.read(fd, buf, count)
    #endif
}
