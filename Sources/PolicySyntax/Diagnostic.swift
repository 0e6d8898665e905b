/// A problem found in the user's files: data, never thrown.
///
/// The CLI (text, JSON, SARIF) and the language server render the same values.
public struct Diagnostic: Hashable, Sendable {
    /// A stable identifier such as `syntax.expected-clause` or `semantic.unknown-column`.
    public var id: String
    /// How serious it is.
    public var severity: Severity
    /// A short, lower-case message that names the thing and says what was expected.
    public var message: String
    /// Where it is.
    public var location: FileLocation
    /// Related locations.
    public var notes: [DiagnosticNote]
    /// Suggested changes.
    public var fixIts: [FixIt]

    /// Creates a diagnostic.
    public init(
        id: String,
        severity: Severity,
        message: String,
        location: FileLocation,
        notes: [DiagnosticNote] = [],
        fixIts: [FixIt] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.fixIts = fixIts
    }

    /// The diagnostic's byte range in its file.
    public var range: SourceRange { location.range }

    /// The diagnostic after the text of `path` moved `delta` bytes: its location, notes and
    /// fix-its in that file move with it, the rest stays.
    public func shifted(by delta: Int, in path: String) -> Diagnostic {
        Diagnostic(id: id, severity: severity, message: message, location: location.shifted(by: delta, in: path),
                   notes: notes.map { DiagnosticNote(message: $0.message, location: $0.location.shifted(by: delta, in: path)) },
                   fixIts: fixIts.map { $0.shifted(by: delta, in: path) })
    }
}
