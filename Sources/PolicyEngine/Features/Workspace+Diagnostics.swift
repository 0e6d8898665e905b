import PolicySyntax

extension Workspace {
    /// Every diagnostic of the project by file: pgpe.yaml, the schema, syntax and semantic ones
    /// from the current snapshot, and the proof diagnostics of the latest run. Every policy
    /// file, pgpe.yaml and the schema file appear, with an empty list when they are clean.
    public func diagnosticsByFile() -> [String: [Diagnostic]] {
        var result: [String: [Diagnostic]] = [:]
        for file in snapshot.files { result[file.source.path] = [] }
        if let configPath { result[configPath] = [] }
        if let schemaPath { result[schemaPath] = [] }
        var seen = Set<Diagnostic>()
        for diagnostic in loadProblems + snapshot.diagnostics + proofs.diagnostics where seen.insert(diagnostic).inserted {
            result[diagnostic.location.file, default: []].append(diagnostic)
        }
        return result
    }
}
