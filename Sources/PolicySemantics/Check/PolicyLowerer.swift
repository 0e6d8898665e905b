import PolicySchema
import PolicySyntax

/// Turns one policy's syntax into normal-form clauses on a table, checking names and types on
/// the way. Table-independent problems are reported once; per-table ones are merged by the sink.
struct PolicyLowerer {
    /// A typed operand: the normal-form operand, its SQL type when known, and its syntax.
    struct Typed {
        var operand: Operand
        var type: SQLType?
        var syntax: ValueSyntax
    }

    /// Where names resolve: the current table (`nil` without a schema), the traversal depth, and
    /// inside a traversal the table of the row it starts from (what `outer(c)` reads).
    struct Scope {
        var table: TableModel?
        var depth: Int
        var outer: TableModel? = nil
    }

    let checker: Checker
    let policy: PolicyRef
    let file: String
    let syntax: PolicyDeclSyntax

    private func location(_ range: SourceRange) -> FileLocation { FileLocation(file: file, range: range) }

    private func error(_ kind: DiagnosticKind, _ message: String, _ range: SourceRange, fixIts: [FixIt] = [], notes: [DiagnosticNote] = [])
    {
        checker.sink.add(
            Diagnostic(
                kind, message: message, location: location(range),
                notes: notes, fixIts: fixIts))
    }

    /// Reports `kind` with the severity of `exception`, one its catalogue entry documents.
    private func report(
        _ kind: DiagnosticKind, _ exception: SeverityException, _ message: String, _ range: SourceRange, fixIts: [FixIt] = []
    ) {
        checker.sink.add(
            Diagnostic(
                kind, exception: exception, message: message, location: location(range),
                fixIts: fixIts))
    }

    // MARK: - Entry points

    /// A key that is equal for two tables exactly when lowering gives the same result on both:
    /// the name and, for every column the policy reads at the top level, its type and nullability.
    func signature(on table: TableModel) -> String {
        var columns = Set<String>()
        var explicitSource = false
        func visit(_ value: ValueSyntax) {
            switch value.kind {
            case .column(let name): columns.insert(name.identifier)
            case .function(let call): call.arguments.forEach(visit)
            default: break
            }
        }
        func visitOuter(_ value: ValueSyntax) {
            switch value.kind {
            case .outer(let name): columns.insert(name.identifier)
            case .function(let call): call.arguments.forEach(visitOuter)
            default: break
            }
        }
        for clause in syntax.using + (syntax.check ?? []) {
            for atom in clause.atoms {
                switch atom.kind {
                case .comparison(let lhs, _, let rhs):
                    visit(lhs)
                    visit(rhs)
                case .nullTest(let value, _): visit(value)
                case .function(let call): call.arguments.forEach(visit)
                case .exists(let relation, let inner):
                    columns.insert(relation.sourceColumn.identifier)
                    if relation.source != nil { explicitSource = true }
                    // `outer(c)` in the traversal's own clause reads the governed row.
                    for innerAtom in inner.atoms {
                        switch innerAtom.kind {
                        case .comparison(let lhs, _, let rhs):
                            visitOuter(lhs)
                            visitOuter(rhs)
                        case .nullTest(let value, _): visitOuter(value)
                        case .function(let call): call.arguments.forEach(visitOuter)
                        default: break
                        }
                    }
                default: break
                }
            }
        }
        var key = explicitSource ? table.name.description : ""
        for name in columns.sorted() {
            if let column = table.column(name) {
                key += "|\(name):\(column.type.name):\(column.notNull)"
            } else {
                key += "|\(name):?"
            }
        }
        return key
    }

    /// Runs the schema-free checks; false when an error was found.
    func lowerWithoutTable() -> Bool {
        var ok = true
        for clause in syntax.using + (syntax.check ?? []) {
            if lower(clause, scope: Scope(table: nil, depth: 0), isCheck: false) == nil { ok = false }
        }
        return ok
    }

    /// USING and WITH CHECK in normal form on `table`; `nil` when the policy has errors there.
    func lowerAndNormalize(on table: TableModel) -> (using: NormalizedPolicy, check: NormalizedPolicy)? {
        let scope = Scope(table: table, depth: 0)
        var using: [Clause] = []
        var failed = false
        for clause in syntax.using {
            if let lowered = lower(clause, scope: scope, isCheck: false) { using.append(lowered) } else { failed = true }
        }
        var check: [Clause]?
        if let checkSyntax = syntax.check {
            var clauses: [Clause] = []
            for clause in checkSyntax {
                if let lowered = lower(clause, scope: scope, isCheck: true) { clauses.append(lowered) } else { failed = true }
            }
            check = clauses
        }
        if failed { return nil }
        let schema = checker.schema
        let config = checker.config
        let normalizer = Normalizer(
            isNotNull: { target, column in
                let model = target.flatMap { schema.table($0) } ?? table
                return model.column(column)?.notNull ?? false
            },
            hasCanonicalLiterals: { target, operand in
                switch operand {
                case .column(let column):
                    let model = target.flatMap { schema.table($0) } ?? table
                    return model.column(column)?.type.family.hasCanonicalLiterals ?? true
                case .session(let key):
                    return config.sessionKey(key)?.type.family.hasCanonicalLiterals ?? true
                case .function(let name, _):
                    return config.function(name)?.returns.family.hasCanonicalLiterals ?? true
                case .outer:
                    // The enclosing row's table is not known here: rules 3 and 6 leave it alone.
                    return false
                case .now:
                    return SQLType.timestamptz.family.hasCanonicalLiterals
                case .literal, .list:
                    return true
                }
            },
            isVolatile: { operand in config.callsVolatileFunction(operand) })
        let normalizedUsing = normalizer.normalize(using)
        let normalizedCheck = check.map { normalizer.normalize($0) } ?? normalizedUsing
        report(normalizedUsing, on: table, side: "USING")
        if check != nil { report(normalizedCheck, on: table, side: "WITH CHECK") }
        return (normalizedUsing, normalizedCheck)
    }

    /// Reports what the normal form dropped as contradictory. A clause with a `false` atom was
    /// written to admit nothing (`CLAUSE false`), so neither it nor a policy of such clauses is
    /// reported (`semantic.constant-in-conjunction` already warns when `false` is not alone).
    private func report(_ normalized: NormalizedPolicy, on table: TableModel, side: String) {
        let name = policy.name
        let contradictory = normalized.contradictory.filter { !$0.atoms.contains(.constant(false)) }
        if normalized.isUnsatisfiable, !contradictory.isEmpty {
            checker.sink.add(
                .semanticUnsatisfiablePolicy,
                location: FileLocation(file: file, range: policy.nameRange), table: table.name, detail: side,
                render: { tables in
                    "policy '\(name)' can never be true (\(side)): every clause is contradictory on \(DiagnosticSink.list(tables))"
                })
            return
        }
        guard !normalized.isUnsatisfiable else { return }
        for clause in contradictory {
            guard let origin = clause.origin else { continue }
            checker.sink.add(
                .semanticContradictoryClause, location: origin.location, table: table.name,
                detail: side,
                render: { tables in
                    "this clause can never be true on \(DiagnosticSink.list(tables)) (its atoms contradict each other); it changes nothing"
                })
        }
    }

    // MARK: - Clauses and atoms

    private func lower(_ clause: ClauseSyntax, scope: Scope, isCheck: Bool) -> Clause? {
        var atoms: [Atom] = []
        var failed = false
        if clause.atoms.count > 1 {
            for atom in clause.atoms {
                guard case .constant(let value) = atom.kind else { continue }
                let effect = value ? "changes nothing in a conjunction" : "makes this whole clause admit no row"
                let alone = value ? "remove it" : "write the clause as 'false' alone or remove it"
                error(.semanticConstantInConjunction, "'\(value ? "true" : "false")' joined with AND \(effect); \(alone)", atom.range)
            }
        }
        for atomSyntax in clause.atoms {
            if let atom = lower(atomSyntax, scope: scope) { atoms.append(atom) } else { failed = true }
        }
        if failed { return nil }
        let origin = ClauseOrigin(policy: policy.name, location: location(clause.range), isCheck: isCheck)
        return Clause(atoms: atoms, origin: scope.depth == 0 ? origin : nil)
    }

    private func lower(_ atom: AtomSyntax, scope: Scope) -> Atom? {
        switch atom.kind {
        case .missing:
            return nil
        case .raw(let sql):
            // Compiled text goes into `CREATE POLICY … USING (…)` as written: text that is not one
            // expression could close the policy early and run statements of its own in `apply`.
            if let problem = SQLExpressionShape.problem(in: sql.value) {
                error(.semanticRawNotAnExpression, "raw() must hold one SQL expression, but \(problem)", sql.range)
                return nil
            }
            return .raw(RawSQL(text: sql.value, location: location(atom.range)))
        case .constant(let value):
            return .constant(value)
        case .function(let call):
            guard let (operand, returns) = lowerCall(call, scope: scope), case .function(let name, let arguments) = operand else {
                return nil
            }
            if let returns, returns.family != .boolean {
                error(
                    .semanticFunctionNotBoolean, "fn(\(call.name.identifier)) returns \(returns.name); an atom needs a boolean function",
                    call.range)
                return nil
            }
            return .predicate(name, arguments)
        case .nullTest(let value, let isNull):
            guard let typed = lowerValue(value, scope: scope) else { return nil }
            if case .list = typed.operand {
                error(.semanticUnexpectedList, "a list is only allowed after IN or NOT IN", value.range)
                return nil
            }
            return isNull ? .isNull(typed.operand) : .isNotNull(typed.operand)
        case .comparison(let lhs, let op, let rhs):
            return lowerComparison(lhs, op, rhs, atom: atom, scope: scope)
        case .exists(let relation, let inner):
            return lowerTraversal(relation, inner, atom: atom, scope: scope)
        }
    }

    private func lowerComparison(
        _ lhsSyntax: ValueSyntax, _ op: ComparisonOperator, _ rhsSyntax: ValueSyntax,
        atom: AtomSyntax, scope: Scope
    ) -> Atom? {
        let left = lowerValue(lhsSyntax, scope: scope)
        let right = lowerValue(rhsSyntax, scope: scope)
        guard var lhs = left, var rhs = right else { return nil }
        if case .list = lhs.operand {
            error(.semanticUnexpectedList, "a list is only allowed on the right of IN or NOT IN", lhsSyntax.range)
            return nil
        }
        let isMembership = op == .in || op == .notIn
        if isMembership {
            guard case .list(let items) = rhs.operand else {
                error(.semanticInNeedsList, "\(op.rawValue) needs a list on its right, like lit(['a', 'b'])", rhsSyntax.range)
                return nil
            }
            if op == .notIn, items.contains(.null) {
                error(.semanticNullInList, "NOT IN with null in the list is never true; remove null", rhsSyntax.range)
                return nil
            }
            if op == .in, items.contains(.null) {
                report(.semanticNullInList, .nullInList, "null in an IN list never matches; use IS NULL", rhsSyntax.range)
            }
        } else if case .list = rhs.operand {
            error(.semanticUnexpectedList, "a list is only allowed after IN or NOT IN", rhsSyntax.range)
            return nil
        }
        if !isMembership, lhs.operand == .literal(.null) || rhs.operand == .literal(.null) {
            let fix = op == .equal ? "use IS NULL" : op == .notEqual ? "use IS NOT NULL" : "compare with a value"
            error(
                .semanticNullComparison, "comparison with null is never true; \(fix)", atom.range,
                fixIts: nullFix(lhsSyntax, op, rhsSyntax, atom: atom))
            return nil
        }
        if op == .like || op == .notLike {
            guard checkLikeOperand(lhs, scope: scope), checkLikeOperand(rhs, scope: scope) else { return nil }
        }
        // Session keys without a declared type take the type of what they are compared with.
        inferSession(lhs, from: rhs.type)
        inferSession(rhs, from: lhs.type)
        if let leftType = lhs.type, let rightType = rhs.type {
            guard compatible(leftType, rightType, lhs: lhs, rhs: rhs, op: op, atom: atom, scope: scope) else { return nil }
        }
        if let rightType = rhs.type ?? sessionTypeHint(rhs) {
            guard coerce(&lhs, to: rightType, against: rhs, scope: scope) else { return nil }
        }
        if let leftType = lhs.type ?? sessionTypeHint(lhs) {
            guard coerce(&rhs, to: leftType, against: lhs, scope: scope) else { return nil }
        }
        if lhs.type?.family == .json && rhs.type?.family == .json, lhs.type?.name == "json" || rhs.type?.name == "json" {
            error(.semanticTypeMismatch, "values of type json cannot be compared (use jsonb)", atom.range)
            return nil
        }
        return .compare(lhs.operand, op, rhs.operand)
    }

    private func sessionTypeHint(_ typed: Typed) -> SQLType? {
        if case .session(let key) = typed.operand { return checker.config.sessionKey(key)?.type }
        return nil
    }

    private func nullFix(_ lhs: ValueSyntax, _ op: ComparisonOperator, _ rhs: ValueSyntax, atom: AtomSyntax) -> [FixIt] {
        guard op == .equal || op == .notEqual else { return [] }
        let other: ValueSyntax
        if case .literal(let literal) = rhs.kind, literal.kind == .null { other = lhs } else { other = rhs }
        let text = Formatter.value(other) + (op == .equal ? " IS NULL" : " IS NOT NULL")
        return [
            FixIt(
                title: op == .equal ? "use IS NULL" : "use IS NOT NULL", file: file,
                edits: [TextEdit(range: atom.range, newText: text)])
        ]
    }

    private func checkLikeOperand(_ typed: Typed, scope: Scope) -> Bool {
        if case .literal(let value) = typed.operand {
            if case .string(let pattern) = value {
                var escaped = false
                for scalar in pattern.unicodeScalars { escaped = !escaped && scalar == "\\" }
                if escaped {
                    error(
                        .semanticInvalidLikePattern,
                        "a LIKE pattern must not end with the escape character '\\'; write '\\\\' for a backslash",
                        typed.syntax.range)
                    return false
                }
                return true
            }
            error(.semanticLikeNeedsText, "LIKE compares text; \(typed.operand) is not a string", typed.syntax.range)
            return false
        }
        if let type = typed.type, type.family != .text {
            let on = scope.table.map { " on \($0.name)" } ?? ""
            error(.semanticLikeNeedsText, "LIKE compares text; \(typed.operand) is \(type.name)\(on)", typed.syntax.range)
            return false
        }
        return true
    }

    private func inferSession(_ typed: Typed, from type: SQLType?) {
        guard case .session(let key) = typed.operand, checker.config.sessionKey(key) == nil, let type else { return }
        checker.inferredSessionTypes[key, default: []].append((type, location(typed.syntax.range)))
    }

    private func compatible(
        _ left: SQLType, _ right: SQLType, lhs: Typed, rhs: Typed, op: ComparisonOperator,
        atom: AtomSyntax, scope: Scope
    ) -> Bool {
        // Untyped string literals adapt to the other side; typed values must be comparable.
        if case .literal(.string) = lhs.operand { return true }
        if case .literal(.string) = rhs.operand { return true }
        if case .list = rhs.operand, rhs.type == nil { return true }
        if left.family.isComparable(with: right.family) {
            if left.family == .other && left.name != right.name {} else { return true }
        }
        let on = scope.table.map { " on \($0.name)" } ?? ""
        error(.semanticTypeMismatch, "type mismatch: \(lhs.operand) is \(left.name) but \(rhs.operand) is \(right.name)\(on)", atom.range)
        return false
    }

    /// Gives a literal (or list) the type of the value it is compared with, checking its form.
    private func coerce(_ typed: inout Typed, to type: SQLType, against other: Typed, scope: Scope) -> Bool {
        switch typed.operand {
        case .literal(let value):
            guard let converted = convert(value, to: type, typed: typed, other: other, scope: scope) else { return false }
            typed.operand = .literal(converted)
            typed.type = type
        case .list(let values):
            var converted: [LiteralValue] = []
            for value in values {
                guard let item = convert(value, to: type, typed: typed, other: other, scope: scope) else { return false }
                converted.append(item)
            }
            typed.operand = .list(converted)
            typed.type = type
        default:
            break
        }
        return true
    }

    private func convert(_ value: LiteralValue, to type: SQLType, typed: Typed, other: Typed, scope: Scope) -> LiteralValue? {
        if value == .null { return value }
        let on = scope.table.map { " on \($0.name)" } ?? ""
        func mismatch(_ what: String) -> LiteralValue? {
            error(
                .semanticTypeMismatch,
                "type mismatch: \(other.operand) is \(type.name)\(on) but \(LiteralDescription.of(value)) is \(what)", typed.syntax.range)
            return nil
        }
        func invalid(_ expected: String) -> LiteralValue? {
            error(
                .semanticInvalidLiteral, "\(value) is not a valid \(expected) (\(other.operand) is \(type.name)\(on))", typed.syntax.range)
            return nil
        }
        switch type.family {
        case .integer, .numeric:
            switch value {
            case .int: return value
            case .string(let text):
                guard let number = Int(text.strippingWhitespace) else { return invalid(type.family == .integer ? "integer" : "number") }
                return .int(number)
            case .bool: return mismatch("a boolean")
            case .null: return value
            }
        case .boolean:
            switch value {
            case .bool: return value
            case .string(let text):
                guard let flag = LiteralDescription.boolean(text) else { return invalid("boolean") }
                return .bool(flag)
            case .int: return mismatch("an integer")
            case .null: return value
            }
        case .uuid:
            switch value {
            case .string(let text):
                guard let uuid = LiteralDescription.uuid(text) else { return invalid("uuid") }
                return .string(uuid)
            case .int: return mismatch("an integer")
            case .bool: return mismatch("a boolean")
            case .null: return value
            }
        case .date, .timestamp:
            switch value {
            case .string(let text):
                if let sign = TemporalLiteral.infinitySign(text) { return .string(sign > 0 ? "infinity" : "-infinity") }
                do {
                    let canonical =
                        type.family == .date
                        ? try TemporalLiteral.date(text).canonical
                        : try TemporalLiteral.timestamp(text, withTimeZone: checker.schema.castType(type).name == "timestamptz").canonical
                    return .string(canonical)
                } catch let invalidLiteral as TemporalLiteral.Invalid {
                    error(
                        .semanticInvalidLiteral,
                        "\(value) is not a valid \(type.name) (\(other.operand) is \(type.name)\(on)): \(invalidLiteral.message)",
                        typed.syntax.range)
                    return nil
                } catch {
                    return invalid(type.name)
                }
            case .int: return mismatch("an integer")
            case .bool: return mismatch("a boolean")
            case .null: return value
            }
        case .text, .time, .array, .other, .json:
            switch value {
            case .string(let text):
                // An enum's labels, when the schema lists them: PostgreSQL rejects any other text.
                if let enumeration = checker.schema.userType(type.name), enumeration.kind == .enumeration,
                    !enumeration.labels.isEmpty, !enumeration.labels.contains(text)
                {
                    let suggestion = Suggestions.closest(to: text, among: enumeration.labels)
                    let labels = enumeration.labels.map { "'\($0)'" }.joined(separator: ", ")
                    error(
                        .semanticInvalidLiteral,
                        "\(value) is not a label of enum \(type.name) (\(other.operand) is \(type.name)\(on)); "
                            + (suggestion.map { "did you mean '\($0)'?" } ?? "expected one of \(labels)"),
                        typed.syntax.range,
                        fixIts: suggestion.map {
                            [
                                FixIt(
                                    title: "replace with '\($0)'", file: file,
                                    edits: [TextEdit(range: typed.syntax.range, newText: "'" + $0.doublingQuotes("'") + "'")])
                            ]
                        } ?? [])
                    return nil
                }
                return value
            case .int: return mismatch("an integer")
            case .bool: return mismatch("a boolean")
            case .null: return value
            }
        }
    }

    // MARK: - Values

    private func lowerValue(_ value: ValueSyntax, scope: Scope) -> Typed? {
        switch value.kind {
        case .missing:
            return nil
        case .column(let name):
            return lowerColumn(name, of: scope.table, value: value, operand: Operand.column)
        case .outer(let name):
            return lowerOuter(name, value: value, scope: scope)
        case .session(let key):
            // Its entry in pgpe.yaml has an error, reported there once.
            if checker.config.sessionKey(key.value) == nil, checker.config.unusableDeclarations.sessionKeys[key.value] != nil {
                return nil
            }
            checkSessionKey(key)
            return Typed(operand: .session(key.value), type: checker.config.sessionKey(key.value)?.type, syntax: value)
        case .literal(let literal):
            if case .list(let elements) = literal.kind {
                var values: [LiteralValue] = []
                var elementType: SQLType?
                for element in elements {
                    guard let converted = scalar(element) else { return nil }
                    if case .int = converted { elementType = .integer }
                    if case .bool = converted { elementType = .boolean }
                    values.append(converted)
                }
                let kinds = Set(values.filter { $0 != .null }.map { LiteralDescription.kind($0) })
                if kinds.count > 1 {
                    error(.semanticMixedList, "a list must hold values of one kind", literal.range)
                    return nil
                }
                return Typed(operand: .list(values), type: elementType, syntax: value)
            }
            guard let converted = scalar(literal) else { return nil }
            let type: SQLType?
            switch converted {
            case .int: type = .integer
            case .bool: type = .boolean
            default: type = nil
            }
            return Typed(operand: .literal(converted), type: type, syntax: value)
        case .function(let call):
            guard let (operand, returns) = lowerCall(call, scope: scope) else { return nil }
            return Typed(operand: operand, type: returns, syntax: value)
        case .now:
            return Typed(operand: .now, type: .timestamptz, syntax: value)
        }
    }

    /// `outer(c)`: column `c` of the row the enclosing traversal starts from. Only inside an
    /// `exists()` block; in a nested one it is the immediately enclosing row (the outer
    /// traversal's target), not the governed row.
    private func lowerOuter(_ name: NameSyntax, value: ValueSyntax, scope: Scope) -> Typed? {
        guard scope.depth > 0 else {
            error(
                .semanticOuterOutsideExists,
                "outer(\(Operand.name(name.identifier))) is only allowed inside an exists() block; use col(\(Operand.name(name.identifier))) for a column of this row",
                value.range,
                fixIts: [
                    FixIt(
                        title: "replace with col(...)", file: file,
                        edits: [TextEdit(range: value.keywordRange, newText: "col")])
                ])
            return nil
        }
        return lowerColumn(name, of: scope.outer, value: value, operand: Operand.outer)
    }

    /// Column `name` of `table` as the operand `operand` makes of its name (`col` or `outer`);
    /// untyped when the table is unknown, `nil` (reported) when the table has no such column.
    private func lowerColumn(_ name: NameSyntax, of table: TableModel?, value: ValueSyntax, operand: (String) -> Operand)
        -> Typed?
    {
        guard let table else { return Typed(operand: operand(name.identifier), type: nil, syntax: value) }
        guard let column = table.column(name.identifier) else {
            reportUnknownColumn(name, on: table)
            return nil
        }
        return Typed(operand: operand(column.name), type: column.type, syntax: value)
    }

    private func scalar(_ literal: LiteralSyntax) -> LiteralValue? {
        switch literal.kind {
        case .string(let text): return .string(text)
        case .integer(let number): return .int(number)
        case .boolean(let flag): return .bool(flag)
        case .null: return .null
        case .list:
            error(.semanticNestedList, "lists cannot be nested", literal.range)
            return nil
        case .missing: return nil
        }
    }

    /// Whether PostgreSQL accepts `key` as the name of a custom setting: dotted identifiers.
    static func isValidSettingName(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
    }

    private func checkSessionKey(_ key: StringSyntax) {
        // A value read by its own SQL (`sql:`, a profile's, `current_user`) is no setting.
        let readBySQL = checker.config.sessionKey(key.value).map { !$0.isSetting } ?? false
        if !key.value.isEmpty, !readBySQL, !PolicyLowerer.isValidSettingName(key.value) {
            checker.sink.add(
                Diagnostic(
                    .semanticInvalidSessionKey,
                    message:
                        "'\(key.value)' cannot be set as a session setting: PostgreSQL wants dotted identifiers like 'app.tenant_id', so this value is never set",
                    location: location(key.range)))
        }
        let declared = checker.config.sessionKeys.map(\.key)
        guard !declared.isEmpty, !declared.contains(key.value), checker.config.sessionKey(key.value) == nil else {
            if key.value.isEmpty { error(.semanticEmptySessionKey, "a session key cannot be empty", key.range) }
            return
        }
        let suggestion = Suggestions.closest(to: key.value, among: declared)
        checker.sink.add(
            Diagnostic(
                .semanticUnknownSessionKey,
                message: "session key '\(key.value)' is not declared under 'session:' in pgpe.yaml"
                    + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                location: location(key.range),
                fixIts: suggestion.map {
                    [
                        FixIt(
                            title: "replace with '\($0)'", file: file,
                            edits: [TextEdit(range: key.range, newText: "'" + $0.doublingQuotes("'") + "'")])
                    ]
                } ?? []))
    }

    private func lowerCall(_ call: FunctionCallSyntax, scope: Scope) -> (Operand, SQLType?)? {
        let name = call.name.identifier
        var arguments: [Typed] = []
        var failed = false
        for argument in call.arguments {
            if let typed = lowerValue(argument, scope: scope) { arguments.append(typed) } else { failed = true }
        }
        guard let declaration = checker.config.function(name) else {
            // Its entry in pgpe.yaml has an error, reported there once.
            if checker.config.unusableDeclarations.functions[name] != nil { return nil }
            let known = checker.config.functions.map(\.name)
            let suggestion = Suggestions.closest(to: name, among: known)
            let hint =
                suggestion.map { "; did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; declare it under 'functions:' in pgpe.yaml" : "; declared: \(known.joined(separator: ", "))")
            error(
                .semanticUnknownFunction, "unknown function '\(name)'\(hint)", call.name.range,
                fixIts: suggestion.map { [Checker.replace(call.name, with: $0, file: file)] } ?? [])
            return nil
        }
        if failed { return nil }
        guard (declaration.requiredArgumentCount...declaration.arguments.count).contains(arguments.count) else {
            let defaulted = declaration.arguments.count - declaration.requiredArgumentCount
            let note =
                defaulted == 0
                ? "" : "; the last \(defaulted == 1 ? "one has a default" : "\(defaulted) have defaults") and may be left out"
            error(
                .semanticFunctionArity,
                "\(declaration.name) takes \(declaration.arityDescription) argument\(declaration.arguments.count == 1 ? "" : "s") (\(declaration.signature)), found \(arguments.count)\(note)",
                call.range)
            return nil
        }
        var operands: [Operand] = []
        for (index, var argument) in arguments.enumerated() {
            let expected = declaration.arguments[index]
            if case .list = argument.operand {
                error(.semanticUnexpectedList, "a list cannot be a function argument", argument.syntax.range)
                return nil
            }
            if case .session(let key) = argument.operand, checker.config.sessionKey(key) == nil {
                checker.inferredSessionTypes[key, default: []].append((expected, location(argument.syntax.range)))
            }
            if let type = argument.type, !type.family.isComparable(with: expected.family) {
                error(
                    .semanticTypeMismatch,
                    "argument \(index + 1) of \(declaration.name) is \(expected.name) but \(argument.operand) is \(type.name)",
                    argument.syntax.range)
                return nil
            }
            let placeholder = Typed(
                operand: .column("argument \(index + 1) of \(declaration.name)"), type: expected, syntax: argument.syntax)
            guard coerce(&argument, to: expected, against: placeholder, scope: scope) else { return nil }
            operands.append(argument.operand)
        }
        return (.function(declaration.name, operands), declaration.returns)
    }

    private func reportUnknownColumn(_ name: NameSyntax, on table: TableModel) {
        let columnName = name.identifier
        let suggestion = Suggestions.closest(to: columnName, among: table.columns.map(\.name))
        checker.sink.add(
            .semanticUnknownColumn, location: location(name.range), table: table.name,
            detail: columnName, fixIts: suggestion.map { [Checker.replace(name, with: $0, file: file)] } ?? [],
            render: { tables in
                "unknown column '\(columnName)' on \(DiagnosticSink.list(tables))" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
            })
    }

    // MARK: - Traversals

    private func lowerTraversal(_ relation: RelationSyntax, _ inner: ClauseSyntax, atom: AtomSyntax, scope: Scope) -> Atom? {
        let depth = scope.depth + 1
        if depth > checker.config.analysis.maxDepth {
            error(
                .semanticDepthExceeded, "traversal depth \(depth) exceeds analysis.max_depth (\(checker.config.analysis.maxDepth))",
                atom.operatorRange)
            return nil
        }
        guard checker.hasSchema else {
            let target = QualifiedName(schema: relation.target.schema?.identifier ?? "public", name: relation.target.name.identifier)
            guard let clause = lower(inner, scope: Scope(table: nil, depth: depth, outer: nil), isCheck: false) else { return nil }
            return .exists(
                Traversal(
                    sourceColumn: relation.sourceColumn.identifier, target: target,
                    targetColumn: relation.targetColumn.identifier, clause: clause))
        }
        guard let current = scope.table else { return nil }
        if let source = relation.source {
            let resolved = checker.schema.resolveTable(
                schema: source.schema?.identifier, name: source.name.identifier,
                searchPath: checker.config.schemas)
            if resolved?.name != current.name {
                let what = depth == 1 ? "the governed table" : "the enclosing traversal's target"
                checker.sink.add(
                    .semanticRelSource, location: location(source.range), table: current.name,
                    detail: source.name.identifier,
                    render: { tables in "rel's source must be '_' or \(what) (\(DiagnosticSink.list(tables)))" })
                return nil
            }
        }
        guard let target = resolveTable(relation.target) else { return nil }
        var failed = false
        guard let sourceColumn = current.column(relation.sourceColumn.identifier) else {
            reportUnknownColumn(relation.sourceColumn, on: current)
            return nil
        }
        guard let targetColumn = target.column(relation.targetColumn.identifier) else {
            reportUnknownColumn(relation.targetColumn, on: target)
            return nil
        }
        if !sourceColumn.type.family.isComparable(with: targetColumn.type.family) {
            error(
                .semanticTypeMismatch,
                "type mismatch: \(current.name).\(sourceColumn.name) is \(sourceColumn.type.name) but \(target.name).\(targetColumn.name) is \(targetColumn.type.name)",
                relation.range)
            failed = true
        }
        let forward = current.foreignKeys.contains {
            $0.referencedTable == target.name && $0.columns == [sourceColumn.name] && $0.referencedColumns == [targetColumn.name]
        }
        let backward = target.foreignKeys.contains {
            $0.referencedTable == current.name && $0.columns == [targetColumn.name] && $0.referencedColumns == [sourceColumn.name]
        }
        if !forward && !backward {
            let sourceName = sourceColumn.name
            let targetName = "\(target.name).\(targetColumn.name)"
            checker.sink.add(
                .semanticRelWithoutForeignKey, location: location(relation.range), table: current.name,
                detail: "\(sourceName)->\(targetName)",
                render: { tables in "no foreign key links \(DiagnosticSink.list(tables)).\(sourceName) and \(targetName)" })
        }
        guard let clause = lower(inner, scope: Scope(table: target, depth: depth, outer: current), isCheck: false), !failed else {
            return nil
        }
        return .exists(Traversal(sourceColumn: sourceColumn.name, target: target.name, targetColumn: targetColumn.name, clause: clause))
    }

    private func resolveTable(_ name: TableNameSyntax) -> TableModel? {
        let schemaName = name.schema?.identifier
        if let table = checker.schema.resolveTable(schema: schemaName, name: name.name.identifier, searchPath: checker.config.schemas) {
            return table
        }
        let candidates = checker.schema.tables.filter { schemaName == nil || $0.name.schema == schemaName }.map(\.name.name)
        let suggestion = Suggestions.closest(to: name.name.identifier, among: candidates)
        let shown = (schemaName.map { "\($0)." } ?? "") + name.name.identifier
        error(
            .semanticUnknownTable, "unknown table '\(shown)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), name.range,
            fixIts: suggestion.map { [Checker.replace(name.name, with: $0, file: file)] } ?? [])
        return nil
    }
}
