import Synchronization

/// What stops one solver check early: its deadline (the check's time limit) and its
/// cancellation token, and how the check learns which of them did.
///
/// `Z3_interrupt` only stops a check that is already running: Z3 4.8.12 forgets a request made
/// just before the check starts, and keeps one made just after it ends (breaking later
/// `simplify` and model calls). So the deadline and the cancellation interrupt only while the
/// check runs, repeat the request every few milliseconds (on `DeadlineTimer`'s thread) until
/// the check returns, and the check clears a request left behind once it is over.
final class QueryInterruption: Sendable {
    /// How often a check that should stop is interrupted again until it returns.
    static let repeatInterval: Duration = .milliseconds(10)

    /// The check's progress and what asked it to stop.
    private struct State {
        var running = false
        var cancelled = false
        var expired = false
        var interrupted = false
    }

    private let context: Z3Context
    private let state = Mutex(State())

    /// Creates the state for one check on `context`.
    init(context: Z3Context) {
        self.context = context
    }

    /// Whether cancellation was requested.
    var wasCancelled: Bool {
        state.withLock { $0.cancelled }
    }

    /// Whether the deadline passed while the check ran.
    var hasExpired: Bool {
        state.withLock { $0.expired }
    }

    /// Marks the C call as started; returns false (and the call must not start) when cancelled.
    func begin() -> Bool {
        state.withLock { state in
            guard !state.cancelled else { return false }
            state.running = true
            return true
        }
    }

    /// Marks the C call as returned; clears an interruption it may have left on the context.
    func end() {
        let clear = state.withLock { state in
            state.running = false
            return state.interrupted
        }
        if clear { context.clearPendingInterruption() }
    }

    /// Requests cancellation (from the token's handler, on any thread): interrupts the running
    /// check now and again until it returns.
    func cancel() {
        state.withLock { $0.cancelled = true }
        if let again = interruptWhileRunning() {
            _ = DeadlineTimer.shared.schedule(after: again) { [self] in interruptWhileRunning() }
        }
    }

    /// The deadline passed (on the timer's thread): interrupts the running check; returns when
    /// to interrupt it again, or `nil` once it has returned.
    func expire() -> Duration? {
        state.withLock { state in
            if state.running { state.expired = true }
        }
        return interruptWhileRunning()
    }

    /// Interrupts the context if the check is still running; returns when to try again, or
    /// `nil` when the check is over.
    private func interruptWhileRunning() -> Duration? {
        state.withLock { state in
            guard state.running else { return nil }
            state.interrupted = true
            context.interruptCheck()
            return Self.repeatInterval
        }
    }
}
