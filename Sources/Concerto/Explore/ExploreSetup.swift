import Foundation

/// Builds an exploration from scenario files, an optional experiment file and command-line
/// settings, checking everything a planner can get wrong before anything runs: ranges (low
/// above high, paths that do not exist or are not numbers, one path given two ranges by two
/// structures), outcomes and thresholds on unknown measures, too few points for the design.
public enum ExploreSetup {
    /// What the command line (or a test) asks for; nil fields fall back to the experiment file,
    /// then to the defaults.
    public struct Settings: Sendable {
        public var design: String? = nil
        public var points: Int? = nil
        public var levels: Int? = nil
        public var replications: Int? = nil
        public var seed: UInt64? = nil
        public var outcomes: [String]? = nil
        public var thresholds: [Threshold] = []
        public var overrides: [(path: String, value: String)] = []
        public var years: Double? = nil
        public var warmupYears: Double? = nil
        /// Accept structures above the event budget (`--allow-large`).
        public var allowLarge = false
        public init() {}
    }

    public static let defaultPoints = 256
    public static let defaultReplications = 30

    public static func plan(files: [String], experiment: ExperimentSpec?, settings: Settings) throws(ScenarioErrors) -> ExplorePlan {
        let exp = experiment ?? ExperimentSpec()
        let structureFiles = files + exp.structures
        func fail(_ file: String, _ path: String, _ message: String) -> ScenarioErrors {
            ScenarioErrors([ScenarioError(file: file, path: path, message: message)])
        }
        if structureFiles.isEmpty { throw fail("", "", "expected scenario files (or an experiment file naming its structures)") }

        // The structures' trees, with the fixed overrides.
        var trees: [JSONValue] = []
        for file in structureFiles {
            var tree = try ScenarioLoader.readTree(path: file)
            do {
                if let y = settings.years { tree = try applyScenarioOverride(tree, path: "years", value: JSONValue.number(y).serialized()) }
                if let w = settings.warmupYears { tree = try applyScenarioOverride(tree, path: "warmupYears", value: JSONValue.number(w).serialized()) }
            } catch { throw fail(file, "years", error.message) }
            trees.append(tree)
        }
        let fixed = exp.set.map { ($0.path, $0.value.serialized()) } + settings.overrides
        for (path, value) in fixed {
            // Every structure where the path names a value of the format (written in the file or
            // left at its default); an error only when none has it.
            var applied = false
            var first: (structure: Int, error: OverrideError)?
            for s in trees.indices {
                do { trees[s] = try applyScenarioOverride(trees[s], path: path, value: value); applied = true }
                catch { if first == nil { first = (s, error) } }
            }
            if !applied, let first {
                throw fail(structureFiles[first.structure], "--set \(path)", "no structure of the exploration has this path: \(first.error.message)")
            }
        }
        let ids = trees.map { $0["id"]?.stringValue ?? "" }
        for (s, id) in ids.enumerated() where ids.firstIndex(of: id) != s {
            throw fail(structureFiles[s], "id", "two structures have the id `\(id)`: an exploration compares different structures")
        }

        // Uncertainties: the scenarios' ranges (one path, one range), then the experiment's.
        var byPath: [String: Uncertainty] = [:], order: [String] = []
        for (s, tree) in trees.enumerated() {
            let found: [Uncertainty]
            do throws(UncertaintyError) { found = try UncertaintyCollector.collect(tree, file: structureFiles[s]) }
            catch { throw ScenarioErrors([ScenarioError(file: error.file, path: error.path, message: error.message)]) }
            for u in found {
                if let other = byPath[u.path] {
                    if other.distribution != u.distribution {
                        throw fail(structureFiles[s], u.path, "a range differs from the one in \(other.declaredIn): a path shared by the structures varies together, so its ranges must agree")
                    }
                } else { byPath[u.path] = u; order.append(u.path) }
            }
        }
        for (k, e) in exp.uncertainties.enumerated() {
            let at = "uncertainties[\(k)]"
            // A value left at its default is written into every structure that leaves it out, so
            // that the uncertainty varies in all of them.
            let effective = trees.map { ScenarioFormat.effectiveValue(in: $0, atPath: e.path) }
            guard let s = effective.firstIndex(where: { $0 != nil }) else {
                throw fail(exp.file, at + ".path", "no structure of the exploration has `\(e.path)`")
            }
            guard case .number(let nominal)? = effective[s] else {
                throw fail(exp.file, at + ".path", "`\(e.path)` is not a number in \(structureFiles[s]): only numbers can vary")
            }
            let d: UncertaintyDistribution
            do throws(UncertaintyError) { d = try UncertaintyCollector.distribution(e.range, at: at + ".range", file: exp.file) }
            catch { throw ScenarioErrors([ScenarioError(file: error.file, path: error.path, message: error.message)]) }
            let whole = nominal == nominal.rounded() && d.support.lowerBound == d.support.lowerBound.rounded() && d.support.upperBound == d.support.upperBound.rounded()
            for t in trees.indices where trees[t].value(atPath: e.path) == nil {
                guard let v = effective[t] else { continue }
                do { trees[t] = try applyScenarioOverride(trees[t], path: e.path, value: v.serialized()) }
                catch { throw fail(structureFiles[t], at + ".path", error.message) }
            }
            if byPath[e.path] == nil { order.append(e.path) }
            byPath[e.path] = Uncertainty(path: e.path, distribution: d, whole: whole, nominal: nominal, declaredIn: "\(exp.file): \(at)", reason: e.reason)
        }
        if let only = exp.only {
            for p in only where byPath[p] == nil { throw fail(exp.file, "only", "`\(p)` is not an uncertainty of these structures (no `ranges` for it)") }
            order = order.filter { only.contains($0) }
        }
        let uncertainties = order.map { byPath[$0]! }
        if uncertainties.isEmpty {
            throw fail(structureFiles[0], "ranges", "no uncertainty to explore: give ranges in the scenarios (`\"ranges\": {\"key\": [low, high]}` beside `sources`) or in an experiment file")
        }

        // Outcomes and thresholds.
        var outcomes = settings.outcomes ?? exp.outcomes ?? MeasureDirection.defaultOutcomes
        let outcomesFrom = settings.outcomes != nil ? ("--measures", "") : exp.outcomes != nil ? (exp.file, "outcomes") : ("", "")
        let thresholds = settings.thresholds.isEmpty ? exp.thresholds : settings.thresholds
        let thresholdsFrom = settings.thresholds.isEmpty ? (exp.file, "thresholds") : ("--threshold", "")
        let known = Set(Measures.structureMeasures.map(\.name))
        func unknown(_ m: String) -> String {
            "unknown measure `\(m)`" + (closestKey(to: m, among: known.sorted()).map { " (did you mean `\($0)`?)" } ?? "") + "; docs/output.md lists them"
        }
        for t in thresholds where !known.contains(t.measure) {
            throw fail(thresholdsFrom.0, thresholdsFrom.1.isEmpty ? t.description : "\(thresholdsFrom.1).\(t.measure)", unknown(t.measure))
        }
        for m in outcomes where !known.contains(m) { throw fail(outcomesFrom.0, outcomesFrom.1, unknown(m)) }
        for t in thresholds where !outcomes.contains(t.measure) { outcomes.append(t.measure) }

        // The design.
        let k = uncertainties.count
        let seed = settings.seed ?? exp.seed ?? 1
        let name = settings.design ?? exp.design ?? "lhs"
        let points = settings.points ?? exp.points
        let pointsFrom = settings.points != nil || exp.points == nil ? ("--points", "") : (exp.file, "points")
        let levelsFrom = settings.levels != nil || exp.levels == nil ? ("--levels", "") : (exp.file, "levels")
        let designFrom = settings.design != nil || exp.design == nil ? ("--design", "") : (exp.file, "design")
        let unit: [[Double]]
        let design: ExploreDesign
        switch name {
        case "lhs":
            let n = points ?? defaultPoints
            design = .lhs(points: n)
            unit = LatinHypercube(count: n, dimensions: k, seed: seed).points
        case "sobol":
            let n = points ?? (defaultPoints / (k + 2) * (k + 2))
            let base = n / (k + 2)
            guard base >= 2, k <= SaltelliDesign.maximumParameters else {
                throw fail(pointsFrom.0, pointsFrom.1, "the Sobol design needs N × (k + 2) points with N ≥ 2 and k ≤ \(SaltelliDesign.maximumParameters): with k = \(k) uncertainties, at least \(2 * (k + 2)) points, found \(n)")
            }
            design = .sobol(base: base)
            unit = SaltelliDesign(parameters: k, baseRows: base).points
        case "morris":
            let levels = settings.levels ?? exp.levels ?? 4
            let n = points ?? (defaultPoints / (k + 1) * (k + 1))
            let r = n / (k + 1)
            guard r >= 2, levels >= 2 else {
                throw fail(pointsFrom.0, pointsFrom.1, "the Morris design needs r × (k + 1) points with r ≥ 2 trajectories: with k = \(k) uncertainties, at least \(2 * (k + 1)) points, found \(n)")
            }
            design = .morris(trajectories: r, levels: levels)
            unit = MorrisDesign(parameters: k, trajectories: r, levels: levels, seed: seed).points
        case "grid":
            let levels = settings.levels ?? exp.levels ?? 3
            let total = (0..<k).reduce(1.0) { acc, _ in acc * Double(levels) }
            guard levels >= 2, total <= 100_000 else {
                throw fail(levelsFrom.0, levelsFrom.1, "a grid of \(levels) levels on \(k) uncertainties has \(NumberFormat.json(total)) points; at most 100000 (use lhs)")
            }
            design = .grid(levels: levels)
            unit = (0..<Int(total)).map { i in
                var rest = i
                return (0..<k).map { _ in let l = rest % levels; rest /= levels; return (Double(l) + 0.5) / Double(levels) }
            }
        default:
            throw fail(designFrom.0, designFrom.1, "expected lhs, sobol, morris or grid, found `\(name)`")
        }
        let replications = settings.replications ?? exp.replications ?? defaultReplications
        let members = zip(structureFiles, trees).map { ExplorePlan.Member(file: $0, id: $1["id"]?.stringValue ?? "", name: $1["name"]?.stringValue ?? "", shortName: $1["shortName"]?.stringValue, tree: $1) }
        var plan = ExplorePlan(members: members, uncertainties: uncertainties, design: design, unitPoints: unit, replications: replications,
                               seed: seed, outcomes: outcomes, thresholds: thresholds)
        plan.allowLarge = settings.allowLarge
        // Every structure must compile at its nominal values and at the corners of the ranges.
        for s in members.indices {
            for corner in [0.0, 0.999_999] {
                var tree = members[s].tree
                for u in uncertainties where plan.has(u, member: s) {
                    do { tree = try applyScenarioOverride(tree, path: u.path, value: JSONValue.number(u.value(at: corner)).serialized()) }
                    catch { throw ScenarioErrors([ScenarioError(file: members[s].file, path: u.path, message: error.message)]) }
                }
                let scenario = try ScenarioLoader.decode(tree, file: members[s].file)
                var compiler = ScenarioCompiler(file: members[s].file, allowLarge: settings.allowLarge)
                do { _ = try compiler.compile(scenario) }
                catch {
                    throw ScenarioErrors(error.errors.map { ScenarioError(file: $0.file, path: $0.path, message: $0.message + " (with every uncertainty at its \(corner == 0 ? "low" : "high") end)") })
                }
            }
        }
        return plan
    }
}
