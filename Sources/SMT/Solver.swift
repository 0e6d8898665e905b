import CZ3

/// An incremental Z3 solver: assertions, scopes, and checks with a per-query timeout.
///
/// Owns one reference to the Z3 solver and keeps its context alive. Make one per query (or
/// reuse one with `push()`/`pop(_:)`); it is as single-threaded as its context.
public final class Solver: @unchecked Sendable, CustomStringConvertible {
    /// The context the solver belongs to.
    public let context: Z3Context
    /// The C handle.
    let raw: Z3_solver
    /// The timeout currently set on the solver, in milliseconds (`UInt32.max` means none).
    private var timeoutSet: UInt32 = .max

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
            throw SolverError(kind: .indexOutOfBounds, message: "cannot pop \(count) scopes; \(try scopeCount) are open", operation: "pop(_:)")
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
    /// - Parameter timeoutMilliseconds: the time limit of this check; `nil` for none. When it
    ///   runs out the answer is `.unknown` with Z3's reason ("timeout" in 4.8.12). Z3 reads 0 as
    ///   "no limit", so 0 is sent as 1.
    /// - Returns: `.sat` with a model, `.unsat`, or `.unknown` with a reason; an interruption by
    ///   `Z3Context.interrupt()` is `.unknown` too. Running out of time is reported as "timeout"
    ///   with either strategy (the kernel solver itself says "canceled" for both).
    /// - Throws: `SolverError` when Z3 reports an error.
    public func check(timeoutMilliseconds: UInt32? = nil, assumptions: [Term] = []) throws -> CheckResult {
        try check(timeoutMilliseconds: timeoutMilliseconds, assumptions: assumptions, interruption: nil)
    }

    /// The check behind both the blocking and the async API; `interruption` brackets the C call.
    func check(timeoutMilliseconds: UInt32?, assumptions: [Term], interruption: QueryInterruption?) throws -> CheckResult {
        try setTimeout(timeoutMilliseconds.map { max($0, 1) } ?? .max)
        let literals = try context.handles(assumptions)
        if let interruption, !interruption.begin() {
            return .unknown(reason: "canceled")
        }
        let interruptionsBefore = context.interruptionCount
        let status: Z3_lbool
        do {
            status = try context.call(operation: "check(timeoutMilliseconds:assumptions:)") { context in
                literals.isEmpty
                    ? Z3_solver_check(context, raw)
                    : Z3_solver_check_assumptions(context, raw, UInt32(literals.count), literals)
            }
        } catch {
            interruption?.end()
            throw error
        }
        interruption?.end()
        switch status {
        case Z3_L_TRUE:
            return .sat(try Model(context: context, adopting: context.callNonNull { Z3_solver_get_model($0, raw) }))
        case Z3_L_FALSE:
            return .unsat
        default:
            let reason = try context.call { Z3_solver_get_reason_unknown($0, raw).map { String(cString: $0) } } ?? "unknown"
            if reason == "canceled", timeoutMilliseconds != nil, context.interruptionCount == interruptionsBefore,
               interruption?.wasCancelled != true {
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

    /// Sets the solver's `timeout` parameter when it differs from the one already set.
    private func setTimeout(_ milliseconds: UInt32) throws {
        guard milliseconds != timeoutSet else { return }
        let params = try context.callNonNull { Z3_mk_params($0) }
        try context.call { Z3_params_inc_ref($0, params) }
        defer { Z3_params_dec_ref(context.raw, params) }
        let name = try context.symbol("timeout")
        try context.call { Z3_params_set_uint($0, params, name, milliseconds) }
        try context.call { Z3_solver_set_params($0, raw, params) }
        timeoutSet = milliseconds
    }
}
