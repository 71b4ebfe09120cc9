import Foundation

/// Why a file could not be written.
public struct AtomicFileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Writes files atomically: a temporary file in the same folder, flushed, then renamed over the
/// target. A reader never sees a partial file, and an interrupted write leaves the old one.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            throw AtomicFileError(message: "\(url.path) is a directory, expected a file path")
        }
        let folder = url.deletingLastPathComponent()
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw AtomicFileError(message: "the folder \(folder.path) does not exist")
        }
        let tmp = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard fm.createFile(atPath: tmp.path, contents: nil) else {
            throw AtomicFileError(message: "cannot create a file in \(folder.path) (permission denied?)")
        }
        do {
            let h = try FileHandle(forWritingTo: tmp)
            defer { try? h.close() }
            try h.write(contentsOf: data)
            try h.synchronize()
        } catch {
            try? fm.removeItem(at: tmp)
            throw AtomicFileError(message: "cannot write \(url.path): \(error.localizedDescription)")
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: tmp)
            throw AtomicFileError(message: "cannot replace \(url.path): \(reason)")
        }
    }
}
