/// Why a sensitivity analysis could not read the outputs it was given.
public enum SensitivityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The design has `expected` rows but `got` outputs were given (one output per row, in the
    /// design's order).
    case outputCount(expected: Int, got: Int)
    /// The output of design row `row` is not a finite number (a measure undefined in that run,
    /// such as a median latency with no decided issue): choose another measure or drop it.
    case nonFiniteOutput(row: Int, value: Double)

    public var description: String {
        switch self {
        case let .outputCount(expected, got):
            return "the design has \(expected) rows but \(got) outputs were given"
        case let .nonFiniteOutput(row, value):
            return "the output of design row \(row) is \(value), not a finite number"
        }
    }

    /// Checks that `outputs` has one finite value per design row.
    static func check(_ outputs: [Double], rows: Int) throws {
        guard outputs.count == rows else { throw SensitivityError.outputCount(expected: rows, got: outputs.count) }
        if let row = outputs.firstIndex(where: { !$0.isFinite }) {
            throw SensitivityError.nonFiniteOutput(row: row, value: outputs[row])
        }
    }
}
