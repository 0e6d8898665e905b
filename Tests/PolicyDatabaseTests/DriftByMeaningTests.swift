import PolicyConfig
import PolicyDatabase
import PolicyProofs
import PolicySemantics
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Drift by meaning (SPEC 11.7), one test per row of its table, on the real PostgreSQL: a
/// managed policy rewritten by hand, unmanaged policies added by hand, raw SQL, and the same
/// report for a role that owns nothing.
@Suite struct DriftByMeaningTests {
    /// `notes` with a Supabase-style `auth.uid()` that reads the JWT's subject, and two managed
    /// SELECT policies for PUBLIC: a user's own notes, and public ones.
    static let workspace = PolicyWorkspace(
        config: """
            policies: [policies]
            profile: supabase
            naming: exact
            """,
        policies: [
            "notes.policy": """
            POLICY own
              PERMISSIVE
              FOR SELECT
              SELECTOR named('notes')
              CLAUSE col(user_id) = session('auth.uid')

            POLICY shared
              PERMISSIVE
              FOR SELECT
              SELECTOR named('notes')
              CLAUSE col(status) = lit('public') AND col(score) > lit(10)

            POLICY scored
              PERMISSIVE
              FOR SELECT
              SELECTOR named('scores')
              CLAUSE raw('(score % 2) = 0')
            """
        ],
        schemaSQL: """
            CREATE SCHEMA auth;
            CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
              AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
            GRANT USAGE ON SCHEMA auth TO PUBLIC;
            CREATE TABLE public.notes (
                id integer PRIMARY KEY,
                user_id uuid,
                status text,
                score integer
            );
            CREATE TABLE public.scores (id integer PRIMARY KEY, score integer);
            """)

    /// A database with the workspace applied, and a `LiveDatabase` on it that reads the
    /// project's pgpe.yaml for lifting, as `pgpe monitor` does.
    static func applied(_ database: TestDatabase) throws -> LiveDatabase {
        let config = ConfigLoader.load(text: workspace.config, path: "/virtual/pgpe.yaml", environment: [:]).0
        let live = try LiveDatabase.applied(workspace, on: database, meaningConfig: config)
        #expect(try live.assess(workspace).drift.isEmpty, "drift right after apply")
        return live
    }

    /// Hand rewrites that keep the meaning: `cosmetic_change` (info), no drift, an empty plan.
    @Test(arguments: [
        "(auth.uid() = user_id)",
        "(user_id = auth.uid())",
        "(( SELECT auth.uid() AS uid) = user_id)",
    ])
    func equivalentRewriteIsCosmetic(_ using: String) async throws {
        try await withTestDatabase { database in
            let live = try Self.applied(database)
            try database.connection.execute("ALTER POLICY own ON public.notes USING \(using)")
            let assessment = try live.assess(Self.workspace)
            #expect(assessment.drift.isEmpty, "\(assessment.drift.map(\.description))")
            #expect(assessment.cosmetic.map(\.type) == [.cosmeticChange])
            #expect(assessment.cosmetic.first?.severity == .info)
            #expect(assessment.cosmetic.first?.policy == "own")
            #expect(assessment.plan(prune: true).isEmpty)
            let dryRun = try live.apply(prune: false, dryRun: true, desired: Self.workspace.program(for:))
            #expect(dryRun.plan.isEmpty)
        }
    }

    /// A narrower USING is a `modified_policy` warning, repaired by apply.
    @Test func narrowerIsAWarning() async throws {
        try await withTestDatabase { database in
            let live = try Self.applied(database)
            try database.connection.execute("ALTER POLICY own ON public.notes USING (user_id = auth.uid() AND status = 'open')")
            let drift = try live.assess(Self.workspace).drift
            #expect(drift.map(\.type) == [.modifiedPolicy])
            let item = try #require(drift.first)
            #expect(item.severity == .warning)
            #expect(item.witness == nil)
            #expect(item.description.contains("narrower"), "\(item.description)")
            try live.apply(Self.workspace)
            #expect(try live.assess(Self.workspace).drift.isEmpty)
        }
    }

    /// A wider USING is critical with a witness row; inserted for real, the live policy shows it
    /// to a session and the managed one, applied again, does not.
    @Test func widerIsCriticalWithAWitnessTheDatabaseConfirms() async throws {
        try await withTestDatabase { database in
            let live = try Self.applied(database)
            try database.connection.execute("ALTER POLICY shared ON public.notes USING (status = 'public')")
            let drift = try live.assess(Self.workspace).drift
            #expect(drift.map(\.type) == [.modifiedPolicy])
            let item = try #require(drift.first)
            #expect(item.severity == .critical)
            #expect(item.description.contains("wider"), "\(item.description)")
            let witness = try #require(item.witness)
            let reader = try database.createRole(login: false)
            try database.connection.execute("GRANT SELECT ON public.notes TO \(reader)")
            try Self.insert(witness, into: database)
            #expect(try Self.visible(witness, to: reader, through: "shared", in: database) == 1, "the live policy admits the witness")
            try live.apply(Self.workspace)
            #expect(try Self.visible(witness, to: reader, through: "shared", in: database) == 0, "the managed policies refuse the witness")
        }
    }

    /// Each admits a row the other refuses: critical, with a witness the live one admits.
    @Test func incomparableIsCriticalWithAWitness() async throws {
        try await withTestDatabase { database in
            let live = try Self.applied(database)
            try database.connection.execute("ALTER POLICY own ON public.notes USING (status = 'draft')")
            let item = try #require(try live.assess(Self.workspace).drift.first)
            #expect(item.type == .modifiedPolicy && item.severity == .critical)
            #expect(item.description.contains("refuses some"), "\(item.description)")
            let witness = try #require(item.witness)
            #expect(witness.row.values["status"] == .text("draft"), "\(witness)")
        }
    }

    /// `USING (true)` added by hand: critical with a witness, dropped by the repair without
    /// `--prune`, gone afterwards.
    @Test func unmanagedTrueIsCriticalAndDroppedWithoutPrune() async throws {
        try await withTestDatabase { database in
            let live = try Self.applied(database)
            try database.connection.execute("CREATE POLICY open_door ON public.notes FOR SELECT USING (true)")
            let drift = try live.assess(Self.workspace).drift
            #expect(drift.map(\.type) == [.extraPolicy])
            let item = try #require(drift.first)
            #expect(item.severity == .critical)
            #expect(item.witness != nil)
            #expect(item.needsPrune == false)
            let repair = try live.apply(Self.workspace, prune: false)
            #expect(repair.executed)
            #expect(repair.plan.actions.map(\.kind) == [.dropPolicy])
            #expect(try live.assess(Self.workspace).drift.isEmpty)
            let left = try database.connection.query("SELECT count(*)::text AS n FROM pg_policies WHERE policyname = 'open_door'")
            #expect(left.first?["n"]?.string == "0")
        }
    }

    /// An unmanaged restrictive policy, and a permissive one that admits only rows a managed
    /// policy admits: warnings, left in place without `--prune`.
    @Test func unmanagedPoliciesThatAddNothingAreWarningsAndStay() async throws {
        try await withTestDatabase { database in
            let live = try Self.applied(database)
            try database.connection.execute(
                """
                CREATE POLICY only_open ON public.notes AS RESTRICTIVE FOR SELECT USING (status <> 'hidden');
                CREATE POLICY mine_open ON public.notes FOR SELECT USING (user_id = auth.uid() AND status = 'open');
                CREATE POLICY mine_all ON public.notes FOR ALL USING (user_id = auth.uid());
                """)
            let drift = try live.assess(Self.workspace).drift
            #expect(drift.map(\.type) == [.extraPolicy, .extraPolicy, .extraPolicy])
            let byName = Dictionary(uniqueKeysWithValues: drift.map { ($0.policy ?? "", $0) })
            #expect(byName["only_open"]?.severity == .warning)
            #expect(byName["mine_open"]?.severity == .warning, "\(byName["mine_open"]?.description ?? "")")
            // FOR ALL also gives INSERT, UPDATE and DELETE, which no managed policy gives.
            #expect(byName["mine_all"]?.severity == .critical, "\(byName["mine_all"]?.description ?? "")")
            #expect(drift.allSatisfy { $0.witness == nil } == false)
            let repair = try live.apply(Self.workspace, prune: false)
            #expect(repair.plan.actions.map(\.policy) == ["mine_all"])
            let left = try database.connection.query("SELECT policyname FROM pg_policies WHERE tablename = 'notes' ORDER BY 1")
            #expect(left.compactMap { $0["policyname"]?.string } == ["mine_open", "only_open", "own", "shared"])
        }
    }

    /// SQL the lifter keeps raw (arithmetic here) cannot be compared by meaning: the comparison
    /// is unknown and the text comparison's verdict stands (`modified_policy`, critical, as in
    /// v1), saying why.
    @Test func rawSQLFallsBackToText() async throws {
        try await withTestDatabase { database in
            let live = try Self.applied(database)
            try database.connection.execute("ALTER POLICY scored ON public.scores USING ((score % 3) = 0)")
            let item = try #require(try live.assess(Self.workspace).drift.first)
            #expect(item.type == .modifiedPolicy && item.severity == .critical)
            #expect(item.witness == nil)
            #expect(item.description.contains("could not be compared by meaning"), "\(item.description)")
        }
    }

    /// A role with `pg_read_all_data` that owns nothing cannot create the round trip's scratch
    /// policies: it compares lifted meanings and gets the owner's report.
    @Test func readOnlyRoleGetsTheOwnersReport() async throws {
        try await withTestDatabase { database in
            let live = try Self.applied(database)
            try database.connection.execute(
                """
                ALTER POLICY shared ON public.notes USING (status = 'public');
                ALTER POLICY own ON public.notes USING (user_id = auth.uid() AND status = 'open');
                CREATE POLICY open_door ON public.notes FOR SELECT USING (true);
                CREATE POLICY only_open ON public.notes AS RESTRICTIVE FOR SELECT USING (status <> 'hidden');
                """)
            let auditor = try database.createRole(login: true)
            try database.connection.execute("GRANT pg_read_all_data TO \(auditor)")
            let readOnly = LiveDatabase(connection: try database.connect(user: auditor))
            readOnly.meaningConfig = live.meaningConfig
            func summary(_ drift: [DriftItem]) -> [String] {
                drift.map { "\($0.type.rawValue) \($0.severity.rawValue) \($0.policy ?? "") \($0.witness != nil)" }
            }
            let owner = try live.assess(Self.workspace)
            let audited = try readOnly.assess(Self.workspace)
            #expect(owner.canonical.count == 3)
            #expect(audited.canonical.isEmpty, "no round trip for a role that owns nothing")
            #expect(summary(audited.drift) == summary(owner.drift))
            #expect(
                summary(owner.drift) == [
                    "modified_policy warning own false", "modified_policy critical shared true",
                    "extra_policy warning only_open false", "extra_policy critical open_door true",
                ])
            // Nothing drifted: the same (empty) report too.
            try live.apply(Self.workspace, prune: true)
            #expect(try readOnly.assess(Self.workspace).drift.isEmpty)
            #expect(try readOnly.assess(Self.workspace).cosmetic.isEmpty)
        }
    }

    // MARK: - Witness rows on the real server

    /// Inserts the witness row into `notes` (id 1000; the columns the predicates read).
    static func insert(_ witness: Counterexample, into database: TestDatabase) throws {
        var columns = ["id"]
        var values = ["1000"]
        for (column, value) in witness.row.values.sorted(by: { $0.key < $1.key }) where column != "id" {
            columns.append(column)
            values.append(try literal(value, database))
        }
        try database.connection.execute(
            "INSERT INTO public.notes (\(columns.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))")
    }

    /// How many rows of the witness's id `role` sees through the policy `policy` alone (the
    /// others are dropped inside a transaction that is rolled back), with the witness's session
    /// (its `auth.uid` as the JWT's subject).
    static func visible(_ witness: Counterexample, to role: String, through policy: String, in database: TestDatabase) throws -> Int {
        let subject = witness.sessions.first?["auth.uid"] ?? nil
        let connection = database.connection
        try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        let others = try connection.query("SELECT policyname FROM pg_policies WHERE tablename = 'notes'")
            .compactMap { $0["policyname"]?.string }.filter { $0 != policy }
        for other in others { try connection.execute("DROP POLICY \(other) ON public.notes") }
        try connection.execute(
            "SELECT set_config('request.jwt.claim.sub', \(try connection.quoteLiteral(subject ?? "")), true); SET LOCAL ROLE \(role)")
        let rows = try connection.query("SELECT count(*)::text AS n FROM public.notes WHERE id = 1000")
        return Int(rows.first?["n"]?.string ?? "") ?? -1
    }

    /// `value` as an SQL literal.
    static func literal(_ value: SQLValue, _ database: TestDatabase) throws -> String {
        switch value {
        case .null: return "NULL"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text): return try database.connection.quoteLiteral(text)
        }
    }
}
