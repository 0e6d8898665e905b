import PolicySyntax

/// Evaluates a selector on one table (SPEC 4.3).
public enum SelectorEvaluator {
    /// Whether `selector` matches `table`. A `missing` selector matches nothing.
    public static func matches(_ selector: SelectorSyntax, table: TableModel) -> Bool {
        switch selector.kind {
        case .all:
            return true
        case .hasColumn(let name, let type):
            guard let column = table.column(name.identifier) else { return false }
            guard let type else { return true }
            return column.type.name == SQLType.normalize(type.identifier).name
        case .inSchema(let schema):
            return table.name.schema == schema.identifier
        case .named(let pattern):
            return LikePattern.matches(table.name.name, pattern: pattern.value)
        case .tagged(let tag):
            return table.tags.contains(tag.value)
        case .not(let inner):
            return !matches(inner, table: table)
        case .and(let terms):
            return terms.allSatisfy { matches($0, table: table) }
        case .or(let terms):
            return terms.contains { matches($0, table: table) }
        case .parenthesized(let inner):
            return matches(inner, table: table)
        case .missing:
            return false
        }
    }
}
