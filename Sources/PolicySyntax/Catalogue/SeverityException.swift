/// A context in which a diagnostic kind is emitted with a severity other than its default.
///
/// Each exception is a static member declared next to the kind that lists it, and a diagnostic
/// can leave its kind's default severity only by naming one (`Diagnostic(_:exception:...)`).
public struct SeverityException: Hashable, Sendable {
    /// The severity in that context.
    public let severity: Severity
    /// The context, as a short phrase ("null in an IN list").
    public let when: String

    init(_ severity: Severity, when: String) {
        self.severity = severity
        self.when = when
    }

    /// A finding an `accept:` entry of pgpe.yaml accepts: information, with the entry's reason;
    /// every kind of the acceptable areas (`DiagnosticKind.acceptableAreas`) more serious than
    /// information lists it.
    public static let accepted = SeverityException(
        .info, when: "a finding an `accept:` entry of pgpe.yaml accepts (the message starts with its reason; it fails no run)")
}
