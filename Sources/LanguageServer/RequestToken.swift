import Foundation

/// The cancellation state of one request the client sent. `$/cancelRequest` cancels it from
/// the reader thread while a worker computes the answer; handlers registered with `onCancel`
/// stop long work (a proof run) at once.
final class RequestToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var handlers: [() -> Void] = []

    /// Whether the client cancelled the request.
    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Cancels the request and runs the registered handlers (once).
    func cancel() {
        lock.lock()
        guard !cancelled else {
            lock.unlock()
            return
        }
        cancelled = true
        let run = handlers
        handlers = []
        lock.unlock()
        for handler in run { handler() }
    }

    /// Runs `handler` when the request is cancelled (at once if it already is).
    func onCancel(_ handler: @escaping () -> Void) {
        lock.lock()
        if cancelled {
            lock.unlock()
            handler()
            return
        }
        handlers.append(handler)
        lock.unlock()
    }
}
