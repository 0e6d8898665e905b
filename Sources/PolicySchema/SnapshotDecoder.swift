import JSON
import PolicySyntax

/// Turns a snapshot document into a `SchemaSnapshot`, reporting each problem at the offending
/// value. A broken table, column or other entry is skipped and the rest is read; a wrong
/// `format` or `version` stops the reading.
struct SnapshotDecoder {
    /// Where the document comes from (diagnostics and locations use it).
    let path: String
    /// Problems found.
    private(set) var diagnostics: [Diagnostic] = []
    /// Types whose family is given in `types`.
    private var knownTypes: [String: SQLType] = [:]
    /// Domains given in `types` (entries with a `base`).
    private var domains: [DomainModel] = []
    /// Enums and other user types given in `types` (entries with a `kind`).
    private var userTypes: [UserTypeModel] = []
    /// The document, for numbers as written.
    private var bytes: [UInt8] = []

    /// How deeply arrays and objects may nest in a snapshot.
    static let maximumDepth = 128

    private static let topLevelKeys: Set<String> = [
        "format", "version", "schemas", "types", "collations", "tables", "functions", "roles", "policies", "grants",
        "views", "triggers",
    ]
    private static let tableKeys: Set<String> = [
        "schema", "name", "columns", "primary_key", "unique_keys", "foreign_keys", "comment", "tags", "owner",
        "rls_enabled", "rls_forced", "has_inheritance_children", "parents", "row_security", "grantees", "column_grants", "indexes",
        "privileges",
    ]
    private static let columnKeys: Set<String> = ["name", "type", "not_null", "collation"]
    private static let indexKeys: Set<String> = ["name", "columns", "unique", "partial", "method"]
    private static let foreignKeyKeys: Set<String> = ["name", "columns", "ref_schema", "ref_table", "ref_columns"]
    private static let functionKeys: Set<String> = [
        "schema", "name", "args", "returns", "security_definer", "owner", "executors", "body_tables",
    ]
    private static let viewKeys: Set<String> = [
        "schema", "name", "materialized", "security_invoker", "security_barrier", "owner", "references", "grantees",
    ]
    private static let triggerKeys: Set<String> = ["schema", "table", "name", "timing", "events", "function", "enabled"]
    private static let columnGrantKeys: Set<String> = ["grantee", "privilege", "columns"]
    private static let roleKeys: Set<String> = ["name", "login", "superuser", "bypassrls", "member_of"]
    private static let policyKeys: Set<String> = [
        "schema", "table", "name", "permissive", "roles", "command", "qual", "with_check",
    ]
    private static let grantKeys: Set<String> = ["schema", "table", "grantee", "privilege"]
    private static let typeKeys: Set<String> = [
        "name", "family", "base", "not_null", "checks", "collation", "kind", "labels",
    ]
    private static let collationKeys: Set<String> = ["name", "deterministic"]

    /// Creates a decoder for a document at `path`.
    init(path: String) {
        self.path = path
    }

    /// Decodes the document; an unreadable one gives an empty snapshot and its diagnostics.
    mutating func decode(bytes: [UInt8]) -> SchemaSnapshot {
        let empty = SchemaSnapshot(model: SchemaModel(origin: path))
        self.bytes = bytes
        let root: JSONNode
        do {
            let options = JSONParseOptions(
                maximumDepth: Self.maximumDepth, rejectsDuplicateKeys: true,
                allowsByteOrderMark: true)
            root = try JSONDocument(parsing: bytes, options: options).root
        } catch {
            report(.snapshotInvalidJSON, "invalid JSON: \(error.summary)", faultRange(at: error.offset))
            return empty
        }
        guard let members = objectMembers(root, what: "the snapshot") else { return empty }
        checkKeys(members, allowed: Self.topLevelKeys, what: "the snapshot")
        guard checkHeader(root) else { return empty }

        for entry in arrayElements(root, key: "types", what: "the snapshot", required: false) {
            readTypeEntry(entry)
        }
        var collations: [CollationModel] = []
        for (index, node) in arrayElements(root, key: "collations", what: "the snapshot", required: false).enumerated() {
            let what = "collations[\(index)]"
            guard let members = objectMembers(node, what: what), let name = requiredString(node, "name", what: what) else { continue }
            checkKeys(members, allowed: Self.collationKeys, what: "collation '\(name)'")
            let deterministic = node.member("deterministic") == nil ? true : bool(node, "deterministic", what: "collation '\(name)'")
            collations.append(CollationModel(name: name, isDeterministic: deterministic))
        }
        var schemaNames: [String] = []
        for node in arrayElements(root, key: "schemas", what: "the snapshot", required: false) {
            if let name = stringValue(node, what: "an entry of \"schemas\"") { schemaNames.append(name) }
        }
        var tables: [TableModel] = []
        var states: [QualifiedName: SnapshotTableState] = [:]
        var seen = Set<QualifiedName>()
        for (index, node) in arrayElements(root, key: "tables", what: "the snapshot", required: true).enumerated() {
            guard let (table, state) = readTable(node, index: index) else { continue }
            guard seen.insert(table.name).inserted else {
                report(
                    .snapshotDuplicateTable, "table \(table.name) appears twice; the first is kept",
                    table.location?.range ?? node.sourceRange)
                continue
            }
            tables.append(table)
            if let state { states[table.name] = state }
        }
        let functions = readOptionalList(root, key: "functions") { $0.readFunction($1, index: $2) }
        let roles = readOptionalList(root, key: "roles") { $0.readRole($1, index: $2) }
        let policies = readOptionalList(root, key: "policies") { $0.readPolicy($1, index: $2) }
        let grants = readOptionalList(root, key: "grants") { $0.readGrant($1, index: $2) }
        let views = readOptionalList(root, key: "views") { $0.readView($1, index: $2) }
        let triggers = readOptionalList(root, key: "triggers") { $0.readTrigger($1, index: $2) }
        let model = SchemaModel(
            tables: tables, functions: functions, roles: roles, schemaNames: schemaNames,
            origin: path, domains: domains, collations: collations, userTypes: userTypes, views: views,
            triggers: triggers)
        return SchemaSnapshot(model: model, tableStates: states, policies: policies, grants: grants)
    }

    // MARK: - Header

    /// Checks `format` and `version`; false when the document is not one this pgpe reads.
    private mutating func checkHeader(_ root: JSONNode) -> Bool {
        guard let format = root.member("format") else {
            report(
                .snapshotMissingField, "missing \"format\"; expected \"\(SchemaSnapshot.formatName)\"",
                start(of: root))
            return false
        }
        guard case .string(let name) = format.value.value, name == SchemaSnapshot.formatName else {
            report(
                .snapshotWrongFormat,
                "\"format\" must be \"\(SchemaSnapshot.formatName)\", found \(describe(format.value))",
                format.value.sourceRange)
            return false
        }
        guard let version = root.member("version") else {
            report(
                .snapshotMissingField,
                "missing \"version\"; expected \(SchemaSnapshot.currentVersion)", start(of: root))
            return false
        }
        guard version.value.value.double != nil else {
            report(
                .snapshotWrongType,
                "\"version\" must be a number, not \(version.value.value.kindName)", version.value.sourceRange)
            return false
        }
        let text = String(decoding: bytes[version.value.range], as: UTF8.self)
        guard Int(text) == SchemaSnapshot.currentVersion else {
            report(
                .snapshotUnsupportedVersion,
                "unsupported snapshot version \(text); this pgpe reads version \(SchemaSnapshot.currentVersion)",
                version.value.sourceRange)
            return false
        }
        return true
    }

    // MARK: - Entries

    private mutating func readTypeEntry(_ node: JSONNode) {
        guard let members = objectMembers(node, what: "an entry of \"types\"") else { return }
        checkKeys(members, allowed: Self.typeKeys, what: "an entry of \"types\"")
        guard let name = requiredString(node, "name", what: "an entry of \"types\""),
            let familyNode = required(node, "family", what: "type '\(name)'"),
            let familyName = stringValue(familyNode, what: "\"family\" of type '\(name)'")
        else { return }
        guard let family = TypeFamily(rawValue: familyName) else {
            let known = TypeFamily.allCases.map(\.rawValue).joined(separator: ", ")
            report(
                .snapshotInvalidValue, "unknown type family '\(familyName)'; expected one of \(known)",
                familyNode.sourceRange)
            return
        }
        knownTypes[name] = SQLType(name: name, family: family)
        // A user type that is no domain (written since enum labels were read).
        if let kindName = optionalString(node, "kind", what: "type '\(name)'") {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard let kind = UserTypeModel.Kind(rawValue: kindName), parts.count == 2 else {
                let known = UserTypeModel.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                report(
                    .snapshotInvalidValue,
                    parts.count == 2
                        ? "unknown type kind '\(kindName)'; expected one of \(known)" : "type '\(name)' must be schema-qualified",
                    node.sourceRange)
                return
            }
            userTypes.append(
                UserTypeModel(
                    name: QualifiedName(schema: parts[0], name: parts[1]), kind: kind,
                    labels: stringArray(node, "labels", what: "type '\(name)'")))
            return
        }
        // A domain (written since domains were read; older snapshots list only the family).
        guard let baseName = optionalString(node, "base", what: "type '\(name)'") else { return }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            report(.snapshotInvalidValue, "domain '\(name)' must be schema-qualified", node.sourceRange)
            return
        }
        let base = knownTypes[baseName] ?? SQLType.normalize(baseName)
        domains.append(
            DomainModel(
                name: QualifiedName(schema: parts[0], name: parts[1]),
                base: SQLType(name: base.name, family: family == .array ? .array : base.family),
                notNull: bool(node, "not_null", what: "type '\(name)'"),
                checks: stringArray(node, "checks", what: "type '\(name)'"),
                collation: optionalString(node, "collation", what: "type '\(name)'")))
    }

    private mutating func readTable(_ node: JSONNode, index: Int) -> (TableModel, SnapshotTableState?)? {
        let anonymous = "tables[\(index)]"
        guard let members = objectMembers(node, what: anonymous) else { return nil }
        guard let schema = requiredString(node, "schema", what: anonymous),
            let name = requiredString(node, "name", what: anonymous)
        else { return nil }
        let qualified = QualifiedName(schema: schema, name: name)
        let what = "table \(qualified)"
        checkKeys(members, allowed: Self.tableKeys, what: what)
        var columns: [ColumnModel] = []
        for (columnIndex, columnNode) in arrayElements(node, key: "columns", what: what, required: true).enumerated() {
            if let column = readColumn(columnNode, index: columnIndex, table: what) { columns.append(column) }
        }
        let primaryKey = stringArray(node, "primary_key", what: what)
        var uniqueKeys: [[String]] = []
        for keyNode in arrayElements(node, key: "unique_keys", what: what, required: false) {
            if case .array = keyNode.value {
                uniqueKeys.append(stringArray(keyNode, what: "a unique key of \(what)"))
            } else {
                reportWrongType(keyNode, expected: "an array of column names", what: "a unique key of \(what)")
            }
        }
        var foreignKeys: [ForeignKeyModel] = []
        for keyNode in arrayElements(node, key: "foreign_keys", what: what, required: false) {
            if let key = readForeignKey(keyNode, table: what) { foreignKeys.append(key) }
        }
        let comment = optionalString(node, "comment", what: what)
        let tags = node.member("tags") != nil ? stringArray(node, "tags", what: what) : TableModel.tags(inComment: comment)
        let owner = optionalString(node, "owner", what: what)
        var state: SnapshotTableState?
        if node.member("rls_enabled") != nil || node.member("rls_forced") != nil {
            state = SnapshotTableState(
                rlsEnabled: bool(node, "rls_enabled", what: what),
                rlsForced: bool(node, "rls_forced", what: what))
        }
        let location = node.member("name").map { FileLocation(file: path, range: $0.value.sourceRange) }
        var table = TableModel(
            name: qualified, columns: columns, primaryKey: primaryKey, uniqueKeys: uniqueKeys,
            foreignKeys: foreignKeys, comment: comment, tags: tags, owner: owner, location: location)
        if node.member("has_inheritance_children") != nil {
            table.hasInheritanceChildren = bool(node, "has_inheritance_children", what: what)
        }
        table.parents = names(node, "parents", what: what)
        table.rowSecurity = bool(node, "row_security", what: what)
        table.grantees = stringArray(node, "grantees", what: what)
        if let member = node.member("privileges"), let granted = objectMembers(member.value, what: "\"privileges\" of \(what)") {
            for entry in granted {
                table.privileges[entry.key] = stringArray(entry.value, what: "the privileges of \(entry.key) on \(what)").sorted()
            }
        }
        for grantNode in arrayElements(node, key: "column_grants", what: what, required: false) {
            let grantWhat = "a column grant of \(what)"
            guard let grantMembers = objectMembers(grantNode, what: grantWhat) else { continue }
            checkKeys(grantMembers, allowed: Self.columnGrantKeys, what: grantWhat)
            guard let grantee = requiredString(grantNode, "grantee", what: grantWhat),
                let privilege = requiredString(grantNode, "privilege", what: grantWhat)
            else { continue }
            table.columnGrants.append(
                ColumnGrant(grantee: grantee, privilege: privilege, columns: stringArray(grantNode, "columns", what: grantWhat)))
        }
        table.indexes = arrayElements(node, key: "indexes", what: what, required: false).compactMap { readIndex($0, table: what) }
        return (table, state)
    }

    private mutating func readColumn(_ node: JSONNode, index: Int, table: String) -> ColumnModel? {
        let anonymous = "columns[\(index)] of \(table)"
        guard let members = objectMembers(node, what: anonymous),
            let name = requiredString(node, "name", what: anonymous)
        else { return nil }
        let what = "column '\(name)' of \(table)"
        checkKeys(members, allowed: Self.columnKeys, what: what)
        guard let typeName = requiredString(node, "type", what: what) else { return nil }
        let location = node.member("name").map { FileLocation(file: path, range: $0.value.sourceRange) }
        return ColumnModel(
            name: name, type: type(named: typeName), notNull: bool(node, "not_null", what: what),
            location: location, collation: optionalString(node, "collation", what: what))
    }

    /// One element of a table's optional `indexes`: a column name, or null for an expression.
    private mutating func readIndex(_ node: JSONNode, table: String) -> IndexModel? {
        let anonymous = "an index of \(table)"
        guard let members = objectMembers(node, what: anonymous), let name = requiredString(node, "name", what: anonymous) else {
            return nil
        }
        let what = "index '\(name)' of \(table)"
        checkKeys(members, allowed: Self.indexKeys, what: what)
        var columns: [String?] = []
        for element in arrayElements(node, key: "columns", what: what, required: true) {
            if case .null = element.value {
                columns.append(nil)
            } else if let column = stringValue(element, what: "a column of \(what)") {
                columns.append(column)
            }
        }
        return IndexModel(
            name: name, columns: columns, isUnique: bool(node, "unique", what: what), isPartial: bool(node, "partial", what: what),
            method: optionalString(node, "method", what: what) ?? "btree")
    }

    private mutating func readForeignKey(_ node: JSONNode, table: String) -> ForeignKeyModel? {
        let anonymous = "a foreign key of \(table)"
        guard let members = objectMembers(node, what: anonymous) else { return nil }
        let name = optionalString(node, "name", what: anonymous)
        let what = name.map { "foreign key '\($0)' of \(table)" } ?? anonymous
        checkKeys(members, allowed: Self.foreignKeyKeys, what: what)
        guard required(node, "columns", what: what) != nil,
            let schema = requiredString(node, "ref_schema", what: what),
            let referenced = requiredString(node, "ref_table", what: what)
        else { return nil }
        return ForeignKeyModel(
            name: name, columns: stringArray(node, "columns", what: what),
            referencedTable: QualifiedName(schema: schema, name: referenced),
            referencedColumns: stringArray(node, "ref_columns", what: what))
    }

    private mutating func readFunction(_ node: JSONNode, index: Int) -> FunctionSignature? {
        let anonymous = "functions[\(index)]"
        guard let members = objectMembers(node, what: anonymous),
            let schema = requiredString(node, "schema", what: anonymous),
            let name = requiredString(node, "name", what: anonymous)
        else { return nil }
        let what = "function \(schema).\(name)"
        checkKeys(members, allowed: Self.functionKeys, what: what)
        guard let returns = requiredString(node, "returns", what: what) else { return nil }
        let location = node.member("name").map { FileLocation(file: path, range: $0.value.sourceRange) }
        var function = FunctionSignature(
            name: QualifiedName(schema: schema, name: name),
            argumentTypes: stringArray(node, "args", what: what).map { type(named: $0) },
            returnType: type(named: returns),
            securityDefiner: bool(node, "security_definer", what: what), location: location)
        function.owner = optionalString(node, "owner", what: what)
        if node.member("executors") != nil { function.executors = stringArray(node, "executors", what: what) }
        if let body = node.member("body_tables") {
            if case .null = body.value.value {
                function.bodyTables = nil
            } else {
                function.bodyTables = names(node, "body_tables", what: what)
            }
        }
        return function
    }

    private mutating func readView(_ node: JSONNode, index: Int) -> ViewModel? {
        let anonymous = "views[\(index)]"
        guard let members = objectMembers(node, what: anonymous),
            let schema = requiredString(node, "schema", what: anonymous),
            let name = requiredString(node, "name", what: anonymous)
        else { return nil }
        let what = "view \(schema).\(name)"
        checkKeys(members, allowed: Self.viewKeys, what: what)
        return ViewModel(
            name: QualifiedName(schema: schema, name: name), isMaterialized: bool(node, "materialized", what: what),
            securityInvoker: bool(node, "security_invoker", what: what),
            securityBarrier: bool(node, "security_barrier", what: what), owner: optionalString(node, "owner", what: what),
            references: names(node, "references", what: what), grantees: stringArray(node, "grantees", what: what),
            location: node.member("name").map { FileLocation(file: path, range: $0.value.sourceRange) })
    }

    /// The members, `schema`, `table` and `name` of an entry of `list` that belongs to a table
    /// (a policy, a trigger), reporting a missing one.
    private mutating func tableEntry(
        _ node: JSONNode, list: String, index: Int
    ) -> (members: [JSONMember], schema: String, table: String, name: String)? {
        let anonymous = "\(list)[\(index)]"
        guard let members = objectMembers(node, what: anonymous),
            let schema = requiredString(node, "schema", what: anonymous),
            let table = requiredString(node, "table", what: anonymous),
            let name = requiredString(node, "name", what: anonymous)
        else { return nil }
        return (members, schema, table, name)
    }

    private mutating func readTrigger(_ node: JSONNode, index: Int) -> TriggerModel? {
        guard let (members, schema, table, name) = tableEntry(node, list: "triggers", index: index) else { return nil }
        let what = "trigger \(name) on \(schema).\(table)"
        checkKeys(members, allowed: Self.triggerKeys, what: what)
        guard let functionNode = required(node, "function", what: what),
            let function = qualifiedName(functionNode, what: "\"function\" of \(what)")
        else { return nil }
        var events: [Privilege] = []
        for element in arrayElements(node, key: "events", what: what, required: false) {
            guard let text = stringValue(element, what: "an event of \(what)") else { continue }
            guard let event = Privilege(rawValue: text), [.insert, .update, .delete, .truncate].contains(event) else {
                reportWrongType(element, expected: "INSERT, UPDATE, DELETE or TRUNCATE", what: "an event of \(what)")
                continue
            }
            events.append(event)
        }
        let isEnabled = node.member("enabled") == nil ? true : bool(node, "enabled", what: what)
        return TriggerModel(
            name: name, table: QualifiedName(schema: schema, name: table),
            function: function,
            timing: optionalString(node, "timing", what: what) ?? "AFTER", events: events, isEnabled: isEnabled,
            location: node.member("name").map { FileLocation(file: path, range: $0.value.sourceRange) })
    }

    /// Qualified names written as `[schema, name]` pairs under `key`; absent is empty.
    private mutating func names(_ node: JSONNode, _ key: String, what: String) -> [QualifiedName] {
        arrayElements(node, key: key, what: what, required: false).compactMap { element in
            qualifiedName(element, what: "an entry of \"\(key)\" of \(what)")
        }
    }

    /// A qualified name written as a `[schema, name]` pair.
    private mutating func qualifiedName(_ node: JSONNode, what: String) -> QualifiedName? {
        let parts = stringArray(node, what: what)
        guard parts.count == 2 else {
            reportWrongType(node, expected: "[schema, name]", what: what)
            return nil
        }
        return QualifiedName(schema: parts[0], name: parts[1])
    }

    private mutating func readRole(_ node: JSONNode, index: Int) -> RoleModel? {
        let anonymous = "roles[\(index)]"
        guard let members = objectMembers(node, what: anonymous),
            let name = requiredString(node, "name", what: anonymous)
        else { return nil }
        let what = "role '\(name)'"
        checkKeys(members, allowed: Self.roleKeys, what: what)
        return RoleModel(
            name: name, canLogin: bool(node, "login", what: what),
            isSuperuser: bool(node, "superuser", what: what),
            bypassesRLS: bool(node, "bypassrls", what: what),
            memberOf: stringArray(node, "member_of", what: what).sorted())
    }

    private mutating func readPolicy(_ node: JSONNode, index: Int) -> SnapshotPolicy? {
        guard let (members, schema, table, name) = tableEntry(node, list: "policies", index: index) else { return nil }
        let what = "policy '\(name)' on \(schema).\(table)"
        checkKeys(members, allowed: Self.policyKeys, what: what)
        guard let command = requiredString(node, "command", what: what) else { return nil }
        let permissive = node.member("permissive") == nil ? true : bool(node, "permissive", what: what)
        return SnapshotPolicy(
            schema: schema, table: table, name: name, permissive: permissive,
            roles: stringArray(node, "roles", what: what), command: command,
            qual: optionalString(node, "qual", what: what),
            withCheck: optionalString(node, "with_check", what: what))
    }

    private mutating func readGrant(_ node: JSONNode, index: Int) -> SnapshotGrant? {
        let what = "grants[\(index)]"
        guard let members = objectMembers(node, what: what) else { return nil }
        checkKeys(members, allowed: Self.grantKeys, what: what)
        guard let schema = requiredString(node, "schema", what: what),
            let table = requiredString(node, "table", what: what),
            let grantee = requiredString(node, "grantee", what: what),
            let privilege = requiredString(node, "privilege", what: what)
        else { return nil }
        return SnapshotGrant(schema: schema, table: table, grantee: grantee, privilege: privilege)
    }

    /// The type a snapshot names: as listed in `types`, else normalized from its name.
    private func type(named name: String) -> SQLType {
        knownTypes[name] ?? SQLType.normalize(name)
    }

    // MARK: - Field helpers

    private mutating func objectMembers(_ node: JSONNode, what: String) -> [JSONMember]? {
        guard case .object = node.value else {
            reportWrongType(node, expected: "an object", what: what)
            return nil
        }
        return node.members
    }

    private mutating func checkKeys(_ members: [JSONMember], allowed: Set<String>, what: String) {
        for member in members where !allowed.contains(member.key) {
            let known = allowed.sorted().joined(separator: ", ")
            report(
                .snapshotUnknownField,
                "unknown field \"\(member.key)\" in \(what); known fields are \(known)", member.keySourceRange)
        }
    }

    private mutating func required(_ node: JSONNode, _ key: String, what: String) -> JSONNode? {
        guard let member = node.member(key) else {
            report(.snapshotMissingField, "missing \"\(key)\" in \(what)", start(of: node))
            return nil
        }
        return member.value
    }

    private mutating func requiredString(_ node: JSONNode, _ key: String, what: String) -> String? {
        guard let value = required(node, key, what: what) else { return nil }
        return stringValue(value, what: "\"\(key)\" of \(what)")
    }

    private mutating func stringValue(_ node: JSONNode, what: String) -> String? {
        guard case .string(let text) = node.value else {
            reportWrongType(node, expected: "a string", what: what)
            return nil
        }
        return text
    }

    /// A string or null; absent means null.
    private mutating func optionalString(_ node: JSONNode, _ key: String, what: String) -> String? {
        guard let member = node.member(key) else { return nil }
        switch member.value.value {
        case .string(let text): return text
        case .null: return nil
        default:
            reportWrongType(member.value, expected: "a string or null", what: "\"\(key)\" of \(what)")
            return nil
        }
    }

    /// A boolean; absent means false.
    private mutating func bool(_ node: JSONNode, _ key: String, what: String) -> Bool {
        guard let member = node.member(key) else { return false }
        guard case .bool(let flag) = member.value.value else {
            reportWrongType(member.value, expected: "true or false", what: "\"\(key)\" of \(what)")
            return false
        }
        return flag
    }

    /// The items of the snapshot's optional list `key`, each read by `read` (with its index);
    /// an element `read` rejects (after reporting it) is left out.
    private mutating func readOptionalList<Item>(
        _ root: JSONNode, key: String, _ read: (inout SnapshotDecoder, JSONNode, Int) -> Item?
    ) -> [Item] {
        var items: [Item] = []
        for (index, node) in arrayElements(root, key: key, what: "the snapshot", required: false).enumerated() {
            if let item = read(&self, node, index) { items.append(item) }
        }
        return items
    }

    /// The elements of the array under `key`; absent is empty (or an error when required).
    private mutating func arrayElements(_ node: JSONNode, key: String, what: String, required: Bool) -> [JSONNode] {
        guard let member = node.member(key) else {
            if required { report(.snapshotMissingField, "missing \"\(key)\" in \(what)", start(of: node)) }
            return []
        }
        guard case .array = member.value.value else {
            reportWrongType(member.value, expected: "an array", what: "\"\(key)\" of \(what)")
            return []
        }
        return member.value.elements
    }

    /// The strings of the array under `key`; absent is empty.
    private mutating func stringArray(_ node: JSONNode, _ key: String, what: String) -> [String] {
        guard let member = node.member(key) else { return [] }
        return stringArray(member.value, what: "\"\(key)\" of \(what)")
    }

    private mutating func stringArray(_ node: JSONNode, what: String) -> [String] {
        guard case .array = node.value else {
            reportWrongType(node, expected: "an array of strings", what: what)
            return []
        }
        return node.elements.compactMap { stringValue($0, what: "an element of \(what)") }
    }

    // MARK: - Diagnostics

    private mutating func reportWrongType(_ node: JSONNode, expected: String, what: String) {
        report(.snapshotWrongType, "\(what) must be \(expected), not \(node.value.kindName)", node.sourceRange)
    }

    private mutating func report(_ kind: DiagnosticKind, _ message: String, _ range: SourceRange) {
        diagnostics.append(
            Diagnostic(
                kind, message: message,
                location: FileLocation(file: path, range: range)))
    }

    /// The first character of a value (its `{` or `[`), where "missing" problems are reported.
    private func start(of node: JSONNode) -> SourceRange {
        SourceRange(start: node.range.lowerBound, end: min(node.range.upperBound, node.range.lowerBound + 1))
    }

    /// The character at `offset` where parsing stopped (all its UTF-8 bytes), or an empty range at the end.
    private func faultRange(at offset: Int) -> SourceRange {
        guard offset < bytes.count else { return SourceRange.empty(at: bytes.count) }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return SourceRange(start: offset, end: end)
    }

    private func describe(_ node: JSONNode) -> String {
        if case .string(let text) = node.value { return "\"\(text.prefix(60))\"" }
        return node.value.kindName
    }
}
