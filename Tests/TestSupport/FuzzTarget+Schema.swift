import PolicyConfig
import PolicySchema
import PolicySyntax

extension FuzzTarget {
    /// The SQL reader's diagnostics lie inside the text, and the model it builds is written as a
    /// snapshot document that reads back, without diagnostics, to the same document.
    static func schemaSQLViolation(_ text: String) -> String? {
        let file = SourceFile(path: "fuzz.sql", text: text)
        let (model, diagnostics) = SQLSchemaReader.read(file: file)
        if let violation = rangeViolation(diagnostics, in: file) { return "schema reader: " + violation }
        return snapshotRoundTripViolation(SchemaSnapshot(model: model))
    }

    /// The snapshot reader's diagnostics lie inside the text; a document read without errors is
    /// written again as a document that reads back to itself.
    static func snapshotViolation(_ text: String) -> String? {
        let file = SourceFile(path: "fuzz.json", text: text)
        let (snapshot, diagnostics) = SchemaSnapshot.read(text: text, path: file.path)
        if let violation = rangeViolation(diagnostics, in: file) { return "snapshot reader: " + violation }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return snapshotRoundTripViolation(snapshot)
    }

    /// `snapshot`'s document reads back without diagnostics and is written the same again.
    private static func snapshotRoundTripViolation(_ snapshot: SchemaSnapshot) -> String? {
        let document = snapshot.encode()
        let (read, diagnostics) = SchemaSnapshot.read(text: document, path: "written.json")
        if !diagnostics.isEmpty {
            return "snapshot: the written document reads with \(diagnostics.map(\.message)):\n\(document)"
        }
        let again = read.encode()
        return again == document ? nil : "snapshot: the written document reads back differently:\n\(document)\n---\n\(again)"
    }

    /// The pgpe.yaml reader's diagnostics lie inside the text and name its file.
    static func configViolation(_ text: String) -> String? {
        let path = "/fuzz/pgpe.yaml"
        let (_, file, diagnostics) = ConfigLoader.load(text: text, path: path, environment: ["PGPE_FUZZ": "fuzz-value"])
        if let violation = rangeViolation(diagnostics, in: file) { return "config: " + violation }
        if let stray = diagnostics.first(where: { $0.location.file != path }) {
            return "config: diagnostic \(stray.id) names the file \(stray.location.file)"
        }
        return nil
    }
}
