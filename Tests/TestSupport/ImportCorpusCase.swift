import Foundation
import JSON
import PolicyWorkloads
import PostgresClient

/// One schema of the import corpus (`Tests/Fixtures/import-corpus/<name>/`): ordered migrations
/// (`migrations/*.sql`, by file name), seed rows (`seed.sql`) and a manifest (`manifest.json`:
/// the lifting profile, the schemas, the roles the migrations grant to, the sessions and the
/// INSERT/UPDATE/DELETE probes of the behaviour test).
///
/// The roles are cluster-wide: they are created by `GoldenRoles.ensure` before the migrations
/// run (idempotent, never dropped), so the migrations only grant to them.
public struct ImportCorpusCase: Sendable {
    /// The directory name.
    public var name: String
    /// The case's directory.
    public var directory: URL
    /// What the schema models and which styles it covers.
    public var description: String
    /// The session profile lifting reads it with (`supabase`), if any.
    public var profile: String?
    /// The schemas its tables live in.
    public var schemas: [String]
    /// The roles its policies and grants name.
    public var roles: [String]
    /// The sessions of the behaviour test.
    public var sessions: [ImportCorpusSession]
    /// Statements tried per session in a rolled-back savepoint.
    public var probes: [String]
    /// The migration files, in the order they run.
    public var migrations: [URL]

    /// The corpus directory.
    public static var corpusDirectory: URL {
        Fixtures.fixtureDirectory.appendingPathComponent("import-corpus")
    }

    /// Every case of the corpus, by name.
    public static func all() throws -> [ImportCorpusCase] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path).filter {
            FileManager.default.fileExists(atPath: corpusDirectory.appendingPathComponent($0).appendingPathComponent("manifest.json").path)
        }
        return try names.sorted().map(named)
    }

    /// The case in `import-corpus/<name>`.
    public static func named(_ name: String) throws -> ImportCorpusCase {
        let directory = corpusDirectory.appendingPathComponent(name)
        let text = try String(contentsOf: directory.appendingPathComponent("manifest.json"), encoding: .utf8)
        let manifest = try JSONValue(parsing: text)
        let strings: (JSONValue?) -> [String] = { $0?.array?.compactMap(\.string) ?? [] }
        let sessions = (manifest["sessions"]?.array ?? []).map { session in
            ImportCorpusSession(
                name: session["name"]?.string ?? "?", role: session["role"]?.string ?? "?",
                settings: (session["settings"]?.object.map { object in
                    object.keys.map { ($0, object[$0]?.string ?? "") }
                }) ?? [], incomplete: session["incomplete"]?.bool ?? false)
        }
        let migrationDirectory = directory.appendingPathComponent("migrations")
        let migrations = try FileManager.default.contentsOfDirectory(atPath: migrationDirectory.path).filter { $0.hasSuffix(".sql") }
            .sorted().map { migrationDirectory.appendingPathComponent($0) }
        return ImportCorpusCase(
            name: name, directory: directory, description: manifest["description"]?.string ?? "",
            profile: manifest["profile"]?.string, schemas: strings(manifest["schemas"]), roles: strings(manifest["roles"]),
            sessions: sessions, probes: strings(manifest["probes"]), migrations: migrations)
    }

    /// The migrations directory (what `pgpe import DIR` reads).
    public var migrationDirectory: URL { directory.appendingPathComponent("migrations") }

    /// The seed rows' file.
    public var seed: URL { directory.appendingPathComponent("seed.sql") }

    /// Creates the roles, runs the migrations in order and the seed, in `database`.
    public func load(into database: TestDatabase) throws {
        try GoldenRoles.ensure(roles, on: database.server)
        for file in migrations + [seed] {
            try database.connection.execute(try String(contentsOf: file, encoding: .utf8))
        }
    }

    /// A `pgpe.yaml` for lifting this case's policies: its profile, its schemas, `naming: exact`.
    public var liftingConfigText: String {
        var text = "naming: exact\nschemas: [" + schemas.joined(separator: ", ") + "]\n"
        if let profile { text += "profile: \(profile)\n" }
        return text
    }
}
