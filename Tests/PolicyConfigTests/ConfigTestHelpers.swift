import PolicyConfig
import PolicySyntax
import TestSupport
import Testing

/// Loading inline pgpe.yaml texts with markers, and finding diagnostics in the result.
struct ConfigFixture {
    /// The text without markers.
    let marked: MarkedSource
    /// What the loader made of it.
    let config: ProjectConfig
    /// The file as the loader saw it.
    let file: SourceFile
    /// Everything reported.
    let diagnostics: [Diagnostic]

    /// Loads `text` (with `1️⃣`… markers) as `/project/pgpe.yaml`.
    init(_ text: String, environment: [String: String] = [:], path: String = "/project/pgpe.yaml") {
        marked = MarkedSource(text)
        (config, file, diagnostics) = ConfigLoader.load(text: marked.text, path: path, environment: environment)
    }

    /// The diagnostics with `id`.
    func diagnostics(_ id: String) -> [Diagnostic] {
        diagnostics.filter { $0.id == id }
    }

    /// The only diagnostic with `id`; records an issue when there is not exactly one.
    func single(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let found = diagnostics(id)
        #expect(found.count == 1, "expected one \(id), got \(diagnostics)", sourceLocation: sourceLocation)
        return found.first
    }

    /// The 1-based line:column where `diagnostic` starts.
    func position(_ diagnostic: Diagnostic) -> LineColumn {
        file.position(of: diagnostic.range.start)
    }

    /// The text `diagnostic` covers.
    func text(_ diagnostic: Diagnostic) -> String {
        file.text(in: diagnostic.range)
    }

    /// The text a declaration's location covers in this file (`nil` without one).
    func text(at location: FileLocation?) -> String? {
        location.map { file.text(in: $0.range) }
    }

    /// Records an issue unless `diagnostic` starts at `marker` and covers exactly `text`.
    func expect(_ diagnostic: Diagnostic?, at marker: String, covering text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let diagnostic else {
            Issue.record("no diagnostic", sourceLocation: sourceLocation)
            return
        }
        #expect(diagnostic.range.start == marked[marker], "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(self.text(diagnostic) == text, "\(diagnostic)", sourceLocation: sourceLocation)
    }

    /// Whether every range reported (diagnostics, notes, fix-its) lies inside the text and
    /// on character boundaries.
    static func rangesAreInside(_ diagnostics: [Diagnostic], of file: SourceFile) -> Bool {
        let bytes = file.bytes
        func inside(_ range: SourceRange) -> Bool {
            guard range.start >= 0, range.end <= bytes.count, range.start <= range.end else { return false }
            let startOK = range.start == bytes.count || bytes[range.start] & 0xC0 != 0x80
            let endOK = range.end == bytes.count || bytes[range.end] & 0xC0 != 0x80
            return startOK && endOK
        }
        for diagnostic in diagnostics {
            guard inside(diagnostic.range) else { return false }
            for note in diagnostic.notes where !inside(note.location.range) { return false }
            for fixIt in diagnostic.fixIts {
                for edit in fixIt.edits where !inside(edit.range) { return false }
            }
        }
        return true
    }
}
