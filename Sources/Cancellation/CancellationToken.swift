import Synchronization

/// Lets one party ask the work of others to stop: the one cancellation token from a request
/// (or an edit) down to the solver.
///
/// Whoever starts long work hands the token down; the work polls `isCancelled` between steps
/// and registers, around a blocking call it cannot poll from (a Z3 check), a handler that stops
/// that call (`Z3_interrupt`). `cancel()` may be called from any thread, any number of times:
/// the first call runs every registered handler once, on the calling thread; later calls do
/// nothing. A handler registered after the cancellation runs at once.
public final class CancellationToken: Sendable {
    /// A registered handler, for `remove(_:)`.
    public struct Registration: Sendable, Hashable {
        /// The handler's key (0 for a handler that already ran).
        fileprivate let key: Int
    }

    /// Whether the token is cancelled, and the handlers waiting for it.
    private struct State {
        var cancelled = false
        var handlers: [Int: @Sendable () -> Void] = [:]
        var nextKey = 1
    }

    private let state = Mutex(State())

    /// A token that is not cancelled.
    public init() {}

    /// Whether `cancel()` was called.
    public var isCancelled: Bool {
        state.withLock { $0.cancelled }
    }

    /// Cancels the token and runs the registered handlers, in the order they were registered
    /// (only the first call does anything).
    public func cancel() {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.cancelled else { return [] }
            state.cancelled = true
            let waiting = state.handlers.sorted { $0.key < $1.key }.map(\.value)
            state.handlers = [:]
            return waiting
        }
        for handler in handlers { handler() }
    }

    /// Runs `handler` when the token is cancelled (at once, on this thread, if it already is).
    /// Remove it with `remove(_:)` when the work it stops is over.
    @discardableResult
    public func onCancel(_ handler: @escaping @Sendable () -> Void) -> Registration {
        let key = state.withLock { state -> Int in
            guard !state.cancelled else { return 0 }
            let key = state.nextKey
            state.nextKey += 1
            state.handlers[key] = handler
            return key
        }
        if key == 0 { handler() }
        return Registration(key: key)
    }

    /// Forgets a handler registered with `onCancel(_:)`. A handler that `cancel()` already took
    /// may still be running (or about to run) on the cancelling thread: it must cope with
    /// being called after the work it stops is over.
    public func remove(_ registration: Registration) {
        guard registration.key != 0 else { return }
        state.withLock { _ = $0.handlers.removeValue(forKey: registration.key) }
    }

    /// Runs `body` with `handler` registered, and removes it afterwards.
    public func whileRegistered<Result>(
        onCancel handler: @escaping @Sendable () -> Void,
        _ body: () throws -> Result
    ) rethrows -> Result {
        let registration = onCancel(handler)
        defer { remove(registration) }
        return try body()
    }
}
