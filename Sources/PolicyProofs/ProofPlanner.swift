import Foundation
import PolicySchema
import PolicySemantics
import PolicySyntax
import SMT
import Synchronization

/// Turns a policy set into proof queries: per governed table × command × role × side, per
/// isolation key where one applies.
///
/// Cache keys never name the table or the command where the answer does not depend on them, so
/// tables and commands with the same predicates share one solver query.
struct ProofPlanner {
    /// The policy set.
    let set: PolicySet
    /// What to prove.
    let options: AnalysisOptions
    /// The set's effective predicates.
    let index: PredicateIndex
    /// Cache keys of predicates.
    let fingerprint: Fingerprint
    /// `fingerprint.environment`, computed once (every cache key starts with it).
    let environment: String
    /// The policy set `policy-equivalence` compares with, and how to name it.
    let comparison: (index: PredicateIndex, label: String)?

    /// A planner for `index`'s set; `comparison` is the other set of policy-equivalence.
    init(index: PredicateIndex, options: AnalysisOptions, comparison: (index: PredicateIndex, label: String)? = nil) {
        self.set = index.set
        self.options = options
        self.index = index
        self.fingerprint = Fingerprint(index: index)
        self.environment = fingerprint.environment
        self.comparison = comparison
    }

    private func enabled(_ proof: ProofID) -> Bool { options.proofs.contains(proof) }

    private func effective(_ table: QualifiedName, _ command: PolicyCommand, role: String, side: EffectivePredicate.Side)
        -> EffectivePredicate
    {
        index.effective(table, command, role: role, side: side)
    }

    /// The fingerprint of one of the set's effective predicates.
    private func print(_ predicate: EffectivePredicate) -> String {
        index.fingerprint(predicate.table, predicate.command, role: predicate.role, side: predicate.side)
    }

    /// Policies as they are split into clauses: `[c1 | c2] [c3]` (the text of a predicate merges them).
    static func structure(_ policies: [PolicyPredicate]) -> String {
        policies.map { "[" + $0.clauses.map(\.description).joined(separator: " | ") + "]" }.joined(separator: " ")
    }

    /// The tables the run proves: governed, selected by the options, in the schema.
    var tables: [QualifiedName] {
        self.set.governedTables.filter { (options.tables?.contains($0) ?? true) && self.set.schema.table($0) != nil }
    }

    /// Every query of the run, but none about the tables in `skipping` (answered already).
    /// With `jobs` above 1 tables are planned in parallel (planning is pure); the order is the tables' order.
    func plan(skipping: Set<QualifiedName> = [], jobs: Int = 1) -> [ProofQuery] {
        let planned = tables.filter { !skipping.contains($0) }
        var queries: [ProofQuery]
        if jobs > 1 && planned.count > 1 {
            let perTable = PlannedTables(count: planned.count)
            DispatchQueue.concurrentPerform(iterations: planned.count) { position in
                perTable.store(plan(table: planned[position]), at: position)
            }
            queries = perTable.all.flatMap { $0 }
        } else {
            queries = planned.flatMap { plan(table: $0) }
        }
        if enabled(.policyEquivalence), let comparison {
            queries += equivalence(comparison.index, label: comparison.label)
        }
        return queries
    }

    /// The isolation keys whose `tables:` selector matches `table`.
    func isolationKeys(for table: QualifiedName) -> [String] {
        set.isolationKeys(for: table)
    }

    private func plan(table: QualifiedName) -> [ProofQuery] {
        var queries: [ProofQuery] = []
        let roles = index.roles(for: table)
        let keys = isolationKeys(for: table)
        var checkedClauses = Set<String>()
        var checkedTraversals = Set<String>()
        // A table a GOVERN item names is denied by design where no policy allows a command.
        let deniedByDesign = set.isDeniedByDesign(table)
        for command in PolicyCommand.allCases {
            let mainSide: EffectivePredicate.Side = command == .insert ? .check : .using
            if enabled(.coverage) {
                let covered = roles.contains { !effective(table, command, role: $0, side: mainSide).isDefaultDeny }
                let reason =
                    covered
                    ? nil
                    : "no permissive policy for \(command.rawValue) on \(table): every \(command.rawValue) is denied"
                        + (deniedByDesign ? " (by design: GOVERN)" : "")
                queries.append(
                    fixedQuery(
                        .coverage, table, command, role: "*", key: nil, side: mainSide,
                        status: covered || deniedByDesign ? .proven : .failed, reason: reason))
            }
            for role in roles {
                for side in PolicySet.sides(of: command) {
                    let predicate = effective(table, command, role: role, side: side)
                    let base = "\(environment)|\(side.rawValue)|" + predicateKey(predicate, command: command, side: side, table: table)
                    if predicate.isDefaultDeny {
                        for key in keys {
                            for proof in [ProofID.tenantIsolation, .failClosed] where enabled(proof) {
                                queries.append(
                                    fixedQuery(
                                        proof, table, command, role: role, key: key, side: side, status: .proven,
                                        reason: "no permissive policy applies: nothing is reachable"))
                            }
                        }
                        continue
                    }
                    for key in keys {
                        if enabled(.tenantIsolation) { queries.append(isolation(predicate, key: key, base: base)) }
                        if enabled(.failClosed) { queries.append(failClosed(predicate, key: key, base: base)) }
                    }
                    if enabled(.contradiction) {
                        // A policy with no clause left was written `false` (the checker reports any
                        // other as an error): a predicate it makes false is so on purpose.
                        let writtenFalse =
                            predicate.permissive.allSatisfy(\.clauses.isEmpty) || predicate.restrictive.contains(where: \.clauses.isEmpty)
                        if !writtenFalse { queries.append(contradiction(predicate, base: "\(environment)|" + print(predicate))) }
                        queries += clauseContradictions(predicate, seen: &checkedClauses)
                    }
                    if enabled(.traversal) {
                        queries += traversals(predicate, base: base, seen: &checkedTraversals)
                    }
                    if enabled(.writeRestriction), side == .check {
                        queries.append(writeRestriction(predicate, base: base))
                    }
                    let dependencies = "\(environment)| |dep " + print(predicate)
                    if enabled(.subsumption) { queries += subsumption(predicate, base: dependencies) }
                    if enabled(.redundancy) { queries += redundancy(predicate, base: dependencies) }
                }
            }
            if enabled(.roleSeparation), mainSide == .using {
                queries += roleSeparation(table: table, command: command)
            }
        }
        return queries
    }

    /// The part of a cache key describing an effective predicate (and, for UPDATE's check side,
    /// the USING and SELECT predicates old rows must pass). The command is not part of it
    /// otherwise: SELECT, UPDATE and DELETE with the same USING predicate share answers.
    private func predicateKey(
        _ predicate: EffectivePredicate, command: PolicyCommand, side: EffectivePredicate.Side,
        table: QualifiedName
    ) -> String {
        var key = print(predicate)
        if command == .update && side == .check {
            key += " |old " + print(effective(table, .update, role: predicate.role, side: .using))
        }
        return key
    }

    private func fixedQuery(
        _ proof: ProofID, _ table: QualifiedName, _ command: PolicyCommand?, role: String, key: String?,
        side: EffectivePredicate.Side, status: VerdictStatus, reason: String?, byShortcut: Bool = false,
        blame: [Blame] = []
    ) -> ProofQuery {
        ProofQuery(
            proof: proof, table: table, command: command, role: role, key: key, side: side, cacheKey: "",
            failsWhenSatisfiable: true, build: nil, fixed: (status, reason, byShortcut), failureReason: reason ?? "",
            failureBlame: blame)
    }

    private func policyBlame(_ predicates: [PolicyPredicate]) -> [Blame] {
        predicates.map {
            Blame(policy: $0.policy.name, location: FileLocation(file: $0.policy.location.file, range: $0.policy.nameRange), session: nil)
        }
    }

    // MARK: - Rows that a command starts from

    /// For UPDATE's WITH CHECK: the old row each session updates must pass UPDATE's USING.
    /// Not SELECT's: `UPDATE t SET c = v` without WHERE or RETURNING reads no column, and then
    /// PostgreSQL applies no SELECT policy to the old row or the new one, so a session can write
    /// rows it cannot read; the proofs must cover that statement.
    func oldRow(_ encoder: QueryEncoder, table: TableModel, session: SessionInstance, role: String) throws -> [Term] {
        let old = try encoder.newRow(table, label: "old row", session: session.index, inDatabase: true)
        let update = effective(table.name, .update, role: role, side: .using)
        return [try encoder.encode(update, row: old, session: session, positive: true)]
    }

    // MARK: - tenant-isolation

    /// Whether every way in pins `key` to one column: some column `c` of the row is compared
    /// equal with the key in every permissive clause, or in every clause of some restrictive
    /// policy. (Different columns per clause do not isolate: a row with `tenant_id = A` and
    /// `shared_with = B` passes `tenant_id = key OR shared_with = key` for A and for B.)
    /// With `oneColumn` false any column per clause will do: enough to deny while the key is unset.
    /// Columns where `exact` is false (equality is not identity there) pin nothing for isolation.
    static func pins(
        _ predicate: EffectivePredicate, key: String, oneColumn: Bool = true,
        exact: (String) -> Bool = { _ in true }
    ) -> Bool {
        func pinnedColumns(_ clause: Clause) -> Set<String> {
            var columns = Set<String>()
            for atom in clause.atoms {
                if case .compare(.column(let column), .equal, .session(let k)) = atom, k == key, !oneColumn || exact(column) {
                    columns.insert(column)
                }
            }
            return columns
        }
        func pinOneColumn(_ clauses: [Clause]) -> Bool {
            guard var common = clauses.first.map(pinnedColumns) else { return false }
            if !oneColumn { return clauses.allSatisfy { !pinnedColumns($0).isEmpty } }
            for clause in clauses.dropFirst() where !common.isEmpty { common.formIntersection(pinnedColumns(clause)) }
            return !common.isEmpty
        }
        if pinOneColumn(predicate.permissive.flatMap(\.clauses)) { return true }
        return predicate.restrictive.contains { pinOneColumn($0.clauses) }
    }

    private func isolation(_ predicate: EffectivePredicate, key: String, base: String) -> ProofQuery {
        let table = predicate.table
        var query = ProofQuery(
            proof: .tenantIsolation, table: table, command: predicate.command, role: predicate.role, key: key,
            side: predicate.side, cacheKey: "iso|\(key)|" + base, failsWhenSatisfiable: true, build: nil, fixed: nil,
            failureReason: "two sessions with different \(key) both \(predicate.side == .using ? "reach" : "can write") the same row",
            failureBlame: [])
        query.blameCandidates = predicate.permissive
        let schema = set.schema
        let exact = { (column: String) in schema.table(table)?.column(column).map { !schema.hasUnknownEquality($0) } ?? true }
        if options.useShortcuts, ProofPlanner.pins(predicate, key: key, exact: exact) {
            query.fixed = (.proven, "every permissive clause pins \(key) to a column of the row", true)
            return query
        }
        let set = self.set
        query.build = { encoder in
            guard let model = set.schema.table(table) else { return [] }
            let first = encoder.session(0, role: predicate.role)
            let second = encoder.session(1, role: predicate.role)
            var assertions: [Term] = []
            let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: predicate.side == .using)
            let a = try encoder.sessionValue(key, first)
            let b = try encoder.sessionValue(key, second)
            assertions.append(try encoder.z3.not(a.null))
            assertions.append(try encoder.z3.not(b.null))
            assertions.append(try encoder.z3.not(encoder.z3.eq(a.value, b.value)))
            for session in [first, second] {
                if predicate.command == .update && predicate.side == .check {
                    assertions += try self.oldRow(encoder, table: model, session: session, role: predicate.role)
                }
                assertions.append(try encoder.encode(predicate, row: row, session: session, positive: true, recordBlame: true))
            }
            return assertions
        }
        return query
    }

    // MARK: - fail-closed

    private func failClosed(_ predicate: EffectivePredicate, key: String, base: String) -> ProofQuery {
        let table = predicate.table
        var query = ProofQuery(
            proof: .failClosed, table: table, command: predicate.command, role: predicate.role, key: key,
            side: predicate.side, cacheKey: "fc|\(key)|" + base, failsWhenSatisfiable: true, build: nil, fixed: nil,
            failureReason: "with \(key) unset a session still \(predicate.side == .using ? "reaches" : "can write") rows",
            failureBlame: [])
        query.blameCandidates = predicate.permissive
        // An unset key is NULL, which no comparison matches; but with `missing_context: error`
        // a text key set to '' stays '', and a text column can hold ''.
        // A value read by its own SQL (`sql:`) is unset only when NULL.
        let isSetting = set.config.sessionKey(key)?.isSetting ?? true
        let emptyStaysSet = isSetting && set.config.missingContext == .error && set.sessionType(key).family == .text
        if options.useShortcuts, !emptyStaysSet, ProofPlanner.pins(predicate, key: key, oneColumn: false) {
            query.fixed = (.proven, "every permissive clause compares \(key) with a column, which is never true while it is unset", true)
            return query
        }
        let set = self.set
        query.build = { encoder in
            guard let model = set.schema.table(table) else { return [] }
            let session = encoder.session(0, role: predicate.role)
            var assertions: [Term] = []
            let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: predicate.side == .using)
            let value = try encoder.sessionValue(key, session)
            if QueryEncoder.encoding(value.family) != .string || !isSetting {
                assertions.append(value.null)
            } else {
                assertions.append(try encoder.z3.or(value.null, encoder.z3.eq(value.value, encoder.z3.string(""))))
            }
            if predicate.command == .update && predicate.side == .check {
                assertions += try self.oldRow(encoder, table: model, session: session, role: predicate.role)
            }
            assertions.append(try encoder.encode(predicate, row: row, session: session, positive: true, recordBlame: true))
            return assertions
        }
        return query
    }

    // MARK: - contradiction

    private func contradiction(_ predicate: EffectivePredicate, base: String) -> ProofQuery {
        let table = predicate.table
        let set = self.set
        return ProofQuery(
            proof: .contradiction, table: table, command: predicate.command, role: predicate.role, key: nil,
            side: predicate.side, cacheKey: "contra|" + base, failsWhenSatisfiable: false,
            build: { encoder in
                guard let model = set.schema.table(table) else { return [] }
                let session = encoder.session(0, role: predicate.role)
                let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: true)
                return [try encoder.encode(predicate, row: row, session: session, positive: true)]
            },
            fixed: nil,
            failureReason: "the effective predicate can never be true: no row is ever \(predicate.side == .using ? "visible" : "writable")",
            failureBlame: policyBlame(predicate.permissive + predicate.restrictive))
    }

    /// Each clause of each applicable policy on its own (once per table and clause).
    private func clauseContradictions(_ predicate: EffectivePredicate, seen: inout Set<String>) -> [ProofQuery] {
        var result: [ProofQuery] = []
        let table = predicate.table
        let set = self.set
        for policy in predicate.permissive + predicate.restrictive {
            for clause in policy.clauses where !clause.isTrue {
                guard let origin = clause.origin, seen.insert("\(origin.location.file)|\(origin.location.range)|\(table)").inserted else {
                    continue
                }
                let key = "clause|\(environment)|" + fingerprint.of([clause], table: table, role: predicate.role)
                result.append(
                    ProofQuery(
                        proof: .contradiction, table: table, command: nil, role: predicate.role, key: nil, side: predicate.side,
                        cacheKey: key, failsWhenSatisfiable: false,
                        build: { encoder in
                            guard let model = set.schema.table(table) else { return [] }
                            let session = encoder.session(0, role: predicate.role)
                            let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: true)
                            return [try encoder.encode(clause, row: row, session: session, positive: true)]
                        },
                        fixed: nil,
                        failureReason: "this clause of policy '\(policy.policy.name)' can never be true: \(clause)",
                        failureBlame: [Blame(policy: policy.policy.name, location: origin.location, session: nil)]))
            }
        }
        return result
    }

    // MARK: - traversal

    private func traversals(_ predicate: EffectivePredicate, base: String, seen: inout Set<String>) -> [ProofQuery] {
        var result: [ProofQuery] = []
        let set = self.set
        for policy in predicate.permissive + predicate.restrictive {
            for clause in policy.clauses {
                // Each traversal with the table of the row it starts from (what `outer(c)` reads).
                var found: [(traversal: Traversal, source: QualifiedName)] = []
                func visit(_ clause: Clause, table: QualifiedName) {
                    for atom in clause.atoms {
                        if case .exists(let traversal) = atom {
                            found.append((traversal, table))
                            visit(traversal.clause, table: traversal.target)
                        }
                    }
                }
                visit(clause, table: predicate.table)
                for (traversal, sourceTable) in found {
                    let label = "\(predicate.table)|\(predicate.role)|\(Atom.exists(traversal))"
                    guard seen.insert(label).inserted else { continue }
                    let rls =
                        set.isGoverned(traversal.target) ? effective(traversal.target, .select, role: predicate.role, side: .using) : nil
                    var key =
                        "trav|\(environment)|" + fingerprint.of([traversal.clause], table: traversal.target, role: predicate.role)
                        + " |rls " + (rls.map(print) ?? "ungoverned")
                    if traversal.isCorrelated {
                        key += " |outer " + fingerprint.columns(traversal.clause.outerColumns, table: sourceTable)
                    }
                    let hides = rls.map { $0.isDefaultDeny } ?? false
                    var query = ProofQuery(
                        proof: .traversal, table: predicate.table, command: predicate.command, role: predicate.role, key: nil,
                        side: predicate.side, cacheKey: key, failsWhenSatisfiable: false, build: nil, fixed: nil,
                        failureReason:
                            "exists(rel(_, \(traversal.sourceColumn), \(traversal.target), \(traversal.targetColumn)), …) reaches \(traversal.target), whose own row-level security hides every matching row from role \(predicate.role)",
                        failureBlame: clause.origin.map { [Blame(policy: policy.policy.name, location: $0.location, session: nil)] } ?? [])
                    if hides {
                        query.fixed = (.failed, query.failureReason, false)
                    } else {
                        query.build = { encoder in
                            guard let target = set.schema.table(traversal.target) else { return [] }
                            let session = encoder.session(0, role: predicate.role)
                            let witness = try encoder.newRow(target, label: "witness", session: 0, inDatabase: true)
                            // A clause reading `outer(c)` is asked of some row it may start from.
                            var outer: RowInstance?
                            if traversal.isCorrelated, let source = set.schema.table(sourceTable) {
                                outer = try encoder.newRow(source, label: "row", session: nil, inDatabase: true)
                            }
                            var assertions = [
                                try encoder.encode(traversal.clause, row: witness, session: session, positive: true, outer: outer)
                            ]
                            if let rls { assertions.append(try encoder.encode(rls, row: witness, session: session, positive: true)) }
                            return assertions
                        }
                    }
                    result.append(query)
                }
            }
        }
        return result
    }

    // MARK: - write-restriction

    /// What a session reads back after writing with `command` (see `PredicateIndex.readBack`).
    func readBack(table: QualifiedName, command: PolicyCommand, role: String) -> EffectivePredicate {
        index.readBack(table, command, role: role).predicate
    }

    private func writeRestriction(_ predicate: EffectivePredicate, base: String) -> ProofQuery {
        let table = predicate.table
        let (read, readPrint) = index.readBack(table, predicate.command, role: predicate.role)
        var query = ProofQuery(
            proof: .writeRestriction, table: table, command: predicate.command, role: predicate.role, key: nil,
            side: .check, cacheKey: "wr|" + base + " |read " + readPrint, failsWhenSatisfiable: true,
            build: nil, fixed: nil,
            failureReason: "a session can \(predicate.command == .insert ? "insert" : "update to") a row it cannot read back",
            failureBlame: [])
        query.blameCandidates = predicate.permissive
        if read.isDefaultDeny {
            query.fixed = (.failed, "no SELECT policy applies to role \(predicate.role): rows written cannot be read back", false)
            query.failureBlame = policyBlame(predicate.permissive)
            return query
        }
        if options.useShortcuts, ProofPlanner.implies(predicate, read) {
            query.fixed = (.proven, "every way to write is also a way to read", true)
            return query
        }
        let set = self.set
        query.build = { encoder in
            guard let model = set.schema.table(table) else { return [] }
            let session = encoder.session(0, role: predicate.role)
            var assertions: [Term] = []
            let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: true)
            if predicate.command == .update {
                assertions += try self.oldRow(encoder, table: model, session: session, role: predicate.role)
            }
            assertions.append(try encoder.encode(predicate, row: row, session: session, positive: true, recordBlame: true))
            // Negative parts last: their traversals range over the rows the positive parts created.
            assertions.append(try encoder.z3.not(encoder.encode(read, row: row, session: session, positive: false)))
            return assertions
        }
        return query
    }

    /// A syntactic sufficient condition for `a ⇒ b`: every restrictive policy of `b` is one of
    /// `a`'s with the same clauses, and every permissive clause of `a` contains all atoms of some
    /// permissive clause of `b`.
    static func implies(_ a: EffectivePredicate, _ b: EffectivePredicate) -> Bool {
        for restrictive in b.restrictive {
            guard a.restrictive.contains(where: { $0.policy.name == restrictive.policy.name && $0.clauses == restrictive.clauses }) else {
                return false
            }
        }
        let targets = b.permissive.flatMap(\.clauses).map { Set($0.atoms) }
        for clause in a.permissive.flatMap(\.clauses) {
            let atoms = Set(clause.atoms)
            guard targets.contains(where: { $0.isSubset(of: atoms) }) else { return false }
        }
        return true
    }

    // MARK: - subsumption and redundancy (hints)

    private func subsumption(_ predicate: EffectivePredicate, base: String) -> [ProofQuery] {
        var result: [ProofQuery] = []
        let table = predicate.table
        let set = self.set
        if predicate.permissive.count > 1 {
            for (index, policy) in predicate.permissive.enumerated() {
                let others = predicate.permissive.enumerated().filter { $0.offset != index }.map(\.element)
                let names = others.map { "'\($0.policy.name)'" }.joined(separator: ", ")
                result.append(
                    ProofQuery(
                        proof: .subsumption, table: table, command: predicate.command, role: predicate.role, key: nil,
                        side: predicate.side,
                        cacheKey: "sub|" + ProofPlanner.structure([policy]) + " vs " + ProofPlanner.structure(others) + "|" + base,
                        failsWhenSatisfiable: false,
                        build: { encoder in
                            guard let model = set.schema.table(table) else { return [] }
                            let session = encoder.session(0, role: predicate.role)
                            let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: true)
                            let mine = try encoder.encode(policy.clauses, row: row, session: session, positive: true)
                            let rest = try encoder.z3.or(
                                try others.map { try encoder.encode($0.clauses, row: row, session: session, positive: false) })
                            return [mine, try encoder.z3.not(rest)]
                        },
                        fixed: nil,
                        failureReason:
                            "permissive policy '\(policy.policy.name)' adds nothing on \(table) for \(predicate.command.rawValue): \(names) already allow every row it allows",
                        failureBlame: policyBlame([policy])))
            }
        }
        for (index, policy) in predicate.restrictive.enumerated() {
            let others = predicate.restrictive.enumerated().filter { $0.offset != index }.map(\.element)
            result.append(
                ProofQuery(
                    proof: .subsumption, table: table, command: predicate.command, role: predicate.role, key: nil,
                    side: predicate.side,
                    cacheKey: "subr|" + ProofPlanner.structure(predicate.permissive) + " & " + ProofPlanner.structure(others)
                        + " => " + ProofPlanner.structure([policy]) + "|" + base,
                    failsWhenSatisfiable: false,
                    build: { encoder in
                        guard let model = set.schema.table(table) else { return [] }
                        let session = encoder.session(0, role: predicate.role)
                        let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: true)
                        var parts: [Term] = []
                        parts.append(
                            try encoder.z3.or(
                                try predicate.permissive.map { try encoder.encode($0.clauses, row: row, session: session, positive: true) })
                        )
                        for other in others { parts.append(try encoder.encode(other.clauses, row: row, session: session, positive: true)) }
                        parts.append(try encoder.z3.not(encoder.encode(policy.clauses, row: row, session: session, positive: false)))
                        return parts
                    },
                    fixed: nil,
                    failureReason:
                        "restrictive policy '\(policy.policy.name)' removes nothing on \(table) for \(predicate.command.rawValue): the other policies already imply it",
                    failureBlame: policyBlame([policy])))
        }
        return result
    }

    private func redundancy(_ predicate: EffectivePredicate, base: String) -> [ProofQuery] {
        var result: [ProofQuery] = []
        let table = predicate.table
        let set = self.set
        let all = predicate.permissive.flatMap { policy in policy.clauses.map { (policy, $0) } }
        guard all.count > 1 else { return [] }
        for (index, entry) in all.enumerated() where entry.0.clauses.count > 1 {
            let (policy, clause) = entry
            let others = all.enumerated().filter { $0.offset != index }.map(\.element.1)
            result.append(
                ProofQuery(
                    proof: .redundancy, table: table, command: predicate.command, role: predicate.role, key: nil,
                    side: predicate.side,
                    cacheKey: "red|\(clause) vs " + others.map(\.description).joined(separator: " | ") + "|" + base,
                    failsWhenSatisfiable: false,
                    build: { encoder in
                        guard let model = set.schema.table(table) else { return [] }
                        let session = encoder.session(0, role: predicate.role)
                        let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: true)
                        let mine = try encoder.encode(clause, row: row, session: session, positive: true)
                        let rest = try encoder.encode(others, row: row, session: session, positive: false)
                        return [mine, try encoder.z3.not(rest)]
                    },
                    fixed: nil,
                    failureReason:
                        "this clause of '\(policy.policy.name)' changes nothing on \(table) for \(predicate.command.rawValue): other clauses already allow every row it allows",
                    failureBlame: clause.origin.map { [Blame(policy: policy.policy.name, location: $0.location, session: nil)] } ?? []))
        }
        return result
    }

    // MARK: - policy-equivalence

    /// Per table of either set × command × role (of either set) × side: is each set's effective
    /// predicate true for exactly the rows and sessions the other's is? With
    /// `separatesDirections`, two questions each (added, removed), and a table governed in one
    /// set only is compared with every row in the other.
    private func equivalence(_ other: PredicateIndex, label: String) -> [ProofQuery] {
        var result: [ProofQuery] = []
        let tables = Set(set.governedTables).union(other.set.governedTables).sorted()
        let otherEnvironment = Fingerprint(index: other).environment
        let environment = self.environment + " / " + otherEnvironment
        // The same environment and the same fingerprint: the same predicate (a fingerprint holds
        // everything an answer depends on), so no question is needed.
        let sameEnvironment = options.useShortcuts && self.environment == otherEnvironment
        let separate = options.separatesDirections
        for table in tables where options.tables?.contains(table) ?? true {
            let here = set.isGoverned(table)
            let there = other.set.isGoverned(table)
            guard (here && there) || separate else {
                let which = here ? "this policy set" : label
                result.append(
                    fixedQuery(
                        .policyEquivalence, table, nil, role: "*", key: nil, side: .using, status: .failed,
                        reason: "only \(which) governs \(table): row-level security is on in one set and off in the other",
                        blame: here
                            ? policyBlame(
                                set.policies.filter { $0.tables.contains(table) }.map {
                                    PolicyPredicate(policy: $0.ref, kind: $0.kind, clauses: [])
                                }) : []))
                continue
            }
            guard set.schema.table(table) != nil else { continue }
            let roles =
                Set(index.roles(for: table)).union(other.roles(for: table)).filter { $0 != PolicySet.publicRole }.sorted()
                + [PolicySet.publicRole]
            for command in PolicyCommand.allCases {
                for role in roles {
                    for side in PolicySet.sides(of: command) {
                        let first =
                            here
                            ? (effective(table, command, role: role, side: side), print: nil)
                            : (ProofPlanner.everyRow(table, command, role: role, side: side), print: "rls-off")
                        let second =
                            there
                            ? (other.effective(table, command, role: role, side: side), print: nil)
                            : (ProofPlanner.everyRow(table, command, role: role, side: side), print: "rls-off")
                        let query = equivalence(
                            (first.0, first.print ?? print(first.0)),
                            (second.0, second.print ?? other.fingerprint(table, command, role: role, side: side)),
                            other: other, label: label, environment: environment, sameEnvironment: sameEnvironment)
                        result += separate ? ProofPlanner.separated(query) : [query]
                    }
                }
            }
        }
        return result
    }

    /// The effective predicate of a table without row-level security: every row.
    static func everyRow(_ table: QualifiedName, _ command: PolicyCommand, role: String, side: EffectivePredicate.Side)
        -> EffectivePredicate
    {
        let nowhere = SourceRange(start: 0, end: 0)
        let unsecured = PolicyRef(
            name: "(row-level security off)", location: FileLocation(file: "", range: nowhere), nameRange: nowhere)
        return EffectivePredicate(
            table: table, command: command, role: role, side: side,
            permissive: [PolicyPredicate(policy: unsecured, kind: .permissive, clauses: [Clause(atoms: [])])], restrictive: [])
    }

    /// An equivalence query split into its two directions, each a query of its own (both are
    /// answered): added (this set admits, the other does not), then removed.
    static func separated(_ query: ProofQuery) -> [ProofQuery] {
        var added = query
        added.alternatives = []
        added.directions = [.added]
        added.cacheKey = "added|" + query.cacheKey
        var removed = added
        removed.directions = [.removed]
        removed.cacheKey = "removed|" + query.cacheKey
        if let alternative = query.alternatives.first {
            removed.build = alternative.build
            removed.failureReason = alternative.failureReason
        }
        return [added, removed]
    }

    private func equivalence(
        _ first: (predicate: EffectivePredicate, print: String), _ second: (predicate: EffectivePredicate, print: String),
        other: PredicateIndex, label: String, environment: String, sameEnvironment: Bool
    ) -> ProofQuery {
        let (firstPredicate, secondPredicate) = (first.predicate, second.predicate)
        let table = firstPredicate.table
        let verb = firstPredicate.side == .using ? "reaches" : "can write"
        var query = ProofQuery(
            proof: .policyEquivalence, table: table, command: firstPredicate.command, role: firstPredicate.role, key: nil,
            side: firstPredicate.side,
            cacheKey: "eqv|\(environment)|\(firstPredicate.side.rawValue)|" + first.print + " || " + second.print,
            failsWhenSatisfiable: true, build: nil, fixed: nil,
            failureReason: "a session \(verb) a row under this policy set that it does not under \(label)", failureBlame: [])
        query.blameCandidates = firstPredicate.permissive + secondPredicate.permissive
        query.directions = [.added, .removed]
        if firstPredicate.isDefaultDeny && secondPredicate.isDefaultDeny {
            query.fixed = (.proven, "no permissive policy applies in either set", false)
            return query
        }
        if sameEnvironment && first.print == second.print {
            query.fixed = (.proven, "the same predicate in both sets", true)
            return query
        }
        let mine = index
        let set = self.set
        func direction(_ positive: (PredicateIndex, EffectivePredicate), _ negative: (PredicateIndex, EffectivePredicate))
            -> ProofQuery.Build
        {
            { encoder in
                guard let model = set.schema.table(table) else { return [] }
                let session = encoder.session(0, role: firstPredicate.role)
                let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: firstPredicate.side == .using)
                encoder.index = positive.0
                let admitted = try encoder.encode(positive.1, row: row, session: session, positive: true, recordBlame: true)
                // Negative part last: its traversals range over the rows the positive part created.
                encoder.index = negative.0
                let refused = try encoder.z3.not(encoder.encode(negative.1, row: row, session: session, positive: false))
                encoder.index = mine
                return [admitted, refused]
            }
        }
        query.build = direction((mine, firstPredicate), (other, secondPredicate))
        query.alternatives = [
            (
                direction((other, secondPredicate), (mine, firstPredicate)),
                "a session \(verb) a row under \(label) that it does not under this policy set"
            )
        ]
        return query
    }

    // MARK: - role-separation

    private func roleSeparation(table: QualifiedName, command: PolicyCommand) -> [ProofQuery] {
        let roles = set.config.analysis.separateRoles
        var result: [ProofQuery] = []
        let set = self.set
        for i in 0..<roles.count {
            for j in (i + 1)..<roles.count {
                let first = effective(table, command, role: set.dimension(of: roles[i]), side: .using)
                let second = effective(table, command, role: set.dimension(of: roles[j]), side: .using)
                var query = ProofQuery(
                    proof: .roleSeparation, table: table, command: command, role: "\(roles[i]),\(roles[j])", key: nil, side: .using,
                    cacheKey: "roles|\(environment)|" + print(first) + "||" + print(second),
                    failsWhenSatisfiable: true, build: nil, fixed: nil,
                    failureReason: "roles \(roles[i]) and \(roles[j]) can both reach the same row", failureBlame: [])
                query.blameCandidates = first.permissive + second.permissive
                if first.isDefaultDeny || second.isDefaultDeny {
                    query.fixed = (.proven, "one of the roles reaches nothing", false)
                } else {
                    query.build = { encoder in
                        guard let model = set.schema.table(table) else { return [] }
                        let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: true)
                        let a = encoder.session(0, role: first.role)
                        let b = encoder.session(1, role: second.role)
                        return [
                            try encoder.encode(first, row: row, session: a, positive: true, recordBlame: true),
                            try encoder.encode(second, row: row, session: b, positive: true, recordBlame: true),
                        ]
                    }
                }
                result.append(query)
            }
        }
        return result
    }
}

/// The queries of each planned table, filled by the planning threads.
private final class PlannedTables: Sendable {
    private let slots: Mutex<[[ProofQuery]]>

    init(count: Int) {
        slots = Mutex(Array(repeating: [], count: count))
    }

    func store(_ queries: [ProofQuery], at position: Int) {
        slots.withLock { $0[position] = queries }
    }

    var all: [[ProofQuery]] {
        slots.withLock { $0 }
    }
}
