extension SchemaModel {
    /// The tables and views a routine body (its source text, `pg_proc.prosrc`, or a whole
    /// `CREATE FUNCTION` as `pg_get_functiondef` prints it) reads or writes: the names after FROM,
    /// JOIN, INTO and UPDATE that denote one (unqualified ones looked up in `searchPath`), sorted.
    /// A best-effort scan: dynamic SQL (`EXECUTE`) is not seen.
    public func relations(readBy body: String, searchPath: [String]) -> [QualifiedName] {
        var found = Set<QualifiedName>()
        for name in RelationNameScanner.names(inBody: body) {
            let candidates =
                name.schema.map { [QualifiedName(schema: $0, name: name.last)] }
                ?? searchPath.filter { !$0.isEmpty && $0 != "$user" }.map { QualifiedName(schema: $0, name: name.last) }
            if let match = candidates.first(where: { table($0) != nil || view($0) != nil }) { found.insert(match) }
        }
        return found.sorted()
    }

    /// The schemas of a `search_path` setting's text (`"$user", public`), as PostgreSQL lists them.
    public static func searchPath(setting text: String) -> [String] {
        SchemaReaderState.parseSearchPathList(text)
    }
}
