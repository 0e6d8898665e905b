import PolicySyntax

/// Go to definition: tables and columns to their `CREATE TABLE` in the schema file, session
/// keys and functions to pgpe.yaml, a selector to the tables it matches, a policy name to
/// itself.
public enum DefinitionProvider {
    /// Where the construct at `offset` of the policy file at `path` is defined (several places
    /// for a column of a policy that governs several tables).
    public static func definitions(at offset: Int, in path: String, snapshot: WorkspaceSnapshot) -> [FileLocation] {
        guard let file = snapshot.file(path), let hit = SyntaxLookup.hit(at: offset, in: file) else { return [] }
        switch hit.element {
        case .policyName(let name):
            return [FileLocation(file: path, range: name.range)]
        case .column(let name):
            return snapshot.columnScope(of: hit).compactMap { $0.column(name.identifier)?.location }
        case .outerColumn(let name):
            return snapshot.outerScope(of: hit).compactMap { $0.column(name.identifier)?.location }
        case .selectorColumn(let name):
            return snapshot.candidateTables.compactMap { $0.column(name.identifier)?.location }
        case .selector(let selector):
            return snapshot.tables(matching: selector).compactMap(\.location)
        case .relationTable(let name, _, _):
            return snapshot.table(name)?.location.map { [$0] } ?? []
        case .relationColumn(let name, let relation, let isSource):
            let tables = isSource ? snapshot.relationSources(relation, at: hit) : snapshot.table(relation.target).map { [$0] } ?? []
            return tables.compactMap { $0.column(name.identifier)?.location }
        case .relation(let relation):
            return snapshot.table(relation.target)?.location.map { [$0] } ?? []
        case .session(let key):
            return snapshot.config.sessionKey(key.value)?.location.map { [$0] } ?? []
        case .function(let call):
            return snapshot.config.function(call.name.identifier)?.location.map { [$0] } ?? []
        case .policyHeader, .grantHeader, .governHeader, .role, .typeName, .literal, .raw, .constant, .now:
            return []
        }
    }
}
