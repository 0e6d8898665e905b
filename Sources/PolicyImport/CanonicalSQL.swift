import SQLExpression

/// A canonical text of an expression, for deciding whether a lifted policy compiles back to
/// the original (SPEC 11.6 certificates). Two texts with the same canonical form have the same
/// meaning as a policy's predicate: parentheses and trivial sub-selects `(SELECT x AS a)` are
/// dropped, the spellings of `current_setting('k')` are one, casts of constants are dropped
/// (PostgreSQL prints the cast to the compared column's type), `x = true` is `x`, a column's
/// `c = false` is `NOT c`, `~~` is
/// `LIKE`, `= ANY (ARRAY[…])` is `IN (…)`, comparisons are oriented and the operands of AND, OR
/// and IN lists sorted, `public.` and `pg_catalog.` are dropped from function names, columns
/// are named by the depth of their scope (`$0` the policy's table, `$1` a sub-select's), and a
/// correlated `EXISTS (SELECT … FROM T WHERE T.c = row.c AND p)` outside NOT (what the compiler
/// writes since issue 16) is `row.c IN (SELECT T.c FROM T WHERE p)` (what it wrote before, and
/// what people write); `true` drops from an AND (and
/// `false` from an OR), as the normal form drops them (the same rows pass: where NULLs
/// make IN unknown, EXISTS is false, and a predicate admits only on true).
enum CanonicalSQL {
    /// The canonical text of `expression`, a predicate on the table named `table`.
    static func text(_ expression: SQLExpr, table: String) -> String {
        var canonicalizer = Canonicalizer(table: table, scopes: [])
        return canonicalizer.text(expression, positive: true)
    }
}

/// The walk behind `CanonicalSQL`: the policy's table name and the qualifiers of the
/// sub-selects entered so far.
private struct Canonicalizer {
    let table: String
    var scopes: [Set<String>]

    mutating func text(_ expression: SQLExpr, positive: Bool) -> String {
        if let inner = expression.trivialSubSelect { return text(inner, positive: positive) }
        if let key = expression.currentSettingKey {
            // A reading that keeps an empty setting as '' means something else than the NULLIF form.
            let name = expression.currentSettingKeepsEmpty ? "current_setting_keeping_empty(" : "current_setting("
            return name + SQLExpressionPrinter.literal(key) + ")"
        }
        switch expression.kind {
        case .parenthesized(let inner):
            return text(inner, positive: positive)
        case .string(let value):
            return SQLExpressionPrinter.literal(value)
        case .number(let digits):
            return digits
        case .boolean(let flag):
            return flag ? "true" : "false"
        case .null:
            return "NULL"
        case .sqlValue(let name, let precision):
            // CURRENT_ROLE is CURRENT_USER (PostgreSQL keeps the spelling).
            let value = name.uppercased() == "CURRENT_ROLE" ? "current_user" : name.lowercased()
            return value + (precision.map { "(" + $0 + ")" } ?? "")
        case .column(let parts):
            return column(parts)
        case .cast(let inner, let type, _):
            if let digits = inner.stringConstant, Double(digits) != nil { return digits }
            if Lifter.isLiteral(inner) { return text(inner, positive: positive) }
            let modifiers = type.modifiers.isEmpty ? "" : "(" + type.modifiers.map(SQLExpressionPrinter.print).joined(separator: ",") + ")"
            let typeName =
                (type.schema.map { $0.name + "." } ?? "") + type.name.name + modifiers + String(repeating: "[]", count: type.arrayDepth)
            return "(" + text(inner, positive: positive) + ")::" + typeName.lowercased()
        case .call(let name, let arguments, _):
            let parts = expression.callName(dropPublic: true) ?? name.map(\.name)
            let values = arguments.map { ($0.name.map { $0.name + " => " } ?? "") + text($0.value, positive: positive) }
            return parts.joined(separator: ".").lowercased() + "(" + values.joined(separator: ", ") + ")"
        case .logical(let op, _):
            // `true` is AND's unit and OR's zero, `false` the other way round.
            let (unit, zero) = op == "AND" ? ("true", "false") : ("false", "true")
            let operands = Set(flatten(expression, op: op).map { text($0, positive: positive) }).subtracting([unit]).sorted()
            if operands.contains(zero) { return zero }
            if operands.isEmpty { return unit }
            return operands.count == 1 ? operands[0] : "(" + operands.joined(separator: " \(op) ") + ")"
        case .binary(let op, let left, let right):
            return binary(op, left, right, positive: positive)
        case .quantified(let operand, let op, let quantifier, let array):
            if let items = Lifter.arrayItems(array) {
                if op == "=" && (quantifier == "ANY" || quantifier == "SOME") { return inList(operand, items, negated: false) }
                if op == "<>" && quantifier == "ALL" { return inList(operand, items, negated: true) }
            }
            return SQLExpressionPrinter.print(expression)
        case .inList(let operand, let items, let negated):
            return inList(operand, items, negated: negated)
        case .isTest(let operand, let test, let negated):
            return "(" + text(operand, positive: false) + " IS " + (negated ? "NOT " : "") + test + ")"
        case .prefix("-", let operand):
            if case .number(let digits) = operand.strippingParentheses.kind { return "-" + digits }
            return "(- " + text(operand, positive: false) + ")"
        case .prefix("NOT", let operand):
            return "(NOT " + text(operand, positive: false) + ")"
        case .inSelect(let operand, let select, let negated):
            let left = text(operand, positive: positive)
            return "(" + left + (negated ? " NOT IN (" : " IN (") + selectText(select, targets: nil, condition: select.whereCondition)
                + "))"
        case .exists(let select):
            if positive, let converted = existsAsIn(select) { return converted }
            return "(EXISTS (" + selectText(select, targets: nil, condition: select.whereCondition) + "))"
        default:
            return SQLExpressionPrinter.print(expression)
        }
    }

    func flatten(_ expression: SQLExpr, op: String) -> [SQLExpr] {
        let bare = expression.strippingParentheses
        if case .logical(op, let operands) = bare.kind { return operands.flatMap { flatten($0, op: op) } }
        return [bare]
    }

    func column(_ parts: [SQLIdentifier]) -> String {
        let name = SQLExpressionPrinter.identifier(parts.last?.name ?? "")
        guard parts.count >= 2 else { return "$\(scopes.count)." + name }
        let qualifier = parts[parts.count - 2].name
        if let depth = scopes.lastIndex(where: { $0.contains(qualifier) }) { return "$\(depth + 1)." + name }
        if qualifier == table { return "$0." + name }
        return parts.map { SQLExpressionPrinter.identifier($0.name) }.joined(separator: ".")
    }

    mutating func binary(_ op: String, _ left: SQLExpr, _ right: SQLExpr, positive: Bool) -> String {
        var symbol: String
        switch op {
        case "!=": symbol = "<>"
        case "~~": symbol = "LIKE"
        case "!~~": symbol = "NOT LIKE"
        default: symbol = op
        }
        if symbol == "=", case .boolean(true) = right.strippingParentheses.kind { return text(left, positive: positive) }
        // `c = false` is `NOT c` for a (boolean) column, NULL included.
        if symbol == "=", case .boolean(false) = right.strippingParentheses.kind, case .column = left.strippingParentheses.kind {
            return "(NOT " + text(left, positive: false) + ")"
        }
        var lhs = text(left, positive: positive)
        var rhs = text(right, positive: positive)
        let flipped = ["=": "=", "<>": "<>", "<": ">", ">": "<", "<=": ">=", ">=": "<="]
        if let mirror = flipped[symbol], rhs < lhs {
            swap(&lhs, &rhs)
            symbol = mirror
        }
        return "(" + lhs + " " + symbol + " " + rhs + ")"
    }

    mutating func inList(_ operand: SQLExpr, _ items: [SQLExpr], negated: Bool) -> String {
        let values = Set(items.map { text($0, positive: false) }).sorted()
        return "(" + text(operand, positive: false) + (negated ? " NOT IN (" : " IN (") + values.joined(separator: ", ") + "))"
    }

    /// `SELECT targets FROM table WHERE condition`, inside a new scope.
    mutating func selectText(_ select: SQLSelect, targets: [String]?, condition: SQLExpr?) -> String {
        guard select.from.count == 1, case .table(let name, let alias, let only, _) = select.from[0] else {
            return SQLExpressionPrinter.print(SQLExpr(.subquery(select), range: select.range))
        }
        scopes.append([alias?.name ?? name.last?.name ?? ""])
        defer { scopes.removeLast() }
        let tableName = name.map(\.name).drop { $0 == "public" && name.count == 2 }.map(SQLExpressionPrinter.identifier).joined(
            separator: ".")
        let selected = targets ?? select.targets.map { text($0.expression, positive: false) }
        var out = "SELECT " + selected.joined(separator: ", ") + " FROM " + (only ? "ONLY " : "") + tableName
        if let condition {
            let predicate = text(condition, positive: true)
            if predicate != "true" { out += " WHERE " + predicate }
        }
        for clause in select.trailing { out += " " + "\(clause)" }
        return out
    }

    /// A correlated EXISTS as the equivalent IN (SELECT …), when it joins a column of its table
    /// to one of the enclosing row.
    mutating func existsAsIn(_ select: SQLSelect) -> String? {
        guard select.from.count == 1, select.trailing.isEmpty, case .table(let name, let alias, false, _) = select.from[0],
            let condition = select.whereCondition
        else { return nil }
        var atoms = flatten(condition, op: "AND")
        let inner = scopes.count + 1
        scopes.append([alias?.name ?? name.last?.name ?? ""])
        var join: (outer: String, inner: String, index: Int)?
        for (index, atom) in atoms.enumerated() {
            guard case .binary("=", let left, let right) = atom.kind, case .column(let leftParts) = left.strippingParentheses.kind,
                case .column(let rightParts) = right.strippingParentheses.kind
            else { continue }
            let (a, b) = (column(leftParts), column(rightParts))
            if a.hasPrefix("$\(inner).") && b.hasPrefix("$\(inner - 1).") { join = (b, a, index) }
            if b.hasPrefix("$\(inner).") && a.hasPrefix("$\(inner - 1).") { join = (a, b, index) }
            if join != nil { break }
        }
        scopes.removeLast()
        guard let join else { return nil }
        atoms.remove(at: join.index)
        let rest = atoms.isEmpty ? nil : (atoms.count == 1 ? atoms[0] : SQLExpr(.logical("AND", atoms), range: condition.range))
        return "(" + join.outer + " IN (" + selectText(select, targets: [join.inner], condition: rest) + "))"
    }
}
