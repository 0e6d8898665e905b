import PolicyProofs
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// Compares the compiled policies with a live catalog: the seven drift types with their repairs
/// (SPEC 8), and posture findings. Pure: it reads no database; the canonical forms come from a
/// `PolicyRoundTrip` over `roundTripRequests()`.
///
/// Grants are managed per table: on a table that at least one GRANT item covers, every explicit
/// privilege not given by a GRANT item is `extra_grant`; on other tables grants are not looked
/// at. The table owner's own privileges are never compared.
///
/// With a `MeaningComparator`, expressions whose text differs are compared by meaning (SPEC
/// 11.7): proven equivalent is `cosmetic_change` (info, not drift, no repair), narrower a
/// `modified_policy` warning, wider or incomparable a critical one with a witness row; an
/// unmanaged permissive policy that admits a row the managed permissive policies for its
/// commands and roles refuse is a critical `extra_policy` with that witness, repaired without
/// `--prune`. Undecided comparisons (raw SQL, timeouts) keep the text comparison's verdict.
public struct DriftDetector {
    /// The desired state.
    public let program: CompiledProgram
    /// The live state.
    public let catalog: LiveCatalog
    /// Compares expressions by meaning; `nil` compares text only (SPEC 8).
    public let meaning: MeaningComparator?
    /// The live roles' memberships: which roles' policies apply to a session of a role.
    private let roleGraph: RoleGraph

    /// Creates a detector.
    public init(program: CompiledProgram, catalog: LiveCatalog, meaning: MeaningComparator? = nil) {
        self.program = program
        self.catalog = catalog
        self.meaning = meaning
        self.roleGraph = RoleGraph(roles: catalog.snapshot.model.roles)
    }

    /// The expected policies that exist under the same name on the same table: only these need
    /// canonical forms (a missing policy has nothing to compare with).
    public func roundTripRequests() -> [(key: PolicyKey, policy: ExpectedPolicy)] {
        var requests: [(key: PolicyKey, policy: ExpectedPolicy)] = []
        for table in program.tables {
            let existing = Set(catalog.policies(on: table.table).map(\.name))
            for policy in table.policies where existing.contains(policy.name) {
                requests.append((PolicyKey(table: table.table, name: policy.name), policy))
            }
        }
        return requests
    }

    /// Every drift item, by table, then in `DriftType` order, then by policy.
    public func drift(canonical: [PolicyKey: CanonicalPolicy]) -> [DriftItem] {
        var items: [DriftItem] = []
        for table in program.tables {
            items += drift(of: table, canonical: canonical)
        }
        let order = Dictionary(uniqueKeysWithValues: DriftType.allCases.enumerated().map { ($1, $0) })
        return items.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if left.table != right.table { return left.table < right.table }
            if left.type != right.type { return order[left.type, default: 0] < order[right.type, default: 0] }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    // MARK: - One table

    private func drift(of compiled: CompiledTable, canonical: [PolicyKey: CanonicalPolicy]) -> [DriftItem] {
        let table = compiled.table
        let creates = compiled.statements.filter { $0.kind == .createPolicy && $0.policy != nil }
        let grants = compiled.statements.filter { $0.kind == .grant && $0.grant != nil }
        guard catalog.table(table) != nil, let state = catalog.state(of: table) else {
            let missing = "table \(table) does not exist in the database"
            var items = creates.compactMap { statement in
                statement.policy.map {
                    DriftItem(
                        type: .missingPolicy, table: table, policy: $0.name, description: missing,
                        expected: expectedText($0, canonical: nil), source: statement.source)
                }
            }
            items += grants.compactMap { statement in
                statement.grant.map {
                    DriftItem(
                        type: .missingGrant, table: table, description: missing,
                        expected: "\($0.privileges.joined(separator: ", ")) to \($0.roles.joined(separator: ", "))",
                        source: statement.source)
                }
            }
            return items
        }
        var items: [DriftItem] = []
        if compiled.isGoverned {
            if !state.rlsEnabled {
                items.append(
                    DriftItem(
                        type: .rlsDisabled, table: table, description: "row level security is disabled on \(table)",
                        expected: "enabled", observed: "disabled",
                        repair: [PlanAction(kind: .enableRLS, table: table, sql: RepairSQL.enableRLS(table))]))
            }
            if compiled.isForced && !state.rlsForced {
                items.append(
                    DriftItem(
                        type: .rlsNotForced, table: table,
                        description: "row level security is not forced on \(table): its owner bypasses the policies",
                        expected: "forced", observed: "not forced",
                        repair: [PlanAction(kind: .forceRLS, table: table, sql: RepairSQL.forceRLS(table))]))
            }
            if !compiled.isForced && state.rlsForced {
                items.append(
                    DriftItem(
                        type: .rlsForced, table: table,
                        description:
                            "row level security is forced on \(table), which force: leaves out: its owner passes through the policies",
                        expected: "not forced", observed: "forced",
                        repair: [PlanAction(kind: .noForceRLS, table: table, sql: RepairSQL.noForceRLS(table))]))
            }
        }
        let observed = Dictionary(catalog.policies(on: table).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var expectedNames = Set<String>()
        for statement in creates {
            guard let policy = statement.policy else { continue }
            expectedNames.insert(policy.name)
            let key = PolicyKey(table: table, name: policy.name)
            guard let live = observed[policy.name] else {
                items.append(
                    DriftItem(
                        type: .missingPolicy, table: table, policy: policy.name,
                        description: "policy \(policy.name) does not exist on \(table)",
                        expected: expectedText(policy, canonical: nil),
                        repair: [PlanAction(kind: .createPolicy, table: table, policy: policy.name, sql: statement.sql)],
                        source: statement.source))
                continue
            }
            if let item = modification(policy, statement: statement, live: live, canonical: canonical[key], table: table) {
                items.append(item)
            }
        }
        if compiled.isGoverned {
            for live in catalog.policies(on: table) where !expectedNames.contains(live.name) {
                items.append(extra(live, managed: compiled.policies, table: table))
            }
        }
        items += grantDrift(table, grants: grants)
        return items
    }

    /// The `modified_policy` item for an expected policy and its namesake, its `cosmetic_change`
    /// item when only the spelling of its expressions differs, or `nil` when they agree.
    private func modification(
        _ policy: ExpectedPolicy, statement: CompiledStatement, live: SnapshotPolicy,
        canonical: CanonicalPolicy?, table: QualifiedName
    ) -> DriftItem? {
        var differences: [String] = []
        if policy.permissive != live.permissive { differences.append("type") }
        if policy.command != live.command { differences.append("command") }
        let expectedRoles = Self.roleSet(policy.roles)
        let rolesDiffer = expectedRoles != Set(live.roles)
        if rolesDiffer { differences.append("roles") }
        var expectedUsing = policy.using
        var expectedCheck = policy.check
        var refused: String?
        switch canonical {
        case .printed(let qual, let withCheck)?:
            (expectedUsing, expectedCheck) = (qual, withCheck)
        case .rejected(let message)?:
            refused = message
        case nil:
            break
        }
        // Without WITH CHECK, an ALL or UPDATE policy checks new rows with its USING: a live
        // WITH CHECK is compared with that (pgpe import meets `USING (x) WITH CHECK (x)`, which
        // compiles back without WITH CHECK).
        let checkIsUsing =
            policy.check == nil && live.withCheck != nil && policy.using != nil && (policy.command == "ALL" || policy.command == "UPDATE")
        if checkIsUsing { expectedCheck = expectedUsing }
        var usingDiffers = refused == nil && expectedUsing != live.qual
        var checkDiffers = refused == nil && expectedCheck != live.withCheck
        let structural =
            policy.permissive != live.permissive || policy.command != live.command
            || (policy.check == nil && live.withCheck != nil && !checkIsUsing) || (policy.using == nil && live.qual != nil)
            || refused != nil
        // Drift by meaning (SPEC 11.7) for the expressions whose text differs.
        var cosmetic: [String] = []
        var judged: [(side: String, comparison: MeaningComparison)] = []
        if let meaning, !structural {
            for (side, expected, observed) in [("USING", expectedUsing, live.qual), ("WITH CHECK", expectedCheck, live.withCheck)] {
                guard side == "USING" ? usingDiffers : checkDiffers, let expected, let observed else { continue }
                let comparison = meaning.compare(observed: observed, expected: expected, on: table)
                if comparison.relation == .equivalent {
                    // Without a round trip (a role that owns nothing), equal canonical text is the
                    // round trip's "same text", not a change of spelling.
                    if canonical != nil || !comparison.byText { cosmetic.append(side) }
                    if side == "USING" { usingDiffers = false } else { checkDiffers = false }
                } else {
                    judged.append((side, comparison))
                }
            }
        }
        if usingDiffers { differences.append("USING") }
        if checkDiffers { differences.append("WITH CHECK") }
        if let refused { differences.append("expressions (PostgreSQL refuses the expected policy: \(refused))") }
        guard !differences.isEmpty else {
            guard !cosmetic.isEmpty else { return nil }
            return DriftItem(
                type: .cosmeticChange, table: table, policy: policy.name,
                description:
                    "policy \(policy.name) on \(table) is written differently in \(cosmetic.joined(separator: " and ")) but proven to admit the same rows",
                expected: expectedText(policy, canonical: canonical), observed: observedText(live), source: statement.source)
        }
        let repair: [PlanAction]
        if structural {
            repair = [
                PlanAction(kind: .dropPolicy, table: table, policy: policy.name, sql: RepairSQL.dropPolicy(policy.name, on: table)),
                PlanAction(kind: .createPolicy, table: table, policy: policy.name, sql: statement.sql),
            ]
        } else {
            let sql = RepairSQL.alterPolicy(
                policy.name, on: table, roles: rolesDiffer ? policy.roles : nil,
                using: usingDiffers ? policy.using : nil, check: checkDiffers ? policy.check ?? policy.using : nil)
            repair = [PlanAction(kind: .alterPolicy, table: table, policy: policy.name, sql: sql)]
        }
        var description = "policy \(policy.name) on \(table) differs in \(differences.joined(separator: ", "))"
        var severity: DriftSeverity?
        var witness: Counterexample?
        if !judged.isEmpty {
            description += "; " + judged.map { Self.describe($0.comparison, side: $0.side) }.joined(separator: "; ")
            witness = judged.lazy.compactMap(\.comparison.witness).first
            // Narrower everywhere it differs, and nothing else differs: a warning.
            if !rolesDiffer, judged.allSatisfy({ $0.comparison.relation == .narrower }) { severity = .warning }
        }
        return DriftItem(
            type: .modifiedPolicy, table: table, policy: policy.name, description: description,
            expected: expectedText(policy, canonical: canonical), observed: observedText(live),
            repair: repair, source: statement.source, severity: severity, witness: witness)
    }

    /// What a comparison by meaning found, for a description.
    private static func describe(_ comparison: MeaningComparison, side: String) -> String {
        switch comparison.relation {
        case .equivalent: return "the live \(side) admits the same rows"
        case .narrower: return "the live \(side) is narrower: it admits a subset of the managed policy's rows"
        case .wider: return "the live \(side) is wider: it admits rows the managed policy does not"
        case .incomparable: return "the live \(side) admits rows the managed policy does not (and refuses some it admits)"
        case .unknown:
            return "the live \(side) could not be compared by meaning (\(comparison.reason ?? "undecided")): compared as text"
        }
    }

    /// The `extra_policy` item for a policy pgpe does not manage: critical with a witness when
    /// it is permissive and admits, for one of its commands and roles, a row that the managed
    /// permissive policies for that command and role (and the roles it has the privileges of) refuse (where the managed restrictive ones
    /// hold); a warning otherwise.
    private func extra(_ live: SnapshotPolicy, managed: [ExpectedPolicy], table: QualifiedName) -> DriftItem {
        var description = "policy \(live.name) on \(table) is not managed by pgpe"
        var witness: Counterexample?
        if let meaning, live.permissive {
            var undecided: String?
            search: for command in Self.commands(live.command) {
                for role in live.roles.isEmpty ? ["public"] : live.roles {
                    // The managed policies a session of `role` gets: those for PUBLIC and for every
                    // role it has the privileges of (itself included).
                    let sessionRoles = roleGraph.privileges(of: role)
                    let applying = managed.filter { policy in
                        let roles = Self.roleSet(policy.roles)
                        return (policy.command == "ALL" || policy.command == command)
                            && (roles.contains("public") || !roles.isDisjoint(with: sessionRoles))
                    }
                    for usingSide in Self.sides(command) {
                        guard let observed = usingSide ? live.qual : live.withCheck ?? live.qual else { continue }
                        func text(_ policy: ExpectedPolicy) -> String? { usingSide ? policy.using : policy.check ?? policy.using }
                        let comparison = meaning.compare(
                            extra: observed, restrictive: applying.filter { !$0.permissive }.compactMap(text),
                            managed: applying.filter(\.permissive).compactMap(text), on: table)
                        if comparison.admitsMore {
                            witness = comparison.witness
                            description +=
                                " and admits rows the managed policies do not (\(command) for \(role)\(usingSide ? "" : ", WITH CHECK")): it is dropped without --prune"
                            break search
                        }
                        if comparison.relation == .unknown { undecided = comparison.reason }
                    }
                }
            }
            if witness == nil {
                description +=
                    undecided.map { " (it could not be compared by meaning: \($0); dropped only with --prune)" }
                    ?? " but adds no row the managed policies refuse (dropped only with --prune)"
            }
        } else {
            description += live.permissive ? " (dropped only with --prune)" : " (restrictive: it only narrows; dropped only with --prune)"
        }
        return DriftItem(
            type: .extraPolicy, table: table, policy: live.name, description: description, observed: observedText(live),
            repair: [PlanAction(kind: .dropPolicy, table: table, policy: live.name, sql: RepairSQL.dropPolicy(live.name, on: table))],
            severity: witness == nil ? nil : .critical, witness: witness)
    }

    /// The commands a policy's command covers.
    private static func commands(_ command: String) -> [String] {
        command == "ALL" ? ["SELECT", "INSERT", "UPDATE", "DELETE"] : [command]
    }

    /// The expressions a command is checked against: `true` for USING, `false` for WITH CHECK.
    private static func sides(_ command: String) -> [Bool] {
        switch command {
        case "SELECT", "DELETE": return [true]
        case "INSERT": return [false]
        default: return [true, false]
        }
    }

    /// Missing and extra privileges on one table.
    private func grantDrift(_ table: QualifiedName, grants: [CompiledStatement]) -> [DriftItem] {
        let owner = catalog.table(table)?.owner
        var expected: [String: Set<String>] = [:]
        var sources: [String: FileLocation] = [:]
        for statement in grants {
            guard let grant = statement.grant else { continue }
            for role in grant.roles {
                let grantee = Self.grantee(role)
                if grantee == owner { continue }
                expected[grantee, default: []].formUnion(grant.privileges)
                if sources[grantee] == nil { sources[grantee] = statement.source }
            }
        }
        // Only the privileges GRANT items write are compared: PostgreSQL 17's MAINTAIN (which
        // `GRANT ALL` gives there; it reads no row) is outside the language, so a table granted
        // ALL by a migration has no drift on 17+ either.
        var held: [String: Set<String>] = [:]
        for grant in catalog.grants(on: table) where Privilege(written: grant.privilege) != nil {
            held[grant.grantee, default: []].insert(grant.privilege)
        }
        var items: [DriftItem] = []
        for grantee in expected.keys.sorted() {
            let wanted = expected[grantee] ?? []
            let has = held[grantee] ?? []
            let missing = RepairSQL.sortedPrivileges(wanted.subtracting(has))
            guard !missing.isEmpty else { continue }
            items.append(
                DriftItem(
                    type: .missingGrant, table: table,
                    description: "\(grantee) lacks \(missing.joined(separator: ", ")) on \(table)",
                    expected: RepairSQL.sortedPrivileges(wanted).joined(separator: ", ") + " to \(grantee)",
                    observed: has.isEmpty ? nil : RepairSQL.sortedPrivileges(has).joined(separator: ", ") + " to \(grantee)",
                    repair: [PlanAction(kind: .grant, table: table, sql: RepairSQL.grant(missing, on: table, to: grantee))],
                    source: sources[grantee]))
        }
        guard !grants.isEmpty else { return items }
        for grantee in held.keys.sorted() {
            let extra = RepairSQL.sortedPrivileges((held[grantee] ?? []).subtracting(expected[grantee] ?? []))
            guard !extra.isEmpty else { continue }
            items.append(
                DriftItem(
                    type: .extraGrant, table: table,
                    description:
                        "\(grantee) holds \(extra.joined(separator: ", ")) on \(table), which no GRANT item gives (revoked only with --prune)",
                    expected: expected[grantee].map { RepairSQL.sortedPrivileges($0).joined(separator: ", ") + " to \(grantee)" },
                    observed: RepairSQL.sortedPrivileges(held[grantee] ?? []).joined(separator: ", ") + " to \(grantee)",
                    repair: [PlanAction(kind: .revoke, table: table, sql: RepairSQL.revoke(extra, on: table, from: grantee))]))
        }
        return items
    }

    // MARK: - Posture

    /// Login roles that bypass RLS, governed tables owned by a role their policies name, and
    /// forced tables whose owner FORCE subjects to the policies.
    public func posture() -> [PostureFinding] {
        var findings: [PostureFinding] = []
        for role in catalog.model.roles where role.canLogin && (role.isSuperuser || role.bypassesRLS) {
            let why = role.isSuperuser ? "is a superuser" : "has BYPASSRLS"
            findings.append(
                PostureFinding(
                    kind: .privilegedLoginRole, severity: .warning, role: role.name,
                    description: "role \(role.name) can log in and \(why): row level security never applies to its sessions",
                    remediation: role.isSuperuser
                        ? "keep superuser logins for administration; applications should use a role without SUPERUSER"
                        : "ALTER ROLE \(RepairSQL.role(role.name)) NOBYPASSRLS; unless it is a deliberate maintenance role"))
        }
        for compiled in program.tables where compiled.isGoverned {
            guard let owner = catalog.table(compiled.table)?.owner else { continue }
            var named = Set<String>()
            for statement in compiled.statements {
                named.formUnion(statement.policy?.roles ?? [])
                named.formUnion(statement.grant?.roles ?? [])
            }
            named.remove("public")
            let acting = named.sorted().filter { catalog.canActAs($0, role: owner) }
            guard !acting.isEmpty else { continue }
            let how =
                acting == [owner]
                ? "which its policies name" : "and its policies name \(acting.joined(separator: ", ")), which can act as \(owner)"
            findings.append(
                PostureFinding(
                    kind: .ownerNamedByPolicy, severity: .high, role: owner, table: compiled.table,
                    description:
                        "\(compiled.table) is owned by \(owner), \(how): those sessions can disable row level security or drop the policies",
                    remediation:
                        "ALTER TABLE \(SQLQuoting.qualified(compiled.table)) OWNER TO <a role no application session uses or can act as>;"))
        }
        for compiled in program.tables where compiled.isForced {
            guard let owner = catalog.table(compiled.table)?.owner, let role = catalog.role(owner),
                !role.isSuperuser, !role.bypassesRLS
            else { continue }
            let routines = catalog.ownerRoutines[compiled.table] ?? OwnerRoutines()
            var named: [String] = []
            if !routines.securityDefinerFunctions.isEmpty {
                named.append("SECURITY DEFINER functions " + routines.securityDefinerFunctions.joined(separator: ", "))
            }
            if !routines.triggers.isEmpty { named.append("triggers " + routines.triggers.joined(separator: ", ")) }
            let these = named.isEmpty ? "" : "; these run as \(owner) and now pass through them: " + named.joined(separator: "; ")
            findings.append(
                PostureFinding(
                    kind: .forcedOwner, severity: .warning, role: owner, table: compiled.table,
                    description:
                        "FORCE ROW LEVEL SECURITY subjects \(owner), the owner of \(compiled.table), which lacks BYPASSRLS, to its policies\(these)",
                    remediation:
                        "leave \(compiled.table) out of force: in pgpe.yaml, or make sure its policies admit what the owner's functions need",
                    routines: routines))
        }
        return findings
    }

    // MARK: - Texts

    /// The roles of an expected policy as `pg_policies` lists them: `public` alone when PUBLIC
    /// is among them (PostgreSQL ignores the others then), else the names.
    static func roleSet(_ roles: [String]) -> Set<String> {
        roles.isEmpty || roles.contains("public") ? ["public"] : Set(roles)
    }

    /// A grantee as the catalog names it (`PUBLIC` for everyone).
    static func grantee(_ role: String) -> String {
        role == "public" ? "PUBLIC" : role
    }

    private func expectedText(_ policy: ExpectedPolicy, canonical: CanonicalPolicy?) -> String {
        var using = policy.using
        var check = policy.check
        if case .printed(let qual, let withCheck)? = canonical {
            using = qual
            check = withCheck
        }
        return RepairSQL.describe(
            permissive: policy.permissive, command: policy.command,
            roles: Self.roleSet(policy.roles).sorted(), using: using, check: check)
    }

    private func observedText(_ live: SnapshotPolicy) -> String {
        RepairSQL.describe(
            permissive: live.permissive, command: live.command, roles: live.roles,
            using: live.qual, check: live.withCheck)
    }
}
