import PolicyConfig
import PolicyImport
import PolicySchema
import TestSupport
import Testing

/// The shapes SPEC 11.6 names, one by one, on texts as PostgreSQL 15 prints them (copied from
/// pg_policies), without a database.
@Suite struct LiftingShapeTests {
    static let schema: SchemaModel = {
        var model = SchemaModel()
        model.upsert(TestSchema.table("docs", ["id uuid", "org_id uuid", "owner_id uuid", "title text", "level integer"]))
        model.upsert(TestSchema.table("members", ["org_id uuid", "user_id uuid", "min_level integer", "role text"]))
        return model
    }()

    static func context() throws -> LiftContext {
        let (config, _, diagnostics) = ConfigLoader.load(
            text: "profile: supabase\nsession:\n  jwt.org_id: {type: uuid, sql: \"(auth.jwt() ->> 'org_id')::uuid\"}\n",
            path: "/project/pgpe.yaml", environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let table = try #require(schema.table(QualifiedName(schema: "public", name: "docs")))
        return LiftContext(table: table, schema: schema, config: config)
    }

    /// Every spelling of `current_setting('k'[, true])` reads as the one session value.
    @Test(arguments: [
        "(org_id = (current_setting('app.org'::text))::uuid)",
        "(org_id = (current_setting('app.org'::text, true))::uuid)",
        "(org_id = (NULLIF(current_setting('app.org'::text, true), ''::text))::uuid)",
        "(org_id = ( SELECT (current_setting('app.org'::text, true))::uuid AS current_setting))",
        "(org_id = ( SELECT (NULLIF(current_setting('app.org'::text, true), ''::text))::uuid AS \"nullif\"))",
        "(org_id = (( SELECT current_setting('app.org'::text, true) AS current_setting))::uuid)",
    ])
    func currentSettingSpellings(text: String) throws {
        let lifted = PolicyLifter.lift(text, context: try Self.context())
        #expect(lifted.clauses == ["col(org_id) = session('app.org')"])
        #expect(lifted.sessions.map(\.key) == ["app.org"] && lifted.sessions.map(\.type) == [.uuid])
        #expect(lifted.notes.isEmpty)
    }

    /// A reading that keeps an empty setting as '' (no NULLIF, no cast to a type that rejects
    /// '') is not the session value, which is NULL then: compared with a text column it admits
    /// rows whose column is ''. It stays raw, with the reason, and its canonical text differs.
    @Test(arguments: [
        "(title = current_setting('app.user'::text))",
        "(title = current_setting('app.user'::text, true))",
        "(title = ( SELECT current_setting('app.user'::text, true) AS current_setting))",
        "(title = (current_setting('app.user'::text, true))::character varying)",
    ])
    func anEmptySettingKeptAsTextIsNotASessionValue(text: String) throws {
        let lifted = PolicyLifter.lift(text, context: try Self.context())
        #expect(lifted.clauses.count == 1 && lifted.clauses[0].hasPrefix("raw("), "\(lifted.clauses)")
        #expect(lifted.notes.contains { $0.reason.contains("without NULLIF") }, "\(lifted.notes)")
        let compiled = "(title = NULLIF(current_setting('app.user'::text, true), ''::text))"
        #expect(LiftCertificate.canonicalForm(text, table: "docs") != LiftCertificate.canonicalForm(compiled, table: "docs"))
        // The NULLIF form and a cast that rejects '' are the session value.
        #expect(PolicyLifter.lift(compiled, context: try Self.context()).clauses == ["col(title) = session('app.user')"])
    }

    /// Known session functions: the profile's auth.uid() bare or in a sub-select, a declared
    /// claim, CURRENT_USER and SESSION_USER.
    @Test func knownSessionValues() throws {
        let context = try Self.context()
        let cases: [(String, String)] = [
            ("(owner_id = auth.uid())", "col(owner_id) = session('auth.uid')"),
            ("(( SELECT auth.uid() AS uid) = owner_id)", "session('auth.uid') = col(owner_id)"),
            ("(org_id = ((auth.jwt() ->> 'org_id'::text))::uuid)", "col(org_id) = session('jwt.org_id')"),
            ("(title = CURRENT_USER)", "col(title) = session('current_user')"),
            ("(title = SESSION_USER)", "col(title) = session('session_user')"),
        ]
        for (text, expected) in cases {
            let lifted = PolicyLifter.lift(text, context: context)
            #expect(lifted.clauses == [expected], "\(text)")
            #expect(lifted.sessions.isEmpty && lifted.notes.isEmpty, "\(text)")
        }
    }

    /// A claim not declared stays raw, the smallest atom only, with its reason.
    @Test func undeclaredClaimStaysRaw() throws {
        let lifted = PolicyLifter.lift(
            "((level > 1) AND ((auth.jwt() ->> 'role'::text) = 'admin'::text))", context: try Self.context())
        #expect(lifted.clauses == ["col(level) > lit(1) AND raw('(auth.jwt() ->> ''role''::text) = ''admin''::text')"])
        #expect(lifted.notes.map(\.reason) == ["not a value of the policy language"])
    }

    /// A correlated EXISTS whose block reads the enclosing row beyond the join column lifts
    /// with outer(c); a column of a row two traversals out stays raw, with the reason.
    @Test func existsReadingTheEnclosingRowUsesOuter() throws {
        let text = """
            (EXISTS ( SELECT 1
               FROM members m
              WHERE ((m.org_id = docs.org_id) AND (m.min_level <= docs.level))))
            """
        let lifted = PolicyLifter.lift(text, context: try Self.context())
        #expect(lifted.clauses == ["exists(rel(_, org_id, members, org_id), {col(min_level) <= outer(level)})"])
        #expect(lifted.notes.isEmpty)
        let twoOut = """
            (org_id IN ( SELECT m.org_id
               FROM members m
              WHERE (EXISTS ( SELECT 1
                       FROM members m2
                      WHERE ((m2.user_id = m.user_id) AND (m2.min_level <= docs.level))))))
            """
        let deep = PolicyLifter.lift(twoOut, context: try Self.context())
        #expect(deep.clauses.count == 1 && deep.clauses[0].hasPrefix("raw('org_id IN (SELECT m.org_id FROM members m WHERE"))
        #expect(deep.notes.first?.reason.contains("two or more traversals out") == true)
    }

    /// An OR under an AND stays raw; a top-level OR gives clauses.
    @Test func orBecomesClausesOnlyAtTheTop() throws {
        let lifted = PolicyLifter.lift(
            "((level = 1) OR ((level = 2) AND ((title = 'a'::text) OR (title = 'b'::text))))", context: try Self.context())
        #expect(lifted.clauses == ["col(level) = lit(1)", "col(level) = lit(2) AND raw('(title = ''a''::text) OR (title = ''b''::text)')"])
    }

    /// A call of a function the schema model does not know, in another schema: `fn` with a
    /// generated entry typed by its arguments (a column's type, a constant's cast) and by where
    /// it stands (a condition returns boolean). An unqualified unknown call is PostgreSQL's own
    /// (`lower`) and stays raw.
    @Test func functionsOutsideTheSchemaModel() throws {
        let lifted = PolicyLifter.lift("(app.allowed(org_id, 'read'::text) AND (lower(title) = 'a'::text))", context: try Self.context())
        #expect(lifted.clauses == ["fn(allowed, [col(org_id), lit('read')]) AND raw('lower(title) = ''a''::text')"])
        #expect(lifted.functions.map(\.signature) == ["app.allowed(uuid, text) returns boolean"])
        #expect(lifted.notes.map(\.reason) == ["lower() is not a function of the schema"])
    }

    /// A string constant with a line break, kept raw, is written as an E'' string on one line.
    @Test func lineBreakInRawString() throws {
        let lifted = PolicyLifter.lift("(lower(title) = 'a\nb'::text)", context: try Self.context())
        #expect(lifted.clauses == ["raw('lower(title) = E''a\\nb''::text')"])
    }

    /// The certificate tells a different text from the original: never EQUIVALENT by accident.
    @Test func certificateSeesADifference() {
        let original = "((org_id = auth.uid()) AND (level > 1))"
        #expect(
            LiftCertificate.judge(
                original: original, roundTrip: "((level > 1) AND (org_id = ( SELECT auth.uid() AS uid)))", table: "docs", hasRaw: false
            ).verdict == .equivalent)
        #expect(
            LiftCertificate.judge(original: original, roundTrip: "((level >= 1) AND (org_id = auth.uid()))", table: "docs", hasRaw: false)
                .verdict == .different)
        #expect(
            LiftCertificate.judge(original: original, roundTrip: "(org_id = auth.uid())", table: "docs", hasRaw: true).verdict == .different
        )
        #expect(
            LiftCertificate.judge(original: original, roundTrip: "((1 > level) AND (org_id = auth.uid()))", table: "docs", hasRaw: false)
                .verdict == .different)
        // NOT EXISTS is not NOT IN: the EXISTS-to-IN reading applies outside NOT only.
        let notExists = "(NOT (EXISTS ( SELECT 1 FROM members m WHERE (m.org_id = docs.org_id))))"
        #expect(
            LiftCertificate.judge(
                original: notExists, roundTrip: "(NOT (org_id IN ( SELECT t1.org_id FROM members t1)))", table: "docs", hasRaw: true
            ).verdict == .different)
    }
}
