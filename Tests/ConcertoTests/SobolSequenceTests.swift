import XCTest
@testable import Concerto

final class SobolSequenceTests: XCTestCase {
    func testTheFirstTwoDimensions() {
        // The textbook start of Sobol's sequence (and SciPy's qmc.Sobol(d=2, scramble=False)).
        let expected: [[Double]] = [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75],
                                    [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625]]
        XCTAssertEqual(SobolSequence(dimensions: 2).points(count: 8), expected)
    }

    func testPointsAgainstSciPyInSixtyFourDimensions() {
        // SciPy 1.17.1 `qmc.Sobol(d=64, scramble=False).random(2048)`, rows 5, 1000 and 2047,
        // times 2048 (exact: these points are multiples of 1/2048).
        let scipy: [Int: [Int]] = [
            5: [1792, 1792, 256, 768, 1792, 1280, 1792, 768, 768, 256, 768, 1792, 1792, 256, 1792, 768, 1792, 768, 768, 1280, 1280, 1280, 1792, 768, 768, 768, 1792, 256, 1280, 1280, 1792, 1280, 768, 768, 256, 256, 256, 768, 1792, 768, 768, 256, 1280, 768, 768, 1280, 256, 1280, 1280, 1792, 1280, 768, 1280, 1792, 256, 1792, 768, 1792, 768, 768, 1280, 1792, 768, 1280],
            1000: [450, 198, 1062, 1386, 574, 1858, 94, 1842, 1026, 142, 174, 522, 330, 786, 294, 758, 1474, 706, 2030, 1486, 1070, 1126, 1946, 1106, 1194, 1858, 82, 2006, 122, 698, 302, 298, 606, 1214, 1642, 1578, 1738, 1702, 630, 982, 1870, 522, 1966, 1438, 1722, 190, 1786, 1882, 2046, 982, 722, 1058, 1542, 898, 258, 1826, 930, 162, 1810, 1170, 914, 1234, 530, 914],
            2047: [1, 1285, 1907, 719, 1291, 1347, 241, 65, 1873, 913, 1021, 1813, 1197, 2023, 1001, 1389, 1109, 1687, 225, 75, 733, 221, 193, 1429, 1945, 655, 519, 161, 1087, 803, 155, 849, 153, 167, 825, 951, 323, 1137, 1773, 1385, 1621, 1891, 267, 2045, 185, 683, 1785, 1597, 341, 1547, 1561, 1911, 1057, 1059, 1507, 881, 819, 721, 1241, 473, 187, 1865, 985, 2025],
        ]
        let sobol = SobolSequence(dimensions: 64)
        XCTAssertEqual(SobolSequence.maximumDimensions, 64)
        let all = sobol.points(count: 2048)
        for (index, scaled) in scipy {
            let expected = scaled.map { Double($0) / 2048 }
            XCTAssertEqual(sobol.point(index), expected, "point \(index)")
            XCTAssertEqual(all[index], expected, "point \(index) by recurrence")
        }
    }

    func testRecurrenceAndDirectPointsAgreeAfterASkip() {
        let sobol = SobolSequence(dimensions: 13)
        let run = sobol.points(count: 300, skipping: 1000)
        for (i, p) in run.enumerated() { XCTAssertEqual(p, sobol.point(1000 + i)) }
    }

    func testEveryBlockOfPowerOfTwoPointsIsStratified() {
        // A Sobol sequence is a (t, s)-sequence: each block of 2^m points starting at a multiple
        // of 2^m puts exactly one point in each slice [j/2^m, (j+1)/2^m) of every coordinate.
        let sobol = SobolSequence(dimensions: 40)
        let m = 9, n = 1 << m
        for start in [0, n, 5 * n] {
            let points = sobol.points(count: n, skipping: start)
            for d in 0..<40 {
                var seen = [Int](repeating: 0, count: n)
                for p in points { seen[Int(p[d] * Double(n))] += 1 }
                XCTAssertEqual(seen, [Int](repeating: 1, count: n), "dimension \(d), block at \(start)")
            }
        }
    }

    func testLowDiscrepancyIntegration() {
        // ∫ Π (1 + (x_i − ½)) over [0,1]^8 is 1; 4096 Sobol points get within 1e-3, more than
        // ten times closer than independent draws' standard error ((13/12)^8 − 1 = 0.90 for the
        // variance: 0.015).
        let points = SobolSequence(dimensions: 8).points(count: 4096)
        let mean = points.reduce(0.0) { s, p in s + p.reduce(1.0) { $0 * (0.5 + $1) } } / 4096
        XCTAssertEqual(mean, 1, accuracy: 1e-3)
    }
}
