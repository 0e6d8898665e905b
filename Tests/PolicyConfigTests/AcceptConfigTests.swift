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

    @Test func anAcceptThatIsNotAListIsReported() throws {
        let fixture = ConfigFixture("accept:\n  proof: coverage\n")
        let diagnostic = try #require(fixture.single("config.wrong-type"))
        #expect(diagnostic.message.contains("'accept'"))
        #expect(fixture.config.accept.isEmpty)
    }
}
