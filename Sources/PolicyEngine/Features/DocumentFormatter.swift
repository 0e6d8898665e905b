import PolicySyntax

/// Formatting for editors: the same layout as `pgpe fmt`, as one edit replacing the file.
public enum DocumentFormatter {
    /// The edit that formats the policy file at `path`; empty when it is formatted already or
    /// the snapshot has no such file, `nil` when it has syntax errors (the formatter does not guess).
    public static func edits(in path: String, snapshot: WorkspaceSnapshot) -> [TextEdit]? {
        guard let file = snapshot.file(path) else { return [] }
        return edits(for: file)
    }

    /// The edit that formats `file`; empty when it is formatted already, `nil` when it has
    /// syntax errors (the formatter does not guess).
    public static func edits(for file: ParsedFile) -> [TextEdit]? {
        guard let formatted = Formatter.format(file) else { return nil }
        guard formatted != file.source.text else { return [] }
        return [TextEdit(range: SourceRange(start: 0, end: file.source.bytes.count), newText: formatted)]
    }
}
