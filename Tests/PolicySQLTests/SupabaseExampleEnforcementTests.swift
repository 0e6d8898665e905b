import PolicySQL
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// PostgreSQL enforces the Supabase-style example's compiled SQL (`examples/supabase`) as
/// PostgREST runs it: role `authenticated`, the request's JWT claims in `request.jwt.claims`
/// (read by the schema's `auth.uid()` and `auth.jwt()`), two organizations and four users.
/// And `auth.uid()` is compiled only as `(SELECT auth.uid())`, which PostgreSQL runs once per
/// query (an InitPlan), not once per row.
@Suite struct SupabaseExampleEnforcementTests {
    /// A uuid whose last digits are `number`.
    static func uuid(_ number: Int) -> String {
        let digits = String(number)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// Users: alice owns organization A and is a member of B; bob is a member of A; carol owns
    /// B; dave belongs to no organization.
    static let alice = uuid(1), bob = uuid(2), carol = uuid(3), dave = uuid(4)
    /// The organizations.
    static let orgA = uuid(11), orgB = uuid(12)
    /// Documents: alice's and bob's in A, carol's in B.
    static let docAliceA = uuid(21), docBobA = uuid(22), docCarolB = uuid(23)
    /// Files: bob's in A's org-files bucket, alice's in A under another bucket, carol's in B.
    static let fileBobA = uuid(31), fileOtherBucketA = uuid(32), fileCarolB = uuid(33)

    static let rows = """
        INSERT INTO auth.users (id, email) VALUES
            ('\(alice)', 'alice@a'), ('\(bob)', 'bob@a'), ('\(carol)', 'carol@b'), ('\(dave)', 'dave@d');
        INSERT INTO public.profiles (id, display_name) VALUES
            ('\(alice)', 'Alice'), ('\(bob)', 'Bob'), ('\(carol)', 'Carol'), ('\(dave)', 'Dave');
        INSERT INTO public.organizations (id, name, slug, created_by) VALUES
            ('\(orgA)', 'A', 'a', '\(alice)'), ('\(orgB)', 'B', 'b', '\(carol)');
        INSERT INTO public.memberships (org_id, user_id, role) VALUES
            ('\(orgA)', '\(alice)', 'owner'), ('\(orgA)', '\(bob)', 'member'),
            ('\(orgB)', '\(carol)', 'owner'), ('\(orgB)', '\(alice)', 'member');
        INSERT INTO public.documents (id, org_id, owner_id, title) VALUES
            ('\(docAliceA)', '\(orgA)', '\(alice)', 'a'), ('\(docBobA)', '\(orgA)', '\(bob)', 'b'),
            ('\(docCarolB)', '\(orgB)', '\(carol)', 'c');
        INSERT INTO public.storage_objects (id, bucket_id, name, org_id, owner) VALUES
            ('\(fileBobA)', 'org-files', '\(orgA)/bob.pdf', '\(orgA)', '\(bob)'),
            ('\(fileOtherBucketA)', 'avatars', '\(orgA)/alice.png', '\(orgA)', '\(alice)'),
            ('\(fileCarolB)', 'org-files', '\(orgB)/carol.pdf', '\(orgB)', '\(carol)');
        """

    /// The example's schema and compiled SQL (with its roles), and the rows.
    private func prepare(_ database: TestDatabase) throws -> String {
        let workspace = try CompileCase.named(CompileCase.supabaseExampleName).load()
        #expect(workspace.errors.isEmpty, "\(workspace.errors)")
        let sql = PolicyCompiler.compile(workspace.policySet).sql
        try workspace.createSchema(in: database)
        try GoldenRoles.ensure(workspace.roles, on: database.server)
        try database.connection.execute(sql)
        try database.connection.execute(Self.rows)
        return sql
    }

    /// Runs `body` in a transaction as PostgREST would for a request by `user` (no JWT when
    /// nil) working in `org`, and rolls it back.
    private func asUser<Result>(
        _ connection: PostgresConnection, _ user: String?, org: String? = nil, _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        if let user {
            var claims = "{\"sub\": \"\(user)\", \"role\": \"authenticated\""
            if let org { claims += ", \"org_id\": \"\(org)\"" }
            _ = try connection.query("SELECT set_config('request.jwt.claims', $1, true)", [.text(claims + "}")])
        }
        try connection.execute("SET LOCAL ROLE authenticated")
        return try body(connection)
    }

    private func ids(_ connection: PostgresConnection, _ query: String) throws -> [String] {
        try connection.query(query).compactMap { $0[0]?.string }.sorted()
    }

    /// The SQLSTATE of `sql`'s error, or nil when it succeeds (in a savepoint).
    private func failure(_ connection: PostgresConnection, _ sql: String) throws -> String? {
        try connection.execute("SAVEPOINT attempt")
        do {
            try connection.execute(sql)
            try connection.execute("RELEASE SAVEPOINT attempt")
            return nil
        } catch let error as PostgresError where error.kind == .query {
            try connection.execute("ROLLBACK TO SAVEPOINT attempt")
            return error.sqlState ?? "?"
        }
    }

    /// How many rows `statement` (an UPDATE or DELETE) changed.
    private func changed(_ connection: PostgresConnection, _ statement: String) throws -> Int {
        try connection.execute(statement).affectedRows ?? -1
    }

    @Test func eachUserAndOrganizationSeesExactlyItsRows() async throws {
        try await withTestDatabase { database in
            _ = try prepare(database)
            let connection = database.connection
            let documents = "SELECT id::text FROM public.documents"
            let files = "SELECT id::text FROM public.storage_objects"
            let organizations = "SELECT id::text FROM public.organizations"
            let memberships = "SELECT org_id || ' ' || user_id FROM public.memberships"
            let profiles = "SELECT id::text FROM public.profiles"
            try asUser(connection, Self.alice, org: Self.orgA) { (connection: PostgresConnection) throws -> Void in
                #expect(try ids(connection, profiles) == [Self.alice])
                #expect(try ids(connection, documents) == [Self.docAliceA, Self.docBobA])
                #expect(try ids(connection, files) == [Self.fileBobA])
                #expect(try ids(connection, organizations) == [Self.orgA, Self.orgB])
                // Her own memberships and those of her fellow members in A and B.
                #expect(try ids(connection, memberships).count == 4)
            }
            // The same user working in her other organization sees its documents instead.
            try asUser(connection, Self.alice, org: Self.orgB) { (connection: PostgresConnection) throws -> Void in
                #expect(try ids(connection, documents) == [Self.docCarolB])
                #expect(try ids(connection, files) == [Self.fileCarolB])
            }
            try asUser(connection, Self.bob, org: Self.orgA) { (connection: PostgresConnection) throws -> Void in
                #expect(try ids(connection, profiles) == [Self.bob])
                #expect(try ids(connection, documents) == [Self.docAliceA, Self.docBobA])
                #expect(try ids(connection, organizations) == [Self.orgA])
                #expect(try ids(connection, memberships) == ["\(Self.orgA) \(Self.alice)", "\(Self.orgA) \(Self.bob)"])
            }
            // A claim for an organization the user does not belong to opens nothing.
            try asUser(connection, Self.bob, org: Self.orgB) { (connection: PostgresConnection) throws -> Void in
                #expect(try ids(connection, documents) == [])
                #expect(try ids(connection, files) == [])
            }
            try asUser(connection, Self.dave, org: Self.orgA) { (connection: PostgresConnection) throws -> Void in
                #expect(try ids(connection, profiles) == [Self.dave])
                #expect(try ids(connection, documents) == [])
                #expect(try ids(connection, organizations) == [])
                #expect(try ids(connection, memberships) == [])
            }
            // No JWT (or one without an organization): fail closed.
            for (user, org) in [(nil, nil), (Self.alice, nil)] as [(String?, String?)] {
                try asUser(connection, user, org: org) { (connection: PostgresConnection) throws -> Void in
                    #expect(try ids(connection, documents) == [])
                    #expect(try ids(connection, files) == [])
                    if user == nil {
                        #expect(try ids(connection, profiles) == [])
                        #expect(try ids(connection, organizations) == [])
                    }
                }
            }
        }
    }

    @Test func writesFollowOwnershipAndRoles() async throws {
        try await withTestDatabase { database in
            _ = try prepare(database)
            let connection = database.connection
            let denied = "42501"
            func insertDocument(_ id: Int, org: String, owner: String) -> String {
                "INSERT INTO public.documents (id, org_id, owner_id, title) VALUES ('\(Self.uuid(id))', '\(org)', '\(owner)', 'new')"
            }
            try asUser(connection, Self.bob, org: Self.orgA) { (connection: PostgresConnection) throws -> Void in
                #expect(try failure(connection, insertDocument(97, org: Self.orgA, owner: Self.bob)) == nil)
                #expect(try failure(connection, insertDocument(98, org: Self.orgA, owner: Self.alice)) == denied)
                #expect(try failure(connection, insertDocument(99, org: Self.orgB, owner: Self.bob)) == denied)
                // A member neither deletes another's document nor renames the organization.
                #expect(try changed(connection, "DELETE FROM public.documents WHERE id = '\(Self.docAliceA)'") == 0)
                #expect(try changed(connection, "UPDATE public.organizations SET name = 'x' WHERE id = '\(Self.orgA)'") == 0)
                #expect(
                    try failure(connection, "INSERT INTO public.memberships (org_id, user_id) VALUES ('\(Self.orgA)', '\(Self.dave)')")
                        == denied)
                #expect(try changed(connection, "UPDATE public.profiles SET display_name = 'x'") == 1)
            }
            try asUser(connection, Self.alice, org: Self.orgA) { (connection: PostgresConnection) throws -> Void in
                // The owner deletes a member's document (admin_documents) and manages A.
                #expect(try changed(connection, "DELETE FROM public.documents WHERE id = '\(Self.docBobA)'") == 1)
                #expect(try changed(connection, "UPDATE public.organizations SET name = 'x' WHERE id = '\(Self.orgA)'") == 1)
                #expect(
                    try failure(connection, "INSERT INTO public.memberships (org_id, user_id) VALUES ('\(Self.orgA)', '\(Self.dave)')")
                        == nil)
                // In B she is a member only: B's document stays, and so does B.
                #expect(try changed(connection, "DELETE FROM public.organizations WHERE id = '\(Self.orgB)'") == 0)
            }
            try asUser(connection, Self.alice, org: Self.orgB) { (connection: PostgresConnection) throws -> Void in
                #expect(try changed(connection, "DELETE FROM public.documents WHERE id = '\(Self.docCarolB)'") == 0)
                // She leaves B.
                #expect(try changed(connection, "DELETE FROM public.memberships WHERE org_id = '\(Self.orgB)'") == 1)
            }
            // has_role(org, 'admin') admits an admin as it does an owner (the enum's order):
            // bob, made an admin of A, manages A's memberships; a member does not (above).
            try connection.execute("UPDATE public.memberships SET role = 'admin' WHERE user_id = '\(Self.bob)'")
            try asUser(connection, Self.bob, org: Self.orgA) { (connection: PostgresConnection) throws -> Void in
                #expect(
                    try failure(connection, "INSERT INTO public.memberships (org_id, user_id) VALUES ('\(Self.orgA)', '\(Self.dave)')")
                        == nil)
                #expect(try changed(connection, "DELETE FROM public.memberships WHERE user_id = '\(Self.alice)'") == 1)
            }
        }
    }

    /// Every `auth.uid()` of the compiled SQL is the sub-select `(SELECT auth.uid())`, and so is
    /// every `auth.jwt()` read.
    /// `audit_log` is under `GOVERN` (RLS on, no policy): even with the privileges Supabase grants
    /// every role on `public` by default, a signed-in user reads no row and writes none.
    @Test func theGovernedAuditLogIsDeniedToEveryUser() async throws {
        try await withTestDatabase { database in
            let sql = try prepare(database)
            #expect(sql.contains("ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;"), "\(sql)")
            #expect(!sql.contains("ON public.audit_log\n"), "\(sql)")
            let connection = database.connection
            try connection.execute(
                "INSERT INTO public.audit_log (id, org_id, actor_id, action) VALUES (1, '\(Self.orgA)', '\(Self.alice)', 'login');"
                    + " GRANT SELECT, INSERT, UPDATE, DELETE ON public.audit_log TO authenticated")
            try asUser(connection, Self.alice, org: Self.orgA) { (connection: PostgresConnection) throws -> Void in
                #expect(try ids(connection, "SELECT id::text FROM public.audit_log") == [])
                #expect(
                    try failure(connection, "INSERT INTO public.audit_log (id, action) VALUES (2, 'forged')") == "42501")
                #expect(try changed(connection, "DELETE FROM public.audit_log") == 0)
            }
            #expect(try ids(connection, "SELECT id::text FROM public.audit_log") == ["1"])
        }
    }

    @Test func authFunctionsAreCompiledOnlyAsSubSelects() throws {
        let workspace = try CompileCase.named(CompileCase.supabaseExampleName).load()
        let sql = PolicyCompiler.compile(workspace.policySet).sql
        #expect(sql.contains("(SELECT auth.uid())"))
        #expect(!sql.replacingOccurrences(of: "(SELECT auth.uid())", with: "").contains("auth.uid()"), "\(sql)")
        let jwt = "(SELECT (auth.jwt() ->> 'org_id')::uuid)"
        #expect(sql.contains(jwt))
        #expect(!sql.replacingOccurrences(of: jwt, with: "").contains("auth.jwt()"), "\(sql)")
    }

    /// On a table of many rows the plan runs `auth.uid()` once, in an InitPlan, and compares
    /// each row with its result; the per-row filter never calls it.
    @Test func thePlanReadsAuthUIDOnce() async throws {
        try await withTestDatabase { database in
            _ = try prepare(database)
            try database.connection.execute(
                """
                INSERT INTO auth.users (id) SELECT gen_random_uuid() FROM generate_series(1, 20000);
                INSERT INTO public.profiles (id, display_name) SELECT id, 'user' FROM auth.users ON CONFLICT DO NOTHING;
                ANALYZE auth.users, public.profiles;
                """)
            let (plan, count) = try asUser(database.connection, Self.alice, org: Self.orgA) { connection in
                let plan = try connection.query("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM public.profiles")
                    .compactMap { $0[0]?.string }
                let count = try connection.query("SELECT count(*) FROM public.profiles").first?[0]?.int
                return (plan, count)
            }
            #expect(count == 1)
            // The InitPlan's own line (PostgreSQL 18 also names it in the scan's condition, as
            // `(InitPlan 1).col1`, before it).
            let initPlan = try #require(
                plan.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("InitPlan") }, "\(plan.joined(separator: "\n"))")
            // The InitPlan's node runs once.
            #expect(plan.dropFirst(initPlan + 1).first?.contains("loops=1") == true, "\(plan.joined(separator: "\n"))")
            let perRow = plan.filter { $0.contains("Filter:") || $0.contains("Cond:") }
            #expect(!perRow.isEmpty && perRow.allSatisfy { !$0.contains("current_setting") && !$0.contains("auth.") }, "\(plan)")
        }
    }
}
