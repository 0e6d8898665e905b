import PolicySchema
import PolicySemantics
import PolicySyntax

/// Renders normal-form predicates as PostgreSQL expressions.
///
/// Session values become `(SELECT NULLIF(current_setting('k', true), '')::type)` (deny) or
/// `(SELECT current_setting('k')::type)` (error), cast to the compared column's type (no cast for
/// text), and values with their own SQL (`sql:`) become `(SELECT sql)`; traversals become the
/// correlated `EXISTS (SELECT 1 FROM schema.T tN WHERE tN.tc = source.sc AND ...)` with the
/// inner columns qualified by the alias and the source row's columns qualified (the governed
/// table by its schema-qualified name, a target by its alias). Issue 16 chose that form by
/// measurement over `sc IN (SELECT tN.tc ...)`: both run as one hashed sub-plan when a query
/// reads many rows, but PostgreSQL can also run EXISTS as an index probe of the target per row
/// (a query that reads a few rows, or a target set larger than `hash_mem`, where an `IN`
/// sub-select is scanned again for every row); the rows admitted are the same, as a policy
/// admits only on true (where NULLs make IN unknown, EXISTS is false) and the compiled
/// predicate has no NOT. `fn` is schema-qualified, and wrapped as `(SELECT f(args))` when it reads no column
/// and calls no volatile function; `raw` is parenthesized; `now()` stays `now()` (stable, so
/// PostgreSQL evaluates it once per query already).
public struct ExpressionRenderer {
    private let policySet: PolicySet

    /// Where names resolve while rendering: the table whose columns are in scope, and its alias
    /// (none for the governed table itself).
    private struct Scope {
        var table: TableModel?
        var alias: String?
        var depth: Int
        /// How a sub-select names this scope's row: the alias, or the governed table's
        /// schema-qualified name.
        var qualifier: String
        /// Inside a traversal, the scope of the row it starts from (what `outer(c)` reads).
        var outer: OuterRow?
    }

    /// The row a traversal starts from: its table and how the traversal's sub-select names it.
    private struct OuterRow {
        var table: TableModel?
        var qualifier: String
    }

    /// Creates a renderer for a checked policy set.
    public init(policySet: PolicySet) {
        self.policySet = policySet
    }

    /// A disjunction of clauses on `table`: `a AND b` for one clause, `(a AND b) OR (c)` for
    /// several, `true` for a true clause, `false` for none.
    public func render(_ clauses: [Clause], table: QualifiedName) -> String {
        return render(clauses, scope: topScope(table))
    }

    /// An effective predicate: `(permissive OR ...) AND restrictive AND ...`.
    public func render(_ predicate: EffectivePredicate) -> String {
        guard !predicate.permissive.isEmpty else { return "false" }
        let scope = topScope(predicate.table)
        let permissive = predicate.permissive.map { "(" + render($0.clauses, scope: scope) + ")" }
        var parts = [permissive.count == 1 ? permissive[0] : "(" + permissive.joined(separator: " OR ") + ")"]
        for policy in predicate.restrictive {
            parts.append("(" + render(policy.clauses, scope: scope) + ")")
        }
        return parts.joined(separator: " AND ")
    }

    /// The scope of the governed table's row.
    private func topScope(_ table: QualifiedName) -> Scope {
        Scope(table: policySet.schema.table(table), alias: nil, depth: 0, qualifier: SQLQuoting.qualified(table), outer: nil)
    }

    private func render(_ clauses: [Clause], scope: Scope) -> String {
        if clauses.isEmpty { return "false" }
        if clauses.contains(where: \.isTrue) { return "true" }
        if clauses.count == 1 { return render(clauses[0], scope: scope) }
        return clauses.map { "(" + render($0, scope: scope) + ")" }.joined(separator: " OR ")
    }

    private func render(_ clause: Clause, scope: Scope) -> String {
        clause.isTrue ? "true" : clause.atoms.map { render($0, scope: scope) }.joined(separator: " AND ")
    }

    private func render(_ atom: Atom, scope: Scope) -> String {
        switch atom {
        case .constant(let value):
            return value ? "true" : "false"
        case .raw(let raw):
            return "(" + raw.text + ")"
        case .isNull(let operand):
            return render(operand, scope: scope, castTo: nil) + " IS NULL"
        case .isNotNull(let operand):
            return render(operand, scope: scope, castTo: nil) + " IS NOT NULL"
        case .predicate(let name, let arguments):
            return call(name, arguments, scope: scope, wrap: true)
        case .compare(let lhs, let op, let rhs):
            let left = render(lhs, scope: scope, castTo: type(of: rhs, scope: scope))
            let right = render(rhs, scope: scope, castTo: type(of: lhs, scope: scope))
            let symbol: String
            switch op {
            case .equal: symbol = "="
            case .notEqual: symbol = "<>"
            case .less: symbol = "<"
            case .greater: symbol = ">"
            case .lessEqual: symbol = "<="
            case .greaterEqual: symbol = ">="
            case .in: symbol = "IN"
            case .notIn: symbol = "NOT IN"
            case .like: symbol = "LIKE"
            case .notLike: symbol = "NOT LIKE"
            }
            return "\(left) \(symbol) \(right)"
        case .exists(let traversal):
            let alias = "t\(scope.depth + 1)"
            let inner = Scope(
                table: policySet.schema.table(traversal.target), alias: alias, depth: scope.depth + 1, qualifier: alias,
                outer: OuterRow(table: scope.table, qualifier: scope.qualifier))
            let target = SQLQuoting.qualified(traversal.target)
            let targetColumn = alias + "." + SQLQuoting.identifier(traversal.targetColumn)
            // A correlated sub-select, every source column qualified (a bare name would resolve
            // to the target's column of that name).
            let source = scope.qualifier + "." + SQLQuoting.identifier(traversal.sourceColumn)
            var sql = "EXISTS (SELECT 1 FROM \(target) \(alias) WHERE \(targetColumn) = \(source)"
            if !traversal.clause.isTrue { sql += " AND " + render(traversal.clause, scope: inner) }
            return sql + ")"
        }
    }

    /// The SQL type of an operand when it is known from the schema or declarations.
    private func type(of operand: Operand, scope: Scope) -> SQLType? {
        switch operand {
        case .column(let name): return scope.table?.column(name)?.type
        case .outer(let name): return scope.outer?.table?.column(name)?.type
        case .function(let name, _): return policySet.config.function(name)?.returns
        case .session(let key): return policySet.sessionType(key)
        case .now: return .timestamptz
        default: return nil
        }
    }

    /// The type PostgreSQL gives an argument before resolving a call: a column's or function's
    /// declared type, `integer` or `boolean` for those literals; `nil` for session values (cast
    /// to the parameter type already), string literals and NULL (typed by the call).
    private func argumentType(of operand: Operand, scope: Scope) -> SQLType? {
        switch operand {
        case .column, .outer, .function, .now: return type(of: operand, scope: scope)
        case .literal(.int): return .integer
        case .literal(.bool): return .boolean
        default: return nil
        }
    }

    private func column(_ name: String, scope: Scope) -> String {
        (scope.alias.map { $0 + "." } ?? "") + SQLQuoting.identifier(name)
    }

    /// A call of a declared function. An argument whose own type is not the declared parameter
    /// type is cast to it: PostgreSQL resolves the call by its argument types and converts only
    /// along implicit casts, so `f(bigint_column)` does not find `f(integer)`; a string literal
    /// passed to a user type (an enum, a composite type) is cast to it too. With `wrap`, a call
    /// that reads no column and calls no volatile function becomes `(SELECT f(args))`, which
    /// PostgreSQL evaluates once per query (an InitPlan) instead of once per row (SPEC 11.2);
    /// the calls inside it are not wrapped again.
    private func call(_ name: String, _ arguments: [Operand], scope: Scope, wrap: Bool) -> String {
        let declaration = policySet.config.function(name)
        let schema = declaration?.schema ?? "public"
        let wrapped = wrap && isEvaluatedOncePerQuery(.function(name, arguments))
        let rendered = arguments.enumerated().map { index, argument -> String in
            let expected = declaration.flatMap { index < $0.arguments.count ? $0.arguments[index] : nil }
            let sql = render(argument, scope: scope, castTo: expected, wrap: !wrapped)
            guard let expected else { return sql }
            if case .literal(.string) = argument, isUserType(expected) { return sql + "::" + SQLQuoting.typeName(expected) }
            guard let own = argumentType(of: argument, scope: scope), own.name != expected.name else { return sql }
            return sql + "::" + SQLQuoting.typeName(expected)
        }
        let sql = SQLQuoting.identifier(schema) + "." + SQLQuoting.identifier(name) + "(" + rendered.joined(separator: ", ") + ")"
        return wrapped ? "(SELECT \(sql))" : sql
    }

    /// Whether an operand is the same for every row of one query: it reads no column (of the
    /// row, or with `outer(c)` of the row a traversal starts from) and calls no volatile function.
    private func isEvaluatedOncePerQuery(_ operand: Operand) -> Bool {
        operand.columns.isEmpty && operand.outerColumns.isEmpty && !policySet.config.callsVolatileFunction(operand)
    }

    /// Whether `type` is a type the schema defines other than a domain (an enum, a composite
    /// type): text does not convert to it implicitly.
    private func isUserType(_ type: SQLType) -> Bool {
        type.family != .array && !SQLType.isBuiltin(type.name) && policySet.schema.domain(type) == nil
    }

    /// An operand; a session value is cast to `castTo` (the compared value's type) or, without
    /// one, to the session key's own type. A function call is wrapped as `call` says when `wrap`.
    private func render(_ operand: Operand, scope: Scope, castTo: SQLType?, wrap: Bool = true) -> String {
        switch operand {
        case .column(let name):
            return column(name, scope: scope)
        case .outer(let name):
            return (scope.outer?.qualifier ?? scope.qualifier) + "." + SQLQuoting.identifier(name)
        case .literal(let value):
            return literal(value)
        case .list(let values):
            return "(" + values.map(literal).joined(separator: ", ") + ")"
        case .function(let name, let arguments):
            return call(name, arguments, scope: scope, wrap: wrap)
        case .session(let key):
            return session(key, type: castTo ?? policySet.sessionType(key))
        case .now:
            return "now()"
        }
    }

    /// The sub-select that reads a session key once per query, cast to `type` or, for a domain,
    /// to its base type (a cast to a NOT NULL domain would raise on an unset key).
    /// A value with its own SQL (`sql:` in pgpe.yaml) becomes `(SELECT sql)`: the SQL has the
    /// declared type, so it is cast only when `type` is another one (`(SELECT (sql)::type)`),
    /// and `missing_context` does not apply (an unset value is NULL, as the SQL gives it).
    public func session(_ key: String, type: SQLType) -> String {
        let target = policySet.schema.castType(type)
        if let declaration = policySet.config.sessionKey(key), let sql = declaration.sql {
            let own = policySet.schema.castType(declaration.type)
            let sameType = own.name == target.name || (own.family == .text && target.family == .text && !isUserType(target))
            return sameType ? "(SELECT \(sql))" : "(SELECT (\(sql))::\(SQLQuoting.typeName(target)))"
        }
        // Text needs no cast to compare with text; an enum (a user type) does.
        let cast = target.family == .text && !isUserType(target) ? "" : "::" + SQLQuoting.typeName(target)
        switch policySet.config.missingContext {
        case .deny:
            return "(SELECT NULLIF(current_setting(\(SQLQuoting.literal(key)), true), '')\(cast))"
        case .error:
            return "(SELECT current_setting(\(SQLQuoting.literal(key)))\(cast))"
        }
    }

    private func literal(_ value: LiteralValue) -> String {
        switch value {
        case .null: return "NULL"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .string(let text): return SQLQuoting.literal(text)
        }
    }
}
