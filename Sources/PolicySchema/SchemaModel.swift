import PolicySyntax

/// The database schema pgpe checks policies against: tables, functions, roles.
///
/// Read from SQL (`pg_dump --schema-only` or migrations), from a JSON snapshot written by
/// `pgpe introspect`, or from a live catalog; all three give this same model.
public struct SchemaModel: Hashable, Sendable {
    /// Tables sorted by (schema, name).
    public private(set) var tables: [TableModel]
    /// Function signatures.
    public var functions: [FunctionSignature]
    /// Roles (pg_dump does not write them; snapshots and live catalogs do).
    public var roles: [RoleModel]
    /// Domains, sorted by name.
    public var domains: [DomainModel] {
        didSet { domainIndex = SchemaModel.indexDomains(domains) }
    }
    /// Collations declared or used by columns (predefined ones only when nondeterministic).
    public var collations: [CollationModel]
    /// User-defined types other than domains (enums with their labels, composite types), sorted by name.
    public var userTypes: [UserTypeModel]
    /// Views and materialized views, sorted by name.
    public var views: [ViewModel]
    /// Triggers (not internal ones), sorted by table and name.
    public var triggers: [TriggerModel]
    /// Schemas that were declared or hold a table.
    public var schemaNames: [String]
    /// Where the model came from (a path, a URL without password, or "<none>").
    public var origin: String

    private var index: [QualifiedName: Int]
    private var domainIndex: [String: Int]

    /// Creates a model; tables are sorted and indexed.
    public init(
        tables: [TableModel] = [], functions: [FunctionSignature] = [], roles: [RoleModel] = [],
        schemaNames: [String] = [], origin: String = "<none>", domains: [DomainModel] = [],
        collations: [CollationModel] = [], userTypes: [UserTypeModel] = [], views: [ViewModel] = [],
        triggers: [TriggerModel] = []
    ) {
        let sorted = tables.sorted { $0.name < $1.name }
        self.tables = sorted
        self.functions = functions
        self.roles = roles
        self.domains = domains.sorted { $0.name < $1.name }
        self.domainIndex = SchemaModel.indexDomains(self.domains)
        self.collations = collations.sorted { $0.name < $1.name }
        self.userTypes = userTypes.sorted { $0.name < $1.name }
        self.views = views.sorted { $0.name < $1.name }
        self.triggers = triggers.sorted { ($0.table, $0.name) < ($1.table, $1.name) }
        var names = Set(schemaNames)
        for table in sorted { names.insert(table.name.schema) }
        self.schemaNames = names.sorted()
        self.origin = origin
        var index: [QualifiedName: Int] = [:]
        for (offset, table) in sorted.enumerated() { index[table.name] = offset }
        self.index = index
    }

    /// An empty schema.
    public static let empty = SchemaModel()

    /// The table with exactly this name.
    public func table(_ name: QualifiedName) -> TableModel? {
        index[name].map { tables[$0] }
    }

    /// Replaces or adds a table, keeping the order.
    public mutating func upsert(_ table: TableModel) {
        var all = tables.filter { $0.name != table.name }
        all.append(table)
        self = SchemaModel(
            tables: all, functions: functions, roles: roles, schemaNames: schemaNames, origin: origin,
            domains: domains, collations: collations, userTypes: userTypes, views: views, triggers: triggers)
    }

    /// The view or materialized view with exactly this name.
    public func view(_ name: QualifiedName) -> ViewModel? {
        views.first { $0.name == name }
    }

    /// Resolves a table written as `name` or `schema.name`: a qualified name is exact; an
    /// unqualified one is looked up in `searchPath` order, then in any schema when unique.
    public func resolveTable(schema: String?, name: String, searchPath: [String]) -> TableModel? {
        if let schema { return table(QualifiedName(schema: schema, name: name)) }
        for candidate in searchPath {
            if let table = table(QualifiedName(schema: candidate, name: name)) { return table }
        }
        let matches = tables.filter { $0.name.name == name }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The tables of the given schemas.
    public func tables(inSchemas schemas: [String]) -> [TableModel] {
        let wanted = Set(schemas)
        return tables.filter { wanted.contains($0.name.schema) }
    }

    /// The role with this name.
    public func role(_ name: String) -> RoleModel? {
        roles.first { $0.name == name }
    }

    /// The domain a type names (`public.tenant_key`), when it is one.
    public func domain(_ type: SQLType) -> DomainModel? {
        domainIndex[type.name].map { domains[$0] }
    }

    /// The type a value is cast to where `type` is expected: a domain's base type (a cast to the
    /// domain would check its constraints, and a NOT NULL one raises on NULL), else `type`.
    public func castType(_ type: SQLType) -> SQLType {
        domain(type)?.base ?? type
    }

    /// The user type (not a domain) named `name` (`schema.name`), when the schema declares one.
    public func userType(_ name: String) -> UserTypeModel? {
        userTypes.first { $0.typeName == name }
    }

    /// The type a name written in pgpe.yaml denotes (`app.role`, or unqualified `role` found in
    /// `searchPath`): a domain (with its base type's family) or another user type (an enum
    /// compares like text), else the type of a column of that name; `nil` when the schema
    /// declares no such type.
    public func resolveUserType(_ written: String, searchPath: [String]) -> SQLType? {
        func lookup(_ name: String) -> SQLType? {
            if let domain = domainIndex[name].map({ domains[$0] }) {
                return SQLType(name: domain.typeName, family: domain.base.family)
            }
            if let found = userType(name)?.sqlType { return found }
            // A snapshot written before user types were listed still names them in its columns.
            for table in tables {
                if let column = table.columns.first(where: { $0.type.name == name }) { return column.type }
            }
            return nil
        }
        if written.contains(".") { return lookup(written) }
        for schema in searchPath + ["public"] {
            if let found = lookup("\(schema).\(written)") { return found }
        }
        return nil
    }

    /// The collation with this name, when the schema knows it.
    public func collation(named name: String) -> CollationModel? {
        collations.first { $0.name == name }
    }

    /// Whether `=` on `column` may hold between strings that are not identical: its collation is
    /// nondeterministic, or its type is `citext` (case-insensitive by type), directly or through
    /// a domain. Such an equality is not identity.
    public func hasUnknownEquality(_ column: ColumnModel) -> Bool {
        equalityCaveat(column) != nil
    }

    /// Why `=` on `column` is not identity (`collation public.ci is nondeterministic`,
    /// `type citext compares case-insensitively`), or `nil` when it is.
    public func equalityCaveat(_ column: ColumnModel) -> String? {
        let base = castType(column.type)
        if base.name == "citext" || base.name == "citext[]" { return "type citext compares case-insensitively" }
        if let name = column.collation ?? domain(column.type)?.collation, let collation = collation(named: name),
            !collation.isDeterministic
        {
            return "collation \(name) is nondeterministic"
        }
        return nil
    }

    private static func indexDomains(_ domains: [DomainModel]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, domain) in domains.enumerated() { index[domain.typeName] = position }
        return index
    }
}
