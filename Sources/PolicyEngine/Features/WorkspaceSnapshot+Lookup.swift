import PolicySchema
import PolicySemantics
import PolicySyntax

extension WorkspaceSnapshot {
    /// The checked policy declared by `declaration` in the file at `path`.
    public func checkedPolicy(_ declaration: PolicyDeclSyntax, in path: String) -> CheckedPolicy? {
        policySet.policies.first { $0.ref.location.file == path && $0.ref.location.range == declaration.range }
    }

    /// The checked grant declared by `declaration` in the file at `path`.
    public func checkedGrant(_ declaration: GrantDeclSyntax, in path: String) -> CheckedGrant? {
        policySet.grants.first { $0.location.file == path && $0.location.range == declaration.range }
    }

    /// The tables of the governed schemas, in order.
    public var candidateTables: [TableModel] {
        policySet.schema.tables(inSchemas: config.schemas)
    }

    /// The tables of the governed schemas `selector` matches, in order.
    public func tables(matching selector: SelectorSyntax) -> [TableModel] {
        let compiled = CompiledSelector(selector)
        return candidateTables.filter { compiled.matches($0) }
    }

    /// The table a written table name resolves to (search path: the governed schemas).
    public func table(_ name: TableNameSyntax) -> TableModel? {
        policySet.schema.resolveTable(schema: name.schema?.identifier, name: name.name.identifier, searchPath: config.schemas)
    }

    /// The tables `col()` refers to at `hit`: the innermost traversal's target, else the tables
    /// the policy's selector matches.
    public func columnScope(of hit: SyntaxHit) -> [TableModel] {
        if let relation = hit.traversals.last {
            return table(relation.target).map { [$0] } ?? []
        }
        return hit.item.selector.map { tables(matching: $0) } ?? []
    }

    /// The tables `outer()` refers to at `hit`: the row the innermost traversal starts from (the
    /// enclosing traversal's target, else the governed tables); none outside a traversal.
    public func outerScope(of hit: SyntaxHit) -> [TableModel] {
        guard !hit.traversals.isEmpty else { return [] }
        var outer = hit
        outer.traversals.removeLast()
        return columnScope(of: outer)
    }

    /// The table a `rel()`'s source stands for at `hit` (`_`: the enclosing traversal's target,
    /// else the governed tables).
    public func relationSources(_ relation: RelationSyntax, at hit: SyntaxHit) -> [TableModel] {
        if let source = relation.source { return table(source).map { [$0] } ?? [] }
        var outer = hit
        if let index = hit.traversals.firstIndex(where: { $0 == relation }) {
            outer.traversals = Array(hit.traversals[..<index])
        }
        return columnScope(of: outer)
    }
}
