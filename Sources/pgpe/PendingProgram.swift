import Foundation
import PolicySQL

/// The compiled policies of a workspace whose schema is a file, compiled on a background thread
/// while the main thread connects and reads the catalog (the client's and the server's work
/// overlap). `wait()` returns the program, or rethrows what compiling threw (exit code 1 after
/// printing the errors), as often as it is called.
final class PendingProgram: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<CompiledProgram, Error>?

    /// Starts compiling `workspace` (which must use a schema file).
    init(_ workspace: LiveWorkspace) {
        let thread = Thread { [self] in
            let outcome = Result { try workspace.compiledOffline() }
            lock.withLock { result = outcome }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The program, once compiled.
    func wait() throws -> CompiledProgram {
        if let result = lock.withLock({ result }) { return try result.get() }
        done.wait()
        done.signal()
        guard let result = lock.withLock({ result }) else { throw ToolFailure("compilation did not finish") }
        return try result.get()
    }
}
