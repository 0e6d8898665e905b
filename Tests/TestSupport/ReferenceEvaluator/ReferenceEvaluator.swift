import PolicySchema
import PolicySemantics
import PolicySyntax

/// The oracle: says whether a concrete row is visible (USING) or writable (WITH CHECK) for a
/// concrete session, with SQL's NULL behaviour and each traversal target's own RLS applied.
public struct ReferenceEvaluator {
    /// Interprets a declared function: name and argument values to a value.
    public typealias FunctionInterpretation = (_ name: String, _ arguments: [SQLValue]) throws -> SQLValue
    /// Interprets a raw SQL atom on a row; `nil` when it cannot be decided.
    public typealias RawInterpretation = (_ sql: String, _ row: [String: SQLValue], _ session: EvaluationSession) throws -> Bool

    private let policySet: PolicySet
    private let functions: FunctionInterpretation
    private let raw: RawInterpretation
    /// The PostgreSQL major version whose input rules read session settings (15 up).
    public let postgresVersion: Int

    /// Creates an evaluator; functions and raw SQL fail unless interpretations are given.
    /// Session settings are read as PostgreSQL `postgresVersion` reads them (default 15, the
    /// oldest supported; pass the server's version when comparing with one).
    public init(
        policySet: PolicySet,
        functions: @escaping FunctionInterpretation = { name, _ in throw EvaluationError("no interpretation for fn(\(name))") },
        raw: @escaping RawInterpretation = { sql, _, _ in throw EvaluationError("no interpretation for raw('\(sql)')") },
        postgresVersion: Int = 15
    ) {
        self.policySet = policySet
        self.functions = functions
        self.raw = raw
        self.postgresVersion = postgresVersion
    }

    /// The role dimension a session's role falls under (roles no policy names are PUBLIC).
    public func effectiveRole(_ role: String) -> String {
        policySet.dimension(of: role)
    }

    /// Whether `row` of `table` passes `side` of `command` for `session`. Ungoverned tables have
    /// no RLS: every row passes.
    public func allows(
        _ table: QualifiedName, _ command: PolicyCommand, side: EffectivePredicate.Side,
        row: [String: SQLValue], session: EvaluationSession, database: EvaluationDatabase
    ) throws -> Bool {
        guard policySet.isGoverned(table) else { return true }
        let predicate = policySet.effective(table, command, role: effectiveRole(session.role), side: side)
        return try holds(predicate, row: row, session: session, database: database)
    }

    /// Whether an effective predicate is true for `row`.
    public func holds(
        _ predicate: EffectivePredicate, row: [String: SQLValue], session: EvaluationSession,
        database: EvaluationDatabase
    ) throws -> Bool {
        var anyPermissive = false
        for policy in predicate.permissive where !anyPermissive {
            if try holds(policy.clauses, table: predicate.table, row: row, session: session, database: database) {
                anyPermissive = true
            }
        }
        guard anyPermissive else { return false }
        for policy in predicate.restrictive {
            if try !holds(policy.clauses, table: predicate.table, row: row, session: session, database: database) {
                return false
            }
        }
        return true
    }

    /// Whether a disjunction of clauses on `table` is true for `row`.
    public func holds(
        _ clauses: [Clause], table: QualifiedName, row: [String: SQLValue], session: EvaluationSession,
        database: EvaluationDatabase
    ) throws -> Bool {
        for clause in clauses where try holds(clause, table: table, row: row, session: session, database: database) {
            return true
        }
        return false
    }

    /// Whether a clause on `table` is true for `row`; inside a traversal `outer` is the row it
    /// starts from (what `outer(c)` reads) and its table.
    public func holds(
        _ clause: Clause, table: QualifiedName, row: [String: SQLValue], session: EvaluationSession,
        database: EvaluationDatabase, outer: OuterRow? = nil
    ) throws -> Bool {
        for atom in clause.atoms where try !holds(atom, table: table, row: row, session: session, database: database, outer: outer) {
            return false
        }
        return true
    }

    /// The row a traversal starts from and its table.
    public typealias OuterRow = (table: QualifiedName, row: [String: SQLValue])

    /// Whether an atom is true (not false, not NULL).
    public func holds(
        _ atom: Atom, table: QualifiedName, row: [String: SQLValue], session: EvaluationSession,
        database: EvaluationDatabase, outer: OuterRow? = nil
    ) throws -> Bool {
        switch atom {
        case .constant(let value):
            return value
        case .isNull(let operand):
            return try value(operand, row: row, session: session, table: table, castTo: nil, outer: outer).isNull
        case .isNotNull(let operand):
            return try !value(operand, row: row, session: session, table: table, castTo: nil, outer: outer).isNull
        case .raw(let sql):
            return try raw(sql.text, row, session)
        case .predicate(let name, let arguments):
            return try functions(name, try self.arguments(name, arguments, row: row, session: session, table: table, outer: outer))
                == .bool(true)
        case .compare(let lhs, let op, let rhs):
            let left = try value(
                lhs, row: row, session: session, table: table, castTo: comparedType(rhs, table: table, outer: outer), outer: outer)
            if left.isNull { return false }
            switch op {
            case .in, .notIn:
                guard case .list(let items) = rhs else { throw EvaluationError("IN without a list") }
                let values = items.map(SQLValue.init)
                if op == .in { return values.contains { !$0.isNull && ReferenceEvaluator.order(left, $0) == 0 } }
                if values.contains(.null) { return false }
                return !values.contains { ReferenceEvaluator.order(left, $0) == 0 }
            default:
                break
            }
            let right = try value(
                rhs, row: row, session: session, table: table, castTo: comparedType(lhs, table: table, outer: outer), outer: outer)
            if right.isNull { return false }
            switch op {
            case .like, .notLike:
                guard case .text(let text) = left, case .text(let pattern) = right else { return false }
                return LikePattern.matches(text, pattern: pattern) == (op == .like)
            default:
                guard let order = ReferenceEvaluator.order(left, right) else { return false }
                return op.holds(forOrder: order) ?? false
            }
        case .exists(let traversal):
            let source = row[traversal.sourceColumn] ?? .null
            if source.isNull { return false }
            for candidate in database.rows[traversal.target] ?? [] {
                let key = candidate[traversal.targetColumn] ?? .null
                guard !key.isNull, ReferenceEvaluator.order(source, key) == 0 else { continue }
                guard
                    try holds(
                        traversal.clause, table: traversal.target, row: candidate, session: session, database: database,
                        outer: (table, row))
                else {
                    continue
                }
                if try allows(traversal.target, .select, side: .using, row: candidate, session: session, database: database) {
                    return true
                }
            }
            return false
        }
    }

    /// The value of an operand for `row` and `session`; a session value has its key's own type.
    public func value(_ operand: Operand, row: [String: SQLValue], session: EvaluationSession) throws -> SQLValue {
        try value(operand, row: row, session: session, table: nil, castTo: nil)
    }

    /// The value of an operand on a row of `table`. As in the compiled SQL, a session value is
    /// cast to `castTo` (the type of what it is compared with) when given, and a function's
    /// arguments to its declared parameter types.
    private func value(
        _ operand: Operand, row: [String: SQLValue], session: EvaluationSession, table: QualifiedName?,
        castTo: SQLType?, outer: OuterRow? = nil
    ) throws -> SQLValue {
        switch operand {
        case .column(let name):
            return row[name] ?? .null
        case .outer(let name):
            guard let outer else { throw EvaluationError("outer(\(name)) outside a traversal") }
            return outer.row[name] ?? .null
        case .literal(let literal):
            return SQLValue(literal)
        case .list:
            throw EvaluationError("a list is not a value")
        case .function(let name, let arguments):
            return try functions(name, try self.arguments(name, arguments, row: row, session: session, table: table, outer: outer))
        case .session(let key):
            return try sessionValue(key, session: session, as: castTo ?? policySet.sessionType(key))
        case .now:
            return .text(session.now)
        }
    }

    /// A declared function's argument values, each session value cast to its parameter's type.
    private func arguments(
        _ name: String, _ arguments: [Operand], row: [String: SQLValue], session: EvaluationSession,
        table: QualifiedName?, outer: OuterRow?
    ) throws -> [SQLValue] {
        let parameters = policySet.config.function(name)?.arguments ?? []
        return try arguments.enumerated().map { index, argument in
            try value(
                argument, row: row, session: session, table: table, castTo: index < parameters.count ? parameters[index] : nil,
                outer: outer)
        }
    }

    /// The type the compiled SQL casts a session value to when it is compared with `other`: the
    /// other side's column, function result or session key type (`nil`: the key's own type).
    private func comparedType(_ other: Operand, table: QualifiedName, outer: OuterRow?) -> SQLType? {
        switch other {
        case .column(let name): return policySet.schema.table(table)?.column(name)?.type
        case .outer(let name): return outer.flatMap { policySet.schema.table($0.table)?.column(name)?.type }
        case .function(let name, _): return policySet.config.function(name)?.returns
        case .session(let key): return policySet.sessionType(key)
        case .now: return .timestamptz
        default: return nil
        }
    }

    /// A session key's value as the compiled SQL reads it (`missing_context` decides unset keys),
    /// cast to the key's own type.
    public func sessionValue(_ key: String, session: EvaluationSession) throws -> SQLValue {
        try sessionValue(key, session: session, as: policySet.sessionType(key))
    }

    /// A session key's value as the compiled SQL reads it, cast to `type`.
    public func sessionValue(_ key: String, session: EvaluationSession, as written: SQLType) throws -> SQLValue {
        let type = policySet.schema.castType(written)
        let setting = session.settings[key]
        switch policySet.config.missingContext {
        case .deny:
            guard let setting, !setting.isEmpty else { return .null }
            return try ReferenceEvaluator.cast(setting, to: type, postgresVersion: postgresVersion)
        case .error:
            guard let setting else { throw EvaluationError("unrecognized configuration parameter \"\(key)\"") }
            return try ReferenceEvaluator.cast(setting, to: type, postgresVersion: postgresVersion)
        }
    }

    /// Casts a setting's text to `type` as `::type` would on PostgreSQL `postgresVersion`, with
    /// its own input rules (see `SettingInput`); numeric types are read as integers.
    static func cast(_ text: String, to type: SQLType, postgresVersion: Int) throws -> SQLValue {
        switch type.family {
        case .integer, .numeric:
            let bits = type.name == "smallint" ? 16 : type.name == "integer" ? 32 : 64
            switch SettingInput.integer(text, bits: bits, postgresVersion: postgresVersion) {
            case .value(let number): return .int(number)
            case .invalid: throw EvaluationError("invalid input syntax for type \(type.name): \"\(text)\"")
            case .outOfRange: throw EvaluationError("value \"\(text)\" is out of range for type \(type.name)")
            }
        case .boolean:
            guard let flag = SettingInput.boolean(text) else { throw EvaluationError("invalid input syntax for type boolean: \"\(text)\"") }
            return .bool(flag)
        case .uuid:
            guard let uuid = SettingInput.uuid(text) else { throw EvaluationError("invalid input syntax for type uuid: \"\(text)\"") }
            return .text(uuid)
        default:
            return .text(text)
        }
    }

    /// Compares two non-null values of the same kind (text in byte order, as collation C);
    /// `nil` when the kinds differ.
    public static func order(_ a: SQLValue, _ b: SQLValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.text(let x), .text(let y)):
            if x.utf8.elementsEqual(y.utf8) { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        default: return nil
        }
    }
}
