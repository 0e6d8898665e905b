import PolicySQL
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// PostgreSQL enforces the running example's compiled SQL: two tenants' rows, read and written
/// as a role that owns nothing, with `app.tenant_id` set to one tenant, to nothing, or to ''.
@Suite struct CompileEnforcementTests {
    /// A uuid whose last digits are `number`.
    static func uuid(_ number: Int) -> String {
        let digits = String(number)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// The two tenants.
    static let tenantA = uuid(1)
    /// The other tenant.
    static let tenantB = uuid(2)
    /// Row ids: per table, tenant A's, one of A's under the soft-deleted project, tenant B's.
    static let userA = uuid(11), userB = uuid(12)
    static let projectA = uuid(21), deletedProjectA = uuid(22), projectB = uuid(23)
    static let taskA = uuid(31), taskOfDeletedA = uuid(32), taskB = uuid(33)
    static let fileA = uuid(41), fileOfDeletedA = uuid(42), fileB = uuid(43)
    static let commentA = uuid(51), commentOnDeletedA = uuid(52), commentB = uuid(53)

    /// Two tenants; tenant A has a live and a soft-deleted project, each with a task and a file.
    static let rows = """
        INSERT INTO public.tenants (id, name) VALUES ('\(tenantA)', 'A'), ('\(tenantB)', 'B');
        INSERT INTO public.users (id, tenant_id, email) VALUES ('\(userA)', '\(tenantA)', 'a@a'), ('\(userB)', '\(tenantB)', 'b@b');
        INSERT INTO public.projects (id, tenant_id, name, is_deleted) VALUES
            ('\(projectA)', '\(tenantA)', 'live', false), ('\(deletedProjectA)', '\(tenantA)', 'deleted', true),
            ('\(projectB)', '\(tenantB)', 'other', false);
        INSERT INTO public.tasks (id, project_id, title) VALUES
            ('\(taskA)', '\(projectA)', 't'), ('\(taskOfDeletedA)', '\(deletedProjectA)', 't'), ('\(taskB)', '\(projectB)', 't');
        INSERT INTO public.files (id, project_id, name) VALUES
            ('\(fileA)', '\(projectA)', 'f'), ('\(fileOfDeletedA)', '\(deletedProjectA)', 'f'), ('\(fileB)', '\(projectB)', 'f');
        INSERT INTO public.comments (id, tenant_id, task_id, body) VALUES
            ('\(commentA)', '\(tenantA)', '\(taskA)', 'c'), ('\(commentOnDeletedA)', '\(tenantA)', '\(taskOfDeletedA)', 'c'),
            ('\(commentB)', '\(tenantB)', '\(taskB)', 'c');
        INSERT INTO public.config (key, value) VALUES ('theme', 'dark');
        """

    /// What each governed table shows each tenant.
    static let visible: [String: [String: [String]]] = [
        tenantA: [
            "users": [userA], "projects": [projectA], "tasks": [taskA], "files": [fileA],
            "comments": [commentA, commentOnDeletedA],
        ],
        tenantB: ["users": [userB], "projects": [projectB], "tasks": [taskB], "files": [fileB], "comments": [commentB]],
    ]

    /// The example's schema, its compiled SQL, the rows, and a login role with table privileges.
    private func prepare(_ database: TestDatabase) throws -> (role: String, program: CompiledProgram) {
        let workspace = try CompileCase.named(CompileCase.exampleName).load()
        #expect(workspace.errors.isEmpty)
        let program = PolicyCompiler.compile(workspace.policySet)
        try database.connection.execute(workspace.schemaSQL)
        try database.connection.execute(program.sql)
        try database.connection.execute(Self.rows)
        let role = try database.createRole()
        try database.connection.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role)")
        return (role, program)
    }

    private func ids(_ connection: PostgresConnection, _ table: String) throws -> [String] {
        try connection.query("SELECT id::text FROM public.\(table) ORDER BY 1").compactMap { $0[0]?.string }
    }

    /// The SQLSTATE of `sql`'s error, or nil when it succeeds (in a savepoint, so the session goes on).
    private func failure(_ connection: PostgresConnection, _ sql: String) throws -> String? {
        do {
            _ = try connection.transaction { try $0.execute(sql) }
            return nil
        } catch let error as PostgresError where error.kind == .query {
            return error.sqlState ?? "?"
        }
    }

    @Test func eachTenantSeesExactlyItsOwnRows() async throws {
        try await withTestDatabase { database in
            let (role, program) = try prepare(database)
            #expect(program.tables.map(\.table.name) == ["comments", "files", "projects", "tasks", "users"])
            for tenant in [Self.tenantA, Self.tenantB] {
                let connection = try database.connect(user: role)
                defer { connection.close() }
                _ = try connection.query("SELECT set_config('app.tenant_id', $1, false)", [.text(tenant)])
                for (table, expected) in Self.visible[tenant] ?? [:] {
                    #expect(try ids(connection, table) == expected.sorted(), "\(table) as tenant \(tenant)")
                }
                // Ungoverned tables are untouched.
                #expect(try ids(connection, "tenants").count == 2)
                #expect(try connection.query("SELECT count(*) FROM public.config").first?[0]?.int == 1)
            }
        }
    }

    @Test func writesForAnotherTenantFail() async throws {
        try await withTestDatabase { database in
            let (role, _) = try prepare(database)
            let connection = try database.connect(user: role)
            defer { connection.close() }
            _ = try connection.query("SELECT set_config('app.tenant_id', $1, false)", [.text(Self.tenantA)])
            let denied = "42501"
            let newID = Self.uuid(99)
            #expect(
                try failure(connection, "INSERT INTO public.projects (id, tenant_id, name) VALUES ('\(newID)', '\(Self.tenantB)', 'x')")
                    == denied)
            #expect(
                try failure(connection, "INSERT INTO public.users (id, tenant_id, email) VALUES ('\(newID)', '\(Self.tenantB)', 'x')")
                    == denied)
            #expect(
                try failure(
                    connection,
                    "INSERT INTO public.comments (id, tenant_id, task_id, body) VALUES ('\(newID)', '\(Self.tenantB)', '\(Self.taskB)', 'x')"
                ) == denied)
            // tasks and files reach their tenant through projects, seen through projects' own RLS.
            #expect(
                try failure(connection, "INSERT INTO public.tasks (id, project_id, title) VALUES ('\(newID)', '\(Self.projectB)', 'x')")
                    == denied)
            #expect(
                try failure(connection, "INSERT INTO public.files (id, project_id, name) VALUES ('\(newID)', '\(Self.projectB)', 'x')")
                    == denied)
            #expect(
                try failure(
                    connection, "INSERT INTO public.tasks (id, project_id, title) VALUES ('\(newID)', '\(Self.deletedProjectA)', 'x')")
                    == denied)
            // Moving a row to tenant B fails; B's rows cannot be touched at all.
            #expect(
                try failure(connection, "UPDATE public.projects SET tenant_id = '\(Self.tenantB)' WHERE id = '\(Self.projectA)'") == denied)
            try connection.transaction { (connection: PostgresConnection) throws -> Void in
                #expect(try connection.query("UPDATE public.projects SET name = 'x' WHERE id = '\(Self.projectB)'").affectedRows == 0)
                #expect(try connection.query("DELETE FROM public.users WHERE id = '\(Self.userB)'").affectedRows == 0)
            }
            // The same writes for tenant A succeed (so the failures above are the policies at work).
            #expect(
                try failure(connection, "INSERT INTO public.projects (id, tenant_id, name) VALUES ('\(newID)', '\(Self.tenantA)', 'x')")
                    == nil)
            #expect(
                try failure(
                    connection, "INSERT INTO public.tasks (id, project_id, title) VALUES ('\(Self.uuid(98))', '\(Self.projectA)', 'x')")
                    == nil)
        }
    }

    @Test func withoutATenantNothingIsVisible() async throws {
        try await withTestDatabase { database in
            let (role, _) = try prepare(database)
            let tables = ["users", "projects", "tasks", "files", "comments"]
            // A new session that never set the key, then the key set to ''.
            let connection = try database.connect(user: role)
            defer { connection.close() }
            #expect(try connection.query("SELECT current_setting('app.tenant_id', true)").first?[0] == nil)
            for table in tables { #expect(try ids(connection, table).isEmpty, "\(table) with app.tenant_id unset") }
            #expect(
                try failure(
                    connection, "INSERT INTO public.projects (id, tenant_id, name) VALUES ('\(Self.uuid(99))', '\(Self.tenantA)', 'x')")
                    == "42501")
            _ = try connection.query("SELECT set_config('app.tenant_id', '', false)")
            for table in tables { #expect(try ids(connection, table).isEmpty, "\(table) with app.tenant_id = ''") }
            // A value that is not a uuid fails the query rather than showing anything.
            _ = try connection.query("SELECT set_config('app.tenant_id', 'not-a-uuid', false)")
            #expect(try failure(connection, "SELECT id FROM public.users") == "22P02")
        }
    }

    /// FORCE ROW LEVEL SECURITY holds the tables' owner to the policies too; without it the
    /// owner would see every row (which shows this test can tell the difference).
    @Test func forcedRLSAppliesToTheTableOwner() async throws {
        try await withTestDatabase { database in
            let (_, program) = try prepare(database)
            let owner = try database.createRole()
            for table in program.tables {
                try database.connection.execute("ALTER TABLE public.\(table.table.name) OWNER TO \(owner)")
            }
            let connection = try database.connect(user: owner)
            defer { connection.close() }
            _ = try connection.query("SELECT set_config('app.tenant_id', $1, false)", [.text(Self.tenantA)])
            for (table, expected) in Self.visible[Self.tenantA] ?? [:] {
                #expect(try ids(connection, table) == expected.sorted(), "\(table) as the owner")
            }
            try database.connection.execute("ALTER TABLE public.users NO FORCE ROW LEVEL SECURITY")
            #expect(try ids(connection, "users").count == 2)
        }
    }
}
