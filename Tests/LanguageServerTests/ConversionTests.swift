import Foundation
import PolicyEngine
import PolicySyntax
import TestSupport
import Testing

@testable import LanguageServer

@Suite struct ConversionTests {
    @Test func positionsCountInTheNegotiatedEncoding() {
        // "a🙂b": 🙂 is 4 UTF-8 bytes, 2 UTF-16 units, 1 UTF-32 unit.
        let source = SourceFile(path: "x", text: "x\na🙂b\r\nc")
        let b = 2 + 1 + 4
        #expect(PositionConverter(source: source, encoding: .utf16).position(b) == Position(line: 1, character: 3))
        #expect(PositionConverter(source: source, encoding: .utf8).position(b) == Position(line: 1, character: 5))
        #expect(PositionConverter(source: source, encoding: .utf32).position(b) == Position(line: 1, character: 2))
        for encoding in PositionEncoding.allCases {
            let converter = PositionConverter(source: source, encoding: encoding)
            #expect(converter.offset(converter.position(b)) == b)
        }
        // After CRLF the next line starts; positions past a line's end clamp to it.
        let converter = PositionConverter(source: source, encoding: .utf16)
        #expect(converter.position(source.bytes.count - 1) == Position(line: 2, character: 0))
        #expect(converter.offset(Position(line: 1, character: 99)) == 2 + 1 + 4 + 1)
        #expect(converter.offset(Position(line: 9, character: 0)) == source.bytes.count)
        // The middle of a surrogate pair is not a place in the text: it rounds down.
        #expect(converter.offset(Position(line: 1, character: 2)) == 3)
    }

    @Test func fileURIsAndPaths() {
        #expect(DocumentURI.path(of: "file:///tmp/a%20b/c.policy") == "/tmp/a b/c.policy")
        #expect(DocumentURI.path(of: "file:///tmp/./x/../c.policy") == "/tmp/c.policy")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == "untitled:Untitled-1")
        #expect(DocumentURI.uri(ofPath: "/tmp/a b/c.policy") == "file:///tmp/a%20b/c.policy")
        let book = URIBook()
        let spelled = "file:///tmp/%7Euser/c.policy"
        let path = book.path(of: spelled)
        #expect(path == "/tmp/~user/c.policy")
        #expect(book.uri(of: path) == spelled)
    }

    @Test func diagnosticsConvertWithSeverityCodeAndNotes() {
        let source = SourceFile(path: "/p/a.policy", text: "POLICY a\n🙂 col(x)")
        let conversion = EngineConversion(source: { $0 == source.path ? source : nil }, encoding: .utf16, uris: URIBook())
        let note = DiagnosticNote(message: "first here", location: FileLocation(file: "/p/a.policy", range: SourceRange(start: 7, end: 8)))
        let diagnostic = Diagnostic(
            .semanticUnknownRole, message: "m",
            location: FileLocation(file: "/p/a.policy", range: SourceRange(start: 14, end: 20)), notes: [note])
        let converted = conversion.diagnostic(diagnostic)
        #expect(converted.severity == 2)
        #expect(converted.code == "semantic.unknown-role")
        #expect(converted.range == LSPRange(start: Position(line: 1, character: 3), end: Position(line: 1, character: 9)))
        #expect(converted.relatedInformation.first?.location.uri == "file:///p/a.policy")
        #expect(converted.json["source"] == "pgpe")
    }

    @Test func semanticTokensAreRelativeAndInUTF16() {
        let source = SourceFile(path: "t", text: "🙂 POLICY\n  x")
        let conversion = EngineConversion(source: { _ in source }, encoding: .utf16, uris: URIBook())
        let tokens = [
            SemanticToken(range: SourceRange(start: 5, end: 11), type: .keyword),
            SemanticToken(range: SourceRange(start: 14, end: 15), type: .property),
        ]
        let encoded = conversion.semanticTokens(tokens, converter: PositionConverter(source: source, encoding: .utf16))
        #expect(encoded.data == [0, 3, 6, 0, 0, 1, 2, 1, 8, 0])
    }

    @Test func theRequestTrackerRemembersEarlyCancellations() {
        let tracker = RequestTracker()
        tracker.cancel(.string("later"))
        #expect(tracker.begin(.string("later")).isCancelled)
        #expect(!tracker.begin(.string("other")).isCancelled)
        let token = tracker.begin(.integer(3))
        let ran = LockedBox(false)
        token.onCancel { ran.set(true) }
        tracker.cancel(.integer(3))
        #expect(ran.get() && token.isCancelled)
    }
}
