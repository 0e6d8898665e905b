import CZ3

extension Solver {
    /// Checks the assertions without blocking the caller's thread, and stops when the task is cancelled.
    ///
    /// The blocking Z3 call runs on the context's serial queue, off Swift's cooperative pool.
    /// When the calling task is cancelled, a cancellation handler calls `Z3_interrupt` on the
    /// context, the check stops promptly, and this method throws `CancellationError` (it also
    /// throws it without calling Z3 when the task is already cancelled). A result that arrives
    /// after cancellation is discarded: a cancelled caller always sees `CancellationError`.
    ///
    /// - Parameters:
    ///   - timeout: the time limit of this check, or `nil` for none; running out gives `.unknown`.
    ///   - assumptions: Boolean terms that hold for this check only.
    /// - Throws: `CancellationError` when the task was cancelled, `SolverError` when Z3 reports an error.
    public func check(timeout: Duration?, assumptions: [Term] = []) async throws -> CheckResult {
        try Task.checkCancellation()
        let milliseconds = timeout.map(Self.milliseconds)
        let interruption = QueryInterruption(context: context)
        let result: Result<CheckResult, any Error> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                context.queue.async {
                    continuation.resume(returning: Result {
                        try self.check(timeoutMilliseconds: milliseconds, assumptions: assumptions, interruption: interruption)
                    })
                }
            }
        } onCancel: {
            interruption.cancel()
        }
        if interruption.wasCancelled {
            throw CancellationError()
        }
        return try result.get()
    }

    /// A duration in whole milliseconds, rounded up, at least 1 (Z3 reads 0 as "no limit") and
    /// below `UInt32.max` (which also means "no limit").
    static func milliseconds(_ duration: Duration) -> UInt32 {
        let (seconds, attoseconds) = duration.components
        let total = Double(seconds) * 1_000 + (Double(attoseconds) / 1e15).rounded(.up)
        return UInt32(min(max(total, 1), Double(UInt32.max - 1)))
    }
}
