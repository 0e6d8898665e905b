import Foundation
import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Functions (SPEC 11.2): a call whose arguments read no column compiles to `(SELECT f(args))`
/// unless the function is volatile; arguments may be of the schema's own types (an enum) and a
/// defaulted argument may be left out; PostgreSQL accepts and enforces what comes out.
@Suite struct FunctionCallCompileTests {
    /// The `function-calls` golden's schema: `app.role` enum, `app.has_role(uuid, app.role DEFAULT)`
    /// SECURITY DEFINER, `app.current_account()`, volatile `public.dice()`.
    static var schemaSQL: String {
        get throws {
            let url = CompileCase.root.appendingPathComponent("function-calls/schema.sql")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    static let config = """
        session:
          app.user_id: uuid
        functions:
          has_role: {args: [uuid, {type: app.role, default: true}], returns: boolean, schema: app}
          current_account: {returns: uuid, schema: app}
          dice: {returns: integer, volatility: volatile}
          plain: {args: [uuid], returns: boolean, schema: app, volatility: immutable}
        """

    static func policySet(_ clause: String, command: String = "SELECT", extraConfig: String = "") throws -> PolicySet {
        let (schema, schemaDiagnostics) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: try schemaSQL))
        #expect(schemaDiagnostics.isEmpty, "\(schemaDiagnostics)")
        let text = Self.config.replacingOccurrences(of: "  app.user_id: uuid", with: "  app.user_id: uuid" + extraConfig)
        let (config, _, diagnostics) = ConfigLoader.load(text: text, path: "/project/pgpe.yaml", environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return CheckHarness.check(
            "POLICY p PERMISSIVE FOR \(command) SELECTOR named('documents') CLAUSE \(clause)", schema: schema, config: config)
    }

    static func using(_ clause: String) throws -> String {
        let set = try policySet(clause)
        #expect(set.diagnostics.filter { $0.severity == .error }.isEmpty, "\(set.diagnostics.map(\.message))")
        let sql = PolicyCompiler.compile(set).sql
        guard let start = sql.range(of: "USING ("), let end = sql.range(of: ");", range: start.upperBound..<sql.endIndex) else {
            Issue.record("no USING in \(sql)")
            return ""
        }
        return String(sql[start.upperBound..<end.lowerBound])
    }

    @Test func callsWithoutColumnsAreWrappedOnceUnlessVolatile() throws {
        // No col(): wrapped, in value position and as an atom; the calls inside are not wrapped again.
        #expect(try Self.using("col(account_id) = fn(current_account, [])") == "account_id = (SELECT app.current_account())")
        #expect(
            try Self.using("fn(has_role, [fn(current_account, []), lit('owner')])")
                == "(SELECT app.has_role(app.current_account(), 'owner'::app.role))")
        #expect(
            try Self.using("fn(has_role, [session('app.user_id')])")
                == "(SELECT app.has_role((SELECT NULLIF(current_setting('app.user_id', true), '')::uuid)))")
        // A col() argument, directly or nested: a plain call, evaluated per row.
        #expect(try Self.using("fn(has_role, [col(account_id)])") == "app.has_role(account_id)")
        #expect(try Self.using("fn(plain, [col(account_id)])") == "app.plain(account_id)")
        // Volatile: never wrapped, and a call with a volatile argument is not wrapped either.
        #expect(try Self.using("fn(dice, []) = lit(6)") == "public.dice() = 6")
        #expect(try Self.using("col(draw) = fn(dice, [])") == "draw = public.dice()")
    }

    /// The normal form keeps each call of a volatile function: no duplicate, contradiction,
    /// tautology or absorption among its atoms (each call is its own value).
    @Test func theNormalFormKeepsEveryVolatileCall() throws {
        #expect(try Self.using("fn(dice, []) = lit(6) AND fn(dice, []) = lit(6)") == "public.dice() = 6 AND public.dice() = 6")
        #expect(try Self.using("fn(dice, []) = lit(1) AND fn(dice, []) = lit(2)") == "public.dice() = 1 AND public.dice() = 2")
        #expect(try Self.using("fn(dice, []) = fn(dice, [])") == "public.dice() = public.dice()")
        #expect(
            try Self.using("fn(dice, []) = lit(1) OR CLAUSE fn(dice, []) = lit(1) AND col(draw) = lit(2)")
                == "(draw = 2 AND public.dice() = 1) OR (public.dice() = 1)")
        // A stable function is one value per query: the same atoms are normalized away.
        #expect(
            try Self.using("col(account_id) = fn(current_account, []) AND col(account_id) = fn(current_account, [])")
                == "account_id = (SELECT app.current_account())")
        let contradiction = try Self.policySet("fn(dice, []) = lit(1) AND fn(dice, []) = lit(2)")
        #expect(
            !contradiction.diagnostics.contains { $0.id == "semantic.contradictory-clause" || $0.id == "semantic.unsatisfiable-policy" })
    }

    @Test func arityErrorsSayWhatIsAllowed() throws {
        let set = try Self.policySet("fn(has_role, [])")
        let messages = set.diagnostics.filter { $0.id == "semantic.function-arity" }.map(\.message)
        #expect(
            messages == [
                "has_role takes 1 to 2 arguments (app.has_role(uuid, app.role DEFAULT) returns boolean), found 0; the last one has a default and may be left out"
            ], "\(set.diagnostics.map(\.message))")
    }

    /// A type the schema does not define is one diagnostic at its value in pgpe.yaml, with a
    /// suggestion among the language's and the schema's types; unqualified names are looked up
    /// in the governed schemas.
    @Test func typesAreResolvedAgainstTheSchema() throws {
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: try Self.schemaSQL))
        let text = "schemas: [public, app]\nfunctions:\n  f: {args: [app.rol, role], returns: boolean}\n"
        let (config, _, diagnostics) = ConfigLoader.load(text: text, path: "/project/pgpe.yaml", environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let set = CheckHarness.check("", schema: schema, config: config)
        let found = set.diagnostics.filter { $0.id == "config.unknown-type" }
        #expect(found.count == 1, "\(set.diagnostics.map(\.message))")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location.file == "/project/pgpe.yaml")
        #expect(Array(text.utf8)[diagnostic.range.start..<diagnostic.range.end].elementsEqual("app.rol".utf8))
        #expect(
            diagnostic.message
                == "unknown type 'app.rol' (argument 1 of function 'f'): the schema defines no such type; did you mean 'app.role'?")
        #expect(diagnostic.fixIts.first?.edits.first?.newText == "app.role")
        #expect(set.config.function("f") == nil)
        #expect(set.config.unusableDeclarations.functions["f"] != nil)
        // The unqualified name found in a governed schema.
        let (good, _, _) = ConfigLoader.load(
            text: "schemas: [public, app]\nfunctions:\n  g: {args: [role], returns: role}\n", path: "/project/pgpe.yaml", environment: [:])
        let resolved = CheckHarness.check("", schema: schema, config: good).config.function("g")
        #expect(resolved?.arguments == [SQLType(name: "app.role", family: .text)])
        #expect(resolved?.returns == SQLType(name: "app.role", family: .text))
    }

    /// Without a schema a type is not resolved, but an unqualified name that is not one of
    /// PostgreSQL's own (`uuidd`) is warned at its value in pgpe.yaml, with a suggestion: only a
    /// schema could define it. Qualified names and PostgreSQL's own types pass quietly.
    @Test func withoutASchemaAnUnknownUnqualifiedTypeIsWarned() throws {
        let text =
            "functions:\n  f: {args: [uuidd, app.role, int4, \"text[]\", {type: booleen, default: true}], returns: boolean}\n  g: {args: [], returns: uuidd}\n"
        let (config, _, diagnostics) = ConfigLoader.load(text: text, path: "/project/pgpe.yaml", environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let set = CheckHarness.check("", schema: nil, config: config)
        let found = set.diagnostics.filter { $0.id == "config.unchecked-type" }
        #expect(found.map(\.severity) == [.warning, .warning, .warning], "\(set.diagnostics.map(\.message))")
        #expect(
            found.map(\.message) == [
                "type 'uuidd' (argument 1 of function 'f') is not one of PostgreSQL's own types; without a schema it is not checked; did you mean 'uuid'?",
                "type 'booleen' (argument 5 of function 'f') is not one of PostgreSQL's own types; without a schema it is not checked; did you mean 'boolean'?",
                "type 'uuidd' (return type of function 'g') is not one of PostgreSQL's own types; without a schema it is not checked; did you mean 'uuid'?",
            ])
        for diagnostic in found {
            #expect(diagnostic.location.file == "/project/pgpe.yaml")
            let written = String(decoding: Array(text.utf8)[diagnostic.range.start..<diagnostic.range.end], as: UTF8.self)
            #expect(["uuidd", "booleen"].contains(written), "\(written)")
        }
        #expect(found.first?.fixIts.first?.edits.first?.newText == "uuid")
        // The functions stay usable: the schema, when there is one, decides.
        #expect(set.config.function("f") != nil && set.config.function("g") != nil)
        #expect(set.diagnostics.filter { $0.severity == .error }.isEmpty, "\(set.diagnostics.map(\.message))")
    }

    /// A session value passed to (or compared with) an enum is cast to the enum (text does not
    /// convert to it implicitly), and PostgreSQL accepts the policy.
    @Test func sessionValuesAreCastToAnEnum() async throws {
        let set = try Self.policySet(
            "col(min_role) = session('app.role') AND fn(has_role, [col(account_id), session('app.role')])",
            extraConfig: "\n  app.role: text")
        #expect(set.diagnostics.filter { $0.severity == .error }.isEmpty, "\(set.diagnostics.map(\.message))")
        let sql = PolicyCompiler.compile(set).sql
        let cast = "(SELECT NULLIF(current_setting('app.role', true), '')::app.role)"
        #expect(sql.contains("min_role = \(cast) AND app.has_role(account_id, \(cast))"), "\(sql)")
        try await withTestDatabase { database in
            try database.connection.execute(try Self.schemaSQL)
            try database.connection.execute(sql)
        }
    }

    @Test func enumLiteralsAreCheckedAgainstTheLabels() throws {
        let set = try Self.policySet("fn(has_role, [col(account_id), lit('ownr')])")
        let found = set.diagnostics.filter { $0.id == "semantic.invalid-literal" }
        #expect(found.count == 1, "\(set.diagnostics.map(\.message))")
        #expect(found.first?.message.hasSuffix("did you mean 'owner'?") == true, "\(found)")
        #expect(found.first?.fixIts.first?.edits.first?.newText == "'owner'")
    }

    /// On PostgreSQL: the enum-argument SECURITY DEFINER membership check admits exactly the
    /// documents of accounts where the session's user has the role (or, with the default left
    /// out, any role), and the wrapped call is evaluated once per query (an InitPlan).
    @Test func postgresEnforcesAnEnumArgumentMembershipFunction() async throws {
        let editors = try PolicyCompiler.compile(Self.policySet("fn(has_role, [col(account_id), lit('editor')])")).sql
        let members = try PolicyCompiler.compile(Self.policySet("fn(has_role, [col(account_id)])")).sql
        let own = try PolicyCompiler.compile(Self.policySet("fn(has_role, [fn(current_account, []), lit('owner')])")).sql
        let (a, b) = ("00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b")
        let (alice, bob) = ("00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-0000000000b1")
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute(try Self.schemaSQL)
            try connection.execute(
                """
                INSERT INTO app.members VALUES ('\(a)', '\(alice)', 'owner'), ('\(b)', '\(alice)', 'viewer'), ('\(b)', '\(bob)', 'editor');
                INSERT INTO public.documents (id, account_id) VALUES (1, '\(a)'), (2, '\(a)'), (3, '\(b)');
                """)
            let role = try database.createRole(login: false)
            try connection.execute("GRANT USAGE ON SCHEMA app TO \(role); GRANT SELECT ON public.documents TO \(role)")
            func visible(_ policies: String, user: String, account: String? = nil) throws -> [Int] {
                try connection.transaction { connection in
                    try connection.execute("DROP POLICY IF EXISTS p_documents ON public.documents")
                    try connection.execute(policies)
                    _ = try connection.query("SELECT set_config('app.user_id', $1, true)", [.text(user)])
                    if let account { _ = try connection.query("SELECT set_config('app.account_id', $1, true)", [.text(account)]) }
                    try connection.execute("SET LOCAL ROLE \(role)")
                    return try connection.query("SELECT id FROM public.documents ORDER BY id").compactMap { $0[0]?.int }
                }
            }
            #expect(try visible(editors, user: alice) == [1, 2])
            #expect(try visible(editors, user: bob) == [3])
            #expect(try visible(members, user: alice) == [1, 2, 3])
            #expect(try visible(members, user: bob) == [3])
            #expect(try visible(own, user: alice, account: a) == [1, 2, 3])
            #expect(try visible(own, user: alice, account: b) == [])
            #expect(try visible(own, user: bob, account: b) == [])
            let plan = try connection.transaction { connection in
                try connection.execute("DROP POLICY IF EXISTS p_documents ON public.documents")
                try connection.execute(own)
                try connection.execute("SET LOCAL ROLE \(role)")
                return try connection.query("EXPLAIN SELECT id FROM public.documents").compactMap { $0[0]?.string }.joined(separator: "\n")
            }
            #expect(plan.contains("InitPlan"), "\(plan)")
        }
    }
}
