import Foundation
import PolicyConfig
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing
import WorkspaceFiles

@Suite struct ConfigLoaderTests {
    // MARK: - Whole files

    @Test func theRunningExampleLoadsWithAbsolutePaths() throws {
        let path = Fixtures.exampleDirectory.appendingPathComponent("pgpe.yaml").path
        let (config, file, diagnostics) = try ConfigLoader.load(path: path, environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let directory = Fixtures.exampleDirectory.standardizedFileURL.path
        #expect(file.path == config.configFile)
        #expect(config.configFile == directory + "/pgpe.yaml")
        #expect(config.baseDirectory == directory)
        #expect(config.policyPaths == [directory + "/policies"])
        #expect(config.schemaPath == directory + "/schema.sql")
        #expect(FileManager.default.fileExists(atPath: config.schemaPath ?? ""))
        #expect(config.database == nil)
        #expect(config.schemas == ["public"])
        #expect(config.sessionKeys.map(\.key) == ["app.tenant_id"])
        #expect(config.sessionKeys.first?.type == .uuid)
        #expect(config.isolation.map(\.key) == ["app.tenant_id"])
        #expect(config.isolation.first?.tables == nil)
        #expect(config.isolation.first?.tablesText == "ALL")
        #expect(config.missingContext == .deny)
        #expect(config.analysis == AnalysisSettings())
    }

    @Test func everyKeyOfTheSpecSampleLoads() throws {
        let path = Fixtures.fixtureDirectory.appendingPathComponent("config/spec-sample.yaml").path
        let url = "postgresql://pgpe:s3cret@localhost:5432/app"
        let (config, file, diagnostics) = try ConfigLoader.load(path: path, environment: ["DATABASE_URL": url])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let directory = Fixtures.fixtureDirectory.appendingPathComponent("config").standardizedFileURL.path
        #expect(config.policyPaths == [directory + "/policies"])
        #expect(config.schemaPath == directory + "/schema.sql")
        #expect(config.database == url)
        #expect(config.schemas == ["public"])
        #expect(config.sessionKeys.map(\.key) == ["app.tenant_id", "app.user_id"])
        #expect(config.sessionKeys.map(\.type) == [.uuid, .uuid])
        #expect(config.sessionKeys.first.flatMap { $0.location.map { file.text(in: $0.range) } } == "app.tenant_id")
        #expect(config.missingContext == .deny)
        #expect(config.isolation.count == 1)
        #expect(config.isolation.first?.key == "app.tenant_id")
        #expect(config.isolation.first?.tablesText == "ALL")
        #expect(config.isolation.first?.tables?.kind == .all)
        #expect(config.functions.count == 1)
        let function = try #require(config.functions.first)
        #expect(function.name == "is_member")
        #expect(function.arguments == [.uuid, .uuid])
        #expect(function.returns == .boolean)
        #expect(function.schema == "public")
        #expect(function.signature == "public.is_member(uuid, uuid) returns boolean")
        #expect(config.analysis.timeoutMilliseconds == 5000)
        #expect(config.analysis.maxDepth == 2)
        #expect(config.analysis.proofs == ["role-separation": false])
        #expect(config.analysis.separateRoles == ["app_user", "app_admin"])
        #expect(config.apply.lockTimeoutMilliseconds == 2000)
        #expect(!config.isProofEnabled("role-separation", default: true))
    }

    @Test func anEmptyFileGivesTheDefaults() {
        let fixture = ConfigFixture("# nothing here yet\n")
        #expect(fixture.diagnostics.isEmpty)
        var expected = ProjectConfig(baseDirectory: "/project")
        expected.configFile = "/project/pgpe.yaml"
        #expect(fixture.config == expected)
        #expect(fixture.config.policyPaths == ["/project"])
    }

    @Test func nonDefaultValuesOverrideTheDefaults() {
        let fixture = ConfigFixture(
            """
            policies: ../shared/rls.policy
            schema: /abs/schema.json
            database: "host=localhost dbname=app"
            schemas: [public, billing]
            missing_context: error
            session:
              app.tenant_id: int4
              app.region: character varying(20)
              app.admin: bool
            isolation:
              - key: app.tenant_id
                tables: in_schema(billing) OR has_column(tenant_id)
              - key: app.region
            functions:
              can_see: {args: ["int8", "text[]"], returns: bool, schema: auth}
              no_args: {returns: boolean}
            analysis:
              timeout_ms: 0x10
              max_depth: 8
              proofs: {tenant-isolation: on, coverage: "off", fail-closed: false, role-separation: yes}
            apply: {lock_timeout_ms: 0}
            """)
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        let config = fixture.config
        #expect(config.policyPaths == ["/shared/rls.policy"])
        #expect(config.schemaPath == "/abs/schema.json")
        #expect(config.database == "host=localhost dbname=app")
        #expect(config.schemas == ["public", "billing"])
        #expect(config.missingContext == .error)
        #expect(config.sessionKeys.map(\.type.name) == ["integer", "varchar", "boolean"])
        #expect(config.isolation.map(\.key) == ["app.tenant_id", "app.region"])
        #expect(config.isolation.first?.tablesText == "in_schema(billing) OR has_column(tenant_id)")
        if case .or(let terms)? = config.isolation.first?.tables?.kind {
            #expect(terms.count == 2)
            #expect(terms.first.map { fixture.file.text(in: $0.range) } == "in_schema(billing)")
        } else {
            Issue.record("expected an OR selector, got \(String(describing: config.isolation.first?.tables))")
        }
        #expect(config.isolation.last?.tables == nil)
        #expect(
            config.functions.map(\.signature) == [
                "auth.can_see(bigint, text[]) returns boolean", "public.no_args() returns boolean",
            ])
        #expect(config.analysis.timeoutMilliseconds == 16)
        #expect(config.analysis.maxDepth == 8)
        #expect(
            config.analysis.proofs == [
                "tenant-isolation": true, "coverage": false, "fail-closed": false, "role-separation": true,
            ])
        #expect(config.apply.lockTimeoutMilliseconds == 0)
    }

    @Test func emptyTopLevelSectionsCountAsLeftOut() {
        let fixture = ConfigFixture(
            """
            session:
              # app.tenant_id: uuid
            analysis: ~
            policies:
            """)
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        #expect(fixture.config.policyPaths == ["/project"])
        #expect(fixture.config.sessionKeys.isEmpty)
    }

    // MARK: - Unknown keys

    @Test func unknownTopLevelKeyIsAnErrorAtItsPositionWithASuggestion() throws {
        let fixture = ConfigFixture(
            """
            schema: schema.sql
            1️⃣polices: [policies]
            """)
        let diagnostic = try #require(fixture.single("config.unknown-key"))
        #expect(diagnostic.severity == .error)
        #expect(fixture.position(diagnostic) == LineColumn(line: 2, column: 1))
        fixture.expect(diagnostic, at: "1️⃣", covering: "polices")
        #expect(diagnostic.message == "unknown key 'polices'; did you mean 'policies'?")
        #expect(diagnostic.fixIts.first?.edits == [TextEdit(range: diagnostic.range, newText: "policies")])
        // The rest of the file is still read; the misspelled key keeps its default.
        #expect(fixture.config.schemaPath == "/project/schema.sql")
        #expect(fixture.config.policyPaths == ["/project"])
    }

    @Test func unknownNestedKeyIsAnErrorAtItsPositionWithASuggestion() throws {
        let fixture = ConfigFixture(
            """
            analysis:
              max_depth: 3
              1️⃣timeout: 100
            apply:
              2️⃣lock_timout_ms: 10
            """)
        let found = fixture.diagnostics("config.unknown-key")
        #expect(found.count == 2)
        fixture.expect(found.first, at: "1️⃣", covering: "timeout")
        #expect(found.first.map(fixture.position) == LineColumn(line: 3, column: 3))
        #expect(found.first?.message == "unknown key 'timeout' in 'analysis'; did you mean 'timeout_ms'?")
        fixture.expect(found.last, at: "2️⃣", covering: "lock_timout_ms")
        #expect(found.last?.message == "unknown key 'lock_timout_ms' in 'apply'; did you mean 'lock_timeout_ms'?")
        #expect(fixture.config.analysis.maxDepth == 3)
        #expect(fixture.config.analysis.timeoutMilliseconds == AnalysisSettings().timeoutMilliseconds)
    }

    @Test func unknownKeysInFlowMapsAndListEntries() {
        let fixture = ConfigFixture(
            """
            functions:
              f: {args: [uuid], returns: boolean, 1️⃣shema: auth}
            isolation:
              - {key: app.t, 2️⃣table: ALL}
            session: {app.t: uuid}
            """)
        let found = fixture.diagnostics("config.unknown-key")
        #expect(found.count == 2)
        fixture.expect(found.first, at: "1️⃣", covering: "shema")
        #expect(found.first?.message == "unknown key 'shema' in 'functions.f'; did you mean 'schema'?")
        fixture.expect(found.last, at: "2️⃣", covering: "table")
        #expect(found.last?.message == "unknown key 'table' in 'isolation[0]'; did you mean 'tables'?")
    }

    @Test func anUnknownKeyFarFromEveryValidKeyListsThem() throws {
        let fixture = ConfigFixture("apply:\n  1️⃣zzz: 1\n")
        let diagnostic = try #require(fixture.single("config.unknown-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "zzz")
        #expect(diagnostic.message == "unknown key 'zzz' in 'apply'; expected one of lock_timeout_ms")
        #expect(diagnostic.fixIts.isEmpty)
    }

    // MARK: - Wrong types and values

    @Test func wrongTypesAreErrorsAtTheValue() {
        let fixture = ConfigFixture(
            """
            session: 1️⃣[app.tenant_id, uuid]
            schemas: 2️⃣{public: true}
            analysis:
              timeout_ms: 3️⃣"5000"
              max_depth: 4️⃣2.5
              proofs: 5️⃣[coverage]
              separate_roles: 6️⃣admin
            isolation: 7️⃣app.tenant_id
            apply: 8️⃣[1]
            """)
        let found = fixture.diagnostics("config.wrong-type")
        #expect(found.count == 8, "\(found)")
        #expect(found.allSatisfy { $0.severity == .error })
        let expected: [(String, String, String)] = [
            ("1️⃣", "[app.tenant_id, uuid]", "expected a map of session keys to types for 'session', found a list"),
            ("2️⃣", "{public: true}", "expected a list of schema names or a single schema name for 'schemas', found a map"),
            ("3️⃣", "\"5000\"", "expected an integer for 'analysis.timeout_ms', found a string"),
            ("4️⃣", "2.5", "expected an integer for 'analysis.max_depth', found a number"),
            ("5️⃣", "[coverage]", "expected a map of proof ids to on or off for 'analysis.proofs', found a list"),
            ("6️⃣", "admin", "expected a list of role names for 'analysis.separate_roles', found a string"),
            ("7️⃣", "app.tenant_id", "expected a list of {key, tables} entries for 'isolation', found a string"),
            ("8️⃣", "[1]", "expected a map of apply settings for 'apply', found a list"),
        ]
        for (diagnostic, (marker, text, message)) in zip(found, expected) {
            fixture.expect(diagnostic, at: marker, covering: text)
            #expect(diagnostic.message == message)
        }
    }

    @Test func wrongTypesInsideListsAndFunctions() {
        let fixture = ConfigFixture(
            """
            policies: [a, 1️⃣[b], c]
            functions:
              f: 2️⃣boolean
              g: {args: 3️⃣uuid, returns: boolean}
            analysis:
              proofs: {coverage: 4️⃣maybe}
            """)
        let found = fixture.diagnostics("config.wrong-type")
        #expect(found.count == 4, "\(found)")
        fixture.expect(found[safe: 0], at: "1️⃣", covering: "[b]")
        #expect(found[safe: 0]?.message == "expected a path for 'policies[1]', found a list")
        fixture.expect(found[safe: 1], at: "2️⃣", covering: "boolean")
        fixture.expect(found[safe: 2], at: "3️⃣", covering: "uuid")
        fixture.expect(found[safe: 3], at: "4️⃣", covering: "maybe")
        #expect(found[safe: 3]?.message == "expected on or off for 'analysis.proofs.coverage', found a string")
        #expect(fixture.config.policyPaths == ["/project/a", "/project/c"])
        #expect(fixture.config.functions.isEmpty)
    }

    @Test func anEmptyLeafValueIsReportedAtItsKey() throws {
        let fixture = ConfigFixture("analysis:\n  1️⃣max_depth:\n  timeout_ms: 10\n")
        let diagnostic = try #require(fixture.single("config.wrong-type"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "max_depth")
        #expect(diagnostic.message == "expected an integer for 'analysis.max_depth', found an empty value")
        #expect(fixture.config.analysis.timeoutMilliseconds == 10)
    }

    @Test func theTopLevelMustBeAMap() throws {
        let fixture = ConfigFixture("1️⃣- policies\n- schema\n")
        let diagnostic = try #require(fixture.single("config.wrong-type"))
        #expect(diagnostic.range.start == fixture.marked["1️⃣"])
        #expect(diagnostic.message.contains("found a list"))
    }

    @Test func badEnumValueForMissingContext() throws {
        let fixture = ConfigFixture("missing_context: 1️⃣denny\n")
        let diagnostic = try #require(fixture.single("config.invalid-value"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "denny")
        #expect(diagnostic.message == "'missing_context' must be 'deny' or 'error', found 'denny'; did you mean 'deny'?")
        #expect(diagnostic.fixIts.first?.edits.first?.newText == "deny")
        #expect(fixture.config.missingContext == .deny)

        let other = ConfigFixture("missing_context: 1️⃣[deny]\n")
        other.expect(other.single("config.wrong-type"), at: "1️⃣", covering: "[deny]")
    }

    @Test func integersOutOfTheirRange() {
        let fixture = ConfigFixture(
            """
            analysis:
              timeout_ms: 1️⃣0
              max_depth: 2️⃣9
            apply:
              lock_timeout_ms: 3️⃣-1
            """)
        let found = fixture.diagnostics("config.invalid-value")
        #expect(found.count == 3)
        fixture.expect(found[safe: 0], at: "1️⃣", covering: "0")
        #expect(found[safe: 0]?.message == "'analysis.timeout_ms' must be a positive number of milliseconds, found 0")
        fixture.expect(found[safe: 1], at: "2️⃣", covering: "9")
        #expect(found[safe: 1]?.message == "'analysis.max_depth' must be between 1 and 8, found 9")
        fixture.expect(found[safe: 2], at: "3️⃣", covering: "-1")
        #expect(fixture.config.analysis == AnalysisSettings())
        #expect(fixture.config.apply == ApplySettings())

        let huge = ConfigFixture("analysis: {timeout_ms: 1️⃣99999999999999999999999}\n")
        huge.expect(huge.single("config.invalid-value"), at: "1️⃣", covering: "99999999999999999999999")
    }

    // MARK: - Types, isolation, proofs

    @Test func unknownTypeNameInSessionHasASuggestion() throws {
        let fixture = ConfigFixture(
            """
            session:
              app.tenant_id: 1️⃣uuidd
              app.user_id: 2️⃣bytea
              app.level: 3️⃣int[]
              app.ok: timestamp with time zone
            """)
        let found = fixture.diagnostics("config.unknown-type")
        #expect(found.count == 3)
        fixture.expect(found[safe: 0], at: "1️⃣", covering: "uuidd")
        #expect(found[safe: 0]?.message == "unknown type 'uuidd' for 'session.app.tenant_id'; did you mean 'uuid'?")
        #expect(found[safe: 0]?.fixIts.first?.edits.first?.newText == "uuid")
        fixture.expect(found[safe: 1], at: "2️⃣", covering: "bytea")
        #expect(found[safe: 1]?.message.hasPrefix("unknown type 'bytea' for 'session.app.user_id'; expected one of text,") == true)
        fixture.expect(found[safe: 2], at: "3️⃣", covering: "int[]")
        #expect(fixture.config.sessionKeys.map(\.key) == ["app.ok"])
        #expect(fixture.config.sessionKeys.first?.type.name == "timestamptz")
    }

    @Test func unknownTypeInFunctionSignature() throws {
        let fixture = ConfigFixture("functions:\n  f: {args: [uuid, 1️⃣\"txt x\"], returns: boolean}\n")
        let diagnostic = try #require(fixture.single("config.unknown-type"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "\"txt x\"")
        #expect(diagnostic.message.hasPrefix("unknown type 'txt x' for 'functions.f.args[1]'"))
        #expect(fixture.config.functions.isEmpty)
        #expect(fixture.config.unusableDeclarations.functions["f"] != nil)
    }

    /// SPEC 11.2: a function may name any type the schema defines; pgpe.yaml alone cannot tell
    /// them from typos, so the reader keeps the name and the checker resolves it against the schema.
    @Test func functionTypesMayNameUserTypes() throws {
        let fixture = ConfigFixture(
            "functions:\n  has_role: {args: [uuid, {type: app.role, default: true}], returns: \"app.role[]\", volatility: immutable}\n")
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        let function = try #require(fixture.config.function("has_role"))
        #expect(function.arguments.map(\.name) == ["uuid", "app.role"])
        #expect(function.requiredArgumentCount == 1)
        #expect(function.returns.name == "app.role[]")
        #expect(function.volatility == .immutable)
        #expect(function.signature == "public.has_role(uuid, app.role DEFAULT) returns app.role[] immutable")
    }

    @Test func functionVolatilityIsStableByDefaultAndCheckedWhenGiven() throws {
        let fixture = ConfigFixture(
            "functions:\n  ok: {returns: uuid}\n  bad: {returns: uuid, volatility: 1️⃣volatil}\n")
        let diagnostic = try #require(fixture.single("config.invalid-value"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "volatil")
        #expect(
            diagnostic.message
                == "'functions.bad.volatility' must be 'immutable' or 'stable' or 'volatile', found 'volatil'; did you mean 'volatile'?")
        #expect(fixture.config.function("ok")?.volatility == .stable)
        #expect(fixture.config.function("bad") == nil)
        #expect(fixture.config.unusableDeclarations.functions["bad"] != nil)
    }

    @Test func aDefaultedArgumentMustNotPrecedeARequiredOne() throws {
        let fixture = ConfigFixture(
            "functions:\n  f: {args: [{type: uuid, default: true}, 1️⃣text], returns: boolean}\n  g: {args: [{default: true}], returns: boolean}\n"
        )
        let found = fixture.diagnostics
        #expect(found.map(\.id) == ["config.invalid-value", "config.missing-key"], "\(found)")
        fixture.expect(found[safe: 0], at: "1️⃣", covering: "text")
        #expect(fixture.config.functions.isEmpty)
        #expect(Set(fixture.config.unusableDeclarations.functions.keys) == ["f", "g"])
    }

    @Test func aFunctionWithoutReturnsIsAnError() throws {
        let fixture = ConfigFixture("functions:\n  1️⃣f: {args: [uuid]}\n")
        let diagnostic = try #require(fixture.single("config.missing-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "f")
        #expect(fixture.config.functions.isEmpty)
    }

    @Test func isolationKeyShouldBeADeclaredSessionKey() throws {
        let fixture = ConfigFixture(
            """
            isolation:
              - key: 1️⃣app.tenant
              - key: app.tenant_id
                tables: 2️⃣"named('t%') AND NOT tagged('global')"
            session:
              app.tenant_id: uuid
            """)
        let diagnostic = try #require(fixture.single("config.undeclared-session-key"))
        #expect(diagnostic.severity == .warning)
        fixture.expect(diagnostic, at: "1️⃣", covering: "app.tenant")
        #expect(diagnostic.message == "isolation key 'app.tenant' is not declared under 'session'; did you mean 'app.tenant_id'?")
        #expect(fixture.config.isolation.map(\.key) == ["app.tenant", "app.tenant_id"])
        // A quoted selector written verbatim keeps exact positions.
        let selector = try #require(fixture.config.isolation.last?.tables)
        #expect(selector.range.start == fixture.marked["2️⃣"] + 1)
        #expect(fixture.file.text(in: selector.range) == "named('t%') AND NOT tagged('global')")
    }

    @Test func isolationEntriesNeedAKeyAndAValidSelector() {
        let fixture = ConfigFixture(
            """
            session: {app.t: uuid}
            isolation:
              - 1️⃣tables: ALL
              - key: app.t
                tables: has_column(tenant_id2️⃣ AND
            """)
        let missing = fixture.diagnostics("config.missing-key")
        #expect(missing.count == 1)
        #expect(missing.first?.range.start == fixture.marked["1️⃣"])
        let syntax = fixture.diagnostics.filter { $0.id.hasPrefix("syntax.") }
        #expect(syntax.count == 1, "\(fixture.diagnostics)")
        // Exact positions inside a plain selector: ')' is missing right after the column name.
        #expect(syntax.first?.range == .empty(at: fixture.marked["2️⃣"]))
        #expect(syntax.first?.fixIts.first?.edits.first?.newText == ")")
        #expect(fixture.config.isolation.map(\.key) == ["app.t"])
    }

    @Test func unknownProofIDIsAWarningWithASuggestion() throws {
        let fixture = ConfigFixture(
            """
            analysis:
              proofs:
                1️⃣tenant_isolation: off
                2️⃣made-up: on
                coverage: off
            """)
        let found = fixture.diagnostics("config.unknown-proof")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .warning })
        fixture.expect(found.first, at: "1️⃣", covering: "tenant_isolation")
        #expect(found.first?.message == "unknown proof 'tenant_isolation'; did you mean 'tenant-isolation'?")
        fixture.expect(found.last, at: "2️⃣", covering: "made-up")
        #expect(fixture.config.analysis.proofs == ["coverage": false])
    }

    @Test func separateRolesNeedsTwoDistinctRoles() {
        let fixture = ConfigFixture("analysis:\n  separate_roles: [admin, 1️⃣admin]\n")
        fixture.expect(fixture.single("config.duplicate-role"), at: "1️⃣", covering: "admin")
        #expect(fixture.diagnostics("config.invalid-value").count == 1)
        #expect(fixture.config.analysis.separateRoles == ["admin"])
    }

    @Test func sessionKeysWithoutAPrefixAreWarnedAbout() {
        let fixture = ConfigFixture("session:\n  1️⃣tenant: uuid\n")
        fixture.expect(fixture.single("config.session-key-format"), at: "1️⃣", covering: "tenant")
        #expect(fixture.config.sessionKeys.map(\.key) == ["tenant"])
    }

    @Test func emptyWrittenValuesAreErrors() {
        let fixture = ConfigFixture("schema: 1️⃣\"\"\nschemas: [public, 2️⃣'']\n")
        let found = fixture.diagnostics("config.invalid-value")
        #expect(found.count == 2)
        fixture.expect(found.first, at: "1️⃣", covering: "\"\"")
        fixture.expect(found.last, at: "2️⃣", covering: "''")
        #expect(fixture.config.schemaPath == nil)
        #expect(fixture.config.schemas == ["public"])
    }

    // MARK: - Files

    @Test func anUnreadableFileIsAThrownError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpe-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ConfigLoadError.self) {
            _ = try ConfigLoader.load(path: directory.appendingPathComponent("missing.yaml").path, environment: [:])
        }
        #expect(throws: ConfigLoadError.self) {
            _ = try ConfigLoader.load(path: directory.path, environment: [:])
        }
    }

    @Test func invalidUTF8IsADiagnosticNotAFailure() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpe-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pgpe.yaml").path
        var bytes = Array("schemas: [public]\n# caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array("\nschema: s.sql\n".utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (config, file, diagnostics) = try ConfigLoader.load(path: path, environment: [:])
        #expect(diagnostics.map(\.id) == ["config.invalid-encoding"])
        #expect(diagnostics.first?.range.start == Array("schemas: [public]\n# caf".utf8).count)
        #expect(config.schemaPath == directory.standardizedFileURL.path + "/s.sql")
        #expect(ConfigFixture.rangesAreInside(diagnostics, of: file))
    }
}

extension Array {
    /// The element at `index`, or `nil` past the end.
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
