/// Why PRIM could not run: a design or an outcome that does not fit together, or an option out
/// of its range. The message names the parameter, point or option at fault.
public struct PRIMError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
