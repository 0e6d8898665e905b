import CZ3
import Synchronization

/// An owning handle on one Z3 context: every sort, term, solver and model is made by one.
///
/// The context is created with reference counting (`Z3_mk_context_rc`) and a no-op error
/// handler, so Z3 never aborts the process: every C call made through this module is followed
/// by a read of the context's error code, and a non-zero code becomes a thrown `SolverError`.
/// Every `Term`, `Sort`, `FuncDecl`, `Solver` and `Model` holds a strong reference to its
/// context, so the context is deleted (`Z3_del_context`) only after the last of them is gone.
///
/// **Threads.** A context is not thread-safe, and the compiler cannot see that: this class and
/// the wrappers of its handles (`Term`, `Sort`, `FuncDecl`, `Solver`, `Model`) are
/// `@unchecked Sendable`. Only the thread that owns the context at the moment may touch it or
/// anything made from it: the proofs give each worker thread its own context, and a context
/// may pass to another thread between calls (the proof cache's pool lends idle contexts to the
/// next run's workers). The exceptions are `interrupt()` and the interruptions a check makes
/// for its deadline or its cancellation token (`QueryInterruption`), which call `Z3_interrupt`,
/// the one Z3 call that is safe from any thread at any time; `interruptionCount` is atomic.
public final class Z3Context: @unchecked Sendable {
    /// The largest character code Z3 4.8.12 accepts in a string (its default "unicode" encoding).
    public static let maxCharacter: UInt32 = 0x2FFFF

    /// The underlying C context.
    let raw: Z3_context
    /// Counts `interrupt()` calls, so a check can tell an interruption from its own deadline or
    /// cancellation (the solvers report all of them as "canceled" or "interrupted").
    private let interruptions = Atomic<Int>(0)

    /// Creates a context with Z3's default configuration.
    /// - Throws: `SolverError` when Z3 cannot create a configuration or a context.
    public init() throws {
        guard let config = Z3_mk_config() else {
            throw SolverError(kind: .wrapper, message: "z3 could not create a configuration", operation: "init()")
        }
        defer { Z3_del_config(config) }
        guard let context = Z3_mk_context_rc(config) else {
            throw SolverError(kind: .wrapper, message: "z3 could not create a context", operation: "init()")
        }
        // Errors are read back from the context after each call; the default handler would exit.
        Z3_set_error_handler(context) { _, _ in }
        raw = context
    }

    deinit {
        Z3_del_context(raw)
    }

    /// The full version of the linked Z3 library, such as "4.8.12.0".
    public static var z3Version: String {
        Z3_get_full_version().map { String(cString: $0) } ?? "unknown"
    }

    /// The version numbers of the linked Z3 library.
    public static var z3VersionNumbers: (major: Int, minor: Int, build: Int, revision: Int) {
        var major: UInt32 = 0
        var minor: UInt32 = 0
        var build: UInt32 = 0
        var revision: UInt32 = 0
        Z3_get_version(&major, &minor, &build, &revision)
        return (Int(major), Int(minor), Int(build), Int(revision))
    }

    /// Stops whatever Z3 is doing on this context; safe to call from any thread.
    ///
    /// A running `check` returns `.unknown` (reason "interrupted" or "canceled"). Z3 4.8.12 keeps
    /// the request pending when nothing is running: until the next solver check, `simplify` and
    /// model evaluation on this context then fail with a "canceled" `SolverError`.
    public func interrupt() {
        interruptions.add(1, ordering: .sequentiallyConsistent)
        Z3_interrupt(raw)
    }

    /// How many times `interrupt()` was called on this context.
    public var interruptionCount: Int { interruptions.load(ordering: .sequentiallyConsistent) }

    /// Stops the running check for its deadline or its cancellation token (see
    /// `QueryInterruption`): like `interrupt()`, but not counted, so the check can say why it stopped.
    func interruptCheck() {
        Z3_interrupt(raw)
    }

    /// Sets a context parameter, such as `("smt.random_seed", "7")`.
    ///
    /// Give a check's time limit to `Solver.check(timeoutMilliseconds:assumptions:cancellation:)`,
    /// not as Z3's `timeout` parameter: Z3 4.8.12 enforces that with a thread pool whose races
    /// can hang `Z3_del_context`.
    /// - Throws: `SolverError` when Z3 rejects the name or the value.
    public func setParameter(_ name: String, _ value: String) throws {
        try call { Z3_update_param_value($0, name, value) }
    }

    // MARK: Checking every call

    /// Runs one C call on this context and throws if Z3 recorded an error for it.
    ///
    /// Every call into Z3 made by this module goes through here (or `callNonNull`), except the
    /// reference-count decrements in `deinit`s, which cannot fail for a handle we own.
    func call<Result>(operation: String = #function, _ body: (Z3_context) throws -> Result) throws -> Result {
        let result = try body(raw)
        let code = Z3_get_error_code(raw)
        guard code == Z3_OK else {
            let message = Z3_get_error_msg(raw, code).map { String(cString: $0) } ?? "error code \(code.rawValue)"
            throw SolverError(code: code, message: message, operation: operation)
        }
        return result
    }

    /// Like `call`, for C functions that return a handle: a null handle is an error too.
    func callNonNull<Result>(operation: String = #function, _ body: (Z3_context) throws -> Result?) throws -> Result {
        guard let result = try call(operation: operation, body) else {
            throw SolverError(kind: .wrapper, message: "z3 returned no result", operation: operation)
        }
        return result
    }

    /// Runs a C call that makes an AST and wraps the result in an owning `Term`.
    func term(operation: String = #function, _ body: (Z3_context) throws -> Z3_ast?) throws -> Term {
        try Term(context: self, adopting: callNonNull(operation: operation, body), operation: operation)
    }

    /// The C handle of a term, after checking that it belongs to this context.
    func handle(_ term: Term, _ operation: String = #function) throws -> Z3_ast {
        guard term.context === self else {
            throw SolverError(kind: .wrapper, message: "a term from another context was used", operation: operation)
        }
        return term.raw
    }

    /// The C handles of terms, after checking that they belong to this context.
    func handles(_ terms: [Term], _ operation: String = #function) throws -> [Z3_ast?] {
        try terms.map { try handle($0, operation) }
    }

    /// The C handle of a sort, after checking that it belongs to this context.
    func handle(_ sort: Sort, _ operation: String = #function) throws -> Z3_sort {
        guard sort.context === self else {
            throw SolverError(kind: .wrapper, message: "a sort from another context was used", operation: operation)
        }
        return sort.raw
    }

    /// Makes a Z3 symbol for a name.
    func symbol(_ name: String, _ operation: String = #function) throws -> Z3_symbol {
        try callNonNull(operation: operation) { Z3_mk_string_symbol($0, name) }
    }

    /// Clears an interruption that Z3 4.8.12 may have left pending on the context.
    ///
    /// A solver check resets the context's cancellation flag, so a check of an empty solver
    /// is the cheapest way to do it; see `interrupt()`.
    func clearPendingInterruption() {
        // Best effort: if this fails the request stays pending until the next check clears it.
        guard let solver = try? callNonNull({ Z3_mk_solver($0) }) else { return }
        guard (try? call { Z3_solver_inc_ref($0, solver) }) != nil else { return }
        _ = try? call { Z3_solver_check($0, solver) }
        Z3_solver_dec_ref(raw, solver)
    }
}
