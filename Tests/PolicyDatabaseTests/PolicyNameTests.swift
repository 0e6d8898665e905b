import PolicyDatabase
import PolicySQL
import PostgresClient
import TestSupport
import Testing

/// Policy names are unique per table, as in PostgreSQL (SPEC 11.3): two policies named `own`
/// that govern disjoint tables compile to distinct names, apply, and leave no drift.
@Suite struct PolicyNameTests {
    static func workspace() -> PolicyWorkspace {
        PolicyWorkspace(
            config: "policies: [policies]\nsession:\n  app.tenant_id: uuid\n  app.user_id: uuid\n",
            policies: [
                "a.policy": """
                POLICY own PERMISSIVE FOR ALL SELECTOR named('accounts')
                  CLAUSE col(tenant_id) = session('app.tenant_id')
                """,
                "b.policy": """
                POLICY own PERMISSIVE FOR SELECT, UPDATE SELECTOR named('notes') OR named('own_accounts')
                  CLAUSE col(author_id) = session('app.user_id')
                """,
            ],
            schemaSQL: """
                CREATE TABLE public.accounts (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);
                CREATE TABLE public.notes (id uuid PRIMARY KEY, author_id uuid);
                CREATE TABLE public.own_accounts (id uuid PRIMARY KEY, author_id uuid);
                """)
    }

    @Test func oneNameOnDisjointTablesAppliesWithoutDrift() async throws {
        try await withTestDatabase { database in
            let workspace = Self.workspace()
            let live = try LiveDatabase.applied(workspace, on: database)
            let names = try database.connection.query("SELECT tablename || '.' || policyname FROM pg_policies ORDER BY 1")
                .compactMap { $0[0]?.string }
            #expect(
                names == [
                    "accounts.own_accounts", "notes.own_notes_select", "notes.own_notes_update", "own_accounts.own_own_accounts_select",
                    "own_accounts.own_own_accounts_update",
                ])
            #expect(try live.assess(workspace).drift.isEmpty)
            #expect(try live.apply(workspace).plan.actions.isEmpty)
        }
    }
}
