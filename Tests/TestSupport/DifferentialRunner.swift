import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import PostgresClient

/// Runs differential cases against PostgreSQL and the reference evaluator and compares them.
///
/// Each case runs in one transaction that is rolled back: the schema, the compiled SQL (from
/// the `compile` function the caller passes, so this module does not depend on the compiler),
/// grants to the session roles, and the rows. Then, per session (`SET ROLE` and `set_config`,
/// the settings read back so that the evaluator sees what PostgreSQL sees):
/// - each session key used, cast as the compiled SQL casts it, against `sessionValue`;
/// - each table read, against the rows `allows(SELECT, USING)` accepts;
/// - each write, against what PostgreSQL checks for it (see `DifferentialOperation`).
///
/// Errors: when a setting cannot be cast, PostgreSQL fails a query if and when it first
/// evaluates that setting, which depends on its plan; the evaluator stops at the first false
/// atom. So where the evaluator raises an error on a row, that row may go either way, and
/// PostgreSQL may fail a statement only when some setting the policies read cannot be cast.
public struct DifferentialRunner {
    /// Compiles a checked policy set to SQL.
    public typealias Compile = (PolicySet) -> String

    private let connection: PostgresConnection
    private let compile: Compile

    /// Creates a runner on a superuser connection to an empty database.
    public init(connection: PostgresConnection, compile: @escaping Compile) {
        self.connection = connection
        self.compile = compile
    }

    /// Creates the session roles on the server unless they exist (they are never dropped;
    /// privileges are granted inside each case's transaction).
    public static func prepareRoles(on server: PostgresTestServer) throws {
        try GoldenRoles.ensure(DifferentialGenerator.roles, on: server)
    }

    /// Runs one case.
    public func run(_ testCase: DifferentialCase) throws -> DifferentialResult {
        let (policySet, diagnostics) = testCase.check()
        let errors = diagnostics.filter { $0.severity == .error }.map { "\($0.id): \($0.message)" }
        guard errors.isEmpty else { return DifferentialResult(errors: errors, compiledSQL: "", checks: 0, mismatches: []) }
        let compiled = compile(policySet)
        let evaluator = ReferenceEvaluator(
            policySet: policySet, functions: DifferentialCase.interpretFunction,
            raw: DifferentialCase.interpretRaw,
            postgresVersion: connection.serverVersion / 10000)
        try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        let roles = DifferentialGenerator.roles.map(DifferentialSQL.identifier).joined(separator: ", ")
        for (step, script) in [
            ("schema", testCase.schemaSQL), ("compiled SQL", compiled),
            ("grants", "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(roles);"),
            ("rows", testCase.rowsSQL),
        ] where !script.isEmpty {
            do {
                try connection.execute(script)
            } catch let error as PostgresError {
                let mismatch = DifferentialMismatch(
                    check: "setup", session: nil, observedSettings: [:], statement: "the \(step)",
                    postgres: "error: \(error.message)", expected: "accepted")
                return DifferentialResult(errors: [], compiledSQL: compiled, checks: 1, mismatches: [mismatch])
            }
        }
        var run = DifferentialSessionRun(connection: connection, evaluator: evaluator, policySet: policySet, testCase: testCase)
        for session in testCase.sessions {
            try run.check(session)
        }
        return DifferentialResult(
            errors: [], compiledSQL: compiled, checks: run.checks, mismatches: run.mismatches,
            statistics: run.statistics)
    }
}
