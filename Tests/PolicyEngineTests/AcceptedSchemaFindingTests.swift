import PolicyEngine
import PolicySyntax
import Testing

/// `accept:` entries with `finding:` applied to the findings about the schema around the
/// policies (SPEC 11.8 for SPEC 11.11): by kind, by object pattern and by tables selector; an
/// accepted finding is information with its reason and a note at its entry, in the language
/// server too (at the object and at the policies it weakens); an entry matching no finding is a
/// stale-waiver warning at its line.
@Suite struct AcceptedSchemaFindingTests {
    /// A governed table without an index on its key, a definer view over it granted to a role
    /// the policy applies to, and a second view granted to nobody that matters.
    static let schema = """
        CREATE TABLE public.docs (id integer PRIMARY KEY, tenant_id uuid NOT NULL, title text NOT NULL);
        CREATE TABLE public.notes (id integer PRIMARY KEY, tenant_id uuid NOT NULL);
        CREATE INDEX notes_tenant ON public.notes (tenant_id);
        CREATE VIEW public.doc_titles AS SELECT d.id, d.tenant_id, d.title FROM public.docs d;
        CREATE VIEW public.note_ids AS SELECT n.id, n.tenant_id FROM public.notes n;
        GRANT SELECT ON public.doc_titles, public.note_ids TO app_user;

        """

    static let policies = """
        POLICY tenant_isolation PERMISSIVE FOR ALL SELECTOR has_column('tenant_id')
          CLAUSE col(tenant_id) = session('app.tenant_id')

        """

    static func fixture(accept: String) throws -> EngineFixture {
        try EngineFixture(policies, config: EngineFixture.config + "\naccept:\n" + accept + "\n", schema: schema, open: false)
    }

    /// The findings `pgpe analyze` reports, after `accept:`, and the stale entries.
    static func analyze(_ fixture: EngineFixture) -> (findings: [Diagnostic], stale: [Diagnostic]) {
        let set = fixture.snapshot.policySet
        let acceptance = FindingAcceptance(policySet: set)
        let findings = acceptance.apply(SideChannelFindings.diagnostics(set) + IndexCoverage.diagnostics(set))
        return (findings, acceptance.stale([], findings: findings) { _ in true })
    }

    /// `severity id object` of each finding, sorted.
    static func summary(_ findings: [Diagnostic]) -> [String] {
        findings.map { "\($0.severity.rawValue) \($0.id) \($0.subject?.object ?? "-")" }.sorted()
    }

    @Test func withoutEntriesTheFindingsAreWarningsAboutTheirObjects() throws {
        let (findings, stale) = Self.analyze(try Self.fixture(accept: "  []"))
        #expect(stale.isEmpty)
        #expect(
            Self.summary(findings) == [
                "warning performance.missing-index public.docs(tenant_id)",
                "warning sidechannel.view-definer public.doc_titles", "warning sidechannel.view-definer public.note_ids",
            ])
        #expect(findings.allSatisfy { $0.acceptance == nil && $0.subject?.tables.count == 1 })
    }

    @Test func anEntryByKindAndObjectAcceptsThatObjectOnlyWithItsReason() throws {
        let fixture = try Self.fixture(
            accept: "  - finding: sidechannel.view-definer\n    object: public.doc_%\n    reason: the dashboard lists every title")
        let (findings, stale) = Self.analyze(fixture)
        #expect(stale.isEmpty)
        #expect(
            Self.summary(findings) == [
                "info sidechannel.view-definer public.doc_titles", "warning performance.missing-index public.docs(tenant_id)",
                "warning sidechannel.view-definer public.note_ids",
            ])
        let accepted = try #require(findings.first { $0.acceptance != nil })
        #expect(accepted.acceptance?.reason == "the dashboard lists every title")
        #expect(accepted.message.hasPrefix("accepted (the dashboard lists every title): view public.doc_titles"), "\(accepted.message)")
        let note = try #require(accepted.notes.last)
        #expect(note.location.file.hasSuffix("pgpe.yaml") && fixture.line(of: note.location) == 12)
        #expect(fixture.text(at: note.location).hasPrefix("finding: sidechannel.view-definer"))
    }

    /// `object:` without a schema matches in any schema; without `(` it matches the name before
    /// the columns; a list of kinds; a tables selector over the governed tables concerned.
    @Test(
        arguments: [
            ("finding: performance.missing-index\n    object: docs", ["performance.missing-index"]),
            ("finding: performance.missing-index\n    object: public.docs(tenant_id)", ["performance.missing-index"]),
            (
                "finding: [performance.missing-index, sidechannel.view-definer]\n    tables: named('docs')",
                ["performance.missing-index", "sidechannel.view-definer"]
            ),
            (
                "finding: [performance.missing-index, sidechannel.view-definer]\n    tables: named('notes')",
                ["sidechannel.view-definer"]
            ),
            ("finding: sidechannel.view-definer", ["sidechannel.view-definer", "sidechannel.view-definer"]),
        ] as [(String, [String])])
    func anEntryAcceptsWhatItsObjectKindsAndTablesMatch(entry: String, accepted: [String]) throws {
        let (findings, stale) = Self.analyze(try Self.fixture(accept: "  - " + entry + "\n    reason: r"))
        #expect(stale.isEmpty)
        #expect(findings.filter { $0.acceptance != nil }.map(\.id).sorted() == accepted)
        #expect(findings.filter { $0.acceptance != nil }.allSatisfy { $0.severity == .info })
    }

    @Test func anEntryMatchingNoFindingIsStaleAtItsLine() throws {
        let fixture = try Self.fixture(
            accept: """
                  - finding: performance.missing-index
                    object: public.notes
                    reason: the index was added
                  - finding: sidechannel.view-definer
                    reason: used
                """)
        let (findings, stale) = Self.analyze(fixture)
        #expect(findings.filter { $0.acceptance != nil }.count == 2)
        #expect(stale.count == 1, "\(stale)")
        let diagnostic = try #require(stale.first)
        #expect(diagnostic.id == "config.stale-accept" && diagnostic.severity == .warning)
        #expect(fixture.line(of: diagnostic.location) == 12)
        #expect(diagnostic.message.contains("finding performance.missing-index about public.notes"), "\(diagnostic.message)")
    }

    /// A broken entry is one diagnostic at its line: it accepts nothing and is not stale too.
    @Test(arguments: [
        "  - finding: sidechannel.view-definer\n    object: public.doc_titles", "  - finding: sidechannel.view-definr\n    reason: typo",
    ])
    func aBrokenEntryIsOneDiagnosticAndAcceptsNothing(entry: String) throws {
        let fixture = try Self.fixture(accept: entry)
        let problems = fixture.snapshot.diagnostics.filter { $0.location.file.hasSuffix("pgpe.yaml") }
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first.map { fixture.line(of: $0.location) } == 12)
        let (findings, stale) = Self.analyze(fixture)
        #expect(stale.isEmpty)
        #expect(findings.allSatisfy { $0.acceptance == nil && $0.severity == .warning })
    }

    /// The language server: the accepted view is information with its reason at the view in
    /// schema.sql and at the policy it weakens; the other findings stay warnings; a stale entry
    /// shows at its line.
    @Test func theLanguageServerShowsAnAcceptedFindingAsInformation() throws {
        let plain = try Self.fixture(accept: "  []")
        plain.prove()
        let warned = plain.workspace.proofs.diagnostics.filter { $0.id == "sidechannel.view-definer" }
        #expect(warned.count == 4 && warned.allSatisfy { $0.severity == .warning }, "\(warned)")

        let fixture = try Self.fixture(
            accept: """
                  - finding: sidechannel.view-definer
                    object: public.doc_titles
                    reason: the dashboard lists every title
                  - finding: sidechannel.definer-function
                    reason: no such function
                """)
        fixture.prove()
        let diagnostics = fixture.workspace.proofs.diagnostics
        let views = diagnostics.filter { $0.id == "sidechannel.view-definer" }
        let accepted = views.filter { $0.message.contains("public.doc_titles") }
        #expect(accepted.count == 2, "\(views)")
        #expect(accepted.allSatisfy { $0.severity == .info && $0.message.contains("accepted (the dashboard lists every title)") })
        #expect(Set(accepted.map { $0.location.file.hasSuffix(".policy") }) == [true, false])
        #expect(views.filter { $0.message.contains("public.note_ids") }.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.filter { $0.id == "performance.missing-index" }.allSatisfy { $0.severity == .warning })
        let stale = diagnostics.filter { $0.id == "config.stale-accept" }
        #expect(stale.count == 1 && stale.first.map { fixture.line(of: $0.location) } == 15, "\(stale)")
    }
}
