import CZ3
import Cancellation

/// An incremental Z3 solver: assertions, scopes, and checks with a per-query timeout.
///
/// Owns one reference to the Z3 solver and keeps its context alive. Make one per query (or
/// reuse one with `push()`/`pop(_:)`); it is as single-threaded as its context, and
/// `@unchecked Sendable` for the same reason (see `Z3Context`).
public final class Solver: @unchecked Sendable, CustomStringConvertible {
    /// The context the solver belongs to.
    public let context: Z3Context
    /// The C handle.
    let raw: Z3_solver

    /// How a solver is built.
    public enum Strategy: Sendable {
        /// Z3's default solver (`Z3_mk_solver`): picks a tactic for the logic on the first check.
        /// Its set-up costs several milliseconds per solver, whatever the query.
        case tactics
        /// The SMT kernel alone (`Z3_mk_simple_solver`): no preprocessing tactics, so a small
        /// query is answered in well under a millisecond. The same theories and answers.
        case kernel
    }

    /// Creates a solver for the given context, with Z3's default strategy unless `strategy` says otherwise.
    public init(context: Z3Context, strategy: Strategy = .tactics) throws {
        let raw = try context.callNonNull { context in
            switch strategy {
            case .tactics: return Z3_mk_solver(context)
            case .kernel: return Z3_mk_simple_solver(context)
            }
        }
        try context.call { Z3_solver_inc_ref($0, raw) }
        self.context = context
        self.raw = raw
    }

    deinit {
        Z3_solver_dec_ref(context.raw, raw)
    }

    /// Asserts a Boolean term.
    public func add(_ assertion: Term) throws {
        let a = try context.handle(assertion)
        try context.call { Z3_solver_assert($0, raw, a) }
    }

    /// Asserts each of the Boolean terms.
    public func add(_ assertions: [Term]) throws {
        for assertion in assertions { try add(assertion) }
    }

    /// Opens a scope: assertions made after it are removed by the matching `pop(_:)`.
    public func push() throws {
        try context.call { Z3_solver_push($0, raw) }
    }

    /// Closes the innermost `count` scopes, removing their assertions.
    /// - Throws: `SolverError` when fewer scopes are open.
    public func pop(_ count: Int = 1) throws {
        guard count >= 0, count <= (try scopeCount) else {
            throw SolverError(
                kind: .indexOutOfBounds, message: "cannot pop \(count) scopes; \(try scopeCount) are open", operation: "pop(_:)")
        }
        try context.call { Z3_solver_pop($0, raw, UInt32(count)) }
    }

    /// The number of open scopes.
    public var scopeCount: Int {
        get throws { Int(try context.call { Z3_solver_get_num_scopes($0, raw) }) }
    }

    /// Removes every assertion and scope.
    public func reset() throws {
        try context.call { Z3_solver_reset($0, raw) }
    }

    /// Checks the assertions (plus `assumptions`, which hold for this check only), blocking.
    ///
    /// - Parameters:
    ///   - timeoutMilliseconds: the time limit of this check; `nil` for none (0 counts as 1).
    ///     When it runs out the answer is `.unknown(reason: "timeout")`, with either strategy.
    ///     The limit is kept by `DeadlineTimer`, which interrupts the context, not by Z3's
    ///     `timeout` parameter (whose timer threads can hang Z3 4.8.12).
    ///   - assumptions: Boolean terms that hold for this check only.
    ///   - cancellation: a token whose cancellation stops the check (it interrupts the context
    ///     while the check runs); an already cancelled token stops it before it starts.
    /// - Returns: `.sat` with a model, `.unsat`, or `.unknown` with a reason: "timeout" for the
    ///   time limit, Z3's "interrupted" or "canceled" for the token and for `Z3Context.interrupt()`
    ///   ("canceled" when the token was cancelled before the check started).
    /// - Throws: `SolverError` when Z3 reports an error.
    public func check(
        timeoutMilliseconds: UInt32? = nil, assumptions: [Term] = [],
        cancellation: CancellationToken? = nil
    ) throws -> CheckResult {
        let literals = try context.handles(assumptions)
        let interruption = QueryInterruption(context: context)
        let registration = cancellation?.onCancel { interruption.cancel() }
        defer { if let cancellation, let registration { cancellation.remove(registration) } }
        guard interruption.begin() else { return .unknown(reason: "canceled") }
        let deadline = timeoutMilliseconds.map { milliseconds in
            DeadlineTimer.shared.schedule(after: .milliseconds(max(milliseconds, 1))) { interruption.expire() }
        }
        let interruptionsBefore = context.interruptionCount
        let status: Z3_lbool
        do {
            defer {
                if let deadline { DeadlineTimer.shared.cancel(deadline) }
                interruption.end()
            }
            status = try context.call(operation: "check(timeoutMilliseconds:assumptions:cancellation:)") { context in
                literals.isEmpty
                    ? Z3_solver_check(context, raw)
                    : Z3_solver_check_assumptions(context, raw, UInt32(literals.count), literals)
            }
        }
        switch status {
        case Z3_L_TRUE:
            return .sat(try Model(context: context, adopting: context.callNonNull { Z3_solver_get_model($0, raw) }))
        case Z3_L_FALSE:
            return .unsat
        default:
            let reason = try context.call { Z3_solver_get_reason_unknown($0, raw).map { String(cString: $0) } } ?? "unknown"
            if reason == "canceled" || reason == "interrupted", interruption.hasExpired, !interruption.wasCancelled,
                context.interruptionCount == interruptionsBefore
            {
                return .unknown(reason: "timeout")
            }
            return .unknown(reason: reason)
        }
    }

    /// The assumptions of the last `.unsat` check that were enough to make it unsatisfiable.
    public func unsatCore() throws -> [Term] {
        let vector = try context.callNonNull { Z3_solver_get_unsat_core($0, raw) }
        try context.call { Z3_ast_vector_inc_ref($0, vector) }
        defer { Z3_ast_vector_dec_ref(context.raw, vector) }
        let count = try context.call { Z3_ast_vector_size($0, vector) }
        return try (0..<count).map { index in
            try context.term { Z3_ast_vector_get($0, vector, index) }
        }
    }

    /// The solver's assertions in SMT-LIB notation.
    public var description: String {
        (try? context.call { Z3_solver_to_string($0, raw).map { String(cString: $0) } }) ?? "<solver>"
    }
}
