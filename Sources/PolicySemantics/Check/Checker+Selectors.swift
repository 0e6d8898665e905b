import PolicySchema
import PolicySyntax

extension Checker {
    /// The governed-schema tables `selector` matches, sorted; reports unknown type names, schemas
    /// that are not governed, and (when `reportEmpty`) a selector that matches nothing.
    func matchTables(_ selector: SelectorSyntax, file: String, reportEmpty: Bool) -> [QualifiedName] {
        validate(selector, file: file)
        guard hasSchema else { return [] }
        let compiled = CompiledSelector(selector)
        var matched: [QualifiedName] = []
        let tables = candidateTables
        if let candidates = nameIndex.candidates(for: compiled) {
            // `named('t_001')` and the like: test only the tables whose names can match.
            for index in candidates where compiled.matches(tables[index]) { matched.append(tables[index].name) }
        } else {
            for index in tables.indices where compiled.matches(tables[index]) { matched.append(tables[index].name) }
        }
        if matched.isEmpty && reportEmpty {
            sink.add(
                Diagnostic(
                    .semanticSelectorMatchesNothing,
                    message: "selector matches no table in the governed schemas (\(config.schemas.joined(separator: ", ")))",
                    location: FileLocation(file: file, range: selector.range)))
        }
        return matched
    }

    private func validate(_ selector: SelectorSyntax, file: String) {
        switch selector.kind {
        case .hasColumn(_, let type?):
            let known = SQLType.languageTypeNames
            let normalized = SQLType.normalize(type.identifier)
            if normalized.family == .other && !known.contains(type.identifier) {
                let suggestion = Suggestions.closest(to: type.identifier, among: known)
                sink.add(
                    Diagnostic(
                        .semanticUnknownType,
                        message: "unknown type '\(type.identifier)'"
                            + (suggestion.map { "; did you mean '\($0)'?" } ?? "; expected one of \(known.joined(separator: ", "))"),
                        location: FileLocation(file: file, range: type.range),
                        fixIts: suggestion.map { [Checker.replace(type, with: $0, file: file)] } ?? []))
            }
        case .inSchema(let schemaName):
            if !config.schemas.contains(schemaName.identifier) {
                sink.add(
                    Diagnostic(
                        .semanticSchemaNotGoverned,
                        message:
                            "schema '\(schemaName.identifier)' is not governed; 'schemas:' in pgpe.yaml lists \(config.schemas.joined(separator: ", "))",
                        location: FileLocation(file: file, range: schemaName.range)))
            }
        case .not(let inner), .parenthesized(let inner):
            validate(inner, file: file)
        case .and(let terms), .or(let terms):
            for term in terms { validate(term, file: file) }
        default:
            break
        }
    }
}
