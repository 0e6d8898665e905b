import PolicySchema
import PolicySemantics
import PolicySyntax

/// Completion by context (SPEC 10): keywords of the section being written, commands, roles,
/// selector terms, atom starters and operators; inside `col()` the columns of the tables the
/// policy's selector matches (or of a traversal's target), inside `rel()` tables and columns,
/// inside `session()` the session keys, inside `fn()` the declared functions, and types,
/// schemas, tables and tags inside the selector functions.
public enum CompletionProvider {
    /// The proposals at `offset` of the policy file at `path`.
    public static func completions(at offset: Int, in path: String, snapshot: WorkspaceSnapshot) -> [CompletionEntry] {
        guard let file = snapshot.file(path) else { return [] }
        let site = CompletionSite(file: file, offset: offset)
        guard !site.inComment else { return [] }
        var builder = Builder(site: site, snapshot: snapshot, file: file)
        builder.run()
        return builder.entries.sorted { ($0.priority, $0.label) < ($1.priority, $1.label) }
    }

    /// Collects the proposals for one site.
    private struct Builder {
        let site: CompletionSite
        let snapshot: WorkspaceSnapshot
        let file: ParsedFile
        var entries: [CompletionEntry] = []
        var labels = Set<String>()

        init(site: CompletionSite, snapshot: WorkspaceSnapshot, file: ParsedFile) {
            self.site = site
            self.snapshot = snapshot
            self.file = file
        }

        mutating func add(_ label: String, _ kind: CompletionEntryKind, detail: String? = nil, insert: String? = nil, priority: Int = 0) {
            // Inside quotes only names are written: no keyword, function, operator or literal.
            if site.inQuotes, [.keyword, .function, .comparison, .value].contains(kind) { return }
            guard labels.insert("\(kind.rawValue):\(label)").inserted else { return }
            var text = insert ?? label
            if let prefix = site.prefix, prefix.kind == .string, !text.hasPrefix("'") {
                text = quoted(text, "'")
            }
            entries.append(
                CompletionEntry(
                    label: label, kind: kind, detail: detail, insertText: text,
                    replaceRange: site.replaceRange, priority: priority))
        }

        func quoted(_ text: String, _ quote: Unicode.Scalar) -> String {
            String(quote) + text.doublingQuotes(quote) + String(quote)
        }

        /// A name as it must be written: bare when it reads back as itself, else double-quoted.
        func name(_ text: String) -> String { Operand.name(text) }

        mutating func keywords(_ words: [String], priority: Int = 0) {
            for word in words { add(word, .keyword, priority: priority) }
        }

        mutating func functions(_ words: [String], priority: Int = 1) {
            for word in words { add(word, .function, insert: word + "(", priority: priority) }
        }

        mutating func run() {
            if let bracket = site.bracket {
                inBracket(bracket)
                return
            }
            inSection()
        }

        // MARK: - Brackets

        mutating func inBracket(_ bracket: CompletionSite.Bracket) {
            switch bracket.kind {
            case .leftBrace:
                clause(scope: traversalTarget(before: bracket.index).map { [$0] } ?? [])
                return
            case .leftBracket:
                if bracket.index >= 2, site.tokens[bracket.index - 1].kind == .leftParen || site.keywords[bracket.index - 2] == .lit {
                    literals()
                } else {
                    valueStarters()
                }
                return
            default:
                break
            }
            switch bracket.function {
            case .col?:
                columns(of: scopeTables(at: bracket.index))
            case .outer?:
                columns(of: outerTables(at: bracket.index))
            case .session?:
                sessionKeys()
            case .lit?:
                literals()
            case .fn?:
                if bracket.argument == 0 {
                    for function in snapshot.config.functions {
                        add(function.name, .function, detail: function.signature, insert: name(function.name))
                    }
                }
            case .rel?:
                relation(bracket)
            case .exists?:
                if bracket.argument == 0 { functions(["rel"]) } else { keywords(["{"]) }
            case .hasColumn?:
                if bracket.argument == 0 {
                    var seen = Set<String>()
                    for table in snapshot.candidateTables {
                        for column in table.columns where seen.insert(column.name).inserted {
                            add(column.name, .column, insert: name(column.name))
                        }
                    }
                } else {
                    for type in SQLType.languageTypeNames { add(type, .type) }
                }
            case .inSchema?:
                for schema in snapshot.policySet.schema.schemaNames { add(schema, .schema, insert: name(schema)) }
            case .named?:
                for table in snapshot.candidateTables {
                    add(table.name.name, .table, detail: table.name.description, insert: quoted(table.name.name, "'"))
                }
            case .tagged?:
                var tags = Set<String>()
                for table in snapshot.candidateTables { tags.formUnion(table.tags) }
                for tag in tags.sorted() { add(tag, .tag, insert: quoted(tag, "'")) }
            case .raw?:
                break
            default:
                // A grouping parenthesis: in a selector or a clause.
                inSection()
            }
        }

        mutating func relation(_ bracket: CompletionSite.Bracket) {
            switch bracket.argument {
            case 0:
                add("_", .table, detail: "the governed table (or the enclosing traversal's target)", priority: -1)
                tables()
            case 1:
                let source = site.argumentTokens(0)
                if source.count == 1, source[0].value == "_" || source.isEmpty {
                    columns(of: scopeTables(at: bracket.index))
                } else {
                    columns(of: table(from: source).map { [$0] } ?? scopeTables(at: bracket.index))
                }
            case 2:
                tables()
            case 3:
                columns(of: table(from: site.argumentTokens(2)).map { [$0] } ?? [])
            default:
                break
            }
        }

        mutating func tables() {
            let search = Set(snapshot.config.schemas)
            for table in snapshot.policySet.schema.tables {
                let written =
                    search.contains(table.name.schema)
                    ? name(table.name.name)
                    : name(table.name.schema) + "." + name(table.name.name)
                add(written, .table, detail: table.name.description + (snapshot.policySet.isGoverned(table.name) ? " (governed)" : ""))
            }
        }

        mutating func columns(of tables: [TableModel]) {
            var types: [String: Set<String>] = [:]
            var order: [String] = []
            var counts: [String: Int] = [:]
            for table in tables {
                for column in table.columns {
                    if types[column.name] == nil { order.append(column.name) }
                    types[column.name, default: []].insert(column.type.name)
                    counts[column.name, default: 0] += 1
                }
            }
            for column in order {
                let typeText = (types[column] ?? []).sorted().joined(separator: " | ")
                let onAll = counts[column] == tables.count
                let detail = tables.count == 1 ? typeText : "\(typeText) · on \(counts[column] ?? 0) of \(tables.count) tables"
                add(column, .column, detail: detail, insert: name(column), priority: onAll ? 0 : 1)
            }
        }

        mutating func sessionKeys() {
            var keys: [(String, String)] = snapshot.config.sessionValues.map { ($0.key, $0.type.name) }
            for (key, type) in snapshot.policySet.sessionTypes.sorted(by: { $0.key < $1.key }) where !keys.contains(where: { $0.0 == key })
            {
                keys.append((key, type.name))
            }
            for (key, type) in keys { add(key, .sessionKey, detail: type, insert: quoted(key, "'")) }
        }

        mutating func literals() {
            for word in ["true", "false", "null"] { add(word, .value) }
        }

        mutating func valueStarters() {
            functions(["col", "session", "lit", "fn"])
            add("now", .function, detail: "the transaction's timestamp (timestamptz)", insert: "now()", priority: 1)
        }

        // MARK: - Scopes

        /// The tables `col()` refers to at the token `index`: an enclosing traversal's target,
        /// else the tables the item's selector matches.
        func scopeTables(at index: Int) -> [TableModel] {
            guard let brace = enclosingBrace(before: index) else { return itemTables() }
            return traversalTarget(before: brace).map { [$0] } ?? []
        }

        /// The `{` of the innermost traversal clause the token `index` is in, if any.
        func enclosingBrace(before index: Int) -> Int? {
            var depth = 0
            var cursor = index - 1
            let start = site.itemStart ?? 0
            while cursor >= start {
                switch site.tokens[cursor].kind {
                case .rightParen, .rightBracket, .rightBrace: depth += 1
                case .leftParen, .leftBracket: if depth > 0 { depth -= 1 }
                case .leftBrace:
                    if depth == 0 { return cursor }
                    depth -= 1
                default: break
                }
                cursor -= 1
            }
            return nil
        }

        /// The tables `outer()` refers to at the token `index`: those of the row the innermost
        /// enclosing traversal starts from; none outside a traversal's clause.
        func outerTables(at index: Int) -> [TableModel] {
            enclosingBrace(before: index).map { scopeTables(at: $0) } ?? []
        }

        /// The tables the selector of the item at the cursor matches.
        func itemTables() -> [TableModel] {
            guard let start = site.itemStart else { return [] }
            let offset = site.tokens[start].range.start
            for item in file.tree.items where item.range.start == offset {
                return item.selector.map { snapshot.tables(matching: $0) } ?? []
            }
            return []
        }

        /// The target of the `rel(…)` of the `exists(` whose `{` is at `index`.
        func traversalTarget(before index: Int) -> TableModel? {
            var cursor = index - 1
            var depth = 0
            while cursor >= 0 {
                let token = site.tokens[cursor]
                if token.kind == .rightParen { depth += 1 }
                if token.kind == .leftParen {
                    depth -= 1
                    if depth == 0, cursor > 0, site.keywords[cursor - 1] == .rel {
                        // rel ( source , column , TARGET , column )
                        var argument = 0
                        var nesting = 0
                        var target: [Token] = []
                        var inner = cursor + 1
                        while inner < index {
                            let part = site.tokens[inner]
                            if part.kind == .leftParen { nesting += 1 }
                            if part.kind == .rightParen {
                                if nesting == 0 { break }
                                nesting -= 1
                            }
                            if part.kind == .comma && nesting == 0 { argument += 1 } else if argument == 2 { target.append(part) }
                            inner += 1
                        }
                        return table(from: target)
                    }
                }
                if depth < 0 { return nil }
                cursor -= 1
            }
            return nil
        }

        /// The table written by `tokens` (`name` or `schema . name`).
        func table(from tokens: [Token]) -> TableModel? {
            let names = tokens.filter { $0.kind != .dot }
            func identifier(_ token: Token) -> String { token.kind == .identifier ? token.value.lowercased() : token.value }
            switch names.count {
            case 1:
                return snapshot.policySet.schema.resolveTable(schema: nil, name: identifier(names[0]), searchPath: snapshot.config.schemas)
            case 2:
                return snapshot.policySet.schema.resolveTable(
                    schema: identifier(names[0]), name: identifier(names[1]),
                    searchPath: snapshot.config.schemas)
            default:
                return nil
            }
        }

        // MARK: - Sections

        mutating func inSection() {
            let tokens = site.sectionTokens()
            guard site.itemStart != nil, let first = tokens.first else {
                keywords(["POLICY", "GRANT", "GOVERN"])
                return
            }
            // A grant's or GOVERN's selector ends the item.
            let isGrant = first.1 == .grant || first.1 == .govern
            // The last section keyword and what follows it.
            var section: Keyword = first.1 ?? .policy
            var after: [(Token, Keyword?)] = []
            for (index, entry) in tokens.enumerated() {
                let keyword = entry.1
                let isSection: Bool
                switch keyword {
                case .policy?, .grant?, .govern?, .permissive?, .restrictive?, .for?, .to?, .selector?, .clause?, .check?:
                    isSection = index == 0 || !(tokens[index - 1].0.kind == .comma && section == .for)
                default:
                    isSection = false
                }
                if isSection, let keyword {
                    section = keyword
                    after = []
                } else {
                    after.append(entry)
                }
            }
            let lastKind = after.last?.0.kind
            let afterComma = lastKind == .comma
            switch section {
            case .policy:
                if after.count >= 1 { keywords(["PERMISSIVE", "RESTRICTIVE"]) }
            case .grant:
                if after.isEmpty || afterComma {
                    keywords(Privilege.allCases.map(\.rawValue))
                } else {
                    keywords(["TO"])
                }
            case .govern:
                keywords(["SELECTOR"])
            case .permissive, .restrictive:
                keywords(["FOR"])
            case .for:
                if after.isEmpty || afterComma {
                    keywords(["SELECT", "INSERT", "UPDATE", "DELETE", "ALL"])
                } else {
                    keywords(["TO", "SELECTOR"])
                }
            case .to:
                if after.isEmpty || afterComma {
                    add("PUBLIC", .role)
                    var roles = Set(snapshot.policySet.schema.roles.map(\.name))
                    roles.formUnion(snapshot.policySet.roles.filter { $0 != PolicySet.publicRole })
                    for role in roles.sorted() { add(role, .role, insert: name(role)) }
                } else if isGrant {
                    keywords(["SELECTOR"])
                } else {
                    keywords(["SELECTOR"])
                }
            case .selector:
                if after.isEmpty || [.and, .or, .not].contains(after.last?.1) || lastKind == .leftParen {
                    selectorTerms()
                } else {
                    keywords(["AND", "OR"])
                    keywords(isGrant ? ["POLICY", "GRANT", "GOVERN"] : ["CLAUSE"], priority: -1)
                }
            case .clause:
                clause(units: after, hasCheck: tokens.contains { $0.1 == .check })
            case .check:
                keywords(["CLAUSE"])
            default:
                keywords(["POLICY", "GRANT", "GOVERN"])
            }
        }

        mutating func selectorTerms() {
            keywords(["ALL", "NOT"])
            functions(["has_column", "in_schema", "named", "tagged"], priority: -1)
        }

        /// In a clause at top level: what the atom being written needs next (`hasCheck`: the
        /// item already has its `WITH CHECK`).
        mutating func clause(units: [(Token, Keyword?)], hasCheck: Bool) {
            // The atom being written: the units after the last AND.
            var atom: [(Token, Keyword?)] = []
            for unit in units {
                if unit.1 == .and { atom = [] } else { atom.append(unit) }
            }
            if atom.isEmpty {
                atomStarters()
                return
            }
            let words = atom.compactMap(\.1)
            let first = atom[0].1
            let operators: Set<TokenKind> = [.equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual]
            let lastToken = atom[atom.count - 1].0
            let lastWord = atom[atom.count - 1].1
            // In a clause OR and WITH only start `OR CLAUSE` and `WITH CHECK CLAUSE`: finish those.
            if lastWord == .or {
                keywords(["CLAUSE"])
                return
            }
            if lastWord == .with {
                keywords(["CHECK CLAUSE"])
                return
            }
            if operators.contains(lastToken.kind) || lastWord == .in || lastWord == .like {
                valueStarters()
                return
            }
            if lastWord == .is {
                keywords(["NULL", "NOT NULL"])
                return
            }
            if lastWord == .not {
                keywords(words.contains(.is) ? ["NULL"] : ["IN", "LIKE"])
                return
            }
            // A value alone (col(x), session(k), lit(v), fn(…)) needs an operator; a whole atom a connector.
            let units = atom.filter { $0.0.kind != .rightParen }
            let isValueOnly = units.count == 2 && [.col, .session, .lit, .fn, .now].contains(first)
            if isValueOnly {
                for symbol in ["=", "!=", "<", ">", "<=", ">="] { add(symbol, .comparison, priority: -1) }
                keywords(["IN", "NOT IN", "LIKE", "NOT LIKE", "IS NULL", "IS NOT NULL"], priority: -1)
                if first != .fn { return }
            }
            keywords(hasCheck ? ["AND", "OR CLAUSE"] : ["AND", "OR CLAUSE", "WITH CHECK CLAUSE"])
            keywords(["POLICY", "GRANT", "GOVERN"], priority: 2)
        }

        /// Inside `{ … }` of a traversal, or a grouping parenthesis: atoms on `scope`.
        mutating func clause(scope: [TableModel]) {
            atomStarters()
            // Inside a traversal's clause the row it starts from can be read too.
            functions(["outer"])
            keywords(["AND"], priority: 2)
        }

        mutating func atomStarters() {
            functions(["col", "session", "lit", "fn", "exists", "raw"])
            add("now", .function, detail: "the transaction's timestamp (timestamptz)", insert: "now()", priority: 1)
            add("true", .value, detail: "admits every row")
            add("false", .value, detail: "admits no row")
        }
    }
}
