import Foundation
import Concerto

/// What the running binary can say about itself for provenance: its version and, when the
/// executable sits inside a git checkout (`.build/release/concerto`), that checkout's commit,
/// read from `.git` without running git. An installed copy outside a checkout has no commit.
enum BuildInfo {
    /// The commit of the checkout holding the executable, or nil.
    static func commit(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? executable
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent().standardizedFileURL
        for _ in 0..<12 {
            if let c = commit(checkout: dir.path) { return c }
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { break }
            dir = up
        }
        return nil
    }

    /// The HEAD commit of the checkout at `path` (a folder holding `.git`, a folder or a
    /// worktree's `gitdir:` file), or nil.
    static func commit(checkout path: String) -> String? {
        let dotGit = path + "/.git"
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit, isDirectory: &isDir) else { return nil }
        var gitDir = dotGit
        if !isDir.boolValue {
            guard let text = read(dotGit), text.hasPrefix("gitdir:") else { return nil }
            let target = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDir = target.hasPrefix("/") ? target : path + "/" + target
        }
        guard let head = read(gitDir + "/HEAD")?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        if isCommit(head) { return head }
        guard head.hasPrefix("ref: ") else { return nil }
        let ref = String(head.dropFirst(5))
        // A worktree's refs live in the common folder.
        let common = read(gitDir + "/commondir").map { c -> String in
            let t = c.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.hasPrefix("/") ? t : gitDir + "/" + t
        } ?? gitDir
        for base in [gitDir, common] {
            if let v = read(base + "/" + ref)?.trimmingCharacters(in: .whitespacesAndNewlines), isCommit(v) { return v }
        }
        for base in [gitDir, common] {
            guard let packed = read(base + "/packed-refs") else { continue }
            for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                let v = String(line.prefix(40))
                if isCommit(v) { return v }
            }
        }
        return nil
    }

    static func isCommit(_ s: String) -> Bool { s.count == 40 && s.allSatisfy { $0.isHexDigit } }

    static func read(_ path: String) -> String? {
        guard let d = FileManager.default.contents(atPath: path), d.count < 1_000_000 else { return nil }
        return String(decoding: d, as: UTF8.self)
    }

    /// The provenance of a run of `files` (as given) loaded into `structures` with `options`.
    static func provenance(files: [String], structures: [Structure], options: RunOptions) -> Provenance {
        let scenarios = zip(files, structures).map { file, s in
            Provenance.ScenarioFile(path: file, sha256: (try? InputFile.read(path: file, maxSize: ScenarioLoader.maxFileSize)).map { SHA256.hex($0) } ?? "",
                                    scenarioID: s.id, years: s.years, warmupYears: s.warmupYears)
        }
        return Provenance(version: ConcertoTool.version, commit: commit(),
                          date: Provenance.date(environment: ProcessInfo.processInfo.environment),
                          seed: options.seed, replications: options.replications,
                          overrides: options.overrides.map { $0.path + "=" + $0.value }, scenarios: scenarios)
    }
}
