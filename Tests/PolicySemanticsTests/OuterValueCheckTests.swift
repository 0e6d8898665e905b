import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax
import TestSupport
import Testing

/// `outer(c)` (SPEC 11.3): inside an `exists()` block, column `c` of the row the traversal
/// starts from; anywhere else an error at the value.
@Suite struct OuterValueCheckTests {
    static let schema = SchemaModel(tables: [
        TestSchema.table("public.accounts", ["id integer", "min_role text not null", "tenant_id uuid"], primaryKey: ["id"]),
        TestSchema.table(
            "public.members", ["id integer", "account_id integer not null", "user_id uuid not null", "role text not null"],
            primaryKey: ["id"], foreignKeys: [(["account_id"], "accounts", ["id"])]),
        TestSchema.table(
            "public.grants", ["member_id integer not null", "scope text not null"], foreignKeys: [(["member_id"], "members", ["id"])]),
    ])

    static func check(_ text: String) -> PolicySet {
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [SessionKeyDecl(key: "app.user_id", type: .uuid)]
        return CheckHarness.check(text, schema: schema, config: config)
    }

    static func diagnostics(_ marked: String) -> (MarkedSource, [Diagnostic]) {
        let source = MarkedSource(marked)
        return (source, check(source.text).diagnostics)
    }

    @Test func outerReadsTheGovernedRowInsideExists() throws {
        let set = Self.check(
            """
            POLICY by_role PERMISSIVE FOR SELECT SELECTOR named('accounts') CLAUSE
              exists(rel(_, id, members, account_id), {col(user_id) = session('app.user_id') AND outer(min_role) = col(role)})
            """)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.message))")
        let clause = try #require(set.policies.first?.using[QualifiedName(schema: "public", name: "accounts")]?.clauses.first)
        guard case .exists(let traversal) = clause.atoms.first else {
            Issue.record("expected a traversal: \(clause)")
            return
        }
        // Atom form puts the target's column left and the enclosing row's right.
        #expect(traversal.clause.atoms.contains(.compare(.column("role"), .equal, .outer("min_role"))), "\(traversal.clause)")
        #expect(traversal.isCorrelated)
        // The traversal reads the governed row's min_role: proofs and caches must know.
        #expect(clause.atoms.first?.columns == ["id", "min_role"])
    }

    @Test func outerOutsideExistsIsAnErrorAtTheValue() {
        let (source, found) = Self.diagnostics(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('accounts') CLAUSE 1️⃣outer(min_role)2️⃣ = lit('admin')")
        #expect(found.map(\.id) == ["semantic.outer-outside-exists"])
        #expect(found.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        #expect(found.first?.message.hasPrefix("outer(min_role) is only allowed inside an exists() block") == true)
        #expect(found.first?.fixIts.first?.edits.first?.newText == "col")
    }

    @Test func outerNamesAColumnOfTheEnclosingRowWithACompatibleType() {
        let (source, unknown) = Self.diagnostics(
            """
            POLICY a PERMISSIVE FOR SELECT SELECTOR named('accounts') CLAUSE
              exists(rel(_, id, members, account_id), {col(role) = outer(1️⃣role2️⃣)})
            """)
        // `role` is a column of the target, not of accounts.
        #expect(unknown.map(\.id) == ["semantic.unknown-column"])
        #expect(unknown.first?.message.hasPrefix("unknown column 'role' on public.accounts") == true)
        #expect(unknown.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        let (_, mismatch) = Self.diagnostics(
            """
            POLICY a PERMISSIVE FOR SELECT SELECTOR named('accounts') CLAUSE
              exists(rel(_, id, members, account_id), {col(user_id) = outer(min_role)})
            """)
        #expect(mismatch.map(\.id) == ["semantic.type-mismatch"])
    }

    /// In a nested `exists()`, `outer(c)` is the immediately enclosing row (the outer
    /// traversal's target), not the governed row.
    @Test func nestedOuterReadsTheEnclosingTraversalsTarget() throws {
        let set = Self.check(
            """
            POLICY a PERMISSIVE FOR SELECT SELECTOR named('accounts') CLAUSE
              exists(rel(_, id, members, account_id), {exists(rel(_, id, grants, member_id), {col(scope) = outer(role)})})
            """)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.message))")
        let (_, wrong) = Self.diagnostics(
            """
            POLICY a PERMISSIVE FOR SELECT SELECTOR named('accounts') CLAUSE
              exists(rel(_, id, members, account_id), {exists(rel(_, id, grants, member_id), {col(scope) = outer(min_role)})})
            """)
        #expect(wrong.map(\.id) == ["semantic.unknown-column"])
        #expect(wrong.first?.message.hasPrefix("unknown column 'min_role' on public.members") == true)
    }

    @Test func withoutASchemaOuterIsStillOnlyAllowedInsideExists() {
        let inside = CheckHarness.check(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE exists(rel(_, id, members, account_id), {col(role) = outer(min_role)})",
            schema: nil)
        #expect(inside.diagnostics.filter { $0.severity == .error }.isEmpty, "\(inside.diagnostics.map(\.message))")
        let outside = CheckHarness.check("POLICY a PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE outer(min_role) = lit('x')", schema: nil)
        #expect(outside.diagnostics.map(\.id).contains("semantic.outer-outside-exists"))
    }

    /// The normal form keeps the correlation: `outer(c)` is not folded into `col(c)` and two
    /// outer columns are ordered by name; normalizing twice changes nothing.
    @Test func theNormalFormKeepsTheCorrelation() {
        let clause = Clause(atoms: [
            .exists(
                Traversal(
                    sourceColumn: "id", target: QualifiedName(schema: "public", name: "members"), targetColumn: "account_id",
                    clause: Clause(atoms: [
                        .compare(.outer("min_role"), .equal, .column("role")),
                        .compare(.outer("b"), .equal, .outer("a")),
                        .compare(.column("role"), .equal, .column("role")),
                    ])))
        ])
        let normalizer = Normalizer(isNotNull: { _, _ in true })
        let once = normalizer.normalize([clause])
        let twice = normalizer.normalize(once.clauses)
        #expect(once.clauses == twice.clauses)
        #expect(
            once.clauses.map(\.description) == [
                "exists(rel(_, id, members, account_id), {col(role) = outer(min_role) AND outer(a) = outer(b)})"
            ])
    }
}
