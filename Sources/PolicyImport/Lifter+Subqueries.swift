import PolicySchema
import PolicySemantics
import SQLExpression

extension Lifter {
    /// `sc IN (SELECT t.tc FROM T t WHERE …)` as `exists(rel(_, sc, T, tc), {…})`.
    mutating func inSelect(_ operand: SQLExpr, _ select: SQLSelect, scope: LiftScope) throws -> String {
        guard case .column(let parts) = operand.strippingParentheses.kind, case .own(let source) = scope.resolve(parts) else {
            throw LiftFailure("IN (SELECT …) of something other than a column of the row")
        }
        let (table, inner) = try subSelectScope(select, scope: scope)
        guard select.targets.count == 1, case .column(let targetParts) = select.targets[0].expression.strippingParentheses.kind,
            case .own(let target) = inner.resolve(targetParts)
        else { throw LiftFailure("the sub-select does not select one column of its table") }
        let clause = try select.whereCondition.map { try strictClause($0, scope: inner) } ?? "true"
        return traversal(source: source, table: table, target: target, clause: clause)
    }

    /// `EXISTS (SELECT … FROM T t WHERE t.tc = <row>.sc AND …)` as `exists(rel(_, sc, T, tc), {…})`.
    mutating func exists(_ select: SQLSelect, scope: LiftScope) throws -> String {
        let (table, inner) = try subSelectScope(select, scope: scope)
        guard let condition = select.whereCondition else { throw LiftFailure("EXISTS without a join to the row") }
        var atoms = conjuncts(condition)
        var join: (source: String, target: String, index: Int)?
        for (index, atom) in atoms.enumerated() {
            guard case .binary("=", let left, let right) = atom.kind,
                case .column(let leftParts) = left.strippingParentheses.kind,
                case .column(let rightParts) = right.strippingParentheses.kind
            else { continue }
            switch (inner.resolve(leftParts), inner.resolve(rightParts)) {
            case (.own(let target), .enclosing(let source, 0)), (.enclosing(let source, 0), .own(let target)):
                join = (source, target, index)
            default:
                continue
            }
            break
        }
        guard let join else { throw LiftFailure("EXISTS without an equality of one of its columns and one of the row's") }
        atoms.remove(at: join.index)
        let rest = atoms.count == 1 ? atoms[0] : SQLExpr(.logical("AND", atoms), range: condition.range)
        let clause = try atoms.isEmpty ? "true" : strictClause(rest, scope: inner)
        return traversal(source: join.source, table: table, target: join.target, clause: clause)
    }

    /// The table of a sub-select's only FROM item and the scope inside it.
    func subSelectScope(_ select: SQLSelect, scope: LiftScope) throws -> (TableModel, LiftScope) {
        guard select.from.count == 1, select.trailing.isEmpty, case .table(let name, let alias, false, _) = select.from[0] else {
            throw LiftFailure("the sub-select is not over one table")
        }
        let schemaName = name.count >= 2 ? name[name.count - 2].name : nil
        let searchPath = context.config.schemas.contains("public") ? context.config.schemas : context.config.schemas + ["public"]
        guard let last = name.last,
            let table = context.schema.resolveTable(schema: schemaName, name: last.name, searchPath: searchPath)
        else { throw LiftFailure("the table \(name.map(\.name).joined(separator: ".")) is not in the schema") }
        return (table, scope.entering(table, alias: alias?.name))
    }

    /// A clause inside a traversal. An atom that cannot be lifted stays raw only when it reads
    /// no column of the sub-select's table (raw SQL naming the sub-select's alias would break
    /// when compiling renames it); otherwise the whole traversal cannot be lifted.
    mutating func strictClause(_ expression: SQLExpr, scope: LiftScope) throws -> String {
        try conjuncts(expression).map { conjunct in
            let saved = (sessions, functions, notes)
            do {
                return try atom(conjunct, scope: scope)
            } catch let failure as LiftFailure {
                (sessions, functions, notes) = saved
                var readsInner = false
                conjunct.visit { node in
                    if case .column(let parts) = node.kind, case .own = scope.resolve(parts) { readsInner = true }
                    if case .column(let parts) = node.kind, parts.count == 1 { readsInner = true }
                }
                guard !readsInner else { throw failure }
                let text = SQLExpressionPrinter.print(conjunct)
                notes.append(LiftNote(sql: text, reason: failure.reason))
                return raw(text)
            }
        }.joined(separator: " AND ")
    }

    /// `exists(rel(_, source, T, target), {clause})`.
    func traversal(source: String, table: TableModel, target: String, clause: String) -> String {
        let tableName = (table.name.schema == "public" ? "" : Operand.name(table.name.schema) + ".") + Operand.name(table.name.name)
        return "exists(rel(_, \(Operand.name(source)), \(tableName), \(Operand.name(target))), {\(clause)})"
    }
}
