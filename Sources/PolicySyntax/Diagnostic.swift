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
    /// What a finding about the schema around the policies is about (`accept:`, baselines).
    public var subject: DiagnosticSubject?
    /// The `accept:` entry that accepts it, when one does (see `accepted(by:)`).
    public private(set) var acceptance: DiagnosticAcceptance?

    /// Creates a diagnostic of `kind` with the kind's default severity, or with the severity of
    /// `exception`, which must be one the kind documents.
    public init(
        _ kind: DiagnosticKind,
        exception: SeverityException? = nil,
        message: String,
        location: FileLocation,
        notes: [DiagnosticNote] = [],
        fixIts: [FixIt] = [],
        subject: DiagnosticSubject? = nil
    ) {
        assert(DiagnosticCatalog.kind(id: kind.id) != nil, "\(kind) is not listed in DiagnosticCatalog.areas")
        assert(exception.map(kind.exceptions.contains) ?? true, "\(kind) does not document the exception '\(exception?.when ?? "")'")
        self.kind = kind
        self.severity = exception?.severity ?? kind.severity
        self.message = message
        self.location = location
        self.notes = notes
        self.fixIts = fixIts
        self.subject = subject
    }

    /// Whether an `accept:` entry may accept it: its kind is acceptable (`DiagnosticKind.isAcceptable`)
    /// and it is not accepted yet.
    public var isAcceptable: Bool { kind.isAcceptable && acceptance == nil }

    /// The diagnostic accepted by `acceptance`: information (its kind's documented exception,
    /// `SeverityException.accepted`, when its default is more serious) whose message starts with
    /// the reason, with a note at the entry.
    public func accepted(by acceptance: DiagnosticAcceptance) -> Diagnostic {
        var result = self
        if severity > .info {
            assert(kind.exceptions.contains(.accepted), "\(kind) does not document the exception for accepted findings")
            result.severity = SeverityException.accepted.severity
        }
        result.message = "accepted (\(acceptance.reason)): " + message
        result.notes.append(DiagnosticNote(message: "accepted by this entry of accept:", location: acceptance.location))
        result.acceptance = acceptance
        return result
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
        if let acceptance {
            moved.acceptance = DiagnosticAcceptance(reason: acceptance.reason, location: acceptance.location.shifted(by: delta, in: path))
        }
        return moved
    }
}
