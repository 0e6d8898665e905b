import PolicyEngine
import PolicySQL
import TestSupport
import Testing

/// The editor follows `naming: exact` and `force:` (SPEC 11.4, 11.5): "Show compiled SQL"
/// names the policy as written, FORCE only where `force:` says, and a name collision that only
/// `exact` makes is reported in the editor's diagnostics.
@Suite struct ExactNamingFeatureTests {
    static let config = EngineFixture.config + "\nnaming: exact\nforce: NOT named('tasks')\n"

    @Test func compiledSQLUsesTheExactName() throws {
        let fixture = try EngineFixture(
            """
            POLICY "Can view own tasks" PERMISSIVE FOR SELECT, UPDATE SELECTOR named('tasks') OR named('projects')
              CLAUSE col(id) = session('app.user_id')
            """,
            config: Self.config)
        #expect(!fixture.snapshot.hasErrors, "\(fixture.snapshot.diagnostics.map(\.message))")
        let sql = try #require(CompiledSQLProvider.sql(for: .policy("Can view own tasks"), snapshot: fixture.snapshot))
        #expect(sql.contains("CREATE POLICY \"Can view own tasks_select\"\n  ON public.tasks"), "\(sql)")
        #expect(sql.contains("CREATE POLICY \"Can view own tasks_update\"\n  ON public.projects"), "\(sql)")
        let workspace = try #require(CompiledSQLProvider.sql(for: .workspace, snapshot: fixture.snapshot))
        #expect(workspace.contains("ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;"))
        #expect(!workspace.contains("ALTER TABLE public.tasks FORCE ROW LEVEL SECURITY;"))
    }

    @Test func aCollisionOnlyExactMakesIsReported() throws {
        let fixture = try EngineFixture(
            """
            POLICY p PERMISSIVE FOR SELECT, UPDATE SELECTOR named('tasks') CLAUSE col(id) = session('app.user_id')
            POLICY p_update PERMISSIVE FOR UPDATE SELECTOR named('tasks') CLAUSE col(id) = session('app.user_id')
            """,
            config: Self.config)
        #expect(fixture.snapshot.diagnostics.filter { $0.kind == .compileNameCollision }.count == 1)
    }
}
