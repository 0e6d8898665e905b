import PolicySQL
import PolicySchema
import PolicySyntax
import PostgresClient
import TestSupport
import Testing

/// Table names come from the schema (a file, or a live database): a name with a line break
/// must not end the banner comment and turn the rest of the name into SQL.
@Suite struct BannerTests {
    /// A table to protect, and two governed tables whose names hold a line feed and a carriage return.
    static let schemaSQL = """
        CREATE TABLE public.victim (id integer);
        CREATE TABLE public."evil
        DROP TABLE public.victim; --" (id integer, tenant_id uuid);
        CREATE TABLE public."carriage\rreturn" (id integer, tenant_id uuid);
        """

    @Test func aLineBreakInATableNameStaysInsideTheComment() async throws {
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: Self.schemaSQL))
        let policySet = CheckHarness.check(
            """
            POLICY tenant PERMISSIVE FOR ALL SELECTOR has_column(tenant_id) CLAUSE col(tenant_id) = session('app.tenant_id')
            """, schema: schema)
        #expect(!policySet.hasErrors, "\(policySet.diagnostics.map(\.message))")
        #expect(policySet.governedTables.count == 2)
        let sql = PolicyCompiler.compile(policySet).sql
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("-- ") {
            #expect(!line.contains("\r"))
        }
        try await withTestDatabase { database in
            try database.connection.execute(Self.schemaSQL)
            try database.connection.execute(sql)
            #expect(try database.connection.query("SELECT to_regclass('public.victim') IS NOT NULL").first?[0]?.bool == true)
            let governed = try database.connection.query("SELECT count(*) FROM pg_class WHERE relrowsecurity AND relforcerowsecurity")
            #expect(governed.first?[0]?.int == 2)
        }
    }
}
