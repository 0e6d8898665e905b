import Foundation
import PolicySchema
import PolicySyntax
import Yams

extension ConfigReader {
    /// Reads the whole document (`nil` for an empty file: the defaults stand).
    mutating func read(_ root: Node?) {
        guard let root, !isNull(root) else { return }
        guard root.mapping != nil else {
            report(
                .configWrongType, "expected a map of settings at the top of pgpe.yaml, found \(describe(root))",
                at: source.range(of: root))
            return
        }
        for entry in entries(of: root, path: nil, allowed: ConfigReader.topLevelKeys) where !isNull(entry.value) {
            switch entry.name {
            case "policies": readPolicies(entry)
            case "schema": readSchema(entry)
            case "database": readDatabase(entry)
            case "schemas": readSchemas(entry)
            case "session": readSession(entry)
            case "profile": readProfile(entry)
            case "missing_context": readMissingContext(entry)
            case "isolation": readIsolation(entry)
            case "functions": readFunctions(entry)
            case "analysis": readAnalysis(entry)
            case "apply": readApply(entry)
            case "naming": readNaming(entry)
            case "force": readForce(entry)
            case "accept": readAccept(entry)
            default: break
            }
        }
        checkIsolationKeys()
        diagnostics.sort { $0.range < $1.range }
    }

    // MARK: - Paths and names

    private mutating func readPolicies(_ entry: ConfigEntry) {
        let paths = stringList(entry, item: "path", allowSingle: true)
        config.policyPaths = paths.compactMap { nonEmpty($0, path: entry.path, what: "path") }
            .map { ConfigPath.absolute($0, relativeTo: config.baseDirectory) }
    }

    private mutating func readSchema(_ entry: ConfigEntry) {
        guard let value = string(entry, expected: "a path") else { return }
        config.schemaPath = nonEmpty(value, path: entry.path, what: "path")
            .map { ConfigPath.absolute($0, relativeTo: config.baseDirectory) }
    }

    /// The connection string may hold a password: it never appears in a message.
    private mutating func readDatabase(_ entry: ConfigEntry) {
        guard let value = string(entry, expected: "a connection string") else { return }
        config.database = nonEmpty(value, path: entry.path, what: "connection string")
    }

    private mutating func readSchemas(_ entry: ConfigEntry) {
        let names = stringList(entry, item: "schema name", allowSingle: true)
        config.schemas = names.compactMap { nonEmpty($0, path: entry.path, what: "schema name") }
    }

    /// `value`'s text, or `nil` when it is empty: silently when a variable made it empty (that
    /// was reported as unset), with an error when it was written empty.
    mutating func nonEmpty(_ value: ConfigString, path: String, what: String) -> String? {
        let text = value.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { return value.text }
        if !value.usesVariables {
            report(.configInvalidValue, "expected a \(what) for '\(path)', found an empty string", at: value.range)
        }
        return nil
    }

    // MARK: - Session and isolation

    private mutating func readSession(_ entry: ConfigEntry) {
        guard entry.value.mapping != nil else {
            reportWrongType(entry, expected: "a map of session keys to types")
            return
        }
        for key in entries(of: entry.value, path: entry.path, allowed: nil) {
            if key.name.trimmingCharacters(in: .whitespaces).isEmpty {
                report(
                    .configInvalidValue, "expected a session key name in 'session', found an empty string",
                    at: key.keyRange)
                continue
            }
            if let builtIn = SessionKeyDecl.builtIn.first(where: { $0.key == key.name }) {
                report(
                    .configBuiltInSessionKey,
                    "'\(key.name)' is built in (type \(builtIn.type.name), SQL \(builtIn.sql ?? key.name)); remove it from 'session'",
                    at: key.keyRange)
                continue
            }
            let declaration: (type: SQLType, sql: String?)?
            if key.value.mapping != nil {
                declaration = sessionValue(key)
            } else {
                declaration = typeName(key.value, path: key.path, keyRange: key.keyRange, allowArrays: false).map { ($0, nil) }
            }
            guard let declaration else {
                config.unusableDeclarations.sessionKeys[key.name] = location(key.keyRange)
                continue
            }
            config.unusableDeclarations.sessionKeys[key.name] = nil
            if declaration.sql == nil, !key.name.contains(".") {
                report(
                    .configSessionKeyFormat,
                    "session key '\(key.name)' has no prefix; PostgreSQL custom settings are named like 'app.\(key.name)'",
                    at: key.keyRange)
            }
            // A key of `session:` replaces the profile's value of the same name.
            config.sessionKeys.removeAll { $0.key == key.name }
            config.sessionKeys.append(
                SessionKeyDecl(key: key.name, type: declaration.type, sql: declaration.sql, location: location(key.keyRange)))
        }
    }

    /// The v2 form of a session entry, `{type: T, sql: EXPR}` (`sql` may be left out: then the
    /// key is read with `current_setting` as in the v1 form).
    private mutating func sessionValue(_ key: ConfigEntry) -> (type: SQLType, sql: String?)? {
        var type: SQLType?
        var sql: String?
        var sawType = false
        var valid = true
        for field in entries(of: key.value, path: key.path, allowed: ConfigReader.sessionValueKeys) {
            switch field.name {
            case "type":
                sawType = true
                type = typeName(field.value, path: field.path, keyRange: field.keyRange, allowArrays: false)
            case "sql":
                guard let value = string(field, expected: "an SQL expression"),
                    let text = nonEmpty(value, path: field.path, what: "SQL expression")
                else {
                    valid = false
                    continue
                }
                if let problem = SQLExpressionShape.problem(in: text) {
                    report(
                        .configInvalidValue, "'\(field.path)' must be one SQL expression, but \(problem)", at: value.range)
                    valid = false
                    continue
                }
                sql = text
            default:
                break
            }
        }
        if !sawType {
            report(
                .configMissingKey, "session value '\(key.name)' needs 'type': the SQL type of its value", at: key.keyRange)
        }
        guard valid, let type else { return nil }
        return (type, sql)
    }

    private mutating func readProfile(_ entry: ConfigEntry) {
        guard let value = string(entry, expected: "a profile name") else { return }
        guard let profile: SessionProfile = choice(value, { "unknown profile \(value.quoted); expected \($0)" }) else { return }
        config.profile = profile
        // The profile's values come first; a key `session:` declares too keeps its own declaration.
        let declared = Set(config.sessionKeys.map(\.key))
        config.sessionKeys =
            profile.declarations(at: location(value.range)).filter { !declared.contains($0.key) } + config.sessionKeys
    }

    private mutating func readMissingContext(_ entry: ConfigEntry) {
        guard let value = string(entry, expected: "deny or error") else { return }
        if let mode: MissingContext = choice(value, { "'missing_context' must be \($0), found \(value.quoted)" }) {
            config.missingContext = mode
        }
    }

    private mutating func readNaming(_ entry: ConfigEntry) {
        guard let value = string(entry, expected: "suffixed or exact") else { return }
        if let mode: PolicyNamingMode = choice(value, { "'naming' must be \($0), found \(value.quoted)" }) {
            config.naming = mode
        }
    }

    private mutating func readForce(_ entry: ConfigEntry) {
        guard let (selector, text) = selector(entry) else { return }
        config.force = selector
        config.forceText = text
    }

    private mutating func readIsolation(_ entry: ConfigEntry) {
        guard case .sequence(let items) = entry.value else {
            reportWrongType(entry, expected: "a list of {key, tables} entries")
            return
        }
        for (index, item) in items.enumerated() {
            let path = "\(entry.path)[\(index)]"
            guard item.mapping != nil else {
                reportWrongType(item, path: path, keyRange: entry.keyRange, expected: "a map with 'key' and 'tables'")
                continue
            }
            var key: ConfigString?
            var tables: (selector: SelectorSyntax, text: String)?
            var sawKey = false
            for field in entries(of: item, path: path, allowed: ConfigReader.isolationKeys) {
                switch field.name {
                case "key":
                    sawKey = true
                    key = string(field, expected: "a session key")
                case "tables":
                    tables = selector(field)
                default:
                    break
                }
            }
            guard let key else {
                if !sawKey {
                    report(
                        .configMissingKey, "'\(path)' needs a 'key': the session key that separates tenants",
                        at: valueRange(item, keyRange: entry.keyRange))
                }
                continue
            }
            guard !key.text.isEmpty else {
                if !key.usesVariables {
                    report(
                        .configInvalidValue, "expected a session key for '\(path).key', found an empty string",
                        at: key.range)
                }
                continue
            }
            config.isolation.append(
                IsolationKeyDecl(
                    key: key.text, tables: tables?.selector, tablesText: tables?.text ?? "ALL", location: location(key.range)))
        }
    }

    /// Parses a selector value (`tables:`, `force:`, `accept:`'s `tables:`). Positions in the selector are exact when it is written verbatim (plain
    /// or quoted without escapes or variables); otherwise its diagnostics are placed on the
    /// whole value.
    mutating func selector(_ field: ConfigEntry) -> (selector: SelectorSyntax, text: String)? {
        guard let value = string(field, expected: "a selector") else { return nil }
        var contentStart = value.range.start
        if let scalar = field.value.scalar, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            contentStart += 1
        }
        let verbatim = !value.usesVariables && source.isVerbatim(value.text, at: contentStart)
        let (selector, selectorDiagnostics) = Parser.parseSelector(
            value.text, path: file.path, atOffset: verbatim ? contentStart : value.range.start)
        for var diagnostic in selectorDiagnostics {
            if !verbatim || !value.range.contains(diagnostic.range) {
                diagnostic.location = location(value.range)
                diagnostic.notes = []
                diagnostic.fixIts = []
            }
            diagnostics.append(diagnostic)
        }
        return (selector, value.text)
    }

    /// Warns about isolation keys that `session:` does not declare (read last, as the two
    /// sections may come in any order); drops those whose declaration has an error.
    private mutating func checkIsolationKeys() {
        // A key whose `session:` entry has an error (reported there) isolates nothing: no second
        // diagnostic here, and no isolation proofs that would fail for want of its policies.
        config.isolation.removeAll { config.unusableDeclarations.sessionKeys[$0.key] != nil }
        let declared = config.sessionValues.map(\.key)
        for isolation in config.isolation where !declared.contains(isolation.key) {
            guard let range = isolation.location?.range else { continue }
            let suggestion = Suggestions.closest(to: isolation.key, among: declared)
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "; declare its type there"
            report(
                .configUndeclaredSessionKey,
                "isolation key '\(isolation.key)' is not declared under 'session'\(hint)", at: range,
                fixIt: suggestion.flatMap { replacement(of: isolation.key, at: range, with: $0) })
        }
    }

    // MARK: - Functions

    private mutating func readFunctions(_ entry: ConfigEntry) {
        guard entry.value.mapping != nil else {
            reportWrongType(entry, expected: "a map of function names to {args, returns, schema, volatility}")
            return
        }
        for function in entries(of: entry.value, path: entry.path, allowed: nil) {
            if let declaration = readFunction(function) {
                config.functions.append(declaration)
            } else {
                config.unusableDeclarations.functions[function.name] = location(function.keyRange)
            }
        }
    }

    /// One `functions:` entry, or `nil` (reported) when it has an error.
    private mutating func readFunction(_ function: ConfigEntry) -> FunctionDecl? {
        guard function.value.mapping != nil else {
            reportWrongType(function, expected: "a map with 'args', 'returns' and 'schema'")
            return nil
        }
        var arguments: [(type: SQLType, hasDefault: Bool, location: FileLocation)] = []
        var returns: (type: SQLType, location: FileLocation)?
        var sawReturns = false
        var schema = "public"
        var volatility = FunctionVolatility.stable
        var valid = true
        for field in entries(of: function.value, path: function.path, allowed: ConfigReader.functionKeys) {
            switch field.name {
            case "args":
                guard case .sequence(let items) = field.value else {
                    if !isNull(field.value) {
                        reportWrongType(field, expected: "a list of type names")
                        valid = false
                    }
                    continue
                }
                for (index, item) in items.enumerated() {
                    guard let argument = functionArgument(item, path: "\(field.path)[\(index)]", keyRange: field.keyRange) else {
                        valid = false
                        continue
                    }
                    if !argument.hasDefault, let previous = arguments.last, previous.hasDefault {
                        report(
                            .configInvalidValue,
                            "'\(field.path)[\(index)]' needs a default: arguments after one with a default must have one too, as in PostgreSQL",
                            at: argument.range)
                        valid = false
                    }
                    arguments.append((argument.type, argument.hasDefault, location(argument.range)))
                }
            case "returns":
                sawReturns = true
                if let type = typeName(field.value, path: field.path, keyRange: field.keyRange, allowArrays: true, allowUserTypes: true) {
                    returns = (type, location(source.range(of: field.value)))
                } else {
                    valid = false
                }
            case "schema":
                if let value = string(field, expected: "a schema name"),
                    let name = nonEmpty(value, path: field.path, what: "schema name")
                {
                    schema = name
                }
            case "volatility":
                guard let value = string(field, expected: "immutable, stable or volatile") else {
                    valid = false
                    continue
                }
                guard let choice: FunctionVolatility = choice(value, { "'\(field.path)' must be \($0), found \(value.quoted)" }) else {
                    valid = false
                    continue
                }
                volatility = choice
            default:
                break
            }
        }
        if !sawReturns {
            report(
                .configMissingKey, "function '\(function.name)' needs 'returns': its return type",
                at: function.keyRange)
        }
        guard valid, let returns else { return nil }
        return FunctionDecl(
            name: function.name, arguments: arguments.map(\.type), returns: returns.type, schema: schema,
            location: location(function.keyRange), requiredArgumentCount: arguments.prefix { !$0.hasDefault }.count,
            volatility: volatility, argumentLocations: arguments.map(\.location), returnsLocation: returns.location)
    }

    /// An entry of a function's `args`: a type name, or `{type: T, default: true}` for an
    /// argument the function has a default for. `nil` (reported) when it has an error.
    private mutating func functionArgument(
        _ item: Node, path: String, keyRange: SourceRange
    ) -> (type: SQLType, hasDefault: Bool, range: SourceRange)? {
        guard item.mapping != nil else {
            guard let type = typeName(item, path: path, keyRange: keyRange, allowArrays: true, allowUserTypes: true) else { return nil }
            return (type, false, source.range(of: item))
        }
        var type: (SQLType, SourceRange)?
        var sawType = false
        var hasDefault = false
        var valid = true
        for field in entries(of: item, path: path, allowed: ConfigReader.functionArgumentKeys) {
            switch field.name {
            case "type":
                sawType = true
                if let parsed = typeName(field.value, path: field.path, keyRange: field.keyRange, allowArrays: true, allowUserTypes: true) {
                    type = (parsed, source.range(of: field.value))
                } else {
                    valid = false
                }
            case "default":
                if let flag = boolean(field.value, path: field.path, keyRange: field.keyRange) { hasDefault = flag } else { valid = false }
            default:
                break
            }
        }
        if !sawType {
            report(.configMissingKey, "'\(path)' needs 'type': the argument's type", at: source.range(of: item))
        }
        guard valid, let type else { return nil }
        return (type.0, hasDefault, type.1)
    }

    // MARK: - Analysis and apply

    private mutating func readAnalysis(_ entry: ConfigEntry) {
        guard entry.value.mapping != nil else {
            reportWrongType(entry, expected: "a map of analysis settings")
            return
        }
        for field in entries(of: entry.value, path: entry.path, allowed: ConfigReader.analysisKeys) {
            switch field.name {
            case "timeout_ms":
                if let value = integer(field, in: 1...Int.max, rule: "must be a positive number of milliseconds") {
                    config.analysis.timeoutMilliseconds = value
                }
            case "max_depth":
                if let value = integer(field, in: 1...8, rule: "must be between 1 and 8") {
                    config.analysis.maxDepth = value
                }
            case "proofs":
                readProofs(field)
            case "separate_roles":
                readSeparateRoles(field)
            default:
                break
            }
        }
    }

    private mutating func readProofs(_ field: ConfigEntry) {
        guard field.value.mapping != nil else {
            if !isNull(field.value) { reportWrongType(field, expected: "a map of proof ids to on or off") }
            return
        }
        for proof in entries(of: field.value, path: field.path, allowed: nil) {
            guard let enabled = boolean(proof.value, path: proof.path, keyRange: proof.keyRange) else { continue }
            guard ProofCatalog.isKnown(proof.name) else {
                if let suggestion = Suggestions.closest(to: proof.name, among: ProofCatalog.knownIDs) {
                    report(
                        .configUnknownProof, "unknown proof '\(proof.name)'; did you mean '\(suggestion)'?",
                        at: proof.keyRange, fixIt: replacement(of: proof.name, at: proof.keyRange, with: suggestion))
                } else {
                    report(
                        .configUnknownProof,
                        "unknown proof '\(proof.name)'; expected one of \(ProofCatalog.knownIDs.joined(separator: ", "))",
                        at: proof.keyRange)
                }
                continue
            }
            config.analysis.proofs[proof.name] = enabled
        }
    }

    private mutating func readSeparateRoles(_ field: ConfigEntry) {
        guard case .sequence = field.value else {
            if !isNull(field.value) { reportWrongType(field, expected: "a list of role names") }
            return
        }
        var roles: [String] = []
        for role in stringList(field, item: "role name", allowSingle: false) {
            guard let name = nonEmpty(role, path: field.path, what: "role name") else { continue }
            if roles.contains(name) {
                report(.configDuplicateRole, "role '\(name)' is listed twice in '\(field.path)'", at: role.range)
                continue
            }
            roles.append(name)
        }
        if roles.count == 1 {
            report(
                .configInvalidValue, "'\(field.path)' compares roles in pairs; list at least two roles",
                at: source.range(of: field.value), exception: .singleSeparateRole)
        }
        config.analysis.separateRoles = roles
    }

    private mutating func readApply(_ entry: ConfigEntry) {
        guard entry.value.mapping != nil else {
            reportWrongType(entry, expected: "a map of apply settings")
            return
        }
        for field in entries(of: entry.value, path: entry.path, allowed: ConfigReader.applyKeys) where field.name == "lock_timeout_ms" {
            if let value = integer(field, in: 0...Int.max, rule: "must be a number of milliseconds (0 waits forever)") {
                config.apply.lockTimeoutMilliseconds = value
            }
        }
    }
}
