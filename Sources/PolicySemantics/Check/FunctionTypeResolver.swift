import PolicyConfig
import PolicySchema
import PolicySyntax

/// Resolves the types `functions:` entries name against the schema (SPEC 11.2): PostgreSQL's
/// own types stand, a user type (`app.role`, or `account_role` found in the governed schemas)
/// becomes the schema's (an enum with family text, a domain with its base type's family, a
/// composite type opaque). A type the schema does not define is one `config.unknown-type` at
/// its value in pgpe.yaml; the function is then unusable (`UnusableDeclarations`), so its calls
/// get no diagnostic of their own. Without a schema nothing is resolved, and an unqualified name
/// that is not PostgreSQL's own (`uuidd`) gets a `config.unchecked-type` warning at its value:
/// only the schema could define it, so it is most likely a typo.
enum FunctionTypeResolver {
    /// `config` with its functions' types resolved, and the problems found.
    static func resolve(_ config: ProjectConfig, schema: SchemaModel?) -> (ProjectConfig, [Diagnostic]) {
        guard let schema else { return (config, unchecked(config)) }
        var resolved = config
        var diagnostics: [Diagnostic] = []
        resolved.functions = []
        for function in config.functions {
            var declaration = function
            var valid = true
            for (index, type) in function.arguments.enumerated() {
                let location = index < function.argumentLocations.count ? function.argumentLocations[index] : nil
                if let found = resolve(type, schema: schema, searchPath: config.schemas) {
                    declaration.arguments[index] = found
                } else {
                    diagnostics.append(
                        unknown(type, of: function, what: "argument \(index + 1)", at: location, config: config, schema: schema))
                    valid = false
                }
            }
            if let found = resolve(function.returns, schema: schema, searchPath: config.schemas) {
                declaration.returns = found
            } else {
                diagnostics.append(
                    unknown(
                        function.returns, of: function, what: "return type", at: function.returnsLocation, config: config, schema: schema))
                valid = false
            }
            if valid {
                resolved.functions.append(declaration)
            } else {
                resolved.unusableDeclarations.functions[function.name] =
                    function.location ?? FileLocation(file: config.configFile ?? "pgpe.yaml", range: .empty(at: 0))
            }
        }
        return (resolved, diagnostics)
    }

    /// The type `type` (as pgpe.yaml wrote it) denotes in `schema`, or `nil` when it defines none.
    private static func resolve(_ type: SQLType, schema: SchemaModel, searchPath: [String]) -> SQLType? {
        if type.family == .array {
            let element = SQLType(name: String(type.name.dropLast(2)), family: .other)
            if SQLType.normalize(element.name).family != .other || SQLType.isBuiltin(element.name) { return type }
            return resolve(element, schema: schema, searchPath: searchPath).map { SQLType(name: $0.name + "[]", family: .array) }
        }
        if type.family != .other || SQLType.isBuiltin(type.name) { return type }
        return schema.resolveUserType(type.name, searchPath: searchPath)
    }

    /// Without a schema: a warning for each type of `config`'s functions that is unqualified and
    /// not PostgreSQL's own, at its value in pgpe.yaml.
    private static func unchecked(_ config: ProjectConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for function in config.functions {
            var types = function.arguments.enumerated().map { index, type in
                (type, "argument \(index + 1)", index < function.argumentLocations.count ? function.argumentLocations[index] : nil)
            }
            types.append((function.returns, "return type", function.returnsLocation))
            for (type, what, location) in types {
                let element = type.family == .array ? SQLType(name: String(type.name.dropLast(2)), family: .other) : type
                guard SQLType.normalize(element.name).family == .other, !SQLType.isBuiltin(element.name),
                    !element.name.contains(".")
                else { continue }
                let suggestion = Suggestions.closest(to: element.name, among: SQLType.languageTypeNames)
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
                var fixIts: [FixIt] = []
                if let suggestion, let location, element.name == type.name {
                    fixIts.append(
                        FixIt(
                            title: "replace with '\(suggestion)'", file: location.file,
                            edits: [TextEdit(range: location.range, newText: suggestion)]))
                }
                diagnostics.append(
                    Diagnostic(
                        .configUncheckedType,
                        message:
                            "type '\(element.name)' (\(what) of function '\(function.name)') is not one of PostgreSQL's own types; without a schema it is not checked\(hint)",
                        location: location ?? function.location
                            ?? FileLocation(file: config.configFile ?? "pgpe.yaml", range: .empty(at: 0)),
                        fixIts: fixIts))
            }
        }
        return diagnostics
    }

    private static func unknown(
        _ type: SQLType, of function: FunctionDecl, what: String, at location: FileLocation?, config: ProjectConfig,
        schema: SchemaModel
    ) -> Diagnostic {
        let candidates = SQLType.languageTypeNames + schema.domains.map(\.typeName) + schema.userTypes.map(\.typeName)
        let suggestion = Suggestions.closest(to: type.name, among: candidates)
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        var fixIts: [FixIt] = []
        if let suggestion, let location {
            fixIts.append(
                FixIt(
                    title: "replace with '\(suggestion)'", file: location.file,
                    edits: [TextEdit(range: location.range, newText: suggestion)]))
        }
        return Diagnostic(
            .configUnknownType,
            message: "unknown type '\(type.name)' (\(what) of function '\(function.name)'): the schema defines no such type\(hint)",
            location: location ?? function.location ?? FileLocation(file: config.configFile ?? "pgpe.yaml", range: .empty(at: 0)),
            fixIts: fixIts)
    }
}
