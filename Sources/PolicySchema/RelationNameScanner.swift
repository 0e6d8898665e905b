import PolicySyntax
import SQLExpression

/// A best-effort scan of SQL tokens for the relations a query or a routine body reads or writes:
/// the names after FROM (and the comma-separated list that follows it), JOIN, INTO and UPDATE.
/// Names that are not tables or views (a CTE, a PL/pgSQL variable after INTO) are dropped when
/// the caller resolves them.
enum RelationNameScanner {
    /// Words after which a relation name follows.
    private static let introducers: Set<String> = ["from", "join", "into", "update"]
    /// Words that may stand between an introducer and the name.
    private static let skipped: Set<String> = ["only", "lateral", "table"]
    /// Words that end a FROM item (so they are not taken for an alias).
    private static let clauseWords: Set<String> = [
        "where", "join", "on", "using", "group", "order", "limit", "offset", "having", "window", "union", "intersect",
        "except", "left", "right", "inner", "full", "cross", "natural", "set", "returning", "for", "values", "select",
        "default", "tablesample", "with", "fetch", "into", "as", "loop", "then", "end", "from", "in", "if", "do", "else",
    ]

    /// The names in `tokens`, in order, repeats included.
    static func names(in tokens: [SQLToken]) -> [SQLName] {
        var found: [SQLName] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.kind == .word, introducers.contains(token.text) else { continue }
            let isFrom = token.text == "from"
            while true {
                while index < tokens.count, tokens[index].kind == .word, skipped.contains(tokens[index].text) { index += 1 }
                guard let (name, next) = name(in: tokens, at: index) else { break }
                found.append(name)
                index = next
                // An alias: `t AS x`, `t x`.
                if index < tokens.count, tokens[index].isWord("as") { index += 1 }
                if index < tokens.count, tokens[index].isIdentifier,
                    !(tokens[index].kind == .word && clauseWords.contains(tokens[index].text))
                {
                    index += 1
                    if index < tokens.count, tokens[index].kind == .leftParen { index = skipGroup(tokens, from: index) }
                }
                guard isFrom, index < tokens.count, tokens[index].kind == .comma else { break }
                index += 1
            }
        }
        return found
    }

    /// The dotted name starting at `index` and the index after it; nil when none starts there
    /// (a sub-select in parentheses, a function call).
    private static func name(in tokens: [SQLToken], at index: Int) -> (SQLName, Int)? {
        guard index < tokens.count, tokens[index].isIdentifier else { return nil }
        var parts = [tokens[index].text]
        var quoted = [tokens[index].kind == .quotedIdentifier]
        var range = tokens[index].range
        var position = index + 1
        while position + 1 < tokens.count, tokens[position].kind == .dot, tokens[position + 1].isIdentifier {
            parts.append(tokens[position + 1].text)
            quoted.append(tokens[position + 1].kind == .quotedIdentifier)
            range = range.union(tokens[position + 1].range)
            position += 2
        }
        // `from generate_series(...)` is a function, not a relation.
        if position < tokens.count, tokens[position].kind == .leftParen { return nil }
        return (SQLName(parts: parts, quoted: quoted, range: range), position)
    }

    /// The index after the group whose `(` is at `index`.
    private static func skipGroup(_ tokens: [SQLToken], from index: Int) -> Int {
        var depth = 0
        var position = index
        while position < tokens.count {
            switch tokens[position].kind {
            case .leftParen: depth += 1
            case .rightParen:
                depth -= 1
                if depth == 0 { return position + 1 }
            default: break
            }
            position += 1
        }
        return position
    }

    /// The names a routine body's text reads or writes (the text of a `$$...$$` or `'...'` body).
    static func names(inBody body: String) -> [SQLName] {
        var tokenizer = SQLTokenizer(bytes: Array(body.utf8))
        var tokens: [SQLToken] = []
        while let token = tokenizer.next() {
            // A nested dollar-quoted string (EXECUTE format($q$...$q$)) is read as text too.
            tokens.append(token)
        }
        return names(in: tokens)
    }
}
