import Foundation
import PolicyEngine
import PolicySyntax
import PolicyWorkloads
import Testing
import WorkspaceFiles

/// The edge's disk: a project read from a real directory, files changing on disk, documents
/// closed, and the project read again when the open pgpe.yaml names other files.
@Suite struct WorkspaceFilesTests {
    static let a = "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenant_id')\n"
    static let b = "POLICY b PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE col(key) = lit('x')\n"

    @Test func filesOnDiskMakeUpTheProject() throws {
        let project = try DiskProject(policies: ["policies/a.policy": Self.a, "policies/sub/b.policy": Self.b, "policies/notes.txt": "x"])
        #expect(project.names == ["a", "b"])
        #expect(project.workspace.snapshot.policySet.hasSchema)
        #expect(project.workspace.diagnosticsByFile().values.allSatisfy { $0.isEmpty })
    }

    @Test func reloadPicksUpNewAndDeletedFiles() throws {
        let project = try DiskProject(policies: ["policies/a.policy": Self.a])
        let added = project.file("policies/new.policy")
        try project.write("policies/new.policy", Self.b)
        project.workspace.reload(changedPaths: [added])
        #expect(project.names == ["a", "b"])
        try FileManager.default.removeItem(atPath: added)
        project.workspace.reload(changedPaths: [added])
        #expect(project.names == ["a"])
    }

    @Test func aMissingSchemaIsADiagnosticNotAFailure() throws {
        let project = try DiskProject(config: "policies: [policies]\nschema: missing.sql\n", policies: ["policies/a.policy": Self.a])
        let problems = project.workspace.diagnosticsByFile()[project.file("pgpe.yaml")] ?? []
        #expect(problems.map(\.id) == ["workspace.unreadable-schema"])
        #expect(problems.first?.message == "cannot read schema file \(project.file("missing.sql")); only schema-free checks run")
    }

    @Test func closingADocumentRevertsToDisk() throws {
        let project = try DiskProject(policies: ["policies/a.policy": Self.a])
        let path = project.file("policies/a.policy")
        project.workspace.open(path, text: Self.b, version: 1)
        #expect(project.names == ["b"])
        project.workspace.close(path)
        #expect(project.names == ["a"])
    }

    /// Editing the open pgpe.yaml to name another directory reads that directory's files.
    @Test func anOpenPgpeYamlNamingOtherPoliciesReadsThem() throws {
        let project = try DiskProject(policies: ["policies/a.policy": Self.a, "more/b.policy": Self.b])
        let config = project.file("pgpe.yaml")
        let text = try String(contentsOfFile: config, encoding: .utf8)
        project.workspace.open(config, text: text.replacingOccurrences(of: "policies: [policies]", with: "policies: [more]"), version: 1)
        #expect(project.workspace.needsFiles)
        project.workspace.readFilesIfNeeded()
        #expect(!project.workspace.needsFiles)
        #expect(project.names == ["b"])
        project.workspace.close(config)
        #expect(project.names == ["a"])
    }
}
