import PolicyDatabase
import PolicySQL
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// `force:` (SPEC 11.5) on the real PostgreSQL: FORCE only on the tables it selects, NO FORCE
/// repaired on the others, and the owner warning (`posture.forced_owner`) naming the owner's
/// SECURITY DEFINER functions and triggers that touch a forced table.
@Suite struct ForceSelectorTests {
    static func workspace(owner: String, force: String?) -> PolicyWorkspace {
        PolicyWorkspace(
            config: "policies: [policies]\nsession:\n  app.user_id: uuid\n" + (force.map { "force: \"\($0)\"\n" } ?? ""),
            policies: [
                "p.policy": """
                POLICY own PERMISSIVE FOR ALL SELECTOR named('docs') OR named('notes')
                  CLAUSE col(user_id) = session('app.user_id')
                """
            ],
            schemaSQL: """
                CREATE TABLE public.docs (id int PRIMARY KEY, user_id uuid);
                CREATE TABLE public.notes (id int PRIMARY KEY, user_id uuid);
                CREATE FUNCTION public.count_docs() RETURNS bigint LANGUAGE sql SECURITY DEFINER
                  AS 'SELECT count(*) FROM PUBLIC.Docs';
                CREATE FUNCTION public.invoker_docs() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.docs';
                CREATE FUNCTION public.unrelated() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
                  AS 'BEGIN RETURN (SELECT count(*) FROM public.docs_archive); END';
                CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
                CREATE TRIGGER stamp_docs BEFORE INSERT ON public.docs FOR EACH ROW EXECUTE FUNCTION public.stamp();
                ALTER TABLE public.docs OWNER TO \(owner);
                ALTER FUNCTION public.count_docs() OWNER TO \(owner);
                ALTER FUNCTION public.invoker_docs() OWNER TO \(owner);
                ALTER FUNCTION public.unrelated() OWNER TO \(owner);
                ALTER FUNCTION public.stamp() OWNER TO \(owner);
                """)
    }

    static func forced(_ database: TestDatabase, _ table: String) throws -> Bool? {
        try database.connection.query("SELECT relforcerowsecurity FROM pg_class WHERE oid = 'public.\(table)'::regclass")
            .first?[0]?.bool
    }

    /// By default every governed table is forced; an owner without BYPASSRLS gets a warning
    /// naming its SECURITY DEFINER function that reads the table and the trigger, not the
    /// invoker function nor one that only names a longer table.
    @Test func forcingATableWhoseOwnerLacksBypassRLSWarnsWithItsDefinerFunctions() async throws {
        try await withTestDatabase { database in
            let owner = try database.createRole(login: false)
            let workspace = Self.workspace(owner: owner, force: nil)
            try workspace.load(into: database)
            let live = try LiveDatabase.testing(database)
            let result = try live.apply(workspace)
            let findings = result.assessment.posture.filter { $0.kind == .forcedOwner }
            #expect(findings.map(\.table?.description) == ["public.docs"])
            let finding = try #require(findings.first)
            #expect(finding.role == owner)
            #expect(finding.routines?.securityDefinerFunctions == ["public.count_docs()"])
            #expect(finding.routines?.triggers == ["stamp_docs (public.stamp)"])
            #expect(finding.description.contains("public.count_docs()"))
            #expect(try Self.forced(database, "docs") == true)
            let assessment = try live.assess(workspace)
            #expect(assessment.drift.isEmpty)
            #expect(assessment.posture.filter { $0.kind == .forcedOwner }.count == 1)
        }
    }

    /// With `force:` leaving docs out: no warning, docs is not forced after apply (notes is), a
    /// FORCE set by hand is drift that apply repairs with NO FORCE, and a NO FORCE by hand on
    /// notes is drift too.
    @Test func tablesForceLeavesOutAreNotForcedAndDriftIsSeen() async throws {
        try await withTestDatabase { database in
            let owner = try database.createRole(login: false)
            let workspace = Self.workspace(owner: owner, force: "NOT named('docs')")
            try workspace.load(into: database)
            try database.connection.execute("ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY")
            let live = try LiveDatabase.testing(database)
            let result = try live.apply(workspace)
            #expect(result.plan.actions.contains { $0.kind == .noForceRLS && $0.table.name == "docs" })
            #expect(result.assessment.posture.filter { $0.kind == .forcedOwner }.isEmpty)
            #expect(try Self.forced(database, "docs") == false)
            #expect(try Self.forced(database, "notes") == true)
            #expect(try live.assess(workspace).drift.isEmpty)

            try database.connection.execute(
                "ALTER TABLE public.docs FORCE ROW LEVEL SECURITY; ALTER TABLE public.notes NO FORCE ROW LEVEL SECURITY")
            let drift = try live.assess(workspace).drift
            #expect(drift.map(\.type) == [.rlsForced, .rlsNotForced])
            #expect(drift.map(\.table.name) == ["docs", "notes"])
            try live.apply(workspace)
            #expect(try Self.forced(database, "docs") == false)
            #expect(try Self.forced(database, "notes") == true)
            #expect(try live.assess(workspace).drift.isEmpty)
        }
    }
}
