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
    private static func claimRead(_ sql: String) -> (path: [String], setting: String?)? {
        guard var tokens = claimTokens(sql) else { return nil }
        // `(X)::type` and `(X)` read what X reads (the cast applies to the claim's text).
        if tokens.count >= 4, tokens[tokens.count - 2] == .symbol("::"), case .word = tokens[tokens.count - 1] {
            tokens.removeLast(2)
        }
        if tokens.first == .symbol("("), tokens.last == .symbol(")") { tokens = Array(tokens.dropFirst().dropLast()) }
        if tokens.count == 6, tokens[0] == .word("current_setting"), tokens[1] == .symbol("("), tokens[3] == .symbol(","),
            tokens[4] == .word("true"), tokens[5] == .symbol(")"), case .string(let name) = tokens[2],
            name.hasPrefix(claimSettingPrefix), name.count > claimSettingPrefix.count
        {
            return ([String(name.dropFirst(claimSettingPrefix.count))], name)
        }
        guard tokens.count >= 5, tokens[0] == .word("auth.jwt"), tokens[1] == .symbol("("), tokens[2] == .symbol(")") else {
            return nil
        }
        var path: [String] = []
        var index = 3
        while index + 1 < tokens.count {
            guard case .string(let key) = tokens[index + 1] else { return nil }
            let last = index + 2 == tokens.count
            guard tokens[index] == .symbol(last ? "->>" : "->") else { return nil }
            path.append(key)
            index += 2
        }
        return index == tokens.count && !path.isEmpty ? (path, nil) : nil
    }

    /// The tokens of `sql`, or `nil` when it holds anything `jwtClaimPath(forSQL:)` does not read.
    private static func claimTokens(_ sql: String) -> [JWTClaimToken]? {
        let scalars = Array(sql.unicodeScalars)
        var tokens: [JWTClaimToken] = []
        var index = 0
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar == "." || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == "'" {
                var text = ""
                index += 1
                while true {
                    guard index < scalars.count else { return nil }
                    if scalars[index] == "'" {
                        if index + 1 < scalars.count, scalars[index + 1] == "'" {
                            text.unicodeScalars.append("'")
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(.string(text))
            } else if isWordScalar(scalar) {
                var word = ""
                while index < scalars.count, isWordScalar(scalars[index]) {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(.word(word.lowercased()))
            } else {
                let rest = String(String.UnicodeScalarView(scalars[index...].prefix(3)))
                guard let symbol = ["->>", "->", "::", "(", ")", ","].first(where: { rest.hasPrefix($0) }) else { return nil }
                tokens.append(.symbol(symbol))
                index += symbol.unicodeScalars.count
            }
        }
        return tokens
    }
}
