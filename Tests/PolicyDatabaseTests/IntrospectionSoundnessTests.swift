import PolicyDatabase
import PolicySchema
import PolicySyntax
import PostgresClient
import TestSupport
import Testing

/// What the proofs need beyond tables and columns is read alike from SQL and from the live
/// catalog: domains with their base types and NOT NULL, column collations and whether they are
/// deterministic, and the role memberships through which policies apply.
@Suite struct IntrospectionSoundnessTests {
    @Test func domainsCollationsAndMembershipsAgreeWithTheSQLReader() async throws {
        try await withTestDatabase { database in
            let group = try database.createRole(login: false)
            let member = try database.createRole(login: false)
            let blocked = try database.createRole(login: false, attributes: "NOINHERIT")
            // Without ICU (the PostgreSQL 16 and 18 test builds) there is no nondeterministic
            // collation: citext stands in for it, and the exact collation is libc's.
            let icu = try database.supportsICU()
            let collations =
                icu
                ? """
                CREATE COLLATION public.pgpe_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                CREATE COLLATION public.pgpe_exact (provider = icu, locale = 'und');
                CREATE DOMAIN public.ci_text AS text COLLATE public.pgpe_ci;
                """
                : """
                CREATE EXTENSION IF NOT EXISTS citext;
                CREATE COLLATION public.pgpe_exact (provider = libc, locale = 'C');
                CREATE DOMAIN public.ci_text AS public.citext;
                """
            let sql =
                collations + """

                    CREATE DOMAIN public.tenant_key AS uuid NOT NULL CHECK (VALUE IS NOT NULL);
                    CREATE DOMAIN public.inner_key AS public.tenant_key;
                    CREATE TABLE public.accounts (
                        id uuid PRIMARY KEY,
                        tenant public.inner_key,
                        slug \(icu ? "text COLLATE public.pgpe_ci" : "public.citext") NOT NULL,
                        code text COLLATE public.pgpe_exact,
                        handle public.ci_text,
                        plain text
                    );
                    GRANT \(group) TO \(member);
                    GRANT \(group) TO \(blocked);
                    """
            try database.connection.execute(sql)
            let catalog = try LiveDatabase.testing(database).introspect()
            let (expected, diagnostics) = SQLSchemaReader.read(
                file: SourceFile(path: "schema.sql", text: sql + "\nCREATE ROLE \(blocked) NOINHERIT;"))
            #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
            for model in [expected, catalog.model] {
                let inner = try #require(model.domains.first { $0.name.name == "inner_key" })
                #expect(inner.base == SQLType.uuid && inner.notNull, "\(model.origin)")
                let key = try #require(model.domains.first { $0.name.name == "tenant_key" })
                #expect(key.base == SQLType.uuid && key.notNull && key.checks.count == 1, "\(model.origin)")
                let table = try #require(model.table(QualifiedName(schema: "public", name: "accounts")))
                func column(_ name: String) throws -> ColumnModel { try #require(table.column(name)) }
                #expect(model.castType(try column("tenant").type) == SQLType.uuid, "\(model.origin)")
                #expect(try column("slug").collation == (icu ? "public.pgpe_ci" : nil), "\(model.origin)")
                #expect(model.hasUnknownEquality(try column("slug")), "\(model.origin)")
                #expect(model.hasUnknownEquality(try column("handle")), "\(model.origin)")
                #expect(!model.hasUnknownEquality(try column("code")), "\(model.origin)")
                #expect(!model.hasUnknownEquality(try column("plain")), "\(model.origin)")
                #expect(model.role(member)?.memberOf == [group], "\(model.origin)")
                // NOINHERIT: a member of the group without its privileges, so without its policies.
                #expect(model.role(blocked)?.memberOf == [], "\(model.origin)")
            }
            // A snapshot keeps all of it, and one written before these fields existed still reads.
            let text = SchemaSnapshot.encode(catalog.model)
            let (decoded, problems) = SchemaSnapshot.decode(text: text, path: "snap.json")
            #expect(problems.isEmpty, "\(problems.map(\.message))")
            #expect(decoded.domains == catalog.model.domains)
            #expect(decoded.collations == catalog.model.collations)
            #expect(decoded.role(member)?.memberOf == [group])
            #expect(
                decoded.table(QualifiedName(schema: "public", name: "accounts"))?.column("slug")?.collation
                    == (icu ? "public.pgpe_ci" : nil))
        }
    }

    @Test func aSnapshotWithoutDomainFieldsStillReads() throws {
        let old = """
            {"format": "pgpe-snapshot", "version": 1,
             "types": [{"name": "public.tenant_key", "family": "uuid"}],
             "tables": [{"schema": "public", "name": "t", "columns": [{"name": "tenant", "type": "public.tenant_key"}]}],
             "roles": [{"name": "app"}]}
            """
        let (model, problems) = SchemaSnapshot.decode(text: old, path: "old.json")
        #expect(problems.isEmpty)
        #expect(model.domains.isEmpty && model.collations.isEmpty)
        let column = try #require(model.table(QualifiedName(schema: "public", name: "t"))?.column("tenant"))
        #expect(column.type.family == .uuid && column.collation == nil)
        #expect(model.role("app")?.memberOf == [])
    }
}
