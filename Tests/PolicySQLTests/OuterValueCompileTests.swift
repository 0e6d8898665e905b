import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PostgresClient
import TestSupport
import Testing

/// A traversal whose clause reads the enclosing row (`outer(c)`, SPEC 11.3) compiles to a
/// correlated `EXISTS`, every source column qualified, as every traversal does (issue 16).
/// PostgreSQL accepts the SQL and admits exactly the rows the policy says.
@Suite struct OuterValueCompileTests {
    /// `members` has columns named like the source's (`id`, `min_role`): a bare name inside the
    /// sub-select would read the member's, so the compiled SQL must qualify the source's.
    static let schemaSQL = """
        CREATE TABLE public.accounts (id integer PRIMARY KEY, min_role text NOT NULL);
        CREATE TABLE public.members (
            id integer PRIMARY KEY, account_id integer NOT NULL REFERENCES public.accounts (id),
            user_id uuid NOT NULL, role text NOT NULL, min_role text);
        CREATE TABLE public.grants (member_id integer NOT NULL REFERENCES public.members (id), scope text NOT NULL);
        """

    static func policySet(_ clause: String) -> PolicySet {
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: schemaSQL))
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [SessionKeyDecl(key: "app.user_id", type: .uuid)]
        let set = CheckHarness.check(
            "POLICY by_role PERMISSIVE FOR SELECT SELECTOR named('accounts') CLAUSE \(clause)", schema: schema, config: config)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.message))")
        return set
    }

    static let byRole =
        "exists(rel(_, id, members, account_id), {col(user_id) = session('app.user_id') AND col(role) = outer(min_role)})"

    @Test func aTraversalReadingTheEnclosingRowCompilesToACorrelatedExists() {
        let sql = PolicyCompiler.compile(Self.policySet(Self.byRole)).sql
        #expect(
            sql.contains(
                "USING (EXISTS (SELECT 1 FROM public.members t1 WHERE t1.account_id = public.accounts.id AND t1.role = public.accounts.min_role AND t1.user_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid)));"
            ), "\(sql)")
        // Without outer(): the same correlated form.
        let plain = PolicyCompiler.compile(
            Self.policySet("exists(rel(_, id, members, account_id), {col(user_id) = session('app.user_id')})")
        ).sql
        #expect(
            plain.contains(
                "USING (EXISTS (SELECT 1 FROM public.members t1 WHERE t1.account_id = public.accounts.id AND t1.user_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid)));"
            ), "\(plain)")
    }

    /// A nested `outer(c)` reads the enclosing traversal's target (its alias), as the nested
    /// traversal's own source column does.
    @Test func aNestedOuterReadsTheEnclosingAlias() {
        let sql = PolicyCompiler.compile(
            Self.policySet("exists(rel(_, id, members, account_id), {exists(rel(_, id, grants, member_id), {col(scope) = outer(role)})})")
        ).sql
        #expect(
            sql.contains(
                "USING (EXISTS (SELECT 1 FROM public.members t1 WHERE t1.account_id = public.accounts.id AND EXISTS (SELECT 1 FROM public.grants t2 WHERE t2.member_id = t1.id AND t2.scope = t1.role)));"
            ), "\(sql)")
    }

    /// On PostgreSQL, a member sees an account only when their role is the account's own
    /// `min_role` (not the member row's column of the same name, not any role).
    @Test func postgresAdmitsExactlyTheAccountsWhereTheMembersRoleIsTheAccountsMinimum() async throws {
        let compiled = PolicyCompiler.compile(Self.policySet(Self.byRole)).sql
        let alice = "00000000-0000-4000-8000-00000000000a"
        let bob = "00000000-0000-4000-8000-00000000000b"
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute(Self.schemaSQL)
            try connection.execute(compiled)
            try connection.execute(
                """
                INSERT INTO public.accounts VALUES (1, 'admin'), (2, 'member'), (3, 'member');
                INSERT INTO public.members VALUES
                    (10, 1, '\(alice)', 'member', 'member'), (11, 2, '\(alice)', 'member', NULL),
                    (12, 3, '\(alice)', 'admin', 'admin'), (13, 1, '\(bob)', 'admin', NULL);
                """)
            let role = try database.createRole(login: false)
            try connection.execute("GRANT SELECT ON public.accounts, public.members TO \(role)")
            func visible(_ user: String) throws -> [Int] {
                try connection.transaction { connection in
                    _ = try connection.query("SELECT set_config('app.user_id', $1, true)", [.text(user)])
                    try connection.execute("SET LOCAL ROLE \(role)")
                    return try connection.query("SELECT id FROM public.accounts ORDER BY id").compactMap { $0[0]?.int }
                }
            }
            #expect(try visible(alice) == [2])
            #expect(try visible(bob) == [1])
            #expect(try visible("00000000-0000-4000-8000-0000000000ff") == [])
        }
    }
}
