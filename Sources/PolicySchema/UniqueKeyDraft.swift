/// A unique constraint or unique index.
struct UniqueKeyDraft: Sendable {
    /// The constraint or index name (given, or PostgreSQL's default).
    var name: String
    /// Its columns.
    var columns: [String]
}
