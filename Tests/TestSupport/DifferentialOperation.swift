import PolicySemantics

/// A write the differential test runs as each session (rolled back afterwards), with what
/// PostgreSQL checks for it:
/// - `INSERT` without `RETURNING`: the new row against INSERT's WITH CHECK only;
/// - `INSERT ... RETURNING`: also SELECT's USING on the new row (an error when it fails);
/// - `UPDATE ... WHERE id = k`: the old row must pass UPDATE's and SELECT's USING (else nothing
///   is updated), then the new row UPDATE's WITH CHECK and SELECT's USING (else an error);
/// - `DELETE ... WHERE id = k`: the old row must pass DELETE's and SELECT's USING;
/// - `DELETE` without `WHERE`: every row that passes DELETE's USING goes.
public enum DifferentialOperation: Hashable, Sendable {
    /// `INSERT INTO table (...) VALUES (...) [RETURNING id]`
    case insert(table: String, row: [String: SQLValue], returning: Bool)
    /// `UPDATE table SET ... WHERE id = k`
    case update(table: String, id: Int, set: [String: SQLValue])
    /// `DELETE FROM table [WHERE id = k]`
    case delete(table: String, id: Int?)

    /// The table written.
    public var table: String {
        switch self {
        case .insert(let table, _, _), .update(let table, _, _), .delete(let table, _): return table
        }
    }

    /// A short name of the kind of write, for grouping mismatches.
    public var kind: String {
        switch self {
        case .insert(_, _, let returning): return returning ? "insert-returning" : "insert"
        case .update: return "update"
        case .delete(_, let id): return id == nil ? "delete-all" : "delete"
        }
    }

    /// The statement, with every identifier quoted and values cast to their column types.
    public func sql(in tables: [DifferentialTable]) -> String {
        let target = tables.first { $0.name == table }
        func type(_ column: String) -> String { target?.column(column)?.type ?? "text" }
        let name = "public." + DifferentialSQL.identifier(table)
        switch self {
        case .insert(_, let row, let returning):
            let columns = row.keys.sorted()
            return "INSERT INTO \(name) (" + columns.map(DifferentialSQL.identifier).joined(separator: ", ") + ") VALUES ("
                + columns.map { DifferentialSQL.value(row[$0] ?? .null, type: type($0)) }.joined(separator: ", ") + ")"
                + (returning ? " RETURNING \"id\"" : "")
        case .update(_, let id, let set):
            let assignments = set.keys.sorted().map {
                DifferentialSQL.identifier($0) + " = " + DifferentialSQL.value(set[$0] ?? .null, type: type($0))
            }
            return "UPDATE \(name) SET " + assignments.joined(separator: ", ") + " WHERE \"id\" = \(id)"
        case .delete(_, let id):
            return "DELETE FROM \(name)" + (id.map { " WHERE \"id\" = \($0)" } ?? "")
        }
    }
}
