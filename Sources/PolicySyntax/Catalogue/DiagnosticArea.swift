/// One area of the diagnostic catalogue: the kinds whose ids share a prefix, with a title and a
/// sentence saying what produces them (the sections of docs/diagnostics.md).
public struct DiagnosticArea: Sendable {
    /// The id prefix (`semantic`).
    public let prefix: String
    /// A title for people ("Semantic checks").
    public let title: String
    /// What produces these diagnostics, in a sentence.
    public let summary: String
    /// The kinds, in the order the documentation lists them.
    public let kinds: [DiagnosticKind]

    init(_ prefix: String, title: String, summary: String, kinds: [DiagnosticKind]) {
        self.prefix = prefix
        self.title = title
        self.summary = summary
        self.kinds = kinds
    }
}
