import Foundation
import Concerto

/// Writing records to a folder and reading them with their scenario, for `run --records`,
/// `observe` and `calibrate`.
enum RecordsFolder {
    /// Writes each file atomically into `folder` (created if needed); nil, or the message of
    /// what could not be written (exit 1).
    static func write(_ files: [(name: String, text: String)], to folder: String) -> String? {
        if let problem = OutputFolder.prepare(folder, create: true) { return problem }
        do {
            try WriteGuard.during {
                for f in files {
                    try AtomicFile.write(Data(f.text.utf8), to: URL(fileURLWithPath: folder).appendingPathComponent(f.name))
                }
            }
        } catch let error as AtomicFileError {
            return error.message
        } catch {
            return "cannot write to \(MessageText.clean(folder)): \(FileProblem.reason(error))"
        }
        return nil
    }

    /// The records of `folder` read against `scenario`, and the scenario compiled for the
    /// records' window (measured years and warm-up). Errors: exit 2 with every problem.
    static func load(folder: String, scenario: String, overrides: [(path: String, value: String)], anonymityKey: String?,
                     allowLarge: Bool, command: String) -> Result<(records: Records, structure: Structure, warnings: [String]), CommandError> {
        let plain: Structure
        do { plain = try ScenarioLoader.load(path: scenario, overrides: overrides, allowLarge: allowLarge).structure }
        catch { return .failure(CommandError(output: CommandOutput(stderr: error.description + "\n", exitCode: 2))) }
        let records: Records
        do { records = try RecordsReader.read(folder: folder, structure: plain, anonymityKey: anonymityKey) }
        catch { return .failure(CommandError(output: CommandOutput(stderr: error.description + "\n", exitCode: 2))) }
        guard records.end > records.measuredFrom else {
            return .failure(CommandError(output: CommandOutput(stderr: "concerto \(command): \(MessageText.clean(folder)): the records cover no time (their period ends where it starts)\n", exitCode: 2)))
        }
        do {
            let w = RecordsReader.window(records)
            let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides, years: w.years, warmupYears: w.warmupYears, allowLarge: true)
            return .success((records, loaded.structure, loaded.warnings))
        } catch {
            return .failure(CommandError(output: CommandOutput(stderr: error.description + "\n", exitCode: 2)))
        }
    }
}
