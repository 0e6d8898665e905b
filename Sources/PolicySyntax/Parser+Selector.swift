extension Parser {
    /// `selector ::= sel_and ("OR" sel_and)*`; an `OR CLAUSE` ends the selector.
    mutating func parseSelector() -> SelectorSyntax {
        var terms = [parseSelectorAnd()]
        while isKeyword(.or), keywordAhead(1) != .clause {
            advance()
            terms.append(parseSelectorAnd())
        }
        if terms.count == 1 { return terms[0] }
        let range = terms[0].range.union(terms[terms.count - 1].range)
        return SelectorSyntax(kind: .or(terms), range: range, keywordRange: terms[0].keywordRange)
    }

    /// `sel_and ::= sel_not ("AND" sel_not)*`.
    private mutating func parseSelectorAnd() -> SelectorSyntax {
        var terms = [parseSelectorNot()]
        while isKeyword(.and) {
            advance()
            terms.append(parseSelectorNot())
        }
        if terms.count == 1 { return terms[0] }
        let range = terms[0].range.union(terms[terms.count - 1].range)
        return SelectorSyntax(kind: .and(terms), range: range, keywordRange: terms[0].keywordRange)
    }

    /// `sel_not ::= "NOT" sel_not | sel_primary`, without recursion on long `NOT` chains.
    private mutating func parseSelectorNot() -> SelectorSyntax {
        var nots: [SourceRange] = []
        while isKeyword(.not) {
            nots.append(advance().range)
        }
        if depth + nots.count > Parser.maxNestingDepth {
            report(.syntaxNestingTooDeep, "nesting is deeper than \(Parser.maxNestingDepth) levels", at: nots[0])
            _ = parseSelectorPrimary()
            let range = nots[0].union(SourceRange.empty(at: previousEnd))
            return SelectorSyntax(kind: .missing, range: range, keywordRange: nots[0])
        }
        var selector = parseSelectorPrimary()
        for not in nots.reversed() {
            selector = SelectorSyntax(kind: .not(selector), range: not.union(selector.range), keywordRange: not)
        }
        return selector
    }

    private mutating func parseSelectorPrimary() -> SelectorSyntax {
        let start = current.range
        if current.kind == .leftParen {
            guard enterNesting() else {
                skipBalanced()
                return SelectorSyntax(kind: .missing, range: start.union(.empty(at: previousEnd)), keywordRange: start)
            }
            defer { leaveNesting() }
            advance()
            let inner = parseSelector()
            let close = expectClosing(.rightParen, after: "the selector") ?? .empty(at: previousEnd)
            return SelectorSyntax(kind: .parenthesized(inner), range: start.union(close), keywordRange: start)
        }
        switch currentKeyword {
        case .all?:
            advance()
            return SelectorSyntax(kind: .all, range: start, keywordRange: start)
        case .hasColumn?:
            advance()
            _ = expect(.leftParen, after: "'has_column'")
            let name = parseName("a column name") ?? NameSyntax(text: "", quoting: .bare, range: .empty(at: previousEnd))
            var type: NameSyntax?
            if current.kind == .comma {
                advance()
                type = parseName("a type name")
            }
            let close = expectClosing(.rightParen, after: "has_column(...)") ?? .empty(at: previousEnd)
            return SelectorSyntax(kind: .hasColumn(name, type: type), range: start.union(close), keywordRange: start)
        case .inSchema?:
            advance()
            _ = expect(.leftParen, after: "'in_schema'")
            let name = parseName("a schema name") ?? NameSyntax(text: "", quoting: .bare, range: .empty(at: previousEnd))
            let close = expectClosing(.rightParen, after: "in_schema(...)") ?? .empty(at: previousEnd)
            return SelectorSyntax(kind: .inSchema(name), range: start.union(close), keywordRange: start)
        case .named?, .tagged?:
            let isNamed = currentKeyword == .named
            advance()
            _ = expect(.leftParen, after: isNamed ? "'named'" : "'tagged'")
            let string =
                parseString(isNamed ? "a quoted table name pattern like 'tasks' or 'audit_%'" : "a quoted tag like 'pii'")
                ?? StringSyntax(value: "", range: .empty(at: previousEnd))
            let close = expectClosing(.rightParen, after: isNamed ? "named(...)" : "tagged(...)") ?? .empty(at: previousEnd)
            let kind: SelectorSyntax.Kind = isNamed ? .named(string) : .tagged(string)
            return SelectorSyntax(kind: kind, range: start.union(close), keywordRange: start)
        default:
            reportMissing(
                .syntaxExpectedSelector,
                "a selector (ALL, has_column(...), in_schema(...), named(...), tagged(...), NOT or '(')")
            return SelectorSyntax(kind: .missing, range: .empty(at: previousEnd), keywordRange: .empty(at: previousEnd))
        }
    }
}
