import PolicySyntax

/// One completion proposal.
public struct CompletionEntry: Hashable, Sendable {
    /// The text shown in the list.
    public var label: String
    /// What it is.
    public var kind: CompletionEntryKind
    /// Extra text shown beside it (a column's type, a table count).
    public var detail: String?
    /// The text inserted.
    public var insertText: String
    /// The bytes the inserted text replaces (the word being typed).
    public var replaceRange: SourceRange
    /// Lower sorts first.
    public var priority: Int

    /// Creates a proposal.
    public init(
        label: String, kind: CompletionEntryKind, detail: String? = nil, insertText: String? = nil,
        replaceRange: SourceRange, priority: Int = 0
    ) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.insertText = insertText ?? label
        self.replaceRange = replaceRange
        self.priority = priority
    }
}
