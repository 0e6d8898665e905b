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
        // Each source is free of duplicates already (the checker's sink and ProofDiagnostics see to it).
        for diagnostic in loadProblems { result[diagnostic.location.file, default: []].append(diagnostic) }
        for diagnostic in snapshot.diagnostics { result[diagnostic.location.file, default: []].append(diagnostic) }
        for table in proofs.tableDiagnostics.keys.sorted() {
            for diagnostic in proofs.tableDiagnostics[table] ?? [] { result[diagnostic.location.file, default: []].append(diagnostic) }
        }
        for diagnostic in proofs.coverageDiagnostics { result[diagnostic.location.file, default: []].append(diagnostic) }
        return result
    }
}
