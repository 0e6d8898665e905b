import PolicySyntax

/// PostgreSQL's operator precedence, lowest first (its manual, table 4.2): an operator binds its
/// operands tighter than every operator with a smaller number.
enum SQLPrecedence {
    /// `OR`
    static let or = 1
    /// `AND`
    static let and = 2
    /// prefix `NOT`
    static let not = 3
    /// `IS …`, `ISNULL`, `NOTNULL`
    static let isTest = 4
    /// `=`, `<>`, `<`, `<=`, `>`, `>=`
    static let comparison = 5
    /// `[NOT] IN`, `LIKE`, `ILIKE`, `SIMILAR TO`, `BETWEEN`
    static let like = 6
    /// Every other operator (`~~`, `->>`, `||`, `@>`, `OPERATOR(…)`)
    static let otherOperator = 7
    /// `+`, `-`
    static let additive = 8
    /// `*`, `/`, `%`
    static let multiplicative = 9
    /// `^`
    static let exponent = 10
    /// `AT TIME ZONE`, `COLLATE`
    static let atTimeZone = 11
    /// prefix `-`, `+` and other prefix operators
    static let unary = 12
    /// `x[i]`
    static let element = 13
    /// `::`
    static let cast = 14
    /// `(x).field`
    static let field = 15
}

extension SQLExpressionParser {
    /// Reads an expression whose operators bind tighter than `minimum`.
    mutating func parseExpression(above minimum: Int = 0) -> SQLExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNestingDepth {
            let start = currentStart
            report(.sqlNestingTooDeep, "expression nests deeper than \(Self.maxNestingDepth) levels", current?.range ?? .empty(at: start))
            let skipped = skipBalanced()
            return SQLExpr(.error(text(skipped), parts: []), range: skipped)
        }
        var left = parsePrefix()
        // A chain of operators (other than AND and OR, which make one node) nests the tree one
        // level per operator: the depth counts it, so a long chain is capped as nesting is.
        let entryDepth = depth
        defer { depth = entryDepth }
        while let token = current {
            let before = position
            guard let next = parseInfix(left, token, above: minimum) else { break }
            left = next
            if position == before { break }
            if case .logical = left.kind { continue }
            depth += 1
            if depth > Self.maxNestingDepth, !atEnd {
                report(
                    .sqlNestingTooDeep, "operators chain deeper than \(Self.maxNestingDepth) levels",
                    current?.range ?? .empty(at: previousEnd))
                let skipped = skipBalanced()
                let whole = left.range.union(skipped)
                return SQLExpr(.error(text(whole), parts: [left]), range: whole)
            }
        }
        return left
    }

    /// A prefix operator and its operand, or a primary expression.
    mutating func parsePrefix() -> SQLExpr {
        guard let token = current else {
            reportExpected("an expression")
            return SQLExpr(.error("", parts: []), range: .empty(at: previousEnd))
        }
        if token.isWord("not") {
            advance()
            let operand = parseExpression(above: SQLPrecedence.not - 1)
            return SQLExpr(.prefix("NOT", operand), range: token.range.union(operand.range))
        }
        if token.kind == .op, token.text != "*" {
            advance()
            let operand = parseExpression(above: SQLPrecedence.unary - 1)
            return SQLExpr(.prefix(token.text, operand), range: token.range.union(operand.range))
        }
        return parsePrimary()
    }

    /// The binary or postfix operator at `token` applied to `left`, or nil when `token` is no
    /// operator or binds no tighter than `minimum`.
    mutating func parseInfix(_ left: SQLExpr, _ token: SQLToken, above minimum: Int) -> SQLExpr? {
        switch token.kind {
        case .doubleColon:
            guard SQLPrecedence.cast > minimum else { return nil }
            advance()
            let type = parseTypeName()
            return SQLExpr(.cast(left, type, syntax: .colons), range: left.range.union(type.range))
        case .leftBracket:
            guard SQLPrecedence.element > minimum else { return nil }
            return parseSubscript(left)
        case .dot:
            guard SQLPrecedence.field > minimum, let next = peek(1) else { return nil }
            if next.kind == .op, next.text == "*" {
                advance()
                advance()
                return SQLExpr(.field(left, nil), range: left.range.union(next.range))
            }
            guard next.isIdentifier else { return nil }
            advance()
            advance()
            let name = SQLIdentifier(name: next.text, quoted: next.kind == .quotedIdentifier, range: next.range)
            return SQLExpr(.field(left, name), range: left.range.union(next.range))
        case .op:
            let op = token.text == "!=" ? "<>" : token.text
            let precedence = Self.precedence(ofOperator: op)
            guard precedence > minimum else { return nil }
            advance()
            return parseBinaryRest(left, op: op, precedence: precedence)
        case .word:
            return parseWordInfix(left, token.text, above: minimum)
        default:
            return nil
        }
    }

    /// The precedence of the symbolic binary operator `op`.
    static func precedence(ofOperator op: String) -> Int {
        switch op {
        case "=", "<", ">", "<=", ">=", "<>": return SQLPrecedence.comparison
        case "+", "-": return SQLPrecedence.additive
        case "*", "/", "%": return SQLPrecedence.multiplicative
        case "^": return SQLPrecedence.exponent
        default: return SQLPrecedence.otherOperator
        }
    }

    /// After a binary operator: `ANY|ALL|SOME (…)` or the right operand.
    mutating func parseBinaryRest(_ left: SQLExpr, op: String, precedence: Int) -> SQLExpr {
        if let word = current, word.kind == .word, ["any", "all", "some"].contains(word.text), peek(1)?.kind == .leftParen {
            advance()
            advance()
            let right: SQLExpr
            if atSelectStart {
                let select = parseSubselectBody()
                right = SQLExpr(.subquery(select), range: select.range)
            } else {
                right = parseExpression()
            }
            expect(.rightParen, "')'")
            return SQLExpr(
                .quantified(left, op: op, quantifier: word.text.uppercased(), right), range: left.range.union(.empty(at: previousEnd)))
        }
        let right = parseExpression(above: precedence)
        return SQLExpr(.binary(op, left, right), range: left.range.union(right.range))
    }

    /// Keyword operators: AND, OR, IS …, [NOT] IN / LIKE / ILIKE / SIMILAR TO / BETWEEN, OPERATOR(…).
    mutating func parseWordInfix(_ left: SQLExpr, _ word: String, above minimum: Int) -> SQLExpr? {
        switch word {
        case "and", "or":
            let precedence = word == "and" ? SQLPrecedence.and : SQLPrecedence.or
            guard precedence > minimum else { return nil }
            // The whole chain in one loop: one node, built once (linear in its length).
            var items = [left]
            while eat(word) { items.append(parseExpression(above: precedence)) }
            let range = left.range.union(items[items.count - 1].range)
            return SQLExpr(.logical(word.uppercased(), items), range: range)
        case "is":
            guard SQLPrecedence.isTest > minimum else { return nil }
            advance()
            return parseIsTest(left)
        case "isnull", "notnull":
            guard SQLPrecedence.isTest > minimum else { return nil }
            let token = advance()
            return SQLExpr(.isTest(left, "NULL", negated: word == "notnull"), range: left.range.union(token?.range ?? left.range))
        case "not":
            guard let next = peek(1), next.kind == .word, ["in", "like", "ilike", "similar", "between"].contains(next.text),
                SQLPrecedence.like > minimum
            else { return nil }
            advance()
            return parseComparisonKeyword(left, negated: true)
        case "in", "like", "ilike", "similar", "between":
            guard SQLPrecedence.like > minimum else { return nil }
            return parseComparisonKeyword(left, negated: false)
        case "collate":
            guard SQLPrecedence.atTimeZone > minimum, let name = peek(1), name.isIdentifier else { return nil }
            advance()
            let start = currentStart
            var names: [SQLIdentifier] = []
            repeat {
                guard let token = current, token.isIdentifier else { break }
                names.append(SQLIdentifier(name: token.text, quoted: token.kind == .quotedIdentifier, range: token.range))
                advance()
            } while eat(.dot)
            let collation = SQLExpr(.column(names), range: SourceRange(start: start, end: previousEnd))
            return SQLExpr(.binary("COLLATE", left, collation), range: left.range.union(collation.range))
        case "at":
            guard SQLPrecedence.atTimeZone > minimum, peek(1)?.isWord("time") == true, peek(2)?.isWord("zone") == true else { return nil }
            advance()
            advance()
            advance()
            let zone = parseExpression(above: SQLPrecedence.atTimeZone)
            return SQLExpr(.binary("AT TIME ZONE", left, zone), range: left.range.union(zone.range))
        case "operator":
            guard peek(1)?.kind == .leftParen, SQLPrecedence.otherOperator > minimum else { return nil }
            let op = parseOperatorName()
            return parseBinaryRest(left, op: op, precedence: SQLPrecedence.otherOperator)
        default:
            return nil
        }
    }

    /// `OPERATOR(schema.op)`, printed back as written with the names normalized.
    mutating func parseOperatorName() -> String {
        advance()
        advance()
        var parts: [String] = []
        while let token = current, token.kind != .rightParen {
            switch token.kind {
            case .word: parts.append(token.text)
            case .quotedIdentifier: parts.append(SQLExpressionPrinter.identifier(token.text))
            case .dot: parts.append(".")
            case .op: parts.append(token.text)
            default:
                reportExpected("an operator name")
                return "OPERATOR(" + parts.joined() + ")"
            }
            advance()
        }
        expect(.rightParen, "')'")
        return "OPERATOR(" + parts.joined() + ")"
    }

    /// After `IS`: `[NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM x`.
    mutating func parseIsTest(_ left: SQLExpr) -> SQLExpr {
        let negated = eat("not")
        if let token = current, token.kind == .word, ["null", "true", "false", "unknown"].contains(token.text) {
            advance()
            return SQLExpr(.isTest(left, token.text.uppercased(), negated: negated), range: left.range.union(token.range))
        }
        if eat("distinct") {
            expect(word: "from")
            let right = parseExpression(above: SQLPrecedence.isTest)
            return SQLExpr(.distinctFrom(left, right, negated: negated), range: left.range.union(right.range))
        }
        reportExpected("NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS")
        return SQLExpr(
            .error(text(left.range.union(.empty(at: previousEnd))), parts: [left]), range: left.range.union(.empty(at: previousEnd)))
    }

    /// `IN (…)`, `LIKE x [ESCAPE e]`, `ILIKE x`, `SIMILAR TO x`, `BETWEEN [SYMMETRIC] a AND b`.
    mutating func parseComparisonKeyword(_ left: SQLExpr, negated: Bool) -> SQLExpr {
        guard let word = advance()?.text else { return left }
        let prefix = negated ? "NOT " : ""
        switch word {
        case "in":
            return parseInRest(left, negated: negated)
        case "between":
            let symmetric = eat("symmetric")
            if !symmetric { _ = eat("asymmetric") }
            let low = parseExpression(above: SQLPrecedence.like)
            expect(word: "and")
            let high = parseExpression(above: SQLPrecedence.like)
            return SQLExpr(
                .between(left, low: low, high: high, negated: negated, symmetric: symmetric), range: left.range.union(high.range))
        default:
            var op = prefix + word.uppercased()
            if word == "similar" {
                expect(word: "to")
                op += " TO"
            }
            var right = parseExpression(above: SQLPrecedence.like)
            if at("escape") {
                advance()
                let escape = parseExpression(above: SQLPrecedence.like)
                right = SQLExpr(.binary("ESCAPE", right, escape), range: right.range.union(escape.range))
            }
            return SQLExpr(.binary(op, left, right), range: left.range.union(right.range))
        }
    }

    /// After `IN`: `(SELECT …)` or `(a, b, …)`.
    mutating func parseInRest(_ left: SQLExpr, negated: Bool) -> SQLExpr {
        guard eat(.leftParen) else {
            reportExpected("'(' after IN")
            return SQLExpr(.inList(left, [], negated: negated), range: left.range.union(.empty(at: previousEnd)))
        }
        if atSelectStart {
            let select = parseSubselectBody()
            expect(.rightParen, "')'")
            return SQLExpr(.inSelect(left, select, negated: negated), range: left.range.union(.empty(at: previousEnd)))
        }
        let items = parseExpressionList()
        expect(.rightParen, "')'")
        return SQLExpr(.inList(left, items, negated: negated), range: left.range.union(.empty(at: previousEnd)))
    }

    /// Comma-separated expressions (at least one).
    mutating func parseExpressionList() -> [SQLExpr] {
        var items: [SQLExpr] = []
        repeat {
            items.append(parseExpression())
        } while eat(.comma)
        return items
    }

    /// `x[i]` or `x[a:b]`.
    mutating func parseSubscript(_ base: SQLExpr) -> SQLExpr {
        advance()
        var lower: SQLExpr?
        var upper: SQLExpr?
        var slice = false
        if !at(.colon) { lower = parseExpression() }
        if eat(.colon) {
            slice = true
            if !at(.rightBracket) { upper = parseExpression() }
        }
        expect(.rightBracket, "']'")
        return SQLExpr(.element(base, lower: lower, upper: upper, slice: slice), range: base.range.union(.empty(at: previousEnd)))
    }
}
