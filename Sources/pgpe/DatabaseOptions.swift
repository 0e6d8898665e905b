import ArgumentParser
import PolicyDatabase

/// `--database` of the commands that talk to a live database.
struct DatabaseOptions: ParsableArguments {
    /// The connection string given on the command line.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database: a postgresql:// URL or key=value string (default: 'database:' of pgpe.yaml, else the PG* environment variables).",
            valueName: "URL"))
    var database: String?

    /// The connection target: `--database`, else `database:` of pgpe.yaml, else `nil` (the
    /// `PG*` environment variables and `.pgpass`).
    func target(config: String?) -> String? {
        if let database, !database.isEmpty { return database }
        return config
    }

    /// Connects, mapping a failure to exit code 2 with a message that holds no password.
    func connect(config: String?, lockTimeoutMilliseconds: Int) throws -> LiveDatabase {
        do {
            return try LiveDatabase.connect(target(config: config), lockTimeoutMilliseconds: lockTimeoutMilliseconds)
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
    }
}
