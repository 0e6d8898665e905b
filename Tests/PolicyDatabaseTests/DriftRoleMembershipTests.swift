import PolicyConfig
import PolicyDatabase
import PolicyProofs
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// An unmanaged policy for a role is compared with the managed policies that apply to that
/// role's sessions, which include those of every role it has the privileges of (PostgreSQL's
/// `has_privs_of_role`): a policy `TO agent` that repeats what a managed policy `TO reader`
/// gives, where agent is a member of reader, adds nothing and is a warning, not a critical
/// finding that `apply` would drop without `--prune`.
@Suite struct DriftRoleMembershipTests {
    static func workspace(reader: String) -> PolicyWorkspace {
        PolicyWorkspace(
            config: "policies: [policies]\nprofile: supabase\nnaming: exact\n",
            policies: [
                "notes.policy": """
                POLICY own
                  PERMISSIVE
                  FOR SELECT
                  TO \(reader)
                  SELECTOR named('notes')
                  CLAUSE col(user_id) = session('auth.uid')
                """
            ],
            schemaSQL: """
                CREATE SCHEMA auth;
                CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
                  AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
                GRANT USAGE ON SCHEMA auth TO PUBLIC;
                CREATE TABLE public.notes (id integer PRIMARY KEY, user_id uuid, status text);
                """)
    }

    @Test func aMembersPolicyIsComparedWithThePoliciesItInherits() async throws {
        try await withTestDatabase { database in
            let reader = try database.createRole(login: false)
            let agent = try database.createRole(login: false)
            try database.connection.execute("GRANT \(reader) TO \(agent)")
            let workspace = Self.workspace(reader: reader)
            let live = try LiveDatabase.applied(
                workspace, on: database,
                meaningConfig: ConfigLoader.load(text: workspace.config, path: "/virtual/pgpe.yaml", environment: [:]).0)
            try database.connection.execute(
                """
                CREATE POLICY agent_own ON public.notes FOR SELECT TO \(agent) USING (user_id = auth.uid());
                CREATE POLICY agent_more ON public.notes FOR SELECT TO \(agent) USING (user_id = auth.uid() OR status = 'x');
                """)
            let drift = try live.assess(workspace).drift
            let byName = Dictionary(uniqueKeysWithValues: drift.map { ($0.policy ?? "", $0) })
            #expect(byName.count == 2, "\(drift)")
            // agent's sessions already get reader's `own`: the same rows, nothing added.
            #expect(byName["agent_own"]?.severity == .warning, "\(byName["agent_own"]?.description ?? "")")
            #expect(byName["agent_own"]?.witness == nil)
            #expect(byName["agent_more"]?.severity == .critical, "\(byName["agent_more"]?.description ?? "")")
            #expect(byName["agent_more"]?.witness != nil)
            let repair = try live.apply(workspace, prune: false)
            #expect(repair.plan.actions.map(\.policy) == ["agent_more"])
        }
    }
}
