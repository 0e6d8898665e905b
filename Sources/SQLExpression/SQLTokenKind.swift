/// The kinds of token the tolerant SQL tokenizer produces.
public enum SQLTokenKind: UInt8, Sendable {
    /// An unquoted identifier or keyword; its text is folded to lower case as PostgreSQL does.
    case word
    /// A `"quoted"` identifier; its text is the name with `""` undoubled, case preserved.
    case quotedIdentifier
    /// A string constant (`'..'`, `E'..'`, `B'..'`, `X'..'`, `N'..'`, `U&'..'`); its text is the value.
    case string
    /// A dollar-quoted string (`$$..$$`, `$tag$..$tag$`); its text is the body.
    case dollarString
    /// A numeric constant.
    case number
    /// A positional parameter such as `$1`.
    case parameter
    /// A run of operator characters (`=`, `<>`, `::` is not one of them).
    case op
    /// `(`
    case leftParen
    /// `)`
    case rightParen
    /// `[`
    case leftBracket
    /// `]`
    case rightBracket
    /// `,`
    case comma
    /// `;`
    case semicolon
    /// `.`
    case dot
    /// `:`
    case colon
    /// `::`
    case doubleColon
    /// A psql meta-command line such as `\restrict key` or `\connect db`.
    case metaCommand
    /// Any other byte.
    case unknown
}
