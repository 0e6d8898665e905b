import PolicyConfig
import PolicySemantics
import PolicyWorkloads

/// Generates differential-test cases from a seed: a schema of two to four tables linked by
/// foreign keys (NOT NULL and nullable columns, quoted, keyword, non-ASCII and long names), a
/// policy set over it (permissive and restrictive, command subsets, `TO` roles, comparisons,
/// IN/NOT IN, LIKE, null tests, traversals of depth 1 and 2 that never form a cycle (their
/// clauses comparing the target's columns with the row they start from, `outer(c)`), `fn` and
/// `raw` with a definition the evaluator mirrors, `true`/`false` atoms and `now()` comparisons,
/// WITH CHECK blocks, GOVERN items), rows with quotes and
/// non-ASCII text, sessions (including unset, empty and unusual spellings of values) and writes.
public struct DifferentialGenerator {
    /// The roles sessions run as; policies name the first two (the third stands for PUBLIC).
    public static let roles = ["pgpe_diff_r1", "pgpe_diff_r2", "pgpe_diff_r3"]
    /// uuid values (canonical form).
    static let uuids = [
        "0000000a-0000-4000-8000-00000000000a", "0000000b-0000-4000-8000-00000000000b",
        "ffffffff-ffff-4fff-bfff-ffffffffffff",
    ]
    /// Text values: quotes, LIKE metacharacters, a backslash, non-ASCII, empty, case.
    static let texts = ["a", "b", "A", "it's", "ü日", "", "%", "_x", "a_b", "ab\\c", "O'Brien", "éa"]
    /// Tenant-like text keys.
    static let keys = ["A", "B", "it's", "ü", ""]
    /// LIKE patterns (escapes with `\`, never a trailing lone `\`).
    static let patterns = [
        "a%", "%b", "_", "%", "it's%", "ü%", "\\_x", "a\\%", "%'%", "_日", "%\\\\c", "A%",
        "%\\%", "a\\_b", "\\%", "%\\_%",
    ]
    /// Table names: plain, keyword, spaces and capitals, non-ASCII, long enough to shorten policy names.
    static let tableNames = [
        "alpha", "beta", "gamma", "delta", "user", "Order Items", "größe",
        "a_table_with_a_long_name_to_push_policy_names_over",
    ]

    /// The seed.
    public let seed: UInt64
    private var rng: SeededGenerator
    private var counter = 0

    /// Creates a generator.
    public init(seed: UInt64) {
        self.seed = seed
        self.rng = SeededGenerator(seed: seed)
    }

    /// The next case.
    public mutating func next() -> DifferentialCase {
        counter += 1
        let keyType = rng.chance(0.5) ? "text" : "uuid"
        let numberType = rng.chance(0.7) ? "integer" : "bigint"
        let missingContext: MissingContext = rng.chance(0.2) ? .error : .deny
        let textColumn = rng.pick(["s", "s", "Label", "desc"])
        var names = DifferentialGenerator.tableNames
        names.shuffle(using: &rng)
        let tables = makeTables(names: Array(names.prefix(rng.pick([2, 3, 3, 4, 4]))), keyType: keyType, textColumn: textColumn)
        var ranks = Array(0..<tables.count)
        ranks.shuffle(using: &rng)
        let rows = makeRows(tables)
        var policies: [DifferentialPolicy] = []
        for index in 0..<rng.int(1...5) {
            policies.append(makePolicy(name: "p\(index)", tables: tables, ranks: ranks, keyType: keyType))
        }
        // GOVERN: a table with RLS on and (unless a policy names it too) no policy.
        var governs: [String] = []
        if rng.chance(0.25) {
            let table = rng.pick(tables)
            governs.append(rng.chance(0.8) ? "named(\(DifferentialSQL.literal(table.name)))" : "ALL")
        }
        var sessions: [DifferentialSession] = []
        for _ in 0..<rng.int(2...4) { sessions.append(makeSession(keyType: keyType)) }
        var operations: [DifferentialOperation] = []
        for _ in 0..<rng.int(2...5) {
            if let operation = makeOperation(tables: tables, rows: rows, keyType: keyType) { operations.append(operation) }
        }
        return DifferentialCase(
            label: "seed \(seed), case \(counter)", tables: tables, policies: policies, missingContext: missingContext,
            keyType: keyType, numberType: numberType, rows: rows, sessions: sessions, operations: operations, governs: governs)
    }

    // MARK: - Schema and rows

    private mutating func makeTables(names: [String], keyType: String, textColumn: String) -> [DifferentialTable] {
        var tables: [DifferentialTable] = []
        for (index, name) in names.enumerated() {
            var columns = [
                DifferentialColumn(name: "id", type: "integer", family: .int, notNull: true),
                DifferentialColumn(name: "k", type: keyType, family: keyType == "uuid" ? .uuid : .text, notNull: rng.chance(0.5)),
                DifferentialColumn(name: "n", type: rng.chance(0.7) ? "integer" : "bigint", family: .int, notNull: rng.chance(0.5)),
                DifferentialColumn(name: textColumn, type: "text", family: .text, notNull: rng.chance(0.4)),
                DifferentialColumn(name: "f", type: "boolean", family: .bool, notNull: rng.chance(0.5)),
            ]
            for parent in 0..<index where rng.chance(parent == index - 1 ? 0.85 : 0.4) {
                columns.append(
                    DifferentialColumn(
                        name: "r\(parent)", type: "integer", family: .int,
                        notNull: rng.chance(0.4), references: tables[parent].name))
            }
            tables.append(DifferentialTable(name: name, columns: columns))
        }
        return tables
    }

    private mutating func makeRows(_ tables: [DifferentialTable]) -> [String: [[String: SQLValue]]] {
        var rows: [String: [[String: SQLValue]]] = [:]
        for table in tables {
            var count = rng.pick([0, 1, 2, 3, 3, 4, 4, 5, 6])
            for column in table.columns where column.references != nil && column.notNull {
                if rows[column.references ?? ""]?.isEmpty ?? true { count = 0 }
            }
            var tableRows: [[String: SQLValue]] = []
            for id in stride(from: 1, through: count, by: 1) {
                var row: [String: SQLValue] = [:]
                for column in table.columns {
                    row[column.name] = column.name == "id" ? .int(id) : value(for: column, parents: rows)
                }
                tableRows.append(row)
            }
            rows[table.name] = tableRows
        }
        return rows
    }

    /// A random value for `column` (NULL sometimes when nullable; a referenced id for a key).
    private mutating func value(for column: DifferentialColumn, parents: [String: [[String: SQLValue]]]) -> SQLValue {
        if !column.notNull && rng.chance(0.2) { return .null }
        if let target = column.references {
            let ids = (parents[target] ?? []).compactMap { $0["id"] }
            return ids.isEmpty ? .null : rng.pick(ids)
        }
        return literal(column.family, keyLike: column.name == "k")
    }

    private mutating func literal(_ family: DifferentialFamily, keyLike: Bool) -> SQLValue {
        switch family {
        case .int: return .int(rng.int(-2...3))
        case .bool: return .bool(rng.chance(0.5))
        case .uuid: return .text(rng.pick(DifferentialGenerator.uuids))
        case .text: return .text(keyLike ? rng.pick(DifferentialGenerator.keys) : rng.pick(DifferentialGenerator.texts))
        }
    }

    // MARK: - Policies

    /// Traversals from `table` go only to tables of lower rank, so no cycle can form.
    private func relations(from index: Int, tables: [DifferentialTable], ranks: [Int]) -> [DifferentialRelation] {
        DifferentialRelation.relations(from: index, tables: tables, ranks: ranks, joining: ["k", "n"])
    }

    private mutating func makePolicy(name: String, tables: [DifferentialTable], ranks: [Int], keyType: String) -> DifferentialPolicy {
        let index = rng.int(0...(tables.count - 1))
        let table = tables[index]
        var selector = "named(\(DifferentialSQL.literal(table.name)))"
        var available = relations(from: index, tables: tables, ranks: ranks)
        if rng.chance(0.2) {
            // Several tables: only the columns every table has, and no traversal.
            let other = tables[rng.int(0...(tables.count - 1))]
            selector = rng.pick([
                "ALL", "has_column('k')", "NOT named(\(DifferentialSQL.literal(other.name)))",
                "named(\(DifferentialSQL.literal(table.name))) OR named(\(DifferentialSQL.literal(other.name)))",
            ])
            available = []
        }
        // The first five columns (id, k, n, the text column, f) are the same in every table.
        let shared = DifferentialTable(name: table.name, columns: Array(table.columns.prefix(5)))
        let scope = available.isEmpty ? shared : table
        var commands: [String] = []
        if !rng.chance(0.35) {
            commands = ["SELECT", "INSERT", "UPDATE", "DELETE"].filter { _ in rng.chance(0.45) }
            if commands.isEmpty { commands = [rng.pick(["SELECT", "INSERT", "UPDATE", "DELETE"])] }
        }
        var roles: [String] = []
        if rng.chance(0.25) {
            roles = [DifferentialGenerator.roles[0], DifferentialGenerator.roles[1], "public"].filter { _ in rng.chance(0.5) }
        }
        var using: [[DifferentialAtom]] = []
        for _ in 0..<rng.pick([1, 1, 2, 2, 3]) {
            using.append(clause(on: scope, depth: 0, relations: available, tables: tables, ranks: ranks, keyType: keyType))
        }
        var check: [[DifferentialAtom]]?
        if rng.chance(0.3) {
            var clauses: [[DifferentialAtom]] = []
            for _ in 0..<rng.pick([1, 1, 2]) {
                clauses.append(clause(on: scope, depth: 0, relations: available, tables: tables, ranks: ranks, keyType: keyType))
            }
            check = clauses
        }
        return DifferentialPolicy(
            name: name, isPermissive: rng.chance(0.7), commands: commands, roles: roles,
            selector: selector, using: using, check: check)
    }

    private mutating func clause(
        on table: DifferentialTable, depth: Int, relations: [DifferentialRelation], tables: [DifferentialTable],
        ranks: [Int], keyType: String, outer: DifferentialTable? = nil
    ) -> [DifferentialAtom] {
        let count = depth == 0 ? rng.pick([1, 1, 2, 2, 3]) : rng.pick([1, 1, 2])
        var atoms: [DifferentialAtom] = []
        for _ in 0..<count {
            if let outer, rng.chance(0.3) {
                atoms.append(correlation(table, outer: outer))
                continue
            }
            atoms.append(atom(on: table, depth: depth, relations: relations, tables: tables, ranks: ranks, keyType: keyType))
        }
        return atoms
    }

    /// A comparison of a column of `table` (a traversal's target) with a column of the same
    /// family of the row the traversal starts from (`outer(c)`), or a null test of the latter.
    private mutating func correlation(_ table: DifferentialTable, outer: DifferentialTable) -> DifferentialAtom {
        let column = rng.pick(table.columns)
        let candidates = outer.columns.filter { $0.family == column.family }
        let other = candidates.isEmpty ? rng.pick(outer.columns) : rng.pick(candidates)
        let value = "outer(\(DifferentialSQL.policyName(other.name)))"
        if candidates.isEmpty || rng.chance(0.15) { return .text("\(value) IS \(rng.chance(0.5) ? "" : "NOT ")NULL") }
        let op = rng.pick(operators(column.family).filter { !$0.hasSuffix("LIKE") })
        return .text(rng.chance(0.3) ? "\(value) \(op) \(col(column))" : "\(col(column)) \(op) \(value)")
    }

    private func sessionKey(for family: DifferentialFamily, keyType: String) -> [String] {
        switch family {
        case .int: return ["app.n"]
        case .bool: return ["app.f"]
        case .uuid: return ["app.k"]
        case .text: return keyType == "text" ? ["app.s", "app.k"] : ["app.s"]
        }
    }

    private func col(_ column: DifferentialColumn) -> String { "col(\(DifferentialSQL.policyName(column.name)))" }

    private mutating func policyValue(_ family: DifferentialFamily, keyLike: Bool) -> String {
        if family == .uuid && rng.chance(0.1) {
            return "lit(\(DifferentialSQL.literal(rng.pick(DifferentialGenerator.uuids).uppercased())))"
        }
        return "lit(\(DifferentialSQL.policyLiteral(literal(family, keyLike: keyLike))))"
    }

    private mutating func atom(
        on table: DifferentialTable, depth: Int, relations: [DifferentialRelation], tables: [DifferentialTable],
        ranks: [Int], keyType: String
    ) -> DifferentialAtom {
        let columns = table.columns
        let roll = rng.int(0...99)
        let traverses = depth == 0 ? (58..<72).contains(roll) : roll < 40
        if traverses, depth < 2, !relations.isEmpty {
            let relation = rng.pick(relations)
            let targetIndex = tables.firstIndex { $0.name == relation.target.name } ?? 0
            let inner = self.relations(from: targetIndex, tables: tables, ranks: ranks)
            let clause = clause(
                on: relation.target, depth: depth + 1, relations: depth + 1 < 2 ? inner : [], tables: tables,
                ranks: ranks, keyType: keyType, outer: table)
            return .exists(source: relation.source, target: relation.target.name, targetColumn: relation.targetColumn, clause: clause)
        }
        switch roll {
        case 38..<48:
            let column = rng.pick(columns)
            let negated = rng.chance(0.35)
            var items: [String] = []
            for _ in 0..<rng.int(1...3) { items.append(DifferentialSQL.policyLiteral(literal(column.family, keyLike: column.name == "k"))) }
            if !negated && rng.chance(0.1) { items.append("null") }
            return .text("\(col(column)) \(negated ? "NOT IN" : "IN") lit([\(items.joined(separator: ", "))])")
        case 48..<58:
            let nullable = columns.filter { !$0.notNull }
            let isNull = rng.chance(0.5)
            if rng.chance(0.2) {
                let key = rng.pick(DifferentialCase.sessionKeys)
                return .text("session('\(key)') IS \(isNull ? "" : "NOT ")NULL")
            }
            let column = !nullable.isEmpty && rng.chance(0.8) ? rng.pick(nullable) : rng.pick(columns)
            return .text("\(col(column)) IS \(isNull ? "" : "NOT ")NULL")
        case 72..<77:
            var arguments: [String] = []
            let ints = columns.filter { $0.family == .int }
            // The second argument has a default: a call may leave it out.
            for _ in 0..<(rng.chance(0.25) ? 1 : 2) {
                switch rng.int(0...2) {
                case 0: arguments.append(col(rng.pick(ints)))
                case 1: arguments.append("session('app.n')")
                default: arguments.append("lit(\(rng.int(-2...3)))")
                }
            }
            return .text("fn(same_parity, [\(arguments.joined(separator: ", "))])")
        case 77..<82:
            return .text("raw(\(DifferentialSQL.literal(rng.pick(DifferentialCase.rawAtoms))))")
        case 82..<88 where rng.chance(0.5):
            let column = columns[3]
            let op = rng.chance(0.7) ? "LIKE" : "NOT LIKE"
            switch rng.int(0...9) {
            case 0...6:
                return .text("\(col(column)) \(op) lit(\(DifferentialSQL.literal(rng.pick(DifferentialGenerator.patterns))))")
            case 7:
                return .text("\(col(column)) \(op) session('app.s')")
            default:
                // The column's values are the patterns.
                let subject =
                    rng.chance(0.5) ? "session('app.s')" : "lit(\(DifferentialSQL.literal(rng.pick(DifferentialGenerator.texts))))"
                return .text("\(subject) \(op) \(col(column))")
            }
        case 97..<100:
            // SPEC 11.3: `true` and `false` atoms, and now() against a timestamp long past or far
            // ahead (so the reference evaluator's clock and the server's agree on the answer).
            if rng.chance(0.4) { return .text(rng.chance(0.5) ? "true" : "false") }
            let moment = rng.pick(["2001-02-03 04:05:06+00", "2999-12-31", "2001-02-03T04:05:06+02:00"])
            let op = rng.pick(["=", "!=", "<", ">", "<=", ">="])
            return .text(rng.chance(0.7) ? "now() \(op) lit('\(moment)')" : "lit('\(moment)') \(op) now()")
        case 94..<97:
            // Two session values compared with each other.
            let pair = keyType == "text" ? ["session('app.s')", "session('app.k')"] : ["session('app.n')", "lit(1)"]
            return .text("\(pair[0]) \(rng.pick(["=", "!=", "<"])) \(pair[1])")
        case 82..<88:
            let column = rng.pick(columns)
            let others = columns.filter { $0.family == column.family && $0.name != column.name }
            if let other = others.isEmpty ? nil : rng.pick(others) {
                return .text("\(col(column)) \(rng.pick(operators(column.family))) \(col(other))")
            }
            return comparison(columns, keyType: keyType)
        default:
            return comparison(columns, keyType: keyType)
        }
    }

    private func operators(_ family: DifferentialFamily) -> [String] {
        switch family {
        case .int: return ["=", "!=", "<>", "<", ">", "<=", ">="]
        case .text: return ["=", "!=", "<", ">=", "LIKE", "NOT LIKE"]
        case .uuid: return ["=", "!=", "<", ">"]
        case .bool: return ["=", "!="]
        }
    }

    private mutating func comparison(_ columns: [DifferentialColumn], keyType: String) -> DifferentialAtom {
        let column = rng.pick(columns)
        let op = rng.pick(operators(column.family))
        if op.hasSuffix("LIKE") {
            let pattern =
                rng.chance(0.75) ? "lit(\(DifferentialSQL.literal(rng.pick(DifferentialGenerator.patterns))))" : "session('app.s')"
            return .text("\(col(column)) \(op) \(pattern)")
        }
        let value: String
        if rng.chance(0.45) {
            value = "session('\(rng.pick(sessionKey(for: column.family, keyType: keyType)))')"
        } else {
            value = policyValue(column.family, keyLike: column.name == "k")
        }
        return .text(rng.chance(0.2) ? "\(value) \(op) \(col(column))" : "\(col(column)) \(op) \(value)")
    }

    // MARK: - Sessions and writes

    private mutating func makeSession(keyType: String) -> DifferentialSession {
        var settings: [String: String] = [:]
        for key in DifferentialCase.sessionKeys {
            let roll = rng.int(0...99)
            if roll < 10 { continue }
            if roll < 17 {
                settings[key] = ""
                continue
            }
            let unusual = roll < 27
            switch key {
            case "app.k" where keyType == "uuid":
                let uuid = rng.pick(DifferentialGenerator.uuids)
                settings[key] =
                    unusual
                    ? rng.pick([
                        uuid.uppercased(), "{\(uuid)}", uuid.replacingOccurrences(of: "-", with: ""), " \(uuid)", "not-a-uuid",
                        String(uuid.dropLast()),
                    ])
                    : uuid
            case "app.k":
                settings[key] = rng.pick(DifferentialGenerator.keys)
            case "app.n":
                settings[key] =
                    unusual ? rng.pick([" 2", "+1", "-0", "007", "2 ", "x", "1.5", "2147483648", "", "٣"]) : String(rng.int(-2...3))
            case "app.f":
                settings[key] =
                    unusual
                    ? rng.pick(["on", "off", "yes", "no", "t", "f", "TRUE", " true ", "1", "0", "tr", "of", "maybe"])
                    : rng.pick(["true", "false"])
            default:
                settings[key] = rng.pick(DifferentialGenerator.texts + DifferentialGenerator.patterns)
            }
        }
        return DifferentialSession(role: rng.pick(DifferentialGenerator.roles), settings: settings)
    }

    private mutating func makeOperation(
        tables: [DifferentialTable], rows: [String: [[String: SQLValue]]],
        keyType: String
    ) -> DifferentialOperation? {
        let table = rng.pick(tables)
        let existing = rows[table.name] ?? []
        let roll = rng.int(0...99)
        if roll < 45 || existing.isEmpty {
            var row: [String: SQLValue] = ["id": .int(existing.count + 1)]
            for column in table.columns where column.name != "id" {
                row[column.name] = value(for: column, parents: rows)
            }
            if row.contains(where: { key, value in value == .null && table.column(key)?.notNull == true }) { return nil }
            return .insert(table: table.name, row: row, returning: rng.chance(0.3))
        }
        let id = rng.int(1...existing.count)
        if roll < 75 {
            var set: [String: SQLValue] = [:]
            for column in table.columns.dropFirst() where rng.chance(0.35) {
                set[column.name] = value(for: column, parents: rows)
            }
            if set.isEmpty, let column = table.columns.dropFirst().first {
                set[column.name] = value(for: column, parents: rows)
            }
            if set.contains(where: { key, value in value == .null && table.column(key)?.notNull == true }) { return nil }
            return .update(table: table.name, id: id, set: set)
        }
        return .delete(table: table.name, id: roll < 92 ? id : nil)
    }
}
