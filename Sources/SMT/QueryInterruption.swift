import CZ3
import Dispatch
import Foundation

/// The state shared between one async solver check and its task-cancellation handler.
///
/// `Z3_interrupt` only stops a check that is already running: Z3 4.8.12 forgets a request made
/// just before the check starts, and keeps one made just after it ends (breaking later
/// `simplify` and model calls). So the handler interrupts only while the check runs, repeats the
/// request every few milliseconds until the check returns, and the runner clears a request left
/// behind once the check is over.
final class QueryInterruption: @unchecked Sendable {
    /// How often a cancelled check is interrupted again until it returns.
    private static let repeatInterval: DispatchTimeInterval = .milliseconds(10)

    private let context: Z3Context
    private let lock = NSLock()
    private var running = false
    private var cancelled = false
    private var interrupted = false

    /// Creates the state for one check on `context`.
    init(context: Z3Context) {
        self.context = context
    }

    /// Whether cancellation was requested.
    var wasCancelled: Bool {
        locked { cancelled }
    }

    /// Marks the C call as started; returns false (and the call must not start) when cancelled.
    func begin() -> Bool {
        locked {
            guard !cancelled else { return false }
            running = true
            return true
        }
    }

    /// Marks the C call as returned; clears an interruption it may have left on the context.
    func end() {
        let clear = locked {
            running = false
            return interrupted
        }
        if clear { context.clearPendingInterruption() }
    }

    /// Requests cancellation: interrupts the running check now and again until it returns.
    func cancel() {
        locked { cancelled = true }
        interruptWhileRunning()
    }

    /// Runs `body` holding the lock.
    private func locked<Value>(_ body: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Interrupts the context if the check is still running, and schedules the next attempt.
    private func interruptWhileRunning() {
        let again = locked {
            guard running else { return false }
            interrupted = true
            context.interrupt()
            return true
        }
        if again {
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.repeatInterval) { [self] in
                interruptWhileRunning()
            }
        }
    }
}
