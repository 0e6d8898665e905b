import PolicySyntax

/// Finds the construct at a byte offset of a parsed `.policy` file (hover, definition,
/// references, rename). Works on trees with syntax errors: it finds what the parser kept.
public enum SyntaxLookup {
    /// The innermost construct at `offset`, or `nil` outside every item.
    public static func hit(at offset: Int, in file: ParsedFile) -> SyntaxHit? {
        guard let item = file.tree.items.first(where: { $0.range.contains(offset) }) else { return nil }
        switch item {
        case .policy(let policy):
            return hit(in: policy, item: item, offset: offset, file: file)
        case .grant(let grant):
            for role in grant.roles where role.range.contains(offset) {
                return SyntaxHit(element: .role(role), range: role.range, item: item, traversals: [], clause: nil)
            }
            if let selector = grant.selector, selector.range.contains(offset) {
                return hit(in: selector, item: item, offset: offset)
            }
            return SyntaxHit(
                element: .grantHeader, range: token(at: offset, in: file)?.range ?? grant.keywordRange, item: item,
                traversals: [], clause: nil)
        case .govern(let govern):
            if let selector = govern.selector, selector.range.contains(offset) {
                return hit(in: selector, item: item, offset: offset)
            }
            return SyntaxHit(
                element: .governHeader, range: token(at: offset, in: file)?.range ?? govern.keywordRange, item: item,
                traversals: [], clause: nil)
        }
    }

    /// The token covering `offset` (its end counts), preferring the one that starts there.
    public static func token(at offset: Int, in file: ParsedFile) -> Token? {
        let tokens = file.tokens
        var low = 0
        var high = tokens.count - 1
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.end < offset { low = mid + 1 } else { high = mid }
        }
        guard low < tokens.count, tokens[low].kind != .endOfFile else { return nil }
        if tokens[low].range.end == offset, low + 1 < tokens.count, tokens[low + 1].range.start == offset,
            tokens[low + 1].kind != .endOfFile
        {
            return tokens[low + 1]
        }
        return tokens[low].range.contains(offset) ? tokens[low] : nil
    }

    private static func hit(in policy: PolicyDeclSyntax, item: ItemSyntax, offset: Int, file: ParsedFile) -> SyntaxHit? {
        if let name = policy.name, name.range.contains(offset) {
            return SyntaxHit(element: .policyName(name), range: name.range, item: item, traversals: [], clause: nil)
        }
        for role in policy.roles where role.range.contains(offset) {
            return SyntaxHit(element: .role(role), range: role.range, item: item, traversals: [], clause: nil)
        }
        if let selector = policy.selector, selector.range.contains(offset) {
            return hit(in: selector, item: item, offset: offset)
        }
        for clause in policy.using + (policy.check ?? []) where clause.range.contains(offset) {
            if let found = hit(in: clause, item: item, offset: offset, traversals: []) { return found }
        }
        let range = token(at: offset, in: file)?.range ?? policy.keywordRange
        return SyntaxHit(element: .policyHeader, range: range, item: item, traversals: [], clause: nil)
    }

    private static func hit(in selector: SelectorSyntax, item: ItemSyntax, offset: Int) -> SyntaxHit {
        switch selector.kind {
        case .hasColumn(let name, let type):
            if name.range.contains(offset) {
                return SyntaxHit(element: .selectorColumn(name), range: name.range, item: item, traversals: [], clause: nil)
            }
            if let type, type.range.contains(offset) {
                return SyntaxHit(element: .typeName(type), range: type.range, item: item, traversals: [], clause: nil)
            }
        case .not(let inner), .parenthesized(let inner):
            if inner.range.contains(offset) {
                return hit(in: inner, item: item, offset: offset)
            }
        case .and(let terms), .or(let terms):
            if let term = terms.first(where: { $0.range.contains(offset) }) {
                return hit(in: term, item: item, offset: offset)
            }
        default:
            break
        }
        return SyntaxHit(element: .selector(selector), range: selector.range, item: item, traversals: [], clause: nil)
    }

    private static func hit(in clause: ClauseSyntax, item: ItemSyntax, offset: Int, traversals: [RelationSyntax]) -> SyntaxHit? {
        for atom in clause.atoms where atom.range.contains(offset) {
            func make(_ element: SyntaxElement, _ range: SourceRange) -> SyntaxHit {
                SyntaxHit(element: element, range: range, item: item, traversals: traversals, clause: clause)
            }
            switch atom.kind {
            case .comparison(let lhs, _, let rhs):
                for value in [lhs, rhs] where value.range.contains(offset) {
                    if let found = hit(in: value, offset: offset, make: make) { return found }
                }
            case .nullTest(let value, _):
                if value.range.contains(offset), let found = hit(in: value, offset: offset, make: make) { return found }
            case .function(let call):
                return hit(in: call, offset: offset, make: make)
            case .raw(let sql):
                return make(.raw(sql), sql.range.contains(offset) ? sql.range : atom.operatorRange)
            case .constant(let value):
                return make(.constant(value), atom.range)
            case .exists(let relation, let inner):
                if relation.range.contains(offset) {
                    if let source = relation.source, source.range.contains(offset) {
                        return make(.relationTable(source, relation, isSource: true), source.range)
                    }
                    if relation.sourceColumn.range.contains(offset) {
                        return make(.relationColumn(relation.sourceColumn, relation, isSource: true), relation.sourceColumn.range)
                    }
                    if relation.target.range.contains(offset) {
                        return make(.relationTable(relation.target, relation, isSource: false), relation.target.range)
                    }
                    if relation.targetColumn.range.contains(offset) {
                        return make(.relationColumn(relation.targetColumn, relation, isSource: false), relation.targetColumn.range)
                    }
                    return make(.relation(relation), relation.keywordRange)
                }
                if inner.range.contains(offset), let found = hit(in: inner, item: item, offset: offset, traversals: traversals + [relation])
                {
                    return found
                }
                if atom.operatorRange.contains(offset) { return make(.relation(relation), atom.operatorRange) }
            case .missing:
                break
            }
        }
        return nil
    }

    private static func hit(in value: ValueSyntax, offset: Int, make: (SyntaxElement, SourceRange) -> SyntaxHit) -> SyntaxHit? {
        switch value.kind {
        case .column(let name):
            return make(.column(name), name.range.contains(offset) ? name.range : value.keywordRange)
        case .outer(let name):
            return make(.outerColumn(name), name.range.contains(offset) ? name.range : value.keywordRange)
        case .session(let key):
            return make(.session(key), key.range.contains(offset) ? key.range : value.keywordRange)
        case .literal(let literal):
            return make(.literal(literal), literal.range.contains(offset) ? literal.range : value.keywordRange)
        case .function(let call):
            return hit(in: call, offset: offset, make: make)
        case .now:
            return make(.now, value.range)
        case .missing:
            return nil
        }
    }

    private static func hit(in call: FunctionCallSyntax, offset: Int, make: (SyntaxElement, SourceRange) -> SyntaxHit) -> SyntaxHit {
        for argument in call.arguments where argument.range.contains(offset) {
            if let found = hit(in: argument, offset: offset, make: make) { return found }
        }
        return make(.function(call), call.name.range.contains(offset) ? call.name.range : call.keywordRange)
    }
}
