import Dispatch

/// The executor of the `LanguageServer` actor: runs its jobs on the server's serial queue, so
/// the actor's own jobs and the work handed to that queue with `LanguageServer.enqueue` share
/// one queue and one order (messages are handled in the order they were read).
final class QueueExecutor: SerialExecutor {
    /// The serial queue.
    let queue: DispatchQueue

    /// An executor on `queue`, which must be serial.
    init(queue: DispatchQueue) {
        self.queue = queue
    }

    /// Runs `job` on the queue, after what is queued already.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// The executor, unowned.
    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Stops the process unless the caller runs on the queue (what `assumeIsolated` asks when
    /// a block the queue runs, not one of the actor's jobs, claims the actor's isolation).
    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
