import XCTest
@testable import Concerto

/// `observe` computes a run's measures from its records by the code that computes them from
/// the simulation: the round trip through the CSV files gives the run's own values.
final class ObservedRunTests: XCTestCase {
    /// Runs replication 0 of a shipped scenario keeping its minutes, writes them as records,
    /// reads them back, and compares every measure records carry with the run's.
    func roundTrip(_ name: String, seed: UInt64 = 1, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = TestScenarios.shipped(name).path
        let structure = try ScenarioLoader.load(path: path).structure
        var replication = Replication(structure: structure, seed: seed, replication: 0, recordMinutes: true)
        let simulated = replication.run()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concerto-roundtrip-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for f in RecordsWriter.files(Records(minutes: replication.minutes!, structure: structure), structure: structure) {
            try Data(f.text.utf8).write(to: folder.appendingPathComponent(f.name))
        }
        let records = try RecordsReader.read(folder: folder.path, structure: structure)
        let w = RecordsReader.window(records)
        XCTAssertEqual(w.years, structure.years, file: file, line: line)
        XCTAssertEqual(w.warmupYears, structure.warmupYears, file: file, line: line)
        let windowed = try ScenarioLoader.load(path: path, years: w.years, warmupYears: w.warmupYears).structure
        let catalog = ObservedRun.catalog(for: windowed)
        let observed = ObservedRun.result(records, structure: windowed, catalog: catalog)
        XCTAssertGreaterThan(catalog.count, 60, file: file, line: line)
        var compared = 0
        for (k, m) in catalog.measures.enumerated() {
            let i = structure.catalog.index(family: m.family, group: m.group, name: m.name)!
            let a = simulated.values[i], b = observed.values[k]
            if a.isNaN { XCTAssertTrue(b.isNaN, "\(name) \(m.definition.labelKey) [\(m.group)]: simulated NaN, observed \(b)", file: file, line: line); continue }
            compared += 1
            // A body's hours of a meeting are summed over its members in seat order in the model,
            // and present then absent in the records: the same terms in another order (last bit).
            // Everything else is equal to the bit.
            let tolerance = m.unit == .hoursPerYear || m.name == "duplicatedHoursShare" ? 1e-12 * Swift.max(1, abs(a)) : 0
            XCTAssertEqual(a, b, accuracy: tolerance, "\(name) \(m.definition.labelKey) [\(m.group)]", file: file, line: line)
        }
        XCTAssertGreaterThan(compared, 40, file: file, line: line)
        XCTAssertEqual(observed.diagnostics.emerged, simulated.diagnostics.emerged, file: file, line: line)
        XCTAssertEqual(observed.diagnostics.decisionsByMode, simulated.diagnostics.decisionsByMode, file: file, line: line)
    }

    func testSeptRivieresRecordsGiveTheRunsMeasures() throws { try roundTrip("sept-rivieres") }
    func testOrbiteRecordsGiveTheRunsMeasures() throws { try roundTrip("orbite") }
    func testLanaudiereRecordsGiveTheRunsMeasures() throws { try roundTrip("lanaudiere", seed: 7) }
    func testCharlevoixRecordsGiveTheRunsMeasures() throws { try roundTrip("charlevoix", seed: 3) }
}

/// Hand-made records whose measures are computed by hand.
final class HandMadeRecordsTests: XCTestCase {
    func testThreeMeetingsFiveItemsGiveHandComputedMeasures() throws {
        let s = try RecordsTestSupport.structure()
        let folder = try RecordsTestSupport.folder(RecordsTestSupport.handMade)
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try RecordsReader.read(folder: folder.path, structure: s)
        XCTAssertEqual(records.years, 1)  // 2023-01-01 to 2024-01-01: 365 days
        let catalog = ObservedRun.catalog(for: s)
        let r = ObservedRun.result(records, structure: s, catalog: catalog)
        func v(_ key: String, group: String = "") -> Double {
            let parts = key.split(separator: ".").map(String.init)
            return r.values[catalog.index(family: MeasureFamily(rawValue: parts[0])!, group: group, name: parts[1])!]
        }
        // Attendance: present 3 + 2 + 4 of 4 + 4 + 4 called.
        XCTAssertEqual(v("hyperconcertation.attendanceRate"), 9.0 / 12, accuracy: 1e-15)
        XCTAssertEqual(v("instance.presentMean", group: "table"), 3)
        XCTAssertEqual(v("instance.membersMean", group: "table"), 4)
        // Hours: present 2 + 1 (m1, m2), 3 + 1 (m3); absent a quarter of that.
        // p0, p1: 3 + 3 + 4 = 10; p2: 3 + 0.75 + 4 = 7.75; p3: 0.75 + 0.75 + 4 = 5.5.
        XCTAssertEqual(v("hyperconcertation.hoursPerPartnerYear"), (10 + 10 + 7.75 + 5.5) / 4, accuracy: 1e-12)
        XCTAssertEqual(v("hyperconcertation.hoursPerPartnerYearMax"), 10)
        XCTAssertEqual(v("instance.hoursPerYear", group: "table"), 33.25, accuracy: 1e-12)
        XCTAssertEqual(v("hyperconcertation.meetingsPerYear"), 3)
        // Latencies: d1 emerged day 9, decided day 19 (10 days); d2 day 31 → day 90 (59 days,
        // two meetings); d3 day 59, still open at day 365 (censored at 306 days).
        XCTAssertEqual(v("latency.meanDaysDecided"), (10 + 59) / 2.0)
        XCTAssertEqual(v("latency.medianDaysKM"), 59)  // S = 2/3 after 10, 1/3 after 59
        XCTAssertEqual(v("latency.p90Days"), 10 + 0.9 * 49, accuracy: 1e-12)  // type 7
        XCTAssertEqual(v("latency.decidedWithin90Days"), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(v("latency.undecidedShare"), 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(v("latency.decisionsPerYear"), 2)
        XCTAssertEqual(v("latency.issuesPerYear"), 3)  // the information item needs no decision
        XCTAssertEqual(v("latency.meetingsPerDecision"), 1.5)  // 1 (d1) and 2 (d2)
        XCTAssertEqual(v("latency.consensusShare"), 0.5)
        XCTAssertEqual(v("latency.voteShare"), 0.5)
        XCTAssertEqual(v("latency.backlogMean"), (10 + 59 + 306) / 365.0, accuracy: 1e-12)
        // Rooms at the two decisions: {s0, s1, s0} and {s0, s1, s0, s1}: s0 averages 7/12.
        XCTAssertEqual(v("representativity.sectorGallagher"), 100.0 / 12, accuracy: 1e-9)
        XCTAssertEqual(v("representativity.sectorLoosemoreHanby"), 100.0 / 12, accuracy: 1e-9)
        XCTAssertEqual(v("issueKind.decisionsPerYear", group: "k"), 2)
    }
}
