import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import SQLExpression

/// Writes a whole project from the policies a database (or its SQL) holds (`pgpe import`,
/// SPEC 11.6): every table with row level security on gets `policies/<schema>.<table>.policy`
/// with its policies under their names (through `PolicyImporter`), its table grants as GRANT
/// items, or `GOVERN` when it has no policy; `pgpe.yaml` says `naming: exact`, `force:` the
/// forced tables, and declares the session values and functions the policies read; the
/// snapshot is written as `schema.json`. No I/O: the caller reads the catalog or the files and
/// writes what this returns.
public struct ProjectImporter: Sendable {
    /// Decides a certificate that canonical text found DIFFERENT: returns whether the original
    /// and the round-trip expressions (on the context's table) are proven to mean the same. This
    /// is the seam for the Z3 meaning comparison (SPEC 11.7); by default nothing is proven, so
    /// DIFFERENT stays DIFFERENT.
    public var provesEquivalent: @Sendable (_ original: String, _ roundTrip: String, _ context: LiftContext) -> Bool

    /// The project's directory for policy files, relative to pgpe.yaml.
    public static let policyDirectory = "policies"
    /// The snapshot's file name, relative to pgpe.yaml.
    public static let schemaFile = "schema.json"

    /// Creates an importer; `provesEquivalent` is the meaning comparison (none by default).
    public init(
        provesEquivalent: @escaping @Sendable (_ original: String, _ roundTrip: String, _ context: LiftContext) -> Bool = {
            _, _, _ in false
        }
    ) {
        self.provesEquivalent = provesEquivalent
    }

    /// Imports the tables, policies, RLS switches and grants of `snapshot`.
    public func importProject(_ snapshot: SchemaSnapshot) -> ImportedProject {
        let model = snapshot.model
        var config = ProjectConfig(baseDirectory: "/")
        config.naming = .exact
        config.schemas = []
        var warnings: [String] = []
        let profile = Self.profile(reading: snapshot.policies)
        if let profile {
            config.profile = profile
            config.sessionKeys = profile.declarations(at: nil)
            warnings.append(
                "the policies call auth.uid(), auth.role() or auth.jwt(): written with profile: \(profile.rawValue), which reads each as one value per session (docs/import.md)"
            )
        }
        var policiesByTable: [QualifiedName: [SnapshotPolicy]] = [:]
        for policy in snapshot.policies {
            policiesByTable[QualifiedName(schema: policy.schema, name: policy.table), default: []].append(policy)
        }
        var grantsByTable: [QualifiedName: [SnapshotGrant]] = [:]
        for grant in snapshot.grants {
            grantsByTable[QualifiedName(schema: grant.schema, name: grant.table), default: []].append(grant)
        }
        let governed = model.tables.filter { snapshot.tableStates[$0.name]?.rlsEnabled == true }
        let index = TableIndex(model)
        for table in model.tables where snapshot.tableStates[table.name]?.rlsEnabled != true {
            let count = policiesByTable[table.name]?.count ?? 0
            if count > 0 {
                warnings.append(
                    "\(table.name): row level security is off; its \(count) polic\(count == 1 ? "y is" : "ies are") not imported")
            }
        }
        for table in governed where !config.schemas.contains(table.name.schema) { config.schemas.append(table.name.schema) }
        config.schemas.sort()
        var files: [(path: String, text: String)] = []
        var entries: [PolicyImportEntry] = []
        var governedWithoutPolicy: [String] = []
        for table in governed {
            let path = Self.policyDirectory + "/" + Self.fileName(table.name)
            let selector = index.selector(for: table.name)
            var items: [String] = []
            let policies = (policiesByTable[table.name] ?? []).sorted { $0.name < $1.name }
            if policies.isEmpty {
                let govern = "GOVERN SELECTOR " + selector + "\n"
                if Self.isWritable(govern) {
                    items.append(govern)
                    governedWithoutPolicy.append(table.name.description)
                } else {
                    warnings.append("\(Self.printable(table.name.description)): not governed by the project: \(Self.lineBreakReason)")
                }
            }
            for policy in policies {
                let source = ExpectedPolicy(
                    name: policy.name, permissive: policy.permissive, command: policy.command, roles: policy.roles,
                    using: policy.qual, check: policy.withCheck)
                let reached = index.schema(for: table, reading: [policy.qual, policy.withCheck].compactMap { $0 })
                let context = LiftContext(table: table, schema: reached, config: config)
                let imported = PolicyImporter.importPolicy(source, context: context, selector: selector)
                guard Self.isWritable(imported.text) else {
                    // Left out of the files (monitor reports it as unmanaged), listed as DIFFERENT.
                    entries.append(
                        PolicyImportEntry(
                            table: table.name, name: source.name, command: source.command, verdict: .different,
                            reason: "not written: " + Self.lineBreakReason, originalUsing: source.using,
                            originalCheck: source.check, roundTripUsing: nil, roundTripCheck: nil, file: path))
                    continue
                }
                warnings += Self.merge(imported, into: &config)
                items.append(imported.text)
                entries.append(entry(imported, source: source, table: table.name, file: path, context: context))
            }
            let grants = Self.grantItems(grantsByTable[table.name] ?? [], table: table, selector: selector)
            for item in grants.items {
                if Self.isWritable(item) {
                    items.append(item)
                } else {
                    warnings.append("\(Self.printable(table.name.description)): a GRANT item is not written: \(Self.lineBreakReason)")
                }
            }
            warnings += grants.warnings
            let text = items.joined(separator: "\n")
            files.append((path, Formatter.format(text: text, path: path) ?? text))
        }
        let forced = governed.filter { snapshot.tableStates[$0.name]?.rlsForced == true }.map(\.name)
        let force: String
        if forced.isEmpty {
            force = "NOT ALL"
        } else if forced.count == governed.count {
            force = "ALL"
        } else {
            force = forced.map { index.selector(for: $0) }.joined(separator: " OR ")
        }
        let preset = Set(profile?.declarations(at: nil) ?? [])
        let yaml = ImportConfigWriter.text(
            schemas: config.schemas, force: force, profile: profile, sessions: config.sessionKeys.filter { !preset.contains($0) },
            functions: config.functions)
        files.insert((Self.schemaFile, snapshot.encode()), at: 0)
        files.insert(("pgpe.yaml", yaml), at: 0)
        return ImportedProject(
            files: files, policies: entries, governedWithoutPolicy: governedWithoutPolicy, warnings: warnings)
    }

    /// Why an item is not written when `isWritable` says no.
    static let lineBreakReason =
        "a name in it (the policy's, its table's, a role's or a column's) has a line break, which the policy language cannot write; rename it in the database (ALTER POLICY/TABLE/ROLE … RENAME TO …) and import again"

    /// Whether `item` reads back as written: a name with a line break (planted in a catalog or a
    /// migration) ends a quoted name or string in the policy language, which has no escapes.
    static func isWritable(_ item: String) -> Bool {
        let lexed = Lexer.lex(SourceFile(path: "item", text: item))
        return !lexed.diagnostics.contains { $0.kind == .syntaxUnterminatedIdentifier || $0.kind == .syntaxUnterminatedString }
    }

    /// `text` on one line for a message: line breaks and other control characters escaped.
    static func printable(_ text: String) -> String {
        SQLQuoting.comment(text)
    }

    /// The session profile whose values `policies` read: `supabase` when some policy calls
    /// `auth.uid()`, `auth.role()` or `auth.jwt()` (Supabase's and PostgREST's helpers; their
    /// calls then lift to `session('auth.uid')`… instead of an opaque `fn(uid, [])`).
    static func profile(reading policies: [SnapshotPolicy]) -> SessionProfile? {
        let helpers: Set<String> = ["uid", "role", "jwt"]
        for policy in policies {
            for text in [policy.qual, policy.withCheck].compactMap({ $0 }) {
                var tokenizer = SQLTokenizer(bytes: Array(text.utf8))
                var window: [SQLToken] = []
                while let token = tokenizer.next() {
                    window.append(token)
                    if window.count > 4 { window.removeFirst() }
                    guard window.count == 4 else { continue }
                    if window[0].isIdentifier, window[0].text == "auth", window[1].kind == .dot, window[2].isIdentifier,
                        helpers.contains(window[2].text), window[3].kind == .leftParen
                    {
                        return .supabase
                    }
                }
            }
        }
        return nil
    }

    /// The report entry of one imported policy, with the meaning comparison asked about a
    /// DIFFERENT certificate that has a round trip.
    private func entry(
        _ imported: ImportedPolicy, source: ExpectedPolicy, table: QualifiedName, file: String, context: LiftContext
    ) -> PolicyImportEntry {
        var certificates = imported.certificates
        for index in certificates.indices where certificates[index].verdict == .different && imported.problems.isEmpty {
            let certificate = certificates[index]
            if !certificate.roundTrip.isEmpty, provesEquivalent(certificate.original, certificate.roundTrip, context) {
                certificates[index].verdict = .equivalent
                certificates[index].detail = nil
            }
        }
        var verdict = LiftCertificate.Verdict.equivalent
        var reasons: [String] = []
        if !imported.problems.isEmpty {
            verdict = .different
            reasons += imported.problems
        }
        for certificate in certificates where certificate.verdict == .different {
            verdict = .different
            reasons.append(certificate.detail ?? "the compiled text differs")
        }
        let notes = (imported.using?.notes ?? []) + (imported.check?.notes ?? [])
        if !notes.isEmpty {
            if verdict == .equivalent { verdict = .raw }
            reasons += notes.map { "raw " + Lifter.oneLine($0.sql) + ": " + $0.reason }
        }
        return PolicyImportEntry(
            table: table, name: source.name, command: source.command, verdict: verdict,
            reason: reasons.joined(separator: "; "), originalUsing: source.using, originalCheck: source.check,
            roundTripUsing: imported.usingCertificate?.roundTrip, roundTripCheck: imported.checkCertificate?.roundTrip,
            file: file)
    }

    /// Adds the session values and functions a policy needs to `config`; a generated entry that
    /// conflicts with one already there is a warning (the first one is kept).
    static func merge(_ imported: ImportedPolicy, into config: inout ProjectConfig) -> [String] {
        var warnings: [String] = []
        for session in imported.sessions {
            if let known = config.sessionKeys.first(where: { $0.key == session.key }) {
                if known.type != session.type || known.sql != session.sql {
                    warnings.append(
                        "session value \(session.key): generated as \(session.type.name) and as \(known.type.name); kept \(known.type.name)"
                    )
                }
            } else {
                config.sessionKeys.append(session)
            }
        }
        for function in imported.functions {
            if let index = config.functions.firstIndex(where: { $0.name == function.name }) {
                let known = config.functions[index]
                var relaxed = known
                relaxed.requiredArgumentCount = function.requiredArgumentCount
                if relaxed == function, function.requiredArgumentCount < known.requiredArgumentCount {
                    // A later call leaves more defaulted arguments out; earlier calls still fit.
                    config.functions[index] = function
                } else if known != function {
                    warnings.append(
                        "function \(function.name): generated as \(function.signature) and as \(known.signature); kept the first")
                }
            } else {
                config.functions.append(function)
            }
        }
        return warnings
    }

    /// The GRANT items giving the table's explicit privileges, one per set of privileges. A
    /// privilege GRANT items cannot write (PostgreSQL 17's MAINTAIN, which `GRANT ALL` gives
    /// there; it reads no row) is left out with a warning: monitor compares only the privileges
    /// the language writes, so the table has no grant drift right after the import, on any version.
    static func grantItems(_ grants: [SnapshotGrant], table: TableModel, selector: String) -> (
        items: [String], warnings: [String]
    ) {
        var byGrantee: [String: Set<Privilege>] = [:]
        var warnings: [String] = []
        for grant in grants {
            guard let privilege = Privilege(written: grant.privilege.uppercased()) else {
                warnings.append(
                    "\(table.name): \(grant.privilege) granted to \(grant.grantee) is not a privilege GRANT items write; it is left unmanaged"
                )
                continue
            }
            byGrantee[grant.grantee == "PUBLIC" ? "public" : grant.grantee, default: []].insert(privilege)
        }
        var bySet: [[Privilege]: [String]] = [:]
        for (grantee, privileges) in byGrantee {
            bySet[privileges.sorted(), default: []].append(grantee)
        }
        let items = bySet.map { privileges, grantees in
            "GRANT " + privileges.map(\.rawValue).joined(separator: ", ") + " TO "
                + grantees.sorted().map(Operand.name).joined(separator: ", ") + " SELECTOR " + selector + "\n"
        }
        return (items.sorted(), warnings)
    }

    /// The policy file's name: `<schema>.<table>.policy`, each name kept when it is made of
    /// letters, digits, `_` and `-`, else with every other byte written `%XX` (so `.`, `/`,
    /// spaces and quotes never reach the file system).
    public static func fileName(_ table: QualifiedName) -> String {
        escape(table.schema) + "." + escape(table.name) + ".policy"
    }

    private static func escape(_ name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            let plain =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
                || byte == 0x2D
            if plain {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF")
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
        }
        return result.isEmpty ? "%" : result
    }
}
