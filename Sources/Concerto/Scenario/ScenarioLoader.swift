import Foundation

/// Reads a scenario file, applies `--set` overrides, decodes and compiles it. Reading never
/// modifies the file. Every failure is a `ScenarioErrors` naming the file, the JSON path and
/// what was expected.
public enum ScenarioLoader {
    /// Largest scenario file accepted (bytes).
    public static let maxFileSize = 64 * 1024 * 1024

    /// Parses the file into a JSON tree (syntax errors carry line and column).
    public static func readTree(path: String) throws(ScenarioErrors) -> JSONValue {
        let data: Data
        do { data = try InputFile.read(path: path, maxSize: maxFileSize) }
        catch { throw ScenarioErrors([ScenarioError(file: path, path: "", message: error.message)]) }
        do {
            return try JSONValue.parse(data)
        } catch {
            throw ScenarioErrors([ScenarioError(file: path, path: "line \(error.line), column \(error.column)", message: error.message)])
        }
    }

    /// Decodes a JSON tree as a scenario.
    public static func decode(_ tree: JSONValue, file: String) throws(ScenarioErrors) -> Scenario {
        guard case .object = tree else {
            throw ScenarioErrors([ScenarioError(file: file, path: "", message: "expected a JSON object at the top of the scenario")])
        }
        try TextValidation.check(tree, file: file)
        do {
            return try JSONDecoder().decode(Scenario.self, from: tree.data())
        } catch let e as DecodingError {
            throw ScenarioErrors([scenarioError(from: e, file: file, root: tree)])
        } catch {
            throw ScenarioErrors([ScenarioError(file: file, path: "", message: "\(error)")])
        }
    }

    /// A scenario tree with `--set` pairs applied in order (any path of ``ScenarioFormat``,
    /// defaults included), then the command-line horizon.
    public static func withOverrides(_ root: JSONValue, file: String, overrides: [(path: String, value: String)],
                                     years: Double?, warmupYears: Double?) throws(ScenarioErrors) -> JSONValue {
        var tree = root
        for (p, v) in overrides {
            do { tree = try applyScenarioOverride(tree, path: p, value: v) }
            catch { throw ScenarioErrors([ScenarioError(file: file, path: "--set \(p)", message: error.message)]) }
        }
        do {
            if let y = years { tree = try applyScenarioOverride(tree, path: "years", value: JSONValue.number(y).serialized()) }
            if let w = warmupYears { tree = try applyScenarioOverride(tree, path: "warmupYears", value: JSONValue.number(w).serialized()) }
        } catch {
            throw ScenarioErrors([ScenarioError(file: file, path: "years", message: error.message)])
        }
        return tree
    }

    /// Loads and compiles a scenario; its warnings are the compiler's, then ``ScenarioWarnings``'s.
    /// - Parameters:
    ///   - overrides: `--set` pairs (dotted path, value), applied in order.
    ///   - years, warmupYears: command-line overrides of the horizon.
    ///   - allowLarge: accept a scenario above the event budget (`ScenarioLimits`, `--allow-large`).
    public static func load(path: String, overrides: [(path: String, value: String)] = [],
                            years: Double? = nil, warmupYears: Double? = nil,
                            allowLarge: Bool = false) throws(ScenarioErrors) -> (structure: Structure, warnings: [String]) {
        let tree = try withOverrides(try readTree(path: path), file: path, overrides: overrides, years: years, warmupYears: warmupYears)
        let scenario = try decode(tree, file: path)
        var compiler = ScenarioCompiler(file: path, allowLarge: allowLarge)
        let s = try compiler.compile(scenario)
        return (s, compiler.warnings + ScenarioWarnings.check(s, file: path))
    }
}
