import Cancellation
import PolicyEngine
import PolicyProofs
import PolicySchema
import PolicySyntax
import Testing

@Suite struct ProofTests {
    static let safe = """
        POLICY tenant_isolation
          PERMISSIVE
          FOR ALL
          SELECTOR has_column('tenant_id')
          CLAUSE col(tenant_id) = session('app.tenant_id')1️⃣
        """

    @Test func aLeakIsBlamedOnItsClauseAndGoneWhenFixed() throws {
        let fixture = try EngineFixture(ProofTests.safe)
        fixture.prove()
        #expect(fixture.workspace.proofState == .current)
        #expect(!fixture.workspace.proofs.diagnostics.contains { $0.id == "proof.tenant-isolation-failed" })
        let leak = " OR CLAUSE col(id) IS NOT NULL"
        fixture.workspace.edit(fixture.path, TextEdit(range: .empty(at: fixture["1️⃣"]), newText: leak))
        fixture.workspace.rebuild()
        #expect(fixture.workspace.proofState == .pending)
        let job = try #require(fixture.workspace.proofJob())
        #expect(
            job.tables == [
                QualifiedName(schema: "public", name: "comments"), QualifiedName(schema: "public", name: "projects"),
                QualifiedName(schema: "public", name: "users"),
            ])
        fixture.prove()
        let leaks = fixture.workspace.proofs.diagnostics.filter { $0.id == "proof.tenant-isolation-failed" }
        #expect(!leaks.isEmpty)
        #expect(leaks.allSatisfy { fixture.text(at: $0.location) == "CLAUSE col(id) IS NOT NULL" })
        #expect(leaks.allSatisfy { $0.message.contains("session 1") })
        // Remove the leak again.
        let text = try #require(fixture.workspace.source(fixture.path)?.text)
        let start = fixture["1️⃣"]
        fixture.workspace.edit(fixture.path, TextEdit(range: SourceRange(start: start, end: start + leak.utf8.count), newText: ""))
        #expect(text.utf8.count - leak.utf8.count == fixture.source.text.utf8.count)
        fixture.workspace.rebuild()
        // The old leak diagnostics were inside the removed text: they are gone at once.
        #expect(!fixture.workspace.proofs.diagnostics.contains { $0.id == "proof.tenant-isolation-failed" })
        fixture.prove()
        #expect(!fixture.workspace.proofs.diagnostics.contains { $0.id == "proof.tenant-isolation-failed" })
    }

    @Test func onlyTheTablesAnEditAffectsAreProvenAgainIncludingTraversalsToThem() throws {
        let fixture = try EngineFixture(tenancyFixture)
        fixture.prove()
        #expect(fixture.workspace.proofJob() == nil)
        // A comment changes nothing a proof depends on... except locations after it, so nothing before it.
        let end = fixture.source.text.utf8.count
        fixture.workspace.edit(fixture.path, TextEdit(range: .empty(at: end), newText: "\n// trailing comment\n"))
        fixture.workspace.rebuild()
        #expect(fixture.workspace.proofJob() == nil)
        // Changing the policy on projects affects projects, and tasks and files that traverse to it.
        let policies = try EngineFixture(
            tenancyFixture
                + "\n\nPOLICY extra PERMISSIVE FOR SELECT SELECTOR named('projects') CLAUSE col(tenant_id) = session('app.tenant_id')1️⃣\n")
        policies.prove()
        policies.workspace.edit(policies.path, TextEdit(range: .empty(at: policies["1️⃣"]), newText: " AND col(is_deleted) = lit(false)"))
        policies.workspace.rebuild()
        let job = try #require(policies.workspace.proofJob())
        #expect(Set(job.tables.map(\.name)) == ["projects", "tasks", "files"])
    }

    /// Closing a document with unsaved edits puts the disk text back: proof diagnostics placed
    /// in the buffer do not fit it and go until the proofs run again.
    @Test func closingAnEditedDocumentDropsItsProofDiagnosticsUntilProvenAgain() throws {
        let fixture = try EngineFixture(ProofTests.safe + " OR CLAUSE col(id) IS NOT NULL")
        fixture.prove()
        let inFile = {
            fixture.workspace.proofs.diagnostics.filter { $0.location.file == fixture.path && $0.id == "proof.tenant-isolation-failed" }
        }
        let before = inFile()
        #expect(!before.isEmpty)
        fixture.workspace.edit(fixture.path, TextEdit(range: .empty(at: 0), newText: "// one\n// two\n// three\n"))
        fixture.workspace.rebuild()
        fixture.close(fixture.path)
        #expect(inFile().isEmpty, "\(inFile().map(\.location))")
        fixture.prove()
        #expect(inFile().map(\.location) == before.map(\.location))
    }

    /// Deleting a blamed clause and putting it back before the proofs run again (`dd` then `u`)
    /// leaves the text as it was proven, but its diagnostics were dropped with the deletion:
    /// the table is proven again (from the cache) and they come back.
    @Test func aBlamedClauseDeletedAndPutBackGetsItsDiagnosticsBack() throws {
        let fixture = try EngineFixture(ProofTests.safe + "\n  OR CLAUSE col(id) IS NOT NULL\n")
        fixture.prove()
        let leaks = { fixture.workspace.proofs.diagnostics.filter { $0.id == "proof.tenant-isolation-failed" } }
        let before = leaks()
        #expect(!before.isEmpty)
        #expect(before.allSatisfy { fixture.text(at: $0.location) == "CLAUSE col(id) IS NOT NULL" })
        let line = "  OR CLAUSE col(id) IS NOT NULL\n"
        let text = try #require(fixture.workspace.source(fixture.path)?.text)
        #expect(text.hasSuffix(line))
        let start = text.utf8.count - line.utf8.count
        fixture.workspace.edit(fixture.path, TextEdit(range: SourceRange(start: start, end: start + line.utf8.count), newText: ""))
        fixture.workspace.rebuild()
        #expect(leaks().isEmpty, "the deleted clause's diagnostics go with it")
        fixture.workspace.edit(fixture.path, TextEdit(range: .empty(at: start), newText: line))
        fixture.workspace.rebuild()
        #expect(fixture.workspace.source(fixture.path)?.text == text)
        #expect(fixture.workspace.proofState == .pending)
        let job = try #require(fixture.workspace.proofJob(), "the tables whose diagnostics were dropped are proven again")
        #expect(!job.tables.isEmpty)
        fixture.prove()
        #expect(fixture.workspace.proofState == .current)
        #expect(leaks().map(\.location) == before.map(\.location))
        #expect(leaks().map { $0.message.prefix { $0 != ";" } } == before.map { $0.message.prefix { $0 != ";" } })
    }

    /// Once no schema is configured, earlier verdicts and their diagnostics are gone.
    @Test func removingTheSchemaForgetsTheProofs() throws {
        let fixture = try EngineFixture(ProofTests.safe + " OR CLAUSE col(id) IS NOT NULL")
        fixture.prove()
        #expect(!fixture.workspace.proofs.diagnostics.isEmpty)
        let config = fixture.file("pgpe.yaml")
        let text = EngineFixture.config.replacingOccurrences(of: "schema: schema.sql\n", with: "")
        fixture.workspace.open(config, text: text, version: 1)
        #expect(fixture.workspace.proofs.diagnostics.isEmpty)
        #expect(fixture.workspace.proofs.signatures.isEmpty)
    }

    @Test func resultsOfAnOlderGenerationAreDropped() throws {
        let fixture = try EngineFixture(ProofTests.safe)
        let job = try #require(fixture.workspace.proofJob())
        fixture.workspace.edit(fixture.path, TextEdit(range: .empty(at: 0), newText: "// edit\n"))
        fixture.workspace.rebuild()
        let result = ProofSession(jobs: 1).run(job)
        let accepted = fixture.workspace.accept(result)
        #expect(!accepted)
        #expect(fixture.workspace.proofs.runs == 0)
    }

    @Test func cancellationStopsARunAndItIsNotAccepted() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let job = try #require(fixture.workspace.proofJob())
        let cancellation = CancellationToken()
        cancellation.cancel()
        let result = ProofSession(jobs: 1).run(job, cancellation: cancellation)
        #expect(result.cancelled)
        let accepted = fixture.workspace.accept(result)
        #expect(!accepted)
    }

    @Test func aPolicyWithErrorsBlocksItsTablesAndAStraySyntaxErrorPausesEverything() throws {
        let fixture = try EngineFixture(ProofTests.safe)
        fixture.prove()
        fixture.workspace.edit(fixture.path, TextEdit(range: .empty(at: fixture["1️⃣"]), newText: " AND col(nope) = lit(1)"))
        fixture.workspace.rebuild()
        // Every table of the broken policy is blocked, so there is nothing to prove; its old
        // results stay.
        let blockedJob = fixture.workspace.proofJob()
        let runs = fixture.workspace.proofs.runs
        #expect(blockedJob == nil)
        #expect(runs == 1)
        // Junk after a policy belongs to it (its tables are blocked); junk before any policy
        // could be a policy's lost head, so nothing is proven.
        let stray = try EngineFixture("POLIC oops\n\n" + ProofTests.safe)
        let unattributed = stray.workspace.hasUnattributedErrors
        let state = stray.workspace.proofState
        let job = stray.workspace.proofJob()
        #expect(unattributed)
        #expect(job == nil)
        #expect(state == .paused)
    }

    @Test func diagnosticsMoveWithEditsAndDropWhenAnEditCrossesThem() {
        var results = ProofResults()
        let diagnostic = Diagnostic(
            .proofTenantIsolationFailed, message: "m", location: FileLocation(file: "f", range: SourceRange(start: 10, end: 20)))
        let mapped = [
            (TextEdit(range: .empty(at: 0), newText: "abc"), SourceRange(start: 13, end: 23)),
            (TextEdit(range: SourceRange(start: 25, end: 30), newText: ""), SourceRange(start: 10, end: 20)),
            (TextEdit(range: SourceRange(start: 12, end: 14), newText: "xyzw"), SourceRange(start: 10, end: 22)),
            (TextEdit(range: .empty(at: 20), newText: "tail"), SourceRange(start: 10, end: 20)),
        ]
        for (edit, expected) in mapped {
            #expect(diagnostic.range.mapped(through: edit) == expected)
        }
        #expect(diagnostic.range.mapped(through: TextEdit(range: SourceRange(start: 5, end: 15), newText: "")) == nil)
        #expect(diagnostic.range.mapped(through: TextEdit(range: SourceRange(start: 15, end: 25), newText: "q")) == nil)
        results.map(TextEdit(range: .empty(at: 0), newText: "x"), in: "f")
        #expect(results.diagnostics.isEmpty)
    }
}
