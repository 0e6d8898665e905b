import PolicySyntax

extension SQLExpressionParser {
    /// Whether a sub-select starts here (`SELECT`, `WITH`, `VALUES`).
    var atSelectStart: Bool { at("select") || at("with") || at("values") }

    /// Words that end an expression (so a missing operand is reported, not consumed).
    static let terminators: Set<String> = [
        "then", "else", "end", "when", "from", "where", "and", "or", "as", "on", "join", "inner", "left", "right",
        "full", "cross", "group", "having", "order", "limit", "offset", "union", "intersect", "except", "window",
        "using", "natural", "fetch", "for", "escape",
    ]

    /// A constant, a name, a call, a parenthesized expression, a sub-select or a special form.
    mutating func parsePrimary() -> SQLExpr {
        guard let token = current else {
            reportExpected("an expression")
            return SQLExpr(.error("", parts: []), range: .empty(at: previousEnd))
        }
        switch token.kind {
        case .number:
            advance()
            return SQLExpr(.number(text(token.range)), range: token.range)
        case .string, .dollarString:
            advance()
            return SQLExpr(.string(token.text), range: token.range)
        case .parameter:
            advance()
            return SQLExpr(.parameter(text(token.range)), range: token.range)
        case .leftParen:
            return parseParenthesized()
        case .leftBracket:
            return parseArrayElements(start: token.start, bracketsOnly: true)
        case .quotedIdentifier:
            return parseNameOrCall()
        case .word:
            return parseWordPrimary(token)
        case .op where token.text == "*":
            advance()
            return SQLExpr(.star(qualifier: []), range: token.range)
        case .rightParen, .rightBracket, .comma, .semicolon:
            reportExpected("an expression")
            return SQLExpr(.error("", parts: []), range: .empty(at: token.start))
        default:
            advance()
            report(.sqlUnexpectedToken, "unexpected \(shown(token.range)); expected an expression", token.range)
            return SQLExpr(.error(text(token.range), parts: []), range: token.range)
        }
    }

    /// A primary expression that starts with an unquoted word.
    mutating func parseWordPrimary(_ token: SQLToken) -> SQLExpr {
        let word = token.text
        switch word {
        case "true", "false":
            advance()
            return SQLExpr(.boolean(word == "true"), range: token.range)
        case "null":
            advance()
            return SQLExpr(.null, range: token.range)
        case "case":
            return parseCase()
        case "exists":
            guard peek(1)?.kind == .leftParen else { break }
            advance()
            advance()
            let select = parseSubselectBody()
            expect(.rightParen, "')'")
            return SQLExpr(.exists(select), range: token.range.union(.empty(at: previousEnd)))
        case "array":
            advance()
            if at(.leftBracket) { return parseArrayElements(start: token.start, bracketsOnly: false) }
            if eat(.leftParen) {
                let select = parseSubselectBody()
                expect(.rightParen, "')'")
                return SQLExpr(.arraySelect(select), range: token.range.union(.empty(at: previousEnd)))
            }
            reportExpected("'[' or '(' after ARRAY")
            return SQLExpr(.error(text(token.range), parts: []), range: token.range)
        case "cast":
            guard peek(1)?.kind == .leftParen else { break }
            advance()
            advance()
            let inner = parseExpression()
            expect(word: "as")
            let type = parseTypeName()
            expect(.rightParen, "')'")
            return SQLExpr(.cast(inner, type, syntax: .castFunction), range: token.range.union(.empty(at: previousEnd)))
        case "extract":
            guard peek(1)?.kind == .leftParen, let field = peek(2), field.kind == .word || field.kind == .string,
                peek(3)?.isWord("from") == true
            else { break }
            advance()
            advance()
            advance()
            advance()
            let fieldNode = SQLExpr(.column([SQLIdentifier(name: field.text, quoted: false, range: field.range)]), range: field.range)
            let source = parseExpression()
            expect(.rightParen, "')'")
            let name = [SQLIdentifier(name: "extract", quoted: false, range: token.range)]
            let arguments = [SQLFunctionArgument(name: nil, value: fieldNode), SQLFunctionArgument(name: nil, value: source)]
            return SQLExpr(.call(name: name, arguments: arguments, keyword: true), range: token.range.union(.empty(at: previousEnd)))
        case "row":
            guard peek(1)?.kind == .leftParen else { break }
            advance()
            advance()
            let items = at(.rightParen) ? [] : parseExpressionList()
            expect(.rightParen, "')'")
            return SQLExpr(.row(items, explicit: true), range: token.range.union(.empty(at: previousEnd)))
        default:
            break
        }
        if SQLKeywords.sqlValues.contains(word), peek(1)?.kind != .leftParen || SQLKeywords.sqlValuesWithPrecision.contains(word) {
            advance()
            var precision: String?
            if SQLKeywords.sqlValuesWithPrecision.contains(word), at(.leftParen), peek(1)?.kind == .number, peek(2)?.kind == .rightParen {
                advance()
                precision = advance().map { text($0.range) }
                advance()
            }
            return SQLExpr(.sqlValue(word.uppercased(), precision: precision), range: token.range.union(.empty(at: previousEnd)))
        }
        // A typed literal: `interval '1 day'`, `uuid '…'`, `timestamp with time zone '…'`.
        if !SQLKeywords.isReservedInExpression(word), let literal = typedLiteralAhead() {
            return literal
        }
        let callable = SQLKeywords.typeOrFunctionName.contains(word) && peek(1)?.kind == .leftParen
        if !callable, SQLKeywords.isReservedInExpression(word) || Self.terminators.contains(word) {
            reportExpected("an expression")
            return SQLExpr(.error("", parts: []), range: .empty(at: token.start))
        }
        return parseNameOrCall()
    }

    /// A type name followed directly by a string constant, read as a typed literal (nil, with
    /// the position unchanged, when that is not what follows).
    mutating func typedLiteralAhead() -> SQLExpr? {
        // Cheap check first: the word (or `double precision`, `character varying`,
        // `timestamp with time zone`) then a string.
        var index = position + 1
        while index < tokens.count, tokens[index].kind == .word, index - position < 5,
            ["precision", "varying", "with", "without", "time", "zone"].contains(tokens[index].text)
        {
            index += 1
        }
        guard index < tokens.count, tokens[index].kind == .string else { return nil }
        let start = position
        let type = parseTypeName()
        guard let string = current, string.kind == .string, type.modifiers.isEmpty, type.arrayDepth == 0 else {
            position = start
            return nil
        }
        advance()
        let literal = SQLExpr(.string(string.text), range: string.range)
        return SQLExpr(.cast(literal, type, syntax: .typedLiteral), range: type.range.union(string.range))
    }

    /// `a`, `t.a`, `s.t.a`, `t.*`, or a call `f(…)`, `s.f(…)`.
    mutating func parseNameOrCall() -> SQLExpr {
        var names: [SQLIdentifier] = []
        let start = currentStart
        while let token = current, token.isIdentifier {
            names.append(SQLIdentifier(name: token.text, quoted: token.kind == .quotedIdentifier, range: token.range))
            advance()
            guard at(.dot) else { break }
            if let next = peek(1), next.kind == .op, next.text == "*" {
                advance()
                advance()
                return SQLExpr(.star(qualifier: names), range: SourceRange(start: start, end: previousEnd))
            }
            guard let next = peek(1), next.isIdentifier else {
                advance()
                reportExpected("a name after '.'")
                break
            }
            advance()
        }
        if at(.leftParen) { return parseCall(names, start: start) }
        return SQLExpr(.column(names), range: SourceRange(start: start, end: previousEnd))
    }

    /// The arguments of a call whose name is read; the current token is `(`.
    mutating func parseCall(_ names: [SQLIdentifier], start: Int) -> SQLExpr {
        advance()
        var arguments: [SQLFunctionArgument] = []
        if !at(.rightParen) {
            repeat {
                var name: SQLIdentifier?
                if let token = current, token.isIdentifier, let arrow = peek(1), arrow.kind == .op, arrow.text == "=>" {
                    name = SQLIdentifier(name: token.text, quoted: token.kind == .quotedIdentifier, range: token.range)
                    advance()
                    advance()
                }
                arguments.append(SQLFunctionArgument(name: name, value: parseExpression()))
            } while eat(.comma)
        }
        expect(.rightParen, "')'")
        let keyword = names.count == 1 && !names[0].quoted && SQLKeywords.keywordFunctions.contains(names[0].name)
        return SQLExpr(.call(name: names, arguments: arguments, keyword: keyword), range: SourceRange(start: start, end: previousEnd))
    }

    /// `( … )`: a sub-select, a row `(a, b)` or a parenthesized expression.
    mutating func parseParenthesized() -> SQLExpr {
        let start = currentStart
        advance()
        if atSelectStart {
            let select = parseSubselectBody()
            expect(.rightParen, "')'")
            return SQLExpr(.subquery(select), range: SourceRange(start: start, end: previousEnd))
        }
        let inner = parseExpression()
        if at(.comma) {
            var items = [inner]
            while eat(.comma) { items.append(parseExpression()) }
            expect(.rightParen, "')'")
            return SQLExpr(.row(items, explicit: false), range: SourceRange(start: start, end: previousEnd))
        }
        expect(.rightParen, "')'")
        return SQLExpr(.parenthesized(inner), range: SourceRange(start: start, end: previousEnd))
    }

    /// `[a, b, …]` after `ARRAY` or inside one; the current token is `[`.
    mutating func parseArrayElements(start: Int, bracketsOnly: Bool) -> SQLExpr {
        advance()
        let items = at(.rightBracket) ? [] : parseExpressionList()
        expect(.rightBracket, "']'")
        return SQLExpr(.array(items, bracketsOnly: bracketsOnly), range: SourceRange(start: start, end: previousEnd))
    }

    /// `CASE [operand] WHEN c THEN r … [ELSE e] END`; the current token is `CASE`.
    mutating func parseCase() -> SQLExpr {
        let start = currentStart
        advance()
        var operand: SQLExpr?
        if !at("when") { operand = parseExpression() }
        var branches: [SQLCaseBranch] = []
        while eat("when") {
            let condition = parseExpression()
            expect(word: "then")
            let result = parseExpression()
            branches.append(SQLCaseBranch(condition: condition, result: result))
        }
        if branches.isEmpty { reportExpected("WHEN") }
        var elseResult: SQLExpr?
        if eat("else") { elseResult = parseExpression() }
        expect(word: "end")
        return SQLExpr(
            .caseWhen(operand: operand, branches: branches, elseResult: elseResult), range: SourceRange(start: start, end: previousEnd))
    }

    /// A type name: `[schema.]name`, built-in multi-word names, modifiers `(…)` and `[]`s.
    mutating func parseTypeName() -> SQLTypeName {
        let start = currentStart
        guard let first = current, first.isIdentifier else {
            reportExpected("a type name")
            let missing = SQLIdentifier(name: "", quoted: false, range: .empty(at: start))
            return SQLTypeName(schema: nil, name: missing, modifiers: [], arrayDepth: 0, range: .empty(at: start))
        }
        advance()
        var schema: SQLIdentifier?
        var name = SQLIdentifier(name: first.text, quoted: first.kind == .quotedIdentifier, range: first.range)
        if at(.dot), let next = peek(1), next.isIdentifier {
            advance()
            advance()
            schema = name
            name = SQLIdentifier(name: next.text, quoted: next.kind == .quotedIdentifier, range: next.range)
        }
        if schema == nil, !name.quoted {
            name.name = readMultiWordType(name.name)
            name.range = name.range.union(.empty(at: previousEnd))
        }
        var modifiers: [SQLExpr] = []
        if eat(.leftParen) {
            modifiers = at(.rightParen) ? [] : parseExpressionList()
            expect(.rightParen, "')'")
        }
        if schema == nil, !name.quoted, ["time", "timestamp"].contains(name.name) {
            name.name = readMultiWordType(name.name)
        }
        var arrayDepth = 0
        while at(.leftBracket) {
            advance()
            if at(.number) { advance() }
            expect(.rightBracket, "']'")
            arrayDepth += 1
        }
        return SQLTypeName(
            schema: schema, name: name, modifiers: modifiers, arrayDepth: arrayDepth, range: SourceRange(start: start, end: previousEnd))
    }

    /// The rest of a built-in multi-word type name after `word`, spelled as PostgreSQL prints it.
    mutating func readMultiWordType(_ word: String) -> String {
        var result = SQLKeywords.typeAliases[word] ?? word
        switch result {
        case "double" where at("precision"):
            advance()
            result = "double precision"
        case "character", "bit", "national character":
            if eat("varying") { result += " varying" }
        case "time", "timestamp":
            if at("with") || at("without"), peek(1)?.isWord("time") == true, peek(2)?.isWord("zone") == true {
                let with = advance()?.text ?? "with"
                advance()
                advance()
                result += " \(with) time zone"
            }
        default:
            break
        }
        return result
    }
}
