import PolicyConfig
import PolicySyntax
import TestSupport
import Testing

/// `naming:` and `force:` in pgpe.yaml (SPEC 11.4, 11.5): read when right, diagnostics at the
/// value (with its line) when wrong.
@Suite struct NamingForceConfigTests {
    @Test func defaultsAreSuffixedNamingAndForceOnAll() {
        let fixture = ConfigFixture("schema: s.sql\n")
        #expect(fixture.diagnostics.isEmpty)
        #expect(fixture.config.naming == .suffixed)
        #expect(fixture.config.force == nil)
        #expect(fixture.config.forceText == "ALL")
    }

    @Test func namingAndForceAreRead() {
        let fixture = ConfigFixture("naming: exact\nforce: NOT named('audit_%') AND in_schema('public')\n")
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        #expect(fixture.config.naming == .exact)
        #expect(fixture.config.force != nil)
        #expect(fixture.config.forceText == "NOT named('audit_%') AND in_schema('public')")
    }

    @Test func aBadNamingValueIsReportedAtItsLineWithASuggestion() throws {
        let fixture = ConfigFixture("schema: s.sql\nnaming: 1️⃣exakt\n")
        let diagnostic = try #require(fixture.single("config.invalid-value"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "exakt")
        #expect(fixture.position(diagnostic) == LineColumn(line: 2, column: 9))
        #expect(diagnostic.message == "'naming' must be 'suffixed' or 'exact', found 'exakt'; did you mean 'exact'?")
        #expect(diagnostic.fixIts.first?.edits.first?.newText == "exact")
        #expect(fixture.config.naming == .suffixed)
    }

    @Test func aNamingValueOfTheWrongTypeIsReported() throws {
        let fixture = ConfigFixture("naming: 1️⃣[exact]\n")
        let diagnostic = try #require(fixture.single("config.wrong-type"))
        #expect(fixture.position(diagnostic) == LineColumn(line: 1, column: 9))
        #expect(fixture.config.naming == .suffixed)
    }

    @Test func aBadForceSelectorIsReportedInsideTheValue() throws {
        let fixture = ConfigFixture("schema: s.sql\nforce: NOT 1️⃣nmed('audit')\n")
        let diagnostic = try #require(fixture.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(fixture.position(diagnostic).line == 2)
        #expect(diagnostic.range.start == fixture.marked["1️⃣"])
    }
}
