import PolicyEngine
import PolicyProofs
import PolicySchema
import PolicySyntax
import Testing

/// `accept:` entries applied to verdicts (SPEC 11.8): by proof, by a tables selector, by
/// commands and by roles; an entry matching nothing is a stale-waiver warning at its line; a
/// broken entry is one diagnostic and accepts nothing; the language server shows an accepted
/// finding as information with its reason.
@Suite struct AcceptedFindingTests {
    /// Two global tables readable by every session: `config` and `tenants` each FAIL
    /// tenant-isolation and fail-closed for SELECT and coverage for INSERT, UPDATE and DELETE.
    static let policies = """
        POLICY tenant_isolation PERMISSIVE FOR ALL SELECTOR has_column('tenant_id')
          CLAUSE col(tenant_id) = session('app.tenant_id')
        POLICY config_read PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE true
        POLICY tenants_read PERMISSIVE FOR SELECT SELECTOR named('tenants') CLAUSE col(plan) = lit('free')

        """

    static func fixture(accept: String) throws -> EngineFixture {
        try EngineFixture(policies, config: EngineFixture.config + "\naccept:\n" + accept + "\n", open: false)
    }

    /// The run `pgpe analyze` makes, and the stale entries it reports.
    static func analyze(_ fixture: EngineFixture) -> (verdicts: [Verdict], stale: [Diagnostic]) {
        let (report, stale) = run(fixture)
        return (report.verdicts, stale)
    }

    /// The report of the run `analyze` makes, and the stale entries.
    static func run(_ fixture: EngineFixture) -> (report: AnalysisReport, stale: [Diagnostic]) {
        let snapshot = fixture.snapshot
        let request = AnalysisRequest()
        let report = ProofSession(jobs: 2).analyze(snapshot, request)
        let stale = FindingAcceptance(policySet: snapshot.policySet).stale(report.verdicts) { request.runs($0, on: snapshot) }
        return (report, stale)
    }

    /// `status proof table command role` of the verdicts that are not PROVEN, sorted.
    static func findings(_ verdicts: [Verdict]) -> [String] {
        verdicts.filter { $0.status != .proven }.map {
            "\($0.status.rawValue) \($0.proof.rawValue) \($0.table.name) \($0.command?.rawValue ?? "-") \($0.role)"
        }.sorted()
    }

    @Test func withoutEntriesTheFindingsFail() throws {
        let (verdicts, stale) = Self.analyze(try Self.fixture(accept: "  []"))
        #expect(stale.isEmpty)
        #expect(
            Self.findings(verdicts) == [
                "FAILED coverage config DELETE *", "FAILED coverage config INSERT *", "FAILED coverage config UPDATE *",
                "FAILED coverage tenants DELETE *", "FAILED coverage tenants INSERT *", "FAILED coverage tenants UPDATE *",
                "FAILED fail-closed config SELECT PUBLIC", "FAILED fail-closed tenants SELECT PUBLIC",
                "FAILED tenant-isolation config SELECT PUBLIC", "FAILED tenant-isolation tenants SELECT PUBLIC",
            ])
    }

    @Test func anEntryByProofAcceptsEveryFindingOfThatProofWithItsReason() throws {
        let (report, stale) = Self.run(try Self.fixture(accept: "  - proof: coverage\n    reason: written by the service role"))
        let verdicts = report.verdicts
        #expect(stale.isEmpty)
        let accepted = verdicts.filter { $0.status == .accepted }
        #expect(accepted.count == 6 && accepted.allSatisfy { $0.proof == .coverage })
        #expect(accepted.allSatisfy { $0.acceptance?.reason == "written by the service role" && $0.acceptance?.status == .failed })
        #expect(verdicts.filter { $0.status == .failed }.count == 4)
        #expect(report.failures.count == 4 && report.failures.allSatisfy { $0.proof != .coverage })
    }

    @Test func anEntryByTablesSelectorAcceptsOnlyTheTablesItSelects() throws {
        let (verdicts, _) = Self.analyze(
            try Self.fixture(accept: "  - proof: [coverage, fail-closed]\n    tables: named('conf%')\n    reason: global settings"))
        #expect(
            Self.findings(verdicts).filter { $0.hasPrefix("ACCEPTED") } == [
                "ACCEPTED coverage config DELETE *", "ACCEPTED coverage config INSERT *", "ACCEPTED coverage config UPDATE *",
                "ACCEPTED fail-closed config SELECT PUBLIC",
            ])
        #expect(verdicts.contains { $0.table.name == "tenants" && $0.proof == .coverage && $0.status == .failed })
    }

    @Test func anEntryByCommandsAcceptsOnlyThoseCommands() throws {
        let (verdicts, _) = Self.analyze(try Self.fixture(accept: "  - proof: coverage\n    commands: [INSERT, delete]\n    reason: r"))
        #expect(
            Self.findings(verdicts).filter { $0.hasPrefix("ACCEPTED") } == [
                "ACCEPTED coverage config DELETE *", "ACCEPTED coverage config INSERT *", "ACCEPTED coverage tenants DELETE *",
                "ACCEPTED coverage tenants INSERT *",
            ])
    }

    @Test func anEntryByRolesAcceptsOnlyThoseRolesAndAnotherRoleIsStale() throws {
        let fixture = try Self.fixture(
            accept: """
                  - proof: tenant-isolation
                    roles: [public]
                    reason: every tenant reads these
                  - proof: fail-closed
                    roles: [auditor]
                    reason: no such finding
                """)
        let (verdicts, stale) = Self.analyze(fixture)
        #expect(
            Self.findings(verdicts).filter { $0.hasPrefix("ACCEPTED") } == [
                "ACCEPTED tenant-isolation config SELECT PUBLIC", "ACCEPTED tenant-isolation tenants SELECT PUBLIC",
            ])
        #expect(stale.count == 1 && stale.first?.id == "config.stale-accept" && stale.first?.severity == .warning)
        #expect(stale.first.map { fixture.line(of: $0.location) } == 15, "\(stale)")
    }

    @Test func anEntryMatchingNothingIsAStaleWaiverAtItsLineUnlessItsProofDidNotRun() throws {
        let fixture = try Self.fixture(
            accept: """
                  - proof: traversal
                    reason: the traversal leak was fixed
                  - proof: role-separation
                    reason: not run here, so not stale
                """)
        let (_, stale) = Self.analyze(fixture)
        #expect(stale.count == 1, "\(stale)")
        let diagnostic = try #require(stale.first)
        #expect(diagnostic.id == "config.stale-accept")
        #expect(fixture.line(of: diagnostic.location) == 12)
        #expect(fixture.text(at: diagnostic.location).hasPrefix("proof: traversal"))
        #expect(diagnostic.message.contains("proof traversal on ALL"))
    }

    /// The language server reports a stale entry too, at its line in pgpe.yaml, once every
    /// governed table is proven.
    @Test func theLanguageServerShowsAStaleEntryAtItsLine() throws {
        let fixture = try Self.fixture(
            accept: "  - proof: coverage\n    reason: service role\n  - proof: traversal\n    reason: fixed long ago")
        fixture.prove()
        let stale = fixture.workspace.proofs.diagnostics.filter { $0.id == "config.stale-accept" }
        #expect(stale.count == 1, "\(fixture.workspace.proofs.diagnostics.map(\.id))")
        #expect(stale.first.map { fixture.line(of: $0.location) } == 14)
        #expect(stale.first?.location.file.hasSuffix("pgpe.yaml") == true)
    }

    /// A broken entry is one diagnostic at its line: it accepts nothing and is not stale too.
    @Test(arguments: ["  - proof: coverage\n    commands: [INSERT]", "  - proof: coverag\n    reason: typo"])
    func aBrokenEntryIsOneDiagnosticAndAcceptsNothing(entry: String) throws {
        let fixture = try Self.fixture(accept: entry)
        let problems = fixture.snapshot.diagnostics.filter { $0.location.file.hasSuffix("pgpe.yaml") }
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first.map { fixture.line(of: $0.location) } == 12)
        let (verdicts, stale) = Self.analyze(fixture)
        #expect(stale.isEmpty)
        #expect(!verdicts.contains { $0.status == .accepted })
    }

    /// The language server's proof diagnostics: an accepted finding is information, with its
    /// reason, where the FAILED one was.
    @Test func theLanguageServerShowsAnAcceptedFindingAsInformationWithItsReason() throws {
        let plain = try Self.fixture(accept: "  []")
        plain.prove()
        let failed = plain.workspace.proofs.diagnostics.filter { $0.id == "proof.tenant-isolation-failed" }
        #expect(!failed.isEmpty)
        let fixture = try Self.fixture(accept: "  - proof: tenant-isolation\n    tables: named('config')\n    reason: config is global")
        fixture.prove()
        let diagnostics = fixture.workspace.proofs.diagnostics
        let accepted = diagnostics.filter { $0.id == "proof.accepted" }
        #expect(!accepted.isEmpty)
        #expect(accepted.allSatisfy { $0.severity == .info && $0.message.contains("config is global") }, "\(accepted)")
        #expect(accepted.allSatisfy { $0.message.contains("tenant-isolation FAILED on public.config") }, "\(accepted)")
        #expect(accepted.allSatisfy { fixture.text(at: $0.location) == "CLAUSE true" }, "\(accepted.map(\.location))")
        // tenants is not accepted: still an error.
        let stillFailed = diagnostics.filter { $0.id == "proof.tenant-isolation-failed" }
        #expect(!stillFailed.isEmpty && stillFailed.allSatisfy { $0.message.contains("public.tenants") })
    }
}
