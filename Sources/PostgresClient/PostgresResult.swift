/// The decoded result of one statement: its columns, rows and command tag.
///
/// It holds Swift values only; the libpq result is freed before it is returned.
public struct PostgresResult: RandomAccessCollection, Sendable {
    /// The columns and their index by name, shared with every row.
    let lookup: PostgresColumnLookup
    /// The rows, in the order the server sent them.
    public let rows: [PostgresRow]
    /// The command tag (`SELECT 3`, `CREATE TABLE`, `INSERT 0 1`).
    public let commandTag: String
    /// The number of rows the command affected or returned, when the command reports one.
    public let affectedRows: Int?

    /// The result columns in order.
    public var columns: [PostgresColumn] { lookup.columns }

    /// The first row position.
    public var startIndex: Int { rows.startIndex }
    /// One past the last row position.
    public var endIndex: Int { rows.endIndex }
    /// The row at `position`.
    public subscript(position: Int) -> PostgresRow { rows[position] }
}
