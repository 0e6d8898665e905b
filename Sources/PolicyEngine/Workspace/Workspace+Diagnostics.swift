import PolicySyntax

extension WorkspaceSnapshot {
    /// Every diagnostic of the project by file: problems reading it, pgpe.yaml, the schema,
    /// syntax and semantic ones, and the proof diagnostics of the latest run. Every policy file
    /// and every path in `listing` appear, with an empty list when they are clean.
    public func diagnosticsByFile(listing paths: [String] = []) -> [String: [Diagnostic]] {
        var result: [String: [Diagnostic]] = [:]
        for file in files { result[file.source.path] = [] }
        for path in paths { result[path] = [] }
        // Each source is free of duplicates already (the checker's sink and ProofDiagnostics see to it).
        for diagnostic in loadProblems { result[diagnostic.location.file, default: []].append(diagnostic) }
        for diagnostic in diagnostics { result[diagnostic.location.file, default: []].append(diagnostic) }
        for table in proofs.tableDiagnostics.keys.sorted() {
            for diagnostic in proofs.tableDiagnostics[table] ?? [] { result[diagnostic.location.file, default: []].append(diagnostic) }
        }
        for diagnostic in proofs.coverageDiagnostics { result[diagnostic.location.file, default: []].append(diagnostic) }
        return result
    }
}

extension Workspace {
    /// Every diagnostic of the project by file (`WorkspaceSnapshot.diagnosticsByFile`); pgpe.yaml
    /// and the schema file appear too, with an empty list when they are clean.
    public func diagnosticsByFile() -> [String: [Diagnostic]] {
        snapshot.diagnosticsByFile(listing: [configPath, schemaPath].compactMap { $0 })
    }
}
