import PolicySyntax

extension SQLExpressionParser {
    /// A sub-select inside parentheses, the depth counted like an expression's.
    mutating func parseSubselectBody() -> SQLSelect {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxNestingDepth else {
            report(
                .sqlNestingTooDeep, "sub-selects nest deeper than \(Self.maxNestingDepth) levels", current?.range ?? .empty(at: previousEnd)
            )
            let skipped = skipBalanced()
            return SQLSelect(
                distinct: false, targets: [], from: [], whereCondition: nil,
                trailing: [SQLTrailingClause(keyword: "", text: text(skipped), range: skipped)], range: skipped)
        }
        return parseSelect()
    }

    /// `SELECT [DISTINCT] targets [FROM items] [WHERE condition] [clauses kept as text]`.
    mutating func parseSelect() -> SQLSelect {
        let start = currentStart
        var trailing: [SQLTrailingClause] = []
        guard eat("select") else {
            // WITH … / VALUES … (or a misspelled SELECT): kept as text.
            if let token = current {
                let what = atSelectStart ? "only SELECT sub-selects are read; this one is kept as text" : "expected SELECT"
                report(.sqlUnexpectedToken, what, token.range)
            }
            let skipped = skipToCloser()
            trailing.append(SQLTrailingClause(keyword: "", text: text(skipped), range: skipped))
            return SQLSelect(distinct: false, targets: [], from: [], whereCondition: nil, trailing: trailing, range: skipped)
        }
        let distinct = eat("distinct")
        if !distinct { _ = eat("all") }
        var targets: [SQLSelectTarget] = []
        if !atSelectClauseEnd {
            repeat {
                let expression = parseExpression()
                targets.append(SQLSelectTarget(expression: expression, alias: parseAlias()))
            } while eat(.comma)
        }
        var from: [SQLFromItem] = []
        if eat("from") {
            repeat {
                from.append(parseFromItem())
            } while eat(.comma)
        }
        var whereCondition: SQLExpr?
        if eat("where") { whereCondition = parseExpression() }
        while let token = current, token.kind != .rightParen {
            let clauseStart = token.start
            var keyword = ""
            if token.kind == .word, SQLKeywords.trailingClauses.contains(token.text) {
                advance()
                keyword = token.text.uppercased()
                if ["group", "order"].contains(token.text), eat("by") { keyword += " BY" }
            } else {
                report(.sqlUnexpectedToken, "unexpected \(shown(token.range)) in a sub-select", token.range)
                advance()
            }
            let bodyStart = keyword.isEmpty ? clauseStart : currentStart
            let body = skipToCloser(clauses: true)
            let bodyRange = SourceRange(start: bodyStart, end: max(bodyStart, body.end, previousEnd))
            trailing.append(
                SQLTrailingClause(keyword: keyword, text: text(bodyRange), range: SourceRange(start: clauseStart, end: previousEnd)))
        }
        return SQLSelect(
            distinct: distinct, targets: targets, from: from, whereCondition: whereCondition, trailing: trailing,
            range: SourceRange(start: start, end: previousEnd))
    }

    /// Whether the SELECT list is empty here (`SELECT FROM t`, `SELECT)`).
    var atSelectClauseEnd: Bool {
        guard let token = current else { return true }
        if token.kind == .rightParen { return true }
        return token.kind == .word && (["from", "where"].contains(token.text) || SQLKeywords.trailingClauses.contains(token.text))
    }

    /// `[AS] alias` after a target or FROM item.
    mutating func parseAlias() -> SQLIdentifier? {
        if eat("as") {
            guard let token = current, token.isIdentifier else {
                reportExpected("an alias after AS")
                return nil
            }
            advance()
            return SQLIdentifier(name: token.text, quoted: token.kind == .quotedIdentifier, range: token.range)
        }
        guard let token = current else { return nil }
        if token.kind == .quotedIdentifier
            || (token.kind == .word && !SQLKeywords.isReservedInExpression(token.text) && !Self.terminators.contains(token.text))
        {
            advance()
            return SQLIdentifier(name: token.text, quoted: token.kind == .quotedIdentifier, range: token.range)
        }
        return nil
    }

    /// A FROM item and the joins that follow it.
    mutating func parseFromItem() -> SQLFromItem {
        var left = parseFromPrimary()
        // Each join nests the tree one level: the depth counts it, as for operator chains.
        let entryDepth = depth
        defer { depth = entryDepth }
        while let kind = joinAhead() {
            depth += 1
            if depth > Self.maxNestingDepth {
                report(.sqlNestingTooDeep, "joins chain deeper than \(Self.maxNestingDepth) levels", .empty(at: previousEnd))
                let skipped = skipToCloser(clauses: true)
                let whole = left.range.union(skipped)
                return .error(text(whole), range: whole)
            }
            let right = parseFromPrimary()
            var on: SQLExpr?
            if kind != "CROSS JOIN" {
                if eat("on") {
                    on = parseExpression()
                } else if at("using"), peek(1)?.kind == .leftParen {
                    let usingStart = currentStart
                    advance()
                    advance()
                    let names = parseExpressionList()
                    expect(.rightParen, "')'")
                    on = SQLExpr(
                        .error(text(SourceRange(start: usingStart, end: previousEnd)), parts: names),
                        range: SourceRange(start: usingStart, end: previousEnd))
                    report(.sqlUnexpectedToken, "JOIN … USING is kept as text; write ON", on?.range ?? .empty(at: usingStart))
                } else if !(kind.hasPrefix("NATURAL")) {
                    reportExpected("ON after JOIN")
                }
            }
            left = .join(left: left, kind: kind, right: right, on: on, range: left.range.union(.empty(at: previousEnd)))
        }
        return left
    }

    /// The join keyword here, consumed and spelled as PostgreSQL prints it; nil when none.
    mutating func joinAhead() -> String? {
        let start = position
        var natural = false
        if eat("natural") { natural = true }
        var kind = "JOIN"
        if eat("inner") {
        } else if at("left") || at("right") || at("full") {
            kind = (advance()?.text.uppercased() ?? "") + " JOIN"
            _ = eat("outer")
        } else if eat("cross") {
            kind = "CROSS JOIN"
        }
        guard eat("join") else {
            position = start
            return nil
        }
        return natural ? "NATURAL " + kind : kind
    }

    /// A table, `(join)`, `(SELECT …) alias` or `f(…) alias`.
    mutating func parseFromPrimary() -> SQLFromItem {
        let start = currentStart
        if at(.leftParen) {
            advance()
            if atSelectStart {
                let select = parseSubselectBody()
                expect(.rightParen, "')'")
                let alias = parseAlias()
                return .subquery(select, alias: alias, range: SourceRange(start: start, end: previousEnd))
            }
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxNestingDepth else {
                report(
                    .sqlNestingTooDeep, "FROM items nest deeper than \(Self.maxNestingDepth) levels", current?.range ?? .empty(at: start))
                let skipped = skipBalanced()
                _ = eat(.rightParen)
                return .error(text(skipped), range: skipped)
            }
            let inner = parseFromItem()
            expect(.rightParen, "')'")
            return .parenthesized(inner, range: SourceRange(start: start, end: previousEnd))
        }
        guard let token = current, token.isIdentifier,
            token.kind == .quotedIdentifier || !SQLKeywords.isReservedInExpression(token.text) || token.text == "only"
        else {
            reportExpected("a table name")
            if let token = current, token.kind != .rightParen, token.kind != .comma,
                !(token.kind == .word && ["where", "on"].contains(token.text))
            {
                advance()
                return .error(text(token.range), range: token.range)
            }
            return .error("", range: .empty(at: start))
        }
        let only = eat("only")
        let nameExpr = parseNameOrCall()
        switch nameExpr.kind {
        case .column(let names):
            let alias = parseAlias()
            return .table(name: names, alias: alias, only: only, range: SourceRange(start: start, end: previousEnd))
        case .call:
            let alias = parseAlias()
            return .function(nameExpr, alias: alias, range: SourceRange(start: start, end: previousEnd))
        default:
            return .error(text(nameExpr.range), range: nameExpr.range)
        }
    }

    /// Skips to the `)` that closes the current brackets (not consumed) or the end; with
    /// `clauses`, stops also at a clause keyword (`GROUP`, `LIMIT` …) outside brackets, after the
    /// first token.
    mutating func skipToCloser(clauses: Bool = false) -> SourceRange {
        let start = currentStart
        var nesting = 0
        while let token = current {
            if token.kind == .leftParen || token.kind == .leftBracket { nesting += 1 }
            if token.kind == .rightParen || token.kind == .rightBracket {
                if nesting == 0 { break }
                nesting -= 1
            }
            if clauses, nesting == 0, token.kind == .word, SQLKeywords.trailingClauses.contains(token.text), token.start > start { break }
            advance()
        }
        return SourceRange(start: start, end: max(start, previousEnd))
    }
}
