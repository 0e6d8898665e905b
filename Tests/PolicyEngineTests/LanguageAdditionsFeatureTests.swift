import PolicyEngine
import PolicySyntax
import TestSupport
import Testing

/// SPEC 11.3 in the editor features: completion offers `true`, `false`, `now()` and the new
/// privileges; hover explains them; semantic tokens classify them.
@Suite struct LanguageAdditionsFeatureTests {
    static let schema = """
        CREATE TABLE public.offers (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, expires_at timestamptz, title text);
        """

    private func completions(_ marked: String) throws -> [CompletionEntry] {
        let fixture = try EngineFixture(marked, schema: Self.schema)
        return CompletionProvider.completions(at: fixture["1️⃣"], in: fixture.path, snapshot: fixture.snapshot)
    }

    @Test func completionOffersTheConstantsAndNow() throws {
        let atoms = try completions("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE 1️⃣")
        let now = try #require(atoms.first { $0.label == "now" })
        #expect(now.insertText == "now()")
        #expect(atoms.contains { $0.label == "true" } && atoms.contains { $0.label == "false" })
        let values = try completions("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(expires_at) > 1️⃣").map(\.label)
        #expect(values.contains("now") && !values.contains("true"), "\(values)")
        let afterNow = try completions("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE now() 1️⃣").map(\.label)
        #expect(afterNow.contains("<") && afterNow.contains("IS NULL"), "\(afterNow)")
        let afterTrue = try completions("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE true 1️⃣").map(\.label)
        #expect(afterTrue.contains("OR CLAUSE"), "\(afterTrue)")
    }

    @Test func completionOffersTheNewPrivileges() throws {
        let labels = try completions("GRANT 1️⃣").map(\.label)
        #expect(Set(labels) == ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "ALL"])
        #expect(try completions("GRANT SELECT, 1️⃣").map(\.label).contains("TRIGGER"))
        #expect(try completions("GRANT TRUNCATE 1️⃣").map(\.label) == ["TO"])
    }

    @Test func hoverExplainsThem() throws {
        let fixture = try EngineFixture(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE 1️⃣true OR CLAUSE col(expires_at) > 2️⃣now() OR CLAUSE 3️⃣false",
            schema: Self.schema)
        func hover(_ marker: String) -> String {
            HoverProvider.hover(at: fixture[marker] + 1, in: fixture.path, snapshot: fixture.snapshot)?.markdown ?? "<none>"
        }
        #expect(hover("1️⃣").contains("admits every row"), "\(hover("1️⃣"))")
        #expect(hover("2️⃣").contains("transaction's timestamp"), "\(hover("2️⃣"))")
        #expect(hover("3️⃣").contains("admits no row"), "\(hover("3️⃣"))")
    }

    /// Policies on disjoint tables may share a name (SPEC 11.3): "Show compiled SQL" for that
    /// name shows every one of them.
    @Test func compiledSQLOfASharedNameShowsEveryPolicy() throws {
        let fixture = try EngineFixture(
            """
            POLICY own PERMISSIVE FOR SELECT SELECTOR named('offers') CLAUSE col(tenant_id) = session('app.tenant_id')
            """,
            schema: Self.schema + "\nCREATE TABLE public.notes (id uuid PRIMARY KEY, author_id uuid);",
            others: ["b.policy": "POLICY own PERMISSIVE FOR SELECT SELECTOR named('notes') CLAUSE col(author_id) = session('app.user_id')"])
        #expect(!fixture.snapshot.hasErrors, "\(fixture.snapshot.diagnostics.map(\.message))")
        let sql = try #require(CompiledSQLProvider.sql(for: .policy("own"), snapshot: fixture.snapshot))
        #expect(sql.contains("-- policy own: 2 tables"), "\(sql)")
        #expect(sql.contains("CREATE POLICY own_notes\n") && sql.contains("CREATE POLICY own_offers\n"), "\(sql)")
    }

    @Test func semanticTokens() {
        let source = MarkedSource(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE 1️⃣true OR CLAUSE col(2️⃣now) < 3️⃣now()\nGRANT 4️⃣TRUNCATE, 5️⃣TRIGGER TO r SELECTOR ALL"
        )
        let tokens = SemanticTokenProvider.tokens(in: Parser.parse(text: source.text, path: "t.policy"))
        func type(_ marker: String) -> String { tokens.first { $0.range.start == source[marker] }?.type.rawValue ?? "none" }
        #expect(type("1️⃣") == "enumMember")
        #expect(type("2️⃣") == "property") // a column named now
        #expect(type("3️⃣") == "function")
        #expect(type("4️⃣") == "keyword")
        #expect(type("5️⃣") == "keyword")
    }
}
