import Foundation
import Dispatch
import Concerto

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

/// SIGINT / SIGTERM / SIGHUP while an output file is being written (`run`, `compare`, `report`,
/// `schema --output`): the temporary file is removed, then the process ends by the same signal
/// as it would have without the handler (shells report 130, 143 or 129). Outside
/// ``during(_:)`` the signals keep their default action: nothing is written yet, so there is
/// nothing to clean.
enum WriteGuard {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Runs `body` with the handlers installed.
    static func during<T>(_ body: () throws -> T) rethrows -> T {
        install()
        defer { uninstall() }
        return try body()
    }

    private static func install() {
        lock.lock(); defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                AtomicFile.abandonPendingWrites()
                signal(sig, SIG_DFL)
                kill(getpid(), sig)
            }
            source.resume()
            sources.append(source)
        }
    }

    private static func uninstall() {
        lock.lock(); defer { lock.unlock() }
        for s in sources { s.cancel() }
        sources = []
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
    }
}
