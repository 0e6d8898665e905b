import Foundation
import PolicyEngine
import PolicySQL
import Synchronization

/// The compiled policies of a workspace whose schema is a file, compiled on a background thread
/// while the main thread connects and reads the catalog (the client's and the server's work
/// overlap). `wait()` returns the program, or rethrows what compiling threw (exit code 1 after
/// printing the errors), as often as it is called.
final class PendingProgram: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Result<CompiledProgram, any Error>?>(nil)

    /// Starts compiling `snapshot` (a workspace's against its schema file).
    init(_ snapshot: WorkspaceSnapshot) {
        let thread = Thread { [self] in
            let outcome = Result { try LiveWorkspace.compiledOffline(snapshot) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The program, once compiled.
    func wait() throws -> CompiledProgram {
        if let result = result.withLock({ $0 }) { return try result.get() }
        done.wait()
        done.signal()
        guard let result = result.withLock({ $0 }) else { throw ToolFailure("compilation did not finish") }
        return try result.get()
    }
}
