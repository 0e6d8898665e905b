import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax
import SQLExpression

/// The tables of a schema model by bare name and by name length, so that an import of many
/// tables picks each table's selector and each policy's schema without scanning every table.
struct TableIndex {
    /// The model indexed.
    let model: SchemaModel
    private let byName: [String: [TableModel]]
    private let byLength: [Int: [String]]

    /// Indexes `model`.
    init(_ model: SchemaModel) {
        self.model = model
        self.byName = Dictionary(grouping: model.tables) { $0.name.name }
        self.byLength = Dictionary(grouping: byName.keys) { $0.unicodeScalars.count }
    }

    /// A selector that matches `table` and no other table of the model: `named('t')`, with
    /// LIKE's `_`, `%` and `\` escaped when another table's name would match, and
    /// `in_schema('s') AND` in front when another schema has such a table.
    func selector(for table: QualifiedName) -> String {
        var pattern = table.name
        if table.name.contains("\\") || otherMatches(pattern, table: table) {
            pattern = ""
            for character in table.name {
                if character == "_" || character == "%" || character == "\\" { pattern.append("\\") }
                pattern.append(character)
            }
        }
        let named = "named(" + Formatter.string(pattern) + ")"
        guard otherMatches(pattern, table: table) else { return named }
        return "in_schema(" + Formatter.string(table.schema) + ") AND " + named
    }

    /// Whether a table other than `table` has a name `pattern` matches.
    private func otherMatches(_ pattern: String, table: QualifiedName) -> Bool {
        if !pattern.contains(where: { $0 == "_" || $0 == "%" || $0 == "\\" }) {
            return byName[pattern, default: []].contains { $0.name != table }
        }
        let pieces = LikePattern.pieces(pattern)
        // Without `%` a pattern matches only names of its own length in scalars.
        let candidates = pieces.contains(.anyRun) ? Array(byName.keys) : byLength[pieces.count] ?? []
        return candidates.contains { name in
            LikePattern.matches(name, pieces: pieces) && byName[name, default: []].contains { $0.name != table }
        }
    }

    /// The model narrowed to `table` and the tables whose bare name `texts` mention (every
    /// schema's, so an unqualified name resolves as in the whole model), with every function and
    /// type: what lifting and checking one policy can reach, without indexing every table.
    func schema(for table: TableModel, reading texts: [String]) -> SchemaModel {
        var names = Set<String>()
        for text in texts {
            var tokenizer = SQLTokenizer(bytes: Array(text.utf8))
            while let token = tokenizer.next() {
                if token.kind == .word || token.kind == .quotedIdentifier { names.insert(token.text) }
            }
        }
        var tables = [table]
        for name in names.sorted() {
            tables += (byName[name] ?? []).filter { $0.name != table.name }
        }
        return SchemaModel(
            tables: tables, functions: model.functions, roles: model.roles, schemaNames: model.schemaNames,
            origin: model.origin, domains: model.domains, collations: model.collations, userTypes: model.userTypes)
    }
}
