import Foundation
public func runConcerto(_ args: [String]) -> Int32 { 0 }
