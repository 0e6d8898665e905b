import PolicyEngine
import PolicyProofs
import PolicySQL
import TestSupport
import Testing

/// Session values read by their own SQL (SPEC 11.1) are per-session variables like
/// `current_setting` keys: `auth.uid` can be an isolation key, is NULL when unset, and the two
/// sessions of an isolation query have their own values; repro scripts set them through stubs
/// of the Supabase functions.
@Suite struct SessionValueProofTests {
    static let schemaSQL = """
        CREATE SCHEMA auth;
        CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb $$;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid $$;
        CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role' $$;
        CREATE TABLE public.notes (id uuid PRIMARY KEY, owner_id uuid, is_public boolean NOT NULL DEFAULT false, body text);
        """

    /// A Supabase-style project isolating notes by `auth.uid`, with `extra` clauses added.
    static func project(_ extra: String = "", config: String = "") -> WorkspaceSnapshot {
        let fixture = WorkspaceFixture(
            """
            //- pgpe.yaml
            policies: [policies]
            schema: schema.sql
            profile: supabase
            isolation:
              - key: auth.uid
            \(config)
            //- schema.sql
            \(schemaSQL)
            //- policies/notes.policy
            POLICY own_notes PERMISSIVE FOR ALL SELECTOR named('notes')
              CLAUSE col(owner_id) = session('auth.uid')\(extra)
            """)
        return fixture.workspace().snapshot
    }

    @Test(arguments: [true, false])
    func isolationByAuthUIDIsProven(shortcuts: Bool) {
        let snapshot = Self.project()
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.tenantIsolation, .failClosed])
        let verdicts = report.verdicts.filter { $0.key == "auth.uid" }
        #expect(verdicts.contains { $0.proof == .tenantIsolation } && verdicts.contains { $0.proof == .failClosed })
        #expect(verdicts.allSatisfy { $0.status == .proven }, "\(verdicts.map(ProofHarness.describe))")
    }

    @Test(arguments: [true, false])
    func aLeakingClauseFailsWithTwoSessionsOfDifferentUIDs(shortcuts: Bool) throws {
        let snapshot = Self.project("\n  OR CLAUSE col(is_public) = lit(true)")
        let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.tenantIsolation])
        let failed = report.verdicts.filter { $0.proof == .tenantIsolation && $0.key == "auth.uid" }
        #expect(!failed.isEmpty && failed.allSatisfy { $0.status == .failed }, "\(report.verdicts.map(ProofHarness.describe))")
        for verdict in failed {
            let example = try #require(verdict.counterexample)
            #expect(example.sessions.count == 2)
            let first = example.sessions.first?["auth.uid"] ?? nil
            let second = example.sessions.last?["auth.uid"] ?? nil
            #expect(first != second, "\(example.sessions)")
            #expect(example.row.values["is_public"] == .bool(true), "\(example.row.values)")
        }
    }

    /// The repro script stubs `auth.uid()` to read `request.jwt.claims` and sets those claims per
    /// session, as PostgREST does; on PostgreSQL both sessions reach the shared row.
    @Test func theReproScriptSetsTheJWTClaimsAndShowsTheLeak() async throws {
        let snapshot = Self.project("\n  OR CLAUSE col(is_public) = lit(true)")
        let set = snapshot.policySet
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        let verdict = try #require(
            report.verdicts.first { $0.status == .failed && $0.command == .select && $0.key == "auth.uid" })
        let script = try #require(ReproScript.script(for: verdict, policySet: set))
        #expect(script.contains("CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid"), "\(script)")
        #expect(script.contains("PERFORM set_config('request.jwt.claims', "), "\(script)")
        #expect(!script.contains("set_config('auth.uid'"), "\(script)")
        try await withTestDatabase { database in
            let probe = try ProofDatabaseProbe(
                database: database, policySet: set, schemaSQL: Self.schemaSQL, compiledSQL: PolicyCompiler.compile(set).sql)
            let notices = try probe.runRepro(script)
            #expect(notices.contains("session 1 reaches the row"), "\(notices)")
            #expect(notices.contains("session 2 reaches the row"), "\(notices)")
        }
    }

    /// A session value read from a JWT claim: through `auth.jwt()` (top level, cast, nested under
    /// `app_metadata`) or as older PostgREST sets it (`request.jwt.claim.<claim>`).
    static let claimReads = [
        "(auth.jwt()->>'tenant')::uuid", "(auth.jwt() ->> 'tenant')::uuid", "(auth.jwt() -> 'app_metadata' ->> 'tenant')::uuid",
        "current_setting('request.jwt.claim.tenant', true)::uuid",
    ]

    /// The repro script puts each session's value of a claim-read session value into its
    /// `request.jwt.claims` (and the older per-claim setting), beside `sub`; on PostgreSQL the two
    /// sessions, in two tenants, both reach the shared row.
    @Test(arguments: claimReads)
    func theReproScriptSetsAClaimReadThroughAnExpression(_ read: String) async throws {
        let schema = Self.schemaSQL + "\nALTER TABLE public.notes ADD COLUMN tenant_id uuid;"
        let fixture = WorkspaceFixture(
            """
            //- pgpe.yaml
            policies: [policies]
            schema: schema.sql
            profile: supabase
            session:
              jwt.tenant: {type: uuid, sql: "\(read)"}
            isolation:
              - key: jwt.tenant
            //- schema.sql
            \(schema)
            //- policies/notes.policy
            POLICY tenant_notes PERMISSIVE FOR ALL SELECTOR named('notes')
              CLAUSE col(tenant_id) = session('jwt.tenant') AND col(owner_id) = session('auth.uid')
              OR CLAUSE col(owner_id) = session('auth.uid') AND col(is_public) = lit(true)
            """)
        let snapshot = fixture.workspace().snapshot
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let set = snapshot.policySet
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        let verdict = try #require(
            report.verdicts.first { $0.status == .failed && $0.command == .select && $0.key == "jwt.tenant" })
        let script = try #require(ReproScript.script(for: verdict, policySet: set))
        #expect(!script.contains("which this script cannot set"), "\(script)")
        let claims = script.split(separator: "\n").filter { $0.contains("PERFORM set_config('request.jwt.claims', ") }
        #expect(claims.count == 2 && claims.allSatisfy { $0.contains("'tenant'") && $0.contains("'sub'") }, "\(script)")
        if read.hasPrefix("current_setting") {
            #expect(script.contains("PERFORM set_config('request.jwt.claim.tenant', "), "\(script)")
        }
        try await withTestDatabase { database in
            let probe = try ProofDatabaseProbe(
                database: database, policySet: set, schemaSQL: schema, compiledSQL: PolicyCompiler.compile(set).sql)
            let notices = try probe.runRepro(script)
            #expect(notices.contains("session 1 reaches the row"), "\(notices)")
            #expect(notices.contains("session 2 reaches the row"), "\(notices)")
        }
    }

    /// A value read by its own SQL is unset only when NULL: `''` is a value like any other, also
    /// under `missing_context: error` (where a text setting set to `''` stays set and so fails
    /// fail-closed).
    @Test func aTextValueReadBySQLIsUnsetOnlyWhenNull() {
        let fixture = WorkspaceFixture(
            """
            //- pgpe.yaml
            policies: [policies]
            schema: schema.sql
            missing_context: error
            session:
              app.role: text
              jwt.role: {type: text, sql: auth.role()}
            isolation:
              - key: app.role
              - key: jwt.role
            //- schema.sql
            CREATE TABLE public.notes (id uuid PRIMARY KEY, body text);
            CREATE TABLE public.memos (id uuid PRIMARY KEY, body text);
            //- policies/p.policy
            POLICY by_setting PERMISSIVE FOR SELECT SELECTOR named('notes') CLAUSE col(body) = session('app.role')
            POLICY by_sql PERMISSIVE FOR SELECT SELECTOR named('memos') CLAUSE col(body) = session('jwt.role')
            """)
        let snapshot = fixture.workspace().snapshot
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        for shortcuts in [true, false] {
            let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.failClosed])
            let select = report.verdicts.filter { $0.command == .select }
            let setting = select.filter { $0.table.name == "notes" && $0.key == "app.role" }
            let sql = select.filter { $0.table.name == "memos" && $0.key == "jwt.role" }
            #expect(!setting.isEmpty && setting.allSatisfy { $0.status == .failed }, "\(setting.map(ProofHarness.describe))")
            #expect(!sql.isEmpty && sql.allSatisfy { $0.status == .proven }, "\(sql.map(ProofHarness.describe))")
        }
    }

    /// A value whose SQL the script cannot imitate is named in a comment with the value each
    /// session needs; it is never passed to set_config.
    @Test func aValueTheScriptCannotSetIsSaidSo() throws {
        let snapshot = Self.project(
            "\n  OR CLAUSE col(body) = session('jwt.team')",
            config: "session:\n  jwt.team: {type: text, sql: \"lower(auth.jwt() ->> 'team')\"}\n")
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        let verdict = try #require(report.verdicts.first { $0.status == .failed && $0.command == .select })
        let script = try #require(ReproScript.script(for: verdict, policySet: snapshot.policySet))
        #expect(
            script.contains("-- session value 'jwt.team' is read by lower(auth.jwt() ->> 'team'), which this script cannot set;"),
            "\(script)")
        #expect(!script.contains("set_config('jwt.team'"), "\(script)")
    }
}
