import Foundation
import Dispatch

/// SIGINT / SIGTERM handling for long commands: the first signal asks the command to stop after
/// the piece of work in progress (finished sweep cells are kept); the process then exits 130.
final class Interrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var _signal: Int32 = 0
    private var sources: [DispatchSourceSignal] = []

    init() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.set(sig) }
            source.resume()
            sources.append(source)
        }
    }

    private func set(_ sig: Int32) { lock.lock(); if _signal == 0 { _signal = sig }; lock.unlock() }

    /// The signal received, or 0.
    var received: Int32 { lock.lock(); defer { lock.unlock() }; return _signal }

    deinit {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL); signal(SIGTERM, SIG_DFL)
    }
}
