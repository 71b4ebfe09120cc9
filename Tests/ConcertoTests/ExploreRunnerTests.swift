import XCTest
@testable import Concerto

/// Explorations of shipped structures through the library: identical structures tie everywhere;
/// the folder is byte-identical for any thread count and shard split.
final class ExploreRunnerTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("explore-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func settings(points: Int = 8, replications: Int = 3) -> ExploreSetup.Settings {
        var s = ExploreSetup.Settings()
        s.points = points; s.replications = replications; s.years = 1; s.warmupYears = 0
        return s
    }

    /// Runs `cells` of the plan into `folder` and writes the tables if complete.
    @discardableResult
    func run(_ plan: ExplorePlan, into folder: String, cells: [Int]? = nil, threads: Int = 1) throws -> Bool {
        let f = SweepFolder(folder)
        try f.prepare(plan, version: "test", resume: false)
        _ = try ExploreRunner.run(plan, cells: cells ?? Array(0..<plan.cellCount), folder: f, threads: threads)
        return try f.writeResultsIfComplete(plan, version: "test")
    }

    func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let root = URL(fileURLWithPath: folder)
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder).sorted() {
            var isDir: ObjCBool = false
            let url = root.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { out[name] = try Data(contentsOf: url) }
        }
        return out
    }

    func testIdenticalStructuresTieEverywhere() throws {
        // ORBITE and a copy of it under another id: the same structure, the same random numbers.
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: TestScenarios.shipped("orbite"))) as! [String: Any]
        obj["id"] = "orbite-copie"; obj["shortName"] = "ORBITE (copie)"
        let twin = dir.appendingPathComponent("orbite-copie.json")
        try JSONSerialization.data(withJSONObject: obj).write(to: twin)
        let plan = try ExploreSetup.plan(files: [TestScenarios.shipped("orbite").path, twin.path], experiment: nil, settings: settings(points: 16))
        let out = dir.appendingPathComponent("twins").path
        XCTAssertTrue(try run(plan, into: out, threads: 2))
        let a = try ExploreAnalysis(manifest: JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))),
                                    cells: (0..<plan.cellCount).map { try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: out + "/cells/" + ExplorePlan.cellFileName($0)))) })
        let r = ExploreRobustness(a)
        XCTAssertFalse(r.rows.isEmpty)
        for row in r.rows {
            XCTAssertEqual(row.probabilityBest, 0.5, "\(row.measure) \(row.structure)")
            XCTAssertTrue(row.ciLow < 0.5 && 0.5 < row.ciHigh)
            XCTAssertEqual(row.meanRegret, 0)
            XCTAssertEqual(row.bestBeyondNoise, 0)
        }
        let d = ExploreDiscovery(a)
        XCTAssertFalse(d.cases.isEmpty)
        for c in d.cases { XCTAssertNil(c.result?.box, c.sentenceEn) }
        XCTAssertEqual(Set(a.structureShortNames), ["ORBITE", "ORBITE (copie)"])
    }

    func testByteIdenticalForThreadsAndShards() throws {
        let plan = try ExploreSetup.plan(files: [TestScenarios.shipped("sept-rivieres").path, TestScenarios.shipped("charlevoix").path],
                                         experiment: nil, settings: settings(points: 6, replications: 2))
        let one = dir.appendingPathComponent("one").path, two = dir.appendingPathComponent("two").path
        XCTAssertTrue(try run(plan, into: one, threads: 1))
        XCTAssertTrue(try run(plan, into: two, threads: 2))
        let s1 = dir.appendingPathComponent("s1").path, s2 = dir.appendingPathComponent("s2").path
        XCTAssertFalse(try run(plan, into: s1, cells: plan.cells(shard: 1, of: 2)))
        XCTAssertFalse(try run(plan, into: s2, cells: plan.cells(shard: 2, of: 2)))
        let merged = dir.appendingPathComponent("merged").path
        _ = try SweepFolder.merge([s1, s2], into: merged)
        let reference = try files(one)
        XCTAssertTrue(reference.keys.contains("robustness.csv") && reference.keys.contains("discovery.md") && reference.keys.contains("sensitivity.csv"))
        XCTAssertEqual(try files(two), reference, "two threads")
        XCTAssertEqual(try files(merged), reference, "two shards merged")
    }

    func testShardsOfDifferentExplorationsDoNotMerge() throws {
        let files = [TestScenarios.shipped("sept-rivieres").path, TestScenarios.shipped("orbite").path]
        let plan = try ExploreSetup.plan(files: files, experiment: nil, settings: settings(points: 4, replications: 2))
        var other = settings(points: 4, replications: 2); other.seed = 9
        let plan2 = try ExploreSetup.plan(files: files, experiment: nil, settings: other)
        let s1 = dir.appendingPathComponent("s1").path, s2 = dir.appendingPathComponent("s2").path
        try run(plan, into: s1, cells: plan.cells(shard: 1, of: 2))
        try run(plan2, into: s2, cells: plan2.cells(shard: 2, of: 2))
        XCTAssertThrowsError(try SweepFolder.merge([s1, s2], into: dir.appendingPathComponent("m").path)) { e in
            XCTAssertTrue("\(e)".contains("fingerprint"), "\(e)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("m").path), "nothing written")
    }
}
