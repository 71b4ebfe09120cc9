import Foundation
import ConcertoCLI

exit(runConcerto(Array(CommandLine.arguments.dropFirst())))
