import Foundation
import PolicyEngine
import PolicyProofs
import PolicySQL
import PolicySchema
import PostgresClient
import TestSupport
import Testing

/// A NOT NULL domain as the tenant column's type (catalogue case `21-domain-tenant-key`): the
/// compiled policies cast the session value to the domain's base type, so on PostgreSQL a session
/// without the key reads no row instead of failing with "domain … does not allow null values",
/// as the fail-closed verdict (PROVEN) says.
@Suite struct DomainKeyTests {
    @Test func anUnsetKeyReadsNothingAndFailsNothing() async throws {
        let snapshot = try ProofHarness.load(try ProofCatalogue.load("21-domain-tenant-key"))
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let set = snapshot.policySet
        let report = ProofHarness.analyze(snapshot, proofs: [.failClosed, .tenantIsolation])
        #expect(
            !report.verdicts.isEmpty && report.verdicts.allSatisfy { $0.status == .proven },
            "\(report.verdicts.map(ProofHarness.describe))")
        let compiled = PolicyCompiler.compile(set).sql
        #expect(!compiled.contains("::public.pgpe_cat_tenant_key"), "\(compiled)")
        let schemaSQL = try String(contentsOfFile: try #require(snapshot.config.schemaPath), encoding: .utf8)
        try await withTestDatabase { database in
            try database.connection.execute(schemaSQL)
            try database.connection.execute(compiled)
            try database.connection.execute(
                """
                INSERT INTO public.notes (id, tenant_id, written_at, body) VALUES
                  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', '2020-01-01 00:00:00+00', 'a'),
                  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000b2', NULL, 'b')
                """)
            let role = try database.createRole(login: false)
            try database.connection.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON public.notes TO \(role)")
            func count(_ setting: String?) throws -> Int? {
                try database.connection.transaction { connection in
                    if let setting { _ = try connection.query("SELECT set_config('app.tenant_id', $1, true)", [.text(setting)]) }
                    try connection.execute("SET LOCAL ROLE \(role)")
                    return try connection.query("SELECT count(*) FROM public.notes").first?[0]?.int
                }
            }
            #expect(try count(nil) == 0)
            #expect(try count("") == 0)
            #expect(try count("00000000-0000-4000-8000-0000000000a1") == 1)
        }
    }

    /// The domain is read from SQL with its base, NOT NULL and CHECK; a timestamptz domain's
    /// literals are read as timestamptz (with a time zone).
    @Test func domainsAreReadFromSQL() throws {
        let snapshot = try ProofHarness.load(try ProofCatalogue.load("21-domain-tenant-key"))
        let schema = snapshot.policySet.schema
        let key = try #require(schema.domains.first { $0.name.name == "pgpe_cat_tenant_key" })
        #expect(key.base == SQLType.uuid)
        #expect(key.notNull)
        #expect(key.checks.count == 1 && key.checks[0].contains("VALUE <>"))
        let stamp = try #require(schema.domains.first { $0.name.name == "pgpe_cat_stamp" })
        #expect(stamp.base.name == "timestamptz" && !stamp.notNull)
        let column = try #require(schema.table(QualifiedName(schema: "public", name: "notes"))?.column("tenant_id"))
        #expect(column.type.family == .uuid && schema.castType(column.type) == SQLType.uuid)
    }
}
