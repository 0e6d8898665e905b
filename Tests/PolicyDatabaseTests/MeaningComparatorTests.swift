import PolicyConfig
import PolicyDatabase
import PolicyImport
import PolicySchema
import PolicySyntax
import Testing

/// `MeaningComparator` on texts alone (no server): each relation, the canonical-text shortcut,
/// and raw SQL as unknown. The entry point `pgpe import`'s certificates call.
@Suite struct MeaningComparatorTests {
    static let schema = SQLSchemaReader.read(
        file: SourceFile(
            path: "schema.sql",
            text: """
                CREATE TABLE public.docs (id integer PRIMARY KEY, tenant_id uuid NOT NULL, status text, score integer);
                """)
    ).0
    static let table = QualifiedName(schema: "public", name: "docs")
    static let comparator = MeaningComparator(
        schema: schema,
        config: ConfigLoader.load(text: "session:\n  app.tenant_id: uuid\n", path: "/virtual/pgpe.yaml", environment: [:]).0)

    static let tenant = "(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)"

    @Test func relations() {
        let compare = { (observed: String, expected: String) in
            Self.comparator.compare(observed: observed, expected: expected, on: Self.table)
        }
        let swapped = compare("((NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid = tenant_id)", Self.tenant)
        #expect(swapped.relation == .equivalent && swapped.byText)
        let inList = compare("(status = ANY (ARRAY['a'::text, 'b'::text]))", "((status = 'b'::text) OR (status = 'a'::text))")
        #expect(inList.relation == .equivalent, "\(inList)")
        #expect(!inList.byText, "proven by Z3, not by text")
        #expect(compare("(\(Self.tenant) AND (score > 3))", Self.tenant).relation == .narrower)
        let wider = compare("(score > 3)", "(score > 5)")
        #expect(wider.relation == .wider)
        let row = wider.witness?.row.values["score"]
        #expect(row == .int(4) || row == .int(5), "\(String(describing: wider.witness))")
        let incomparable = compare("(status = 'x'::text)", Self.tenant)
        #expect(incomparable.relation == .incomparable)
        #expect(incomparable.witness?.row.values["status"] == .text("x"))
        let raw = compare("((score % 2) = 0)", "((score % 3) = 0)")
        #expect(raw.relation == .unknown)
        #expect(raw.reason?.contains("raw SQL") == true, "\(raw.reason ?? "")")
    }

    /// An unmanaged permissive expression against a managed set, restrictive ones ANDed in.
    @Test func extraPolicies() {
        let compare = { (extra: String, restrictive: [String], managed: [String]) in
            Self.comparator.compare(extra: extra, restrictive: restrictive, managed: managed, on: Self.table)
        }
        #expect(compare("true", [], []).admitsMore)
        #expect(compare("true", [], [Self.tenant]).admitsMore)
        #expect(!compare("(score > 3)", ["(score > 5)"], ["(score > 4)"]).admitsMore)
        #expect(!compare(Self.tenant, [], ["(status = 'x'::text)", Self.tenant]).admitsMore)
        #expect(compare("false", [], []).relation == .equivalent)
    }

    /// A certificate that canonical text calls DIFFERENT becomes EQUIVALENT when Z3 proves it.
    @Test func certificates() {
        let original = "(status = ANY (ARRAY['a'::text, 'b'::text]))"
        let proven = LiftCertificate.judge(
            original: original, roundTrip: "((status = 'b'::text) OR (status = 'a'::text))", table: "docs", hasRaw: false)
        #expect(proven.verdict == .different)
        #expect(Self.comparator.certify(proven, on: Self.table, hasRaw: false).verdict == .equivalent)
        let wrong = LiftCertificate.judge(original: original, roundTrip: "(status = 'a'::text)", table: "docs", hasRaw: false)
        let kept = Self.comparator.certify(wrong, on: Self.table, hasRaw: false)
        #expect(kept.verdict == .different)
        #expect(kept.detail?.contains("by meaning: wider") == true, "\(kept.detail ?? "")")
    }
}
