import PolicySyntax
import SQLExpression

extension SQLCursor {
    /// Words that may follow `interval`.
    static let intervalFields: Set<String> = ["year", "month", "day", "hour", "minute", "second", "to"]

    /// Whether `first` followed by `second` starts one of the multi-word built-in type names
    /// (`double precision`, `character varying`, `timestamp with time zone`, ...).
    static func startsMultiWordType(_ first: SQLToken, _ second: SQLToken?) -> Bool {
        guard first.kind == .word, let second, second.kind == .word else { return false }
        switch first.text {
        case "double": return second.text == "precision"
        case "character", "char", "nchar", "bit": return second.text == "varying"
        case "national": return second.text == "character" || second.text == "char"
        case "timestamp", "time": return second.text == "with" || second.text == "without"
        case "interval": return intervalFields.contains(second.text)
        default: return false
        }
    }

    /// Consumes a type when one is next: a built-in spelling with its modifiers, or a dotted
    /// user type name, then array markers and `%TYPE`.
    mutating func typeSpec() -> SQLTypeSpec? {
        guard let first = peek(), first.isIdentifier else { return nil }
        let startIndex = index
        var builtinText: String?
        let name: SQLName
        if first.kind == .word, !isKind(.dot, at: 1) {
            advance()
            name = SQLName(parts: [first.text], quoted: [false], range: first.range)
            var words = first.text
            switch first.text {
            case "double":
                if accept(word: "precision") { words += " precision" }
            case "national":
                if accept(word: "character") { words += " character" } else if accept(word: "char") { words += " char" }
                if accept(word: "varying") { words += " varying" }
            case "character", "char", "nchar", "bit":
                if accept(word: "varying") { words += " varying" }
            case "timestamp", "time":
                if isKind(.leftParen) { skipGroupOrToken() }
                if accept(words: "with", "time", "zone") {
                    words += " with time zone"
                } else if accept(words: "without", "time", "zone") {
                    words += " without time zone"
                }
            case "interval":
                while let next = peek(), next.kind == .word, Self.intervalFields.contains(next.text) {
                    advance()
                    if isKind(.leftParen) { skipGroupOrToken() }
                }
            default:
                break
            }
            if isKind(.leftParen) {
                words += "(" + groupText() + ")"
            }
            builtinText = words
        } else if let dotted = self.name() {
            name = dotted
            // Modifiers of user types, e.g. `public.geometry(Point, 4326)`.
            if isKind(.leftParen) { skipGroupOrToken() }
        } else {
            return nil
        }
        var isAnchored = false
        if let percent = peek(), percent.kind == .op, percent.text == "%", isWord("type", at: 1) || isWord("rowtype", at: 1) {
            advance()
            advance()
            isAnchored = true
        }
        var arrayDepth = 0
        while true {
            if isKind(.leftBracket) {
                skipGroupOrToken()
                arrayDepth += 1
            } else if accept(word: "array") {
                arrayDepth += 1
                if isKind(.leftBracket) { skipGroupOrToken() }
            } else {
                break
            }
        }
        let range = SourceRange(start: tokens[startIndex].start, end: tokens[max(startIndex, index - 1)].end)
        return SQLTypeSpec(
            name: name, builtinText: builtinText, arrayDepth: arrayDepth, isAnchored: isAnchored,
            range: range)
    }

    /// Consumes a parenthesized group and returns the texts of the tokens inside it, joined
    /// with commas where the SQL had them (`(12, 2)` gives `12,2`).
    mutating func groupText() -> String {
        guard isKind(.leftParen) else { return "" }
        let groupEnd = matchingParenEnd() ?? end
        advance()
        var text = ""
        while index < groupEnd - 1, let token = peek() {
            text += token.kind == .comma ? "," : token.text
            advance()
        }
        move(to: groupEnd)
        return text
    }
}
