import PolicyConfig
import PolicySchema
import PolicySyntax

/// The semantic checks of SPEC section 4: selectors and the governed set, name resolution,
/// types, null comparisons, depth, traversal cycles, duplicate names; then the normal form of
/// every policy on every table it governs. Problems are diagnostics, never thrown.
public final class Checker {
    let config: ProjectConfig
    let schema: SchemaModel
    let hasSchema: Bool
    var sink = DiagnosticSink()
    /// Session keys inferred from the columns they are compared with: key → (type, where).
    var inferredSessionTypes: [String: [(SQLType, FileLocation)]] = [:]
    /// How many items this run checked (the rest came from the cache).
    var itemsChecked = 0
    /// The tables of the governed schemas.
    let candidateTables: [TableModel]
    /// `candidateTables` indexed by name, for `named()` selectors.
    private(set) lazy var nameIndex = TableNameIndex(candidateTables)

    private init(config: ProjectConfig, schema: SchemaModel?) {
        self.config = config
        self.schema = schema ?? .empty
        self.hasSchema = schema != nil
        self.candidateTables = (schema ?? .empty).tables(inSchemas: config.schemas)
    }

    /// Checks the parsed `.policy` files against `config` and `schema` (`nil` when no schema is
    /// available: only schema-free checks run).
    ///
    /// With a `cache`, the per-file part of the work (each policy and grant on its own) is
    /// reused for files whose `SourceFile` is the same object as in the previous run with the
    /// same configuration and schema; the checks across files run every time. The result is the
    /// same as without a cache.
    public static func check(files: [ParsedFile], config: ProjectConfig, schema: SchemaModel?, cache: CheckCache? = nil) -> PolicySet {
        let (resolved, problems) = FunctionTypeResolver.resolve(config, schema: schema)
        let checker = Checker(config: resolved, schema: schema)
        for problem in problems { checker.sink.add(problem) }
        return checker.run(files: files.sorted { $0.source.path < $1.source.path }, cache: cache)
    }

    /// Checks one file's items, each on its own (what `CheckCache` keeps). Items of `previous`
    /// (the same file's last result) with the same bytes at the same offset, or at the same
    /// distance from the end of the file, are reused: an edit re-checks only the items it
    /// touches, and the items after it move along (re-checking them made every keystroke near
    /// the top of a 5,000-line file cost the whole file).
    private func checkFile(_ file: ParsedFile, previous: CheckCache.Entry?) -> CheckCache.Entry {
        let outerSink = sink
        let outerInferred = inferredSessionTypes
        defer {
            sink = outerSink
            inferredSessionTypes = outerInferred
        }
        // The previous items' indexes by start and by distance from the end of the file.
        let previousItems = previous?.items ?? []
        var byStart: [Int: Int] = [:]
        var byDistanceFromEnd: [Int: Int] = [:]
        for (index, item) in previousItems.enumerated() {
            byStart[item.range.start] = index
            byDistanceFromEnd[item.source.bytes.count - item.range.end] = index
        }
        var items: [CheckCache.Item] = []
        items.reserveCapacity(file.tree.items.count)
        let bytes = file.source.bytes
        for item in file.tree.items {
            let range = item.range
            let found = [byStart[range.start], byDistanceFromEnd[bytes.count - range.end]].lazy.compactMap { $0 }.first { index in
                let old = previousItems[index]
                return old.range.length == range.length && range.end <= bytes.count && old.range.end <= old.source.bytes.count
                    && old.source.bytes[old.range.start..<old.range.end].elementsEqual(bytes[range.start..<range.end])
            }
            if let found {
                items.append(previousItems[found].moved(to: file.source, range: range, syntax: item))
                continue
            }
            sink = DiagnosticSink()
            inferredSessionTypes = [:]
            itemsChecked += 1
            var checked = CheckCache.Item(source: file.source, range: range)
            switch item {
            case .policy(let syntax): checked.policy = checkPolicy(syntax, file: file.source.path)
            case .grant(let syntax): checked.grant = checkGrant(syntax, file: file.source.path)
            case .govern(let syntax): checked.govern = checkGovern(syntax, file: file.source.path)
            }
            checked.sink = sink
            checked.inferredSessionTypes = inferredSessionTypes
            items.append(checked)
        }
        return CheckCache.Entry(source: file.source, items: items)
    }

    /// Reports a policy whose name an earlier policy has on a table both govern. Names are unique
    /// per table, as in PostgreSQL (SPEC 11.3): policies that govern disjoint tables may share one
    /// (their compiled names `<policy>_<table>…` differ by table). Without a schema no policy
    /// governs a table, so nothing is reported.
    private func checkDuplicateNames(_ policies: [CheckedPolicy]) {
        var earlier: [String: [Int]] = [:]
        // Indexes, not `for policy in ...`: binding each element would copy every policy.
        for index in policies.indices {
            let ref = policies[index].ref
            defer { earlier[ref.name, default: []].append(index) }
            guard let others = earlier[ref.name] else { continue }
            let tables = Set(policies[index].tables)
            for other in others {
                guard let shared = policies[other].tables.first(where: tables.contains) else { continue }
                let first = policies[other].ref
                sink.add(
                    Diagnostic(
                        .semanticDuplicatePolicy,
                        message: "duplicate policy name '\(ref.name)' on \(shared); a policy name must be unique per table",
                        location: FileLocation(file: ref.location.file, range: ref.nameRange),
                        notes: [
                            DiagnosticNote(
                                message: "'\(ref.name)' is also declared here, and governs \(shared) too",
                                location: FileLocation(file: first.location.file, range: first.nameRange))
                        ]))
                break
            }
        }
    }

    private func run(files: [ParsedFile], cache: CheckCache?) -> PolicySet {
        var policies: [CheckedPolicy] = []
        var grants: [CheckedGrant] = []
        var governs: [CheckedGovern] = []
        let reusable = cache?.begin(config: config, schema: hasSchema ? schema : nil) ?? [:]
        var entries: [String: CheckCache.Entry] = [:]
        for file in files {
            let entry: CheckCache.Entry
            let previous = reusable[file.source.path]
            if let previous, previous.source === file.source {
                entry = previous
            } else {
                entry = checkFile(file, previous: previous)
            }
            entries[file.source.path] = entry
            sink.absorb(entry.sink)
            for (key, uses) in entry.inferredSessionTypes.sorted(by: { $0.key < $1.key }) {
                inferredSessionTypes[key, default: []] += uses
            }
            grants += entry.grants
            governs += entry.governs
            policies += entry.policies
        }
        cache?.finish(entries, checked: itemsChecked)
        checkDuplicateNames(policies)
        checkCycles(policies)
        let sessionTypes = resolveSessionTypes()
        checkIsolationKeys()
        var governed = Set<QualifiedName>()
        for index in policies.indices { governed.formUnion(policies[index].tables) }
        for govern in governs { governed.formUnion(govern.tables) }
        let governedTables = governed.sorted()
        let ungoverned = candidateTables.map(\.name).filter { !governed.contains($0) }
        var named = Set<String>()
        for index in policies.indices { for role in policies[index].roles where role != "public" { named.insert(role) } }
        if !hasSchema && !files.isEmpty {
            sink.add(
                Diagnostic(
                    .semanticNoSchema,
                    message: "no schema configured (set 'schema:' or 'database:' in pgpe.yaml); only schema-free checks ran",
                    location: FileLocation(file: files[0].source.path, range: .empty(at: 0))))
        }
        return PolicySet(
            config: config, schema: schema, hasSchema: hasSchema, policies: policies, grants: grants, governs: governs,
            governedTables: governedTables, ungovernedTables: ungoverned, diagnostics: sink.finish(),
            sessionTypes: sessionTypes, roles: named.sorted() + [PolicySet.publicRole])
    }

    // MARK: - Policies

    private func checkPolicy(_ syntax: PolicyDeclSyntax, file: String) -> CheckedPolicy? {
        guard let name = syntax.name else { return nil }
        let ref = PolicyRef(name: name.identifier, location: FileLocation(file: file, range: syntax.range), nameRange: name.range)
        let commands = syntax.commands?.commands ?? []
        let roles = syntax.roles.map(\.identifier)
        var tables: [QualifiedName] = []
        if let selector = syntax.selector, !syntax.hasErrors || selectorIsComplete(selector) {
            tables = matchTables(selector, file: file, reportEmpty: !syntax.hasErrors)
        }
        var policy = CheckedPolicy(
            ref: ref, syntax: syntax, kind: syntax.kind ?? .permissive, commands: commands, roles: roles,
            hasCheck: syntax.check != nil, tables: tables, using: [:], check: [:], hasErrors: syntax.hasErrors)
        guard !syntax.hasErrors else { return policy }
        checkRoles(syntax.roles, file: file)
        if let checkRange = syntax.checkKeywordRange, !commands.contains(.insert), !commands.contains(.update) {
            sink.add(
                Diagnostic(
                    .semanticCheckWithoutEffect,
                    message:
                        "WITH CHECK has no effect: policy '\(ref.name)' governs only \(commands.map(\.rawValue).joined(separator: ", ")), which check no new rows",
                    location: FileLocation(file: file, range: checkRange)))
        }
        let lowerer = PolicyLowerer(checker: self, policy: ref, file: file, syntax: syntax)
        if !hasSchema || tables.isEmpty {
            // Schema-free checks: functions, session keys, literals, depth.
            if lowerer.lowerWithoutTable() == false { policy.hasErrors = true }
            return policy
        }
        var cache: [String: (using: NormalizedPolicy, check: NormalizedPolicy)?] = [:]
        for tableName in tables {
            guard let table = schema.table(tableName) else { continue }
            let signature = lowerer.signature(on: table)
            let result: (using: NormalizedPolicy, check: NormalizedPolicy)?
            if let cached = cache[signature], cached != nil {
                result = cached
            } else {
                // A signature that failed is lowered again so every table's errors are reported.
                result = lowerer.lowerAndNormalize(on: table)
                cache[signature] = result
            }
            if let result {
                policy.using[tableName] = result.using
                policy.check[tableName] = result.check
            } else {
                policy.hasErrors = true
            }
        }
        return policy
    }

    /// Whether a selector from a declaration with errors is still whole (so matched tables can be shown).
    private func selectorIsComplete(_ selector: SelectorSyntax) -> Bool {
        switch selector.kind {
        case .missing: return false
        case .not(let inner), .parenthesized(let inner): return selectorIsComplete(inner)
        case .and(let terms), .or(let terms): return terms.allSatisfy(selectorIsComplete)
        default: return true
        }
    }

    private func checkRoles(_ roles: [NameSyntax], file: String) {
        guard !schema.roles.isEmpty else { return }
        let known = schema.roles.map(\.name)
        for role in roles where role.identifier != "public" && !known.contains(role.identifier) {
            let suggestion = Suggestions.closest(to: role.identifier, among: known)
            sink.add(
                Diagnostic(
                    .semanticUnknownRole,
                    message: "unknown role '\(role.identifier)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    location: FileLocation(file: file, range: role.range),
                    fixIts: suggestion.map { [Checker.replace(role, with: $0, file: file)] } ?? []))
        }
    }

    // MARK: - Grants

    private func checkGrant(_ syntax: GrantDeclSyntax, file: String) -> CheckedGrant? {
        guard !syntax.hasErrors, let selector = syntax.selector else { return nil }
        let tables = matchTables(selector, file: file, reportEmpty: true)
        checkRoles(syntax.roles, file: file)
        var privileges: [Privilege] = []
        for entry in syntax.privileges {
            let expanded: [Privilege] = entry.privilege == .all ? Privilege.rowCommands : [entry.privilege]
            for privilege in expanded where !privileges.contains(privilege) { privileges.append(privilege) }
        }
        return CheckedGrant(
            privileges: privileges.sorted(), roles: syntax.roles.map(\.identifier), tables: tables,
            location: FileLocation(file: file, range: syntax.range), syntax: syntax)
    }

    /// `GOVERN SELECTOR …`: the tables its selector matches (a selector matching nothing is
    /// reported as a policy's is).
    private func checkGovern(_ syntax: GovernDeclSyntax, file: String) -> CheckedGovern? {
        guard !syntax.hasErrors, let selector = syntax.selector else { return nil }
        let tables = matchTables(selector, file: file, reportEmpty: true)
        return CheckedGovern(tables: tables, location: FileLocation(file: file, range: syntax.range), syntax: syntax)
    }

    // MARK: - Session keys and isolation

    private func resolveSessionTypes() -> [String: SQLType] {
        var types: [String: SQLType] = [:]
        // The built-in values (`current_user`, `session_user`) are text, `sessionType`'s default:
        // only declared keys are listed, so a project that does not use them sees no change.
        for declared in config.sessionKeys { types[declared.key] = declared.type }
        for (key, uses) in inferredSessionTypes.sorted(by: { $0.key < $1.key }) where types[key] == nil {
            guard let first = uses.first else { continue }
            types[key] = first.0
            for (type, location) in uses.dropFirst() where !type.family.isComparable(with: first.0.family) {
                sink.add(
                    Diagnostic(
                        .semanticSessionTypeConflict,
                        message:
                            "session key '\(key)' is compared with \(first.0.name) and \(type.name) values; declare its type under 'session:' in pgpe.yaml",
                        location: location,
                        notes: [DiagnosticNote(message: "compared with \(first.0.name) here", location: first.1)]))
            }
        }
        return types
    }

    private func checkIsolationKeys() {
        for entry in config.isolation {
            guard let selector = entry.tables, let location = entry.location else { continue }
            _ = matchTables(selector, file: location.file, reportEmpty: false)
        }
    }

    // MARK: - Helpers

    /// A fix-it replacing `name` with `replacement`, keeping its quoting.
    static func replace(_ name: NameSyntax, with replacement: String, file: String) -> FixIt {
        let text: String
        switch name.quoting {
        case .bare: text = replacement == replacement.lowercased() ? replacement : "\"" + replacement.doublingQuotes("\"") + "\""
        case .double: text = "\"" + replacement.doublingQuotes("\"") + "\""
        case .single: text = "'" + replacement.doublingQuotes("'") + "'"
        }
        return FixIt(title: "replace with '\(replacement)'", file: file, edits: [TextEdit(range: name.range, newText: text)])
    }
}
