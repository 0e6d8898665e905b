import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// `pgpe fmt` never changes meaning: for generated files that parse (names, session keys and
/// texts with quotes fused to combining marks and prepend characters among them), the formatted
/// text parses, formatting it again changes nothing, and the checked, normalized policy set and
/// the compiled SQL are the same before and after.
@Suite struct FormatMeaningTests {
    /// Tables matching the generator's selectors, each with every column of `vocabulary`.
    static func schema(_ vocabulary: PolicyTextGenerator.Vocabulary) -> SchemaModel {
        let columns = vocabulary.columns.map { ColumnModel(name: $0.name, type: type($0.family), notNull: false) }
        var tables = ["t_one", "t_two", "a_c", "tasks"].map { name in
            TableModel(
                name: QualifiedName(schema: "public", name: name),
                columns: [ColumnModel(name: "id", type: .uuid, notNull: true)] + columns
                    + [ColumnModel(name: "project_id", type: .uuid, notNull: false)],
                primaryKey: ["id"],
                foreignKeys: [
                    ForeignKeyModel(
                        name: nil, columns: ["project_id"],
                        referencedTable: QualifiedName(schema: "public", name: "projects"),
                        referencedColumns: ["id"])
                ],
                tags: name == "a_c" ? ["pii"] : [])
        }
        for relation in vocabulary.relations {
            tables.append(
                TableModel(
                    name: QualifiedName(schema: "public", name: relation.target),
                    columns: [ColumnModel(name: relation.targetColumn, type: .uuid, notNull: true)]
                        + relation.targetColumns.map { ColumnModel(name: $0.name, type: type($0.family), notNull: false) },
                    primaryKey: [relation.targetColumn]))
        }
        return SchemaModel(tables: tables)
    }

    static func type(_ family: String) -> SQLType {
        switch family {
        case "int": return .integer
        case "bool": return .boolean
        case "uuid": return .uuid
        default: return .text
        }
    }

    static func config(_ vocabulary: PolicyTextGenerator.Vocabulary) -> ProjectConfig {
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = vocabulary.sessionKeys.map { SessionKeyDecl(key: $0.key, type: type($0.family)) }
        config.functions = vocabulary.functions.map { FunctionDecl(name: $0.name, arguments: $0.args.map(type), returns: .boolean) }
        return config
    }

    /// What a file means: each policy's normal form per table, the diagnostics, the compiled SQL.
    static func meaning(_ text: String, schema: SchemaModel, config: ProjectConfig) -> (
        policies: [String], diagnostics: [String], sql: String
    ) {
        let set = CheckHarness.check(text, schema: schema, config: config)
        let policies = set.policies.map { policy -> String in
            var line = "\(policy.ref.name) \(policy.kind) \(policy.commands) to \(policy.roles) on \(policy.tables)"
            for table in policy.tables {
                line +=
                    "\n  \(table) using: \(policy.using[table].map { $0.clauses.map(\.description) } ?? [])"
                    + " dropped: \(policy.using[table].map { $0.contradictory.map(\.description) } ?? [])"
                line += "\n  \(table) check: \(policy.check[table].map { $0.clauses.map(\.description) } ?? [])"
            }
            return line
        }
        let grants = set.grants.map { "grant \($0.privileges) to \($0.roles) on \($0.tables)" }
        let governs = set.governs.map { "govern on \($0.tables)" }
        return (
            policies + grants + governs,
            set.diagnostics.map { "\($0.severity == .error ? "error" : "note") \($0.id): \($0.message)" }.sorted(),
            PolicyCompiler.compile(set).sql
        )
    }

    /// Which of SPEC 11.3's constructs a formatted file holds.
    static func additions(in formatted: String) -> [String: Bool] {
        [
            "true/false atom": formatted.contains("CLAUSE true") || formatted.contains("CLAUSE false") || formatted.contains("AND true")
                || formatted.contains("AND false") || formatted.contains("{true") || formatted.contains("{false"),
            "now()": formatted.contains("now()"),
            "TRUNCATE/REFERENCES/TRIGGER": formatted.contains("TRUNCATE") || formatted.contains("REFERENCES")
                || formatted.contains("TRIGGER"),
            "outer()": formatted.contains("outer("),
            "GOVERN": formatted.contains("GOVERN SELECTOR"),
        ]
    }

    @Test func formattingKeepsTheNormalizedPoliciesAndTheCompiledSQL() throws {
        var rng = SeededGenerator(seed: 0xF0_4A7_11)
        var checkedClean = 0
        var hostileLiterals = 0
        var additions: [String: Int] = [:]
        for round in 0..<400 {
            let vocabulary = PolicyTextGenerator.Vocabulary.hostile(using: &rng)
            let generator = PolicyTextGenerator(vocabulary: vocabulary, allowRaw: true)
            let text = generator.file(items: rng.int(1...3), prefix: "f\(round)_", using: &rng)
            let parsed = Parser.parse(text: text)
            try #require(parsed.diagnostics.isEmpty, "generated text must parse: \(parsed.diagnostics.map(\.message))\n\(text)")
            let once = try #require(Formatter.format(parsed), "\(text)")
            let reparsed = Parser.parse(text: once)
            #expect(
                reparsed.diagnostics.isEmpty, "formatted text does not parse: \(reparsed.diagnostics.map(\.message))\n\(text)\n---\n\(once)"
            )
            #expect(Formatter.format(reparsed) == once, "not idempotent:\n\(once)")
            let schema = Self.schema(vocabulary)
            let config = Self.config(vocabulary)
            let before = Self.meaning(text, schema: schema, config: config)
            let after = Self.meaning(once, schema: schema, config: config)
            #expect(after.policies == before.policies, "normal form changed:\n\(text)\n---\n\(once)")
            #expect(after.diagnostics == before.diagnostics, "diagnostics changed:\n\(text)\n---\n\(once)")
            #expect(after.sql == before.sql, "compiled SQL changed:\n\(text)\n---\n\(once)")
            if before.diagnostics.allSatisfy({ !$0.hasPrefix("error") }) && !before.sql.isEmpty { checkedClean += 1 }
            if text.unicodeScalars.contains(where: { $0 == "\u{301}" || $0 == "\u{600}" || $0 == "\u{110BD}" }) { hostileLiterals += 1 }
            for (feature, present) in Self.additions(in: once) where present { additions[feature, default: 0] += 1 }
        }
        // SPEC 11.3's constructs are generated too.
        for feature in ["true/false atom", "now()", "TRUNCATE/REFERENCES/TRIGGER", "outer()", "GOVERN"] {
            #expect(additions[feature, default: 0] > 20, "\(feature): \(additions[feature, default: 0]) files")
        }
        print("format meaning: 400 files, \(checkedClean) clean, \(additions.sorted { $0.key < $1.key })")
        // The generated files reach compiled output and carry the hostile texts.
        #expect(checkedClean > 50, "\(checkedClean)")
        #expect(hostileLiterals > 50, "\(hostileLiterals)")
    }
}
