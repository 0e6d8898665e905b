import PolicySchema
import PolicySyntax

/// Inlay hints: after each `SELECTOR …`, the tables it matches.
public enum InlayHintProvider {
    /// How many table names a hint spells out.
    public static let namedTables = 3

    /// The hints of the policy file at `path` whose offsets lie in `range`.
    public static func hints(in path: String, range: SourceRange, snapshot: WorkspaceSnapshot) -> [InlayHintInfo] {
        guard let file = snapshot.file(path), snapshot.policySet.hasSchema else { return [] }
        var result: [InlayHintInfo] = []
        for item in file.tree.items {
            guard let selector = item.selector, range.contains(selector.range.end), Workspace.isComplete(selector) else { continue }
            let tables = snapshot.tables(matching: selector).map(\.name)
            result.append(hint(for: tables, at: selector.range.end))
        }
        return result
    }

    private static func hint(for tables: [QualifiedName], at offset: Int) -> InlayHintInfo {
        let names = tables.map { $0.schema == "public" ? $0.name : $0.description }
        let label: String
        switch names.count {
        case 0: label = "→ no tables"
        case 1...namedTables: label = "→ " + names.joined(separator: ", ")
        default: label = "→ \(names.count) tables: " + names.prefix(namedTables).joined(separator: ", ") + ", …"
        }
        let tooltip = tables.isEmpty ? nil : tables.map(\.description).joined(separator: "\n")
        return InlayHintInfo(offset: offset, label: " " + label, tooltip: tooltip)
    }
}
