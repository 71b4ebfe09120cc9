import Foundation
import XCTest

/// Runs the built `concerto` binary and captures its output.
enum CLI {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    static var binary: URL {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("concerto")) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("concerto"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("concerto"))
        candidates.append(root.appendingPathComponent(".build/debug/concerto"))
        candidates.append(root.appendingPathComponent(".build/release/concerto"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    struct Result { var stdout: String; var stderr: String; var code: Int32 }

    /// Runs the binary with `args`. The locale variables (LC_ALL, LC_MESSAGES, LANG) are removed
    /// from the inherited environment, so that outputs are English whatever the tester's locale;
    /// `environment` adds or replaces variables (`["LANG": "fr_CA.UTF-8"]`). `SOURCE_DATE_EPOCH`
    /// is set (unless given) so that two runs compared byte for byte never differ by the date in
    /// their provenance when a second ticks between them.
    static func run(_ args: [String], timeout: TimeInterval = 120, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { env[name] = nil }
        env["SOURCE_DATE_EPOCH"] = "1796040000"
        env.merge(environment) { _, new in new }
        p.environment = env
        p.currentDirectoryURL = root
        // Capture into files: a full pipe can never block the child.
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close(); try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), code: p.terminationStatus)
    }

    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("concerto-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// The shipped Sept-Rivières scenario as a mutable JSON object.
    static func septRivieres() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("Scenarios/sept-rivieres.json"))) as! [String: Any]
    }

    static func write(_ object: Any, to url: URL) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: url)
    }
}

/// Finds the element of an array of objects with the given id.
func mutateElement(_ obj: inout [String: Any], _ key: String, id: String, _ edit: (inout [String: Any]) -> Void) {
    var arr = obj[key] as! [[String: Any]]
    let k = arr.firstIndex { ($0["id"] as? String) == id }!
    edit(&arr[k])
    obj[key] = arr
}
