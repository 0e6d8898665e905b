// swift-tools-version:6.0
// pgpe: PostgreSQL Row-Level Security governance (language server + CLI).
// Targets are listed in dependency order; each layer knows only the ones above it.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v5),
]

let package = Package(
    name: "pgpe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pgpe", targets: ["pgpe"]),
        .executable(name: "pgpe-bench", targets: ["pgpe-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Text, positions, lexer, error-recovering parser, syntax tree, formatter.
        .target(
            name: "PolicySyntax",
            swiftSettings: swiftSettings
        ),
        // pgpe.yaml, schema model and readers, checks, normal form, effective predicates, evaluator.
        .target(
            name: "PolicySemantics",
            dependencies: [
                "PolicySyntax",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // Compilation to PostgreSQL text.
        .target(
            name: "PolicySQL",
            dependencies: [
                "PolicySemantics",
            ],
            swiftSettings: swiftSettings
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
                "CZ3",
            ],
            swiftSettings: swiftSettings
        ),
        // Encodings and the proofs of SPEC section 6.
        .target(
            name: "PolicyProofs",
            dependencies: [
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
                "CLibPQ",
            ],
            swiftSettings: swiftSettings
        ),
        // Introspection, plan/apply, round trip, drift.
        .target(
            name: "PolicyDatabase",
            dependencies: [
                "PolicySyntax",
                "PolicySemantics",
                "PolicySQL",
                "PostgresClient",
            ],
            swiftSettings: swiftSettings
        ),
        // The workspace: documents + config + schema in, immutable snapshots out.
        .target(
            name: "PolicyEngine",
            dependencies: [
                "PolicySyntax",
                "PolicySemantics",
                "PolicySQL",
                "PolicyProofs",
            ],
            swiftSettings: swiftSettings
        ),
        // Content-Length framing, JSON-RPC messages, ids, error codes.
        .target(
            name: "JSONRPC",
            swiftSettings: swiftSettings
        ),
        // LSP types, dispatch, scheduling, cancellation, engine <-> LSP conversion.
        .target(
            name: "LanguageServer",
            dependencies: [
                "JSONRPC",
                "PolicyEngine",
            ],
            swiftSettings: swiftSettings
        ),
        // The command line; the only composition root.
        .executableTarget(
            name: "pgpe",
            dependencies: [
                "PolicySyntax",
                "PolicySemantics",
                "PolicySQL",
                "PolicyProofs",
                "PolicyEngine",
                "PolicyDatabase",
                "JSONRPC",
                "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // `make bench`: the benchmark runner.
        .executableTarget(
            name: "pgpe-bench",
            dependencies: [
                "PolicyProofs",
                "PolicyEngine",
                "PolicyDatabase",
                "LanguageServer",
                "TestSupport",
                "ProofTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        // Shared test helpers: the PostgreSQL harness, generators, fixtures, fuzz targets.
        .target(
            name: "TestSupport",
            dependencies: [
                "PolicySyntax",
                "PolicySemantics",
                "PolicySQL",
                "PostgresClient",
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        // Test helpers that need the proofs and the compiler: the verdict-level differential test.
        .target(
            name: "ProofTestSupport",
            dependencies: [
                "PolicySemantics",
                "PolicySQL",
                "PolicyProofs",
                "PostgresClient",
                "TestSupport",
            ],
            path: "Tests/ProofTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PolicySyntaxTests", dependencies: ["PolicySyntax", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PolicySemanticsTests", dependencies: ["PolicySemantics", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PolicySQLTests", dependencies: ["PolicySQL", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SMTTests", dependencies: ["SMT"], swiftSettings: swiftSettings),
        .testTarget(name: "PolicyProofsTests", dependencies: ["PolicyProofs", "PolicySQL", "PolicyEngine", "TestSupport", "ProofTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PolicyDatabaseTests", dependencies: ["PolicyDatabase", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PolicyEngineTests", dependencies: ["PolicyEngine", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"], swiftSettings: swiftSettings),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], swiftSettings: swiftSettings),
    ]
)
