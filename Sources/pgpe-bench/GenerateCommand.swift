import Foundation
import PolicyWorkloads

/// `pgpe-bench generate DIR [tables] [policies] [lines]`: writes a generated workspace, for
/// profiling and trying things by hand; with `PGPE_BENCH_SURROUNDINGS=1` its schema has the objects
/// the checks beyond the policies look at (`WorkspaceGenerator.surroundings()`), as `proofs` uses.
enum GenerateCommand {
    static func run(_ arguments: [String]) throws {
        // An option is never a directory: `generate --help` once wrote a workspace into ./--help.
        guard let directory = arguments.first, !directory.hasPrefix("-") else {
            FileHandle.standardError.write(Data("usage: pgpe-bench generate DIR [tables] [policies] [lines]\n".utf8))
            exit(arguments.first.map { ["-h", "--help"].contains($0) } == true ? 0 : 2)
        }
        let numbers = arguments.dropFirst().compactMap { Int($0) }
        let generator = WorkspaceGenerator(
            tables: numbers.first ?? 200, policies: numbers.count > 1 ? numbers[1] : 50,
            minimumLines: numbers.count > 2 ? numbers[2] : 0)
        var workspace = generator.generate()
        if ProcessInfo.processInfo.environment["PGPE_BENCH_SURROUNDINGS"] == "1" { workspace.schema += generator.surroundings() }
        try workspace.write(to: URL(fileURLWithPath: directory))
    }
}
