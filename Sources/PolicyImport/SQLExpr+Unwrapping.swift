import SQLExpression

extension SQLExpr {
    /// The expression under any parentheses the text wrote.
    var strippingParentheses: SQLExpr {
        var current = self
        while case .parenthesized(let inner) = current.kind { current = inner }
        return current
    }

    /// The expression of a trivial sub-select `(SELECT x [AS a])` (no FROM, WHERE or other
    /// clause: the value itself, read once per query), under parentheses; nil otherwise.
    var trivialSubSelect: SQLExpr? {
        guard case .subquery(let select) = strippingParentheses.kind, select.targets.count == 1, select.from.isEmpty,
            select.whereCondition == nil, select.trailing.isEmpty, !select.distinct
        else { return nil }
        return select.targets[0].expression
    }

    /// The name of a call without `pg_catalog.` (and without `public.` when `dropPublic`).
    func callName(dropPublic: Bool = false) -> [String]? {
        guard case .call(let name, _, _) = kind else { return nil }
        let parts = name.map(\.name)
        if parts.count == 2, parts[0] == "pg_catalog" || (dropPublic && parts[0] == "public") { return [parts[1]] }
        return parts
    }

    /// The value of a string constant under parentheses and casts (`'x'::text`).
    var stringConstant: String? {
        switch kind {
        case .parenthesized(let inner), .cast(let inner, _, _): return inner.stringConstant
        case .string(let value): return value
        default: return nil
        }
    }

    /// `k` when the expression is `current_setting('k')`, `current_setting('k', true)`, either
    /// under `NULLIF(…, '')`, casts, parentheses and trivial sub-selects.
    var currentSettingKey: String? { currentSettingReading?.key }

    /// Whether this `current_setting` reading (`currentSettingKey` is not nil) passes an empty
    /// setting on as a value: no `NULLIF(…, '')` and no cast to a type that rejects `''` (uuid,
    /// numbers, booleans, dates and times, json, network types, arrays). Such a reading is not the
    /// language's session value, which is NULL when the setting is empty: compared with a text
    /// column it admits the rows whose column is `''` (SPEC 11.6 lifts only what means the same;
    /// an error, as `''::uuid` raises, refuses the whole statement, which admits no more rows than
    /// NULL does).
    var currentSettingKeepsEmpty: Bool { currentSettingReading?.keepsEmpty ?? false }

    /// The key of a `current_setting` reading and whether an empty setting comes out as `''`,
    /// walking parentheses, trivial sub-selects, casts and `NULLIF(…, '')` from the outside in.
    private var currentSettingReading: (key: String, keepsEmpty: Bool)? {
        var current = strippingParentheses
        var keepsEmpty = true
        while true {
            if let inner = current.trivialSubSelect {
                current = inner.strippingParentheses
                continue
            }
            switch current.kind {
            case .cast(let inner, let type, _):
                if type.arrayDepth > 0 || Self.rejectsEmptyText(type) { keepsEmpty = false }
                current = inner.strippingParentheses
            case .call(_, let arguments, true) where current.callName() == ["nullif"] && arguments.count == 2:
                guard arguments[1].value.stringConstant == "" else { return nil }
                keepsEmpty = false
                current = arguments[0].value.strippingParentheses
            case .call(_, let arguments, false) where current.callName() == ["current_setting"]:
                guard (1...2).contains(arguments.count), arguments.allSatisfy({ $0.name == nil }),
                    let key = arguments[0].value.stringConstant
                else { return nil }
                if arguments.count == 2 {
                    guard case .boolean(true) = arguments[1].value.strippingParentheses.kind else { return nil }
                }
                return (key, keepsEmpty)
            default:
                return nil
            }
        }
    }

    /// Built-in types whose input function rejects the empty string.
    private static func rejectsEmptyText(_ type: SQLTypeName) -> Bool {
        guard type.schema == nil || type.schema?.name == "pg_catalog" else { return false }
        return emptyRejectingTypes.contains(type.name.name)
    }

    private static let emptyRejectingTypes: Set<String> = [
        "uuid", "smallint", "integer", "bigint", "int2", "int4", "int8", "int", "numeric", "decimal", "real", "double precision",
        "float4", "float8", "boolean", "bool", "date", "timestamp", "timestamp without time zone", "timestamp with time zone",
        "timestamptz", "time", "time without time zone", "time with time zone", "timetz", "interval", "json", "jsonb", "inet",
        "cidr", "macaddr", "macaddr8", "oid", "regclass", "regrole", "money",
    ]
}
