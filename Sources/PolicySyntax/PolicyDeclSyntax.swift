/// `POLICY name type FOR ... [TO ...] SELECTOR ... CLAUSE ... [WITH CHECK CLAUSE ...]`.
public struct PolicyDeclSyntax: Hashable, Sendable {
    /// The policy's name (`nil` when missing).
    public var name: NameSyntax?
    /// PERMISSIVE or RESTRICTIVE.
    public var kind: PolicyKind?
    /// Where the kind is.
    public var kindRange: SourceRange?
    /// The commands.
    public var commands: CommandListSyntax?
    /// The `TO` roles; empty means PUBLIC.
    public var roles: [NameSyntax]
    /// The `TO ...` part.
    public var rolesRange: SourceRange?
    /// The selector.
    public var selector: SelectorSyntax?
    /// Where `SELECTOR` is.
    public var selectorKeywordRange: SourceRange?
    /// The USING clauses.
    public var using: [ClauseSyntax]
    /// The `WITH CHECK` clauses, when a `WITH CHECK` block was written.
    public var check: [ClauseSyntax]?
    /// Where `WITH CHECK` is.
    public var checkKeywordRange: SourceRange?
    /// The whole declaration.
    public var range: SourceRange
    /// The `POLICY` keyword.
    public var keywordRange: SourceRange
    /// Tokens the parser skipped while recovering from a mistake inside the declaration.
    public var unexpected: [SourceRange]
    /// Whether a syntax error was reported inside the declaration.
    public var hasErrors: Bool

    /// Creates an empty declaration starting at the `POLICY` keyword.
    public init(keywordRange: SourceRange) {
        self.name = nil
        self.kind = nil
        self.kindRange = nil
        self.commands = nil
        self.roles = []
        self.rolesRange = nil
        self.selector = nil
        self.selectorKeywordRange = nil
        self.using = []
        self.check = nil
        self.checkKeywordRange = nil
        self.range = keywordRange
        self.keywordRange = keywordRange
        self.unexpected = []
        self.hasErrors = false
    }
}
