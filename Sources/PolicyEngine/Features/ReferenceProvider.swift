import PolicySchema
import PolicySyntax

/// Find references: the policies that govern a table (at their names), from a table written in
/// `rel()`, a selector, a column of `col()` (the tables it is on), a policy name (the policies
/// that share its tables), or a table's `CREATE TABLE` in the schema file.
public enum ReferenceProvider {
    /// The references for the construct at `offset` of the file at `path` (a policy file or the
    /// schema file); `includeDeclaration` adds the table's definition.
    public static func references(
        at offset: Int, in path: String, snapshot: WorkspaceSnapshot,
        includeDeclaration: Bool
    ) -> [FileLocation] {
        let tables = self.tables(at: offset, in: path, snapshot: snapshot)
        guard !tables.isEmpty else { return [] }
        var result: [FileLocation] = []
        if includeDeclaration {
            result += tables.compactMap { snapshot.policySet.schema.table($0)?.location }
        }
        let wanted = Set(tables)
        for policy in snapshot.policySet.policies where policy.tables.contains(where: wanted.contains) {
            let location = FileLocation(file: policy.ref.location.file, range: policy.ref.nameRange)
            if !result.contains(location) { result.append(location) }
        }
        return result
    }

    /// The tables the construct at `offset` is about.
    public static func tables(at offset: Int, in path: String, snapshot: WorkspaceSnapshot) -> [QualifiedName] {
        if let schemaFile = snapshot.schemaSource.file, schemaFile.path == path {
            return tableDefined(at: offset, snapshot: snapshot).map { [$0] } ?? []
        }
        guard let file = snapshot.file(path), let hit = SyntaxLookup.hit(at: offset, in: file) else { return [] }
        switch hit.element {
        case .relationTable(let name, _, _):
            return snapshot.table(name).map { [$0.name] } ?? []
        case .relation(let relation):
            return snapshot.table(relation.target).map { [$0.name] } ?? []
        case .relationColumn(_, let relation, let isSource):
            let tables = isSource ? snapshot.relationSources(relation, at: hit) : snapshot.table(relation.target).map { [$0] } ?? []
            return tables.map(\.name)
        case .selector(let selector):
            return snapshot.tables(matching: selector).map(\.name)
        case .column(let name):
            return snapshot.columnScope(of: hit).filter { $0.column(name.identifier) != nil }.map(\.name)
        case .outerColumn(let name):
            return snapshot.outerScope(of: hit).filter { $0.column(name.identifier) != nil }.map(\.name)
        case .governHeader:
            return hit.item.selector.map { snapshot.tables(matching: $0).map(\.name) } ?? []
        case .policyName, .policyHeader:
            guard let policy = hit.policy, let checked = snapshot.checkedPolicy(policy, in: path) else { return [] }
            return checked.tables
        case .grantHeader, .role, .selectorColumn, .typeName, .session, .function, .literal, .raw, .constant, .now:
            return []
        }
    }

    /// The table whose definition in the schema file contains `offset` (its `CREATE TABLE` up to
    /// the next table's).
    static func tableDefined(at offset: Int, snapshot: WorkspaceSnapshot) -> QualifiedName? {
        let tables = snapshot.policySet.schema.tables.compactMap { table in table.location.map { (table.name, $0.range.start) } }
            .sorted { $0.1 < $1.1 }
        guard let file = snapshot.schemaSource.file else { return nil }
        let line = file.lineTable.lineIndex(of: offset)
        var found: QualifiedName?
        for (name, start) in tables where file.lineTable.lineIndex(of: start) <= line { found = name }
        return found
    }
}
