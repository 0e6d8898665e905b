import Foundation
import PolicyDatabase
import PolicySQL
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// raw('...') tried on the real PostgreSQL before apply (`LiveDatabase.rawSQLDiagnostics`):
/// each failure at the raw atom with PostgreSQL's SQLSTATE and message, nothing else reported,
/// nothing left behind, and raw text that closes the expression early runs nothing.
@Suite struct RawSQLCheckTests {
    static let schemaSQL = """
        CREATE TABLE public.docs (id int PRIMARY KEY, tenant_id int, team_id int);
        CREATE TABLE public.members (team_id int, user_id text);
        CREATE TABLE public.victim (id int);
        CREATE SCHEMA extra;
        CREATE FUNCTION extra.only_extra() RETURNS boolean LANGUAGE sql AS 'SELECT true';
        CREATE FUNCTION public.pub_ok(int) RETURNS boolean LANGUAGE sql AS 'SELECT $1 > 0';
        """

    static let policyText = """
        POLICY fine PERMISSIVE FOR ALL SELECTOR named('docs')
          CLAUSE raw('tenant_id > 0 AND pub_ok(id)')
        POLICY missing_column PERMISSIVE FOR SELECT SELECTOR named('docs')
          CLAUSE raw('no_such_column = 1')
        POLICY missing_function PERMISSIVE FOR SELECT SELECTOR named('docs')
          CLAUSE raw('no_such_fn(id)')
        POLICY type_error PERMISSIVE FOR SELECT SELECTOR named('docs')
          CLAUSE raw('tenant_id + 1')
        POLICY in_exists PERMISSIVE FOR SELECT SELECTOR named('docs')
          CLAUSE exists(rel(_, team_id, members, team_id), {raw('user_id = current_user')})
          OR CLAUSE exists(rel(_, team_id, members, team_id), {raw('member_nope = 1')})
        POLICY search_path PERMISSIVE FOR SELECT SELECTOR named('docs')
          CLAUSE raw('only_extra()')
        """

    /// Raw text that closes the expression early and appends a statement.
    static let injection = "true)) ; DROP TABLE public.victim; SELECT ((true"

    static func workspace(_ text: String = policyText) -> PolicyWorkspace {
        PolicyWorkspace(config: "policies: [policies]\n", policies: ["p.policy": text], schemaSQL: schemaSQL)
    }

    /// The diagnostics of `text` on `database` (the session's own search_path set to
    /// `extra, public` first, which the check must not use).
    static func diagnostics(_ database: TestDatabase, _ live: LiveDatabase, text: String = policyText) throws -> [Diagnostic] {
        let set = try workspace(text).policySet(schema: try live.introspect().model)
        try live.connection.execute("SET search_path = extra, public")
        return try live.rawSQLDiagnostics(RawProbe.probes(in: set))
    }

    /// The diagnostic whose location covers the raw atom with `raw` in `policyText`.
    static func at(_ raw: String, _ diagnostics: [Diagnostic]) -> Diagnostic? {
        guard let range = policyText.range(of: raw) else { return nil }
        let offset = policyText.utf8.distance(from: policyText.startIndex, to: range.lowerBound)
        return diagnostics.first { $0.location.range.start <= offset && offset < $0.location.range.end }
    }

    @Test func eachBrokenRawIsReportedAtItsAtomWithPostgresMessage() async throws {
        try await withTestDatabase { database in
            try database.connection.execute(Self.schemaSQL)
            let live = try LiveDatabase.testing(database)
            let diagnostics = try Self.diagnostics(database, live)
            #expect(diagnostics.allSatisfy { $0.id == "database.raw-sql-error" && $0.severity == .error })
            #expect(diagnostics.allSatisfy { $0.location.file == "/virtual/policies/p.policy" })
            let column = try #require(Self.at("no_such_column", diagnostics))
            #expect(column.message.contains("SQLSTATE 42703") && column.message.contains("no_such_column"))
            let function = try #require(Self.at("no_such_fn", diagnostics))
            #expect(function.message.contains("SQLSTATE 42883"))
            let type = try #require(Self.at("tenant_id + 1", diagnostics))
            #expect(type.message.contains("SQLSTATE 42804"))
            let inExists = try #require(Self.at("member_nope", diagnostics))
            #expect(inExists.message.contains("42703") && inExists.message.contains("member_nope"))
            // only_extra() is on the session's search_path but not on the one apply uses.
            let path = try #require(Self.at("only_extra", diagnostics))
            #expect(path.message.contains("SQLSTATE 42883"))
            // Valid everywhere, and valid in the traversal's scope (members.user_id): nothing.
            #expect(Self.at("tenant_id > 0", diagnostics) == nil)
            #expect(Self.at("user_id = current_user", diagnostics) == nil)
            #expect(diagnostics.count == 5, "\(diagnostics.map(\.message))")
        }
    }

    /// Raw text that closes the WHERE and appends a DROP TABLE: the checker refuses it before
    /// anything is compiled (`semantic.raw-not-an-expression`, so neither `compile` nor `apply`
    /// ever sends it), and the live check, handed it directly, runs nothing either (PostgreSQL
    /// refuses a second statement in the extended protocol, and the transaction is read-only):
    /// the table is still there.
    @Test func anInjectionAttemptRunsNothingAndIsReported() async throws {
        let text = "POLICY injection PERMISSIVE FOR SELECT SELECTOR named('docs')\n  CLAUSE raw('\(Self.injection)')\n"
        try await withTestDatabase { database in
            try database.connection.execute(Self.schemaSQL)
            let live = try LiveDatabase.testing(database)
            let (set, checked) = Self.workspace(text).checked(schema: try live.introspect().model)
            #expect(checked.map(\.id) == ["semantic.raw-not-an-expression"], "\(checked.map(\.message))")
            #expect(RawProbe.probes(in: set).isEmpty)
            let location = FileLocation(file: "/virtual/policies/p.policy", range: SourceRange(start: 0, end: 1))
            let probe = RawProbe(
                table: QualifiedName(schema: "public", name: "docs"), expression: "(\(Self.injection))", raw: Self.injection,
                location: location)
            let diagnostics = try live.rawSQLDiagnostics([probe])
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.message.contains("SQLSTATE 42601") == true, "\(diagnostics.map(\.message))")
            let victim = try database.connection.query("SELECT pg_catalog.to_regclass('public.victim') IS NOT NULL")
            #expect(victim.first?[0]?.bool == true)
        }
    }

    /// The check leaves nothing behind: the same catalog, no new relations, no locks held by
    /// its session, and no rows written.
    @Test func theCheckLeavesNoTrace() async throws {
        try await withTestDatabase { database in
            try database.connection.execute(Self.schemaSQL)
            let live = try LiveDatabase.testing(database)
            let pid = try #require(try live.connection.query("SELECT pg_backend_pid()").first?[0]?.int)
            let counts = """
                SELECT (SELECT count(*) FROM pg_class)::text || ' ' || (SELECT count(*) FROM pg_proc)::text || ' '
                  || (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables)::text
                """
            let fingerprint = try CatalogFingerprint.read(database)
            let before = try live.connection.query(counts).first?[0]?.string
            let diagnostics = try Self.diagnostics(database, live)
            #expect(diagnostics.count == 5)
            #expect(!live.connection.isInTransaction)
            #expect(try live.connection.query(counts).first?[0]?.string == before)
            #expect(try CatalogFingerprint.read(database) == fingerprint)
            let locks = try database.connection.query("SELECT count(*) FROM pg_locks WHERE pid = $1", [.text(String(pid))])
            #expect(locks.first?[0]?.int == 0)
            let stats = try database.connection.query(
                "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::int8 FROM pg_stat_user_tables WHERE relname = 'victim'")
            #expect(stats.first?[0]?.int == 0)
        }
    }

    /// About 100 raw expressions on 10 tables: how long the check takes (printed).
    @Test func aHundredRawExpressionsAreCheckedQuickly() async throws {
        try await withTestDatabase { database in
            var schema = ""
            var policies = ""
            for table in 0..<10 {
                schema += "CREATE TABLE public.t\(table) (id int, tenant_id int, name text);\n"
                for index in 0..<10 {
                    let raw = index == 9 ? "missing_\(index) = 1" : "tenant_id > \(index) AND name LIKE ''a%'' AND id <> \(table)"
                    policies += "POLICY p\(table)_\(index) PERMISSIVE FOR SELECT SELECTOR named('t\(table)')\n  CLAUSE raw('\(raw)')\n"
                }
            }
            try database.connection.execute(schema)
            let live = try LiveDatabase.testing(database)
            let set = try PolicyWorkspace(config: "policies: [policies]\n", policies: ["p.policy": policies], schemaSQL: schema)
                .policySet(schema: try live.introspect().model)
            let probes = RawProbe.probes(in: set)
            #expect(probes.count == 100)
            let clock = ContinuousClock()
            let start = clock.now
            let diagnostics = try live.rawSQLDiagnostics(probes)
            let elapsed = clock.now - start
            print("raw SQL check: \(probes.count) expressions in \(elapsed)")
            #expect(diagnostics.count == 10)
            #expect(elapsed < .seconds(5))
        }
    }
}
