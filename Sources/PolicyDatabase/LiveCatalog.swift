import PolicySchema

/// What the live database holds, read by `CatalogIntrospector`: the schema model (tables,
/// columns, keys, comments and tags, owners, functions, roles) and the live state (RLS switches,
/// policies as `pg_policies` prints them, table grants), plus role memberships.
///
/// Expressions in `policies` were printed with `search_path` set to `pg_catalog`, so every
/// relation, function and type outside `pg_catalog` is schema-qualified whatever the reader's
/// settings are.
public struct LiveCatalog: Sendable {
    /// The model and the live state, in the snapshot format `pgpe introspect` writes.
    public let snapshot: SchemaSnapshot
    /// For each role, the roles it is a direct member of (`pg_auth_members`).
    public let memberships: [String: [String]]
    /// The number of round trips the read took (statements sent, including BEGIN and SET).
    public let queryCount: Int
    /// Per table whose owner is neither a superuser nor has BYPASSRLS: the SECURITY DEFINER
    /// functions and triggers that owner owns which read or write the table (tables without
    /// any are left out).
    public let ownerRoutines: [QualifiedName: OwnerRoutines]

    private let policiesByTable: [QualifiedName: [SnapshotPolicy]]
    private let grantsByTable: [QualifiedName: [SnapshotGrant]]
    private let rolesByName: [String: RoleModel]

    /// Creates a catalog and indexes it by table.
    public init(
        snapshot: SchemaSnapshot, memberships: [String: [String]] = [:],
        ownerRoutines: [QualifiedName: OwnerRoutines] = [:], queryCount: Int = 0
    ) {
        self.snapshot = snapshot
        self.memberships = memberships
        self.ownerRoutines = ownerRoutines
        self.queryCount = queryCount
        var policies: [QualifiedName: [SnapshotPolicy]] = [:]
        for policy in snapshot.policies {
            policies[QualifiedName(schema: policy.schema, name: policy.table), default: []].append(policy)
        }
        var grants: [QualifiedName: [SnapshotGrant]] = [:]
        for grant in snapshot.grants {
            grants[QualifiedName(schema: grant.schema, name: grant.table), default: []].append(grant)
        }
        var roles: [String: RoleModel] = [:]
        for role in snapshot.model.roles { roles[role.name] = role }
        self.policiesByTable = policies
        self.grantsByTable = grants
        self.rolesByName = roles
    }

    /// The schema model.
    public var model: SchemaModel { snapshot.model }

    /// The table with this name, when it exists.
    public func table(_ name: QualifiedName) -> TableModel? {
        snapshot.model.table(name)
    }

    /// The RLS switches of a table, when it exists.
    public func state(of table: QualifiedName) -> SnapshotTableState? {
        snapshot.tableStates[table]
    }

    /// The policies on a table, by name.
    public func policies(on table: QualifiedName) -> [SnapshotPolicy] {
        policiesByTable[table] ?? []
    }

    /// The explicit grants on a table (the owner's own privileges excluded).
    public func grants(on table: QualifiedName) -> [SnapshotGrant] {
        grantsByTable[table] ?? []
    }

    /// The role with this name, when it exists.
    public func role(_ name: String) -> RoleModel? {
        rolesByName[name]
    }

    /// Whether a session logged in as `member` can act as `role`: it is `role`, or a member of
    /// it directly or through other roles (with or without INHERIT: a member may `SET ROLE`).
    public func canActAs(_ member: String, role: String) -> Bool {
        var seen: Set<String> = [member]
        var pending = [member]
        while let next = pending.popLast() {
            if next == role { return true }
            for parent in memberships[next] ?? [] where seen.insert(parent).inserted {
                pending.append(parent)
            }
        }
        return false
    }
}
