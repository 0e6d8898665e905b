import PolicySchema
import PolicySemantics
import PolicySyntax
import SMT

/// Encodes effective predicates over concrete row and session instances as Z3 terms.
///
/// Each column and session key is a (null flag, value) pair. Integers are Z3 integers, numeric
/// (and real, double precision) values Z3 reals, booleans Booleans, uuids integers below 2^128
/// (a uuid's 128 bits read as a number: equality and PostgreSQL's byte order are exact), dates
/// and timestamps integers (days, microseconds since 1970; their literals are canonical), and
/// the other families (text, json, times, arrays…) strings, with LIKE through regular
/// expressions. Strings are ordered by an unknown relation (collations and enum orders are not
/// byte order), and the literals of families with several spellings per value (json, times,
/// arrays…) stand for unknown values of their text (equal texts, equal values). A traversal in a positive
/// position gets a fresh witness row per session (added to the database); the target's own
/// SELECT predicate for the same session applies to it (nested RLS). In a negative position a
/// traversal ranges over the rows already in the database: a smallest database containing the
/// positive witnesses is always the best choice for a counterexample, so no quantifier is needed.
/// `fn` is an uninterpreted function of its arguments (per session unless it is immutable; a
/// fresh value per call when it is volatile); `raw` an unknown boolean per row and session.
final class QueryEncoder {
    /// How raw SQL, and equality under a nondeterministic collation, are read.
    enum RawMode {
        /// Raw SQL is an unknown boolean per (text, row, session); equality on a column whose
        /// equality is not identity (nondeterministic collation, citext) is an unknown relation
        /// that holds at least between identical strings.
        case free
        /// The value least favourable to a counterexample: raw SQL is false where the raw atom is
        /// asserted, true where it is negated; such an equality is identity. A query satisfiable
        /// in this mode fails whatever the raw SQL and the collation say.
        case adversarial
    }

    /// How a type family's values are represented in the solver.
    enum Encoding {
        /// Z3 integers (integer families, uuids, dates, timestamps).
        case int
        /// Z3 reals (numeric, real, double precision).
        case real
        /// Z3 Booleans.
        case bool
        /// Z3 strings (text, json, times, arrays, other types).
        case string
    }

    /// The context terms are made in.
    let z3: Z3Context
    /// The effective predicates (for nested RLS) of the policy set being encoded; a comparison
    /// of two policy sets switches it between their predicates.
    var index: PredicateIndex
    /// The policy set being encoded.
    var set: PolicySet { index.set }
    /// The schema rows are made from: the first policy set's, also while another set's
    /// predicates are encoded (they read the same rows).
    let schema: SchemaModel
    /// How raw SQL is read in this encoding.
    let rawMode: RawMode
    /// Side conditions: NOT NULL columns, session value domains.
    private(set) var assertions: [Term] = []
    /// Every row created, in order.
    private(set) var rows: [RowInstance] = []
    /// Sessions by index.
    private(set) var sessions: [SessionInstance] = []
    /// Raw atoms met while encoding.
    private(set) var rawLocations: [FileLocation] = []
    /// Equalities met on columns where equality is not identity: `table.column: why`.
    private(set) var equalityCaveats: [String] = []
    /// Top-level clause terms per session, for blame: (session, clause, term).
    private(set) var clauseTerms: [(session: Int, clause: Clause, term: Term)] = []
    /// Clauses (by their origin's location) left out wherever blame is recorded: blame asks
    /// whether a counterexample remains without them.
    var removedClauses: Set<FileLocation> = []
    /// The uninterpreted functions of declared functions: one pair per immutable function, one
    /// per stable function and session (`call`).
    private var functions: [String: (null: FuncDecl, value: FuncDecl)] = [:]
    /// How many calls of volatile functions were encoded (each is a fresh value).
    private var volatileCalls = 0
    /// Unknown relations on strings by name: per string-encoded family its order (text sorts by
    /// the database's collation, enums by declaration, json and intervals by rules of their own),
    /// LIKE against a non-literal pattern, and per caveat an equivalence (`stringRelation`).
    private var relations: [String: FuncDecl] = [:]
    /// Per family without canonical literals, the value each literal's text stands for.
    private var literalFunctions: [TypeFamily: FuncDecl] = [:]
    /// The literals of families without canonical spellings: (family, text, the term of its value).
    private(set) var opaqueLiterals: [(family: TypeFamily, text: String, term: Term)] = []
    private var rawTerms: [String: Term] = [:]
    /// The rows the traversals being encoded start from, innermost last: what `outer(c)` reads.
    private var outerRows: [RowInstance] = []

    /// An encoder of `index`'s predicates in `z3`.
    init(z3: Z3Context, index: PredicateIndex, rawMode: RawMode) {
        self.z3 = z3
        self.index = index
        self.schema = index.set.schema
        self.rawMode = rawMode
    }

    // MARK: - Sorts and values

    /// The sort values of `family` are encoded in.
    func sort(_ family: TypeFamily) throws -> Sort {
        switch QueryEncoder.encoding(family) {
        case .int: return try z3.intSort
        case .real: return try z3.realSort
        case .bool: return try z3.boolSort
        case .string: return try z3.stringSort
        }
    }

    /// How values of `family` are represented.
    static func encoding(_ family: TypeFamily) -> Encoding {
        switch family {
        case .integer, .uuid, .date, .timestamp: return .int
        case .numeric: return .real
        case .boolean: return .bool
        default: return .string
        }
    }

    private func fresh(_ name: String, _ family: TypeFamily) throws -> EncodedValue {
        let value = EncodedValue(
            null: try z3.constant(name + ".null", z3.boolSort),
            value: try z3.constant(name + ".value", try sort(family)), family: family)
        if family == .uuid {
            assertions.append(try z3.le(z3.int(0), value.value))
            assertions.append(try z3.le(value.value, z3.int(decimal: String(UInt128.max))))
        }
        return value
    }

    /// The number a uuid's text stands for, in decimal (`nil` when it is not a uuid).
    static func uuidNumber(_ text: String) -> String? {
        let hex = text.filter { $0 != "-" }
        guard hex.count == 32, let value = UInt128(hex, radix: 16) else { return nil }
        return String(value)
    }

    /// The canonical text of the uuid a number stands for (`nil` when out of range).
    static func uuidText(_ decimal: String) -> String? {
        guard let value = UInt128(decimal) else { return nil }
        let hex = String(value, radix: 16)
        let digits = Array(String(repeating: "0", count: 32 - hex.count) + hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }.joined(separator: "-")
    }

    /// A new row of `table` with every column; NOT NULL columns are asserted non-null.
    func newRow(_ table: TableModel, label: String, session: Int?, inDatabase: Bool) throws -> RowInstance {
        let row = RowInstance(id: rows.count, table: table, label: label, session: session, inDatabase: inDatabase)
        for column in table.columns {
            let value = try fresh("r\(row.id).\(table.name.name).\(column.name)", column.type.family)
            row.columns[column.name] = value
            if column.notNull { assertions.append(try z3.not(value.null)) }
        }
        rows.append(row)
        return row
    }

    /// Session `index` (created on first use) running as `role`.
    func session(_ index: Int, role: String) -> SessionInstance {
        while sessions.count <= index { sessions.append(SessionInstance(index: sessions.count, role: role)) }
        return sessions[index]
    }

    /// Whether `key` is a `current_setting` key (not a value read by its own SQL): only then
    /// does `''` mean unset (with `missing_context: deny`) and an unset key fail (with `error`).
    func isSetting(_ key: String) -> Bool {
        set.config.sessionKey(key)?.isSetting ?? true
    }

    /// The value of `key` in `session`: NULL when unset (or, for a setting, empty with
    /// `missing_context: deny`).
    func sessionValue(_ key: String, _ session: SessionInstance) throws -> EncodedValue {
        if let existing = session.keys[key] { return existing }
        let type = set.sessionType(key)
        let value = try fresh("s\(session.index + 1).\(key)", type.family)
        if QueryEncoder.encoding(type.family) == .string, isSetting(key),
            set.config.missingContext == .deny || type.family != .text
        {
            // NULLIF(..., '') turns '' into NULL; a cast of '' to a non-text type fails.
            assertions.append(try z3.or(value.null, z3.not(z3.eq(value.value, z3.string("")))))
        }
        session.keys[key] = value
        return value
    }

    /// `now()` in `session`: a timestamp of its own per session (each session runs its own
    /// transaction), never NULL; kept with the session's keys under `Operand.nowKey` so that a
    /// counterexample shows it.
    func now(_ session: SessionInstance) throws -> EncodedValue {
        if let existing = session.keys[Operand.nowKey] { return existing }
        let value = try fresh("s\(session.index + 1).now", .timestamp)
        assertions.append(try z3.not(value.null))
        session.keys[Operand.nowKey] = value
        return value
    }

    /// A literal as a term of `family`'s encoding.
    func literal(_ value: LiteralValue, family: TypeFamily) throws -> Term {
        func failure() -> SolverError {
            SolverError(kind: .wrapper, message: "cannot encode \(value) as \(family)", operation: "literal")
        }
        switch (value, QueryEncoder.encoding(family)) {
        case (.int(let number), .int) where family != .uuid && family != .date && family != .timestamp: return try z3.int(number)
        case (.string(let text), .int):
            if family == .uuid {
                guard let number = QueryEncoder.uuidNumber(text) else { throw failure() }
                return try z3.int(decimal: number)
            }
            if family == .date || family == .timestamp, let sign = TemporalLiteral.infinitySign(text) {
                let magnitude = family == .date ? TemporalLiteral.infinityDays : TemporalLiteral.infinityMicroseconds
                return try z3.int(decimal: (sign < 0 ? "-" : "") + magnitude)
            }
            if family == .date {
                guard let days = try? TemporalLiteral.date(text).days else { throw failure() }
                return try z3.int(Int(days))
            }
            if family == .timestamp {
                // Canonical literals: timestamptz ones end in +00, timestamp ones have no offset
                // and count as if they were UTC, as columns of that type do here.
                guard let micros = try? TemporalLiteral.timestamp(text, withTimeZone: true).microseconds else { throw failure() }
                return try z3.int(Int(micros))
            }
            guard let number = Int(text) else { throw failure() }
            return try z3.int(number)
        case (.int(let number), .real): return try z3.real(number)
        case (.string(let text), .real):
            guard let number = Int(text) else { throw failure() }
            return try z3.real(number)
        case (.bool(let flag), .bool): return try z3.bool(flag)
        case (.string(let text), .string):
            guard !family.hasCanonicalLiterals else { return try z3.string(text) }
            let decl: FuncDecl
            if let known = literalFunctions[family] {
                decl = known
            } else {
                decl = try z3.function("literal.\(family.rawValue)", domain: [try z3.stringSort], range: try z3.stringSort)
                literalFunctions[family] = decl
            }
            let term = try decl.apply([try z3.string(text)])
            opaqueLiterals.append((family, text, term))
            return term
        case (.int(let number), .string): return try z3.string(String(number))
        case (.bool(let flag), .string): return try z3.string(flag ? "true" : "false")
        default:
            throw failure()
        }
    }

    // MARK: - Predicates

    /// An effective predicate on `row` for `session`; `positive` is false inside a negation.
    func encode(
        _ predicate: EffectivePredicate, row: RowInstance, session: SessionInstance, positive: Bool,
        recordBlame: Bool = false
    ) throws -> Term {
        guard !predicate.isDefaultDeny else { return try z3.bool(false) }
        var permissive: [Term] = []
        for policy in predicate.permissive {
            permissive.append(try encode(policy.clauses, row: row, session: session, positive: positive, recordBlame: recordBlame))
        }
        var parts = [try z3.or(permissive)]
        for policy in predicate.restrictive {
            parts.append(try encode(policy.clauses, row: row, session: session, positive: positive, recordBlame: false))
        }
        return try z3.and(parts)
    }

    /// A disjunction of clauses on `row`.
    func encode(_ clauses: [Clause], row: RowInstance, session: SessionInstance, positive: Bool, recordBlame: Bool = false) throws -> Term {
        var terms: [Term] = []
        for clause in clauses {
            if recordBlame, let origin = clause.origin, removedClauses.contains(origin.location) { continue }
            let term = try encode(clause, row: row, session: session, positive: positive)
            if recordBlame, clause.origin != nil { clauseTerms.append((session.index, clause, term)) }
            terms.append(term)
        }
        return try z3.or(terms)
    }

    /// A conjunction of atoms on `row`; `outer` is the row a traversal's clause starts from (what
    /// its `outer(c)` read), when the clause is encoded on its own.
    func encode(_ clause: Clause, row: RowInstance, session: SessionInstance, positive: Bool, outer: RowInstance? = nil) throws -> Term {
        if let outer { outerRows.append(outer) }
        defer { if outer != nil { outerRows.removeLast() } }
        return try z3.and(try clause.atoms.map { try encode($0, row: row, session: session, positive: positive) })
    }

    private func encode(_ atom: Atom, row: RowInstance, session: SessionInstance, positive: Bool) throws -> Term {
        let term = try encodeAtom(atom, row: row, session: session, positive: positive)
        // With `missing_context: error` an unset key cannot be read: reading it fails the query,
        // so an atom that reads one is never true (`session(k) IS NULL` included). A value read
        // by its own SQL (`sql:`) is NULL when unset, whatever `missing_context` says.
        guard set.config.missingContext == .error, !atom.isTraversal else { return term }
        let keys = atom.sessionKeysRead.filter(isSetting)
        guard !keys.isEmpty else { return term }
        var parts = try keys.map { try z3.not(sessionValue($0, session).null) }
        parts.append(term)
        return try z3.and(parts)
    }

    private func encodeAtom(_ atom: Atom, row: RowInstance, session: SessionInstance, positive: Bool) throws -> Term {
        switch atom {
        case .constant(let value):
            return try z3.bool(value)
        case .isNull(let operand):
            return try value(operand, row: row, session: session).null
        case .isNotNull(let operand):
            return try z3.not(value(operand, row: row, session: session).null)
        case .raw(let raw):
            if let location = raw.location, !rawLocations.contains(location) { rawLocations.append(location) }
            switch rawMode {
            case .adversarial:
                return try z3.bool(!positive)
            case .free:
                let key = "\(raw.text)\u{0}\(row.id)\u{0}\(session.index)"
                if let term = rawTerms[key] { return term }
                let term = try z3.constant("raw\(rawTerms.count).r\(row.id).s\(session.index + 1)", try z3.boolSort)
                rawTerms[key] = term
                return term
            }
        case .predicate(let name, let arguments):
            let result = try call(name, arguments, row: row, session: session)
            return try z3.and(z3.not(result.null), result.value)
        case .compare(let lhs, let op, let rhs):
            return try compare(lhs, op, rhs, row: row, session: session)
        case .exists(let traversal):
            return try exists(traversal, row: row, session: session, positive: positive)
        }
    }

    private func compare(_ lhs: Operand, _ op: ComparisonOperator, _ rhs: Operand, row: RowInstance, session: SessionInstance) throws
        -> Term
    {
        if case .literal(let a) = lhs, case .literal(let b) = rhs, a != .null, b != .null, let truth = Normalizer.fold(a, op, b) {
            // Decided here: Z3 4.8.12 takes hundreds of milliseconds for `str.<` even on two constants.
            return try z3.bool(truth)
        }
        // A constant takes the type of the other side, whichever side it is on (the normal form
        // puts it right; a predicate being compared with its normal form may not).
        var leftFamily: TypeFamily?
        if lhs.isConstant, !rhs.isConstant {
            leftFamily = try value(rhs, row: row, session: session).family
        }
        let left = try value(lhs, row: row, session: session, family: leftFamily)
        let leftPresent = try z3.not(left.null)
        let caveat = equalityCaveat([lhs, rhs], row: row)
        switch op {
        case .in, .notIn:
            guard case .list(let items) = rhs else { throw SolverError(kind: .wrapper, message: "IN without a list", operation: "compare") }
            let values = try items.filter { $0 != .null }.map { try literal($0, family: left.family) }
            let member: Term
            if let caveat, !values.isEmpty {
                member = try z3.or(try values.map { try equal(left.value, $0, caveat: caveat) })
            } else {
                member = values.isEmpty ? try z3.bool(false) : try z3.isMember(left.value, of: values)
            }
            if op == .in { return try z3.and(leftPresent, member) }
            if items.contains(.null) { return try z3.bool(false) }
            return try z3.and(leftPresent, z3.not(member))
        default:
            break
        }
        let right = try value(rhs, row: row, session: session, family: left.family)
        let present = try z3.and(leftPresent, z3.not(right.null))
        let (l, r) = try unify(left, right)
        let relation: Term
        switch op {
        case .equal: relation = try equal(l, r, caveat: caveat)
        case .notEqual: relation = try z3.not(equal(l, r, caveat: caveat))
        case .less: relation = try ordered(l, r, left.family, strict: true)
        case .lessEqual: relation = try ordered(l, r, left.family, strict: false)
        case .greater: relation = try ordered(r, l, left.family, strict: true)
        case .greaterEqual: relation = try ordered(r, l, left.family, strict: false)
        case .like, .notLike:
            let matches: Term
            if case .literal(.string(let pattern)) = rhs {
                matches = try z3.matches(left.value, z3.likeRegex(pattern))
            } else {
                let function = try stringRelation("like")
                matches = try function.apply([left.value, right.value])
            }
            relation = op == .like ? matches : try z3.not(matches)
        case .in, .notIn:
            relation = try z3.bool(false)
        }
        return try z3.and(present, relation)
    }

    /// Why equality between `operands` is not identity here (a column of `row` with a
    /// nondeterministic collation or citext), recorded for the reason; `nil` when it is.
    private func equalityCaveat(_ operands: [Operand], row: RowInstance) -> String? {
        for operand in operands {
            let owner: RowInstance
            let name: String
            switch operand {
            case .column(let column):
                (owner, name) = (row, column)
            case .outer(let column):
                guard let outer = outerRows.last else { continue }
                (owner, name) = (outer, column)
            default:
                continue
            }
            guard let column = owner.table.column(name), let why = schema.equalityCaveat(column) else { continue }
            let caveat = "\(owner.table.name).\(name) (\(why))"
            return caveat
        }
        return nil
    }

    /// `a = b` under `caveat`: identity when there is none (or raw mode is adversarial), else an
    /// unknown relation per caveat that holds at least between identical strings.
    private func equal(_ a: Term, _ b: Term, caveat: String?) throws -> Term {
        guard let caveat else { return try z3.eq(a, b) }
        if !equalityCaveats.contains(caveat) { equalityCaveats.append(caveat) }
        guard rawMode == .free else { return try z3.eq(a, b) }
        let decl = try stringRelation("equivalent " + caveat)
        return try z3.or(z3.eq(a, b), decl.apply([a, b]))
    }

    /// The two values in one sort: an integer compared with a real becomes a real.
    private func unify(_ a: EncodedValue, _ b: EncodedValue) throws -> (Term, Term) {
        // A date meets a timestamp as its midnight (days → microseconds).
        let perDay = { try self.z3.int(Int(TemporalLiteral.microsecondsPerDay)) }
        if a.family == .date && b.family == .timestamp { return (try z3.mul([a.value, perDay()]), b.value) }
        if a.family == .timestamp && b.family == .date { return (a.value, try z3.mul([b.value, perDay()])) }
        switch (QueryEncoder.encoding(a.family), QueryEncoder.encoding(b.family)) {
        case (.int, .real): return (try z3.toReal(a.value), b.value)
        case (.real, .int): return (a.value, try z3.toReal(b.value))
        default: return (a.value, b.value)
        }
    }

    private func ordered(_ a: Term, _ b: Term, _ family: TypeFamily, strict: Bool) throws -> Term {
        switch QueryEncoder.encoding(family) {
        case .bool:
            // false < true
            let less = try z3.and(z3.not(a), b)
            return strict ? less : try z3.or(less, z3.eq(a, b))
        case .string:
            // Not byte order: PostgreSQL sorts text by the column's collation (`'b' <= 'B'` in
            // en_US), enums by declaration. An unknown relation stands for any of them; only
            // what every order has is kept: `a < a` is false and `a <= a` true.
            let decl = try stringRelation("less.\(family.rawValue)")
            var less = try z3.and(decl.apply([a, b]), z3.not(z3.eq(a, b)))
            if family == .text {
                // '' sorts first in every collation: nothing is below it, everything else above it.
                let empty = try z3.string("")
                less = try z3.ite(z3.eq(b, empty), then: z3.bool(false), else: z3.ite(z3.eq(a, empty), then: z3.bool(true), else: less))
            }
            return strict ? less : try z3.or(less, z3.eq(a, b))
        case .int, .real:
            return strict ? try z3.lt(a, b) : try z3.le(a, b)
        }
    }

    /// An unknown relation on two strings (an order, LIKE with a pattern from a column, an
    /// equivalence), made once per name.
    private func stringRelation(_ name: String) throws -> FuncDecl {
        if let known = relations[name] { return known }
        let decl = try z3.function(name, domain: [try z3.stringSort, try z3.stringSort], range: try z3.boolSort)
        relations[name] = decl
        return decl
    }

    /// The value of an operand; constants take `family` (the other side's) when given.
    func value(_ operand: Operand, row: RowInstance, session: SessionInstance, family: TypeFamily? = nil) throws -> EncodedValue {
        switch operand {
        case .column(let name):
            guard let value = row.columns[name] else {
                throw SolverError(kind: .wrapper, message: "no column \(name) on \(row.table.name)", operation: "value")
            }
            return value
        case .outer(let name):
            guard let value = outerRows.last?.columns[name] else {
                throw SolverError(kind: .wrapper, message: "no enclosing row with column \(name)", operation: "value")
            }
            return value
        case .session(let key):
            return try sessionValue(key, session)
        case .now:
            return try now(session)
        case .literal(let literal):
            let kind: TypeFamily
            switch literal {
            case .int: kind = family ?? .integer
            case .bool: kind = family ?? .boolean
            default: kind = family ?? .text
            }
            if literal == .null {
                return EncodedValue(null: try z3.bool(true), value: try z3.constant("null.\(kind)", try sort(kind)), family: kind)
            }
            return EncodedValue(null: try z3.bool(false), value: try self.literal(literal, family: kind), family: kind)
        case .list:
            throw SolverError(kind: .wrapper, message: "a list is not a value", operation: "value")
        case .function(let name, let arguments):
            return try call(name, arguments, row: row, session: session)
        }
    }

    /// A declared function applied to arguments: its null flag and value are uninterpreted
    /// functions of the arguments' null flags and values; one pair for every session when the
    /// function is immutable, one per session when it is stable (the sessions of a query are
    /// different queries to PostgreSQL, so a stable function may answer them differently). Each
    /// call of a volatile function is a fresh unknown value, even with the same arguments.
    private func call(_ name: String, _ arguments: [Operand], row: RowInstance, session: SessionInstance) throws -> EncodedValue {
        guard let declaration = set.config.function(name) else {
            throw SolverError(kind: .wrapper, message: "undeclared function \(name)", operation: "call")
        }
        let key: String
        switch declaration.volatility {
        case .immutable:
            key = "fn.\(name)"
        case .stable:
            key = "fn.\(name).session\(session.index)"
        case .volatile:
            volatileCalls += 1
            return try fresh("fn.\(name).call\(volatileCalls)", declaration.returns.family)
        }
        let decls: (null: FuncDecl, value: FuncDecl)
        if let existing = functions[key] {
            decls = existing
        } else {
            var domain: [Sort] = []
            for type in declaration.arguments {
                domain.append(try z3.boolSort)
                domain.append(try sort(type.family))
            }
            decls = (
                try z3.function("\(key).null", domain: domain, range: try z3.boolSort),
                try z3.function("\(key).value", domain: domain, range: try sort(declaration.returns.family))
            )
            functions[key] = decls
        }
        var actuals: [Term] = []
        for (index, argument) in arguments.enumerated() {
            let family = index < declaration.arguments.count ? declaration.arguments[index].family : nil
            let encoded = try value(argument, row: row, session: session, family: family)
            actuals.append(encoded.null)
            if let family, QueryEncoder.encoding(family) == .real, QueryEncoder.encoding(encoded.family) == .int {
                actuals.append(try z3.toReal(encoded.value))
            } else {
                actuals.append(encoded.value)
            }
        }
        // Trailing arguments left to their defaults: the default is an unknown value of its own
        // per session (whatever the expression, it is one value for the calls of one query), so
        // `f(x)` is `f(x, d)` for that unknown `d`.
        for index in arguments.count..<max(arguments.count, declaration.arguments.count) {
            let family = declaration.arguments[index].family
            actuals.append(try z3.constant("fn.\(name).session\(session.index).default\(index).null", try z3.boolSort))
            actuals.append(try z3.constant("fn.\(name).session\(session.index).default\(index).value", try sort(family)))
        }
        return EncodedValue(null: try decls.null.apply(actuals), value: try decls.value.apply(actuals), family: declaration.returns.family)
    }

    private func exists(_ traversal: Traversal, row: RowInstance, session: SessionInstance, positive: Bool) throws -> Term {
        guard let source = row.columns[traversal.sourceColumn], let target = schema.table(traversal.target) else {
            throw SolverError(kind: .wrapper, message: "unresolved traversal to \(traversal.target)", operation: "exists")
        }
        func body(_ witness: RowInstance) throws -> Term {
            guard let key = witness.columns[traversal.targetColumn] else {
                throw SolverError(kind: .wrapper, message: "no column \(traversal.targetColumn) on \(target.name)", operation: "exists")
            }
            let caveat =
                equalityCaveat([.column(traversal.sourceColumn)], row: row)
                ?? equalityCaveat([.column(traversal.targetColumn)], row: witness)
            var parts = [try z3.not(source.null), try z3.not(key.null), try equal(source.value, key.value, caveat: caveat)]
            // `outer(c)` in the clause reads the row the traversal starts from.
            outerRows.append(row)
            defer { outerRows.removeLast() }
            parts.append(try encode(traversal.clause, row: witness, session: session, positive: positive))
            if set.isGoverned(target.name) {
                let rls = index.effective(target.name, .select, role: session.role, side: .using)
                parts.append(try encode(rls, row: witness, session: session, positive: positive))
            }
            return try z3.and(parts)
        }
        if positive {
            let witness = try newRow(target, label: "witness", session: session.index, inDatabase: true)
            return try body(witness)
        }
        let candidates = rows.filter { $0.inDatabase && $0.table.name == target.name }
        return try z3.or(try candidates.map(body))
    }

    // MARK: - Keys

    /// Rows of the database that agree on a primary or unique key are the same row.
    func keyConstraints() throws -> [Term] {
        var result: [Term] = []
        var byTable: [QualifiedName: [RowInstance]] = [:]
        for row in rows where row.inDatabase { byTable[row.table.name, default: []].append(row) }
        for (_, instances) in byTable where instances.count > 1 {
            let table = instances[0].table
            // Rows of inheriting tables are rows of this one too, and may repeat its keys.
            if table.hasInheritanceChildren { continue }
            var keys: [[String]] = []
            if !table.primaryKey.isEmpty { keys.append(table.primaryKey) }
            keys += table.uniqueKeys.filter { !$0.isEmpty }
            guard !keys.isEmpty else { continue }
            for i in 0..<instances.count {
                for j in (i + 1)..<instances.count {
                    let a = instances[i]
                    let b = instances[j]
                    var same: [Term] = []
                    for column in table.columns {
                        guard let x = a.columns[column.name], let y = b.columns[column.name] else { continue }
                        same.append(try z3.eq(x.null, y.null))
                        same.append(try z3.eq(x.value, y.value))
                    }
                    let identical = try z3.and(same)
                    for key in keys {
                        var premise: [Term] = []
                        for column in key {
                            guard let x = a.columns[column], let y = b.columns[column] else { continue }
                            premise.append(try z3.not(x.null))
                            premise.append(try z3.not(y.null))
                            premise.append(try z3.eq(x.value, y.value))
                        }
                        result.append(try z3.implies(z3.and(premise), identical))
                    }
                }
            }
        }
        return result
    }

    /// Every string value in the query restricted to characters PostgreSQL text can hold
    /// (no NUL, no surrogates), for counterexamples that must become SQL.
    func printableTextConstraints() throws -> [Term] {
        let allowed = try z3.regexStar(
            z3.regexUnion([
                z3.regexRange(from: "\u{1}", to: "\u{D7FF}"),
                z3.regexRange(from: "\u{E000}", to: "\u{2FFFF}"),
            ]))
        var result: [Term] = []
        var values: [EncodedValue] = rows.flatMap { Array($0.columns.values) }
        for session in sessions { values += session.keys.values }
        for value in values where QueryEncoder.encoding(value.family) == .string {
            result.append(try z3.matches(value.value, allowed))
        }
        return result
    }
}
