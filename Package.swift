// swift-tools-version:6.0
// pgpe: PostgreSQL Row-Level Security governance (language server + CLI).
// Targets are listed in dependency order; each layer knows only the ones above it.
import PackageDescription

/// Every target: Swift 6 language mode (the package's tools version), so the compiler checks
/// data-race safety everywhere.
let swiftSettings: [SwiftSetting] = []

let package = Package(
    name: "pgpe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pgpe", targets: ["pgpe"]),
        .executable(name: "pgpe-bench", targets: ["pgpe-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // JSON values, the one parser (byte-offset errors, optional byte ranges) and the one writer.
        .target(
            name: "JSON",
            dependencies: [
                .product(name: "OrderedCollections", package: "swift-collections")
            ],
            swiftSettings: swiftSettings
        ),
        // Text, positions, lexer, error-recovering parser, syntax tree, formatter, suggestions.
        .target(
            name: "PolicySyntax",
            swiftSettings: swiftSettings
        ),
        // The SQL tokenizer, the error-recovering reader of SQL expressions (what PostgreSQL prints
        // and migrations hold), their syntax tree and printer.
        .target(
            name: "SQLExpression",
            dependencies: [
                "PolicySyntax"
            ],
            swiftSettings: swiftSettings
        ),
        // The schema model, the SQL DDL reader, the snapshot reader and writer.
        .target(
            name: "PolicySchema",
            dependencies: [
                "JSON",
                "PolicySyntax",
                "SQLExpression",
            ],
            swiftSettings: swiftSettings
        ),
        // pgpe.yaml: discovery, the reader (the only user of Yams), the project configuration.
        .target(
            name: "PolicyConfig",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "SQLExpression",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // IR, checker, normal form, effective predicates, selectors.
        .target(
            name: "PolicySemantics",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
            ],
            swiftSettings: swiftSettings
        ),
        // Compilation to PostgreSQL text.
        .target(
            name: "PolicySQL",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
            ],
            swiftSettings: swiftSettings
        ),
        // Lifting PostgreSQL's printed policies into the policy language (SPEC 11.6).
        .target(
            name: "PolicyImport",
            dependencies: [
                "PolicySyntax",
                "SQLExpression",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
            ],
            swiftSettings: swiftSettings
        ),
        // The one cancellation token, from a request down to `Z3_interrupt`.
        .target(
            name: "Cancellation"
        ),
        // Z3's C API (libz3-dev).
        .systemLibrary(
            name: "CZ3",
            pkgConfig: "z3",
            providers: [.apt(["libz3-dev"])]
        ),
        // A small owning Swift wrapper over the Z3 C API.
        .target(
            name: "SMT",
            dependencies: [
                "Cancellation",
                "CZ3",
            ],
            swiftSettings: swiftSettings
        ),
        // Encodings and the proofs of SPEC section 6.
        .target(
            name: "PolicyProofs",
            dependencies: [
                "Cancellation",
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
                "SMT",
            ],
            swiftSettings: swiftSettings
        ),
        // libpq (libpq-dev).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // A small owning Swift wrapper over libpq.
        .target(
            name: "PostgresClient",
            dependencies: [
                "CLibPQ"
            ],
            swiftSettings: swiftSettings
        ),
        // Introspection, plan/apply, round trip, drift (by meaning: lifting and Z3).
        .target(
            name: "PolicyDatabase",
            dependencies: [
                "JSON",
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
                "PolicyImport",
                "PolicyProofs",
                "PostgresClient",
            ],
            swiftSettings: swiftSettings
        ),
        // The workspace: documents + config + schema in, immutable snapshots out.
        .target(
            name: "PolicyEngine",
            dependencies: [
                "Cancellation",
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
                "PolicyProofs",
            ],
            swiftSettings: swiftSettings
        ),
        // The edge's disk: pgpe.yaml discovery, reading the project's files, directory listing;
        // shared by the CLI and the language server, which hand what it reads to the engine.
        .target(
            name: "WorkspaceFiles",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicyEngine",
            ],
            swiftSettings: swiftSettings
        ),
        // Content-Length framing, JSON-RPC messages, ids, error codes.
        .target(
            name: "JSONRPC",
            dependencies: [
                "JSON"
            ],
            swiftSettings: swiftSettings
        ),
        // LSP types, dispatch, scheduling, cancellation, engine <-> LSP conversion.
        .target(
            name: "LanguageServer",
            dependencies: [
                "JSON",
                "JSONRPC",
                "PolicySyntax",
                "PolicySchema",
                "Cancellation",
                "PolicyProofs",
                "PolicyEngine",
                "WorkspaceFiles",
            ],
            swiftSettings: swiftSettings
        ),
        // The command line; the only composition root.
        .executableTarget(
            name: "pgpe",
            dependencies: [
                "JSON",
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
                "PolicyProofs",
                "PolicyEngine",
                "WorkspaceFiles",
                "PolicyDatabase",
                "PolicyImport",
                "JSONRPC",
                "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Synthetic workloads (generated workspaces and policies), scratch databases on the
        // server scripts/pg.sh starts, and bench reports: shared by pgpe-bench and the tests.
        .target(
            name: "PolicyWorkloads",
            dependencies: [
                "JSON",
                "PolicySyntax",
                "PolicySchema",
                "PolicySemantics",
                "PostgresClient",
            ],
            swiftSettings: swiftSettings
        ),
        // `make bench`: the benchmark runner.
        .executableTarget(
            name: "pgpe-bench",
            dependencies: [
                "JSON",
                "JSONRPC",
                "PolicySyntax",
                "PolicySchema",
                "PolicySemantics",
                "PolicySQL",
                "PolicyProofs",
                "PolicyEngine",
                "WorkspaceFiles",
                "PolicyDatabase",
                "PostgresClient",
                "PolicyWorkloads",
            ],
            swiftSettings: swiftSettings
        ),
        // Shared test helpers: the reference evaluator (the oracle), differential and golden-file
        // harnesses, fixtures, fuzz targets.
        .target(
            name: "TestSupport",
            dependencies: [
                "JSON",
                "PolicySyntax",
                "SQLExpression",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
                "PolicyEngine",
                "WorkspaceFiles",
                "PostgresClient",
                "PolicyWorkloads",
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        // Test helpers that need the proofs and the compiler: the verdict-level differential test.
        .target(
            name: "ProofTestSupport",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "PolicySemantics",
                "PolicySQL",
                "PolicyProofs",
                "PostgresClient",
                "PolicyWorkloads",
                "TestSupport",
            ],
            path: "Tests/ProofTestSupport",
            swiftSettings: swiftSettings
        ),
        // The JSON parser (strictness, offsets, spans, random input) and writer (compact, pretty).
        .testTarget(
            name: "JSONTests",
            dependencies: [
                "JSON",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // Lexer, parser recovery, line table, formatter, suggestions.
        .testTarget(
            name: "PolicySyntaxTests",
            dependencies: [
                "PolicySyntax",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The SQL expression reader: PostgreSQL's printed expressions, migrations, recovery, robustness.
        .testTarget(
            name: "SQLExpressionTests",
            dependencies: [
                "PolicySyntax",
                "SQLExpression",
                "PostgresClient",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The SQL DDL reader and the snapshot reader/writer.
        .testTarget(
            name: "PolicySchemaTests",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "PolicySemantics",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // pgpe.yaml: discovery, loading, environment expansion, positions, robustness.
        .testTarget(
            name: "PolicyConfigTests",
            dependencies: [
                "PolicySyntax",
                "PolicyConfig",
                "WorkspaceFiles",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The checker, its cache, the normal form, effective predicates.
        .testTarget(
            name: "PolicySemanticsTests",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // Lifting printed policies (SPEC 11.6): the fixtures' texts, generated policies through PostgreSQL.
        .testTarget(
            name: "PolicyImportTests",
            dependencies: [
                "PolicySyntax",
                "SQLExpression",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
                "PolicyImport",
                "PostgresClient",
                "PolicyDatabase",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // Compilation: golden files, quoting, enforcement, the row-level differential test.
        .testTarget(
            name: "PolicySQLTests",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
                "PostgresClient",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The Z3 wrapper.
        .testTarget(
            name: "SMTTests",
            dependencies: [
                "Cancellation",
                "SMT",
            ],
            swiftSettings: swiftSettings
        ),
        // The proof catalogue, equivalence, blame, caching, timeouts.
        .testTarget(
            name: "PolicyProofsTests",
            dependencies: [
                "Cancellation",
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicyProofs",
                "PolicySQL",
                "PolicyImport",
                "PolicyEngine",
                "WorkspaceFiles",
                "PostgresClient",
                "PolicyWorkloads",
                "TestSupport",
                "ProofTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The libpq wrapper against a real PostgreSQL.
        .testTarget(
            name: "PostgresClientTests",
            dependencies: [
                "PostgresClient",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // Introspection, round trip, apply, drift, posture against a real PostgreSQL.
        .testTarget(
            name: "PolicyDatabaseTests",
            dependencies: [
                "PolicySyntax",
                "PolicySchema",
                "PolicyConfig",
                "PolicySemantics",
                "PolicySQL",
                "PolicyDatabase",
                "PostgresClient",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The workspace and every editor feature provider.
        .testTarget(
            name: "PolicyEngineTests",
            dependencies: [
                "Cancellation",
                "PolicySyntax",
                "PolicySchema",
                "PolicySemantics",
                "PolicyProofs",
                "PolicyEngine",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The edge's disk: loading a project from real directories, reloading, closing.
        .testTarget(
            name: "WorkspaceFilesTests",
            dependencies: [
                "PolicySyntax",
                "PolicyConfig",
                "PolicyEngine",
                "WorkspaceFiles",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // Framing, message decoding, the connection.
        .testTarget(
            name: "JSONRPCTests",
            dependencies: [
                "JSON",
                "JSONRPC",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The language server driven in process and as `pgpe lsp`.
        .testTarget(
            name: "LanguageServerTests",
            dependencies: [
                "JSON",
                "PolicySyntax",
                "JSONRPC",
                "LanguageServer",
                "PolicyEngine",
                "WorkspaceFiles",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // The pgpe binary as a whole process.
        .testTarget(
            name: "CLITests",
            dependencies: [
                "JSON",
                "PostgresClient",
                "PolicyWorkloads",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
