import PolicyDatabase
import PolicySQL
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// What the import corpus (Tests/Fixtures/import-corpus) found `monitor` reporting right after
/// an import, where nothing had changed.
@Suite struct CorpusDriftFindingsTests {
    static let workspace = PolicyWorkspace(
        config: "policies: [policies]\nnaming: exact\n",
        policies: [
            "notes.policy": """
            POLICY edit
              PERMISSIVE
              FOR UPDATE
              SELECTOR named('notes')
              CLAUSE col(score) > lit(1)
            """
        ],
        schemaSQL: "CREATE TABLE public.notes (id integer PRIMARY KEY, score integer);")

    /// A hand-written UPDATE policy whose WITH CHECK repeats its USING (as Supabase's examples
    /// write them) is the managed policy without WITH CHECK: PostgreSQL then checks new rows with
    /// USING. No drift; a different WITH CHECK still drifts.
    @Test func withCheckRepeatingUsingIsNoDrift() async throws {
        try await withTestDatabase { database in
            let live = try LiveDatabase.applied(Self.workspace, on: database)
            try database.connection.execute("ALTER POLICY edit ON public.notes WITH CHECK ((score > 1))")
            let same = try live.assess(Self.workspace)
            #expect(same.drift.isEmpty, "\(same.drift.map(\.description))")
            try database.connection.execute("ALTER POLICY edit ON public.notes WITH CHECK ((score > 2))")
            let different = try live.assess(Self.workspace)
            #expect(different.drift.map(\.type) == [.modifiedPolicy], "\(different.drift.map(\.description))")
        }
    }

    /// raw() reading a setting the application sets per session (the forum's
    /// `current_setting('forum.user_id')`) is not rejected because the checking session lacks
    /// it; a real fault in the same raw SQL still is.
    @Test func rawSQLReadingAnApplicationSettingIsFine() async throws {
        try await withTestDatabase { database in
            try Self.workspace.load(into: database)
            let live = try LiveDatabase.testing(database)
            let probes = [
                "NOT (EXISTS ( SELECT 1 FROM public.notes n WHERE (n.id = (current_setting('corpus.user_id'::text))::integer)))",
                "score > (current_setting('corpus.user_id'::text))::integer AND no_such_column",
            ].map {
                RawProbe(
                    table: QualifiedName(schema: "public", name: "notes"), expression: $0, raw: $0,
                    location: FileLocation(file: "/virtual/policies/p.policy", range: SourceRange(start: 0, end: 1)))
            }
            let diagnostics = try live.rawSQLDiagnostics(probes)
            #expect(
                diagnostics.count == 1 && diagnostics.first?.message.contains("no_such_column") == true, "\(diagnostics.map(\.message))")
        }
    }

    /// A live policy reading `current_setting('k', true)` without NULLIF, against a managed text
    /// session value (compiled with NULLIF), is no cosmetic change: with the setting empty the
    /// live one admits rows whose column is '' (shown on the server), the managed one none.
    @Test func anEmptySettingKeptAsTextIsNotCosmetic() async throws {
        let workspace = PolicyWorkspace(
            config: "policies: [policies]\nnaming: exact\nsession:\n  app.user: text\n",
            policies: [
                "notes.policy": """
                POLICY own
                  PERMISSIVE
                  FOR SELECT
                  SELECTOR named('notes')
                  CLAUSE col(owner) = session('app.user')
                """
            ],
            schemaSQL: "CREATE TABLE public.notes (id integer PRIMARY KEY, owner text);")
        try await withTestDatabase { database in
            let live = try LiveDatabase.applied(workspace, on: database)
            #expect(try live.assess(workspace).drift.isEmpty)
            try database.connection.execute("ALTER POLICY own ON public.notes USING (owner = current_setting('app.user', true))")
            let assessed = try live.assess(workspace)
            #expect(assessed.cosmetic.isEmpty, "\(assessed.cosmetic.map(\.description))")
            #expect(assessed.drift.map(\.type) == [.modifiedPolicy], "\(assessed.drift.map(\.description))")
            // For real: with the setting empty, the two predicates disagree on a row owned by ''.
            try database.connection.execute("INSERT INTO public.notes VALUES (1, '')")
            _ = try database.connection.query("SELECT set_config('app.user', '', false)")
            let kept = try database.connection.query("SELECT count(*) FROM public.notes WHERE owner = current_setting('app.user', true)")
            let nulled = try database.connection.query(
                "SELECT count(*) FROM public.notes WHERE owner = NULLIF(current_setting('app.user', true), '')")
            #expect(kept.first?[0]?.int == 1 && nulled.first?[0]?.int == 0)
        }
    }
}
