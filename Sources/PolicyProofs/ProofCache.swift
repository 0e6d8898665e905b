import Foundation
import PolicySchema
import SMT

/// Results of solver queries keyed by everything the answer depends on (the normalized
/// effective predicates, the column types, nested RLS, the proof), and each table's verdicts
/// with everything they depend on (`TableSignature`), shared across runs so an edit re-proves
/// only what it changed, and plans nothing for the tables it did not touch. Thread-safe.
public final class ProofCache: @unchecked Sendable {
    /// What is remembered for a query.
    struct Outcome {
        var status: VerdictStatus
        var reason: String?
        var counterexample: Counterexample?
        /// (session, policy, clause text) of the clauses that admitted each session.
        var blame: [(session: Int?, policy: String, clause: String)]
        var solverMilliseconds: Double
        /// Which of the query's questions (0: the first, then its alternatives) decided a failure.
        var question: Int = 0
    }

    private let lock = NSLock()
    private var storage: [String: Outcome] = [:]
    private var tables: [QualifiedName: (signature: TableSignature, verdicts: [Verdict])] = [:]

    /// An empty cache.
    public init() {}

    /// The number of remembered outcomes.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return storage.count
    }

    /// The remembered outcome of the query with this key.
    func outcome(_ key: String) -> Outcome? {
        lock.lock()
        defer { lock.unlock() }
        return storage[key]
    }

    /// Remembers a query's outcome.
    func store(_ key: String, _ outcome: Outcome) {
        lock.lock()
        storage[key] = outcome
        lock.unlock()
    }

    /// The verdicts of `table` from an earlier run, if its signature was the same.
    func verdicts(of table: QualifiedName, signature: TableSignature) -> [Verdict]? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = tables[table], entry.signature == signature else { return nil }
        return entry.verdicts
    }

    /// Remembers a table's verdicts under its signature (replacing earlier ones).
    func store(_ verdicts: [Verdict], of table: QualifiedName, signature: TableSignature) {
        lock.lock()
        tables[table] = (signature, verdicts)
        lock.unlock()
    }

    /// Forgets everything.
    public func removeAll() {
        lock.lock()
        storage.removeAll()
        tables.removeAll()
        lock.unlock()
    }

    /// Z3 contexts (with their solvers) that earlier runs' workers finished with: making a
    /// context costs about 10 ms, more than re-proving what a typical edit changed.
    private var idleSolvers: [(context: Z3Context, solver: Solver?)] = []
    /// At most this many idle contexts are kept.
    private static let idleSolverLimit = 8

    /// An idle context for a worker, if there is one; the worker owns it until it returns it.
    func borrowSolver() -> (context: Z3Context, solver: Solver?)? {
        lock.lock()
        defer { lock.unlock() }
        return idleSolvers.popLast()
    }

    /// Takes back a context a worker no longer uses (its solver holds no assertions).
    func returnSolver(context: Z3Context, solver: Solver?) {
        lock.lock()
        if idleSolvers.count < ProofCache.idleSolverLimit { idleSolvers.append((context, solver)) }
        lock.unlock()
    }
}
