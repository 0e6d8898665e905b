/// `FOR ALL` or `FOR SELECT, INSERT, ...`.
public struct CommandListSyntax: Hashable, Sendable {
    /// One written command and where it is.
    public struct Entry: Hashable, Sendable {
        /// The command.
        public var command: PolicyCommand
        /// Where it is.
        public var range: SourceRange
    }

    /// Whether `FOR ALL` was written.
    public var isAll: Bool
    /// The commands as written (empty for `FOR ALL`).
    public var entries: [Entry]
    /// From `FOR` to the last command.
    public var range: SourceRange

    /// Creates a command list.
    public init(isAll: Bool, entries: [Entry], range: SourceRange) {
        self.isAll = isAll
        self.entries = entries
        self.range = range
    }

    /// The commands governed, in canonical order, without duplicates.
    public var commands: [PolicyCommand] {
        if isAll { return PolicyCommand.allCases }
        return Array(Set(entries.map(\.command))).sorted()
    }
}
