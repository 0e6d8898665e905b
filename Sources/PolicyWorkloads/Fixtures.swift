import Foundation

/// Locates files of the repository (examples, fixtures) from tests.
public enum Fixtures {
    /// The repository root: `PGPE_REPO_ROOT`, or found by walking up from this source file.
    public static var repositoryRoot: URL {
        if let root = ProcessInfo.processInfo.environment["PGPE_REPO_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root)
        }
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The running example's directory, `examples/saas`.
    public static var exampleDirectory: URL {
        exampleDirectory("saas")
    }

    /// The directory of the bundled example `name` (`saas`, `supabase`), under `examples/`.
    public static func exampleDirectory(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("examples").appendingPathComponent(name)
    }

    /// The text of a file under `examples/saas`.
    public static func exampleText(_ relativePath: String) throws -> String {
        try String(contentsOf: exampleDirectory.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The test fixtures directory, `Tests/Fixtures`.
    public static var fixtureDirectory: URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures")
    }
}
