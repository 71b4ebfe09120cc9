// TEMPORARY until the I/O files land.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String; public var path: String; public var message: String
    public var description: String { "\(file): \(path): \(message)" }
}
public func closestKey(to key: String, among candidates: [String]) -> String? { nil }
