import PolicySyntax
import TestSupport
import Testing

/// Yams reports 1-based lines and columns counted in Unicode scalars, with libYAML's idea of
/// a line break; these tests pin down that diagnostics land on the right bytes anyway.
@Suite struct ConfigPositionTests {
    @Test func nonASCIICommentBeforeAnErrorKeepsLineColumnAndBytes() throws {
        let fixture = ConfigFixture(
            """
            # Mandanten-Trennung für die Zoë-App 🙂 (日本語)
            schema: s.sql # ünïcödé
            analysis: {max_depth: 2, 1️⃣tïmeout_ms: 5}
            """)
        let diagnostic = try #require(fixture.single("config.unknown-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "tïmeout_ms")
        #expect(fixture.position(diagnostic) == LineColumn(line: 3, column: 26))
        #expect(diagnostic.message == "unknown key 'tïmeout_ms' in 'analysis'; did you mean 'timeout_ms'?")
    }

    @Test func nonASCIIBeforeTheKeyOnTheSameLine() throws {
        let fixture = ConfigFixture("session: {app.zoë: uuid, app.日本: 1️⃣uuidd}\n")
        let diagnostic = try #require(fixture.single("config.unknown-type"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "uuidd")
        #expect(fixture.position(diagnostic) == LineColumn(line: 1, column: 34))
    }

    @Test func crlfLineEndingsBeforeAnError() throws {
        let text = "# ünïcödé\r\nschema: s.sql\r\nanalysis:\r\n  max_depth: 3\r\n  1️⃣proofz: {}\r\n"
        let fixture = ConfigFixture(text)
        #expect(fixture.file.text.contains("\r\n"))
        let diagnostic = try #require(fixture.single("config.unknown-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "proofz")
        #expect(fixture.position(diagnostic) == LineColumn(line: 5, column: 3))
        #expect(fixture.config.analysis.maxDepth == 3)
        #expect(fixture.config.schemaPath == "/project/s.sql")
    }

    @Test func loneCarriageReturnsCountAsLineBreaks() throws {
        let fixture = ConfigFixture("schema: s.sql\r# é\rapply:\r  1️⃣lock: 1\r")
        let diagnostic = try #require(fixture.single("config.unknown-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "lock")
        #expect(fixture.position(diagnostic) == LineColumn(line: 4, column: 3))
    }

    /// libYAML also breaks lines at U+2028 and U+0085 (our line table does not), so a value
    /// holding one would shift every later line if marks were converted with the line table.
    @Test func unicodeLineSeparatorsDoNotShiftTheRange() throws {
        let fixture = ConfigFixture("schema: \"x\u{2028}y\u{85}z\"\nanalysis:\n  1️⃣depth: 1\n")
        let diagnostic = try #require(fixture.single("config.unknown-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "depth")
        #expect(fixture.position(diagnostic) == LineColumn(line: 3, column: 3))
    }

    /// In a comment they end the comment (YAML 1.1), so what follows is content: an error,
    /// located where libYAML finds it.
    @Test func unicodeLineSeparatorsInACommentEndIt() throws {
        let fixture = ConfigFixture("# one\u{2028}two\u{85}three\nanalysis1️⃣:\n  depth: 1\n")
        let diagnostic = try #require(fixture.single("config.invalid-yaml"))
        #expect(diagnostic.range.start == fixture.marked["1️⃣"])
        #expect(fixture.text(diagnostic) == ":")
    }

    @Test func aLeadingByteOrderMarkIsNotIndentation() throws {
        let fixture = ConfigFixture("\u{FEFF}1️⃣polices: [p]\nschema: s.sql\n")
        let diagnostic = try #require(fixture.single("config.unknown-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "polices")
        #expect(fixture.config.schemaPath == "/project/s.sql")

        let error = ConfigFixture("\u{FEFF}analysis: {1️⃣depth: 1}\n")
        error.expect(error.single("config.unknown-key"), at: "1️⃣", covering: "depth")
    }

    @Test func tabsInsideFlowCollectionsCountAsOneColumn() throws {
        let fixture = ConfigFixture("analysis: {max_depth:\t2,\t1️⃣proof: {}}\n")
        let diagnostic = try #require(fixture.single("config.unknown-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "proof")
    }

    @Test func quotedAndMultiLineValuesGetSensibleRanges() {
        let fixture = ConfigFixture(
            """
            analysis:
              timeout_ms: 1️⃣'it''s'
              max_depth: 2️⃣"a\\"b"
            missing_context: 3️⃣>
              folded
              text
            """)
        let wrong = fixture.diagnostics("config.wrong-type")
        #expect(wrong.count == 2)
        fixture.expect(wrong.first, at: "1️⃣", covering: "'it''s'")
        fixture.expect(wrong.last, at: "2️⃣", covering: "\"a\\\"b\"")
        let invalid = fixture.diagnostics("config.invalid-value")
        fixture.expect(invalid.first, at: "3️⃣", covering: ">")
    }

    // MARK: - YAML errors

    @Test func aSyntaxErrorGivesOneDiagnosticAtYamsPosition() throws {
        let fixture = ConfigFixture(
            """
            schema: s.sql
            session:
              app.tenant_id: uuid
             1️⃣bad: indentation
            """)
        #expect(fixture.diagnostics.count == 1, "\(fixture.diagnostics)")
        let diagnostic = try #require(fixture.single("config.invalid-yaml"))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.hasPrefix("invalid yaml: "))
        #expect(fixture.position(diagnostic).line == 4)
        #expect(ConfigFixture.rangesAreInside(fixture.diagnostics, of: fixture.file))
        // Nothing is read from an invalid document.
        #expect(fixture.config.schemaPath == nil)
    }

    @Test func unclosedFlowAndQuoteErrorsStayInsideTheText() {
        for text in ["policies: [a, b\n", "schema: \"s.sql\n", "a: 'x\n", "[", "{", "key: *undefined\n", "--- a\n--- b\n", "\u{1}"] {
            let fixture = ConfigFixture(text)
            #expect(fixture.diagnostics.count == 1, "\(text.debugDescription): \(fixture.diagnostics)")
            #expect(fixture.diagnostics.first?.id == "config.invalid-yaml")
            #expect(ConfigFixture.rangesAreInside(fixture.diagnostics, of: fixture.file))
        }
    }

    @Test func aControlCharacterIsReportedWhereItIs() throws {
        let fixture = ConfigFixture("schema: s.sql\n# é 1️⃣\u{7}\n")
        let diagnostic = try #require(fixture.single("config.invalid-yaml"))
        #expect(diagnostic.range.start == fixture.marked["1️⃣"])
    }

    @Test func duplicateKeysAreErrorsAtTheLaterKey() throws {
        let fixture = ConfigFixture(
            """
            schema: first.sql
            session:
              app.tenant_id: uuid
              1️⃣app.tenant_id: text
            2️⃣schema: second.sql
            schemas: [public]
            """)
        let found = fixture.diagnostics("config.duplicate-key")
        #expect(found.count == 2, "\(fixture.diagnostics)")
        fixture.expect(found.first, at: "1️⃣", covering: "app.tenant_id")
        #expect(found.first?.message == "duplicate key 'app.tenant_id'")
        #expect(found.first?.notes.first.map { fixture.file.text(in: $0.location.range) } == "app.tenant_id")
        fixture.expect(found.last, at: "2️⃣", covering: "schema")
        // The first occurrence wins and the rest of the file is read.
        #expect(fixture.config.schemaPath == "/project/first.sql")
        #expect(fixture.config.sessionKeys.map(\.type) == [.uuid])
        #expect(fixture.config.schemas == ["public"])
        #expect(fixture.diagnostics.count == 2)
    }

    @Test func duplicateKeysInFlowMapsAndQuotedKeys() throws {
        let fixture = ConfigFixture("analysis: {max_depth: 3, 'max_depth': 4, proofs: {coverage: off, 1️⃣coverage: on}}\n")
        let found = fixture.diagnostics("config.duplicate-key")
        #expect(found.count == 2, "\(fixture.diagnostics)")
        #expect(found.contains { fixture.text($0) == "'max_depth'" })
        fixture.expect(found.last, at: "1️⃣", covering: "coverage")
        #expect(fixture.config.analysis.maxDepth == 3)
        #expect(fixture.config.analysis.proofs == ["coverage": false])
    }

    @Test func duplicateQuotedKeysWithEscapes() throws {
        let fixture = ConfigFixture("session:\n  \"app.\\\"x\": uuid\n  1️⃣'app.\"x': text\n  app.y: uuid\n")
        let diagnostic = try #require(fixture.single("config.duplicate-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "'app.\"x'")
        #expect(diagnostic.notes.first.map { fixture.file.text(in: $0.location.range) } == "\"app.\\\"x\"")
        #expect(fixture.config.sessionKeys.map(\.key) == ["app.\"x", "app.y"])
        #expect(fixture.config.sessionKeys.first?.type == .uuid)
    }

    @Test func manyDuplicatesAreAllReported() {
        var text = ""
        for index in 0..<40 {
            text += "schema: s\(index).sql\n"
        }
        let fixture = ConfigFixture(text)
        #expect(fixture.diagnostics("config.duplicate-key").count == 39)
        #expect(fixture.config.schemaPath == "/project/s0.sql")
        #expect(ConfigFixture.rangesAreInside(fixture.diagnostics, of: fixture.file))
    }
}
