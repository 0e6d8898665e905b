import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySyntax
import TestSupport
import Testing

/// `fn` compiles to a call PostgreSQL can resolve: arguments whose type is not the declared
/// parameter type are cast to it (PostgreSQL finds `f(integer)` for a `bigint` column only
/// through an explicit cast; found by the differential test).
@Suite struct FunctionCallTests {
    /// A table with integer columns of three widths, and a function taking each.
    static let schemaSQL = """
        CREATE TABLE public.t (id bigint PRIMARY KEY, n smallint, m integer, u uuid);
        CREATE FUNCTION public.check_it(a integer, b integer, c bigint, d smallint, e uuid) RETURNS boolean
            LANGUAGE sql IMMUTABLE AS $$ SELECT true $$;
        """

    /// The compiled SQL of a SELECT policy on `t` with `clause`.
    static func compile(_ clause: String) -> String {
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: schemaSQL))
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.functions = [
            FunctionDecl(
                name: "check_it", arguments: [.integer, .integer, .bigint, SQLType.normalize("smallint"), .uuid],
                returns: .boolean)
        ]
        config.sessionKeys = [SessionKeyDecl(key: "app.n", type: .integer)]
        let policySet = CheckHarness.check(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR named('t') CLAUSE \(clause)", schema: schema, config: config)
        #expect(!policySet.hasErrors, "\(policySet.diagnostics.map(\.message))")
        return PolicyCompiler.compile(policySet).sql
    }

    @Test func argumentsAreCastToTheDeclaredParameterTypes() async throws {
        let sql = Self.compile("fn(check_it, [col(id), col(m), col(n), lit(1), col(u)])")
        #expect(sql.contains("USING (public.check_it(id::integer, m, n::bigint, 1::smallint, u));"), "\(sql)")
        let withSession = Self.compile(
            "fn(check_it, [session('app.n'), lit(2), col(m), col(n), lit('0000000a-0000-4000-8000-00000000000a')])")
        #expect(
            withSession.contains(
                "public.check_it((SELECT NULLIF(current_setting('app.n', true), '')::integer), 2, m::bigint, n, '0000000a-0000-4000-8000-00000000000a')"
            ),
            "\(withSession)")
        try await withTestDatabase { database in
            try database.connection.execute(Self.schemaSQL)
            try database.connection.execute(sql)
            try database.connection.execute("DROP POLICY p_t ON public.t")
            try database.connection.execute(withSession)
        }
    }
}
