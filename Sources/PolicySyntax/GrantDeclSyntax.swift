/// `GRANT privilege, ... TO role, ... SELECTOR selector`.
public struct GrantDeclSyntax: Hashable, Sendable {
    /// One written privilege and where it is.
    public struct Entry: Hashable, Sendable {
        /// The privilege.
        public var privilege: Privilege
        /// Where it is.
        public var range: SourceRange
    }

    /// The privileges.
    public var privileges: [Entry]
    /// The roles.
    public var roles: [NameSyntax]
    /// The selector.
    public var selector: SelectorSyntax?
    /// Where `SELECTOR` is.
    public var selectorKeywordRange: SourceRange?
    /// The whole item.
    public var range: SourceRange
    /// The `GRANT` keyword.
    public var keywordRange: SourceRange
    /// Tokens skipped while recovering.
    public var unexpected: [SourceRange]
    /// Whether a syntax error was reported inside the item.
    public var hasErrors: Bool

    /// Creates an empty grant starting at the `GRANT` keyword.
    public init(keywordRange: SourceRange) {
        self.privileges = []
        self.roles = []
        self.selector = nil
        self.selectorKeywordRange = nil
        self.range = keywordRange
        self.keywordRange = keywordRange
        self.unexpected = []
        self.hasErrors = false
    }
}
