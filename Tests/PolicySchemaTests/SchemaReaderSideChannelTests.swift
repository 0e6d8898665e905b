import Foundation
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// What the side-channel checks read from a SQL schema (SPEC 11.11): views with their options
/// and tables, functions' owners, EXECUTE privileges and bodies' tables, table and column
/// grants, partition and inheritance parents, the RLS switch.
@Suite struct SchemaReaderSideChannelTests {
    private func name(_ text: String) -> QualifiedName {
        let parts = text.split(separator: ".").map(String.init)
        return QualifiedName(schema: parts[0], name: parts[1])
    }

    @Test func viewsWithOptionsAndReferences() throws {
        let (model, diagnostics, _) = SchemaReaderHelpers.read(
            """
            CREATE TABLE t (id int, tenant_id int);
            CREATE TABLE u (id int, t_id int);
            CREATE VIEW plain AS SELECT * FROM t JOIN u ON u.t_id = t.id;
            CREATE VIEW invoker WITH (security_invoker = true, security_barrier) AS SELECT a.id FROM t a, u AS b WHERE a.id = b.t_id;
            CREATE OR REPLACE VIEW over_view AS SELECT id FROM (SELECT id FROM plain) s, generate_series(1, 2) g;
            CREATE MATERIALIZED VIEW IF NOT EXISTS counts AS SELECT count(*) FROM public.t WITH NO DATA;
            ALTER VIEW plain OWNER TO app_owner;
            ALTER VIEW over_view SET (security_invoker = on);
            ALTER VIEW over_view RESET (security_invoker);
            ALTER TABLE invoker SET (security_barrier = false);
            GRANT SELECT ON plain, counts TO reader;
            GRANT ALL ON TABLE invoker TO PUBLIC;
            REVOKE ALL ON invoker FROM public;
            CREATE VIEW dropped AS SELECT 1;
            DROP VIEW dropped;
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(model.views.map(\.name.description) == ["public.counts", "public.invoker", "public.over_view", "public.plain"])
        let plain = try #require(model.view(name("public.plain")))
        #expect(!plain.securityInvoker && !plain.isMaterialized && plain.owner == "app_owner")
        #expect(plain.references == [name("public.t"), name("public.u")])
        #expect(plain.grantees == ["reader"])
        let invoker = try #require(model.view(name("public.invoker")))
        #expect(invoker.securityInvoker && !invoker.securityBarrier)
        #expect(invoker.references == [name("public.t"), name("public.u")])
        #expect(invoker.grantees.isEmpty)
        let overView = try #require(model.view(name("public.over_view")))
        #expect(!overView.securityInvoker)
        #expect(overView.references == [name("public.plain")])
        let counts = try #require(model.view(name("public.counts")))
        #expect(counts.isMaterialized && counts.references == [name("public.t")] && counts.grantees == ["reader"])
        #expect(model.table(name("public.plain")) == nil)
    }

    @Test func functionsBodiesOwnersAndExecutors() throws {
        let (model, diagnostics, _) = SchemaReaderHelpers.read(
            """
            CREATE TABLE docs (id int, tenant_id int);
            CREATE TABLE audit (id int);
            CREATE FUNCTION count_docs() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM docs';
            CREATE FUNCTION touch(n int) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $body$
            DECLARE x int;
            BEGIN
              SELECT id INTO x FROM public.docs WHERE id = n;
              UPDATE docs SET id = id WHERE id = x;
              INSERT INTO audit VALUES (x);
            END $body$;
            CREATE FUNCTION standard() RETURNS bigint LANGUAGE sql SECURITY DEFINER BEGIN ATOMIC SELECT count(*) FROM audit; END;
            CREATE FUNCTION native(int) RETURNS int LANGUAGE c SECURITY DEFINER AS 'lib', 'native';
            CREATE FUNCTION invoker() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
            REVOKE ALL ON FUNCTION count_docs() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION count_docs() TO service;
            REVOKE EXECUTE ON FUNCTION public.touch(integer) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION touch(int), standard() TO app_user, GROUP staff;
            ALTER FUNCTION touch(integer) OWNER TO owner_role;
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        func function(_ text: String) throws -> FunctionSignature {
            try #require(model.functions.first { $0.name == name(text) })
        }
        let countDocs = try function("public.count_docs")
        #expect(countDocs.securityDefiner && countDocs.bodyTables == [name("public.docs")])
        #expect(countDocs.executors == ["service"])
        let touch = try function("public.touch")
        #expect(touch.bodyTables == [name("public.audit"), name("public.docs")])
        #expect(touch.executors == ["app_user", "staff"] && touch.owner == "owner_role")
        let standard = try function("public.standard")
        #expect(standard.bodyTables == [name("public.audit")])
        #expect(standard.executors == ["app_user", "public", "staff"])
        #expect(try function("public.native").bodyTables == nil)
        #expect(try function("public.invoker").bodyTables == [])
    }

    @Test func grantsParentsAndRowSecurity() throws {
        let (model, diagnostics, _) = SchemaReaderHelpers.read(
            """
            CREATE TABLE events (tenant_id int, id int, secret text) PARTITION BY LIST (tenant_id);
            CREATE TABLE events_1 PARTITION OF events FOR VALUES IN (1);
            CREATE TABLE events_2 (tenant_id int, id int, secret text);
            ALTER TABLE ONLY events ATTACH PARTITION events_2 FOR VALUES IN (2);
            CREATE TABLE base (id int);
            CREATE TABLE derived (extra int) INHERITS (base);
            GRANT SELECT, INSERT ON TABLE events, events_1 TO app_user;
            GRANT SELECT (id, tenant_id), UPDATE (secret) ON events_2 TO analyst;
            REVOKE INSERT ON events_1 FROM app_user;
            REVOKE SELECT ON events_1 FROM app_user;
            GRANT SELECT ON derived TO later_role;
            ALTER TABLE events ENABLE ROW LEVEL SECURITY;
            ALTER TABLE ONLY derived ENABLE ROW LEVEL SECURITY;
            ALTER TABLE derived DISABLE ROW LEVEL SECURITY;
            GRANT SELECT ON early TO app_user;
            CREATE TABLE early (id int);
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        func table(_ text: String) throws -> TableModel { try #require(model.table(name(text))) }
        #expect(try table("public.events").grantees == ["app_user"])
        #expect(try table("public.events").rowSecurity)
        #expect(try table("public.events").parents.isEmpty)
        #expect(try table("public.events_1").parents == [name("public.events")])
        #expect(try table("public.events_1").grantees.isEmpty)
        #expect(try table("public.events_2").parents == [name("public.events")])
        #expect(
            try table("public.events_2").columnGrants == [
                ColumnGrant(grantee: "analyst", privilege: "SELECT", columns: ["id", "tenant_id"]),
                ColumnGrant(grantee: "analyst", privilege: "UPDATE", columns: ["secret"]),
            ])
        #expect(try table("public.events_2").grantees.isEmpty)
        #expect(try table("public.derived").parents == [name("public.base")])
        #expect(try !table("public.derived").rowSecurity)
        #expect(try table("public.derived").grantees == ["later_role"])
        #expect(try table("public.early").grantees == ["app_user"])
    }

    /// What pg_dump writes for the side-channel fixtures reads as the hand-written file does.
    @Test(arguments: ["leaky.sql", "fixed.sql"])
    func pgDumpOfTheFixturesReadsTheSame(file: String) throws {
        let server = try #require(SchemaReaderPostgres.fromEnvironment(), Comment(rawValue: SchemaReaderPostgres.missingServerMessage))
        let text = try String(
            contentsOf: Fixtures.fixtureDirectory.appendingPathComponent("side-channels").appendingPathComponent(file),
            encoding: .utf8)
        let role = """
            DO $$ BEGIN CREATE ROLE pgpe_side_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

            """
        let dump = try server.dumpSchema(loading: role + GoldenRoles.idempotentRoles(text))
        #expect(dump.contains("set_config('search_path', '', false)"))
        let (written, _, _) = SchemaReaderHelpers.read(text)
        let (dumped, diagnostics, _) = SchemaReaderHelpers.read(dump, path: "dump.sql")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        func sideChannels(_ model: SchemaModel) -> [String] {
            model.views.map {
                "view \($0.name) invoker=\($0.securityInvoker) refs=\($0.references) grantees=\($0.grantees)"
            }
                + model.functions.map {
                    "function \($0.name) definer=\($0.securityDefiner) body=\($0.bodyTables ?? []) executors=\($0.executors)"
                }
                + model.tables.map {
                    "table \($0.name) parents=\($0.parents) rls=\($0.rowSecurity) grantees=\($0.grantees) unique=\($0.uniqueKeys)"
                        + " columnGrants=\($0.columnGrants.map { "\($0.grantee) \($0.privilege) \($0.columns)" })"
                }
                + model.triggers.map {
                    "trigger \($0.name) on \($0.table) \($0.timing) \($0.events) -> \($0.function) enabled=\($0.isEnabled)"
                }
        }
        // pg_dump names the owner (the test server's superuser) and writes grants it holds itself.
        var fromDump = sideChannels(dumped)
        fromDump = fromDump.map {
            $0.replacingOccurrences(of: "\(server.user), ", with: "").replacingOccurrences(of: ", \(server.user)]", with: "]")
        }
        #expect(fromDump == sideChannels(written), "\(dump)")
    }

    /// A snapshot carries the side-channel facts exactly, and one written before them reads with
    /// their defaults.
    @Test func snapshotsCarryTheSideChannelFacts() throws {
        let text = try String(
            contentsOf: Fixtures.fixtureDirectory.appendingPathComponent("side-channels/leaky.sql"), encoding: .utf8)
        let (model, _, _) = SchemaReaderHelpers.read(
            text + "\nCREATE MATERIALIZED VIEW public.m AS SELECT 1 FROM public.doc_titles;\n"
                + "CREATE FUNCTION public.c() RETURNS int LANGUAGE c AS 'x', 'y';\n"
                + "GRANT SELECT (title) ON public.docs TO auditor;\nALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;\n")
        let encoded = SchemaSnapshot.encode(model)
        #expect(encoded.contains("\"views\""))
        let (decoded, diagnostics) = SchemaSnapshot.decode(text: encoded, path: "snap.json")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        func unlocated(_ view: ViewModel) -> ViewModel {
            var copy = view
            copy.location = nil
            return copy
        }
        #expect(decoded.views.map(unlocated) == model.views.map(unlocated))
        #expect(model.views.count == 2)
        #expect(SchemaReaderHelpers.comparable(decoded, keepOwners: true) == SchemaReaderHelpers.comparable(model, keepOwners: true))
        #expect(decoded.functions.first { $0.name.name == "c" }?.bodyTables == nil)
        #expect(decoded.table(name("public.docs"))?.rowSecurity == true)
        let old = """
            {"format": "pgpe-snapshot", "version": 1, "tables": [{"schema": "public", "name": "t", "columns": []}],
             "functions": [{"schema": "public", "name": "f", "returns": "integer", "security_definer": true}]}
            """
        let (oldModel, oldDiagnostics) = SchemaSnapshot.decode(text: old, path: "old.json")
        #expect(oldDiagnostics.isEmpty, "\(oldDiagnostics)")
        #expect(oldModel.views.isEmpty && oldModel.functions.first?.executors == ["public"])
        #expect(oldModel.functions.first?.bodyTables == [] && oldModel.table(name("public.t"))?.parents == [])
    }

    /// REVOKE of privileges on columns, and of a privilege on the table, which PostgreSQL
    /// revokes on each of its columns too (not REVOKE GRANT OPTION FOR, which keeps it).
    @Test func revokingColumnPrivileges() throws {
        let (model, diagnostics, _) = SchemaReaderHelpers.read(
            """
            CREATE TABLE docs (id int, tenant_id int, title text);
            GRANT SELECT (id, title), UPDATE (title), REFERENCES (id) ON docs TO reporting;
            GRANT INSERT (id, tenant_id) ON docs TO PUBLIC;
            REVOKE SELECT (title) ON docs FROM reporting;
            REVOKE UPDATE ON TABLE docs FROM reporting;
            REVOKE GRANT OPTION FOR REFERENCES ON docs FROM reporting;
            REVOKE ALL ON docs FROM public;
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(
            model.table(name("public.docs"))?.columnGrants == [
                ColumnGrant(grantee: "reporting", privilege: "REFERENCES", columns: ["id"]),
                ColumnGrant(grantee: "reporting", privilege: "SELECT", columns: ["id"]),
            ])
    }
}
