import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax
import SQLExpression

extension Lifter {
    /// A value: a column, a constant, a session value, `now()` or a function call. `expected` is
    /// the type of the value it is compared with, when known.
    mutating func value(_ expression: SQLExpr, scope: LiftScope, expected: SQLType?) throws -> LiftedValue {
        if let session = try session(expression, expected: expected) { return session }
        let bare = expression.strippingParentheses
        switch bare.kind {
        case .column(let parts):
            switch scope.resolve(parts) {
            case .own(let name):
                return LiftedValue(dsl: "col(\(Operand.name(name)))", kind: .column, type: scope.table.column(name)?.type)
            case .enclosing(let name, 0):
                // The row the traversal starts from (SPEC 11.3 outer()).
                return LiftedValue(dsl: "outer(\(Operand.name(name)))", kind: .outer, type: scope.enclosing.first?.table.column(name)?.type)
            case .enclosing:
                throw LiftFailure("a column of a row two or more traversals out (outer() reads the nearest)")
            case nil:
                throw LiftFailure("no column \(parts.map(\.name).joined(separator: ".")) in scope")
            }
        case .string, .number, .boolean, .null, .prefix("-", _):
            return try literal(bare, expected: expected)
        case .cast(let inner, let type, _):
            if Self.isLiteral(inner) { return try literal(bare, expected: expected) }
            guard type.modifiers.isEmpty else { throw LiftFailure("a cast with a length or precision") }
            let target = Self.sqlType(type, schema: context.schema, searchPath: context.config.schemas)
            let lifted = try value(inner, scope: scope, expected: expected)
            guard let own = lifted.type, Self.bareName(own.name) == Self.bareName(target.name) else {
                throw LiftFailure("a cast to \(target.name) the language does not write")
            }
            return lifted
        case .call(_, let arguments, false):
            return try function(bare, arguments: arguments, scope: scope, expected: expected)
        case .subquery:
            if let inner = bare.trivialSubSelect { return try value(inner, scope: scope, expected: expected) }
            throw LiftFailure("a sub-select that is not a session value")
        default:
            throw LiftFailure("not a value of the policy language")
        }
    }

    /// The SQL type of a type name in a cast: a user type of the schema by its exact name
    /// (`forum.visibility`, `public."Role"`, or unqualified found in `searchPath`), else the
    /// built-in type.
    static func sqlType(_ type: SQLTypeName, schema: SchemaModel, searchPath: [String]) -> SQLType {
        if type.modifiers.isEmpty, type.arrayDepth == 0 {
            let name = type.name.name
            if let qualifier = type.schema?.name {
                if let found = schema.resolveUserType(qualifier + "." + name, searchPath: []) { return found }
            } else if !SQLType.isBuiltin(SQLType.normalize(name).name),
                let found = schema.resolveUserType(name, searchPath: searchPath)
            {
                return found
            }
        }
        var written = type.name.name
        if !type.modifiers.isEmpty { written += "(" + type.modifiers.map(SQLExpressionPrinter.print).joined(separator: ",") + ")" }
        written += String(repeating: "[]", count: type.arrayDepth)
        return SQLType.normalize(written)
    }

    /// Whether two types are the same for a cast PostgreSQL printed (`member_role` is the
    /// column's `public.member_role`; text types are one).
    static func sameType(_ left: SQLType, _ right: SQLType) -> Bool {
        bareName(left.name) == bareName(right.name) || (left.family == .text && right.family == .text)
    }

    /// A type's name without `public.`.
    static func bareName(_ name: String) -> String { name.hasPrefix("public.") ? String(name.dropFirst(7)) : name }

    /// A constant: a string, an integer, `true`/`false` or NULL, under a cast to the compared
    /// value's type (PostgreSQL prints `'x'::uuid` for a uuid column).
    func literal(_ expression: SQLExpr, expected: SQLType?) throws -> LiftedValue {
        let bare = expression.strippingParentheses
        switch bare.kind {
        case .cast(let inner, let type, _):
            guard type.modifiers.isEmpty else { throw LiftFailure("a constant cast with a length or precision") }
            let target = Self.sqlType(type, schema: context.schema, searchPath: context.config.schemas)
            if let expected, !Self.sameType(expected, target) {
                throw LiftFailure("a constant cast to \(target.name), compared with \(expected.name)")
            }
            if target.family == .integer || target.family == .numeric, let digits = inner.stringConstant {
                guard let number = Int64(digits) else { throw LiftFailure("'\(digits)' is not an integer the language writes") }
                return LiftedValue(dsl: "lit(\(number))", kind: .literal, type: target)
            }
            var lifted = try literal(inner, expected: nil)
            lifted.type = target
            return lifted
        case .string(let text):
            guard !text.contains(where: \.isNewline) else { throw LiftFailure("a line break in a string constant") }
            return LiftedValue(dsl: "lit(" + Formatter.string(text) + ")", kind: .literal, type: nil)
        case .number(let digits):
            guard let number = Int64(digits) else { throw LiftFailure("the number \(digits) is not an integer the language writes") }
            return LiftedValue(dsl: "lit(\(number))", kind: .literal, type: .integer)
        case .prefix("-", let inner):
            guard case .number(let digits) = inner.strippingParentheses.kind, let number = Int64("-" + digits) else {
                throw LiftFailure("not an integer constant")
            }
            return LiftedValue(dsl: "lit(\(number))", kind: .literal, type: .integer)
        case .boolean(let flag):
            return LiftedValue(dsl: flag ? "lit(true)" : "lit(false)", kind: .literal, type: .boolean)
        case .null:
            return LiftedValue(dsl: "lit(null)", kind: .literal, type: nil)
        default:
            throw LiftFailure("not a constant")
        }
    }

    /// A session value: a declared one whose SQL this is, `CURRENT_USER`/`SESSION_USER`, or
    /// `current_setting('k'[, true])` in any of its spellings (the key is declared when new, with
    /// the type of its cast, else text). Nil when the expression is none of these.
    mutating func session(_ expression: SQLExpr, expected: SQLType?) throws -> LiftedValue? {
        var current = expression.strippingParentheses
        var castType: SQLType?
        while true {
            if let declaration = declaredSQL[CanonicalSQL.text(current, table: "")] {
                if let castType, !Self.sameType(castType, declaration.type) {
                    throw LiftFailure("session value \(declaration.key) cast to \(castType.name)")
                }
                return LiftedValue(dsl: "session(" + Formatter.string(declaration.key) + ")", kind: .session, type: declaration.type)
            }
            if let inner = current.trivialSubSelect {
                current = inner.strippingParentheses
            } else if case .cast(let inner, let type, _) = current.kind, castType == nil {
                castType = Self.sqlType(type, schema: context.schema, searchPath: context.config.schemas)
                current = inner.strippingParentheses
            } else {
                break
            }
        }
        guard let key = current.currentSettingKey else { return nil }
        if expression.currentSettingKeepsEmpty {
            throw LiftFailure(
                "current_setting('\(key)') without NULLIF(…, '') compares an empty setting as '' (a session value is NULL then)")
        }
        let type: SQLType
        if let declaration = context.config.sessionKey(key) ?? sessions.first(where: { $0.key == key }) {
            type = declaration.type
        } else {
            type = castType ?? .text
            sessions.append(SessionKeyDecl(key: key, type: type))
        }
        return LiftedValue(dsl: "session(" + Formatter.string(key) + ")", kind: .session, type: castType ?? type)
    }

    /// `now()`, or a call of another function as `fn(name, [args])`, declared in `functions:`
    /// (generated from the schema model's signature, else from the arguments' types).
    mutating func function(_ call: SQLExpr, arguments: [SQLFunctionArgument], scope: LiftScope, expected: SQLType?) throws
        -> LiftedValue
    {
        guard let parts = call.callName(), !parts.isEmpty, parts.count <= 2 else { throw LiftFailure("not a function name") }
        if parts == ["now"], arguments.isEmpty { return LiftedValue(dsl: "now()", kind: .now, type: .timestamptz) }
        let name = parts[parts.count - 1]
        let schemaName = parts.count == 2 ? parts[0] : nil
        // A call with fewer arguments than the only signature leaves defaulted ones out
        // (PostgreSQL printed it, so the function has those defaults).
        let candidates = context.schema.functions.filter {
            $0.name.name == name && (schemaName == nil || $0.name.schema == schemaName) && $0.argumentTypes.count >= arguments.count
        }
        let signature =
            candidates.first { $0.argumentTypes.count == arguments.count } ?? (candidates.count == 1 ? candidates.first : nil)
        // An unqualified call of a function the schema does not define is PostgreSQL's own
        // (`lower`, `"left"`, `like_escape`): declaring it as the project's would be wrong.
        if signature == nil, context.config.function(name) == nil, schemaName == nil {
            throw LiftFailure("\(name)() is not a function of the schema")
        }
        guard arguments.allSatisfy({ $0.name == nil }) else { throw LiftFailure("named arguments") }
        let values = try arguments.map { try value($0.value, scope: scope, expected: nil) }
        let dsl = "fn(\(Operand.name(name)), [" + values.map(\.dsl).joined(separator: ", ") + "])"
        if let declared = functions.first(where: { $0.name == name }) ?? context.config.function(name) {
            guard parts.count == 1 || declared.schema == parts[0] else {
                throw LiftFailure("\(name) is declared in schema \(declared.schema) already")
            }
            if !(declared.requiredArgumentCount...declared.arguments.count).contains(values.count) {
                // A call leaving out more defaulted arguments than the calls lifted before it
                // (PostgreSQL accepted it, so the schema's signature has those defaults): a
                // generated entry, not one written in pgpe.yaml, is generated again with fewer
                // required arguments.
                guard values.count < declared.requiredArgumentCount, declared.location == nil, let signature,
                    signature.argumentTypes == declared.arguments
                else { throw LiftFailure("\(name) is declared with other arguments") }
                var lowered = declared
                lowered.requiredArgumentCount = values.count
                if let index = functions.firstIndex(where: { $0.name == name }) {
                    functions[index] = lowered
                } else {
                    functions.append(lowered)
                }
            }
            return LiftedValue(dsl: dsl, kind: .function, type: declared.returns)
        }
        let argumentTypes: [SQLType]
        if let signature {
            argumentTypes = signature.argumentTypes
        } else {
            argumentTypes = try values.map { value in
                guard let type = value.type else { throw LiftFailure("the type of an argument of \(name) is unknown") }
                return type
            }
        }
        guard let returns = signature?.returnType ?? expected else { throw LiftFailure("the return type of \(name) is unknown") }
        let declaration = FunctionDecl(
            name: name, arguments: argumentTypes, returns: returns, schema: schemaName ?? signature?.name.schema ?? "public",
            requiredArgumentCount: values.count)
        functions.append(declaration)
        return LiftedValue(dsl: dsl, kind: .function, type: returns)
    }
}
