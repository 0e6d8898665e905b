/// `GOVERN SELECTOR selector`: the selected tables get row-level security and no policy of
/// their own (default deny for every role without BYPASSRLS or ownership).
public struct GovernDeclSyntax: Hashable, Sendable {
    /// The selector.
    public var selector: SelectorSyntax?
    /// Where `SELECTOR` is.
    public var selectorKeywordRange: SourceRange?
    /// The whole item.
    public var range: SourceRange
    /// The `GOVERN` keyword.
    public var keywordRange: SourceRange
    /// Tokens skipped while recovering.
    public var unexpected: [SourceRange]
    /// Whether a syntax error was reported inside the item.
    public var hasErrors: Bool

    /// Creates an empty item starting at the `GOVERN` keyword.
    public init(keywordRange: SourceRange) {
        self.selector = nil
        self.selectorKeywordRange = nil
        self.range = keywordRange
        self.keywordRange = keywordRange
        self.unexpected = []
        self.hasErrors = false
    }
}
