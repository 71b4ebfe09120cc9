import XCTest
@testable import Concerto

/// Deterministic fuzzing of the shipped scenarios: every mutation is either a valid scenario that
/// runs, or rejected with a `ScenarioErrors` naming a path — never a trap.
final class ScenarioFuzzTests: XCTestCase {
    /// All paths to values in a tree.
    func paths(_ v: JSONValue, _ prefix: [JSONPath.Component] = []) -> [[JSONPath.Component]] {
        var out: [[JSONPath.Component]] = [prefix]
        switch v {
        case .object(let m): for (k, c) in m { out += paths(c, prefix + [.key(k)]) }
        case .array(let a): for (i, c) in a.enumerated() { out += paths(c, prefix + [.index(i)]) }
        default: break
        }
        return out
    }

    func replace(_ v: JSONValue, at path: ArraySlice<JSONPath.Component>, with f: (JSONValue) -> JSONValue?) -> JSONValue? {
        guard let head = path.first else { return f(v) }
        switch (v, head) {
        case (.object(var m), .key(let k)):
            guard let i = m.firstIndex(where: { $0.0 == k }) else { return v }
            if path.count == 1, f(m[i].1) == nil { m.remove(at: i); return .object(m) }
            guard let c = replace(m[i].1, at: path.dropFirst(), with: f) else { m.remove(at: i); return .object(m) }
            m[i].1 = c
            return .object(m)
        case (.array(var a), .index(let i)):
            if path.count == 1, f(a[i]) == nil { a.remove(at: i); return .array(a) }
            guard let c = replace(a[i], at: path.dropFirst(), with: f) else { a.remove(at: i); return .array(a) }
            a[i] = c
            return .array(a)
        default: return v
        }
    }

    func mutate(_ v: JSONValue, kind: Int) -> JSONValue? {
        switch kind {
        case 0: return nil                                  // delete
        case 1: return .string("x")                         // wrong type
        case 2: return .number(-1)
        case 3: return .number(0)
        case 4: return .number(1e300)
        case 5: return .array([])
        case 6: return .object([])
        case 7: return .null
        case 8: return .string("ïd-ünicode-🙂")
        case 9: if case .number(let x) = v { return .number(x * 1000) }; return .bool(true)
        case 10: if case .string = v { return .string("grande-table") }; return v  // a plausible but wrong reference
        case 11: if case .array(let a) = v, let f = a.first { return .array(a + [f]) }; return v  // duplicate an element (duplicate id)
        default: if case .number(let x) = v { return .number(x + 0.5) }; return .number(0.5)
        }
    }

    func testMutatedScenariosNeverTrap() throws {
        let cases = Int(ProcessInfo.processInfo.environment["CONCERTO_FUZZ_CASES"] ?? "") ?? 2000
        var rng = RandomStream(seed: 20261124)
        var accepted = 0, rejected = 0
        for name in ["sept-rivieres", "lanaudiere", "orbite"] {
            let url = TestScenarios.shipped(name)
            guard let data = try? Data(contentsOf: url) else { continue }
            let tree = try JSONValue.parse(data)
            let all = paths(tree).filter { !$0.isEmpty }
            for _ in 0..<(cases / 3) {
                let path = all[rng.index(all.count)]
                let kind = rng.index(13)
                guard let mutated = replace(tree, at: path[...], with: { self.mutate($0, kind: kind) }) else { continue }
                do {
                    let scenario = try ScenarioLoader.decode(mutated, file: name)
                    var c = ScenarioCompiler(file: name)
                    var s = scenario
                    s.years = Swift.min(s.years, 0.5); s.warmupYears = 0
                    let structure = try c.compile(s)
                    _ = Ensemble.replicate(structure, seed: 1, replication: 0)
                    accepted += 1
                } catch {
                    let e: ScenarioErrors = error
                    XCTAssertFalse(e.errors.isEmpty)
                    for err in e.errors { XCTAssertFalse(err.message.isEmpty) }
                    rejected += 1
                }
            }
            // Truncations and a byte-order mark.
            for cut in stride(from: 1, to: data.count, by: Swift.max(1, data.count / 40)) {
                XCTAssertThrowsError(try JSONValue.parse(data.prefix(cut)))
            }
            XCTAssertNoThrow(try JSONValue.parse(Data([0xEF, 0xBB, 0xBF]) + data))
        }
        print("fuzz: \(accepted) mutated scenarios ran, \(rejected) rejected with a message")
        XCTAssertGreaterThan(accepted, 0)
        XCTAssertGreaterThan(rejected, 0)
    }
}
