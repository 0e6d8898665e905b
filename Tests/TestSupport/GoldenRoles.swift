import PolicySemantics
import PolicyWorkloads
import PostgresClient

/// Roles that compiled SQL names, created on the test server when missing.
///
/// Roles are cluster-wide and tests run in parallel, so creation is idempotent, serialized by
/// an advisory lock in the `postgres` database (which every caller shares), and the roles are
/// never dropped: they carry no privileges outside the databases that grant them some.
public enum GoldenRoles {
    /// The roles a policy set names in `TO` clauses and grants, without PUBLIC, sorted.
    public static func named(by policySet: PolicySet) -> [String] {
        var names = Set<String>()
        for policy in policySet.policies { names.formUnion(policy.roles) }
        for grant in policySet.grants { names.formUnion(grant.roles) }
        return names.filter { $0.lowercased() != "public" }.sorted()
    }

    /// Creates each of `names` (NOLOGIN) unless it exists.
    public static func ensure(_ names: [String], on server: PostgresTestServer) throws {
        guard !names.isEmpty else { return }
        let admin = try server.connect(database: "postgres")
        defer { admin.close() }
        try admin.transaction { connection in
            _ = try connection.query("SELECT pg_advisory_xact_lock(hashtext('pgpe golden roles'))")
            for name in names {
                let exists = try connection.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(name)])
                if exists.isEmpty {
                    try connection.execute("CREATE ROLE \(try connection.quoteIdentifier(name)) NOLOGIN")
                }
            }
        }
    }

    /// `sql` with each `CREATE ROLE` statement written on a line of its own made idempotent: a
    /// DO block that ignores a role that exists (roles are cluster-wide, and the tests that load
    /// a file with them run in parallel and again on the same server).
    public static func idempotentRoles(_ sql: String) -> String {
        sql.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("CREATE ROLE "), line.hasSuffix(";") else { return String(line) }
            return "DO $$ BEGIN \(line) EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;"
        }.joined(separator: "\n")
    }
}
