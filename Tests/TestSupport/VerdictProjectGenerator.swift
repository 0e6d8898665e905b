import PolicySemantics
import PolicyWorkloads

/// Generates projects for the verdict-level differential test from a seed, shaped so that
/// tenant-isolation and fail-closed verdicts go both ways: three session keys `app.a`, `app.b`,
/// `app.c` of several types (uuid, text, integer, bigint), most of them isolation keys (some
/// only for the tables that have their column), and an owner key `app.u`; two to four tables
/// with a column per key (not every table has every one), a public flag, a status and a level,
/// and foreign keys; per table a policy that mostly pins a key to its column (directly, or
/// through a traversal of depth 1 or 2 whose target's own policies pin it), and leaks of many
/// kinds beside it (an OR clause on a public flag, an owner, a literal tenant, `!=` or `>=`
/// against the key, `session(k) IS NULL`, another key of the same type); restrictive policies;
/// command subsets; WITH CHECK blocks; `TO` roles, including a role that only a traversal
/// target's policy names (the shape of issue 11 item 5); and `missing_context` both ways.
public struct VerdictProjectGenerator {
    /// The seed.
    public let seed: UInt64
    private var rng: SeededGenerator
    private var counter = 0

    /// Table names.
    static let tableNames = ["orgs", "projects", "tasks", "notes", "files"]
    /// The key types.
    static let keyTypes = ["uuid", "text", "integer", "bigint"]

    /// Creates a generator.
    public init(seed: UInt64) {
        self.seed = seed
        self.rng = SeededGenerator(seed: seed)
    }

    /// Values of a family that policies, rows and sessions use: the first two are the keys'
    /// values of the test's sessions, then boundaries and a few others.
    public static func values(_ family: DifferentialFamily) -> [SQLValue] {
        switch family {
        case .uuid:
            return [
                "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
                "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            ].map { .text($0) }
        case .text: return ["A", "B", "", "a", "it's", "open"].map { .text($0) }
        case .int: return [1, 2, 0, -1, 3, 2_147_483_647, -2_147_483_648].map { .int($0) }
        case .bool: return [.bool(true), .bool(false)]
        }
    }

    /// The next project.
    public mutating func next() -> VerdictProject {
        counter += 1
        let keys = makeKeys()
        let names = VerdictProjectGenerator.tableNames.shuffled(using: &rng)
        let tables = makeTables(names: Array(names.prefix(rng.pick([2, 3, 3, 4]))), keys: keys)
        var ranks = Array(0..<tables.count)
        ranks.shuffle(using: &rng)
        let context = Context(tables: tables, ranks: ranks, keys: keys)
        var policies: [DifferentialPolicy] = []
        for index in Array(tables.indices).shuffled(using: &rng) {
            policies.append(makePolicy(name: "p\(policies.count)", table: index, context, main: true))
        }
        for _ in 0..<rng.pick([0, 1, 1, 2, 3]) {
            policies.append(makePolicy(name: "p\(policies.count)", table: rng.int(0...(tables.count - 1)), context, main: false))
        }
        if rng.chance(0.35), let target = traversalTarget(context) {
            // A role that only a traversal target's policy names: it sees the target's rows
            // through a way in the other roles do not have (issue 11 item 5).
            policies.append(makeRolePolicy(name: "p\(policies.count)", table: target, context))
        }
        // GOVERN: RLS on, and no policy where no policy names the table (a traversal into it sees nothing).
        var governs: [String] = []
        if rng.chance(0.2) { governs.append("named(\(DifferentialSQL.literal(rng.pick(tables).name)))") }
        return VerdictProject(
            label: "seed \(seed), project \(counter)", tables: tables, policies: policies,
            missingContext: rng.chance(0.35) ? .error : .deny, keys: keys, governs: governs)
    }

    // MARK: - Keys and tables

    private mutating func makeKeys() -> [VerdictKey] {
        let types = VerdictProjectGenerator.keyTypes.shuffled(using: &rng)
        var keys: [VerdictKey] = []
        for (index, letter) in ["a", "b", "c"].enumerated() {
            // a and b have different types; c any.
            let type = index < 2 ? types[index] : rng.pick(VerdictProjectGenerator.keyTypes)
            let isolation = rng.chance([0.85, 0.65, 0.4][index])
            keys.append(
                VerdictKey(
                    name: "app.\(letter)", type: type, column: letter, isolation: isolation,
                    isolationTables: isolation && rng.chance(0.15) ? "has_column('\(letter)')" : nil))
        }
        if !keys.contains(where: \.isolation) { keys[0].isolation = true }
        keys.append(VerdictKey(name: "app.u", type: "uuid", column: "owner", isolation: false))
        return keys
    }

    private mutating func makeTables(names: [String], keys: [VerdictKey]) -> [DifferentialTable] {
        var tables: [DifferentialTable] = []
        for (index, name) in names.enumerated() {
            var columns = [DifferentialColumn(name: "id", type: "integer", family: .int, notNull: true)]
            for (position, key) in keys.enumerated() where rng.chance([0.85, 0.7, 0.5, 0.4][position]) {
                columns.append(DifferentialColumn(name: key.column, type: key.type, family: key.family, notNull: rng.chance(0.45)))
            }
            if rng.chance(0.5) {
                columns.append(DifferentialColumn(name: "pub", type: "boolean", family: .bool, notNull: rng.chance(0.45)))
            }
            if rng.chance(0.4) {
                columns.append(DifferentialColumn(name: "status", type: "text", family: .text, notNull: rng.chance(0.45)))
            }
            if rng.chance(0.3) {
                columns.append(DifferentialColumn(name: "level", type: "integer", family: .int, notNull: rng.chance(0.45)))
            }
            for parent in 0..<index where rng.chance(parent == index - 1 ? 0.85 : 0.35) {
                columns.append(
                    DifferentialColumn(
                        name: "\(tables[parent].name)_id", type: "integer", family: .int,
                        notNull: rng.chance(0.4), references: tables[parent].name))
            }
            tables.append(DifferentialTable(name: name, columns: columns))
        }
        return tables
    }

    // MARK: - Policies

    /// What every policy of a project is generated against.
    private struct Context {
        var tables: [DifferentialTable]
        var ranks: [Int]
        var keys: [VerdictKey]

        func relations(from index: Int) -> [DifferentialRelation] {
            DifferentialRelation.relations(from: index, tables: tables, ranks: ranks, joining: keys.map(\.column))
        }

        func index(of name: String) -> Int {
            tables.firstIndex { $0.name == name } ?? 0
        }
    }

    /// A table some other table's traversal can reach, if any.
    private mutating func traversalTarget(_ context: Context) -> Int? {
        let targets = Set(context.tables.indices.flatMap { context.relations(from: $0).map { context.index(of: $0.target.name) } })
        return targets.isEmpty ? nil : rng.pick(targets.sorted())
    }

    private mutating func commands() -> [String] {
        guard !rng.chance(0.5) else { return [] }
        let all = ["SELECT", "INSERT", "UPDATE", "DELETE"]
        let chosen = all.filter { _ in rng.chance(0.45) }
        return chosen.isEmpty ? [rng.pick(all)] : chosen
    }

    private mutating func makePolicy(name: String, table index: Int, _ context: Context, main: Bool) -> DifferentialPolicy {
        let table = context.tables[index]
        var selector = "named(\(DifferentialSQL.literal(table.name)))"
        var scope = table
        var relations = context.relations(from: index)
        if rng.chance(0.1), let key = table.columns.first(where: { column in context.keys.contains { $0.column == column.name } }) {
            // Every table with this key's column: only that column (and id), no traversal.
            selector = "has_column('\(key.name)')"
            scope = DifferentialTable(name: table.name, columns: [table.columns[0], key])
            relations = []
        }
        let permissive = main ? rng.chance(0.85) : rng.chance(0.5)
        var roles: [String] = []
        if rng.chance(main ? 0.3 : 0.45) {
            roles = rng.pick([[VerdictProject.roles[0]], [VerdictProject.roles[1]], [VerdictProject.roles[0], VerdictProject.roles[1]]])
        }
        var using: [[DifferentialAtom]] = []
        for position in 0..<rng.pick([1, 1, 1, 2, 2, 3]) {
            using.append(
                clause(
                    on: scope, index: index, relations: relations, depth: 0, context,
                    leaky: position > 0 || !permissive || rng.chance(0.2)))
        }
        var check: [[DifferentialAtom]]?
        if rng.chance(0.25) {
            check = (0..<rng.pick([1, 1, 2])).map { position in
                clause(on: scope, index: index, relations: relations, depth: 0, context, leaky: position > 0 || rng.chance(0.3))
            }
        }
        return DifferentialPolicy(
            name: name, isPermissive: permissive, commands: commands(), roles: roles, selector: selector,
            using: using, check: check)
    }

    /// A permissive policy for one named role that lets it see rows of every tenant.
    private mutating func makeRolePolicy(name: String, table index: Int, _ context: Context) -> DifferentialPolicy {
        let table = context.tables[index]
        let role = rng.chance(0.7) ? VerdictProject.roles[1] : VerdictProject.roles[0]
        return DifferentialPolicy(
            name: name, isPermissive: true, commands: rng.chance(0.6) ? [] : ["SELECT"], roles: [role],
            selector: "named(\(DifferentialSQL.literal(table.name)))",
            using: [[leak(on: table, context)]], check: nil)
    }

    /// A conjunction: a pin (or, when `leaky`, a leak) and up to two more atoms.
    private mutating func clause(
        on table: DifferentialTable, index: Int?, relations: [DifferentialRelation], depth: Int,
        _ context: Context, leaky: Bool
    ) -> [DifferentialAtom] {
        var atoms: [DifferentialAtom] = []
        let roll = rng.int(0...99)
        if !relations.isEmpty && depth < 2 && roll < (depth == 0 ? 30 : 25) {
            atoms.append(traversal(relations, from: table, depth: depth, context))
        } else if leaky || roll < 40 && depth > 0 {
            atoms.append(leak(on: table, context))
        } else {
            atoms.append(pin(on: table, context) ?? leak(on: table, context))
        }
        for _ in 0..<rng.pick([0, 0, 1, 1, 2]) {
            switch rng.int(0...9) {
            case 0...1: atoms.append(pin(on: table, context) ?? noise(on: table, context))
            case 2 where !relations.isEmpty && depth < 2: atoms.append(traversal(relations, from: table, depth: depth, context))
            case 3: atoms.append(leak(on: table, context))
            default: atoms.append(noise(on: table, context))
            }
        }
        return atoms
    }

    private mutating func traversal(
        _ relations: [DifferentialRelation], from source: DifferentialTable, depth: Int, _ context: Context
    ) -> DifferentialAtom {
        let relation = rng.pick(relations)
        let target = context.index(of: relation.target.name)
        let inner = depth + 1 < 2 ? context.relations(from: target) : []
        // The inner clause pins a key, or leaves it to the target's own policies (as the
        // querying role sees the target through them).
        var atoms: [DifferentialAtom]
        if rng.chance(0.4) {
            atoms = [noise(on: relation.target, context)]
        } else {
            atoms = clause(on: relation.target, index: target, relations: inner, depth: depth + 1, context, leaky: rng.chance(0.15))
        }
        if !inner.isEmpty && !atoms.contains(where: { if case .exists = $0 { return true } else { return false } }) && rng.chance(0.4) {
            // On to a second table (depth 2).
            atoms.insert(traversal(inner, from: relation.target, depth: depth + 1, context), at: 0)
        }
        if rng.chance(0.35), let correlation = correlation(relation.target, outer: source, context) {
            atoms.append(correlation)
        }
        return .exists(source: relation.source, target: relation.target.name, targetColumn: relation.targetColumn, clause: atoms)
    }

    /// The target row tied to the row the traversal starts from (`outer(c)`): on a key both
    /// tables have (which may carry isolation from one to the other), or on another column
    /// of one family, or a null test of the source's column.
    private mutating func correlation(_ target: DifferentialTable, outer source: DifferentialTable, _ context: Context) -> DifferentialAtom?
    {
        let sourceKeys = keyColumns(source, context)
        let shared = keyColumns(target, context).compactMap { key, column in
            sourceKeys.first { $0.0.name == key.name }.map { (column, $0.1) }
        }
        if let (column, other) = shared.isEmpty ? nil : rng.pick(shared), rng.chance(0.7) {
            let op = rng.chance(0.85) ? "=" : "!="
            return .text(
                rng.chance(0.2)
                    ? "outer(\(DifferentialSQL.policyName(other.name))) \(op) \(col(column))"
                    : "\(col(column)) \(op) outer(\(DifferentialSQL.policyName(other.name)))")
        }
        let column = rng.pick(target.columns)
        let others = source.columns.filter { $0.family == column.family }
        guard let other = others.isEmpty ? nil : rng.pick(others) else { return nil }
        if rng.chance(0.2) { return .text("outer(\(DifferentialSQL.policyName(other.name))) IS \(rng.chance(0.5) ? "" : "NOT ")NULL") }
        return .text("\(col(column)) \(rng.pick(["=", "!=", "<", ">="])) outer(\(DifferentialSQL.policyName(other.name)))")
    }

    private func keyColumns(_ table: DifferentialTable, _ context: Context) -> [(VerdictKey, DifferentialColumn)] {
        context.keys.compactMap { key in table.column(key.column).map { (key, $0) } }
    }

    private func col(_ column: DifferentialColumn) -> String { "col(\(DifferentialSQL.policyName(column.name)))" }

    private func lit(_ value: SQLValue) -> String { "lit(\(DifferentialSQL.policyLiteral(value)))" }

    /// `col(x) = session('app.x')`, either way round.
    private mutating func pin(on table: DifferentialTable, _ context: Context) -> DifferentialAtom? {
        let candidates = keyColumns(table, context).filter { $0.0.name != "app.u" || rng.chance(0.3) }
        guard !candidates.isEmpty else { return nil }
        let (key, column) = rng.pick(candidates)
        return .text(rng.chance(0.15) ? "session('\(key.name)') = \(col(column))" : "\(col(column)) = session('\(key.name)')")
    }

    /// An atom that lets sessions of different tenants (or none) in.
    private mutating func leak(on table: DifferentialTable, _ context: Context) -> DifferentialAtom {
        let keyed = keyColumns(table, context)
        // SPEC 11.3: `true` lets everyone in.
        if rng.chance(0.05) { return .text("true") }
        for _ in 0..<4 {
            switch rng.int(0...9) {
            case 0:
                if let column = table.column("pub") { return .text("\(col(column)) = lit(true)") }
            case 1:
                if let column = table.column("owner") { return .text("\(col(column)) = session('app.u')") }
            case 2:
                if let (key, column) = keyed.isEmpty ? nil : rng.pick(keyed) {
                    let values = VerdictProjectGenerator.values(key.family)
                    if rng.chance(0.6) { return .text("\(col(column)) = \(lit(rng.pick(values)))") }
                    let items = (0..<rng.int(1...3)).map { _ in DifferentialSQL.policyLiteral(rng.pick(values)) }
                    return .text("\(col(column)) \(rng.chance(0.7) ? "IN" : "NOT IN") lit([\(items.joined(separator: ", "))])")
                }
            case 3:
                if let (key, column) = keyed.isEmpty ? nil : rng.pick(keyed) {
                    let op = key.family == .uuid ? rng.pick(["!=", ">", "<"]) : rng.pick(["!=", ">=", "<", "<="])
                    return .text("\(col(column)) \(op) session('\(key.name)')")
                }
            case 4:
                // Another key of the same family.
                if let (key, column) = keyed.isEmpty ? nil : rng.pick(keyed) {
                    let others = context.keys.filter { $0.family == key.family && $0.name != key.name }
                    if let other = others.isEmpty ? nil : rng.pick(others) { return .text("\(col(column)) = session('\(other.name)')") }
                }
            case 5:
                let key = rng.pick(context.keys)
                return .text("session('\(key.name)') \(rng.chance(0.6) ? "IS NULL" : "IS NOT NULL")")
            case 6:
                let key = rng.pick(context.keys)
                return .text("session('\(key.name)') = \(lit(rng.pick(Array(VerdictProjectGenerator.values(key.family).prefix(3)))))")
            case 7:
                let nullable = keyed.filter { !$0.1.notNull }
                if let (_, column) = nullable.isEmpty ? nil : rng.pick(nullable) { return .text("\(col(column)) IS NULL") }
            case 8:
                if let column = table.column("status") { return .text("\(col(column)) = lit('open')") }
            default:
                // Two key columns of the same family compared with each other.
                let pairs = keyed.flatMap { first in
                    keyed.filter { $0.0.family == first.0.family && $0.1.name < first.1.name }.map { ($0.1, first.1) }
                }
                if let (first, second) = pairs.isEmpty ? nil : rng.pick(pairs) { return .text("\(col(first)) = \(col(second))") }
            }
        }
        return .text("\(col(table.columns[0])) >= lit(0)")
    }

    /// An atom that narrows without deciding isolation.
    private mutating func noise(on table: DifferentialTable, _ context: Context) -> DifferentialAtom {
        var options: [String] = [
            "\(col(table.columns[0])) > lit(\(rng.int(-1...2)))",
            // SPEC 11.3: now() (true on every server, per session in the analysis).
            rng.chance(0.5) ? "now() > lit('2001-02-03 04:05:06+00')" : "lit('2001-02-03') <= now()",
        ]
        if let column = table.column("pub") { options.append("\(col(column)) = lit(false)") }
        if let column = table.column("status") {
            options.append("\(col(column)) != lit('closed')")
            options.append("\(col(column)) LIKE lit('o%')")
        }
        if let column = table.column("level") {
            options.append("\(col(column)) \(rng.pick([">", "<=", "!="])) lit(\(rng.int(0...3)))")
            options.append("\(col(column)) IN lit([1, 2])")
        }
        for (key, column) in keyColumns(table, context) {
            options.append(
                rng.chance(0.5) ? "\(col(column)) IS NOT NULL" : "\(col(column)) != \(lit(VerdictProjectGenerator.values(key.family)[1]))")
        }
        return .text(rng.pick(options))
    }
}
