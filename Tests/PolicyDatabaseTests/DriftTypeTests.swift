import PolicyDatabase
import TestSupport
import Testing

/// Each of the seven drift types, produced by a real catalog change on an applied workspace,
/// found exactly (nothing else reported), and repaired by the next apply (with prune).
@Suite struct DriftTypeTests {
    /// One out-of-band change and what monitor must say about it.
    struct Scenario: CustomTestStringConvertible, Sendable {
        /// A short name.
        var name: String
        /// The change (`ROLE` stands for the application role).
        var sql: String
        /// The one item expected.
        var type: DriftType
        /// The item's table.
        var table = "public.accounts"
        /// The item's policy.
        var policy: String?
        /// Words the description must contain.
        var describes: [String] = []
        /// What the observed text must contain.
        var observed: String?
        /// The kinds of the repair's statements.
        var repair: [PlanAction.Kind]
        /// The item's severity, when drift by meaning sets it apart from its type's (SPEC 11.7).
        var severity: DriftSeverity?

        /// The name, in test reports.
        var testDescription: String { name }
    }

    /// One scenario per drift type, and per way a policy can be modified.
    static let scenarios: [Scenario] = [
        Scenario(
            name: "rls disabled", sql: "ALTER TABLE public.accounts DISABLE ROW LEVEL SECURITY",
            type: .rlsDisabled, describes: ["disabled"], observed: "disabled", repair: [.enableRLS]),
        Scenario(
            name: "rls not forced", sql: "ALTER TABLE public.accounts NO FORCE ROW LEVEL SECURITY",
            type: .rlsNotForced, describes: ["not forced"], observed: "not forced", repair: [.forceRLS]),
        Scenario(
            name: "missing policy", sql: "DROP POLICY tenant_accounts ON public.accounts",
            type: .missingPolicy, policy: "tenant_accounts", describes: ["does not exist"], repair: [.createPolicy]),
        Scenario(
            name: "extra policy", sql: "CREATE POLICY manual_override ON public.accounts USING (true)",
            type: .extraPolicy, policy: "manual_override", describes: ["not managed", "admits rows"], observed: "USING (true)",
            repair: [.dropPolicy], severity: .critical),
        Scenario(
            name: "using replaced", sql: "ALTER POLICY tenant_accounts ON public.accounts USING (true)",
            type: .modifiedPolicy, policy: "tenant_accounts", describes: ["USING"], observed: "USING (true)",
            repair: [.alterPolicy]),
        Scenario(
            name: "roles changed", sql: "ALTER POLICY tenant_accounts ON public.accounts TO PUBLIC",
            type: .modifiedPolicy, policy: "tenant_accounts", describes: ["roles"], observed: "TO public",
            repair: [.alterPolicy]),
        Scenario(
            name: "with check changed",
            sql: "ALTER POLICY writes_accounts_update ON public.accounts WITH CHECK (status = 'closed')",
            type: .modifiedPolicy, policy: "writes_accounts_update", describes: ["WITH CHECK"],
            observed: "WITH CHECK (status = 'closed'::text)", repair: [.alterPolicy]),
        Scenario(
            name: "command changed",
            sql: """
                DROP POLICY tenant_accounts ON public.accounts;
                CREATE POLICY tenant_accounts ON public.accounts FOR SELECT TO ROLE
                  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
                """,
            type: .modifiedPolicy, policy: "tenant_accounts", describes: ["command"], observed: "FOR SELECT",
            repair: [.dropPolicy, .createPolicy]),
        Scenario(
            name: "type changed",
            sql: """
                DROP POLICY tenant_accounts ON public.accounts;
                CREATE POLICY tenant_accounts ON public.accounts AS RESTRICTIVE FOR ALL TO ROLE
                  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
                """,
            type: .modifiedPolicy, policy: "tenant_accounts", describes: ["type"], observed: "AS RESTRICTIVE",
            repair: [.dropPolicy, .createPolicy]),
        Scenario(
            // Without WITH CHECK the policy checks with its USING: a live WITH CHECK equal to it
            // is no drift (pgpe import meets it), another one is compared with the USING.
            name: "with check added where none is expected",
            sql: "ALTER POLICY tenant_accounts ON public.accounts WITH CHECK (true)",
            type: .modifiedPolicy, policy: "tenant_accounts", describes: ["WITH CHECK"], observed: "WITH CHECK (true)",
            repair: [.alterPolicy], severity: .critical),
        Scenario(
            name: "missing grant", sql: "REVOKE INSERT ON public.accounts FROM ROLE",
            type: .missingGrant, describes: ["lacks INSERT"], observed: "SELECT, UPDATE", repair: [.grant]),
        Scenario(
            name: "extra grant", sql: "GRANT DELETE, TRUNCATE ON public.accounts TO ROLE",
            type: .extraGrant, describes: ["holds DELETE, TRUNCATE"], observed: "SELECT, INSERT, UPDATE, DELETE, TRUNCATE",
            repair: [.revoke]),
        Scenario(
            name: "extra grant to public", sql: "GRANT SELECT ON public.accounts TO PUBLIC",
            type: .extraGrant, describes: ["PUBLIC holds SELECT"], observed: "SELECT to PUBLIC", repair: [.revoke]),
    ]

    /// The workspace: two tables, a FOR ALL policy, an INSERT/UPDATE policy with its own WITH
    /// CHECK, and a GRANT on one table, for the role `role`.
    static func workspace(role: String) -> PolicyWorkspace {
        PolicyWorkspace(
            config: """
                policies: [policies]
                session:
                  app.tenant_id: uuid
                """,
            policies: [
                "p.policy": """
                POLICY tenant
                  PERMISSIVE
                  FOR ALL
                  TO \(role)
                  SELECTOR has_column(tenant_id)
                  CLAUSE col(tenant_id) = session('app.tenant_id')

                POLICY writes
                  PERMISSIVE
                  FOR INSERT, UPDATE
                  TO \(role)
                  SELECTOR named('accounts')
                  CLAUSE col(tenant_id) = session('app.tenant_id')
                  WITH CHECK CLAUSE col(tenant_id) = session('app.tenant_id') AND col(status) = lit('open')

                GRANT SELECT, INSERT, UPDATE TO \(role) SELECTOR named('accounts')
                """
            ],
            schemaSQL: """
                CREATE TABLE public.accounts (
                    id uuid PRIMARY KEY,
                    tenant_id uuid NOT NULL,
                    status text NOT NULL DEFAULT 'open'
                );
                CREATE TABLE public.notes (
                    id uuid PRIMARY KEY,
                    tenant_id uuid NOT NULL,
                    account_id uuid REFERENCES public.accounts (id),
                    body text
                );
                """)
    }

    /// The change gives exactly the expected item, and apply with prune repairs it.
    @Test(arguments: scenarios)
    func driftIsFoundExactlyAndRepaired(_ scenario: Scenario) async throws {
        try await withTestDatabase { database in
            let role = try database.createRole(login: false)
            let workspace = Self.workspace(role: role)
            let live = try LiveDatabase.applied(workspace, on: database)
            #expect(try live.assess(workspace).drift.isEmpty, "drift right after apply")

            try database.connection.execute(scenario.sql.replacingOccurrences(of: "ROLE", with: role))
            let drift = try live.assess(workspace).drift
            #expect(drift.count == 1, "\(drift.map { "\($0.type.rawValue): \($0.description)" })")
            let item = try #require(drift.first)
            #expect(item.type == scenario.type)
            #expect(item.severity == scenario.severity ?? scenario.type.severity)
            #expect(item.table.description == scenario.table)
            #expect(item.policy == scenario.policy)
            for words in scenario.describes {
                #expect(item.description.contains(words), "\(item.description)")
            }
            if let observed = scenario.observed {
                #expect(item.observed?.contains(observed) == true, "observed: \(item.observed ?? "nil")")
            }
            if item.type == .modifiedPolicy {
                #expect(
                    item.expected?.contains("tenant_id = ( SELECT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid")
                        == true,
                    "expected: \(item.expected ?? "nil")")
                #expect(item.expected != item.observed)
            }
            #expect(item.repair.map(\.kind) == scenario.repair)

            let repair = try live.apply(workspace, prune: true)
            #expect(repair.executed)
            #expect(try live.assess(workspace).drift.isEmpty, "drift after the repair")
        }
    }

    /// Privileges on a table no GRANT item covers are not pgpe's business.
    @Test func grantsOnTablesWithoutGrantItemsAreNotCompared() async throws {
        try await withTestDatabase { database in
            let role = try database.createRole(login: false)
            let workspace = Self.workspace(role: role)
            let live = try LiveDatabase.applied(workspace, on: database)
            try database.connection.execute("GRANT ALL ON public.notes TO \(role); GRANT SELECT ON public.notes TO PUBLIC")
            #expect(try live.assess(workspace).drift.isEmpty)
        }
    }

    /// Several changes at once are all reported, in table then type order.
    @Test func severalChangesAreReportedInOrder() async throws {
        try await withTestDatabase { database in
            let role = try database.createRole(login: false)
            let workspace = Self.workspace(role: role)
            let live = try LiveDatabase.applied(workspace, on: database)
            try database.connection.execute(
                """
                CREATE POLICY zz_manual ON public.accounts USING (true);
                DROP POLICY tenant_notes ON public.notes;
                ALTER TABLE public.notes NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE public.accounts DISABLE ROW LEVEL SECURITY;
                GRANT DELETE ON public.accounts TO \(role);
                """)
            let drift = try live.assess(workspace).drift
            #expect(
                drift.map { "\($0.table.name) \($0.type.rawValue)" } == [
                    "accounts rls_disabled", "accounts extra_policy", "accounts extra_grant",
                    "notes rls_not_forced", "notes missing_policy",
                ])
            // zz_manual admits rows the managed policies refuse (SPEC 11.7): dropped without prune.
            let plan = ApplyPlan(repairing: drift, prune: false)
            #expect(plan.actions.map(\.kind) == [.enableRLS, .dropPolicy, .forceRLS, .createPolicy])
        }
    }
}
