import PolicyEngine
import PolicySyntax
import PolicyWorkloads
import TestSupport
import WorkspaceFiles

/// A project in memory for engine tests (a `WorkspaceFixture`): the running example's
/// pgpe.yaml and schema (or given ones), a main policy file written from a marked fixture and
/// opened in the workspace, and other policy files.
final class EngineFixture {
    /// The project's files.
    var files: WorkspaceFixture
    var workspace: Workspace
    /// The main policy file's path.
    let path: String
    /// The main policy file with its markers.
    let source: MarkedSource

    /// The example's pgpe.yaml with a function and a second session key added.
    static let config = """
        policies: [policies]
        schema: schema.sql
        schemas: [public]
        session:
          app.tenant_id: uuid
          app.user_id: uuid
        isolation:
          - key: app.tenant_id
        functions:
          is_member: { args: [uuid, uuid], returns: boolean, schema: public }
        """

    init(
        _ marked: String, config: String = EngineFixture.config, schema: String? = nil,
        others: [String: String] = [:], open: Bool = true
    ) throws {
        source = MarkedSource(marked)
        files = WorkspaceFixture(
            files: [("pgpe.yaml", config), ("schema.sql", try schema ?? Fixtures.exampleText("schema.sql"))]
                + others.sorted { $0.key < $1.key }.map { ("policies/\($0.key)", $0.value) }
                + [("policies/main.policy", source.text)])
        path = files.path("policies/main.policy")
        workspace = files.workspace()
        if open { workspace.open(path, text: source.text, version: 1) }
    }

    /// The editor closed `path`: the fixture's text counts again (the whole project is handed
    /// over again when the workspace asks for it, as the edge does).
    func close(_ path: String) {
        workspace.close(path, diskText: files.files[path])
        if workspace.needsFiles { files.reset(&workspace) }
    }

    /// The offset of a marker.
    subscript(_ marker: String) -> Int { source[marker] }

    /// The snapshot.
    var snapshot: WorkspaceSnapshot { workspace.snapshot }

    /// The path of another file of the project.
    func file(_ relative: String) -> String {
        files.path(relative)
    }

    /// The text at a location, for assertions.
    func text(at location: FileLocation) -> String {
        snapshot.sourceFile(location.file)?.text(in: location.range) ?? "<no file \(location.file)>"
    }

    /// The 1-based line of a location.
    func line(of location: FileLocation) -> Int {
        snapshot.sourceFile(location.file)?.position(of: location.range.start).line ?? 0
    }

    /// Runs the background proofs to completion and takes their results.
    func prove(jobs: Int = 2) {
        let session = ProofSession(jobs: jobs)
        while let job = workspace.proofJob() {
            let result = session.run(job)
            guard workspace.accept(result) else { break }
        }
        workspace.markProofsCurrent()
    }
}

/// The running example's tenancy policies with markers, used by many tests.
let tenancyFixture = """
    // Every table that carries tenant_id is visible only to its own tenant.
    POLICY 1️⃣tenant_isolation
      PERMISSIVE
      FOR SELECT, INSERT, UPDATE, DELETE
      SELECTOR 2️⃣has_column('tenant_id')
      CLAUSE col(3️⃣tenant_id) = session(4️⃣'app.tenant_id')

    POLICY tenant_isolation_via_project
      PERMISSIVE
      FOR ALL
      SELECTOR named('tasks') OR named('files')
      CLAUSE
        exists(
          rel(_, 5️⃣project_id, 6️⃣projects, 7️⃣id),
          {col(8️⃣tenant_id) = session('app.tenant_id') AND fn(9️⃣is_member, [session('app.user_id'), col(tenant_id)])}
        )
    """
