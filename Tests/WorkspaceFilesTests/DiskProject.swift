import Foundation
import PolicyEngine
import PolicyWorkloads
import WorkspaceFiles

/// A project in a temporary directory: pgpe.yaml, the running example's schema and policy
/// files by relative path. Removed when it goes away.
final class DiskProject {
    /// The project's directory.
    let directory: URL
    /// The workspace read from it.
    var workspace: Workspace

    init(
        config: String = "policies: [policies]\nschema: schema.sql\nschemas: [public]\nsession:\n  app.tenant_id: uuid\n",
        policies: [String: String]
    ) throws {
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
        try Fixtures.exampleText("schema.sql").write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        for (name, text) in policies {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        workspace = Workspace.load(
            directory: directory.path, configPath: directory.appendingPathComponent("pgpe.yaml").path,
            environment: [:])
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The absolute path of a file of the project.
    func file(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// Writes a file of the project.
    func write(_ relative: String, _ text: String) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The names of the workspace's policies.
    var names: Set<String> { Set(workspace.snapshot.policySet.policies.map(\.ref.name)) }
}
