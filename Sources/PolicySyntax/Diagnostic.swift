/// A problem found in the user's files: data, never thrown.
///
/// The CLI (text, JSON, SARIF) and the language server render the same values. Its kind comes
/// from the catalogue (`DiagnosticKind`, `DiagnosticCatalog`), so its id is always one the
/// catalogue documents.
public struct Diagnostic: Hashable, Sendable {
    /// What kind of problem it is: the catalogue entry with its stable id.
    public private(set) var kind: DiagnosticKind
    /// How serious it is: the kind's default, or the severity of an exception the kind documents.
    public private(set) var severity: Severity
    /// A short, lower-case message that names the thing and says what was expected.
    public var message: String
    /// Where it is.
    public var location: FileLocation
    /// Related locations.
    public var notes: [DiagnosticNote]
    /// Suggested changes.
    public var fixIts: [FixIt]

    /// Creates a diagnostic of `kind` with the kind's default severity, or with the severity of
    /// `exception`, which must be one the kind documents.
    public init(
        _ kind: DiagnosticKind,
        exception: SeverityException? = nil,
        message: String,
        location: FileLocation,
        notes: [DiagnosticNote] = [],
        fixIts: [FixIt] = []
    ) {
        assert(DiagnosticCatalog.kind(id: kind.id) != nil, "\(kind) is not listed in DiagnosticCatalog.areas")
        assert(exception.map(kind.exceptions.contains) ?? true, "\(kind) does not document the exception '\(exception?.when ?? "")'")
        self.kind = kind
        self.severity = exception?.severity ?? kind.severity
        self.message = message
        self.location = location
        self.notes = notes
        self.fixIts = fixIts
    }

    /// The stable identifier such as `syntax.expected-clause` or `semantic.unknown-column`.
    public var id: String { kind.id }

    /// The diagnostic's byte range in its file.
    public var range: SourceRange { location.range }

    /// The diagnostic after the text of `path` moved `delta` bytes: its location, notes and
    /// fix-its in that file move with it, the rest stays.
    public func shifted(by delta: Int, in path: String) -> Diagnostic {
        var moved = self
        moved.location = location.shifted(by: delta, in: path)
        moved.notes = notes.map { DiagnosticNote(message: $0.message, location: $0.location.shifted(by: delta, in: path)) }
        moved.fixIts = fixIts.map { $0.shifted(by: delta, in: path) }
        return moved
    }
}
