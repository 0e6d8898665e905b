/// One row of a result: values by column position or name, `nil` for SQL NULL.
public struct PostgresRow: Sendable {
    /// The columns and their index by name, shared with every row.
    let lookup: PostgresColumnLookup
    /// The decoded values in column order, `nil` for SQL NULL.
    public let values: [PostgresValue?]

    /// The columns of the result this row belongs to.
    public var columns: [PostgresColumn] { lookup.columns }

    /// The value at column position `index`, `nil` for SQL NULL or a position out of range.
    public subscript(index: Int) -> PostgresValue? {
        values.indices.contains(index) ? values[index] : nil
    }

    /// The value of the column named exactly `name` (the first, if names repeat), `nil` for
    /// SQL NULL or an unknown name; `hasColumn(_:)` tells the two apart.
    public subscript(name: String) -> PostgresValue? {
        guard let index = lookup.indexByName[name] else { return nil }
        return values[index]
    }

    /// Whether the result has a column named exactly `name`.
    public func hasColumn(_ name: String) -> Bool {
        lookup.indexByName[name] != nil
    }
}
