import Foundation
import PolicyWorkloads
import TestSupport

/// A compiler golden case: a workspace and the `expected.sql` its compilation must equal.
struct CompileCase {
    /// The case's name (a directory under `Tests/Fixtures/compile`, or a bundled example's).
    var name: String
    /// The directory holding its `pgpe.yaml`.
    var workspace: URL
    /// Its golden file.
    var golden: URL

    /// The fixture cases, one per rule of SPEC section 7.
    static let fixtureNames = [
        "depth-2", "distinct-check", "functions", "grants", "insert-only", "govern", "long-names", "missing-context-error",
        "partial-commands", "quoted-identifiers", "quotes-in-literals", "outer-values", "raw", "roles", "session-values",
        "constants-and-now", "function-calls", "exact-names",
    ]

    /// The running example's name; its golden lives with the fixtures, its files in `examples/saas`.
    static let exampleName = "example-saas"

    /// The Supabase-style example's name; its golden lives with the fixtures, its files in
    /// `examples/supabase`.
    static let supabaseExampleName = "example-supabase"

    /// The bundled examples' cases, by the directory under `examples/` that holds their files.
    static let examples = [exampleName: "saas", supabaseExampleName: "supabase"]

    /// Every case: the bundled examples, then the fixtures.
    static let names = [exampleName, supabaseExampleName] + fixtureNames

    /// `Tests/Fixtures/compile`.
    static var root: URL { Fixtures.fixtureDirectory.appendingPathComponent("compile") }

    /// The case called `name`.
    static func named(_ name: String) -> CompileCase {
        let directory = root.appendingPathComponent(name)
        let workspace = examples[name].map { Fixtures.exampleDirectory($0) } ?? directory
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
