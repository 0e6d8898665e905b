/// A psql or pg_dump run that failed, with what it printed.
struct SchemaReaderPostgresError: Error, CustomStringConvertible {
    /// The command line.
    var command: String
    /// Its exit status.
    var status: Int32
    /// What it wrote to stderr.
    var stderr: String

    var description: String { "\(command) exited with \(status): \(stderr)" }
}
