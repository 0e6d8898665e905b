import Foundation
import PolicyWorkloads
import TestSupport

/// A compiler golden case: a workspace and the `expected.sql` its compilation must equal.
struct CompileCase {
    /// The case's name (a directory under `Tests/Fixtures/compile`, or `example-saas`).
    var name: String
    /// The directory holding its `pgpe.yaml`.
    var workspace: URL
    /// Its golden file.
    var golden: URL

    /// The fixture cases, one per rule of SPEC section 7.
    static let fixtureNames = [
        "depth-2", "distinct-check", "functions", "grants", "insert-only", "govern", "long-names", "missing-context-error",
        "partial-commands", "quoted-identifiers", "quotes-in-literals", "outer-values", "raw", "roles", "session-values",
    ]

    /// The running example's name; its golden lives with the fixtures, its files in `examples/saas`.
    static let exampleName = "example-saas"

    /// Every case: the running example, then the fixtures.
    static let names = [exampleName] + fixtureNames

    /// `Tests/Fixtures/compile`.
    static var root: URL { Fixtures.fixtureDirectory.appendingPathComponent("compile") }

    /// The case called `name`.
    static func named(_ name: String) -> CompileCase {
        let directory = root.appendingPathComponent(name)
        let workspace = name == exampleName ? Fixtures.exampleDirectory : directory
        return CompileCase(name: name, workspace: workspace, golden: directory.appendingPathComponent("expected.sql"))
    }

    /// Reads and checks the case's workspace.
    func load() throws -> GoldenWorkspace {
        try GoldenWorkspace.load(workspace)
    }

    /// The golden file's text.
    func goldenText() throws -> String {
        guard let data = FileManager.default.contents(atPath: golden.path) else {
            throw GoldenError("golden file \(golden.path) is missing; run the golden tests with PGPE_UPDATE_GOLDEN=1")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
