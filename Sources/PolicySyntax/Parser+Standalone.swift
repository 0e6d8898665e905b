extension Parser {
    /// Parses `text` as a lone selector (e.g. `isolation: tables:` in pgpe.yaml). Ranges are
    /// reported as if `text` started at byte `offset` of the file at `path`.
    public static func parseSelector(_ text: String, path: String, atOffset offset: Int = 0) -> (SelectorSyntax, [Diagnostic]) {
        let padded = String(repeating: " ", count: max(0, offset)) + text
        let file = SourceFile(path: path, text: padded)
        let lexed = Lexer.lex(file)
        var parser = Parser(file: file, lexed: lexed)
        let selector = parser.parseSelector()
        if !parser.atEnd {
            parser.report(
                .syntaxUnexpectedToken, "expected the end of the selector, found \(parser.describe(parser.current))",
                at: parser.current.range)
        }
        return (selector, parser.diagnostics)
    }
}
