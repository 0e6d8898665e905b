/// The columns of one result and the index of each name, shared by all of its rows.
final class PostgresColumnLookup: Sendable {
    /// The columns in order.
    let columns: [PostgresColumn]
    /// The first position of each column name.
    let indexByName: [String: Int]

    /// Indexes `columns` by name; when names repeat, the first wins (as `PQfnumber`).
    init(columns: [PostgresColumn]) {
        self.columns = columns
        var indexByName: [String: Int] = [:]
        for (index, column) in columns.enumerated() where indexByName[column.name] == nil {
            indexByName[column.name] = index
        }
        self.indexByName = indexByName
    }
}
