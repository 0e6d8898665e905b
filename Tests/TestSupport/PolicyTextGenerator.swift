import PolicyWorkloads

/// Generates random, syntactically valid `.policy` text over a vocabulary, with random layout
/// (keyword case, name quoting, whitespace, comments), for property and robustness tests.
public struct PolicyTextGenerator {
    /// What generated policies may refer to.
    public struct Vocabulary: Sendable {
        /// Column names with a type family: "int", "text", "bool", "uuid".
        public var columns: [(name: String, family: String)]
        /// Session keys with a type family.
        public var sessionKeys: [(key: String, family: String)]
        /// Traversals: (source column, target table, target column, target columns).
        public var relations:
            [(sourceColumn: String, target: String, targetColumn: String, targetColumns: [(name: String, family: String)])]
        /// Boolean functions with their argument families.
        public var functions: [(name: String, args: [String])]
        /// Roles for `TO`.
        public var roles: [String]
        /// Text literals (without line breaks: a string ends at the end of its line).
        public var texts: [String] = ["a", "b", "it's", "ü日", ""]

        /// Creates a vocabulary.
        public init(
            columns: [(name: String, family: String)],
            sessionKeys: [(key: String, family: String)],
            relations: [(sourceColumn: String, target: String, targetColumn: String, targetColumns: [(name: String, family: String)])] = [],
            functions: [(name: String, args: [String])] = [],
            roles: [String] = []
        ) {
            self.columns = columns
            self.sessionKeys = sessionKeys
            self.relations = relations
            self.functions = functions
            self.roles = roles
        }

        /// A small vocabulary for syntax-level tests.
        public static let basic = Vocabulary(
            columns: [
                ("tenant_id", "uuid"), ("owner_id", "uuid"), ("age", "int"), ("status", "text"),
                ("is_deleted", "bool"), ("name", "text"), ("Mixed Case", "text"),
            ],
            sessionKeys: [("app.tenant_id", "uuid"), ("app.user_id", "uuid"), ("app.level", "int")],
            relations: [("project_id", "projects", "id", [("tenant_id", "uuid"), ("is_deleted", "bool"), ("level", "int")])],
            functions: [("is_member", ["uuid", "uuid"])],
            roles: ["app_user", "admin", "Reporting Role"]
        )

        /// `basic` with names and texts made of quotes fused with combining marks and prepend
        /// characters (see `HostileText`): a column, a session key, roles and text literals.
        public static func hostile(using rng: inout SeededGenerator) -> Vocabulary {
            var vocabulary = basic
            let column = "c" + HostileText.string(using: &rng, maxPieces: 4, lineBreaks: false)
            vocabulary.columns.append((column, "text"))
            vocabulary.sessionKeys.append(("app.k" + HostileText.string(using: &rng, maxPieces: 4, lineBreaks: false), "text"))
            vocabulary.roles += (0..<2).map { _ in "r" + HostileText.string(using: &rng, maxPieces: 4, lineBreaks: false) }
            vocabulary.texts += (0..<4).map { _ in HostileText.string(using: &rng, maxPieces: 6, lineBreaks: false) }
            return vocabulary
        }
    }

    /// Layout randomness: off gives canonical-looking text.
    public var randomLayout: Bool
    /// Whether `raw()` atoms may appear.
    public var allowRaw: Bool
    /// The vocabulary.
    public var vocabulary: Vocabulary

    /// Creates a generator.
    public init(vocabulary: Vocabulary = .basic, randomLayout: Bool = true, allowRaw: Bool = true) {
        self.vocabulary = vocabulary
        self.randomLayout = randomLayout
        self.allowRaw = allowRaw
    }

    /// A file of `count` items named with `prefix` so names never collide across files.
    public func file(items count: Int, prefix: String = "p", using rng: inout SeededGenerator) -> String {
        var parts: [String] = []
        for index in 0..<count {
            if rng.chance(0.15) {
                parts.append(grant(using: &rng))
            } else if rng.chance(0.08) {
                parts.append(govern(using: &rng))
            } else {
                parts.append(policy(name: "\(prefix)\(index)", using: &rng))
            }
        }
        return parts.joined(separator: randomLayout && rng.chance(0.3) ? "\n" : "\n\n") + "\n"
    }

    private func kw(_ word: String, _ rng: inout SeededGenerator) -> String {
        guard randomLayout else { return word }
        switch rng.int(0...5) {
        case 0: return word.lowercased()
        case 1: return word.prefix(1).uppercased() + word.dropFirst().lowercased()
        default: return word
        }
    }

    private func space(_ rng: inout SeededGenerator) -> String {
        guard randomLayout else { return " " }
        switch rng.int(0...12) {
        case 0: return "\n    "
        case 1: return "  "
        case 2: return " /* c */ "
        case 3: return " -- note\n  "
        case 4: return " // note\n"
        case 5: return "\r\n  "
        default: return " "
        }
    }

    private func name(_ text: String, _ rng: inout SeededGenerator) -> String {
        let isBareable =
            text.first.map { $0.isLetter || $0 == "_" } == true
            && text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
            && text == text.lowercased()
        if isBareable && (!randomLayout || rng.chance(0.5)) { return text }
        if rng.chance(0.5) { return "'" + text.doublingQuotesForTests("'") + "'" }
        return "\"" + text.doublingQuotesForTests("\"") + "\""
    }

    /// One policy.
    public func policy(name policyName: String, using rng: inout SeededGenerator) -> String {
        var text = kw("POLICY", &rng) + " " + policyName + space(&rng)
        text += kw(rng.chance(0.7) ? "PERMISSIVE" : "RESTRICTIVE", &rng) + space(&rng)
        text += kw("FOR", &rng) + " "
        if rng.chance(0.3) {
            text += kw("ALL", &rng)
        } else {
            let commands = ["SELECT", "INSERT", "UPDATE", "DELETE"].filter { _ in rng.chance(0.5) }
            text += (commands.isEmpty ? ["SELECT"] : commands).map { kw($0, &rng) }.joined(separator: ", ")
        }
        if !vocabulary.roles.isEmpty, rng.chance(0.25) {
            let roles = vocabulary.roles.filter { _ in rng.chance(0.5) }
            if !roles.isEmpty {
                text += space(&rng) + kw("TO", &rng) + " " + roles.map { name($0, &rng) }.joined(separator: ", ")
            }
        }
        text += space(&rng) + kw("SELECTOR", &rng) + " " + selector(depth: 0, &rng)
        let clauseCount = rng.int(1...3)
        for index in 0..<clauseCount {
            text +=
                space(&rng) + (index == 0 ? "" : kw("OR", &rng) + " ") + kw("CLAUSE", &rng) + " "
                + clause(depth: 0, columns: vocabulary.columns, &rng)
        }
        if rng.chance(0.25) {
            text +=
                space(&rng) + kw("WITH", &rng) + " " + kw("CHECK", &rng) + " " + kw("CLAUSE", &rng) + " "
                + clause(depth: 0, columns: vocabulary.columns, &rng)
            if rng.chance(0.3) {
                text += space(&rng) + kw("OR", &rng) + " " + kw("CLAUSE", &rng) + " " + clause(depth: 0, columns: vocabulary.columns, &rng)
            }
        }
        return text
    }

    /// One grant.
    public func grant(using rng: inout SeededGenerator) -> String {
        let privileges = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"].filter { _ in rng.chance(0.4) }
        let roles = vocabulary.roles.isEmpty ? ["app_user"] : [rng.pick(vocabulary.roles)]
        return kw("GRANT", &rng) + " " + (privileges.isEmpty ? [kw("ALL", &rng)] : privileges.map { kw($0, &rng) }).joined(separator: ", ")
            + " " + kw("TO", &rng) + " " + roles.map { name($0, &rng) }.joined(separator: ", ")
            + space(&rng) + kw("SELECTOR", &rng) + " " + selector(depth: 0, &rng)
    }

    /// One `GOVERN SELECTOR …` item.
    public func govern(using rng: inout SeededGenerator) -> String {
        kw("GOVERN", &rng) + space(&rng) + kw("SELECTOR", &rng) + " " + selector(depth: 0, &rng)
    }

    private func selector(depth: Int, _ rng: inout SeededGenerator) -> String {
        let choice = depth > 2 ? rng.int(0...4) : rng.int(0...8)
        switch choice {
        case 0: return kw("ALL", &rng)
        case 1:
            let column = rng.pick(vocabulary.columns)
            return kw("has_column", &rng) + "(" + name(column.name, &rng) + (rng.chance(0.3) ? ", " + column.family.replacingFamily() : "")
                + ")"
        case 2: return kw("in_schema", &rng) + "(" + name("public", &rng) + ")"
        case 3: return kw("named", &rng) + "('" + rng.pick(["t%", "projects", "tasks", "a_c", "%"]) + "')"
        case 4: return kw("tagged", &rng) + "('" + rng.pick(["pii", "sync"]) + "')"
        case 5: return kw("NOT", &rng) + " " + selector(depth: depth + 1, &rng)
        case 6: return selector(depth: depth + 1, &rng) + " " + kw("AND", &rng) + " " + selector(depth: depth + 1, &rng)
        case 7: return selector(depth: depth + 1, &rng) + " " + kw("OR", &rng) + " " + selector(depth: depth + 1, &rng)
        default: return "(" + selector(depth: depth + 1, &rng) + ")"
        }
    }

    /// A clause over `columns`; inside a traversal `outer` are the columns of the row it starts
    /// from (what `outer(c)` reads).
    public func clause(
        depth: Int, columns: [(name: String, family: String)], outer: [(name: String, family: String)] = [],
        _ rng: inout SeededGenerator
    ) -> String {
        let count = rng.int(1...3)
        return (0..<count).map { _ in atom(depth: depth, columns: columns, outer: outer, &rng) }.joined(
            separator: " " + kw("AND", &rng) + " ")
    }

    private func literal(_ family: String, _ rng: inout SeededGenerator) -> String {
        switch family {
        case "int": return String(rng.int(-3...3))
        case "bool": return rng.chance(0.5) ? kw("true", &rng) : kw("false", &rng)
        case "uuid": return "'" + rng.pick(["00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"]) + "'"
        default: return "'" + rng.pick(vocabulary.texts).doublingQuotesForTests("'") + "'"
        }
    }

    private func value(
        _ family: String, columns: [(name: String, family: String)], outer: [(name: String, family: String)],
        _ rng: inout SeededGenerator
    ) -> String {
        let sameColumns = columns.filter { $0.family == family }
        let keys = vocabulary.sessionKeys.filter { $0.family == family }
        let outerColumns = outer.filter { $0.family == family }
        if !outerColumns.isEmpty, rng.chance(0.3) {
            return kw("outer", &rng) + "(" + name(rng.pick(outerColumns).name, &rng) + ")"
        }
        switch rng.int(0...3) {
        case 0 where !sameColumns.isEmpty:
            return kw("col", &rng) + "(" + name(rng.pick(sameColumns).name, &rng) + ")"
        case 1 where !keys.isEmpty:
            return kw("session", &rng) + "('" + rng.pick(keys).key.doublingQuotesForTests("'") + "')"
        default:
            return kw("lit", &rng) + "(" + literal(family, &rng) + ")"
        }
    }

    private func atom(
        depth: Int, columns: [(name: String, family: String)], outer: [(name: String, family: String)],
        _ rng: inout SeededGenerator
    ) -> String {
        let column = rng.pick(columns)
        let col = kw("col", &rng) + "(" + name(column.name, &rng) + ")"
        let roll = rng.int(0...19)
        switch roll {
        case 0...7:
            let ops =
                column.family == "text"
                ? ["=", "!=", "<>", "<", ">=", "LIKE", "NOT LIKE"]
                : column.family == "int" ? ["=", "!=", "<", ">", "<=", ">="] : ["=", "!=", "<>"]
            let op = rng.pick(ops)
            let rhs =
                (op.hasSuffix("LIKE"))
                ? kw("lit", &rng) + "('" + rng.pick(["a%", "_b", "%", "x\\%y"]) + "')"
                : value(column.family, columns: columns, outer: outer, &rng)
            let pair = [col, rhs]
            let flip = !op.hasSuffix("LIKE") && rng.chance(0.2)
            return (flip ? pair[1] : pair[0]) + " " + op.split(separator: " ").map { kw(String($0), &rng) }.joined(separator: " ") + " "
                + (flip ? pair[0] : pair[1])
        case 8...9:
            let items = (0..<rng.int(1...3)).map { _ in literal(column.family, &rng) }
            return col + " " + (rng.chance(0.3) ? kw("NOT", &rng) + " " : "") + kw("IN", &rng) + " " + kw("lit", &rng) + "(["
                + items.joined(separator: ", ") + "])"
        case 10...11:
            return col + " " + kw("IS", &rng) + (rng.chance(0.5) ? " " + kw("NOT", &rng) : "") + " " + kw("NULL", &rng)
        case 12...14 where depth < 2 && !vocabulary.relations.isEmpty:
            let relation = rng.pick(vocabulary.relations)
            return kw("exists", &rng) + "(" + kw("rel", &rng) + "(_, " + name(relation.sourceColumn, &rng) + ", "
                + name(relation.target, &rng)
                + ", " + name(relation.targetColumn, &rng) + "), {"
                + clause(depth: depth + 1, columns: relation.targetColumns, outer: columns, &rng) + "})"
        case 15 where !vocabulary.functions.isEmpty:
            let function = rng.pick(vocabulary.functions)
            let args = function.args.map { value($0, columns: columns, outer: outer, &rng) }
            return kw("fn", &rng) + "(" + function.name + ", [" + args.joined(separator: ", ") + "])"
        case 16 where allowRaw:
            return kw("raw", &rng) + "('" + rng.pick(["true", "status <> ''x''", "1 = 1"]) + "')"
        case 17:
            // SPEC 11.3: the constant atoms.
            return rng.chance(0.5) ? kw("true", &rng) : kw("false", &rng)
        case 18:
            // SPEC 11.3: now() against a timestamp, on either side.
            let now = kw("now", &rng) + "()"
            let moment = kw("lit", &rng) + "('" + rng.pick(["2001-02-03 04:05:06+00", "2999-12-31"]) + "')"
            let op = rng.pick(["=", "!=", "<", ">", "<=", ">="])
            return rng.chance(0.6) ? now + " " + op + " " + moment : moment + " " + op + " " + now
        default:
            return col + " = " + value(column.family, columns: columns, outer: outer, &rng)
        }
    }
}

extension String {
    /// The string with `quote` doubled (test-side twin of the product's helper, kept separate so
    /// generated text does not depend on the code under test). By scalar, as the lexer reads.
    public func doublingQuotesForTests(_ quote: Unicode.Scalar) -> String {
        var result = ""
        for scalar in unicodeScalars {
            result.unicodeScalars.append(scalar)
            if scalar == quote { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    fileprivate func replacingFamily() -> String {
        switch self {
        case "int": return "integer"
        case "bool": return "boolean"
        default: return self
        }
    }
}
