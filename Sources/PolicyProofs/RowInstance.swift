import PolicySchema
import SMT

/// One row of a table in a query: every column as an `EncodedValue`.
final class RowInstance {
    /// A number unique within the query.
    let id: Int
    /// The table.
    let table: TableModel
    /// "row", "witness", "old row".
    let label: String
    /// The session whose traversal created it (nil for the shared row).
    let session: Int?
    /// Whether the row is in the database (traversals can reach it; keys constrain it).
    let inDatabase: Bool
    /// Column values by name.
    var columns: [String: EncodedValue] = [:]

    init(id: Int, table: TableModel, label: String, session: Int?, inDatabase: Bool) {
        self.id = id
        self.table = table
        self.label = label
        self.session = session
        self.inDatabase = inDatabase
    }
}
