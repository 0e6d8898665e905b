import JSON
import PolicySyntax

/// A schema snapshot: the JSON document `pgpe introspect` writes and the front end reads in
/// place of SQL, so a team can check and compile offline against a copy of production.
///
/// It holds the same `SchemaModel` the SQL reader builds, plus the live state that is not part
/// of the model: each table's RLS switches, its policies and its grants.
///
/// The document (version 1; `docs/snapshot-format.md` has the full description):
///
/// ```json
/// {
///   "format": "pgpe-snapshot",
///   "version": 1,
///   "schemas": ["public"],
///   "types": [
///     {"name": "public.mood", "family": "text"}
///   ],
///   "tables": [
///     {
///       "schema": "public",
///       "name": "users",
///       "columns": [
///         {"name": "id", "type": "uuid", "not_null": true}
///       ],
///       "primary_key": ["id"],
///       "unique_keys": [["email"]],
///       "foreign_keys": [
///         {
///           "name": "users_tenant_id_fkey",
///           "columns": ["tenant_id"],
///           "ref_schema": "public",
///           "ref_table": "tenants",
///           "ref_columns": ["id"]
///         }
///       ],
///       "comment": "people. @pgpe:tags pii",
///       "tags": ["pii"],
///       "owner": "app_owner",
///       "rls_enabled": true,
///       "rls_forced": true
///     }
///   ],
///   "functions": [
///     {
///       "schema": "public",
///       "name": "is_member",
///       "args": ["uuid", "uuid"],
///       "returns": "boolean",
///       "security_definer": true
///     }
///   ],
///   "roles": [
///     {"name": "app", "login": true, "superuser": false, "bypassrls": false}
///   ],
///   "policies": [
///     {
///       "schema": "public",
///       "table": "users",
///       "name": "tenant_isolation",
///       "permissive": true,
///       "roles": ["app"],
///       "command": "ALL",
///       "qual": "(tenant_id = (current_setting('app.tenant_id'::text))::uuid)",
///       "with_check": null
///     }
///   ],
///   "grants": [
///     {"schema": "public", "table": "users", "grantee": "app", "privilege": "SELECT"}
///   ]
/// }
/// ```
///
/// Types are written by their normalized name (`SQLType.name`); `types` lists those whose
/// family `SQLType.normalize` cannot tell from the name (enums, domains, case-sensitive names).
/// `rls_enabled` and `rls_forced` appear only for tables whose live state is known. Required:
/// `format`, `version`, `tables`, and in each table `schema`, `name`, `columns`, in each column
/// `name` and `type`; everything else defaults to empty, false or null. Output is
/// deterministic: fixed member order, tables in the model's order (sorted by schema and name),
/// everything else in the order given, two-space indentation and a final newline.
public struct SchemaSnapshot: Hashable, Sendable {
    /// The value of `format`.
    public static let formatName = "pgpe-snapshot"
    /// The version this pgpe writes and reads.
    public static let currentVersion = 1

    /// Tables, columns, keys, comments, functions and roles.
    public var model: SchemaModel
    /// RLS switches by table, for the tables whose live state is known.
    public var tableStates: [QualifiedName: SnapshotTableState]
    /// Policies as the live catalog prints them.
    public var policies: [SnapshotPolicy]
    /// Table privileges.
    public var grants: [SnapshotGrant]

    /// Creates a snapshot.
    public init(
        model: SchemaModel, tableStates: [QualifiedName: SnapshotTableState] = [:],
        policies: [SnapshotPolicy] = [], grants: [SnapshotGrant] = []
    ) {
        self.model = model
        self.tableStates = tableStates
        self.policies = policies
        self.grants = grants
    }

    // MARK: - Reading

    /// Reads the model from a snapshot document; problems are diagnostics located at the
    /// offending value in `path`.
    public static func decode(text: String, path: String) -> (SchemaModel, [Diagnostic]) {
        let (snapshot, diagnostics) = read(text: text, path: path)
        return (snapshot.model, diagnostics)
    }

    /// Reads the whole snapshot (model and live state) from a document.
    public static func read(text: String, path: String) -> (SchemaSnapshot, [Diagnostic]) {
        var decoder = SnapshotDecoder(path: path)
        let snapshot = decoder.decode(bytes: Array(text.utf8))
        return (snapshot, decoder.diagnostics.sorted { $0.range < $1.range })
    }

    // MARK: - Writing

    /// The snapshot document for `model` and the given live state.
    public static func encode(
        _ model: SchemaModel, tableStates: [QualifiedName: SnapshotTableState] = [:],
        policies: [SnapshotPolicy] = [], grants: [SnapshotGrant] = []
    ) -> String {
        SchemaSnapshot(model: model, tableStates: tableStates, policies: policies, grants: grants).encode()
    }

    /// This snapshot as a document.
    public func encode() -> String {
        JSONValue.object(
            JSONObject(
                [
                    ("format", .string(Self.formatName)),
                    ("version", .integer(Self.currentVersion)),
                    ("schemas", .array(model.schemaNames.map { .string($0) })),
                    ("types", .array(typeEntries())),
                ] + collationMembers() + [
                    ("tables", .array(model.tables.map(tableOutput))),
                    ("functions", .array(model.functions.map(functionOutput))),
                    ("roles", .array(model.roles.map(roleOutput))),
                    ("policies", .array(policies.map(policyOutput))),
                    ("grants", .array(grants.map(grantOutput))),
                ] + (model.views.isEmpty ? [] : [("views", .array(model.views.map(viewOutput)))])
                    + (model.triggers.isEmpty ? [] : [("triggers", .array(model.triggers.map(Self.triggerOutput)))]))
        ).serializedString(.pretty)
    }

    /// Entries for the types whose name alone does not give back the same `SQLType`.
    private func typeEntries() -> [JSONValue] {
        var all: [SQLType] = []
        for table in model.tables { all += table.columns.map(\.type) }
        for function in model.functions { all += function.argumentTypes + [function.returnType] }
        var seen = Set<String>()
        var entries: [SQLType] = []
        for domain in model.domains where seen.insert(domain.typeName).inserted {
            entries.append(SQLType(name: domain.typeName, family: domain.base.family))
        }
        for userType in model.userTypes where seen.insert(userType.typeName).inserted {
            entries.append(userType.sqlType)
        }
        for type in all where !seen.contains(type.name) && SQLType.normalize(type.name) != type {
            seen.insert(type.name)
            entries.append(type)
        }
        return entries.sorted { $0.name < $1.name }.map { type in
            var members: [(String, JSONValue)] = [("name", .string(type.name)), ("family", .string(type.family.rawValue))]
            if let domain = model.domain(type) {
                members.append(("base", .string(domain.base.name)))
                if domain.notNull { members.append(("not_null", .bool(true))) }
                if !domain.checks.isEmpty { members.append(("checks", .array(domain.checks.map { .string($0) }))) }
                if let collation = domain.collation { members.append(("collation", .string(collation))) }
            } else if let userType = model.userType(type.name) {
                members.append(("kind", .string(userType.kind.rawValue)))
                if userType.kind == .enumeration { members.append(("labels", .array(userType.labels.map { .string($0) }))) }
            }
            return .object(JSONObject(members))
        }
    }

    /// `collations`, written only when the model knows some (older snapshots have none).
    private func collationMembers() -> [(String, JSONValue)] {
        guard !model.collations.isEmpty else { return [] }
        return [
            (
                "collations",
                .array(
                    model.collations.map {
                        .object(JSONObject([("name", .string($0.name)), ("deterministic", .bool($0.isDeterministic))]))
                    })
            )
        ]
    }

    /// One member of a table's `indexes` (docs/snapshot-format.md): an expression key is null.
    private static func indexOutput(_ index: IndexModel) -> JSONValue {
        .object(
            JSONObject([
                ("name", .string(index.name)),
                ("columns", .array(index.columns.map { $0.map { .string($0) } ?? .null })),
                ("unique", .bool(index.isUnique)),
                ("partial", .bool(index.isPartial)),
                ("method", .string(index.method)),
            ]))
    }

    private func tableOutput(_ table: TableModel) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema", .string(table.name.schema)),
            ("name", .string(table.name.name)),
            (
                "columns",
                .array(
                    table.columns.map { column in
                        .object(
                            JSONObject(
                                [
                                    ("name", .string(column.name)), ("type", .string(column.type.name)),
                                    ("not_null", .bool(column.notNull)),
                                ] + (column.collation.map { [("collation", .string($0))] } ?? [])))
                    })
            ),
            ("primary_key", .array(table.primaryKey.map { .string($0) })),
            ("unique_keys", .array(table.uniqueKeys.map { .array($0.map { .string($0) }) })),
            (
                "foreign_keys",
                .array(
                    table.foreignKeys.map { key in
                        .object(
                            JSONObject([
                                ("name", Self.optional(key.name)),
                                ("columns", .array(key.columns.map { .string($0) })),
                                ("ref_schema", .string(key.referencedTable.schema)),
                                ("ref_table", .string(key.referencedTable.name)),
                                ("ref_columns", .array(key.referencedColumns.map { .string($0) })),
                            ]))
                    })
            ),
            ("comment", Self.optional(table.comment)),
            ("tags", .array(table.tags.map { .string($0) })),
            ("owner", Self.optional(table.owner)),
        ]
        if table.hasInheritanceChildren { members.append(("has_inheritance_children", .bool(true))) }
        if !table.indexes.isEmpty { members.append(("indexes", .array(table.indexes.map(Self.indexOutput)))) }
        if let state = tableStates[table.name] {
            members.append(("rls_enabled", .bool(state.rlsEnabled)))
            members.append(("rls_forced", .bool(state.rlsForced)))
        }
        // The side-channel checks' facts (SPEC 11.11), written only when there are some.
        if table.rowSecurity { members.append(("row_security", .bool(true))) }
        if !table.parents.isEmpty { members.append(("parents", Self.names(table.parents))) }
        if !table.grantees.isEmpty { members.append(("grantees", .array(table.grantees.map { .string($0) }))) }
        if !table.privileges.isEmpty {
            members.append(
                (
                    "privileges",
                    .object(
                        JSONObject(
                            table.privileges.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map { .string($0) })) }))
                ))
        }
        if !table.columnGrants.isEmpty {
            members.append(
                (
                    "column_grants",
                    .array(
                        table.columnGrants.map { grant in
                            .object(
                                JSONObject([
                                    ("grantee", .string(grant.grantee)), ("privilege", .string(grant.privilege)),
                                    ("columns", .array(grant.columns.map { .string($0) })),
                                ]))
                        })
                ))
        }
        return .object(JSONObject(members))
    }

    /// Qualified names as `[schema, name]` pairs.
    private static func names(_ names: [QualifiedName]) -> JSONValue {
        .array(names.map { .array([.string($0.schema), .string($0.name)]) })
    }

    private func viewOutput(_ view: ViewModel) -> JSONValue {
        .object(
            JSONObject([
                ("schema", .string(view.name.schema)),
                ("name", .string(view.name.name)),
                ("materialized", .bool(view.isMaterialized)),
                ("security_invoker", .bool(view.securityInvoker)),
                ("security_barrier", .bool(view.securityBarrier)),
                ("owner", Self.optional(view.owner)),
                ("references", Self.names(view.references)),
                ("grantees", .array(view.grantees.map { .string($0) })),
            ]))
    }

    private static func triggerOutput(_ trigger: TriggerModel) -> JSONValue {
        .object(
            JSONObject([
                ("schema", .string(trigger.table.schema)),
                ("table", .string(trigger.table.name)),
                ("name", .string(trigger.name)),
                ("timing", .string(trigger.timing)),
                ("events", .array(trigger.events.map { .string($0.rawValue) })),
                ("function", .array([.string(trigger.function.schema), .string(trigger.function.name)])),
                ("enabled", .bool(trigger.isEnabled)),
            ]))
    }

    private func functionOutput(_ function: FunctionSignature) -> JSONValue {
        .object(
            JSONObject(
                [
                    ("schema", .string(function.name.schema)),
                    ("name", .string(function.name.name)),
                    ("args", .array(function.argumentTypes.map { .string($0.name) })),
                    ("returns", .string(function.returnType.name)),
                    ("security_definer", .bool(function.securityDefiner)),
                ]
                    + (function.owner.map { [("owner", .string($0))] } ?? [])
                    + (function.executors == ["public"] ? [] : [("executors", .array(function.executors.map { .string($0) }))])
                    + (function.bodyTables.map { $0.isEmpty ? [] : [("body_tables", Self.names($0))] } ?? [("body_tables", .null)])))
    }

    private func roleOutput(_ role: RoleModel) -> JSONValue {
        .object(
            JSONObject(
                [
                    ("name", .string(role.name)),
                    ("login", .bool(role.canLogin)),
                    ("superuser", .bool(role.isSuperuser)),
                    ("bypassrls", .bool(role.bypassesRLS)),
                ] + (role.memberOf.isEmpty ? [] : [("member_of", .array(role.memberOf.map { .string($0) }))])))
    }

    private func policyOutput(_ policy: SnapshotPolicy) -> JSONValue {
        .object(
            JSONObject([
                ("schema", .string(policy.schema)),
                ("table", .string(policy.table)),
                ("name", .string(policy.name)),
                ("permissive", .bool(policy.permissive)),
                ("roles", .array(policy.roles.map { .string($0) })),
                ("command", .string(policy.command)),
                ("qual", Self.optional(policy.qual)),
                ("with_check", Self.optional(policy.withCheck)),
            ]))
    }

    private func grantOutput(_ grant: SnapshotGrant) -> JSONValue {
        .object(
            JSONObject([
                ("schema", .string(grant.schema)),
                ("table", .string(grant.table)),
                ("grantee", .string(grant.grantee)),
                ("privilege", .string(grant.privilege)),
            ]))
    }

    /// A string, or `null` when nil.
    private static func optional(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }
}
