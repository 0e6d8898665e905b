import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// The side channels of SPEC 11.11: objects of the schema through which roles the policies apply
/// to (or PUBLIC) reach governed rows without the policies. Each finding is a diagnostic of the
/// `sidechannel.*` kinds at the object (its statement in a SQL schema, else the schema's origin,
/// and the message names the object), with a note at each policy whose guarantee it weakens;
/// the message ends with the SQL that fixes it.
public enum SideChannelFindings {
    /// The findings for `set`'s schema (none without one). With `atPolicies` (the language
    /// server) each finding is also reported at every policy whose guarantee it weakens (its
    /// notes' places), so the policy file shows it too.
    public static func diagnostics(_ set: PolicySet, atPolicies: Bool = false) -> [Diagnostic] {
        guard set.hasSchema else { return [] }
        let finder = Finder(set: set)
        var findings =
            finder.views() + finder.definerFunctions() + finder.children() + finder.uniqueKeys()
            + finder.columnGrants()
            + finder.definerTriggers()
        if atPolicies {
            findings += findings.flatMap { finding in
                finding.notes.map { note in
                    var copy = Diagnostic(finding.kind, message: note.message + ": " + finding.message, location: note.location)
                    copy.notes = [DiagnosticNote(message: "the object", location: finding.location)]
                    copy.subject = finding.subject
                    return copy
                }
            }
        }
        return findings.sorted {
            ($0.location.file, $0.range.start, $0.kind.id, $0.message) < ($1.location.file, $1.range.start, $1.kind.id, $1.message)
        }
    }

    /// The checks over one policy set.
    private struct Finder {
        let set: PolicySet
        let schema: SchemaModel
        /// Roles named in `TO` clauses.
        let named: Set<String>
        /// Whether some policy applies to every role (no `TO`, or `TO public`).
        let policyForEveryone: Bool

        init(set: PolicySet) {
            self.set = set
            self.schema = set.schema
            self.named = Set(set.roles.filter { $0 != PolicySet.publicRole && $0 != "public" })
            self.policyForEveryone = set.policies.contains { $0.roles.isEmpty || $0.roles.contains("public") }
        }

        /// Whether a privilege granted to `grantee` reaches sessions the policies are meant to
        /// restrict: PUBLIC, a role a policy names, a role such a role is a member of or a member
        /// of such a role, or (when a policy applies to every role) any role that does not bypass
        /// row-level security.
        func matters(_ grantee: String) -> Bool {
            if grantee == "public" || named.contains(grantee) { return true }
            if set.roleGraph.privileges(of: grantee).contains(where: named.contains) { return true }
            if named.contains(where: { set.roleGraph.privileges(of: $0).contains(grantee) }) { return true }
            guard policyForEveryone else { return false }
            guard let role = schema.role(grantee) else { return true }
            return !role.bypassesRLS && !role.isSuperuser
        }

        /// The governed tables `relations` read, through views too, sorted.
        func governedReached(_ relations: [QualifiedName]) -> [QualifiedName] {
            var seen = Set<QualifiedName>()
            var queue = relations
            var found = Set<QualifiedName>()
            while let relation = queue.popLast() {
                guard seen.insert(relation).inserted else { continue }
                if set.isGoverned(relation) { found.insert(relation) }
                if let view = schema.view(relation) { queue += view.references }
            }
            return found.sorted()
        }

        /// Where a finding about an object goes: its statement, else the schema's origin.
        func location(_ location: FileLocation?) -> FileLocation {
            location ?? FileLocation(file: schema.origin, range: .empty(at: 0))
        }

        /// Notes at the policies governing `tables`: the guarantees the finding weakens.
        func notes(_ tables: [QualifiedName]) -> [DiagnosticNote] {
            var notes: [DiagnosticNote] = []
            var seen = Set<String>()
            for table in tables {
                for policy in set.policies(governing: table) where seen.insert(policy.ref.name).inserted {
                    notes.append(
                        DiagnosticNote(
                            message: "policy \(policy.ref.name) on \(table) is bypassed here", location: policy.ref.location))
                }
            }
            return notes
        }

        /// A finding of `kind` about `object` (`DiagnosticSubject.object`: what `accept:` names)
        /// that weakens the guarantees of `tables`.
        func finding(
            _ kind: DiagnosticKind, _ message: String, object: String, at place: FileLocation?, tables: [QualifiedName]
        ) -> Diagnostic {
            var diagnostic = Diagnostic(
                kind, message: message, location: location(place),
                subject: DiagnosticSubject(object: object, tables: tables.sorted().map(\.description)))
            diagnostic.notes = notes(tables)
            return diagnostic
        }

        static func list(_ names: [String]) -> String {
            names.map { $0 == "public" ? "PUBLIC" : SQLQuoting.identifier($0) }.joined(separator: ", ")
        }

        static func sql(_ name: QualifiedName) -> String {
            SQLQuoting.qualified(name)
        }

        // MARK: - The checks

        func views() -> [Diagnostic] {
            schema.views.compactMap { view in
                guard view.isMaterialized || !view.securityInvoker else { return nil }
                let reached = governedReached(view.references)
                let readers = view.grantees.filter(matters)
                guard !reached.isEmpty, !readers.isEmpty else { return nil }
                let tables = reached.map(\.description).joined(separator: ", ")
                let fix =
                    view.isMaterialized
                    ? "REVOKE ALL ON \(Self.sql(view.name)) FROM \(Self.list(readers));"
                    : "ALTER VIEW \(Self.sql(view.name)) SET (security_invoker = true);"
                let why =
                    view.isMaterialized
                    ? "stores the rows of governed \(tables) and row-level security never applies to it"
                    : "reads governed \(tables) with its owner's rights (security_invoker is off)"
                return finding(
                    .sideChannelViewDefiner,
                    "\(view.kindName) \(view.name) \(why), and \(Self.list(readers)) may select from it: every tenant's rows are returned; fix: \(fix)",
                    object: view.name.description, at: view.location, tables: reached)
            }
        }

        func definerFunctions() -> [Diagnostic] {
            // Functions pgpe.yaml declares are the policies' own helpers (`fn(...)`): the roles the
            // policies apply to must execute them, and the proofs take their declaration as given.
            // A trigger function cannot be called directly, EXECUTE or not: `definerTriggers` reports it.
            let helpers = self.policyHelpers
            return schema.functions.compactMap { function in
                guard function.securityDefiner, !helpers.contains(function.name), !Self.isTriggerFunction(function),
                    let body = function.bodyTables
                else { return nil }
                let reached = governedReached(body)
                let callers = function.executors.filter(matters)
                guard !reached.isEmpty, !callers.isEmpty else { return nil }
                let signature = "\(Self.sql(function.name))(\(function.argumentTypes.map(\.name).joined(separator: ", ")))"
                let owner = function.owner.map { " (\($0))" } ?? ""
                return finding(
                    .sideChannelDefinerFunction,
                    "SECURITY DEFINER function \(function.name) reads or writes governed \(reached.map(\.description).joined(separator: ", ")) with its owner's rights\(owner), and \(Self.list(callers)) may execute it: the policies do not apply inside; fix: REVOKE EXECUTE ON FUNCTION \(signature) FROM \(Self.list(callers));",
                    object: "\(function.name)(\(function.argumentTypes.map(\.name).joined(separator: ", ")))", at: function.location,
                    tables: reached)
            }
        }

        /// Functions pgpe.yaml declares: the policies' own helpers (`fn(...)`), not reported.
        var policyHelpers: Set<QualifiedName> {
            Set(set.config.functions.map { QualifiedName(schema: $0.schema, name: $0.name) })
        }

        /// Whether `function` returns `trigger` or `event_trigger`: then only a trigger calls it.
        static func isTriggerFunction(_ function: FunctionSignature) -> Bool {
            ["trigger", "event_trigger"].contains(function.returnType.name)
        }

        /// The roles that matter and may fire `trigger`: a privilege on its table for one of its
        /// events (in the schema, or by a GRANT of the policy set), or any privilege on its view.
        func firers(_ trigger: TriggerModel) -> [String] {
            var roles = Set<String>()
            if let table = schema.table(trigger.table) {
                for grantee in table.grantees where trigger.events.contains(where: { table.grants($0.rawValue, to: grantee) }) {
                    roles.insert(grantee)
                }
            } else if let view = schema.view(trigger.table) {
                roles.formUnion(view.grantees)
            }
            for grant in set.grants
            where grant.tables.contains(trigger.table) && grant.privileges.contains(where: trigger.events.contains) {
                roles.formUnion(grant.roles)
            }
            return roles.sorted().filter(matters)
        }

        func definerTriggers() -> [Diagnostic] {
            let helpers = self.policyHelpers
            return schema.triggers.compactMap { trigger in
                guard trigger.isEnabled, !helpers.contains(trigger.function),
                    let function = schema.functions.first(where: {
                        $0.name == trigger.function && $0.argumentTypes.isEmpty && $0.securityDefiner
                    }),
                    let body = function.bodyTables
                else { return nil }
                let reached = governedReached(body)
                let firers = firers(trigger)
                guard !reached.isEmpty, !firers.isEmpty else { return nil }
                let owner = function.owner.map { " (\($0))" } ?? ""
                let events = trigger.events.map(\.rawValue).joined(separator: " or ")
                return finding(
                    .sideChannelDefinerTrigger,
                    "trigger \(trigger.name) on \(trigger.table) executes SECURITY DEFINER function \(function.name), which reads or writes governed \(reached.map(\.description).joined(separator: ", ")) with its owner's rights\(owner), and \(Self.list(firers)) may \(events) \(trigger.table) and so fire it (a trigger needs no EXECUTE privilege): the policies do not apply inside; fix: ALTER FUNCTION \(Self.sql(function.name))() SECURITY INVOKER; (or make the function filter by tenant)",
                    object: "\(trigger.name) on \(trigger.table)", at: trigger.location ?? function.location, tables: reached)
            }
        }

        /// The governed tables `table` descends from (partition or inheritance), sorted.
        func governedAncestors(_ table: TableModel) -> [QualifiedName] {
            var seen = Set<QualifiedName>()
            var queue = table.parents
            var found = Set<QualifiedName>()
            while let parent = queue.popLast() {
                guard seen.insert(parent).inserted else { continue }
                if set.isGoverned(parent) { found.insert(parent) }
                queue += schema.table(parent)?.parents ?? []
            }
            return found.sorted()
        }

        func children() -> [Diagnostic] {
            schema.tables.compactMap { table in
                guard !table.parents.isEmpty, !set.isGoverned(table.name), !table.rowSecurity else { return nil }
                let ancestors = governedAncestors(table)
                guard !ancestors.isEmpty else { return nil }
                var grantees = Set(table.grantees)
                for grant in set.grants where grant.tables.contains(table.name) { grantees.formUnion(grant.roles) }
                let readers = grantees.sorted().filter(matters)
                guard !readers.isEmpty else { return nil }
                let relation =
                    table.parents.contains(where: { schema.table($0)?.hasInheritanceChildren == true })
                    ? "inheritance child" : "partition"
                return finding(
                    .sideChannelChildWithoutRLS,
                    "\(relation) \(table.name) of governed \(ancestors.map(\.description).joined(separator: ", ")) has no row-level security, and \(Self.list(readers)) may query it directly, skipping the parent's policies; fix: ALTER TABLE \(Self.sql(table.name)) ENABLE ROW LEVEL SECURITY; and govern it with the parent's policies (or REVOKE ALL ON \(Self.sql(table.name)) FROM \(Self.list(readers));)",
                    object: table.name.description, at: table.location, tables: ancestors)
            }
        }

        /// The columns of `table` that carry isolation key `key`: compared equal with it, or the
        /// source of a traversal (the target's policies decide the key there), in some policy.
        func keyColumns(_ table: QualifiedName, key: String) -> Set<String> {
            var columns = Set<String>()
            for policy in set.policies(governing: table) {
                let clauses = (policy.using[table]?.clauses ?? []) + (policy.check[table]?.clauses ?? [])
                for clause in clauses {
                    for atom in clause.atoms {
                        switch atom {
                        case .compare(.column(let column), .equal, .session(let pinned)) where pinned == key:
                            columns.insert(column)
                        case .exists(let traversal):
                            columns.insert(traversal.sourceColumn)
                        default: break
                        }
                    }
                }
            }
            return columns
        }

        func uniqueKeys() -> [Diagnostic] {
            var result: [Diagnostic] = []
            for name in set.governedTables {
                guard let table = schema.table(name) else { continue }
                for key in set.isolationKeys(for: name) {
                    let columns = keyColumns(name, key: key)
                    guard !columns.isEmpty else { continue }
                    for unique in table.uniqueKeys where !unique.contains(where: columns.contains) {
                        let wanted = columns.sorted()
                        let fixed = (wanted.prefix(1) + unique).map { SQLQuoting.identifier($0) }.joined(separator: ", ")
                        result.append(
                            finding(
                                .sideChannelUniqueWithoutKey,
                                "unique key (\(unique.joined(separator: ", "))) of governed \(name) does not include \(wanted.joined(separator: " or ")), the column of isolation key \(key): an insert's unique violation tells one tenant that another tenant's row with those values exists; fix: make it UNIQUE (\(fixed))",
                                object: "\(name)(\(unique.joined(separator: ", ")))", at: table.location, tables: [name]))
                    }
                }
            }
            return result
        }

        // MARK: - Column grants

        /// Why row-level security does not restrict `role` on `table` while a privilege granted
        /// to it still gives it something: it has BYPASSRLS (which membership does not pass on),
        /// or it has the privileges of the table's owner (through memberships that inherit, as
        /// PostgreSQL's ownership check follows them) while `force:` leaves the table out. Nil for
        /// the rest, and for a superuser and the owner itself, who have every privilege already.
        func bypass(_ role: String, on table: TableModel) -> String? {
            if let model = schema.role(role) {
                if model.isSuperuser { return nil }
                if model.bypassesRLS { return "which has BYPASSRLS: row-level security never applies to it" }
            }
            guard let owner = table.owner, owner != role, !set.isForced(table.name),
                set.roleGraph.privileges(of: role).contains(owner)
            else { return nil }
            return
                "which has the rights of \(SQLQuoting.identifier(owner)), the table's owner, through membership: row-level security does not apply to the owner while the table is not FORCE ROW LEVEL SECURITY"
        }

        /// What a privilege on columns of a table lets a role no policy restricts do there.
        static func effect(_ privilege: String) -> String {
            switch privilege {
            case "SELECT": return "reads those columns of every tenant's rows"
            case "INSERT": return "inserts rows for any tenant"
            case "UPDATE": return "changes every tenant's rows"
            default: return "learns from a foreign key's check which values every tenant's rows hold"
            }
        }

        /// `SELECT (id, title), UPDATE (title)`.
        static func privilegeList(_ grants: [ColumnGrant]) -> String {
            grants.map { "\($0.privilege) (\($0.columns.map { SQLQuoting.identifier($0) }.joined(separator: ", ")))" }
                .joined(separator: ", ")
        }

        /// Privileges on columns of governed tables (`GRANT SELECT (a) ON t TO r`) that reach
        /// rows past the policies: granted to a role row-level security does not restrict on the
        /// table, or to PUBLIC while the schema knows such a role; and REFERENCES on a key
        /// granted to a role that matters (a foreign key's check runs without the policies, so
        /// a table of its own referencing the key tells it which values any tenant has).
        func columnGrants() -> [Diagnostic] {
            var result: [Diagnostic] = []
            for name in set.governedTables {
                guard let table = schema.table(name), !table.columnGrants.isEmpty else { continue }
                let keys = ([table.primaryKey] + table.uniqueKeys).filter { !$0.isEmpty }
                let bypassers = schema.roles.filter { $0.bypassesRLS && !$0.isSuperuser && $0.name != table.owner }
                    .map(\.name).sorted()
                let byGrantee = Dictionary(grouping: table.columnGrants, by: \.grantee)
                for grantee in byGrantee.keys.sorted() {
                    let grants = byGrantee[grantee] ?? []
                    let why: String?
                    if grantee == "public" {
                        why =
                            bypassers.isEmpty
                            ? nil
                            : "which includes \(Self.list(bypassers)), with BYPASSRLS: row-level security never applies to \(bypassers.count == 1 ? "it" : "them")"
                    } else {
                        why = bypass(grantee, on: table)
                    }
                    if let why {
                        let ownerMember = grantee != "public" && schema.role(grantee)?.bypassesRLS != true
                        let effects = Array(Set(grants.map { Self.effect($0.privilege) })).sorted().joined(separator: ", ")
                        let fix =
                            ownerMember
                            ? "ALTER TABLE \(Self.sql(name)) FORCE ROW LEVEL SECURITY; (select the table in pgpe.yaml's force:)"
                            : "REVOKE \(Self.privilegeList(grants)) ON \(Self.sql(name)) FROM \(Self.list([grantee]));"
                        result.append(
                            finding(
                                .sideChannelColumnGrant,
                                "\(Self.privilegeList(grants)) on governed \(name) granted to \(Self.list([grantee])), \(why), so it \(effects); fix: \(fix)",
                                object: "\(name)(\(Set(grants.flatMap(\.columns)).sorted().joined(separator: ", ")))", at: table.location,
                                tables: [name]))
                        continue
                    }
                    guard matters(grantee),
                        let references = grants.first(where: { $0.privilege == "REFERENCES" }),
                        let key = keys.first(where: { $0.allSatisfy(references.columns.contains) })
                    else { continue }
                    let columns = key.map { SQLQuoting.identifier($0) }.joined(separator: ", ")
                    result.append(
                        finding(
                            .sideChannelColumnGrant,
                            "REFERENCES (\(columns)) on governed \(name) granted to \(Self.list([grantee])): a foreign key's check runs without row-level security, so a session that can create a table referencing (\(columns)) learns whether any tenant's row holds a value (its insert succeeds or fails); fix: REVOKE \(Self.privilegeList([references])) ON \(Self.sql(name)) FROM \(Self.list([grantee]));",
                            object: "\(name)(\(key.joined(separator: ", ")))", at: table.location, tables: [name]))
                }
            }
            return result
        }
    }
}
