import SQLExpression

extension SessionProfile {
    /// The prefix of the settings older PostgREST versions set per JWT claim
    /// (`request.jwt.claim.<claim>`).
    public static let claimSettingPrefix = "request.jwt.claim."

    /// The path into the JWT claims object that `sql` reads as text: `["k"]` for
    /// `auth.jwt() ->> 'k'` (also cast, `(auth.jwt() ->> 'k')::uuid`), `["a", "k"]` for
    /// `auth.jwt() -> 'a' ->> 'k'`, and `["k"]` for `current_setting('request.jwt.claim.k', true)`
    /// (the claim as older PostgREST versions set it); `nil` for any other SQL.
    public static func jwtClaimPath(forSQL sql: String) -> [String]? {
        claimRead(sql)?.path
    }

    /// The setting `sql` reads its claim from (`request.jwt.claim.k` for
    /// `current_setting('request.jwt.claim.k', true)`); `nil` when it reads `auth.jwt()` or no claim.
    public static func claimSetting(forSQL sql: String) -> String? {
        claimRead(sql)?.setting
    }

    /// The claim path `sql` reads and, for the older PostgREST form, the setting it reads it from.
    /// `sql` is read by the SQL expression reader; anything it cannot read cleanly reads no claim.
    private static func claimRead(_ sql: String) -> (path: [String], setting: String?)? {
        let parsed = SQLExpressionParser.parse(text: sql)
        guard parsed.diagnostics.isEmpty else { return nil }
        var expression = parsed.expression
        // `(X)::type` and `(X)` read what X reads (the cast applies to the claim's text).
        if case .cast(let inner, _, _) = expression.kind { expression = inner }
        if case .parenthesized(let inner) = expression.kind { expression = inner }
        if case .call(let name, let arguments, _) = expression.kind, plainName(name) == ["current_setting"],
            arguments.count == 2, arguments.allSatisfy({ $0.name == nil }),
            case .string(let setting) = arguments[0].value.kind, case .boolean(true) = arguments[1].value.kind,
            setting.hasPrefix(claimSettingPrefix), setting.count > claimSettingPrefix.count
        {
            return ([String(setting.dropFirst(claimSettingPrefix.count))], setting)
        }
        // `auth.jwt() -> 'a' -> … ->> 'k'`: `->>` last, `->` before it, each key a string.
        guard case .binary("->>", var object, let last) = expression.kind, case .string(let key) = last.kind else { return nil }
        var path = [key]
        while case .binary("->", let inner, let step) = object.kind {
            guard case .string(let key) = step.kind else { return nil }
            path.insert(key, at: 0)
            object = inner
        }
        guard case .call(let name, let arguments, _) = object.kind, plainName(name) == ["auth", "jwt"], arguments.isEmpty else {
            return nil
        }
        return (path, nil)
    }

    /// The parts of a function name written without double quotes; `nil` when any is quoted.
    private static func plainName(_ name: [SQLIdentifier]) -> [String]? {
        name.allSatisfy { !$0.quoted } ? name.map(\.name) : nil
    }
}
