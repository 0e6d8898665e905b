import PolicySyntax

extension Workspace {
    /// The editor opened `path` with `text`. Rebuilds the snapshot.
    public mutating func open(_ path: String, text: String, version: Int) {
        open(OpenDocument(source: SourceFile(path: path, text: text), version: version))
    }

    /// The editor opened `document` (the caller's document: the workspace shares its text, it
    /// makes no copy). Rebuilds the snapshot.
    public mutating func open(_ document: OpenDocument) {
        openDocuments[document.source.path] = document
        rebuild()
    }

    /// An open document changed by `edits` (UTF-8 offsets, each against the text the previous
    /// ones left) into `document`, which the caller made and keeps: the workspace takes it as
    /// its text (sharing it, not copying it) and moves the proof diagnostics along with the
    /// edits. Call `rebuild()` after. Does nothing for a document that is not open.
    public mutating func change(to document: OpenDocument, by edits: [TextEdit]) {
        let path = document.source.path
        guard openDocuments[path] != nil else { return }
        openDocuments[path] = document
        for edit in edits { proofs.map(edit, in: path) }
    }

    /// Applies one edit (UTF-8 offsets into the document's current text) to an open document
    /// and moves the proof diagnostics along with it. Call `rebuild()` after the last edit of a
    /// change. Does nothing for a document that is not open.
    public mutating func edit(_ path: String, _ edit: TextEdit) {
        guard let document = openDocuments[path] else { return }
        let text = TextEditing.apply(edit, to: document.source.text)
        openDocuments[path] = OpenDocument(source: SourceFile(path: path, text: text), version: document.version)
        proofs.map(edit, in: path)
    }

    /// Replaces an open document's whole text (a full-text change), as the edit that changed it.
    public mutating func replace(_ path: String, text: String) {
        guard let document = openDocuments[path] else { return }
        edit(path, TextEditing.difference(from: document.source.text, to: text))
    }

    /// Records the editor's version of an open document.
    public mutating func setVersion(_ version: Int, of path: String) {
        openDocuments[path]?.version = version
    }

    /// The editor closed `path`: the file on disk (`diskText`, for a policy file: what the edge
    /// read) counts again. Rebuilds the snapshot; for pgpe.yaml or the schema file it sets
    /// `needsFiles` instead (the edge reads the project again).
    public mutating func close(_ path: String, diskText: String?) {
        guard let document = openDocuments.removeValue(forKey: path) else { return }
        if path.hasSuffix(".policy") {
            diskTexts[path] = diskText
            if diskText != document.source.text {
                // The unsaved buffer gives way to the disk text: proof diagnostics placed in the
                // buffer do not fit it; they come back when the proofs run on the disk text.
                proofs.forget(file: path)
            }
        }
        if isConfigFile(path) || isSchemaFile(path) {
            needsFiles = true
            return
        }
        rebuild()
    }

    /// Makes a new snapshot from the current texts (reusing unchanged parsed and checked files).
    public mutating func rebuild() {
        if let configPath, let open = openDocuments[configPath], open.source.text != configSource.file?.text {
            let previous = config
            configSource = ConfigSource.read(text: open.source.text, path: configPath, environment: environment)
            if previous.policyPaths != config.policyPaths || previous.schemaPath != config.schemaPath {
                // Other files make up the project: the edge reads them (`reset`). Until then the
                // schema is the new schema file when it is open, else none.
                if previous.schemaPath != config.schemaPath { schemaSource = .none }
                needsFiles = true
            }
            contextGeneration += 1
        }
        if let schemaPath, let open = openDocuments[schemaPath], open.source.text != schemaSource.file?.text {
            schemaSource = SchemaSource.read(text: open.source.text, path: schemaPath)
            loadProblems.removeAll { $0.kind == .workspaceUnreadableSchema }
            contextGeneration += 1
        }
        var documents: [String: String] = [:]
        for (path, text) in diskTexts where ownsPolicyFile(path) { documents[path] = text }
        for (path, document) in openDocuments where ownsPolicyFile(path) { documents[path] = document.source.text }
        var next = WorkspaceSnapshot(
            config: configSource, schema: schemaSource, documents: documents, previous: snapshot,
            checkCache: checkCache, sources: openDocuments.mapValues(\.source))
        next.generation = snapshot.generation + 1
        next.proofs = snapshot.proofs
        next.loadProblems = snapshot.loadProblems
        snapshot = next
        // Without a schema nothing is proven any more: earlier verdicts would stay forever.
        if !snapshot.policySet.hasSchema && (!proofs.signatures.isEmpty || !proofs.diagnostics.isEmpty) { proofs.removeAll() }
    }
}
