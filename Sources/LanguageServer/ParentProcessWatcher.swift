import Foundation
import Synchronization

/// Watches the client's process (`initialize`'s `processId`): every `interval` seconds it asks
/// the kernel whether the process still exists (`kill(pid, 0)`), and once it is gone calls
/// `gone` once, on its own queue. The specification asks a server to exit when its parent
/// process dies, even when the pipes it reads stay open (a crashed editor whose children hold
/// them, a client that never closes them).
final class ParentProcessWatcher: Sendable {
    private let pid: pid_t
    private let interval: Double
    private let queue = DispatchQueue(label: "pgpe.lsp.parent", qos: .utility)
    private let gone: @Sendable () -> Void
    /// The timer, while watching.
    private let timer = Mutex<DispatchSourceTimer?>(nil)

    /// A watcher of `pid`, polled every `interval` seconds; `gone` runs once when it has exited.
    init(pid: pid_t, interval: Double, gone: @escaping @Sendable () -> Void) {
        self.pid = pid
        self.interval = interval
        self.gone = gone
    }

    /// Starts polling.
    func start() {
        queue.async { [self] in
            timer.withLock { timer in
                guard timer == nil else { return }
                let made = DispatchSource.makeTimerSource(queue: queue)
                made.schedule(deadline: .now() + interval, repeating: interval)
                made.setEventHandler { [weak self] in self?.check() }
                made.resume()
                timer = made
            }
        }
    }

    private func check() {
        guard !ParentProcessWatcher.isAlive(pid) else { return }
        cancel()
        gone()
    }

    private func cancel() {
        timer.withLock { timer in
            timer?.cancel()
            timer = nil
        }
    }

    /// Whether process `pid` exists: signal 0 checks without sending anything; EPERM means it
    /// exists but belongs to another user.
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
