import Foundation
import Concerto

enum CalibrateCommand {
    static func run(_ args: [String]) -> CommandOutput { .usageError("not yet", command: "calibrate") }
}
