import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax
import SQLExpression

/// The state of lifting one expression: the notes and the generated declarations so far.
struct Lifter {
    let context: LiftContext
    /// Atoms kept raw, with their reasons.
    var notes: [LiftNote] = []
    /// Session values read and not declared.
    var sessions: [SessionKeyDecl] = []
    /// Functions called and not declared.
    var functions: [FunctionDecl] = []
    /// Session values read by their own SQL, by the canonical text of that SQL.
    let declaredSQL: [String: SessionKeyDecl]

    init(context: LiftContext) {
        self.context = context
        var declared: [String: SessionKeyDecl] = [:]
        for declaration in context.config.sessionValues {
            guard let sql = declaration.sql else { continue }
            let parsed = SQLExpressionParser.parse(text: sql)
            guard parsed.diagnostics.isEmpty, !parsed.expression.containsError else { continue }
            let key = CanonicalSQL.text(parsed.expression, table: "")
            if declared[key] == nil { declared[key] = declaration }
        }
        declaredSQL = declared
    }

    /// The scope of the policy's own table.
    var rootScope: LiftScope {
        LiftScope(table: context.table, qualifiers: [context.table.name.name], enclosing: [])
    }

    // MARK: - Clauses and atoms

    /// A top-level expression as clauses: a top-level OR gives one clause per operand.
    mutating func clauses(_ expression: SQLExpr) -> [String] {
        let bare = expression.strippingParentheses
        if case .logical("OR", let operands) = bare.kind {
            return operands.map { clause($0, scope: rootScope) }
        }
        return [clause(bare, scope: rootScope)]
    }

    /// One clause: the AND of its atoms, each lifted or kept raw.
    mutating func clause(_ expression: SQLExpr, scope: LiftScope) -> String {
        conjuncts(expression).map { atomOrRaw($0, scope: scope) }.joined(separator: " AND ")
    }

    /// The operands of an AND chain (nested chains flattened), or the expression itself.
    func conjuncts(_ expression: SQLExpr) -> [SQLExpr] {
        let bare = expression.strippingParentheses
        if case .logical("AND", let operands) = bare.kind {
            return operands.flatMap(conjuncts)
        }
        return [bare]
    }

    /// An atom, or `raw('…')` of it with a note when it cannot be lifted.
    mutating func atomOrRaw(_ expression: SQLExpr, scope: LiftScope) -> String {
        let saved = (sessions, functions, notes)
        do {
            return try atom(expression, scope: scope)
        } catch let failure as LiftFailure {
            (sessions, functions, notes) = saved
            let text = SQLExpressionPrinter.print(expression)
            notes.append(LiftNote(sql: text, reason: failure.reason))
            return raw(text)
        } catch {
            (sessions, functions, notes) = saved
            let text = SQLExpressionPrinter.print(expression)
            notes.append(LiftNote(sql: text, reason: "\(error)"))
            return raw(text)
        }
    }

    /// `raw('…')` of SQL text, on one line (the policy language's strings end at a line's end;
    /// line breaks outside quotes are only PostgreSQL's indentation).
    func raw(_ sql: String) -> String {
        "raw(" + Formatter.string(Self.oneLine(sql)) + ")"
    }

    /// `sql` with each run of white space outside quotes made one space, and a string constant
    /// with a line break written `E'…\n…'` (PostgreSQL reads it back to the same value).
    static func oneLine(_ sql: String) -> String {
        let characters = Array(sql)
        var out = ""
        var pendingSpace = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                pendingSpace = true
                index += 1
                continue
            }
            if pendingSpace, !out.isEmpty, out.last != "(", character != ")" { out.append(" ") }
            pendingSpace = false
            guard character == "'" || character == "\"" else {
                out.append(character)
                index += 1
                continue
            }
            // A quoted part, up to its closing quote (a doubled quote stays inside).
            var body = ""
            index += 1
            while index < characters.count {
                if characters[index] == character {
                    if index + 1 < characters.count, characters[index + 1] == character {
                        body += String(character) + String(character)
                        index += 2
                        continue
                    }
                    break
                }
                body.append(characters[index])
                index += 1
            }
            index += 1
            if character == "'", body.contains(where: \.isNewline) {
                var escaped = ""
                for scalar in body.unicodeScalars {
                    switch scalar {
                    case "\\": escaped += "\\\\"
                    case "\n": escaped += "\\n"
                    case "\r": escaped += "\\r"
                    default: escaped.unicodeScalars.append(scalar)
                    }
                }
                out += "E'" + escaped + "'"
            } else {
                out += String(character) + body + String(character)
            }
        }
        return out
    }

    /// One atom of the policy language.
    mutating func atom(_ expression: SQLExpr, scope: LiftScope) throws -> String {
        let bare = expression.strippingParentheses
        // `(SELECT f(x) AS f)`: a call read once per query, as the compiler wraps it (SPEC 11.2).
        if let inner = bare.trivialSubSelect { return try atom(inner, scope: scope) }
        switch bare.kind {
        case .boolean(let value):
            return value ? "true" : "false"
        case .logical("OR", _):
            throw LiftFailure("an OR inside an AND: the language has OR only between clauses")
        case .isTest(let operand, "NULL", let negated):
            let value = try self.value(operand, scope: scope, expected: nil)
            return value.dsl + (negated ? " IS NOT NULL" : " IS NULL")
        case .binary(let op, let left, let right):
            return try comparison(op, left, right, scope: scope)
        case .inList(let operand, let items, let negated):
            return try inList(operand, items, negated: negated, scope: scope)
        case .quantified(let operand, let op, let quantifier, let array):
            let negated: Bool
            switch (op, quantifier) {
            case ("=", "ANY"), ("=", "SOME"): negated = false
            case ("<>", "ALL"): negated = true
            default: throw LiftFailure("\(op) \(quantifier) is neither IN nor NOT IN")
            }
            guard let items = Self.arrayItems(array) else { throw LiftFailure("the array is not a list of constants") }
            return try inList(operand, items, negated: negated, scope: scope)
        case .inSelect(let operand, let select, false):
            return try inSelect(operand, select, scope: scope)
        case .exists(let select):
            return try exists(select, scope: scope)
        case .call:
            let value = try self.value(bare, scope: scope, expected: .boolean)
            guard value.kind == .function else { throw LiftFailure("a session value is not a condition") }
            return value.dsl
        case .column:
            let value = try self.value(bare, scope: scope, expected: nil)
            guard value.kind == .column, value.type?.family == .boolean else { throw LiftFailure("not a boolean column") }
            return value.dsl + " = lit(true)"
        case .prefix("NOT", let operand):
            // `NOT c` of a boolean column is `c = false`, NULL included (both are NULL).
            guard case .column = operand.strippingParentheses.kind else { throw LiftFailure("the policy language has no such condition") }
            let value = try self.value(operand, scope: scope, expected: nil)
            guard value.kind == .column, value.type?.family == .boolean else { throw LiftFailure("not a boolean column") }
            return value.dsl + " = lit(false)"
        default:
            throw LiftFailure("the policy language has no such condition")
        }
    }

    /// `value op value` for the comparisons and LIKE.
    mutating func comparison(_ op: String, _ left: SQLExpr, _ right: SQLExpr, scope: LiftScope) throws -> String {
        let symbol: String
        switch op {
        case "=", "<", ">", "<=", ">=": symbol = op
        case "<>", "!=": symbol = "!="
        case "~~", "LIKE": symbol = "LIKE"
        case "!~~", "NOT LIKE": symbol = "NOT LIKE"
        default: throw LiftFailure("the operator \(op) is not in the policy language")
        }
        // Type the side that knows its type first, then the other side against it.
        if Self.isLiteral(left) && Self.isLiteral(right) {
            throw LiftFailure("a comparison of two constants (the normal form would fold it)")
        }
        let leftFirst = !Self.isLiteral(left)
        let first = try value(leftFirst ? left : right, scope: scope, expected: nil)
        let second = try value(leftFirst ? right : left, scope: scope, expected: first.type)
        let (lhs, rhs) = leftFirst ? (first, second) : (second, first)
        if symbol.hasSuffix("LIKE"), let type = lhs.type, type.family != .text {
            throw LiftFailure("LIKE on a value of type \(type.name)")
        }
        return "\(lhs.dsl) \(symbol) \(rhs.dsl)"
    }

    /// `x [NOT] IN lit([…])`.
    mutating func inList(_ operand: SQLExpr, _ items: [SQLExpr], negated: Bool, scope: LiftScope) throws -> String {
        let value = try self.value(operand, scope: scope, expected: nil)
        let literals = try items.map { try literal($0, expected: value.type).dsl }
        guard !literals.isEmpty else { throw LiftFailure("an empty list") }
        let list = "lit([" + literals.map { String($0.dropFirst(4).dropLast()) }.joined(separator: ", ") + "])"
        return value.dsl + (negated ? " NOT IN " : " IN ") + list
    }

    /// The items of `ARRAY[…]`, under parentheses and casts.
    static func arrayItems(_ expression: SQLExpr) -> [SQLExpr]? {
        switch expression.kind {
        case .parenthesized(let inner), .cast(let inner, _, _): return arrayItems(inner)
        case .array(let items, _): return items
        default: return nil
        }
    }

    /// Whether the expression is a constant (under parentheses and casts).
    static func isLiteral(_ expression: SQLExpr) -> Bool {
        switch expression.kind {
        case .parenthesized(let inner), .cast(let inner, _, _): return isLiteral(inner)
        case .prefix("-", let inner): return isLiteral(inner)
        case .string, .number, .boolean, .null: return true
        default: return false
        }
    }
}
