import XCTest
@testable import Concerto

final class PRIMDesignTests: XCTestCase {
    let a = PRIMParameter(name: "a", lower: 0, upper: 10)
    let b = PRIMParameter(name: "b", lower: 1, upper: 3, isDiscrete: true)

    func message(_ body: () throws -> PRIMDesign) -> String? {
        do { _ = try body(); return nil } catch { return (error as? PRIMError)?.message }
    }

    func testColumnsAndMembership() throws {
        let d = try PRIMDesign(parameters: [a, b], points: [[0, 1], [5, 2], [10, 3]])
        XCTAssertEqual(d.count, 3)
        XCTAssertEqual(d.columns, [[0, 5, 10], [1, 2, 3]])
        XCTAssertTrue(d.contains(point: 1, lower: [5, 2], upper: [5, 2]), "limits are inclusive")
        XCTAssertFalse(d.contains(point: 1, lower: [0, 2.5], upper: [10, 3]))
    }

    func testRejectsWhatCannotBeSearched() {
        XCTAssertEqual(message { try PRIMDesign(parameters: [], points: [[1]]) }, "the design has no parameter")
        XCTAssertEqual(message { try PRIMDesign(parameters: [a], points: []) }, "the design has no point")
        XCTAssertEqual(message { try PRIMDesign(parameters: [a, a], points: [[1, 1]]) }, "parameter a appears twice")
        XCTAssertEqual(message { try PRIMDesign(parameters: [a, b], points: [[1]]) }, "point 0 has 1 values for 2 parameters")
        XCTAssertEqual(message { try PRIMDesign(parameters: [a, b], points: [[1, 1], [11, 2]]) }, "point 1: a = 11.0 is outside its bounds [0.0, 10.0]")
        XCTAssertEqual(message { try PRIMDesign(parameters: [a], points: [[.nan]]) }, "point 0: a = nan is outside its bounds [0.0, 10.0]")
        XCTAssertEqual(message { try PRIMDesign(parameters: [PRIMParameter(name: "c", lower: 2, upper: 1)], points: [[1]]) },
                       "parameter c: bounds 2.0 and 1.0 are not a finite interval (lower ≤ upper)")
    }
}
