import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax
import TestSupport
import Testing

/// `GOVERN SELECTOR …` (SPEC 11.3) in the checker: its tables are governed without a policy;
/// its selector is checked as a policy's is; beside policies on the same table it is allowed.
@Suite struct GovernCheckTests {
    static let schema = SchemaModel(tables: [
        TestSchema.table("public.audit_log", ["id integer", "entry text"], primaryKey: ["id"]),
        TestSchema.table("public.notes", ["id integer", "body text"], primaryKey: ["id"]),
        TestSchema.table("public.other", ["id integer"], primaryKey: ["id"]),
    ])

    @Test func governedTablesHaveNoPolicyOfTheirOwn() {
        let set = CheckHarness.check(
            """
            GOVERN SELECTOR named('audit_log') OR named('notes')
            POLICY notes_read PERMISSIVE FOR SELECT SELECTOR named('notes') CLAUSE col(id) > lit(0)
            """, schema: Self.schema)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.message))")
        #expect(set.governedTables.map(\.name) == ["audit_log", "notes"])
        #expect(set.ungovernedTables.map(\.name) == ["other"])
        #expect(set.governs.map { $0.tables.map(\.name) } == [["audit_log", "notes"]])
        #expect(set.isDeniedByDesign(QualifiedName(schema: "public", name: "audit_log")))
        #expect(!set.isDeniedByDesign(QualifiedName(schema: "public", name: "other")))
        #expect(set.policies(governing: QualifiedName(schema: "public", name: "audit_log")).isEmpty)
        #expect(set.effective(QualifiedName(schema: "public", name: "audit_log"), .select, role: "PUBLIC", side: .using).isDefaultDeny)
    }

    @Test func aGovernSelectorIsCheckedAsAPolicysIs() {
        let source = MarkedSource("GOVERN SELECTOR 1️⃣named('nothing_like_this')2️⃣\nGOVERN SELECTOR in_schema(3️⃣private4️⃣)")
        let set = CheckHarness.check(source.text, schema: Self.schema)
        // As for a policy: a schema that is not governed, and so a selector that matches nothing.
        #expect(
            set.diagnostics.map(\.id) == [
                "semantic.selector-matches-nothing", "semantic.selector-matches-nothing", "semantic.schema-not-governed",
            ])
        #expect(set.diagnostics.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        #expect(
            set.diagnostics.first { $0.id == "semantic.schema-not-governed" }?.range == SourceRange(start: source["3️⃣"], end: source["4️⃣"]))
        #expect(set.governedTables.isEmpty)
    }
}
