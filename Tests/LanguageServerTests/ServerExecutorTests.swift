import Dispatch
import TestSupport
import Testing

@testable import LanguageServer

/// The server actor runs on its serial queue: its own jobs run there, and they and the work
/// handed to the queue with `enqueue` keep the order in which they were sent.
struct ServerExecutorTests {
    @Test func theActorsJobsRunOnItsQueueInOrderWithEnqueuedWork() async throws {
        let harness = try ServerHarness(example: false)
        let server = harness.server
        let key = DispatchSpecificKey<Int>()
        server.queue.setSpecific(key: key, value: 7)
        let order = LockedBox<[String]>([])
        server.enqueue { _ in order.set(order.get() + ["enqueued \(DispatchQueue.getSpecific(key: key) ?? 0)"]) }
        await server.recordIsolated { order.set(order.get() + ["isolated \(DispatchQueue.getSpecific(key: key) ?? 0)"]) }
        let done = DispatchSemaphore(value: 0)
        server.enqueue { _ in
            order.set(order.get() + ["after \(DispatchQueue.getSpecific(key: key) ?? 0)"])
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(order.get() == ["enqueued 7", "isolated 7", "after 7"])
    }
}

extension LanguageServer {
    /// Runs `body` isolated to the server (one of the actor's own jobs).
    fileprivate func recordIsolated(_ body: @Sendable () -> Void) {
        body()
    }
}
