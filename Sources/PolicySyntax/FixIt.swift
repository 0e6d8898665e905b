/// A suggested change that resolves a diagnostic, with an action phrase ("insert ')'").
public struct FixIt: Hashable, Sendable {
    /// What the change does, as a short imperative phrase.
    public var title: String
    /// The file the edits apply to.
    public var file: String
    /// The edits, non-overlapping.
    public var edits: [TextEdit]

    /// Creates a fix-it.
    public init(title: String, file: String, edits: [TextEdit]) {
        self.title = title
        self.file = file
        self.edits = edits
    }
}
