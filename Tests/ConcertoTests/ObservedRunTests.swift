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
