/// One entry of the diagnostic catalogue: a stable id, its default severity and a one-line
/// explanation of what it means and what to do.
///
/// Every diagnostic pgpe emits, and every rule its SARIF logs name, is one of the static members
/// declared in `DiagnosticKind+<Area>.swift`; `DiagnosticCatalog.all` lists them all. Kinds are
/// made only here (the initializer is internal), so an id cannot be typed as a free string
/// anywhere else. Two kinds are equal when their ids are.
public struct DiagnosticKind: Hashable, Sendable, CustomStringConvertible {
    /// The stable id, `area.name` (`semantic.unknown-column`).
    public let id: String
    /// The severity it is emitted with unless an exception says otherwise.
    public let severity: Severity
    /// What it means and what to do, in one line.
    public let summary: String
    /// Where the same id is emitted with another severity, and when.
    public let exceptions: [SeverityException]

    init(_ id: String, _ severity: Severity, _ summary: String, exceptions: [SeverityException] = []) {
        self.id = id
        self.severity = severity
        self.summary = summary
        // A finding about the schema around the policies may be accepted in pgpe.yaml, which
        // shows it as information.
        let accepted = DiagnosticKind.acceptableAreas.contains(String(id.prefix { $0 != "." })) && severity > .info
        self.exceptions = exceptions + (accepted ? [.accepted] : [])
    }

    /// The areas whose diagnostics are findings an `accept:` entry of pgpe.yaml may accept
    /// (`finding:`, SPEC 11.8): the side channels and the performance findings of SPEC 11.11.
    public static let acceptableAreas: Set<String> = ["sidechannel", "performance"]

    /// Whether an `accept:` entry may accept diagnostics of this kind (its area is acceptable).
    public var isAcceptable: Bool { DiagnosticKind.acceptableAreas.contains(area) }

    /// Every severity it may be emitted with: the default, then the exceptions'.
    public var severities: [Severity] {
        var result = [severity]
        for exception in exceptions where !result.contains(exception.severity) { result.append(exception.severity) }
        return result
    }

    /// The area, the part of the id before the first dot (`semantic`).
    public var area: String {
        String(id.prefix { $0 != "." })
    }

    /// The anchor of its entry in docs/diagnostics.md: the id itself.
    public var anchor: String { id }

    /// Its entry in the documentation on the web (SARIF `helpUri`).
    public var helpURI: String { DiagnosticCatalog.documentURL + "#" + anchor }

    /// The id.
    public var description: String { id }

    public static func == (lhs: DiagnosticKind, rhs: DiagnosticKind) -> Bool { lhs.id == rhs.id }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
