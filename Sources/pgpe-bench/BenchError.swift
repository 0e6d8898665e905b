/// A benchmark could not prepare its inputs or found them inconsistent.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// An error saying `description`.
    init(_ description: String) {
        self.description = description
    }
}
