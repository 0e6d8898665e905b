/// Prints an SQL expression tree as PostgreSQL prints expressions (`pg_get_expr` with its
/// indentation: sub-selects' `FROM` and `WHERE` and `CASE`'s branches on their own lines).
///
/// Parentheses are printed where the tree has them (the reader keeps the ones the text wrote),
/// so a text PostgreSQL printed reads and prints back to itself. Names are quoted exactly when
/// PostgreSQL would quote them, keywords are in upper case, strings are single-quoted with `''`.
public struct SQLExpressionPrinter {
    /// PostgreSQL's `PRETTYINDENT_STD`, `PRETTYINDENT_JOIN`, `PRETTYINDENT_VAR`, `PRETTYINDENT_LIMIT`.
    private static let standardIndent = 8
    private static let joinIndent = 4
    private static let variableIndent = 4
    private static let indentLimit = 40

    private var out = ""
    private var indentLevel: Int

    private init(indentLevel: Int) {
        self.indentLevel = indentLevel
    }

    /// The text of `expression`.
    public static func print(_ expression: SQLExpr) -> String {
        var printer = SQLExpressionPrinter(indentLevel: 0)
        printer.expression(expression)
        return printer.out
    }

    /// `name` as PostgreSQL's `quote_identifier` writes it: bare when it is a lower-case word
    /// that is no keyword, else in double quotes with `"` doubled.
    public static func identifier(_ name: String) -> String {
        var plain = !name.isEmpty
        for (index, byte) in name.utf8.enumerated() {
            let lower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !(lower || byte == UInt8(ascii: "_") || (digit && index > 0)) {
                plain = false
                break
            }
        }
        if plain,
            SQLKeywords.reserved.contains(name) || SQLKeywords.typeOrFunctionName.contains(name) || SQLKeywords.columnName.contains(name)
        {
            plain = false
        }
        return plain ? name : "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `value` as a string constant: single quotes, `'` doubled.
    public static func literal(_ value: String) -> String {
        "'" + value.replacingAll("'", with: "''") + "'"
    }

    // MARK: - Layout

    /// PostgreSQL's `appendContextKeyword`: a new line, indented, then `keyword`.
    private mutating func contextKeyword(_ keyword: String, before: Int, after: Int, plus: Int) {
        indentLevel += before
        removeTrailingSpaces()
        out += "\n"
        var amount: Int
        if indentLevel < Self.indentLimit {
            amount = max(indentLevel, 0) + plus
        } else {
            amount = Self.indentLimit + (indentLevel - Self.indentLimit) / (Self.standardIndent / 2)
            amount %= Self.indentLimit
            amount += plus
        }
        out += String(repeating: " ", count: amount) + keyword
        indentLevel = max(indentLevel + after, 0)
    }

    private mutating func removeTrailingSpaces() {
        while out.utf8.last == UInt8(ascii: " ") { out.removeLast() }
    }

    /// Appends the items `print` writes, separated as PostgreSQL's wrapping lists are (a comma,
    /// then each item after the first on a new line unless it starts one itself).
    private mutating func wrappedList<T>(_ items: [T], first separator: String, _ print: (inout SQLExpressionPrinter, T) -> Void) {
        for (index, item) in items.enumerated() {
            out += index == 0 ? separator : ", "
            var itemPrinter = SQLExpressionPrinter(indentLevel: indentLevel)
            print(&itemPrinter, item)
            if itemPrinter.out.hasPrefix("\n") {
                removeTrailingSpaces()
            } else if index > 0 {
                contextKeyword("", before: -Self.standardIndent, after: Self.standardIndent, plus: Self.variableIndent)
            }
            out += itemPrinter.out
        }
    }

    // MARK: - Expressions

    private mutating func list(_ items: [SQLExpr]) {
        for (index, item) in items.enumerated() {
            if index > 0 { out += ", " }
            expression(item)
        }
    }

    private mutating func names(_ names: [SQLIdentifier]) {
        out += names.map { Self.identifier($0.name) }.joined(separator: ".")
    }

    private mutating func expression(_ node: SQLExpr) {
        switch node.kind {
        case .column(let parts): names(parts)
        case .star(let qualifier):
            names(qualifier)
            out += qualifier.isEmpty ? "*" : ".*"
        case .string(let value): out += Self.literal(value)
        case .number(let text): out += text
        case .boolean(let value): out += value ? "true" : "false"
        case .null: out += "NULL"
        case .parameter(let text): out += text
        case .cast(let inner, let type, let syntax):
            if syntax == .castFunction {
                out += "CAST("
                expression(inner)
                out += " AS "
                typeName(type)
                out += ")"
            } else {
                expression(inner)
                out += "::"
                typeName(type)
            }
        case .call(let name, let arguments, true) where name.map(\.name) == ["extract"] && arguments.count == 2:
            out += "EXTRACT("
            expression(arguments[0].value)
            out += " FROM "
            expression(arguments[1].value)
            out += ")"
        case .call(let name, let arguments, let keyword):
            if keyword { out += name.map { $0.name.uppercased() }.joined(separator: ".") } else { names(name) }
            out += "("
            for (index, argument) in arguments.enumerated() {
                if index > 0 { out += ", " }
                if let name = argument.name { out += Self.identifier(name.name) + " => " }
                expression(argument.value)
            }
            out += ")"
        case .sqlValue(let keyword, let precision):
            out += keyword
            if let precision { out += "(\(precision))" }
        case .prefix(let op, let operand):
            // PostgreSQL writes a space after every prefix operator: `(- level)`, `(+ 1)`.
            out += op + " "
            expression(operand)
        case .logical(let op, let items):
            for (index, item) in items.enumerated() {
                if index > 0 { out += " \(op) " }
                expression(item)
            }
        case .binary(let op, let left, let right):
            expression(left)
            out += " \(op) "
            expression(right)
        case .isTest(let operand, let test, let negated):
            expression(operand)
            out += negated ? " IS NOT \(test)" : " IS \(test)"
        case .distinctFrom(let left, let right, let negated):
            expression(left)
            out += negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM "
            expression(right)
        case .between(let operand, let low, let high, let negated, let symmetric):
            expression(operand)
            out += negated ? " NOT BETWEEN " : " BETWEEN "
            if symmetric { out += "SYMMETRIC " }
            expression(low)
            out += " AND "
            expression(high)
        case .inList(let operand, let items, let negated):
            expression(operand)
            out += negated ? " NOT IN (" : " IN ("
            list(items)
            out += ")"
        case .inSelect(let operand, let query, let negated):
            expression(operand)
            enclosed(negated ? " NOT IN (" : " IN (", query)
        case .quantified(let left, let op, let quantifier, let right):
            expression(left)
            out += " \(op) \(quantifier) ("
            if case .subquery(let query) = right.kind { select(query) } else { expression(right) }
            out += ")"
        case .exists(let query): enclosed("EXISTS (", query)
        case .subquery(let query): enclosed("(", query)
        case .array(let items, let bracketsOnly):
            out += bracketsOnly ? "[" : "ARRAY["
            list(items)
            out += "]"
        case .arraySelect(let query): enclosed("ARRAY(", query)
        case .row(let items, let explicit):
            out += explicit ? "ROW(" : "("
            list(items)
            out += ")"
        case .caseWhen(let operand, let branches, let elseResult):
            contextKeyword("CASE", before: 0, after: Self.variableIndent, plus: 0)
            if let operand {
                out += " "
                expression(operand)
            }
            for branch in branches {
                contextKeyword("WHEN ", before: 0, after: 0, plus: 0)
                expression(branch.condition)
                out += " THEN "
                expression(branch.result)
            }
            if let elseResult {
                contextKeyword("ELSE ", before: 0, after: 0, plus: 0)
                expression(elseResult)
            }
            contextKeyword("END", before: -Self.variableIndent, after: 0, plus: 0)
        case .element(let base, let lower, let upper, let slice):
            expression(base)
            out += "["
            if let lower { expression(lower) }
            if slice { out += ":" }
            if let upper { expression(upper) }
            out += "]"
        case .parenthesized(let inner):
            out += "("
            expression(inner)
            out += ")"
        case .field(let base, let name):
            expression(base)
            out += "." + (name.map { Self.identifier($0.name) } ?? "*")
        case .error(let text, _):
            out += text
        }
    }

    private mutating func typeName(_ type: SQLTypeName) {
        if let schema = type.schema { out += Self.identifier(schema.name) + "." }
        var name = type.name.quoted || type.schema != nil ? Self.identifier(type.name.name) : type.name.name
        var zone = ""
        if !type.name.quoted, type.schema == nil, !type.modifiers.isEmpty,
            let space = name.firstIndex(of: " "), ["time", "timestamp"].contains(name[..<space])
        {
            // `timestamp(3) with time zone`: the modifiers go after the first word.
            zone = String(name[space...])
            name = String(name[..<space])
        }
        out += name
        if !type.modifiers.isEmpty {
            out += "("
            for (index, modifier) in type.modifiers.enumerated() {
                if index > 0 { out += "," }
                expression(modifier)
            }
            out += ")"
        }
        out += zone + String(repeating: "[]", count: type.arrayDepth)
    }

    // MARK: - Sub-selects

    /// `opening`, the sub-select, `)`.
    private mutating func enclosed(_ opening: String, _ query: SQLSelect) {
        out += opening
        select(query)
        out += ")"
    }

    private mutating func select(_ query: SQLSelect) {
        let saved = indentLevel
        defer { indentLevel = saved }
        indentLevel += Self.standardIndent
        if query.trailing.count == 1, query.trailing[0].keyword.isEmpty, query.trailing[0].range == query.range {
            // A sub-select kept whole as text (`WITH …`, `VALUES …`).
            out += " " + query.trailing[0].text
            return
        }
        out += " SELECT"
        if query.distinct { out += " DISTINCT" }
        wrappedList(query.targets, first: " ") { printer, target in
            printer.expression(target.expression)
            if let alias = target.alias { printer.out += " AS " + Self.identifier(alias.name) }
        }
        if !query.from.isEmpty {
            contextKeyword(" FROM ", before: -Self.standardIndent, after: Self.standardIndent, plus: 2)
            wrappedList(query.from, first: "") { printer, item in printer.fromItem(item) }
        }
        if let condition = query.whereCondition {
            contextKeyword(" WHERE ", before: -Self.standardIndent, after: Self.standardIndent, plus: 1)
            expression(condition)
        }
        for clause in query.trailing {
            if clause.keyword.isEmpty {
                out += " " + clause.text
                continue
            }
            let plus = clause.keyword == "GROUP BY" || clause.keyword == "ORDER BY" ? 1 : 0
            contextKeyword(" \(clause.keyword) ", before: -Self.standardIndent, after: Self.standardIndent, plus: plus)
            out += clause.text
        }
    }

    private mutating func fromItem(_ item: SQLFromItem) {
        switch item {
        case .table(let name, let alias, let only, _):
            if only { out += "ONLY " }
            names(name)
            if let alias { out += " " + Self.identifier(alias.name) }
        case .join(let left, let kind, let right, let on, _):
            fromItem(left)
            contextKeyword(" \(kind) ", before: -Self.standardIndent, after: Self.standardIndent, plus: Self.joinIndent)
            fromItem(right)
            if let on {
                if case .error(let text, _) = on.kind {
                    out += " " + text
                } else {
                    out += " ON "
                    expression(on)
                }
            }
        case .parenthesized(let inner, _):
            out += "("
            fromItem(inner)
            out += ")"
        case .subquery(let query, let alias, _):
            enclosed("(", query)
            if let alias { out += " " + Self.identifier(alias.name) }
        case .function(let call, let alias, _):
            expression(call)
            if let alias { out += " " + Self.identifier(alias.name) }
        case .error(let text, _):
            out += text
        }
    }
}
