import PolicySQL
import PolicySchema
import PostgresClient

/// Canonical forms by round trip (SPEC 8): each expected policy is created under a scratch name
/// on its real table inside the savepoint `pgpe_round_trip`, read back from `pg_policies` with
/// `search_path = pg_catalog` (as the catalog was read), and left for the caller to roll back.
///
/// The scratch policies are created `TO PUBLIC` (roles are compared by name, so a role missing
/// from the database does not spoil the round trip) with the expected command and type, under
/// the session's default `search_path` (as `apply` runs the plan). Creating a policy takes an
/// ACCESS EXCLUSIVE lock on its table until the transaction ends; the caller's `lock_timeout`
/// bounds the wait.
struct PolicyRoundTrip {
    /// The savepoint the scratch policies live in; the caller rolls back to it (or rolls back
    /// the whole transaction).
    static let savepoint = "pgpe_round_trip"

    /// The connection, inside the caller's transaction.
    let connection: PostgresConnection
    /// A random prefix for the scratch names, so that they collide with nothing.
    let prefix: String

    /// Creates a round trip with a fresh random scratch prefix.
    init(connection: PostgresConnection) {
        self.connection = connection
        let token = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        self.prefix = "pgpe_rt_" + String(repeating: "0", count: 8 - token.count) + token + "_"
    }

    /// The canonical form of each expected policy, by key. One round trip when PostgreSQL
    /// accepts them all; when one is refused, each is retried under its own savepoint so that
    /// the others still get their canonical form. Lock timeouts and lost connections are thrown.
    func canonicalize(_ requests: [(key: PolicyKey, policy: ExpectedPolicy)]) throws -> [PolicyKey: CanonicalPolicy] {
        guard !requests.isEmpty else { return [:] }
        let statements = requests.enumerated().map { index, request in
            Self.createStatement(name: prefix + String(index), table: request.key.table, policy: request.policy)
        }
        var rejected: [Int: String] = [:]
        var script = "SAVEPOINT \(Self.savepoint);\nSET LOCAL search_path TO DEFAULT;\n"
        script += statements.joined(separator: "\n")
        script += "\n" + readBack
        let printed: PostgresResult
        do {
            printed = try connection.execute(script)
        } catch let error as PostgresError where Self.isRecoverable(error) {
            try connection.execute("ROLLBACK TO SAVEPOINT \(Self.savepoint)")
            for (index, statement) in statements.enumerated() {
                do {
                    try connection.execute(
                        "SAVEPOINT pgpe_round_trip_one;\nSET LOCAL search_path TO DEFAULT;\n"
                            + statement + "\nRELEASE SAVEPOINT pgpe_round_trip_one")
                } catch let error as PostgresError where Self.isRecoverable(error) {
                    try connection.execute("ROLLBACK TO SAVEPOINT pgpe_round_trip_one; RELEASE SAVEPOINT pgpe_round_trip_one")
                    rejected[index] = error.message.replacingOccurrences(of: prefix + String(index), with: requests[index].key.name)
                }
            }
            printed = try connection.execute(readBack)
        }
        var texts: [String: (String?, String?)] = [:]
        for row in printed {
            guard let name = row["policyname"]?.string else { continue }
            texts[name] = (row["qual"]?.string, row["with_check"]?.string)
        }
        var result: [PolicyKey: CanonicalPolicy] = [:]
        for (index, request) in requests.enumerated() {
            if let text = texts[prefix + String(index)] {
                result[request.key] = .printed(qual: text.0, withCheck: text.1)
            } else {
                result[request.key] = .rejected(rejected[index] ?? "PostgreSQL did not store the policy")
            }
        }
        return result
    }

    /// Reads the scratch policies back with the catalog's `search_path`.
    private var readBack: String {
        "SET LOCAL search_path = pg_catalog;\n"
            + "SELECT policyname, qual, with_check FROM pg_catalog.pg_policies WHERE pg_catalog.starts_with(policyname::text, "
            + SQLQuoting.literal(prefix) + ")"
    }

    /// `CREATE POLICY` for the scratch copy of `policy` on `table` (no `TO`: PUBLIC).
    static func createStatement(name: String, table: QualifiedName, policy: ExpectedPolicy) -> String {
        var sql = "CREATE POLICY \(SQLQuoting.identifier(name)) ON \(SQLQuoting.qualified(table))"
        sql += " AS \(policy.permissive ? "PERMISSIVE" : "RESTRICTIVE") FOR \(policy.command)"
        if let using = policy.using { sql += " USING (\(using))" }
        if let check = policy.check { sql += " WITH CHECK (\(check))" }
        return sql + ";"
    }

    /// Whether a failure says this session may not create policies at all: it owns the table
    /// not (`42501`) or the transaction is read-only (`25006`, a standby).
    static func cannotCreate(_ error: PostgresError) -> Bool {
        error.kind == .query && (error.sqlState == "42501" || error.sqlState == "25006")
    }

    /// Whether a failure is about the policy itself (so the others can still be compared),
    /// rather than a lock timeout, missing privileges (not owning the table), a lost connection
    /// or a cancelled statement.
    static func isRecoverable(_ error: PostgresError) -> Bool {
        guard error.kind == .query, let state = error.sqlState else { return false }
        return state != "55P03" && state != "42501" && !state.hasPrefix("57") && !state.hasPrefix("08")
            && !state.hasPrefix("53")
    }
}
