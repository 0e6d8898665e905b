/// A table named by a statement: bound to a table when one existed then, else resolved by
/// name at the end of the file.
struct TableReference: Sendable {
    /// The name as written.
    var name: SQLName
    /// The search path in force at the statement.
    var searchPath: [String]
    /// The table it named when the statement was read, if it existed.
    var id: Int?
}
