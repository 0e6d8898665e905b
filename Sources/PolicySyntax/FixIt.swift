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

    /// The fix-it after the text of `path` moved `delta` bytes (one for another file stays).
    public func shifted(by delta: Int, in path: String) -> FixIt {
        guard file == path else { return self }
        return FixIt(title: title, file: file, edits: edits.map { TextEdit(range: $0.range.shifted(by: delta), newText: $0.newText) })
    }
}
