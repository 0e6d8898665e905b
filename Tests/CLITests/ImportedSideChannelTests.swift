import Foundation
import JSON
import PolicyWorkloads
import TestSupport
import Testing

/// `pgpe import` writes the schema it read as a snapshot (schema.json): the views, functions,
/// triggers, parents, unique keys and column grants the side-channel checks (SPEC 11.11) read
/// must survive it, or an imported project would hide every side channel its database has.
@Suite struct ImportedSideChannelTests {
    static func sideChannels(in directory: URL) throws -> [String] {
        let run = try CLIRunner.run(["analyze", "--format", "json"], in: directory)
        let json = try JSONValue(parsing: run.stdout)
        return (json["diagnostics"]?.array ?? []).compactMap { diagnostic in
            guard let code = diagnostic["code"]?.string, code.hasPrefix("sidechannel."), let message = diagnostic["message"]?.string
            else { return nil }
            return code + " " + message
        }.sorted()
    }

    @Test func anImportedProjectReportsTheSameSideChannels() throws {
        let fixture = Fixtures.fixtureDirectory.appendingPathComponent("side-channels")
        let direct = try Self.sideChannels(in: fixture)
        #expect(Set(direct.map { String($0.prefix { $0 != " " }) }).count == 6, "\(direct)")
        // The database's history: the schema, then the compiled policies (RLS switches included).
        let directory = try CLIRunner.temporaryDirectory("pgpe-imported-side")
        let compiled = try CLIRunner.run(["compile"], in: fixture)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let migrations = directory.appendingPathComponent("migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: fixture.appendingPathComponent("leaky.sql"), to: migrations.appendingPathComponent("001_schema.sql"))
        try compiled.stdout.write(to: migrations.appendingPathComponent("002_policies.sql"), atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("project")
        let run = try CLIRunner.run(["import", migrations.path, "--out", out.path], in: directory)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // Import declares the session value the policies read; the isolation key is the user's to
        // name (as in the fixture), and the unique-key check needs it.
        let config = out.appendingPathComponent("pgpe.yaml")
        try (try String(contentsOf: config, encoding: .utf8) + "isolation:\n  - key: app.tenant_id\n")
            .write(to: config, atomically: true, encoding: .utf8)
        #expect(try Self.sideChannels(in: out) == direct)
    }
}
