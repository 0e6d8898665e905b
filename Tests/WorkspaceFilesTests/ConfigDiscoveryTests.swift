import Foundation
import PolicyConfig
import Testing
import WorkspaceFiles

@Suite struct ConfigDiscoveryTests {
    /// A fresh directory under the system's temporary directory, removed afterwards.
    private static func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pgpe-discovery-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    @Test func findsTheNearestConfigWalkingUp() throws {
        try Self.withTemporaryDirectory { root in
            let project = root.appendingPathComponent("project")
            let nested = project.appendingPathComponent("db/policies/deep")
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            try "schemas: [public]\n".write(to: project.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
            #expect(ConfigDiscovery.find(from: nested.path) == project.path + "/pgpe.yaml")
            #expect(ConfigDiscovery.find(from: project.path) == project.path + "/pgpe.yaml")
            #expect(ConfigDiscovery.find(from: nested.path + "/../..") == project.path + "/pgpe.yaml")

            // A nearer one wins, and pgpe.yml is accepted.
            let inner = project.appendingPathComponent("db")
            try "schemas: [a]\n".write(to: inner.appendingPathComponent("pgpe.yml"), atomically: true, encoding: .utf8)
            #expect(ConfigDiscovery.find(from: nested.path) == inner.path + "/pgpe.yml")

            // pgpe.yaml is preferred to pgpe.yml in the same directory.
            try "schemas: [b]\n".write(to: inner.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
            #expect(ConfigDiscovery.find(from: nested.path) == inner.path + "/pgpe.yaml")
        }
    }

    @Test func nilWhenThereIsNone() throws {
        try Self.withTemporaryDirectory { root in
            let nested = root.appendingPathComponent("a/b/c")
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            // A directory named pgpe.yaml is not a config file.
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("a/pgpe.yaml"), withIntermediateDirectories: true)
            // Only meaningful when no ancestor of the temporary directory has a pgpe.yaml.
            let outside = ConfigDiscovery.find(from: root.deletingLastPathComponent().path)
            try #require(outside == nil, "an ancestor of the temporary directory has \(outside ?? "")")
            #expect(ConfigDiscovery.find(from: nested.path) == nil)
        }
    }

    @Test func theFoundFileLoadsWithPathsRelativeToIt() throws {
        try Self.withTemporaryDirectory { root in
            let nested = root.appendingPathComponent("x/y")
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            try "policies: [../p]\nschema: s.sql\n".write(
                to: root.appendingPathComponent("x/pgpe.yaml"), atomically: true, encoding: .utf8)
            let path = try #require(ConfigDiscovery.find(from: nested.path))
            let (config, _, diagnostics) = try ConfigLoader.load(path: path, environment: [:])
            #expect(diagnostics.isEmpty)
            #expect(config.policyPaths == [root.path + "/p"])
            #expect(config.schemaPath == root.path + "/x/s.sql")
        }
    }
}
