import PolicyEngine
import PolicyProofs
import PolicySyntax
import TestSupport
import Testing

/// A configuration error names its own line and does not cascade into every use (SPEC 11.2): a
/// broken `functions:` or `session:` entry is one diagnostic at its pgpe.yaml line, the policies
/// that use the name get none of their own, and the rest of the project still checks, compiles
/// and is analysed.
@Suite struct ConfigErrorCascadeTests {
    static let schema = """
        CREATE SCHEMA app;
        CREATE TYPE app.role AS ENUM ('viewer', 'owner');
        CREATE TABLE public.docs (id integer PRIMARY KEY, tenant_id uuid NOT NULL, account_id uuid NOT NULL);
        CREATE TABLE public.notes (id integer PRIMARY KEY, tenant_id uuid NOT NULL);
        """

    static func snapshot(_ config: String, docs: String) -> (WorkspaceFixture, WorkspaceSnapshot) {
        let fixture = WorkspaceFixture(
            files: [
                (
                    "pgpe.yaml",
                    """
                    policies: [policies]
                    schema: schema.sql
                    isolation:
                      - key: app.tenant_id
                    \(config)
                    """
                ),
                ("schema.sql", schema),
                ("policies/docs.policy", docs),
                (
                    "policies/notes.policy",
                    "POLICY notes PERMISSIVE FOR ALL SELECTOR named('notes') CLAUSE col(tenant_id) = session('app.tenant_id')\n"
                ),
            ])
        return (fixture, fixture.workspace().snapshot)
    }

    /// The text a diagnostic covers in its file.
    static func text(_ diagnostic: Diagnostic, in fixture: WorkspaceFixture) -> String? {
        guard let text = fixture.files[diagnostic.location.file] else { return nil }
        let bytes = Array(text.utf8)
        guard diagnostic.range.end <= bytes.count else { return nil }
        return String(decoding: bytes[diagnostic.range.start..<diagnostic.range.end], as: UTF8.self)
    }

    /// No diagnostic of any severity in the policies that use the broken name.
    static func expectNothingAtTheUses(_ snapshot: WorkspaceSnapshot) {
        let uses = snapshot.diagnostics.filter { $0.location.file.hasSuffix("docs.policy") }
        #expect(uses.isEmpty, "\(uses.map { "\($0.id): \($0.message)" })")
    }

    /// The rest of the project: `notes` is checked, compiled and proven.
    static func expectTheRestWorks(_ snapshot: WorkspaceSnapshot) {
        let sql = snapshot.compile().sql
        #expect(sql.contains("CREATE POLICY notes_notes"), "\(sql)")
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        let notes = report.verdicts.filter { $0.table.name == "notes" && $0.proof == .tenantIsolation }
        #expect(!notes.isEmpty && notes.allSatisfy { $0.status == .proven }, "\(notes.map(ProofHarness.describe))")
    }

    @Test(arguments: [
        ("has_role: {args: [uuid, app.rol], returns: boolean, schema: app}", "app.rol", "config.unknown-type"),
        ("has_role: {args: [uuid, app.role], returns: boolean, volatility: sometimes}", "sometimes", "config.invalid-value"),
        ("has_role: {args: uuid, returns: boolean}", "uuid", "config.wrong-type"),
        ("has_role: {args: [uuid, app.role]}", "has_role", "config.missing-key"),
    ])
    func aBrokenFunctionEntryIsOneDiagnosticAtItsLine(entry: String, covering: String, id: String) throws {
        let (fixture, snapshot) = Self.snapshot(
            "session:\n  app.tenant_id: uuid\nfunctions:\n  \(entry)\n",
            docs: """
                POLICY a PERMISSIVE FOR SELECT SELECTOR named('docs') CLAUSE fn(has_role, [col(account_id), lit('owner')])
                POLICY b PERMISSIVE FOR UPDATE SELECTOR named('docs') CLAUSE fn(has_role, [col(account_id), lit('viewer')])
                POLICY c PERMISSIVE FOR DELETE SELECTOR named('docs') CLAUSE col(tenant_id) = session('app.tenant_id') AND fn(has_role, [col(account_id), lit('owner')])

                """)
        let errors = snapshot.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map { "\($0.id): \($0.message)" })")
        let error = try #require(errors.first)
        #expect(error.id == id)
        #expect(error.location.file.hasSuffix("pgpe.yaml"))
        #expect(Self.text(error, in: fixture) == covering, "\(error)")
        Self.expectNothingAtTheUses(snapshot)
        Self.expectTheRestWorks(snapshot)
    }

    /// A broken isolation key: its one diagnostic, no warning at the `isolation:` entry, and no
    /// isolation proofs for it (they would fail for want of the policies that read it).
    @Test func aBrokenIsolationKeyIsOneDiagnosticAndNoProofs() throws {
        let (fixture, snapshot) = Self.snapshot(
            "session:\n  app.tenant_id: {type: uuid, sql: \"(\"}\n",
            docs: "POLICY a PERMISSIVE FOR SELECT SELECTOR named('docs') CLAUSE col(tenant_id) = session('app.tenant_id')\n")
        #expect(snapshot.diagnostics.map(\.id) == ["config.invalid-value"], "\(snapshot.diagnostics.map { "\($0.id): \($0.message)" })")
        #expect(snapshot.diagnostics.first.flatMap { Self.text($0, in: fixture) } == "\"(\"")
        #expect(snapshot.config.isolation.isEmpty)
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        #expect(!report.verdicts.contains { $0.status == .failed }, "\(report.verdicts.map(ProofHarness.describe))")
    }

    @Test func aBrokenSessionEntryIsOneDiagnosticAtItsLine() throws {
        let (fixture, snapshot) = Self.snapshot(
            "session:\n  app.tenant_id: uuid\n  app.account_id: {type: uuidd, sql: \"(auth.jwt() ->> 'acc')::uuid\"}\n",
            docs: """
                POLICY a PERMISSIVE FOR SELECT SELECTOR named('docs') CLAUSE col(account_id) = session('app.account_id')
                POLICY b PERMISSIVE FOR UPDATE SELECTOR named('docs') CLAUSE col(account_id) = session('app.account_id') AND col(tenant_id) = session('app.tenant_id')

                """)
        let errors = snapshot.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id) == ["config.unknown-type"], "\(errors.map { "\($0.id): \($0.message)" })")
        Self.expectNothingAtTheUses(snapshot)
        #expect(errors.first?.location.file.hasSuffix("pgpe.yaml") == true)
        #expect(errors.first.flatMap { Self.text($0, in: fixture) } == "uuidd")
        Self.expectTheRestWorks(snapshot)
    }
}
