import PolicySyntax

extension SchemaReaderState {
    /// How deep inheritance, partitioning, `LIKE`, domains and `%TYPE` are followed (cycles and
    /// hostile input stop here).
    private static let maximumNesting = 32

    /// Resolves every reference and builds the model (the end of the file).
    mutating func buildModel() -> SchemaModel {
        let live = tables.indices.filter { !tables[$0].isDropped }
        var ownForeignKeys: [Int: [ForeignKeyModel]] = [:]
        for id in live { ownForeignKeys[id] = resolveForeignKeys(of: id) }
        var columnMemo: [Int: [ColumnDraft]] = [:]
        var inherited = Set<Int>()
        for id in live { for parent in tables[id].parents { if let parentID = resolve(parent) { inherited.insert(parentID) } } }
        var models: [TableModel] = []
        models.reserveCapacity(live.count)
        for id in live {
            let draft = tables[id]
            let primaryKey = effectivePrimaryKey(id, depth: 0)
            let primarySet = Set(primaryKey)
            var columns: [ColumnModel] = []
            for column in effectiveColumns(id, depth: 0, memo: &columnMemo) {
                let type: SQLType
                if let spec = column.type {
                    type = resolveType(spec, path: column.searchPath, depth: 0)
                } else if column.isOverride {
                    continue
                } else {
                    type = SQLType(name: "unknown", family: .other)
                }
                columns.append(
                    ColumnModel(
                        name: column.name, type: type,
                        notNull: column.notNull || primarySet.contains(column.name),
                        location: FileLocation(file: file.path, range: column.nameRange),
                        collation: column.collation))
            }
            var uniqueKeys: [[String]] = []
            for key in effectiveUniqueKeys(id, depth: 0) where !uniqueKeys.contains(key) { uniqueKeys.append(key) }
            uniqueKeys.sort { $0.lexicographicallyPrecedes($1) }
            let foreignKeys = effectiveForeignKeys(id, depth: 0, own: ownForeignKeys)
                .sorted {
                    $0.name ?? "" != $1.name ?? ""
                        ? ($0.name ?? "") < ($1.name ?? "")
                        : $0.columns.lexicographicallyPrecedes($1.columns)
                }
            models.append(
                TableModel(
                    name: draft.name, columns: columns, primaryKey: primaryKey, uniqueKeys: uniqueKeys,
                    foreignKeys: foreignKeys, comment: draft.comment,
                    tags: TableModel.tags(inComment: draft.comment), owner: draft.owner,
                    location: FileLocation(file: file.path, range: draft.location)))
            models[models.count - 1].hasInheritanceChildren = inherited.contains(id)
            let parents = ([draft.partitionParent].compactMap { $0 } + draft.parents).compactMap { resolve($0) }
            models[models.count - 1].parents = Array(Set(parents.map { tables[$0].name })).sorted()
            models[models.count - 1].rowSecurity = rlsSwitches[id]?.rlsEnabled ?? false
            let granted = (tableGrants[id] ?? [:]).reduce(into: [String: Set<String>]()) {
                $0[$1.key == "PUBLIC" ? "public" : $1.key, default: []].formUnion($1.value)
            }
            models[models.count - 1].grantees = Self.grantees(granted)
            models[models.count - 1].privileges = granted.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
            models[models.count - 1].columnGrants = draft.columnGrants.compactMap { key, columns in
                guard !columns.isEmpty, let bar = key.lastIndex(of: "|") else { return nil }
                return ColumnGrant(
                    grantee: String(key[..<bar]), privilege: String(key[key.index(after: bar)...]), columns: Array(columns))
            }.sorted { ($0.grantee, $0.privilege) < ($1.grantee, $1.privilege) }
            models[models.count - 1].indexes = draft.indexes.sorted { $0.name < $1.name }
        }
        let signatures = functions.map { draft in
            var signature = FunctionSignature(
                name: draft.name,
                argumentTypes: draft.inputs.map { resolveType($0, path: draft.searchPath, depth: 0) },
                returnType: returnType(of: draft), securityDefiner: draft.securityDefiner,
                location: FileLocation(file: file.path, range: draft.location))
            signature.owner = draft.owner
            signature.executors = draft.executors.sorted()
            signature.bodyTables = draft.bodyNames.map { relations($0, path: draft.searchPath) }
            return signature
        }
        let viewModels = views.filter { !$0.isDropped }.map { draft in
            ViewModel(
                name: draft.name, isMaterialized: draft.isMaterialized, securityInvoker: draft.securityInvoker,
                securityBarrier: draft.securityBarrier, owner: draft.owner,
                references: relations(draft.references, path: draft.searchPath), grantees: Self.grantees(draft.privileges),
                location: FileLocation(file: file.path, range: draft.location))
        }
        // CREATE OR REPLACE of the same signature replaces it.
        var latest: [String: Int] = [:]
        for (position, signature) in signatures.enumerated() {
            latest["\(signature.name)(\(signature.argumentTypes.map(\.name).joined(separator: ","))"] = position
        }
        let distinct = latest.values.sorted().map { signatures[$0] }
        // Canonical orders, so the same schema written in a different order reads the same.
        let sortedSignatures = distinct.sorted {
            $0.name != $1.name
                ? $0.name < $1.name
                : $0.argumentTypes.map(\.name).lexicographicallyPrecedes($1.argumentTypes.map(\.name))
        }
        return SchemaModel(
            tables: models, functions: sortedSignatures, roles: rolesWithMemberships(),
            schemaNames: schemaNames, origin: file.path, domains: resolveDomains(),
            collations: collations.map { CollationModel(name: $0.key, isDeterministic: $0.value) },
            userTypes: userTypes.compactMap { name, info in
                switch info {
                case .enumeration(let labels): return UserTypeModel(name: name, kind: .enumeration, labels: labels)
                case .composite: return UserTypeModel(name: name, kind: .composite)
                case .other: return UserTypeModel(name: name, kind: .other)
                case .domain: return nil
                }
            }, views: viewModels, triggers: resolvedTriggers())
    }

    /// The roles holding at least one privilege, sorted.
    static func grantees(_ privileges: [String: Set<String>]) -> [String] {
        privileges.filter { !$0.value.isEmpty }.map(\.key).sorted()
    }

    // MARK: - Tables

    /// The live table a reference denotes at the end of the file.
    private func resolve(_ reference: TableReference) -> Int? {
        if let id = reference.id { return tables[id].isDropped ? nil : id }
        return lookupTable(reference.name, path: reference.searchPath)
    }

    /// Columns including those from `INHERITS` parents, `PARTITION OF` and `LIKE`, in
    /// PostgreSQL's order (inherited first); same-named columns merge.
    private func effectiveColumns(_ id: Int, depth: Int, memo: inout [Int: [ColumnDraft]]) -> [ColumnDraft] {
        if let known = memo[id] { return known }
        let draft = tables[id]
        var result: [ColumnDraft] = []
        func merge(_ column: ColumnDraft) {
            guard let index = result.firstIndex(where: { $0.name == column.name }) else {
                result.append(column)
                return
            }
            result[index].notNull = result[index].notNull || column.notNull
            if column.type != nil, !column.isOverride {
                result[index].type = column.type
                result[index].collation = column.collation
                result[index].searchPath = column.searchPath
                result[index].nameRange = column.nameRange
                result[index].isOverride = false
            }
        }
        func mergeAll(from reference: TableReference) {
            guard depth < Self.maximumNesting, let source = resolve(reference), source != id else { return }
            for column in effectiveColumns(source, depth: depth + 1, memo: &memo) {
                var inherited = column
                inherited.isOverride = false
                merge(inherited)
            }
        }
        if let parent = draft.partitionParent, draft.columnsFromPartitionParent { mergeAll(from: parent) }
        for parent in draft.parents { mergeAll(from: parent) }
        var likes = draft.likes[...]
        for (position, column) in draft.columns.enumerated() {
            while let like = likes.first, like.position <= position {
                mergeAll(from: like.source)
                likes.removeFirst()
            }
            merge(column)
        }
        for like in likes { mergeAll(from: like.source) }
        memo[id] = result
        return result
    }

    /// The primary key, or for a partition without one its parent's.
    private func effectivePrimaryKey(_ id: Int, depth: Int) -> [String] {
        let draft = tables[id]
        if !draft.primaryKey.isEmpty { return draft.primaryKey }
        guard depth < Self.maximumNesting, let parent = draft.partitionParent, let parentID = resolve(parent),
            parentID != id
        else { return [] }
        return effectivePrimaryKey(parentID, depth: depth + 1)
    }

    /// Unique keys, with a partition's parent's.
    private func effectiveUniqueKeys(_ id: Int, depth: Int) -> [[String]] {
        let draft = tables[id]
        var keys = draft.uniqueKeys.map(\.columns)
        if depth < Self.maximumNesting, let parent = draft.partitionParent, let parentID = resolve(parent),
            parentID != id
        {
            keys += effectiveUniqueKeys(parentID, depth: depth + 1)
        }
        return keys
    }

    /// Foreign keys, with a partition's parent's (PostgreSQL clones them onto partitions).
    private func effectiveForeignKeys(_ id: Int, depth: Int, own: [Int: [ForeignKeyModel]]) -> [ForeignKeyModel] {
        var keys = own[id] ?? []
        let draft = tables[id]
        if depth < Self.maximumNesting, let parent = draft.partitionParent, let parentID = resolve(parent),
            parentID != id
        {
            for key in effectiveForeignKeys(parentID, depth: depth + 1, own: own)
            where !keys.contains(where: { $0.name == key.name }) {
                keys.append(key)
            }
        }
        return keys
    }

    /// The table's own foreign keys with targets and default columns resolved; a column count
    /// that does not match the referenced columns is reported.
    private mutating func resolveForeignKeys(of id: Int) -> [ForeignKeyModel] {
        var result: [ForeignKeyModel] = []
        for key in tables[id].foreignKeys {
            let targetID: Int?
            if let bound = key.target.id {
                if tables[bound].isDropped { continue }
                targetID = bound
            } else {
                targetID = lookupTable(key.target.name, path: key.target.searchPath)
            }
            let targetName =
                targetID.map { tables[$0].name }
                ?? QualifiedName(
                    schema: key.target.name.schema ?? Self.creationSchema(key.target.searchPath),
                    name: key.target.name.last)
            let referenced = key.referencedColumns ?? targetID.map { effectivePrimaryKey($0, depth: 0) } ?? []
            if !referenced.isEmpty, referenced.count != key.columns.count {
                let what = key.referencedColumns == nil ? "the primary key of \(targetName), which has" : "\(targetName) with"
                report(
                    .schemaForeignKeyColumns,
                    "foreign key (\(key.columns.joined(separator: ", "))) of table \(tables[id].name) references "
                        + "\(what) \(referenced.count) column\(referenced.count == 1 ? "" : "s"); expected \(key.columns.count)",
                    key.range)
            }
            result.append(
                ForeignKeyModel(
                    name: key.name, columns: key.columns, referencedTable: targetName,
                    referencedColumns: referenced))
        }
        return result
    }

    // MARK: - Types

    /// The domains of the file, each with its base followed through domains over domains.
    private mutating func resolveDomains() -> [DomainModel] {
        var result: [DomainModel] = []
        for (name, info) in userTypes {
            guard case .domain(let draft) = info else { continue }
            var base = resolveType(draft.base, path: draft.searchPath, depth: 0)
            var notNull = draft.notNull
            var checks = draft.checks
            var collation = draft.collation
            var steps = 0
            while steps < Self.maximumNesting, let inner = userTypes.first(where: { "\($0.key.schema).\($0.key.name)" == base.name }),
                case .domain(let innerDraft) = inner.value
            {
                base = resolveType(innerDraft.base, path: innerDraft.searchPath, depth: 0)
                notNull = notNull || innerDraft.notNull
                checks += innerDraft.checks
                collation = collation ?? innerDraft.collation
                steps += 1
            }
            result.append(DomainModel(name: name, base: base, notNull: notNull, checks: checks, collation: collation))
        }
        return result
    }

    /// The normalized type of `spec` as written under `path`.
    private mutating func resolveType(_ spec: SQLTypeSpec, path: [String], depth: Int) -> SQLType {
        let element: SQLType
        if spec.isAnchored {
            element = anchoredType(spec, path: path, depth: depth)
        } else if let text = spec.builtinText {
            if let known = builtinTypes[text] {
                element = known
            } else {
                let normalized = SQLType.normalize(text)
                let elementName = normalized.family == .array ? String(normalized.name.dropLast(2)) : normalized.name
                if SQLType.isBuiltin(elementName) {
                    builtinTypes[text] = normalized
                    element = normalized
                } else {
                    element = userType(schema: nil, name: spec.name.last, path: path, depth: depth)
                }
            }
        } else if let schema = spec.name.schema {
            let name = spec.name.last
            let builtin = SQLType.normalize(name)
            if schema == "pg_catalog" {
                element = builtin
            } else if userTypes[QualifiedName(schema: schema, name: name)] == nil, spec.name.quoted.last == false,
                builtin.family != .other, SQLType.isBuiltin(builtin.name)
            {
                // An extension type written with its schema, such as public.citext.
                element = builtin
            } else {
                element = userType(schema: schema, name: name, path: path, depth: depth)
            }
        } else if SQLType.isBuiltin(spec.name.last), !hasUserType(spec.name.last, path: path) {
            // A quoted built-in name, such as pg_dump's "char".
            element = SQLType.normalize(spec.name.last)
        } else {
            element = userType(schema: nil, name: spec.name.last, path: path, depth: depth)
        }
        guard spec.arrayDepth > 0, element.family != .array else { return element }
        return SQLType(name: element.name + "[]", family: .array)
    }

    /// A user-defined type, schema-qualified; enums compare like text, domains like their base.
    private mutating func userType(schema: String?, name: String, path: [String], depth: Int) -> SQLType {
        var qualified = QualifiedName(schema: schema ?? Self.creationSchema(path), name: name)
        if schema == nil {
            for candidate in path where !candidate.isEmpty && candidate != "$user" {
                let probe = QualifiedName(schema: candidate, name: name)
                if userTypes[probe] != nil {
                    qualified = probe
                    break
                }
            }
        }
        let family: TypeFamily
        switch userTypes[qualified] {
        case .enumeration:
            family = .text
        case .composite:
            family = .other
        case .domain(let draft):
            family = depth < Self.maximumNesting ? resolveType(draft.base, path: draft.searchPath, depth: depth + 1).family : .other
        case .other, nil:
            family = .other
        }
        return SQLType(name: "\(qualified.schema).\(qualified.name)", family: family)
    }

    /// Whether the file declares a type `name` in a schema of `path`.
    private func hasUserType(_ name: String, path: [String]) -> Bool {
        path.contains { userTypes[QualifiedName(schema: $0, name: name)] != nil }
    }

    /// The type of `table.column%TYPE`, when the file declares that column.
    private mutating func anchoredType(_ spec: SQLTypeSpec, path: [String], depth: Int) -> SQLType {
        let written = SQLType(name: spec.name.parts.joined(separator: ".") + "%type", family: .other)
        guard spec.name.parts.count >= 2, depth < Self.maximumNesting else { return written }
        var tableName = spec.name
        tableName.parts.removeLast()
        tableName.quoted.removeLast()
        guard let id = lookupTable(tableName, path: path),
            let column = tables[id].columns.first(where: {
                $0.name == spec.name.last
            }), let type = column.type
        else { return written }
        return resolveType(type, path: column.searchPath, depth: depth + 1)
    }

    // MARK: - Functions

    private mutating func returnType(of draft: FunctionDraft) -> SQLType {
        if draft.returnsTable { return SQLType(name: "setof record", family: .other) }
        if let returns = draft.returns {
            let type = resolveType(returns, path: draft.searchPath, depth: 0)
            return draft.returnsSet ? SQLType(name: "setof \(type.name)", family: .other) : type
        }
        switch draft.outputs.count {
        case 0: return SQLType(name: "void", family: .other)
        case 1: return resolveType(draft.outputs[0], path: draft.searchPath, depth: 0)
        default: return SQLType(name: "record", family: .other)
        }
    }
}
