extension Parser {
    /// `clause ::= atom ("AND" atom)*`. `closer` is `}` inside `exists(...)`.
    mutating func parseClause(keywordRange: SourceRange?, closer: TokenKind?) -> ClauseSyntax {
        var atoms: [AtomSyntax] = [parseAtom()]
        while true {
            if isKeyword(.and) {
                advance()
                atoms.append(parseAtom())
                continue
            }
            if let keyword = currentKeyword, keyword.startsAtom, !atSectionStart {
                reportMissing(.syntaxExpectedAnd, "'AND' between atoms", insert: " AND")
                atoms.append(parseAtom())
                continue
            }
            break
        }
        let atomsRange = atoms[0].range.union(atoms[atoms.count - 1].range)
        let range = keywordRange.map { $0.union(atomsRange) } ?? atomsRange
        return ClauseSyntax(atoms: atoms, range: range, keywordRange: keywordRange)
    }

    /// An atom: a comparison, a null test, `exists(...)`, a boolean `fn(...)`, `raw(...)`, `true`
    /// or `false`.
    mutating func parseAtom() -> AtomSyntax {
        let start = current.range
        switch currentKeyword {
        case .true?, .false?:
            let value = currentKeyword == .true
            advance()
            return AtomSyntax(kind: .constant(value), range: start, operatorRange: start)
        case .exists?:
            return parseExists()
        case .raw?:
            advance()
            _ = expect(.leftParen, after: "'raw'")
            let sql = parseString("the SQL text as a quoted string") ?? StringSyntax(value: "", range: .empty(at: previousEnd))
            let close = expectClosing(.rightParen, after: "raw(...)") ?? .empty(at: previousEnd)
            return AtomSyntax(kind: .raw(sql), range: start.union(close), operatorRange: start)
        case .fn?:
            let call = parseFunctionCall()
            if atComparisonOperator {
                let value = ValueSyntax(kind: .function(call), range: call.range, keywordRange: call.keywordRange)
                return parseComparison(lhs: value)
            }
            return AtomSyntax(kind: .function(call), range: call.range, operatorRange: call.keywordRange)
        case .col?, .session?, .lit?, .now?, .outer?:
            let lhs = parseValue()
            return parseComparison(lhs: lhs)
        default:
            reportMissing(
                .syntaxExpectedAtom,
                "an atom (col(...), session(...), lit(...), fn(...), outer(...), exists(...), raw(...), true or false)")
            return AtomSyntax(kind: .missing, range: .empty(at: previousEnd), operatorRange: .empty(at: previousEnd))
        }
    }

    private var atComparisonOperator: Bool {
        switch current.kind {
        case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual:
            return true
        case .identifier:
            switch currentKeyword {
            case .in?, .like?, .is?: return true
            case .not?: return keywordAhead(1) == .in || keywordAhead(1) == .like
            default: return false
            }
        default:
            return false
        }
    }

    /// The operator and right-hand side after `lhs`.
    private mutating func parseComparison(lhs: ValueSyntax) -> AtomSyntax {
        let opStart = current.range
        let op: ComparisonOperator
        switch current.kind {
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .greater: op = .greater
        case .lessEqual: op = .lessEqual
        case .greaterEqual: op = .greaterEqual
        default:
            switch currentKeyword {
            case .in?: op = .in
            case .like?: op = .like
            case .not? where keywordAhead(1) == .in:
                advance()
                op = .notIn
            case .not? where keywordAhead(1) == .like:
                advance()
                op = .notLike
            case .is?:
                advance()
                var isNull = true
                if isKeyword(.not) {
                    advance()
                    isNull = false
                }
                if isKeyword(.null) {
                    let end = advance().range
                    return AtomSyntax(
                        kind: .nullTest(lhs, isNull: isNull), range: lhs.range.union(end),
                        operatorRange: opStart.union(end))
                }
                reportMissing(.syntaxExpectedNull, isNull ? "'NULL' or 'NOT NULL' after 'IS'" : "'NULL' after 'IS NOT'")
                return AtomSyntax(
                    kind: .nullTest(lhs, isNull: isNull), range: lhs.range.union(.empty(at: previousEnd)),
                    operatorRange: opStart.union(.empty(at: previousEnd)))
            default:
                reportMissing(
                    .syntaxExpectedOperator,
                    "a comparison (=, !=, <, >, <=, >=, IN, NOT IN, LIKE, NOT LIKE, IS [NOT] NULL)")
                return AtomSyntax(kind: .missing, range: lhs.range, operatorRange: .empty(at: previousEnd))
            }
        }
        let opRange = opStart.union(advance().range)
        let rhs = parseValue()
        return AtomSyntax(kind: .comparison(lhs, op, rhs), range: lhs.range.union(rhs.range), operatorRange: opRange)
    }

    /// A value: `col(name)`, `session('key')`, `lit(literal)`, `fn(...)`, `now()` or `outer(name)`.
    mutating func parseValue() -> ValueSyntax {
        let start = current.range
        switch currentKeyword {
        case .now?:
            advance()
            _ = expect(.leftParen, after: "'now'")
            let close = expectClosing(.rightParen, after: "now(") ?? .empty(at: previousEnd)
            return ValueSyntax(kind: .now, range: start.union(close), keywordRange: start)
        case .col?, .outer?:
            let isOuter = currentKeyword == .outer
            let word = isOuter ? "outer" : "col"
            advance()
            _ = expect(.leftParen, after: "'\(word)'")
            let name = parseName("a column name") ?? NameSyntax(text: "", quoting: .bare, range: .empty(at: previousEnd))
            let close = expectClosing(.rightParen, after: "\(word)(...)") ?? .empty(at: previousEnd)
            return ValueSyntax(kind: isOuter ? .outer(name) : .column(name), range: start.union(close), keywordRange: start)
        case .session?:
            advance()
            _ = expect(.leftParen, after: "'session'")
            let key: StringSyntax
            if current.kind == .string {
                let token = advance()
                key = StringSyntax(value: token.value, range: token.range)
            } else {
                reportMissing(.syntaxExpectedSessionKey, "a quoted session key like 'app.tenant_id'")
                key = StringSyntax(value: "", range: .empty(at: previousEnd))
            }
            let close = expectClosing(.rightParen, after: "session(...)") ?? .empty(at: previousEnd)
            return ValueSyntax(kind: .session(key), range: start.union(close), keywordRange: start)
        case .lit?:
            advance()
            _ = expect(.leftParen, after: "'lit'")
            let literal = parseLiteral()
            let close = expectClosing(.rightParen, after: "lit(...)") ?? .empty(at: previousEnd)
            return ValueSyntax(kind: .literal(literal), range: start.union(close), keywordRange: start)
        case .fn?:
            let call = parseFunctionCall()
            return ValueSyntax(kind: .function(call), range: call.range, keywordRange: call.keywordRange)
        default:
            reportMissing(.syntaxExpectedValue, "a value (col(...), session(...), lit(...), fn(...), now() or outer(...))")
            return ValueSyntax(kind: .missing, range: .empty(at: previousEnd), keywordRange: .empty(at: previousEnd))
        }
    }

    /// A literal: string, integer, `true`, `false`, `null` or a list.
    mutating func parseLiteral() -> LiteralSyntax {
        let token = current
        switch token.kind {
        case .string:
            advance()
            return LiteralSyntax(kind: .string(token.value), range: token.range)
        case .integer:
            advance()
            guard let value = Int(token.value) else {
                report(.syntaxIntegerOutOfRange, "integer \(token.value) is out of range (64-bit)", at: token.range)
                return LiteralSyntax(kind: .missing, range: token.range)
            }
            return LiteralSyntax(kind: .integer(value), range: token.range)
        case .leftBracket:
            guard enterNesting() else {
                skipBalanced()
                return LiteralSyntax(kind: .missing, range: token.range.union(.empty(at: previousEnd)))
            }
            defer { leaveNesting() }
            advance()
            var elements: [LiteralSyntax] = []
            if current.kind != .rightBracket {
                while true {
                    elements.append(parseLiteral())
                    if current.kind == .comma {
                        advance()
                        continue
                    }
                    break
                }
            } else {
                reportMissing(.syntaxExpectedLiteral, "at least one literal in the list")
            }
            let close = expectClosing(.rightBracket, after: "the list") ?? .empty(at: previousEnd)
            return LiteralSyntax(kind: .list(elements), range: token.range.union(close))
        case .identifier:
            switch currentKeyword {
            case .true?:
                advance()
                return LiteralSyntax(kind: .boolean(true), range: token.range)
            case .false?:
                advance()
                return LiteralSyntax(kind: .boolean(false), range: token.range)
            case .null?:
                advance()
                return LiteralSyntax(kind: .null, range: token.range)
            default:
                break
            }
        default:
            break
        }
        reportMissing(.syntaxExpectedLiteral, "a literal (a quoted string, an integer, true, false, null or a list)")
        return LiteralSyntax(kind: .missing, range: .empty(at: previousEnd))
    }

    /// `fn(name, [value, ...])`.
    mutating func parseFunctionCall() -> FunctionCallSyntax {
        let keywordRange = advance().range
        _ = expect(.leftParen, after: "'fn'")
        let name = parseName("a function name") ?? NameSyntax(text: "", quoting: .bare, range: .empty(at: previousEnd))
        var arguments: [ValueSyntax] = []
        if expect(.comma, after: "the function name") != nil || current.kind == .leftBracket {
            if expect(.leftBracket, after: "',' in fn(...)") != nil {
                if enterNesting() {
                    if current.kind != .rightBracket {
                        while true {
                            arguments.append(parseValue())
                            if current.kind == .comma {
                                advance()
                                continue
                            }
                            break
                        }
                    }
                    leaveNesting()
                    _ = expectClosing(.rightBracket, after: "the argument list")
                } else {
                    position -= 1
                    skipBalanced()
                }
            }
        }
        let close = expectClosing(.rightParen, after: "fn(...)") ?? .empty(at: previousEnd)
        return FunctionCallSyntax(name: name, arguments: arguments, range: keywordRange.union(close), keywordRange: keywordRange)
    }

    /// `exists(rel(...), {clause})`.
    private mutating func parseExists() -> AtomSyntax {
        let start = advance().range
        guard enterNesting() else {
            if current.kind == .leftParen { skipBalanced() }
            return AtomSyntax(kind: .missing, range: start.union(.empty(at: previousEnd)), operatorRange: start)
        }
        defer { leaveNesting() }
        _ = expect(.leftParen, after: "'exists'")
        let relation = parseRelation()
        _ = expect(.comma, after: "rel(...)")
        let clause: ClauseSyntax
        if expect(.leftBrace, after: "rel(...),") != nil {
            clause = parseClause(keywordRange: nil, closer: .rightBrace)
            _ = expectClosing(.rightBrace, after: "the traversal's clause")
        } else {
            clause = ClauseSyntax(atoms: [], range: .empty(at: previousEnd), keywordRange: nil)
        }
        let close = expectClosing(.rightParen, after: "exists(...)") ?? .empty(at: previousEnd)
        return AtomSyntax(kind: .exists(relation, clause), range: start.union(close), operatorRange: start)
    }

    /// `rel(_ | table, column, table, column)`.
    private mutating func parseRelation() -> RelationSyntax {
        let start = current.range
        let placeholder = NameSyntax(text: "", quoting: .bare, range: .empty(at: start.start))
        guard isKeyword(.rel) else {
            reportMissing(.syntaxExpectedRel, "rel(source, source_column, target, target_column)")
            return RelationSyntax(
                source: nil, sourceRange: .empty(at: previousEnd), sourceColumn: placeholder,
                target: TableNameSyntax(schema: nil, name: placeholder, range: placeholder.range),
                targetColumn: placeholder, range: .empty(at: previousEnd), keywordRange: .empty(at: previousEnd))
        }
        advance()
        _ = expect(.leftParen, after: "'rel'")
        var source: TableNameSyntax?
        let sourceRange: SourceRange
        if current.kind == .identifier, current.value == "_" {
            sourceRange = advance().range
        } else {
            source = parseTableName("'_' or the source table")
            sourceRange = source?.range ?? .empty(at: previousEnd)
        }
        _ = expect(.comma, after: "the source table")
        let sourceColumn = parseName("the source column") ?? NameSyntax(text: "", quoting: .bare, range: .empty(at: previousEnd))
        _ = expect(.comma, after: "the source column")
        let target =
            parseTableName("the target table")
            ?? TableNameSyntax(
                schema: nil, name: NameSyntax(text: "", quoting: .bare, range: .empty(at: previousEnd)),
                range: .empty(at: previousEnd))
        _ = expect(.comma, after: "the target table")
        let targetColumn = parseName("the target column") ?? NameSyntax(text: "", quoting: .bare, range: .empty(at: previousEnd))
        let close = expectClosing(.rightParen, after: "rel(...)") ?? .empty(at: previousEnd)
        return RelationSyntax(
            source: source, sourceRange: sourceRange, sourceColumn: sourceColumn, target: target,
            targetColumn: targetColumn, range: start.union(close), keywordRange: start)
    }
}
