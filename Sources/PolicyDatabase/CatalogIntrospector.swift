import PolicySchema
import PostgresClient

/// Reads a `LiveCatalog` with the fixed list of `CatalogQueries`, whatever the number of tables.
///
/// Runs inside a transaction the caller opened with `search_path = pg_catalog`; issues exactly
/// `CatalogQueries.all.count` queries (three when it skips the schema model).
struct CatalogIntrospector {
    /// The connection, inside the caller's transaction.
    let connection: PostgresConnection
    /// Where the model came from, for `SchemaModel.origin` (never holding a password).
    let origin: String
    /// Whether to read columns, keys, types and functions (the schema model) too, or only what
    /// drift needs: tables with their switches, owners and grants, roles, policies.
    var readsSchemaModel = true

    /// Runs the queries and decodes them into a catalog.
    func read() throws -> LiveCatalog {
        let before = connection.queryCount
        let tableRows = try connection.query(CatalogQueries.tables)
        let columnRows = readsSchemaModel ? try connection.query(CatalogQueries.columns).rows : []
        let keyRows = readsSchemaModel ? try connection.query(CatalogQueries.keys).rows : []
        let indexRows = readsSchemaModel ? try connection.query(CatalogQueries.indexes).rows : []
        let typeRows = readsSchemaModel ? try connection.query(CatalogQueries.types).rows : []
        let functionRows = readsSchemaModel ? try connection.query(CatalogQueries.functions).rows : []
        let viewRows = readsSchemaModel ? try connection.query(CatalogQueries.views).rows : []
        let roleRows = try connection.query(CatalogQueries.roles)
        let policyRows = try connection.query(CatalogQueries.policies)

        let resolver = Self.typeResolver(typeRows)
        var schemaNames: [String] = []
        var drafts: [Int: TableModel] = [:]
        var states: [QualifiedName: SnapshotTableState] = [:]
        var grants: [SnapshotGrant] = []
        var ownerRoutines: [QualifiedName: OwnerRoutines] = [:]
        for row in tableRows {
            let schema = row["schema"]?.string ?? ""
            schemaNames.append(schema)
            guard let oid = row["oid"]?.int, let name = row["name"]?.string else { continue }
            let qualified = QualifiedName(schema: schema, name: name)
            let comment = row["comment"]?.string
            drafts[oid] = TableModel(
                name: qualified, comment: comment, tags: TableModel.tags(inComment: comment),
                owner: row["owner"]?.string)
            // relhassubclass stays set after the last child is dropped: at worst keys are not trusted.
            drafts[oid]?.hasInheritanceChildren = row["inherited"]?.bool ?? false
            drafts[oid]?.rowSecurity = row["rls_enabled"]?.bool ?? false
            drafts[oid]?.parents = Self.names(row["parent_schemas"]?.stringArray, row["parent_names"]?.stringArray)
            states[qualified] = SnapshotTableState(
                rlsEnabled: row["rls_enabled"]?.bool ?? false,
                rlsForced: row["rls_forced"]?.bool ?? false)
            let definers = (row["definers"]?.stringArray ?? []).compactMap { $0 }
            let triggers = (row["triggers"]?.stringArray ?? []).compactMap { $0 }
            if !definers.isEmpty || !triggers.isEmpty {
                ownerRoutines[qualified] = OwnerRoutines(securityDefinerFunctions: definers, triggers: triggers)
            }
            let grantees = row["grantees"]?.stringArray ?? []
            let privileges = row["privileges"]?.stringArray ?? []
            var seen = Set<String>()
            for (grantee, privilege) in zip(grantees, privileges) {
                guard let grantee, let privilege, seen.insert(grantee + "\u{0}" + privilege).inserted else { continue }
                grants.append(SnapshotGrant(schema: schema, table: name, grantee: grantee, privilege: privilege))
            }
            drafts[oid]?.grantees = Self.roleNames(grantees)
            drafts[oid]?.privileges = zip(grantees, privileges).reduce(into: [String: [String]]()) { result, pair in
                guard let grantee = pair.0, let privilege = pair.1 else { return }
                result[grantee == "PUBLIC" ? "public" : grantee, default: []].append(privilege)
            }.mapValues { Array(Set($0)).sorted() }
        }
        var collations: [String: Bool] = [:]
        // Privileges on single columns: table → [role, privilege] → columns.
        var columnGrants: [Int: [[String]: [String]]] = [:]
        for row in columnRows {
            guard let oid = row["table_oid"]?.int, drafts[oid] != nil, let name = row["name"]?.string else { continue }
            for (grantee, privilege) in zip(row["grantees"]?.stringArray ?? [], row["privileges"]?.stringArray ?? []) {
                guard let grantee, let privilege else { continue }
                let key = [grantee == "PUBLIC" ? "public" : grantee, privilege]
                if columnGrants[oid, default: [:]][key, default: []].last != name {
                    columnGrants[oid, default: [:]][key, default: []].append(name)
                }
            }
            let type = resolver.type(oid: row["type_oid"]?.int, text: row["type"]?.string ?? "")
            let collation = row["collation"]?.string
            if let collation { collations[collation] = row["collation_deterministic"]?.bool ?? true }
            drafts[oid]?.columns.append(
                ColumnModel(
                    name: name, type: type, notNull: row["not_null"]?.bool ?? false,
                    collation: collation))
        }
        for (oid, grants) in columnGrants {
            drafts[oid]?.columnGrants = grants.map { ColumnGrant(grantee: $0.key[0], privilege: $0.key[1], columns: $0.value) }
                .sorted { ($0.grantee, $0.privilege) < ($1.grantee, $1.privilege) }
        }
        for row in keyRows {
            guard let oid = row["table_oid"]?.int, drafts[oid] != nil else { continue }
            let columns = (row["columns"]?.stringArray ?? []).compactMap { $0 }
            switch row["kind"]?.string {
            case "p":
                drafts[oid]?.primaryKey = columns
            case "u":
                drafts[oid]?.uniqueKeys.append(columns)
            case "f":
                guard let schema = row["ref_schema"]?.string, let table = row["ref_table"]?.string else { continue }
                drafts[oid]?.foreignKeys.append(
                    ForeignKeyModel(
                        name: row["name"]?.string, columns: columns,
                        referencedTable: QualifiedName(schema: schema, name: table),
                        referencedColumns: (row["ref_columns"]?.stringArray ?? []).compactMap { $0 }))
            default:
                continue
            }
        }
        for row in indexRows {
            guard let oid = row["table_oid"]?.int, drafts[oid] != nil, let name = row["name"]?.string else { continue }
            drafts[oid]?.indexes.append(
                IndexModel(
                    name: name, columns: row["columns"]?.stringArray ?? [], isUnique: row["is_unique"]?.bool ?? false,
                    isPartial: row["is_partial"]?.bool ?? false, method: row["method"]?.string ?? "btree"))
        }
        var bodies: [(language: String, searchPath: String?, body: String)] = []
        var triggers: [TriggerModel] = []
        let functions = functionRows.compactMap { row -> FunctionSignature? in
            guard let schema = row["schema"]?.string, let name = row["name"]?.string else { return nil }
            triggers += Self.triggers(row, function: QualifiedName(schema: schema, name: name))
            bodies.append((row["language"]?.string ?? "", row["search_path"]?.string, row["body"]?.string ?? ""))
            let oids = (row["arg_oids"]?.stringArray ?? []).map { $0.flatMap { Int($0) } }
            let texts = row["arg_types"]?.stringArray ?? []
            let arguments = zip(oids, texts).map { resolver.type(oid: $0.0, text: $0.1 ?? "") }
            var returns = resolver.type(oid: row["return_oid"]?.int, text: row["return_type"]?.string ?? "")
            if row["returns_set"]?.bool == true { returns = SQLType(name: "setof \(returns.name)", family: .other) }
            var signature = FunctionSignature(
                name: QualifiedName(schema: schema, name: name), argumentTypes: arguments,
                returnType: returns, securityDefiner: row["security_definer"]?.bool ?? false)
            signature.owner = row["owner"]?.string
            signature.executors = Self.roleNames(row["executors"]?.stringArray ?? [])
            return signature
        }
        let views = viewRows.compactMap { row -> ViewModel? in
            guard let schema = row["schema"]?.string, let name = row["name"]?.string else { return nil }
            var options: [String: Bool] = [:]
            for option in (row["options"]?.stringArray ?? []).compactMap({ $0 }) {
                let parts = option.split(separator: "=", maxSplits: 1).map { $0.lowercased() }
                options[parts[0]] = parts.count < 2 || ["true", "on", "yes", "1"].contains(parts[1])
            }
            return ViewModel(
                name: QualifiedName(schema: schema, name: name), isMaterialized: row["materialized"]?.bool ?? false,
                securityInvoker: options["security_invoker"] ?? false, securityBarrier: options["security_barrier"] ?? false,
                owner: row["owner"]?.string,
                references: Self.names(row["ref_schemas"]?.stringArray, row["ref_names"]?.stringArray),
                grantees: Self.roleNames(row["grantees"]?.stringArray ?? []))
        }
        var memberships: [String: [String]] = [:]
        let roles = roleRows.compactMap { row -> RoleModel? in
            guard let name = row["name"]?.string else { return nil }
            memberships[name] = (row["member_of"]?.stringArray ?? []).compactMap { $0 }
            return RoleModel(
                name: name, canLogin: row["login"]?.bool ?? false,
                isSuperuser: row["superuser"]?.bool ?? false, bypassesRLS: row["bypassrls"]?.bool ?? false,
                memberOf: (row["inherits_from"]?.stringArray ?? []).compactMap { $0 })
        }
        let policies = Self.policies(policyRows.rows)
        grants.sort { ($0.schema, $0.table, $0.grantee, $0.privilege) < ($1.schema, $1.table, $1.grantee, $1.privilege) }
        var model = SchemaModel(
            tables: Array(drafts.values), functions: functions, roles: roles,
            schemaNames: schemaNames, origin: origin, domains: resolver.domains(),
            collations: collations.map { CollationModel(name: $0.key, isDeterministic: $0.value) },
            userTypes: resolver.enumsAndComposites(), views: views, triggers: triggers)
        // The tables a function's body reads, now that every table and view is known.
        for (index, body) in zip(model.functions.indices, bodies) {
            guard body.language == "sql" || body.language == "plpgsql" else {
                model.functions[index].bodyTables = nil
                continue
            }
            let path = body.searchPath.map(SchemaModel.searchPath(setting:)) ?? ["public"]
            model.functions[index].bodyTables = model.relations(readBy: body.body, searchPath: path)
        }
        let snapshot = SchemaSnapshot(model: model, tableStates: states, policies: policies, grants: grants)
        return LiveCatalog(
            snapshot: snapshot, memberships: memberships, ownerRoutines: ownerRoutines,
            queryCount: connection.queryCount - before)
    }

    /// Qualified names from two parallel arrays of schemas and names, sorted.
    private static func names(_ schemas: [String?]?, _ names: [String?]?) -> [QualifiedName] {
        zip(schemas ?? [], names ?? []).compactMap { schema, name in
            guard let schema, let name else { return nil }
            return QualifiedName(schema: schema, name: name)
        }.sorted()
    }

    /// The triggers of a row of the `functions` query that execute `function`: enabled when
    /// `tgenabled` is `O` (origin and local sessions) or `A` (always).
    private static func triggers(_ row: PostgresRow, function: QualifiedName) -> [TriggerModel] {
        let names = row["trigger_names"]?.stringArray ?? []
        let schemas = row["trigger_schemas"]?.stringArray ?? []
        let tables = row["trigger_tables"]?.stringArray ?? []
        let types = row["trigger_types"]?.stringArray ?? []
        let enabled = row["trigger_enabled"]?.stringArray ?? []
        return names.indices.compactMap { index in
            guard let name = names[index], index < schemas.count, index < tables.count, index < types.count,
                index < enabled.count, let schema = schemas[index], let table = tables[index],
                let tgtype = types[index].flatMap({ Int($0) })
            else { return nil }
            return TriggerModel(
                name: name, table: QualifiedName(schema: schema, name: table), function: function,
                timing: TriggerModel.timing(tgtype: tgtype), events: TriggerModel.events(tgtype: tgtype),
                isEnabled: enabled[index] == "O" || enabled[index] == "A")
        }
    }

    /// Grantees as the schema model names them (`public` for PUBLIC), sorted, without repeats.
    private static func roleNames(_ grantees: [String?]) -> [String] {
        Array(Set(grantees.compactMap { $0.map { $0 == "PUBLIC" ? "public" : $0 } })).sorted()
    }

    /// Reads only the policies (`CatalogQueries.policies`: one query), as `read` decodes them.
    func readPolicies() throws -> [SnapshotPolicy] {
        Self.policies(try connection.query(CatalogQueries.policies).rows)
    }

    /// The rows of the `policies` query as snapshot policies.
    private static func policies(_ rows: [PostgresRow]) -> [SnapshotPolicy] {
        rows.compactMap { row -> SnapshotPolicy? in
            guard let schema = row["schema"]?.string, let table = row["table"]?.string, let name = row["name"]?.string
            else { return nil }
            return SnapshotPolicy(
                schema: schema, table: table, name: name,
                permissive: row["permissive"]?.string != "RESTRICTIVE",
                roles: (row["roles"]?.stringArray ?? []).compactMap { $0 },
                command: row["command"]?.string ?? "ALL",
                qual: row["qual"]?.string, withCheck: row["with_check"]?.string)
        }
    }

    /// The user types of the `types` query, by OID.
    private static func typeResolver(_ rows: [PostgresRow]) -> CatalogTypeResolver {
        var resolver = CatalogTypeResolver()
        for row in rows {
            guard let oid = row["oid"]?.int, let schema = row["schema"]?.string, let name = row["name"]?.string else {
                continue
            }
            resolver.userTypes[oid] = CatalogTypeResolver.UserType(
                schema: schema, name: name, kind: row["kind"]?.string ?? "b", category: row["category"]?.string ?? "",
                baseOID: row["base_oid"]?.int, baseText: row["base_type"]?.string,
                elementOID: row["element_oid"]?.int, elementText: row["element_type"]?.string,
                notNull: row["not_null"]?.bool ?? false, checks: (row["checks"]?.stringArray ?? []).compactMap { $0 },
                labels: (row["labels"]?.stringArray ?? []).compactMap { $0 })
        }
        return resolver
    }
}
