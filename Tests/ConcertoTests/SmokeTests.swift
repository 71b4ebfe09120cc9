import XCTest
@testable import Concerto

final class SmokeTests: XCTestCase {
    func testSeptRivieresRuns() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scenarios/sept-rivieres.json")
        let data = try Data(contentsOf: url)
        let scenario = try JSONDecoder().decode(Scenario.self, from: data)
        var c = ScenarioCompiler(file: "sept-rivieres.json")
        let s = try c.compile(scenario)
        let t0 = Date()
        let r = Ensemble.run(s, settings: RunSettings(replications: 50, seed: 1, threads: 2))
        print("time", Date().timeIntervalSince(t0))
        for (k, m) in r.catalog.measures.enumerated() {
            let x = r.summaries[k]
            print(m.family, m.group, m.name, String(format: "%.3f [%.3f, %.3f] n=%d", x.mean, x.ci95Low, x.ci95High, x.n))
        }
        print(r.totals)
    }
}
