/// Extra information attached to a diagnostic, at its own location.
public struct DiagnosticNote: Hashable, Sendable {
    /// The note's text.
    public var message: String
    /// Where it points.
    public var location: FileLocation

    /// Creates a note.
    public init(message: String, location: FileLocation) {
        self.message = message
        self.location = location
    }
}
