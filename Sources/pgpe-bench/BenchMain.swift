import Foundation
import PolicyWorkloads

/// `pgpe-bench`: the benchmark runner behind `make bench`. Each suite prints its measurements
/// and writes them as JSON under `bench-results/`.
@main
enum BenchMain {
    /// The suites, by name.
    static let suites: [String: @Sendable () throws -> BenchReport] = [
        "syntax": SyntaxBench.run,
        "database": DatabaseBench.run,
        "import": ImportBench.run,
        "compile": CompileBench.run,
        "diff": DiffBench.run,
        "proofs": ProofBench.run,
        "lsp": LSPBench.run,
        "lsp-engine": LSPBench.runEngine,
        "lsp-file": LSPBench.runOneFile,
    ]

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "generate" {
            do { try GenerateCommand.run(Array(arguments.dropFirst())) } catch {
                FileHandle.standardError.write(Data("generate failed: \(error)\n".utf8))
                exit(2)
            }
            exit(0)
        }
        let names = arguments.isEmpty ? suites.keys.sorted() : arguments
        var failed = false
        for name in names {
            guard let suite = suites[name] else {
                FileHandle.standardError.write(
                    Data("unknown suite '\(name)'; known: \(suites.keys.sorted().joined(separator: ", "))\n".utf8))
                exit(2)
            }
            do {
                let report = try suite()
                report.print()
                try report.write()
                if !report.allTargetsMet { failed = true }
            } catch {
                FileHandle.standardError.write(Data("suite \(name) failed: \(error)\n".utf8))
                failed = true
            }
        }
        exit(failed ? 1 : 0)
    }
}
