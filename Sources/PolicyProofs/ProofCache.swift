import PolicySchema
import SMT
import Synchronization

/// Results of solver queries keyed by everything the answer depends on (the normalized
/// effective predicates, the column types, nested RLS, the proof), and each table's verdicts
/// with everything they depend on (`TableSignature`), shared across runs so an edit re-proves
/// only what it changed, and plans nothing for the tables it did not touch. Thread-safe.
public final class ProofCache: Sendable {
    /// What is remembered for a query.
    struct Outcome: Sendable {
        var status: VerdictStatus
        var reason: String?
        var counterexample: Counterexample?
        /// (session, policy, clause text) of the clauses that admitted each session.
        var blame: [(session: Int?, policy: String, clause: String)]
        var solverMilliseconds: Double
        /// Which of the query's questions (0: the first, then its alternatives) decided a failure.
        var question: Int = 0
    }

    /// Everything remembered.
    private struct Storage {
        var outcomes: [String: Outcome] = [:]
        var tables: [QualifiedName: (signature: TableSignature, verdicts: [Verdict])] = [:]
        /// Z3 contexts (with their solvers) that earlier runs' workers finished with: making a
        /// context costs about 10 ms, more than re-proving what a typical edit changed.
        var idleSolvers: [(context: Z3Context, solver: Solver?)] = []
    }

    private let storage = Mutex(Storage())
    /// At most this many idle contexts are kept.
    private static let idleSolverLimit = 8

    /// An empty cache.
    public init() {}

    /// The number of remembered outcomes.
    public var count: Int {
        storage.withLock { $0.outcomes.count }
    }

    /// The remembered outcome of the query with this key.
    func outcome(_ key: String) -> Outcome? {
        storage.withLock { $0.outcomes[key] }
    }

    /// Remembers a query's outcome.
    func store(_ key: String, _ outcome: Outcome) {
        storage.withLock { $0.outcomes[key] = outcome }
    }

    /// The verdicts of `table` from an earlier run, if its signature was the same.
    func verdicts(of table: QualifiedName, signature: TableSignature) -> [Verdict]? {
        storage.withLock { storage in
            guard let entry = storage.tables[table], entry.signature == signature else { return nil }
            return entry.verdicts
        }
    }

    /// Remembers a table's verdicts under its signature (replacing earlier ones).
    func store(_ verdicts: [Verdict], of table: QualifiedName, signature: TableSignature) {
        storage.withLock { $0.tables[table] = (signature, verdicts) }
    }

    /// Forgets everything but the idle contexts.
    public func removeAll() {
        storage.withLock { storage in
            storage.outcomes.removeAll()
            storage.tables.removeAll()
        }
    }

    /// An idle context for a worker, if there is one; the worker owns it until it returns it.
    func borrowSolver() -> (context: Z3Context, solver: Solver?)? {
        storage.withLock { $0.idleSolvers.popLast() }
    }

    /// Takes back a context a worker no longer uses (its solver holds no assertions).
    func returnSolver(context: Z3Context, solver: Solver?) {
        storage.withLock { storage in
            if storage.idleSolvers.count < ProofCache.idleSolverLimit { storage.idleSolvers.append((context, solver)) }
        }
    }
}
