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
    var currentSettingKey: String? {
        var current = strippingParentheses
        while true {
            if let inner = current.trivialSubSelect {
                current = inner.strippingParentheses
                continue
            }
            switch current.kind {
            case .cast(let inner, _, _):
                current = inner.strippingParentheses
                continue
            case .call(_, let arguments, true) where current.callName() == ["nullif"] && arguments.count == 2:
                guard arguments[1].value.stringConstant == "" else { return nil }
                current = arguments[0].value.strippingParentheses
                continue
            case .call(_, let arguments, false) where current.callName() == ["current_setting"]:
                guard (1...2).contains(arguments.count), arguments.allSatisfy({ $0.name == nil }),
                    let key = arguments[0].value.stringConstant
                else { return nil }
                if arguments.count == 2 {
                    guard case .boolean(true) = arguments[1].value.strippingParentheses.kind else { return nil }
                }
                return key
            default:
                return nil
            }
        }
    }
}
