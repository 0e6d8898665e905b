import Foundation
import SMT

/// Lets another thread stop an analysis: pending proofs are skipped and running Z3 queries
/// are interrupted.
public final class CancellationToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var contexts: [ObjectIdentifier: Z3Context] = [:]

    /// A token that is not cancelled.
    public init() {}

    /// Whether `cancel()` was called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Stops the analysis: interrupts every registered Z3 context.
    public func cancel() {
        lock.lock()
        cancelled = true
        let running = Array(contexts.values)
        lock.unlock()
        for context in running { context.interrupt() }
    }

    func register(_ context: Z3Context) {
        lock.lock()
        contexts[ObjectIdentifier(context)] = context
        let stop = cancelled
        lock.unlock()
        if stop { context.interrupt() }
    }

    func unregister(_ context: Z3Context) {
        lock.lock()
        contexts[ObjectIdentifier(context)] = nil
        lock.unlock()
    }
}
