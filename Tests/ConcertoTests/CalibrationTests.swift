import XCTest
@testable import Concerto

/// The shipped scenarios' defaults land in the ranges of docs/sources/calibration.md: attendance
/// 55–75 % at plenaries (kind `assembly`), 75–90 % at comités de coordination (kind
/// `coordination`), 3–8 tables per organisation. Printed for every scenario, then checked.
final class CalibrationTests: XCTestCase {
    static let scenarios = ["sept-rivieres", "lanaudiere", "charlevoix", "orbite", "orbite-with-cdc-and-clinical-tables",
                            "mirabel-before-orbite", "laval", "bas-saint-laurent", "mauricie", "mirabel-reform"]
    let ranges: [(kind: String, low: Double, high: Double)] = [("assembly", 0.55, 0.75), ("coordination", 0.75, 0.90)]

    func testShippedScenariosLandInTheCalibrationRanges() throws {
        for name in Self.scenarios {
            let s = try TestScenarios.loadShipped(name)
            let r = Ensemble.run(s, settings: RunSettings(replications: 20, seed: 1, threads: 2))
            let tables = r.summary(.hyperconcertation, "tablesPerPartner")!.mean
            print("calibration \(name): tables per organisation \(String(format: "%.2f", tables)) (3–8)")
            XCTAssertTrue((3...8).contains(tables), "\(name): \(tables) tables per organisation")
            for inst in s.instances.prefix(s.insideCount) {
                guard let range = ranges.first(where: { $0.kind == inst.kind }) else { continue }
                let a = r.summary(.instance, "attendanceRate", group: inst.id)!.mean
                print("calibration \(name): \(inst.kind) \(inst.id) attendance \(String(format: "%.1f", a * 100)) % (\(Int(range.low * 100))–\(Int(range.high * 100)))")
                XCTAssertTrue(a >= range.low && a <= range.high, "\(name): \(inst.kind) \(inst.id) attendance \(a)")
            }
        }
    }
}
