import PolicyConfig
import PolicySyntax
import TestSupport
import Testing

/// `accept:` in pgpe.yaml (SPEC 11.8): each form is read; a broken entry is one diagnostic at
/// its line and is left out.
@Suite struct AcceptConfigTests {
    @Test func everyFormIsRead() throws {
        let fixture = ConfigFixture(
            """
            accept:
              - proof: coverage
                tables: named('billing_%')
                commands: [INSERT, update, DELETE]
                reason: written only by the service role
              - proof: [tenant-isolation, fail-closed]
                roles: [PUBLIC, app_admin]
                reason: global table
              - proof: traversal
                commands: SELECT
                roles: auditor
                reason: audited
            """)
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        let entries = fixture.config.accept
        try #require(entries.count == 3)
        #expect(entries[0].proofs == ["coverage"])
        #expect(entries[0].tables != nil && entries[0].tablesText == "named('billing_%')")
        #expect(entries[0].commands == [.insert, .update, .delete])
        #expect(entries[0].roles == nil)
        #expect(entries[0].reason == "written only by the service role")
        #expect(fixture.file.position(of: entries[0].location.range.start) == LineColumn(line: 2, column: 5))
        #expect(entries[1].proofs == ["tenant-isolation", "fail-closed"])
        #expect(entries[1].tables == nil && entries[1].tablesText == "ALL" && entries[1].commands == nil)
        #expect(entries[1].roles == ["PUBLIC", "app_admin"])
        #expect(entries[2].commands == [.select] && entries[2].roles == ["auditor"])
    }

    @Test func aMissingReasonIsOneDiagnosticAtItsEntry() throws {
        let fixture = ConfigFixture(
            """
            accept:
              - proof: coverage
                reason: fine
              - 1️⃣proof: coverage
                commands: [INSERT]
            """)
        #expect(fixture.diagnostics.count == 1, "\(fixture.diagnostics)")
        let diagnostic = try #require(fixture.single("config.missing-key"))
        #expect(diagnostic.severity == .error)
        #expect(fixture.position(diagnostic) == LineColumn(line: 4, column: 5))
        #expect(diagnostic.message.contains("'accept[1]' needs 'reason'"), "\(diagnostic.message)")
        #expect(fixture.config.accept.map(\.reason) == ["fine"])
    }

    @Test(
        arguments: [
            ("  - proof: 1️⃣coverag\n    reason: r\n", "config.unknown-proof", "coverag"),
            ("  - proof: coverage\n    commands: [1️⃣INSERTT]\n    reason: r\n", "config.invalid-value", "INSERTT"),
            ("  - proof: coverage\n    tables: 1️⃣named(\n    reason: r\n", nil, nil),
            ("  - proof: coverage\n    reason: 1️⃣''\n", "config.invalid-value", "''"),
            ("  - proof: coverage\n    roles: 1️⃣[]\n    reason: r\n", "config.invalid-value", "[]"),
            ("  - 1️⃣reason: no proof\n", "config.missing-key", nil),
            ("  - proof: coverage\n    1️⃣reasn: typo\n    reason: r\n", "config.unknown-key", "reasn"),
        ] as [(String, String?, String?)])
    func aBrokenEntryIsOneDiagnosticAtItsLineAndLeftOut(entry: String, id: String?, covering: String?) throws {
        let fixture = ConfigFixture("accept:\n" + entry)
        #expect(fixture.diagnostics.count == 1, "\(fixture.diagnostics)")
        let diagnostic = try #require(fixture.diagnostics.first)
        if let id { #expect(diagnostic.id == id) }
        #expect(fixture.position(diagnostic).line == fixture.marked.text.prefix(fixture.marked["1️⃣"]).split(separator: "\n").count)
        if let covering { #expect(fixture.text(diagnostic) == covering) }
        // An unknown key alone does not break the entry; everything else leaves it out.
        #expect(fixture.config.accept.count == (id == "config.unknown-key" ? 1 : 0))
    }

    /// A `finding:` entry (the side-channel and performance findings of SPEC 11.11): one id or a
    /// list, an optional `object:` pattern and `tables:` selector, and the reason.
    @Test func aFindingEntryIsRead() throws {
        let fixture = ConfigFixture(
            """
            accept:
              - finding: sidechannel.view-definer
                object: public.doc_titles
                reason: the dashboard shows every tenant's titles
              - finding: [performance.missing-index, sidechannel.unique-without-key, performance.missing-index]
                tables: named('audit_%')
                reason: small tables
            """)
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        let entries = fixture.config.accept
        try #require(entries.count == 2)
        #expect(entries[0].findings == ["sidechannel.view-definer"] && entries[0].proofs.isEmpty)
        #expect(entries[0].object == "public.doc_titles" && entries[0].tables == nil)
        #expect(fixture.file.position(of: entries[0].location.range.start) == LineColumn(line: 2, column: 5))
        #expect(entries[1].findings == ["performance.missing-index", "sidechannel.unique-without-key"])
        #expect(entries[1].object == nil && entries[1].tablesText == "named('audit_%')")
    }

    /// Every kind of the side-channel and performance areas may be named, and nothing else.
    @Test func theAcceptableFindingsAreTheSideChannelAndPerformanceKinds() {
        let acceptable = AcceptEntry.acceptableFindings
        #expect(acceptable.contains("sidechannel.view-definer") && acceptable.contains("performance.missing-index"))
        #expect(acceptable.allSatisfy { $0.hasPrefix("sidechannel.") || $0.hasPrefix("performance.") })
        #expect(!acceptable.contains("proof.tenant-isolation-failed") && !acceptable.contains("config.stale-accept"))
    }

    @Test(
        arguments: [
            ("  - finding: 1️⃣sidechannel.view-definr\n    reason: r\n", "config.unknown-finding", "sidechannel.view-definr"),
            ("  - finding: 1️⃣proof.tenant-isolation-failed\n    reason: r\n", "config.unknown-finding", nil),
            ("  - finding: 1️⃣[]\n    reason: r\n", "config.invalid-value", "[]"),
            ("  - finding: sidechannel.view-definer\n    object: 1️⃣''\n    reason: r\n", "config.invalid-value", "''"),
            ("  - finding: sidechannel.view-definer\n    object: 1️⃣[a]\n    reason: r\n", "config.wrong-type", nil),
            ("  - 1️⃣finding: sidechannel.view-definer\n    proof: coverage\n    reason: r\n", "config.invalid-value", nil),
            ("  - 1️⃣proof: coverage\n    object: public.docs\n    reason: r\n", "config.invalid-value", nil),
            ("  - 1️⃣finding: sidechannel.view-definer\n    commands: [SELECT]\n    reason: r\n", "config.invalid-value", nil),
            ("  - 1️⃣finding: sidechannel.view-definer\n    object: public.doc_titles\n", "config.missing-key", nil),
            ("  - 1️⃣object: public.doc_titles\n    reason: r\n", "config.missing-key", nil),
        ] as [(String, String, String?)])
    func aBrokenFindingEntryIsOneDiagnosticAtItsLineAndLeftOut(entry: String, id: String, covering: String?) throws {
        let fixture = ConfigFixture("accept:\n" + entry)
        #expect(fixture.diagnostics.count == 1, "\(fixture.diagnostics)")
        let diagnostic = try #require(fixture.diagnostics.first)
        #expect(diagnostic.id == id, "\(diagnostic)")
        #expect(fixture.position(diagnostic).line == fixture.marked.text.prefix(fixture.marked["1️⃣"]).split(separator: "\n").count)
        if let covering { #expect(fixture.text(diagnostic) == covering) }
        #expect(fixture.config.accept.isEmpty)
    }

    @Test func anUnknownFindingSuggestsTheClosestKind() throws {
        let fixture = ConfigFixture("accept:\n  - finding: performance.missing-indx\n    reason: r\n")
        let diagnostic = try #require(fixture.single("config.unknown-finding"))
        #expect(diagnostic.message.contains("did you mean 'performance.missing-index'?"), "\(diagnostic.message)")
        #expect(diagnostic.fixIts.count == 1)
    }

    @Test func anAcceptThatIsNotAListIsReported() throws {
        let fixture = ConfigFixture("accept:\n  proof: coverage\n")
        let diagnostic = try #require(fixture.single("config.wrong-type"))
        #expect(diagnostic.message.contains("'accept'"))
        #expect(fixture.config.accept.isEmpty)
    }
}
