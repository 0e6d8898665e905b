import PolicyDatabase
import PolicySQL
import PolicySchema
import PolicySyntax
import PostgresClient
import TestSupport
import Testing

/// `naming: exact` (SPEC 11.4) on the real PostgreSQL: policies keep their names as written,
/// hostile ones included (quotes, Unicode, a line separator; a bare name folds to lower case, as
/// PostgreSQL folds it), a name over 63 bytes is cut as
/// PostgreSQL cuts it, and apply → monitor leaves no drift; `--prune` drops only what pgpe does
/// not manage.
@Suite struct ExactNamingTests {
    /// 40 × "Ä" (80 bytes): PostgreSQL keeps 31 of them (62 bytes; a 32nd would split at byte 63).
    static let longName = String(repeating: "Ä", count: 40)

    static func workspace() -> PolicyWorkspace {
        PolicyWorkspace(
            config: "policies: [policies]\nnaming: exact\nsession:\n  app.user_id: uuid\n",
            policies: [
                "p.policy": """
                POLICY "Can view own user data." PERMISSIVE FOR SELECT SELECTOR named('profiles')
                  CLAUSE col(user_id) = session('app.user_id')
                POLICY "it's ""quoted""; DROP TABLE profiles; -- ünï\u{2028}cødé" PERMISSIVE FOR SELECT, UPDATE
                  SELECTOR named('profiles')
                  CLAUSE col(user_id) = session('app.user_id')
                POLICY "\(longName)" PERMISSIVE FOR ALL SELECTOR named('profiles')
                  CLAUSE col(user_id) = session('app.user_id')
                POLICY TenantRead PERMISSIVE FOR SELECT SELECTOR named('notes')
                  CLAUSE col(user_id) = session('app.user_id')
                """
            ],
            schemaSQL: """
                CREATE TABLE public.profiles (id uuid PRIMARY KEY, user_id uuid);
                CREATE TABLE public.notes (id uuid PRIMARY KEY, user_id uuid);
                """)
    }

    @Test func exactNamesApplyAsWrittenAndLeaveNoDrift() async throws {
        try await withTestDatabase { database in
            let workspace = Self.workspace()
            let live = try LiveDatabase.applied(workspace, on: database)
            let names = try database.connection.query("SELECT tablename, policyname FROM pg_policies ORDER BY 1, 2")
                .compactMap { row in row[0]?.string.flatMap { table in row[1]?.string.map { "\(table).\($0)" } } }
            let hostile = "it's \"quoted\"; DROP TABLE profiles; -- ünï\u{2028}cødé"
            #expect(
                names.sorted()
                    == [
                        "notes.tenantread", "profiles.Can view own user data.", "profiles.\(String(repeating: "Ä", count: 31))",
                        "profiles.\(hostile)_select", "profiles.\(hostile)_update",
                    ].sorted())
            #expect(try database.connection.query("SELECT count(*) FROM public.profiles").first?[0]?.int == 0)
            #expect(try live.assess(workspace).drift.isEmpty)
            #expect(try live.apply(workspace).plan.actions.isEmpty)

            try database.connection.execute("CREATE POLICY \"Can view own user data\" ON public.profiles USING (true)")
            let pruned = try live.apply(workspace, prune: true)
            #expect(pruned.plan.actions.map(\.kind) == [.dropPolicy])
            #expect(pruned.plan.actions.first?.policy == "Can view own user data")
            #expect(try live.assess(workspace).drift.isEmpty)
        }
    }

    /// Under the default naming the same policies get `<policy>_<table>[_<command>]`, lower case.
    @Test func suffixedNamingIsTheDefault() throws {
        var workspace = Self.workspace()
        workspace.config = workspace.config.replacingOccurrences(of: "naming: exact\n", with: "")
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: workspace.schemaSQL))
        let names = try workspace.program(schema: schema).tables.flatMap(\.policies).map(\.name)
        #expect(names.contains("can view own user data._profiles"))
        #expect(names.contains("tenantread_notes"))
    }
}
