import PolicySyntax

/// Semantic highlighting: tokens classified by the lexer and, where the meaning depends on the
/// position (a keyword spelled as a column name, `null` in `lit()` or in `IS NULL`), by the tree.
public enum SemanticTokenProvider {
    /// The classified tokens of the policy file at `path`, in order, split at line breaks (none
    /// when the snapshot has no such file).
    public static func tokens(in path: String, snapshot: WorkspaceSnapshot) -> [SemanticToken] {
        snapshot.file(path).map { tokens(in: $0) } ?? []
    }

    /// The classified tokens of `file`, in order, split at line breaks.
    public static func tokens(in file: ParsedFile) -> [SemanticToken] {
        var overrides: [Int: SemanticTokenType?] = [:]
        var declarations = Set<Int>()
        for item in file.tree.items {
            switch item {
            case .policy(let policy):
                if let name = policy.name {
                    overrides[name.range.start] = .some(.class)
                    declarations.insert(name.range.start)
                }
                for role in policy.roles { overrides[role.range.start] = .some(nil) }
                if let selector = policy.selector { classify(selector, into: &overrides) }
                for clause in policy.using + (policy.check ?? []) { classify(clause, into: &overrides) }
            case .grant(let grant):
                for role in grant.roles { overrides[role.range.start] = .some(nil) }
                if let selector = grant.selector { classify(selector, into: &overrides) }
            case .govern(let govern):
                if let selector = govern.selector { classify(selector, into: &overrides) }
            }
        }
        var result: [SemanticToken] = []
        let tokens = file.tokens
        for (index, token) in tokens.enumerated() {
            let type: SemanticTokenType?
            if let override = overrides[token.range.start] {
                type = override
            } else {
                switch token.kind {
                case .identifier:
                    if let keyword = Keyword.lookup(token.value) {
                        let call = index + 1 < tokens.count && tokens[index + 1].kind == .leftParen
                        if keyword.isFunctionStyle {
                            type = call ? .function : nil
                        } else if keyword.isLiteralWord && keyword != .null {
                            type = .enumMember
                        } else {
                            type = .keyword
                        }
                    } else {
                        type = nil
                    }
                case .string: type = .string
                case .integer: type = .number
                case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual: type = .operator
                default: type = nil
                }
            }
            guard let type else { continue }
            let modifiers: Set<SemanticTokenModifier> = declarations.contains(token.range.start) ? [.declaration] : []
            result.append(SemanticToken(range: token.range, type: type, modifiers: modifiers))
        }
        for comment in file.tree.comments {
            for piece in split(comment.range, in: file.source) {
                result.append(SemanticToken(range: piece, type: .comment))
            }
        }
        return result.sorted { $0.range.start < $1.range.start }
    }

    /// `range` cut at line breaks (the breaks themselves left out), empty pieces dropped.
    static func split(_ range: SourceRange, in source: SourceFile) -> [SourceRange] {
        let table = source.lineTable
        let first = table.lineIndex(of: range.start)
        let last = table.lineIndex(of: range.end)
        guard first != last else { return [range] }
        var pieces: [SourceRange] = []
        for line in first...last {
            let start = line == first ? range.start : table.lineStarts[line]
            let end = line == last ? range.end : table.lineContentEnd(line, in: source.bytes)
            if end > start { pieces.append(SourceRange(start: start, end: end)) }
        }
        return pieces
    }

    private static func classify(_ selector: SelectorSyntax, into overrides: inout [Int: SemanticTokenType?]) {
        switch selector.kind {
        case .hasColumn(let name, let type):
            overrides[name.range.start] = .some(.property)
            if let type { overrides[type.range.start] = .some(.type) }
        case .inSchema(let name):
            overrides[name.range.start] = .some(nil)
        case .not(let inner), .parenthesized(let inner):
            classify(inner, into: &overrides)
        case .and(let terms), .or(let terms):
            for term in terms { classify(term, into: &overrides) }
        case .all, .named, .tagged, .missing:
            break
        }
    }

    private static func classify(_ clause: ClauseSyntax, into overrides: inout [Int: SemanticTokenType?]) {
        for atom in clause.atoms {
            switch atom.kind {
            case .comparison(let lhs, _, let rhs):
                classify(lhs, into: &overrides)
                classify(rhs, into: &overrides)
            case .nullTest(let value, _):
                classify(value, into: &overrides)
            case .function(let call):
                classify(call, into: &overrides)
            case .exists(let relation, let inner):
                if let source = relation.source { name(source, into: &overrides) }
                overrides[relation.sourceColumn.range.start] = .some(.property)
                name(relation.target, into: &overrides)
                overrides[relation.targetColumn.range.start] = .some(.property)
                classify(inner, into: &overrides)
            case .raw, .constant, .missing:
                break
            }
        }
    }

    private static func name(_ table: TableNameSyntax, into overrides: inout [Int: SemanticTokenType?]) {
        if let schema = table.schema { overrides[schema.range.start] = .some(nil) }
        overrides[table.name.range.start] = .some(nil)
    }

    private static func classify(_ value: ValueSyntax, into overrides: inout [Int: SemanticTokenType?]) {
        switch value.kind {
        case .column(let name), .outer(let name):
            overrides[name.range.start] = .some(.property)
        case .literal(let literal):
            classify(literal, into: &overrides)
        case .function(let call):
            classify(call, into: &overrides)
        case .session, .now, .missing:
            break
        }
    }

    private static func classify(_ call: FunctionCallSyntax, into overrides: inout [Int: SemanticTokenType?]) {
        overrides[call.name.range.start] = .some(.function)
        for argument in call.arguments { classify(argument, into: &overrides) }
    }

    private static func classify(_ literal: LiteralSyntax, into overrides: inout [Int: SemanticTokenType?]) {
        switch literal.kind {
        case .boolean, .null:
            overrides[literal.range.start] = .some(.enumMember)
        case .list(let elements):
            for element in elements { classify(element, into: &overrides) }
        case .string, .integer, .missing:
            break
        }
    }
}
