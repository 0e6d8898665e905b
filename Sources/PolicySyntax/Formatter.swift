/// The canonical layout of `.policy` files (`pgpe fmt`, LSP formatting).
///
/// Keywords are upper case, function-style words lower case, one section per line, clauses with
/// traversals laid out over several lines, one blank line between items. Names keep their
/// quoting; comments are kept (own-line comments before the line that follows them, trailing
/// comments after the line that precedes them). Files with syntax errors are not formatted.
public struct Formatter {
    private let source: SourceFile
    private var lines: [FormattedLine] = []

    private init(source: SourceFile) {
        self.source = source
    }

    /// The formatted text of `parsed`, or `nil` when it has syntax errors.
    public static func format(_ parsed: ParsedFile) -> String? {
        guard !parsed.hasErrors else { return nil }
        var formatter = Formatter(source: parsed.source)
        for item in parsed.tree.items {
            switch item {
            case .policy(let policy): formatter.emit(policy)
            case .grant(let grant): formatter.emit(grant)
            case .govern(let govern): formatter.emit(govern)
            }
        }
        return formatter.render(comments: parsed.tree.comments)
    }

    /// Formats `text` (parsed as a file at `path`), or returns `nil` when it has syntax errors.
    public static func format(text: String, path: String = "<input>") -> String? {
        format(Parser.parse(text: text, path: path))
    }

    // MARK: - Items

    private mutating func line(_ indent: Int, _ text: String, _ range: SourceRange, startsItem: Bool = false) {
        lines.append(
            FormattedLine(
                indent: indent, text: text, anchorStart: range.start, anchorEnd: range.end,
                startsItem: startsItem))
    }

    private mutating func emit(_ policy: PolicyDeclSyntax) {
        let name = policy.name.map(Formatter.name) ?? ""
        line(0, "POLICY \(name)", policy.keywordRange.union(policy.name?.range ?? policy.keywordRange), startsItem: true)
        if let kind = policy.kind, let range = policy.kindRange {
            line(2, kind.rawValue, range)
        }
        if let commands = policy.commands {
            let text = commands.isAll ? "ALL" : commands.commands.map(\.rawValue).joined(separator: ", ")
            line(2, "FOR \(text)", commands.range)
        }
        if let rolesRange = policy.rolesRange, !policy.roles.isEmpty {
            line(2, "TO " + policy.roles.map(Formatter.name).joined(separator: ", "), rolesRange)
        }
        if let selector = policy.selector, let keyword = policy.selectorKeywordRange {
            line(2, "SELECTOR " + Formatter.selector(selector), keyword.union(selector.range))
        }
        for (index, clause) in policy.using.enumerated() {
            emit(clause, header: index == 0 ? "CLAUSE" : "OR CLAUSE", indent: 2)
        }
        if let check = policy.check {
            for (index, clause) in check.enumerated() {
                var range = clause.range
                if index == 0, let keyword = policy.checkKeywordRange { range = keyword.union(range) }
                emit(
                    ClauseSyntax(atoms: clause.atoms, range: range, keywordRange: clause.keywordRange),
                    header: index == 0 ? "WITH CHECK CLAUSE" : "OR CLAUSE", indent: 2)
            }
        }
    }

    private mutating func emit(_ grant: GrantDeclSyntax) {
        var privileges: [Privilege] = []
        for entry in grant.privileges where !privileges.contains(entry.privilege) {
            privileges.append(entry.privilege)
        }
        privileges.sort()
        let roles = grant.roles.map(Formatter.name).joined(separator: ", ")
        var header = grant.keywordRange
        if let last = grant.roles.last { header = header.union(last.range) }
        line(0, "GRANT " + privileges.map(\.rawValue).joined(separator: ", ") + " TO " + roles, header, startsItem: true)
        if let selector = grant.selector, let keyword = grant.selectorKeywordRange {
            line(2, "SELECTOR " + Formatter.selector(selector), keyword.union(selector.range))
        }
    }

    /// `GOVERN SELECTOR …` on one line.
    private mutating func emit(_ govern: GovernDeclSyntax) {
        guard let selector = govern.selector else { return }
        line(0, "GOVERN SELECTOR " + Formatter.selector(selector), govern.range, startsItem: true)
    }

    // MARK: - Clauses

    private static func containsTraversal(_ clause: ClauseSyntax) -> Bool {
        clause.atoms.contains { if case .exists = $0.kind { return true } else { return false } }
    }

    /// A clause after its header (`CLAUSE`, `OR CLAUSE`, `WITH CHECK CLAUSE`).
    private mutating func emit(_ clause: ClauseSyntax, header: String, indent: Int) {
        if !Formatter.containsTraversal(clause) {
            let text = clause.atoms.map(Formatter.atom).joined(separator: " AND ")
            line(indent, "\(header) \(text)", clause.range)
            return
        }
        let headerRange = clause.keywordRange ?? .empty(at: clause.range.start)
        line(indent, header, headerRange)
        emitAtoms(clause.atoms, indent: indent + 2)
    }

    /// Atoms one per line, the second and later prefixed with `AND`.
    private mutating func emitAtoms(_ atoms: [AtomSyntax], indent: Int) {
        for (index, atom) in atoms.enumerated() {
            let prefix = index == 0 ? "" : "AND "
            if case .exists(let relation, let inner) = atom.kind {
                line(indent, prefix + "exists(", atom.operatorRange)
                line(indent + 2, Formatter.relation(relation) + ",", relation.range)
                if Formatter.containsTraversal(inner) {
                    line(indent + 2, "{", .empty(at: inner.range.start))
                    emitAtoms(inner.atoms, indent: indent + 4)
                    line(indent + 2, "}", .empty(at: inner.range.end))
                } else {
                    line(indent + 2, "{" + inner.atoms.map(Formatter.atom).joined(separator: " AND ") + "}", inner.range)
                }
                line(indent, ")", .empty(at: atom.range.end - 1))
            } else {
                line(indent, prefix + Formatter.atom(atom), atom.range)
            }
        }
    }

    // MARK: - Pieces

    public static func name(_ name: NameSyntax) -> String {
        switch name.quoting {
        case .bare: return name.text
        case .double: return "\"" + name.text.doublingQuotes("\"") + "\""
        case .single: return string(name.text)
        }
    }

    public static func string(_ value: String) -> String {
        "'" + value.doublingQuotes("'") + "'"
    }

    public static func table(_ table: TableNameSyntax) -> String {
        (table.schema.map { name($0) + "." } ?? "") + name(table.name)
    }

    public static func relation(_ relation: RelationSyntax) -> String {
        let source = relation.source.map(table) ?? "_"
        return "rel(\(source), \(name(relation.sourceColumn)), \(table(relation.target)), \(name(relation.targetColumn)))"
    }

    public static func literal(_ literal: LiteralSyntax) -> String {
        switch literal.kind {
        case .string(let value): return string(value)
        case .integer(let value): return String(value)
        case .boolean(let value): return value ? "true" : "false"
        case .null: return "null"
        case .list(let elements): return "[" + elements.map(Formatter.literal).joined(separator: ", ") + "]"
        case .missing: return ""
        }
    }

    public static func value(_ value: ValueSyntax) -> String {
        switch value.kind {
        case .column(let column): return "col(\(name(column)))"
        case .outer(let column): return "outer(\(name(column)))"
        case .session(let key): return "session(\(string(key.value)))"
        case .literal(let literal): return "lit(\(Formatter.literal(literal)))"
        case .function(let call): return function(call)
        case .now: return "now()"
        case .missing: return ""
        }
    }

    public static func function(_ call: FunctionCallSyntax) -> String {
        "fn(\(name(call.name)), [" + call.arguments.map(Formatter.value).joined(separator: ", ") + "])"
    }

    public static func atom(_ atom: AtomSyntax) -> String {
        switch atom.kind {
        case .comparison(let lhs, let op, let rhs):
            return "\(value(lhs)) \(op.rawValue) \(value(rhs))"
        case .nullTest(let operand, let isNull):
            return "\(value(operand)) IS \(isNull ? "" : "NOT ")NULL"
        case .exists(let relation, let clause):
            return "exists(\(Formatter.relation(relation)), {" + clause.atoms.map(Formatter.atom).joined(separator: " AND ") + "})"
        case .function(let call):
            return function(call)
        case .raw(let sql):
            return "raw(\(string(sql.value)))"
        case .constant(let value):
            return value ? "true" : "false"
        case .missing:
            return ""
        }
    }

    public static func selector(_ selector: SelectorSyntax) -> String {
        switch selector.kind {
        case .all: return "ALL"
        case .hasColumn(let column, let type):
            return "has_column(\(name(column))" + (type.map { ", " + name($0) } ?? "") + ")"
        case .inSchema(let schema): return "in_schema(\(name(schema)))"
        case .named(let pattern): return "named(\(string(pattern.value)))"
        case .tagged(let tag): return "tagged(\(string(tag.value)))"
        case .not(let inner): return "NOT " + Formatter.selector(inner)
        case .and(let terms): return terms.map(Formatter.selector).joined(separator: " AND ")
        case .or(let terms): return terms.map(Formatter.selector).joined(separator: " OR ")
        case .parenthesized(let inner): return "(" + Formatter.selector(inner) + ")"
        case .missing: return ""
        }
    }

    // MARK: - Comments and output

    /// Whether only whitespace precedes `offset` on its source line.
    private func isOwnLine(_ offset: Int) -> Bool {
        var index = offset - 1
        let bytes = source.bytes
        while index >= 0 {
            switch bytes[index] {
            case 0x0A, 0x0D: return true
            case 0x20, 0x09, 0x0C, 0x0B: index -= 1
            default: return false
            }
        }
        return true
    }

    /// Whether a blank line separates the source bytes before `offset` from `offset`.
    private func blankLineBefore(_ offset: Int) -> Bool {
        var index = offset - 1
        var newlines = 0
        let bytes = source.bytes
        while index >= 0 {
            switch bytes[index] {
            case 0x0A:
                newlines += 1
                index -= 1
                if index >= 0, bytes[index] == 0x0D { index -= 1 }
            case 0x0D:
                newlines += 1
                index -= 1
            case 0x20, 0x09, 0x0C, 0x0B:
                index -= 1
            default:
                return newlines >= 2
            }
        }
        return false
    }

    private mutating func render(comments: [Comment]) -> String {
        var endComments: [Comment] = []
        for comment in comments {
            if isOwnLine(comment.range.start) {
                if let target = lines.firstIndex(where: { $0.anchorStart >= comment.range.end }) {
                    lines[target].leading.append(comment)
                } else {
                    endComments.append(comment)
                }
            } else if let target = lines.lastIndex(where: { $0.anchorStart < comment.range.start }) {
                lines[target].trailing.append(comment)
            } else if !lines.isEmpty {
                lines[0].leading.append(comment)
            } else {
                endComments.append(comment)
            }
        }
        var output = ""
        var first = true
        func newline() { output += "\n" }
        func pad(_ indent: Int) -> String { String(repeating: " ", count: indent) }
        for line in lines {
            if line.startsItem && !first { newline() }
            for (index, comment) in line.leading.enumerated() {
                if index > 0, blankLineBefore(comment.range.start) { newline() }
                output += pad(line.indent) + source.text(in: comment.range)
                newline()
            }
            if let last = line.leading.last, line.startsItem, blankLineFollows(last) { newline() }
            var text = pad(line.indent) + line.text
            var extra: [String] = []
            for (index, comment) in line.trailing.enumerated() {
                if index == 0 {
                    text += " " + source.text(in: comment.range)
                } else {
                    extra.append(pad(line.indent) + source.text(in: comment.range))
                }
            }
            output += text
            newline()
            for item in extra {
                output += item
                newline()
            }
            first = false
        }
        for comment in endComments {
            if !first, blankLineBefore(comment.range.start) { newline() }
            output += source.text(in: comment.range)
            newline()
            first = false
        }
        return output
    }

    /// Whether a blank line follows the comment in the source.
    private func blankLineFollows(_ comment: Comment) -> Bool {
        let bytes = source.bytes
        var index = comment.range.end
        var newlines = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                newlines += 1
                index += 1
            case 0x0D:
                newlines += 1
                index += 1
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            case 0x20, 0x09, 0x0C, 0x0B:
                index += 1
            default:
                return newlines >= 2
            }
        }
        return false
    }
}
