import PolicyConfig
import PolicyDatabase
import PolicyWorkloads
import TestSupport

extension LiveDatabase {
    /// A `LiveDatabase` over a new superuser connection to `database`.
    static func testing(_ database: TestDatabase, lockTimeoutMilliseconds: Int = 5000) throws -> LiveDatabase {
        LiveDatabase(connection: try database.connect(), lockTimeoutMilliseconds: lockTimeoutMilliseconds)
    }

    /// A `LiveDatabase` on `database` (as `testing` makes it) once `workspace`'s schema is loaded
    /// into the database and the workspace applied (no prune); `meaningConfig`, when given, is
    /// set before the apply.
    static func applied(
        _ workspace: PolicyWorkspace, on database: TestDatabase, lockTimeoutMilliseconds: Int = 5000,
        meaningConfig: ProjectConfig? = nil
    ) throws -> LiveDatabase {
        try workspace.load(into: database)
        let live = try testing(database, lockTimeoutMilliseconds: lockTimeoutMilliseconds)
        if let meaningConfig { live.meaningConfig = meaningConfig }
        try live.apply(workspace)
        return live
    }

    /// Applies `workspace` (no prune) and returns the result.
    @discardableResult
    func apply(_ workspace: PolicyWorkspace, prune: Bool = false) throws -> ApplyResult {
        try apply(prune: prune, dryRun: false, desired: workspace.program(for:))
    }

    /// Compares `workspace` with the database.
    func assess(_ workspace: PolicyWorkspace) throws -> Assessment {
        try assess(workspace.program(for:))
    }
}

/// What a test reads of the catalog to show that nothing changed: policies as printed, RLS
/// switches, grants, and the catalog rows' xmin (a changed row gets a new one).
struct CatalogFingerprint: Equatable {
    /// `pg_policies` rows, as text.
    var policies: [String]
    /// `relname relrowsecurity relforcerowsecurity relacl xmin` of user tables.
    var tables: [String]
    /// `polname xmin` of `pg_policy`.
    var policyRows: [String]

    /// Reads the fingerprint through `connection`.
    static func read(_ database: TestDatabase) throws -> CatalogFingerprint {
        let connection = database.connection
        let policies = try connection.query(
            """
            SELECT schemaname || '.' || tablename || ' ' || policyname || ' ' || permissive || ' ' || roles::text || ' ' || cmd
                   || ' ' || coalesce(qual, '-') || ' ' || coalesce(with_check, '-') AS line
            FROM pg_policies ORDER BY 1
            """
        ).map { $0["line"]?.string ?? "" }
        let tables = try connection.query(
            """
            SELECT c.relname || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity || ' ' || coalesce(c.relacl::text, '-')
                   || ' ' || c.xmin::text AS line
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_'
            ORDER BY 1
            """
        ).map { $0["line"]?.string ?? "" }
        let rows = try connection.query("SELECT polname || ' ' || xmin::text AS line FROM pg_policy ORDER BY 1")
            .map { $0["line"]?.string ?? "" }
        return CatalogFingerprint(policies: policies, tables: tables, policyRows: rows)
    }
}
