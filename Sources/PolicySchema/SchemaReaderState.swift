import PolicySyntax

/// The state of one run of `SQLSchemaReader`: the statements read so far and what they declared.
struct SchemaReaderState {
    /// The search path PostgreSQL starts with.
    static let defaultSearchPath = ["$user", "public"]

    /// The file being read.
    let file: SourceFile
    /// Its tokens and statements.
    let script: SQLScript
    /// Diagnostics so far.
    var diagnostics: [Diagnostic] = []
    /// The search path in force at the current statement.
    var searchPath = SchemaReaderState.defaultSearchPath
    /// Every table created, by id (dropped ones stay, marked).
    var tables: [TableDraft] = []
    /// The live tables by name.
    var tableIDs: [QualifiedName: Int] = [:]
    /// Statements that named a table not declared yet, with their search path; read again at the end.
    var pending: [(statement: Range<Int>, searchPath: [String])] = []
    /// Whether the pending statements are being read again (then they are not deferred twice).
    var isReadingPending = false
    /// Every view and materialized view created, by id (dropped ones stay, marked).
    var views: [ViewDraft] = []
    /// The live views by name.
    var viewIDs: [QualifiedName: Int] = [:]
    /// User-defined types.
    var userTypes: [QualifiedName: UserTypeInfo] = [:]
    /// Function signatures in file order.
    var functions: [FunctionDraft] = []
    /// Triggers in file order (dropped and replaced ones stay, marked).
    var triggers: [TriggerDraft] = []
    /// Roles in file order.
    var roles: [RoleModel] = []
    /// Role memberships: member → the roles it was granted, each with whether it inherits
    /// their privileges (`nil`: as the member's INHERIT attribute says).
    var memberships: [String: [(role: String, inherit: Bool?)]] = [:]
    /// Roles declared NOINHERIT.
    var noInherit = Set<String>()
    /// Collations the file declares (`schema.name`) and whether each is deterministic.
    var collations: [String: Bool] = [:]
    /// Declared schemas in file order.
    var schemaNames: [String] = []
    /// Row level security policies by table id, in creation order (schema and table are filled
    /// in when the model is built, after renames).
    var policies: [Int: [SnapshotPolicy]] = [:]
    /// The row level security switches of the tables that had them set, by table id.
    var rlsSwitches: [Int: SnapshotTableState] = [:]
    /// Table privileges by table id: grantee → privileges (`PUBLIC` for everyone).
    var tableGrants: [Int: [String: Set<String>]] = [:]
    /// Built-in type spellings already normalized (they repeat on every table).
    var builtinTypes: [String: SQLType] = [:]

    /// Prepares to read `file`.
    init(file: SourceFile) {
        self.file = file
        self.script = SQLScript(bytes: file.bytes)
    }

    /// Reads every statement, resolves references and builds the model.
    mutating func run() -> (SchemaModel, [Diagnostic]) {
        for problem in script.problems {
            report(.schemaUnterminated, problem.message, problem.range)
        }
        for statement in script.statements {
            readStatement(statement)
        }
        isReadingPending = true
        for (statement, path) in pending {
            searchPath = path
            readStatement(statement)
        }
        let model = buildModel()
        // An unterminated string or comment swallows the rest of the file: what follows it is
        // not worth a second diagnostic.
        if let cutoff = script.problems.map(\.range.start).min() {
            diagnostics.removeAll { $0.kind != .schemaUnterminated && $0.range.start >= cutoff }
        }
        diagnostics.sort { $0.range < $1.range }
        return (model, diagnostics)
    }

    // MARK: - Dispatch

    /// Reads one statement; statements of unknown kinds are skipped.
    mutating func readStatement(_ statement: Range<Int>) {
        var cursor = SQLCursor(tokens: script.tokens, range: statement)
        guard let first = cursor.peek(), first.kind == .word else { return }
        cursor.advance()
        switch first.text {
        case "create":
            readCreate(&cursor, statement: statement)
        case "alter":
            if cursor.accept(word: "policy") {
                readAlterPolicy(&cursor, statement: statement)
            } else if cursor.accept(word: "table") {
                readAlterTable(&cursor, statement: statement)
            } else if cursor.accept(word: "role") || cursor.accept(word: "user") {
                readAlterRole(&cursor)
            } else if cursor.accept(word: "type") {
                readAlterType(&cursor)
            } else if cursor.accept(word: "view") || cursor.accept(words: "materialized", "view") {
                readAlterView(&cursor)
            } else if cursor.accept(word: "function") || cursor.accept(word: "procedure") || cursor.accept(word: "routine") {
                readAlterFunction(&cursor)
            }
        case "comment":
            if cursor.accept(words: "on", "table") { readCommentOnTable(&cursor, statement: statement) }
        case "grant":
            let start = cursor
            if readTablePrivileges(&cursor, statement: statement, granting: true) {
                var objects = start
                readObjectPrivileges(&objects, granting: true)
            } else {
                readGrantRole(&cursor)
            }
        case "revoke":
            let start = cursor
            if readTablePrivileges(&cursor, statement: statement, granting: false) {
                var objects = start
                readObjectPrivileges(&objects, granting: false)
            } else {
                readRevokeRole(&cursor)
            }
        case "set":
            readSet(&cursor)
        case "reset":
            if cursor.accept(word: "search_path") || cursor.accept(word: "all") {
                searchPath = Self.defaultSearchPath
            }
        case "select":
            readSetConfig(&cursor)
        case "drop":
            if cursor.accept(word: "table") {
                readDropTable(&cursor)
            } else if cursor.accept(word: "index") {
                readDropIndex(&cursor)
            } else if cursor.accept(word: "view") || cursor.accept(words: "materialized", "view") {
                readDropView(&cursor)
            } else if cursor.accept(word: "policy") {
                readDropPolicy(&cursor, statement: statement)
            } else if cursor.accept(word: "trigger") {
                readDropTrigger(&cursor)
            }
        default:
            return
        }
    }

    private mutating func readCreate(_ cursor: inout SQLCursor, statement: Range<Int>) {
        _ = cursor.accept(words: "or", "replace")
        if cursor.accept(words: "unique", "index") {
            readCreateIndex(&cursor, unique: true, statement: statement)
            return
        }
        if cursor.accept(word: "index") {
            readCreateIndex(&cursor, unique: false, statement: statement)
            return
        }
        var isTemporary = false
        _ = cursor.accept(word: "global") || cursor.accept(word: "local")
        if cursor.accept(word: "temp") || cursor.accept(word: "temporary") {
            isTemporary = true
        } else {
            _ = cursor.accept(word: "unlogged")
        }
        if cursor.accept(word: "table") {
            readCreateTable(&cursor, temporary: isTemporary)
            return
        }
        if !isTemporary, cursor.accept(word: "view") || cursor.accept(words: "recursive", "view") {
            readCreateView(&cursor, materialized: false)
            return
        }
        if cursor.accept(words: "materialized", "view") {
            readCreateView(&cursor, materialized: true)
            return
        }
        guard !isTemporary else { return }
        if cursor.accept(word: "policy") {
            readCreatePolicy(&cursor, statement: statement)
            return
        }
        if cursor.accept(word: "trigger") || cursor.accept(words: "constraint", "trigger") {
            readCreateTrigger(&cursor, statement: statement)
            return
        }
        if cursor.accept(word: "schema") {
            readCreateSchema(&cursor)
        } else if cursor.accept(word: "role") || cursor.accept(word: "group") {
            readCreateRole(&cursor, canLoginByDefault: false)
        } else if cursor.accept(word: "user") {
            // `CREATE USER MAPPING` is something else.
            if !cursor.isWord("mapping") { readCreateRole(&cursor, canLoginByDefault: true) }
        } else if cursor.accept(word: "function") {
            readCreateFunction(&cursor)
        } else if cursor.accept(word: "type") {
            readCreateType(&cursor)
        } else if cursor.accept(word: "domain") {
            readCreateDomain(&cursor)
        } else if cursor.accept(word: "collation") {
            readCreateCollation(&cursor)
        }
    }

    // MARK: - Names

    /// The schema unqualified new objects go to: the first usable schema of the search path.
    static func creationSchema(_ path: [String]) -> String {
        for schema in path
        where !schema.isEmpty && schema != "$user" && schema != "pg_catalog"
            && !schema.hasPrefix("pg_temp")
        {
            return schema
        }
        return "public"
    }

    /// The qualified name of an object being created under `name`.
    func creationName(_ name: SQLName, temporary: Bool = false) -> QualifiedName {
        if let schema = name.schema { return QualifiedName(schema: schema, name: name.last) }
        return QualifiedName(schema: temporary ? "pg_temp" : Self.creationSchema(searchPath), name: name.last)
    }

    /// The live table `name` denotes under `path`, as PostgreSQL would look it up.
    func lookupTable(_ name: SQLName, path: [String]) -> Int? {
        if let schema = name.schema { return tableIDs[QualifiedName(schema: schema, name: name.last)] }
        if let id = tableIDs[QualifiedName(schema: "pg_temp", name: name.last)] { return id }
        for schema in path where !schema.isEmpty && schema != "$user" {
            if let id = tableIDs[QualifiedName(schema: schema, name: name.last)] { return id }
        }
        return nil
    }

    /// The live table `name` denotes now; when there is none yet (and this is the first
    /// reading), the statement is kept to be read again at the end of the file.
    mutating func tableOrDefer(_ name: SQLName, statement: Range<Int>) -> Int? {
        if let id = lookupTable(name, path: searchPath) { return id }
        if !isReadingPending { pending.append((statement, searchPath)) }
        return nil
    }

    /// A reference to `name` from the current statement.
    func reference(_ name: SQLName) -> TableReference {
        TableReference(name: name, searchPath: searchPath, id: lookupTable(name, path: searchPath))
    }

    // MARK: - Diagnostics

    /// Records a diagnostic at `range`.
    mutating func report(_ kind: DiagnosticKind, _ message: String, _ range: SourceRange) {
        diagnostics.append(
            Diagnostic(
                kind, message: message,
                location: FileLocation(file: file.path, range: range)))
    }

    /// Records that the token at `cursor` was not expected, quoting it.
    mutating func reportUnexpected(_ cursor: SQLCursor, in context: String) {
        let range = cursor.currentRange
        let text = cursor.isAtEnd ? "end of statement" : "'\(file.text(in: range).prefix(40))'"
        report(.schemaUnexpectedToken, "unexpected \(text) in \(context); the rest of it is ignored", range)
    }
}
